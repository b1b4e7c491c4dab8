package moter

import (
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/ui/uitest"
)

func TestMeetingAttachment(t *testing.T) {
	env, w, st := newEnv(t, false)
	meetings, _ := st.Meetings()
	m := meetings[len(meetings)-1]
	e := NewEditor(env, m, func(model.Meeting) {}, nil)
	w.SetContent(e.Content())
	if err := e.Attach.AddFile(uitest.PNGFile(t, "tavle.png", 90, 60)); err != nil {
		t.Fatal(err)
	}
	if n := st.AttachmentCount(model.OwnerMeeting, m.ID); n != 1 {
		t.Fatalf("stored %d", n)
	}
	e.confirmDelete()
	if q := w.Canvas().Overlays().Top(); q == nil || !uitest.HasText(q, "Vedleggene (1) slettes sammen med møtet.") {
		t.Error("the delete question does not name the attachment")
	}
}

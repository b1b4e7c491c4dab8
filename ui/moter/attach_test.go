package moter

import (
	"strings"
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

// The list of meetings counts each meeting's attachments, and follows an
// attachment added in the open meeting.
func TestMeetingListCountsAttachments(t *testing.T) {
	s, _, _, st := newScreen(t)
	m := s.shown[0]
	s.Open(m.ID)
	if s.Editor == nil || s.Editor.Meeting().ID != m.ID {
		t.Fatal("meeting not open")
	}
	if text, _ := s.listText(m); strings.Contains(text, "vedlegg") {
		t.Fatalf("a meeting without attachments: %q", text)
	}
	if err := s.Editor.Attach.AddFile(uitest.PNGFile(t, "tavle.png", 90, 60)); err != nil {
		t.Fatal(err)
	}
	if n := st.AttachmentCount(model.OwnerMeeting, m.ID); n != 1 {
		t.Fatalf("stored %d", n)
	}
	if text, _ := s.listText(m); !strings.Contains(text, "· 1 vedlegg") {
		t.Errorf("the row does not count the attachment: %q", text)
	}
}

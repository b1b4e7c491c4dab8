package risiko

import (
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/ui/uitest"
)

func TestRiskItemAttachment(t *testing.T) {
	env, w, st := uitest.NewEnv(t, false)
	s := New(env)
	w.SetContent(s.Content())
	items, _ := st.AllRiskItems()
	item := items[0]
	s.Open(item.AssessmentID, item.ID)
	if s.Detail == nil || s.Detail.Item == nil || s.Detail.Item.Item().ID != item.ID {
		t.Fatal("risk item not opened")
	}
	ed := s.Detail.Item
	if err := ed.Attach.AddFile(uitest.PNGFile(t, "trapp.png", 90, 60)); err != nil {
		t.Fatal(err)
	}
	if n := st.AttachmentCount(model.OwnerRiskItem, item.ID); n != 1 || len(ed.Attach.Thumbs) != 1 {
		t.Fatalf("stored %d, shown %d", n, len(ed.Attach.Thumbs))
	}
}

package risiko

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

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
	// The list of items counts it at once, from the metadata.
	if text := s.Detail.ItemText(item); !strings.Contains(text, "· 1 vedlegg") {
		t.Errorf("the item's row does not count its photo: %q", text)
	}
	if text := s.Detail.ItemText(items[1]); strings.Contains(text, "vedlegg") {
		t.Errorf("an item without attachments: %q", text)
	}
}

// «Slett» on a risk item asks first, with «Avbryt» as the default and the
// number of attachments that go with it; the item and its photo go
// together, and the change log's undo puts both back.
func TestRiskItemDeleteAsksAndUndoes(t *testing.T) {
	env, w, st := uitest.NewEnv(t, false)
	s := New(env)
	w.SetContent(s.Content())
	items, _ := st.AllRiskItems()
	item := items[0]
	s.Open(item.AssessmentID, item.ID)
	ed := s.Detail.Item
	if ed.Delete.Importance != widget.DangerImportance || !ed.Delete.Visible() {
		t.Fatal("no danger «Slett» in the risk item editor")
	}
	if err := ed.Attach.AddFile(uitest.PNGFile(t, "trapp.png", 90, 60)); err != nil {
		t.Fatal(err)
	}
	test.Tap(ed.Delete)
	q := w.Canvas().Overlays().Top()
	if q == nil || !uitest.HasText(q, "Vedleggene (1) slettes sammen med risikoforholdet.") || !uitest.HasText(q, item.Hazard) {
		t.Fatalf("the question does not name the item and its attachment: %v", uitest.Texts(q))
	}
	uitest.Key(w, fyne.KeyReturn) // the default is «Avbryt»
	if _, err := st.RiskItem(item.ID); err != nil {
		t.Fatal("Enter deleted the item")
	}
	test.Tap(ed.Delete)
	test.Tap(uitest.Button(w.Canvas().Overlays().Top(), "Slett"))
	if _, err := st.RiskItem(item.ID); err == nil {
		t.Fatal("the item was not deleted")
	}
	if st.AttachmentCount(model.OwnerRiskItem, item.ID) != 0 {
		t.Error("the photo outlived its item")
	}
	if s.Detail.Item != nil || s.Dirty() {
		t.Error("the editor of the deleted item is still open")
	}
	for _, it := range s.Detail.Shown() {
		if it.ID == item.ID {
			t.Error("the deleted item is still listed")
		}
	}
	last, ok := st.LastUndoable()
	if !ok || last.Entity != "risikoforhold" || !strings.Contains(last.Summary, "med 1 vedlegg") {
		t.Fatalf("last change %+v", last)
	}
	if _, err := st.UndoLast(); err != nil {
		t.Fatal(err)
	}
	if _, err := st.RiskItem(item.ID); err != nil || st.AttachmentCount(model.OwnerRiskItem, item.ID) != 1 {
		t.Errorf("undo did not put back the item with its photo: %v", err)
	}
}

// A new item, never saved, has nothing to delete.
func TestNewRiskItemHasNoDelete(t *testing.T) {
	env, w, st := uitest.NewEnv(t, false)
	s := New(env)
	w.SetContent(s.Content())
	items, _ := st.AllRiskItems()
	s.Open(items[0].AssessmentID, 0)
	test.Tap(s.Detail.NewItem)
	if s.Detail.Item.Delete.Visible() {
		t.Error("«Slett» offered for an item not saved")
	}
}

package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/moter"
	"hmsutvalg/ui/risiko"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/vedlegg"
)

// stored is what the file holds for a panel's record.
func storedAttachments(t *testing.T, env *appctx.Env, owner model.AttachmentOwner, id uint64) int {
	t.Helper()
	atts, err := env.Store.Attachments(owner, id, 0)
	if err != nil {
		t.Fatal(err)
	}
	return len(atts)
}

// pressAngre presses «Angre» in the undo bar, which must offer it.
func pressAngre(t *testing.T, u *App) {
	t.Helper()
	b := uitest.Button(u.Window().Content(), "Angre")
	if b == nil || !b.Visible() {
		t.Fatalf("no «Angre» in the bar: %v", uitest.Texts(u.Window().Content()))
	}
	test.Tap(b)
}

func openDeviationPanel(t *testing.T, env *appctx.Env, id uint64) *vedlegg.Panel {
	t.Helper()
	scr, ok := env.Guard.Form().(*avvik.Screen)
	if !ok || scr.Editor == nil || scr.Editor.Deviation().ID != id {
		t.Fatalf("deviation %d is not open after the undo", id)
	}
	return scr.Editor.Attach
}

// After «Angre» of adding or deleting an attachment, the open form stays
// open and its attachments are what the file holds.
func TestUndoAttachmentRefreshesOpenPanel(t *testing.T) {
	a := test.NewTempApp(t)
	u := Start(a, Options{DBPath: uitest.DemoFile(t), Today: func() model.Date { return uitest.Today }})
	defer u.Close()
	env := u.Env()
	devs, _ := env.Store.Deviations()
	dev := devs[0]
	env.Open(avvik.PageID, appctx.Focus{ID: dev.ID})
	p := openDeviationPanel(t, env, dev.ID)
	before := len(p.Items())
	if err := p.AddFile(uitest.PNGFile(t, "gulv.png", 60, 40)); err != nil {
		t.Fatal(err)
	}
	if !uitest.HasText(u.Window().Content(), "La til vedlegg «gulv.png»") {
		t.Errorf("the bar does not announce the attachment: %v", uitest.Texts(u.Window().Content()))
	}
	pressAngre(t, u)
	p = openDeviationPanel(t, env, dev.ID)
	if n := storedAttachments(t, env, model.OwnerDeviation, dev.ID); n != before || len(p.Items()) != n || len(p.Thumbs) != n {
		t.Fatalf("after undoing the add: stored %d, panel %d items and %d thumbnails, want %d", n, len(p.Items()), len(p.Thumbs), before)
	}

	// Delete one, undo: it is back in the open form.
	if err := p.AddFile(uitest.PNGFile(t, "trapp.png", 60, 40)); err != nil {
		t.Fatal(err)
	}
	added := p.Items()[len(p.Items())-1]
	p.Delete(added)
	if len(p.Items()) != before {
		t.Fatalf("the delete is not shown: %d", len(p.Items()))
	}
	env.Undo() // Ctrl+Z takes the same way
	p = openDeviationPanel(t, env, dev.ID)
	if n := storedAttachments(t, env, model.OwnerDeviation, dev.ID); n != before+1 || len(p.Items()) != n {
		t.Fatalf("after undoing the delete: stored %d, panel %d, want %d", n, len(p.Items()), before+1)
	}
	if got := p.Items()[len(p.Items())-1]; got.ID != added.ID {
		t.Errorf("the panel shows %+v, want %+v back", got, added)
	}
}

// «Angre» of a risk item's delete opens the item again, its photo in its
// panel; «Angre» on a meeting's attachment refreshes the meeting's panel.
func TestUndoRecordDeleteShowsItsAttachments(t *testing.T) {
	a := test.NewTempApp(t)
	u := Start(a, Options{DBPath: uitest.DemoFile(t), Today: func() model.Date { return uitest.Today }})
	defer u.Close()
	env := u.Env()
	items, _ := env.Store.AllRiskItems()
	item := items[0]
	env.Open(risiko.PageID, appctx.Focus{ParentID: item.AssessmentID, ID: item.ID})
	scr := env.Guard.Form().(*risiko.Screen)
	ed := scr.Detail.Item
	if err := ed.Attach.AddFile(uitest.PNGFile(t, "stige.png", 60, 40)); err != nil {
		t.Fatal(err)
	}
	ed.DeleteItem()
	if !uitest.HasText(u.Window().Content(), "med 1 vedlegg") {
		t.Errorf("the bar does not say the photo went too: %v", uitest.Texts(u.Window().Content()))
	}
	pressAngre(t, u)
	scr, ok := env.Guard.Form().(*risiko.Screen)
	if !ok || scr.Detail == nil || scr.Detail.Item == nil || scr.Detail.Item.Item().ID != item.ID {
		t.Fatal("the risk item put back is not opened")
	}
	if scr.Detail.Tabs.SelectedIndex() != 2 {
		t.Errorf("the item put back is opened on tab %d, not its form", scr.Detail.Tabs.SelectedIndex())
	}
	if n := len(scr.Detail.Item.Attach.Items()); n != 1 || storedAttachments(t, env, model.OwnerRiskItem, item.ID) != 1 {
		t.Errorf("the item's panel shows %d attachments after the undo, want 1", n)
	}

	ms, _ := env.Store.Meetings()
	env.Open(moter.PageID, appctx.Focus{ID: ms[0].ID})
	ms0 := env.Guard.Form().(*moter.Screen)
	if ms0.Editor == nil {
		t.Fatal("meeting not open")
	}
	n0 := len(ms0.Editor.Attach.Items())
	if err := ms0.Editor.Attach.AddFile(uitest.PNGFile(t, "tavle.png", 60, 40)); err != nil {
		t.Fatal(err)
	}
	pressAngre(t, u)
	ms1 := env.Guard.Form().(*moter.Screen)
	if ms1.Editor == nil || ms1.Editor.Meeting().ID != ms[0].ID {
		t.Fatal("the meeting is not open after the undo")
	}
	if n := len(ms1.Editor.Attach.Items()); n != n0 {
		t.Errorf("the meeting's panel shows %d attachments after the undo, want %d", n, n0)
	}
}

package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/globalsearch"
	"hmsutvalg/ui/handlingsplan"
	"hmsutvalg/ui/i18n"
	"hmsutvalg/ui/moter"
	"hmsutvalg/ui/sykefravar"
	"hmsutvalg/ui/uitest"
)

// deepRow is how far down a list the record a test opens must be, so
// that it is below the first screenful and the list has to scroll.
const deepRow = 12

// startScroll opens the demo unit at 1024×768, where a register shows
// about ten rows.
func startScroll(t *testing.T) *App {
	t.Helper()
	a := test.NewTempApp(t)
	u := Start(a, Options{DBPath: uitest.DemoFile(t), Today: func() model.Date { return uitest.Today }})
	t.Cleanup(u.Close)
	u.Window().Resize(fyne.NewSize(1024, 768))
	return u
}

// shows reports whether every text is among the visible texts under o (a
// list renders only the rows in its view).
func shows(o fyne.CanvasObject, texts ...string) bool {
	got := uitest.Texts(o)
	for _, want := range texts {
		found := false
		for _, g := range got {
			found = found || strings.Contains(g, want)
		}
		if !found {
			return false
		}
	}
	return true
}

// searchOpen opens the global search's hit of kind with id, as a click
// in its list does.
func searchOpen(t *testing.T, env *appctx.Env, text string, kind model.SearchKind, id uint64) {
	t.Helper()
	v := globalsearch.Show(env, text)
	for i, h := range v.Hits {
		if h.Kind == kind && (h.ID == id || kind == model.SearchRiskItem && h.ParentID == id) {
			v.Open(i)
			return
		}
	}
	v.Dialog().Hide()
	t.Fatalf("the search for %q does not find %s %d", text, kind, id)
}

// TestSearchHitScrollsToTheRow: a global-search hit far down a register
// opens with its row in view, selected, and its record in the detail
// pane (before, the list stayed at its top).
func TestSearchHitScrollsToTheRow(t *testing.T) {
	u := startScroll(t)
	env, w := u.Env(), u.Window()

	env.Navigate(avvik.PageID)
	devs := env.Guard.Form().(*avvik.Screen).Shown()
	if len(devs)/2 <= deepRow {
		t.Fatalf("the demo has %d deviations, too few to scroll", len(devs))
	}
	d := devs[len(devs)/2]
	env.Navigate(oversiktPageID)
	searchOpen(t, env, d.Label(), model.SearchDeviation, d.ID)
	s := env.Guard.Form().(*avvik.Screen)
	first, second, _ := avvik.RowText(d, uitest.Today)
	if !shows(s.List, first, second) {
		t.Errorf("deviation %q opened from the search: its row is not in view: %q", first, uitest.Texts(s.List))
	}
	if s.Editor == nil || s.Editor.Deviation().ID != d.ID {
		t.Error("the deviation is not in the detail pane")
	}

	env.Navigate(handlingsplan.PageID)
	ms := env.Guard.Form().(*handlingsplan.Screen).Shown()
	if len(ms)/2 <= deepRow {
		t.Fatalf("the demo has %d measures, too few to scroll", len(ms))
	}
	m := ms[len(ms)/2]
	env.Navigate(oversiktPageID)
	searchOpen(t, env, m.Title, model.SearchMeasure, m.ID)
	hp := env.Guard.Form().(*handlingsplan.Screen)
	if !shows(hp.Table, firstWords(m.Title, 3), m.Responsible) {
		t.Errorf("measure %q opened from the search: its row is not in view: %q", m.Title, uitest.Texts(hp.Table))
	}
	if hp.Editor.Measure().ID != m.ID {
		t.Error("the measure is not in the editor")
	}
	if !shows(w.Content(), "Lagre") {
		t.Error("no editor on screen")
	}
}

// firstWords is the first n words of s.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

// oversiktPageID is the dashboard, a page without a register list.
const oversiktPageID = "oversikt"

// TestUndoScrollsToTheRow: «Angre» after deleting the last deviation in
// the register puts it back, opened, with its row in view.
func TestUndoScrollsToTheRow(t *testing.T) {
	u := startScroll(t)
	env, w := u.Env(), u.Window()
	env.Navigate(avvik.PageID)
	devs := env.Guard.Form().(*avvik.Screen).Shown()
	if len(devs)/2 <= deepRow {
		t.Fatalf("the demo has %d deviations, too few to scroll", len(devs))
	}
	d := devs[len(devs)/2]
	env.Open(avvik.PageID, appctx.Focus{ID: d.ID})
	test.Tap(uitest.Button(w.Content(), "Slett"))
	test.Tap(uitest.Button(w.Canvas().Overlays().Top(), "Slett"))
	if _, err := env.Store.Deviation(d.ID); err == nil {
		t.Fatal("the deviation was not deleted")
	}
	env.Navigate(oversiktPageID) // the undo opens the register from elsewhere too
	test.Tap(uitest.Button(w.Content(), "Angre"))
	s, ok := env.Guard.Form().(*avvik.Screen)
	if !ok {
		t.Fatal("Angre did not open the register")
	}
	first, second, _ := avvik.RowText(d, uitest.Today)
	if !shows(s.List, first, second) {
		t.Errorf("the deviation put back is not in view: %q", uitest.Texts(s.List))
	}
	if s.Editor == nil || s.Editor.Deviation().ID != d.ID {
		t.Error("the deviation put back is not in the detail pane")
	}
}

// TestOpenRecordScrollsToTheRow: the other ways a page is opened on one
// record — «Vis» on a sick-leave quarter (the annual wheel), Oversikt's
// «Åpne» on a meeting or an assessment — show the row.
func TestOpenRecordScrollsToTheRow(t *testing.T) {
	u := startScroll(t)
	env := u.Env()

	// The oldest quarter, as the wheel's «Vis» opens it.
	qs, _ := env.Store.SickLeaveQuarters()
	if len(qs) <= 8 { // the quarters tab shows about six
		t.Fatalf("the demo has %d quarters, too few to scroll", len(qs))
	}
	q := qs[0]
	page, f := moter.ProofTarget(model.WheelProof{Record: model.RecordSickLeave, ID: q.ID}, model.HMSYear(q.Quarter.Year))
	env.Open(page, f)
	sk := env.Guard.Form().(*sykefravar.Screen)
	if !shows(sk.Table, q.Quarter.String()) {
		t.Errorf("quarter %s opened: its row is not in view: %q", q.Quarter, uitest.Texts(sk.Table))
	}

	// The oldest meeting, as «Åpne møtet» opens one.
	env.Navigate(moter.PageID)
	mtgs := env.Guard.Form().(*moter.Screen).Meetings()
	if len(mtgs) <= deepRow {
		t.Fatalf("the demo has %d meetings, too few to scroll", len(mtgs))
	}
	mt := mtgs[len(mtgs)-1]
	env.Open(moter.PageID, appctx.Focus{ID: mt.ID})
	ms := env.Guard.Form().(*moter.Screen)
	if !shows(ms.List, i18n.T(mt.Title()), mt.TimeText()) {
		t.Errorf("meeting %s opened: its row is not in view: %q", mt.Date, uitest.Texts(ms.List))
	}

}

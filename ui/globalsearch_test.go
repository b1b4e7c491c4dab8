package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/globalsearch"
	"hmsutvalg/ui/uitest"
)

// TestSearchAllJumpsToTheItem: the top bar's «Søk i alt» and Ctrl+Shift+F
// open the search; a hit of each register opens its page with the record
// on screen.
func TestSearchAllJumpsToTheItem(t *testing.T) {
	a := test.NewTempApp(t)
	u := Start(a, Options{DBPath: uitest.DemoFile(t), Today: func() model.Date { return uitest.Today }})
	defer u.Close()
	env, w := u.Env(), u.Window()
	w.Resize(fyne.NewSize(1024, 768))
	if !uitest.HasText(w.Content(), "Søk i alt") {
		t.Fatal("the top bar has no «Søk i alt»")
	}
	uitest.Shortcut(w, searchAllShortcut)
	top := w.Canvas().Overlays().Top()
	if top == nil || !uitest.HasText(top, "Søk i alle registre") {
		t.Fatal("Ctrl+Shift+F did not open the search")
	}
	uitest.Key(w, fyne.KeyEscape)
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape did not close the search")
	}

	st := env.Store
	ms, _ := st.Measures()
	items, _ := st.AllRiskItems()
	rounds, _ := st.SafetyRounds()
	meetings, _ := st.Meetings()
	var finding string
	var roundID uint64
	for _, r := range rounds {
		if fs := r.Findings(); len(fs) > 0 {
			finding, roundID = fs[0].Question.Text, r.ID
		}
	}
	cases := []struct {
		kind model.SearchKind
		text string
		id   uint64
		want string // text on screen after the jump
	}{
		{model.SearchMeasure, ms[0].Title, ms[0].ID, ms[0].Title},
		{model.SearchRiskItem, items[0].Hazard, items[0].ID, items[0].Hazard},
		{model.SearchFinding, finding, 0, finding},
		// The meeting opens in its editor: its date in the date field.
		{model.SearchMeeting, meetings[0].Agenda[0].Title, meetings[0].ID, meetings[0].Date.String()},
	}
	for _, c := range cases {
		v := globalsearch.Show(env, c.text)
		i := -1
		for j, h := range v.Hits {
			if h.Kind == c.kind && (c.id == 0 && h.ParentID == roundID || c.id != 0 && h.ID == c.id) {
				i = j
				break
			}
		}
		if i < 0 {
			t.Errorf("%s: %q does not find the record in %+v", c.kind, c.text, v.Hits)
			v.Dialog().Hide()
			continue
		}
		v.Open(i)
		if w.Canvas().Overlays().Top() != nil {
			t.Fatalf("%s: the search stayed open", c.kind)
		}
		if shown := uitest.Texts(w.Content()); !slices.ContainsFunc(shown, func(x string) bool { return x == c.want || strings.HasSuffix(x, " "+c.want) }) {
			t.Errorf("%s: after the jump the page does not show %q: %q", c.kind, c.want, shown)
		}
	}

	// A deviation opens in the register's editor.
	devs, _ := st.Deviations()
	v := globalsearch.Show(env, devs[0].Label())
	for i, h := range v.Hits {
		if h.Kind == model.SearchDeviation && h.ID == devs[0].ID {
			v.Open(i)
			break
		}
	}
	if !uitest.HasText(w.Content(), "Lagre avviket") && !uitest.HasText(w.Content(), devs[0].Place) {
		t.Errorf("the deviation is not on screen: %q", uitest.Texts(w.Content()))
	}
}

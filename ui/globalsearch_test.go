package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/globalsearch"
	"hmsutvalg/ui/moter"
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

// TestSearchHitOpensMeetingTab: a hit in a meeting's agenda — an item's
// title, its notes (the minutes) or a decision — opens the meeting on
// «Sakliste» at that item; a hit in the meeting's place opens «Møtet».
func TestSearchHitOpensMeetingTab(t *testing.T) {
	a := test.NewTempApp(t)
	u := Start(a, Options{DBPath: uitest.DemoFile(t), Today: func() model.Date { return uitest.Today }})
	defer u.Close()
	env, w := u.Env(), u.Window()
	w.Resize(fyne.NewSize(1024, 768))
	ms, _ := env.Store.Meetings()
	var m model.Meeting
	var item model.AgendaItem
	for _, x := range ms {
		for _, it := range x.Agenda {
			if len(it.Decisions) > 0 && strings.TrimSpace(it.Notes) != "" && it.ID != x.Agenda[0].ID {
				m, item = x, it
			}
		}
	}
	if m.ID == 0 {
		t.Fatal("the demo has no meeting with notes and a decision past its first item")
	}
	cases := []struct {
		name, text string
		tab        string
		item       uint64
	}{
		{"decision", item.Decisions[0].Text, "Sakliste", item.ID},
		{"notes", item.Notes, "Sakliste", item.ID},
		{"item title", item.Title + " " + m.Date.String(), "Sakliste", item.ID},
		{"place", m.Place + " " + m.Date.String(), "Møtet", 0},
	}
	for _, c := range cases {
		env.Navigate(oversiktPageID)
		v := globalsearch.Show(env, firstWords(c.text, 6))
		i := slices.IndexFunc(v.Hits, func(h model.SearchHit) bool { return h.Kind == model.SearchMeeting && h.ID == m.ID })
		if i < 0 {
			v.Dialog().Hide()
			t.Errorf("%s: %q does not find meeting %s", c.name, firstWords(c.text, 6), m.Date)
			continue
		}
		v.Open(i)
		s, ok := env.Guard.Form().(*moter.Screen)
		if !ok || s.Editor == nil || s.Editor.Meeting().ID != m.ID {
			t.Fatalf("%s: the meeting is not open", c.name)
		}
		if got := s.Editor.Tabs.Selected().Text; got != c.tab {
			t.Errorf("%s: opened on tab %q, want %q", c.name, got, c.tab)
		}
		if c.item != 0 && s.Editor.SelectedItem() != c.item {
			t.Errorf("%s: item %d shown, want %d (%q)", c.name, s.Editor.SelectedItem(), c.item, item.Title)
		}
	}
}

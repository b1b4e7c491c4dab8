package vold

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/ui/uitest"
)

// TestSearchFiltersTraining: Ctrl+F opens the training tab with the
// keyboard in its search; a topic finds its trainings, and the training
// in the editor leaves it when the search hides it.
func TestSearchFiltersTraining(t *testing.T) {
	f := open(t, true, false)
	tv := f.s.Training
	if !f.env.Search() || f.w.Canvas().Focused() != tv.Search || f.s.Tabs.Selected() != f.s.TrainingTab {
		t.Fatal("Ctrl+F did not focus the training log's search")
	}
	all := len(tv.Shown())
	if all < 2 {
		t.Fatalf("the demo has %d trainings", all)
	}
	first, last := tv.Shown()[0], tv.Shown()[all-1]
	if first.Topic == last.Topic {
		t.Fatal("the demo's newest and oldest trainings share a topic")
	}
	tv.List.Select(all - 1) // the oldest, as a click does
	if tv.current.ID != last.ID {
		t.Fatalf("editor holds %q, want %q", tv.current.Topic, last.Topic)
	}
	test.Type(tv.Search, last.Topic)
	for _, x := range tv.Shown() {
		if x.Topic != last.Topic {
			t.Errorf("search for %q lists %q", last.Topic, x.Topic)
		}
	}
	if tv.current.ID != last.ID {
		t.Fatal("a listed training left the editor")
	}
	tv.Search.SetText(first.Topic)
	if len(tv.Shown()) == 0 || len(tv.Shown()) == all {
		t.Fatalf("search for %q lists %d of %d", first.Topic, len(tv.Shown()), all)
	}
	if tv.current.ID != 0 || tv.Topic.Text != "" {
		t.Errorf("the training the search hides stayed in the editor: %q", tv.Topic.Text)
	}
	tv.Search.SetText("")
	if len(tv.Shown()) != all {
		t.Errorf("a blank search lists %d, want all %d", len(tv.Shown()), all)
	}
}

// TestSearchCoversIncidents: the page's search also covers the incidents
// (model.MatchIncident). From the training log's search a word found only
// among the incidents offers them; the offer opens the incidents tab
// searching for it, of every year, scrolled so the hits are in view below
// the figures; Ctrl+F on that tab goes to its search.
func TestSearchCoversIncidents(t *testing.T) {
	f := open(t, true, false)
	incidents := f.s.Data().Incidents
	if len(incidents) < 2 {
		t.Fatalf("the demo has %d incidents", len(incidents))
	}
	// The oldest incident: not in the year the tab shows first.
	old := incidents[0]
	for _, d := range incidents {
		if d.Date.Before(old.Date) {
			old = d
		}
	}
	if old.Date.Year() == uitest.Today.Year() {
		t.Fatal("the demo has no incident from an earlier year")
	}
	text := old.Date.String()
	if !f.env.Search() {
		t.Fatal("Ctrl+F did nothing")
	}
	tv := f.s.Training
	test.Type(tv.Search, text)
	want := 0
	for _, d := range incidents {
		if d.Date == old.Date {
			want++
		}
	}
	if !tv.IncidentHits.Visible() || !strings.HasPrefix(tv.IncidentHits.Text, fmt.Sprintf("%d hendelse", want)) {
		t.Fatalf("the training search does not offer the %d incidents of %s: %q (shown %v)", want, text, tv.IncidentHits.Text, tv.IncidentHits.Visible())
	}
	test.Tap(tv.IncidentHits)
	iv := f.s.Incidents
	if f.s.Tabs.Selected() != f.s.EventTab || iv.Search.Text != text || f.w.Canvas().Focused() != iv.Search {
		t.Fatalf("the offer did not open the incidents searching for %q (tab %q, search %q)", text, f.s.Tabs.Selected().Text, iv.Search.Text)
	}
	if got := len(iv.Matching()); got != want {
		t.Errorf("the incidents' search finds %d, want %d", got, want)
	}
	f.w.Canvas().Capture() // lays the tab out
	iv.ScrollToHits()
	if len(iv.List.Objects) == 0 || !uitest.HasText(iv.List.Objects[0], text) {
		t.Fatalf("the first incident row is not of %s", text)
	}
	row := iv.List.Objects[0]
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(iv.scroll).Y
	y := d.AbsolutePositionForObject(row).Y
	if y < top || y+row.Size().Height > top+iv.scroll.Size().Height {
		t.Errorf("the hit is at %.0f, outside the view %.0f–%.0f", y, top, top+iv.scroll.Size().Height)
	}
	// Ctrl+F on the incidents tab: its own search.
	f.w.Canvas().Unfocus()
	if !f.env.Search() || f.w.Canvas().Focused() != iv.Search {
		t.Error("Ctrl+F on the incidents tab did not focus their search")
	}
	// A blank search: the year's incidents again.
	iv.Search.SetText("")
	if iv.Hits.Visible() {
		t.Error("a blank search still counts hits")
	}
}

package vold

import (
	"testing"

	"fyne.io/fyne/v2/test"
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

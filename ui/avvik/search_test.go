package avvik

import (
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/ui/uitest"
)

// TestSearchFiltersAndDropsHidden: Ctrl+F puts the keyboard in the search
// field, the list keeps what matches, and an open deviation the search
// hides leaves the editor.
func TestSearchFiltersAndDropsHidden(t *testing.T) {
	s, _, env := newScreen(t)
	if !env.Search() {
		t.Fatal("Avvik registers no Ctrl+F")
	}
	if env.Window.Canvas().Focused() != s.Search {
		t.Fatal("Ctrl+F did not focus the search field")
	}
	all := len(s.Shown())
	var target model.Deviation
	for _, d := range s.Shown() {
		if d.WhatHappened != "" {
			target = d
			break
		}
	}
	s.List.Select(0)
	if s.Editor == nil {
		t.Fatal("no deviation opened")
	}
	s.Search.SetText(target.WhatHappened)
	if n := len(s.Shown()); n == 0 || n >= all {
		t.Fatalf("search for what happened lists %d of %d", n, all)
	}
	for _, d := range s.Shown() {
		if !model.NewSearchQuery(target.WhatHappened).MatchDeviation(d, false) {
			t.Errorf("deviation %d listed without the words", d.ID)
		}
	}
	s.Search.SetText("zzz finnes ikke")
	if len(s.Shown()) != 0 || s.Editor != nil {
		t.Fatalf("%d listed, editor %v: a search without hits must empty the list and the editor", len(s.Shown()), s.Editor != nil)
	}
	s.Search.SetText("")
	if len(s.Shown()) != all {
		t.Errorf("cleared search lists %d, want %d", len(s.Shown()), all)
	}
}

// TestSearchHidesSensitiveInMeetingMode: on the shared screen the
// description is not searched.
func TestSearchHidesSensitiveInMeetingMode(t *testing.T) {
	env, w, _ := uitest.NewEnv(t, true)
	s := New(env)
	w.SetContent(s.Content())
	for _, d := range s.Shown() {
		if d.WhatHappened == "" {
			continue
		}
		q := model.NewSearchQuery(d.WhatHappened)
		s.Search.SetText(d.WhatHappened)
		for _, x := range s.Shown() {
			if !q.MatchDeviation(x, true) {
				t.Fatalf("Møtemodus found deviation %d by its description", x.ID)
			}
		}
		return
	}
	t.Fatal("no deviation with a description in the demo unit")
}

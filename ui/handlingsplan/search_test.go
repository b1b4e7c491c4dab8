package handlingsplan

import (
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/uitest"
)

// TestSearchDropsHiddenMeasure: a search that filters out the open measure
// takes it out of the editor; with typed changes the Guard asks first, and
// Avbryt keeps the text.
func TestSearchDropsHiddenMeasure(t *testing.T) {
	env, w, _ := uitest.NewEnv(t, false)
	s := New(env)
	w.SetContent(s.Content())
	first := s.shown[0]
	s.Table.Select(widget.TableCellID{Row: 0, Col: 2})
	if s.Editor.Measure().ID != first.ID {
		t.Fatalf("measure %d open, want %d", s.Editor.Measure().ID, first.ID)
	}
	// Still listed: stays open.
	s.Search.SetText(first.Title)
	if s.Editor.Measure().ID != first.ID {
		t.Fatal("a search that still lists the measure closed it")
	}
	s.Search.SetText("zzz finnes ikke")
	if len(s.Shown()) != 0 {
		t.Fatalf("%d shown for a search without hits", len(s.Shown()))
	}
	if s.Editor.Measure().ID != 0 || s.Editor.Title.Text != "" {
		t.Fatalf("filtered-out measure %d (%q) still in the editor", s.Editor.Measure().ID, s.Editor.Title.Text)
	}

	// Dirty: the Guard asks; Avbryt keeps the typed text.
	s.Search.SetText("")
	s.Select(first.ID)
	s.Editor.Title.SetText("")
	test.Type(s.Editor.Title, "Endret tittel")
	s.Search.SetText("zzz finnes ikke")
	p := env.Guard.Prompt()
	if p == nil {
		t.Fatal("the search dropped a changed measure without asking")
	}
	test.Tap(p.Cancel)
	if s.Editor.Measure().ID != first.ID || s.Editor.Title.Text != "Endret tittel" {
		t.Fatal("Avbryt lost the typed title")
	}
}

// TestAreaFollowsSource: the editor shows the measure's own area, the one
// its source starts with when it has none, and none for a new manual
// measure (also right after a measure with an area was open).
func TestAreaFollowsSource(t *testing.T) {
	s, _ := newScreen(t)
	s.Table.Select(widget.TableCellID{Row: 0, Col: 2})
	if s.Editor.Area.Selected == "" {
		t.Fatal("the open measure shows no area")
	}
	test.Tap(s.NewButton)
	if got := s.Editor.Area.Selected; got != "" {
		t.Errorf("a new manual measure starts with area %q", got)
	}
	for _, k := range []model.SourceKind{model.SourceDeviation, model.SourceSafetyRound, model.SourceTenFactor, model.SourceSickLeave} {
		s.Editor.Edit(model.Measure{ID: 99, Title: "Uten område", Source: model.Source{Kind: k}})
		if want := lang.L(model.DefaultPriorityArea(k).Label()); s.Editor.Area.Selected != want {
			t.Errorf("source %s: editor shows area %q, want %q", k, s.Editor.Area.Selected, want)
		}
	}
	m := model.Measure{ID: 99, Title: "Eget", Source: model.Source{Kind: model.SourceDeviation}, PriorityArea: model.AreaLeadership}
	s.Editor.Edit(m)
	if want := lang.L(model.AreaLeadership.Label()); s.Editor.Area.Selected != want {
		t.Errorf("the measure's own area is replaced: %q, want %q", s.Editor.Area.Selected, want)
	}
}

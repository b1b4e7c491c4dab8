package handlingsplan

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/uitest"
)

// TestWrapWords: a cut text keeps to its lines, the ellipsis included,
// and never breaks a word.
func TestWrapWords(t *testing.T) {
	const size = 21
	measure := func(s string) float32 { return fyne.MeasureText(s, size, fyne.TextStyle{}).Width }
	width := measure("Avvik 21.12.2023 Vold og") + 1
	for _, tt := range []struct {
		text      string
		max       int
		wantLines int
		cut       bool
	}{
		{"", 2, 1, false},
		{"Leder", 2, 1, false},
		{"Avvik 21.12.2023 Vold og", 2, 1, false},
		{"Avvik 21.12.2023 Vold og trusler", 2, 2, false},
		{"Avvik 21.12.2023 Vold og trusler, Avdeling 1 (skjermet) og mer", 2, 2, true},
		{"Avvik 21.12.2023 Vold og trusler, Avdeling 1 (skjermet) og mer", 3, 3, false},
		{"Avvik 21.12.2023 Vold og trusler, Avdeling 1 (skjermet) og mer enn det", 3, 3, true},
	} {
		got, n := wrapWords(tt.text, width, size, tt.max)
		if n != tt.wantLines || strings.HasSuffix(got, "…") != tt.cut {
			t.Errorf("%q in %d lines: %q, %d lines", tt.text, tt.max, got, n)
		}
		// Wrapped again at the same width, the shown text takes no more lines.
		if _, again := wrapWords(got, width, size, 99); again > tt.max {
			t.Errorf("%q shown as %q takes %d lines, more than %d", tt.text, got, again, tt.max)
		}
	}
	// Any width: the shown text fits its lines, the ellipsis too.
	long := "Følge opp: Finnes det tiltaksplaner for brukere med utfordrende atferd, og kjenner de ansatte dem"
	for w := float32(120); w < 700; w += 3 {
		got, n := wrapWords(long, w, size, 2)
		if _, again := wrapWords(got, w, size, 99); again > 2 || n > 2 {
			t.Fatalf("at %.0f px %q takes %d lines", w, got, again)
		}
	}
}

// TestProjectorLayout: in Møtemodus on a 1024×768 projector the plan shows
// its list alone (the editor comes with the first measure chosen), its
// columns fit the width with the status whole, and the filters open from
// the button beside the summary.
func TestProjectorLayout(t *testing.T) {
	env, w, _ := uitest.NewEnv(t, true)
	w.Resize(fyne.NewSize(1024, 768))
	s := New(env)
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1024, 768))
	if s.body.Objects[0] == s.split {
		t.Error("the editor shares the projector with the list before a measure is chosen")
	}
	var sum float32
	for i := range s.ncols {
		sum += s.widths[i] + s.sep()
	}
	if sum > 1024 || s.ncols < 5 {
		t.Errorf("%d columns need %.0f px of 1024", s.ncols, sum)
	}
	for _, st := range model.Statuses() {
		if need := s.measureText(st.Label(), false) + 2*s.cellPad(); need > s.widths[4] {
			t.Errorf("status %q needs %.0f px, its column has %.0f", st.Label(), need, s.widths[4])
		}
	}
	if s.FilterPanel.Visible() {
		t.Error("filters open with no filter set")
	}
	test.Tap(s.FilterButton)
	if !s.FilterPanel.Visible() {
		t.Error("the button did not open the filters")
	}
	s.Table.Select(widget.TableCellID{Row: 0, Col: titleCol})
	if s.body.Objects[0] != s.split || s.Editor.Measure().ID != s.shown[0].ID {
		t.Error("choosing a measure did not open it in the editor on screen")
	}
}

// wrapExact is wrapWords measuring every joined line whole, as it did
// before wordWidths.
func wrapExact(text string, width, size float32, maxLines int) (string, int) {
	measure := func(s string) float32 { return fyne.MeasureText(s, size, fyne.TextStyle{}).Width }
	var lines []string
	for _, w := range strings.Fields(text) {
		n := len(lines)
		switch {
		case n > 0 && measure(lines[n-1]+" "+w) <= width:
			lines[n-1] += " " + w
		case n == maxLines:
			return cutLast(lines, width, measure), n
		default:
			lines = append(lines, w)
		}
	}
	return text, max(1, len(lines))
}

// TestWrapWordsAsMeasuredWhole: deciding by the words' widths, and
// measuring a line whole only near the edge, wraps every text of the
// heavy demo unit's plan as measuring every line whole does, at widths
// from narrow to wide and at two text sizes.
func TestWrapWordsAsMeasuredWhole(t *testing.T) {
	env, _, _ := uitest.NewEnv(t, true)
	ms, err := env.Store.Measures()
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, m := range ms {
		texts = append(texts, m.Title, m.Responsible, SourceText(m.Source))
	}
	if len(texts) < 30 {
		t.Fatalf("only %d texts to wrap", len(texts))
	}
	for _, size := range []float32{14, 21} {
		words := newWordWidths(size)
		for w := float32(60); w < 600; w += 37 {
			for _, text := range texts {
				got, n := words.wrap(text, w, 3)
				want, wantN := wrapExact(text, w, size, 3)
				if got != want || n != wantN {
					t.Fatalf("size %.0f, width %.0f: %q wraps to %q in %d lines, measured whole %q in %d", size, w, text, got, n, want, wantN)
				}
			}
		}
	}
}

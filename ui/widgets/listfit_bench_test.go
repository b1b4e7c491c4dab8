package widgets_test

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/ui/widgets"
)

// heavyRows are as many rows as the heavy unit's deviation register
// (docs/ytelse.md), a third of them too long for one line at 400 px.
func heavyRows(i widget.ListItemID) (string, string, widget.Importance) {
	first := fmt.Sprintf("%02d.11.2026 · Vold og trusler · Alvorlig", i%28+1)
	if i%3 == 0 {
		first = fmt.Sprintf("%02d.11.2026 · Brudd på HMS-regler · Mindre alvorlig · rad %d", i%28+1, i)
	}
	return first, fmt.Sprintf("Avdeling %d (skjermet) · Åpen: registrert · %d vedlegg", i%7, i%3), widget.MediumImportance
}

// BenchmarkTwoLineListWidth: fitting 9 894 rows to a new width (a window
// resized, Møtemodus toggled), every line measured anew.
func BenchmarkTwoLineListWidth(b *testing.B) {
	test.NewTempApp(b)
	l := widgets.NewTwoLineList(func() int { return 9894 }, heavyRows)
	w := test.NewWindow(l)
	defer w.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w.Resize(fyne.NewSize(float32(400+i%2*7), 700))
	}
}

// BenchmarkTwoLineListRefresh: a Refresh of 9 894 rows at the same width
// (a search typed, a record saved): the lines' heights are known.
func BenchmarkTwoLineListRefresh(b *testing.B) {
	test.NewTempApp(b)
	l := widgets.NewTwoLineList(func() int { return 9894 }, heavyRows)
	w := test.NewWindow(l)
	defer w.Close()
	w.Resize(fyne.NewSize(400, 700))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l.Refresh()
	}
}

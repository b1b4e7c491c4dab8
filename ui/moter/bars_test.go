package moter

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"hmsutvalg/model"
	"hmsutvalg/ui/uitest"
)

// barWidths are the widths of the bars under o, top to bottom.
func barWidths(o fyne.CanvasObject) []float32 {
	var out []float32
	if c, ok := o.(*fyne.Container); ok {
		for _, x := range c.Objects {
			if r, ok := x.(*canvas.Rectangle); ok {
				out = append(out, r.Size().Width)
				continue
			}
			out = append(out, barWidths(x)...)
		}
	}
	return out
}

// The meeting figure's sick-leave bars compare as the figures do: 10,5 %
// with «(over grensen)» after it is drawn longer than 6,5 % in proportion
// (each bar had the room its own text left, so the two were nearly as
// long).
func TestSickLeaveBarsProportional(t *testing.T) {
	env, w, st := uitest.NewEnv(t, false)
	qs, err := st.SickLeaveQuarters()
	if err != nil {
		t.Fatal(err)
	}
	qs = model.SortSickLeave(qs)
	last := qs[max(len(qs)-4, 0):]
	fig := SickLeaveFigure(env)
	w.SetContent(fig)
	w.Resize(fyne.NewSize(600, 700))
	ws := barWidths(fig)
	if len(ws) != len(last) {
		t.Fatalf("%d bars for %d quarters", len(ws), len(last))
	}
	top := 0
	for i, q := range last {
		if q.Total > last[top].Total {
			top = i
		}
	}
	for i, q := range last {
		want := float64(ws[top]) * q.Total.Float() / last[top].Total.Float()
		if math.Abs(float64(ws[i])-want) > 2 {
			t.Errorf("%s (%s): bar %.0f px, want %.0f (%.0f px for %s)", q.Quarter, q.Total, ws[i], want, ws[top], last[top].Total)
		}
	}
}

package vernerunde

import (
	"testing"

	"fyne.io/fyne/v2"

	"hmsutvalg/ui/appctx"
)

// «Åpne kilden» on a measure from finding 43 opens the round with
// question 43 in view. The page opens the round while it is built, before
// it is on the window, and the checklist stayed at question 1.
func TestOpenRoundAtQuestionShowsIt(t *testing.T) {
	f := newScreen(t, false)
	var id uint64
	n := 0
	for _, r := range f.s.Rounds() {
		if r.Locked() && len(r.Findings()) > 0 {
			for _, fd := range r.Findings() {
				if fd.Question.Number > 30 {
					id, n = r.ID, fd.Question.Number
				}
			}
		}
		if id != 0 {
			break
		}
	}
	if id == 0 {
		t.Fatal("no completed round with a finding far down its checklist")
	}
	f.env.SetFocus(PageID, appctx.Focus{ParentID: id, ID: uint64(n)})
	page := Page().Build(f.env) // as the shell builds a page: off the window
	f.w.SetContent(page)
	f.w.Resize(fyne.NewSize(1024, 768))
	s := f.env.Guard.Form().(*Screen)
	if s.Round == nil {
		t.Fatal("the round did not open")
	}
	c := s.Round.Check
	row := c.Questions[n-1]
	if row.Number != n {
		t.Fatalf("row %d is question %d", n-1, row.Number)
	}
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(row.box).Y
	view := d.AbsolutePositionForObject(c.scroll).Y
	if top < view || top > view+c.scroll.Size().Height-20 {
		t.Errorf("question %d at y %.0f, the checklist shows %.0f–%.0f (offset %.0f)", n, top, view, view+c.scroll.Size().Height, c.scroll.Offset.Y)
	}
}

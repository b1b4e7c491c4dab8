package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/uitest"
)

// focusInTree fails unless the focused widget (if any) is part of the
// window's content: a focus left on a widget of a page that was replaced
// is a keyboard user's place lost (and Fyne's «Failed to focus» on the
// next move).
func focusInTree(t *testing.T, w fyne.Window, when string) {
	t.Helper()
	f := w.Canvas().Focused()
	if f == nil {
		return
	}
	if !uitest.Under(w.Content(), f.(fyne.CanvasObject)) {
		t.Errorf("%s: the focus is on a %T that is not on screen", when, f)
	}
}

// TestFocusFollowsPages: opening a page (Ctrl+1…9, as the sidebar) puts
// the focus in the page's first field or button, and Møtemodus (Ctrl+M),
// which rebuilds the page, leaves it on a widget that is on screen (the
// open record's first field when a record was open). Fyne's test canvas
// does not log «Failed to focus», so the test walks the content tree.
// inShellBar reports whether f is the sidebar or a top-bar button, not
// the page's.
func inShellBar(f fyne.Focusable) bool {
	switch o := f.(type) {
	case *widget.List:
		return true
	case *widget.Button:
		return o.Text == "Meny" || o.Text == "Søk i alt" || o.Text == "Møtemodus" || o.Text == "Avslutt møtemodus"
	}
	return false
}

func TestFocusFollowsPages(t *testing.T) {
	u, _ := startKeys(t)
	w := u.Window()
	// The overview is on screen at the start: it is opened last.
	for _, i := range []int{1, 2, 3, 4, 5, 6, 7, 8, 0} {
		p := Pages()[i]
		uitest.Shortcut(w, pageShortcut(i))
		focusInTree(t, w, p.ID+" opened")
		if f := w.Canvas().Focused(); f == nil || inShellBar(f) {
			t.Errorf("%s opened: the focus is not in the page (%T)", p.ID, f)
		}
		uitest.Shortcut(w, meetingShortcut)
		focusInTree(t, w, p.ID+" Møtemodus on")
		uitest.Shortcut(w, meetingShortcut)
		focusInTree(t, w, p.ID+" Møtemodus off")
	}
	openPage(t, u, avvik.PageID)
	s := deviationScreen(t, u)
	s.Open(s.Shown()[0].ID)
	w.Canvas().Focus(s.Editor.Cause)
	uitest.Shortcut(w, meetingShortcut)
	focusInTree(t, w, "open deviation, Møtemodus on")
	t.Logf("after Ctrl+M: %T", w.Canvas().Focused())
	uitest.Shortcut(w, meetingShortcut)
	focusInTree(t, w, "open deviation, Møtemodus off")
	uitest.Shortcut(w, pageShortcut(0))
	focusInTree(t, w, "back to the overview")
}

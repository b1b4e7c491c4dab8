package widgets_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/widgets"
)

// TestFileDialogEscape: Escape cancels Fyne's file dialog shown with
// ShowFileDialog (its callback gets nil, as with «Avbryt»), and the
// window's own key handler is back afterwards.
func TestFileDialogEscape(t *testing.T) {
	w := window(t, widget.NewLabel("side"))
	var pageKeys []fyne.KeyName
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { pageKeys = append(pageKeys, ev.Name) })
	answered, got := false, fyne.URIReadCloser(nil)
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) { answered, got = true, r }, w)
	widgets.ShowFileDialog(d, w)
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no file dialog")
	}
	uitest.Key(w, fyne.KeyEscape)
	if !answered || got != nil {
		t.Fatalf("Escape did not cancel: answered %v, file %v", answered, got)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("the file dialog is still open")
	}
	uitest.Key(w, fyne.KeyF1)
	if len(pageKeys) != 1 || pageKeys[0] != fyne.KeyF1 {
		t.Errorf("the window's key handler is not back: %v", pageKeys)
	}
}

package appctx_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"hmsutvalg/ui/uitest"
)

// TestDropWithoutTargetClosesByKey: files dropped on a page that takes
// none say where they can go, in a dialog that Enter or Escape closes
// (Fyne's own information dialog answers neither key).
func TestDropWithoutTargetClosesByKey(t *testing.T) {
	env, w, _ := uitest.NewEnv(t, false)
	for _, k := range []fyne.KeyName{fyne.KeyEscape, fyne.KeyReturn} {
		env.Drop([]fyne.URI{storage.NewFileURI("/tmp/bilde.png")})
		if w.Canvas().Overlays().Top() == nil || !uitest.HasText(w.Canvas().Overlays().Top(), "slipp bildet") {
			t.Fatal("no message on a drop without a target")
		}
		f := w.Canvas().Focused()
		if f == nil {
			t.Fatal("the message's OK button has no focus")
		}
		f.TypedKey(&fyne.KeyEvent{Name: k})
		if w.Canvas().Overlays().Top() != nil {
			t.Errorf("%s did not close the message", k)
		}
	}
}

package widgets_test

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/ui/widgets"
)

// TestErrorShownInView: a refused save's message at the foot of a long
// form is scrolled into view, so the save does not seem to do nothing.
func TestErrorShownInView(t *testing.T) {
	test.NewTempApp(t)
	box := container.NewVBox()
	for range 40 {
		box.Add(widget.NewEntry())
	}
	errText := widgets.NewErrorText()
	box.Add(errText.Label)
	scroll := container.NewVScroll(box)
	w := test.NewWindow(scroll)
	defer w.Close()
	w.Resize(fyne.NewSize(400, 300))
	if scroll.Offset.Y != 0 {
		t.Fatalf("starts scrolled: %v", scroll.Offset)
	}
	errText.Show(errors.New("Velg type vold eller trussel"))
	top := fyne.CurrentApp().Driver().AbsolutePositionForObject(errText.Label).Y - fyne.CurrentApp().Driver().AbsolutePositionForObject(box).Y
	if scroll.Offset.Y <= 0 || top < scroll.Offset.Y || top > scroll.Offset.Y+scroll.Size().Height {
		t.Errorf("the message at %v is not in view (offset %v, view %v)", top, scroll.Offset.Y, scroll.Size().Height)
	}
}

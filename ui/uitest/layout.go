package uitest

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// LayoutAll lays out every container and widget under o at its size, as
// the desktop driver does before it paints (the test canvas lays out
// lazily, so positions read before a paint can be stale).
func LayoutAll(o fyne.CanvasObject) {
	switch x := o.(type) {
	case *fyne.Container:
		if x.Layout != nil {
			x.Layout.Layout(x.Objects, x.Size())
		}
		for _, c := range x.Objects {
			LayoutAll(c)
		}
	case fyne.Widget:
		r := test.WidgetRenderer(x)
		r.Layout(x.Size())
		for _, c := range r.Objects() {
			LayoutAll(c)
		}
	}
}

package oversikt

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/ui/widgets"
)

// walk visits o and everything under it, widgets' render trees too.
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) bool {
	if o == nil || !o.Visible() {
		return false
	}
	if visit(o) {
		return true
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			if walk(c, visit) {
				return true
			}
		}
	case *widget.Button, *widget.Entry:
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if walk(c, visit) {
				return true
			}
		}
	}
	return false
}

func findButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var b *widget.Button
	walk(o, func(c fyne.CanvasObject) bool {
		if x, ok := c.(*widget.Button); ok && x.Text == text {
			b = x
		}
		return b != nil
	})
	if b == nil {
		t.Fatalf("no button %q", text)
	}
	return b
}

func findEntry(t *testing.T, o fyne.CanvasObject) *widget.Entry {
	t.Helper()
	var e *widget.Entry
	walk(o, func(c fyne.CanvasObject) bool {
		if x, ok := c.(*widgets.Entry); ok {
			e = &x.Entry
		}
		return e != nil
	})
	if e == nil {
		t.Fatal("no entry")
	}
	return e
}

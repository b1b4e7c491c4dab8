package uitest

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/ui/unsaved"
	"hmsutvalg/ui/widgets"
)

// Button is the first visible button under o whose text is text, also
// the key buttons of dialogs and of «Lagre endringene?»; nil if none.
func Button(o fyne.CanvasObject, text string) *widget.Button {
	return findButton(o, func(s string) bool { return s == text })
}

// ButtonContaining is the first visible button whose text contains sub.
func ButtonContaining(o fyne.CanvasObject, sub string) *widget.Button {
	return findButton(o, func(s string) bool { return strings.Contains(s, sub) })
}

func findButton(o fyne.CanvasObject, match func(string) bool) *widget.Button {
	if o == nil || !o.Visible() {
		return nil
	}
	var b *widget.Button
	switch x := o.(type) {
	case *widget.Button:
		b = x
	case *widgets.KeyButton:
		b = &x.Button
	case *unsaved.KeyButton:
		b = &x.Button
	}
	if b != nil {
		if match(b.Text) {
			return b
		}
		return nil
	}
	for _, c := range childrenOf(o) {
		if found := findButton(c, match); found != nil {
			return found
		}
	}
	return nil
}

func childrenOf(o fyne.CanvasObject) []fyne.CanvasObject {
	switch x := o.(type) {
	case *fyne.Container:
		return x.Objects
	case fyne.Widget:
		return test.WidgetRenderer(x).Objects()
	}
	return nil
}

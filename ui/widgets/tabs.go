package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Fyne's tab bars (container.AppTabs) cannot be reached with Tab, so a
// step such as a safety round's «2 Befaring» could not be opened from the
// keyboard. SwitchTab is the window's Ctrl+Tab and Ctrl+Shift+Tab: it
// moves the tab bar that holds the focused field (or, with nothing
// focused, the innermost tab bar on screen) one tab on, and puts the
// keyboard in the first field of the new tab.

// SwitchTab selects the tab delta steps from the current one (wrapping
// around) and reports whether there was a tab bar to switch.
func SwitchTab(c fyne.Canvas, delta int) bool {
	tabs := findTabs(c.Content(), c.Focused())
	if tabs == nil || len(tabs.Items) == 0 {
		return false
	}
	n := len(tabs.Items)
	tabs.SelectIndex(((tabs.SelectedIndex()+delta)%n + n) % n)
	if f := FirstFocusable(tabs.Selected().Content); f != nil {
		c.Focus(f)
	} else {
		c.Unfocus()
	}
	return true
}

// findTabs is the tab bar around focused, else the innermost one shown.
func findTabs(root fyne.CanvasObject, focused fyne.Focusable) *container.AppTabs {
	var around, deepest *container.AppTabs
	best := 0
	var walk func(o fyne.CanvasObject, in *container.AppTabs, depth int)
	walk = func(o fyne.CanvasObject, in *container.AppTabs, depth int) {
		if o == nil || !o.Visible() {
			return
		}
		if f, ok := o.(fyne.Focusable); ok && focused != nil && f == focused && in != nil {
			around = in
		}
		if t, ok := o.(*container.AppTabs); ok {
			depth++
			if depth > best {
				best, deepest = depth, t
			}
			if sel := t.Selected(); sel != nil {
				walk(sel.Content, t, depth)
			}
			return
		}
		for _, c := range children(o) {
			walk(c, in, depth)
		}
	}
	walk(root, nil, 0)
	if around != nil {
		return around
	}
	return deepest
}

// FirstFocusable is the first visible, enabled field or button under o,
// looking into containers, forms, cards, splits and scrolls (not into
// other widgets' insides).
func FirstFocusable(o fyne.CanvasObject) fyne.Focusable {
	if o == nil || !o.Visible() {
		return nil
	}
	if f, ok := o.(fyne.Focusable); ok {
		if d, ok := o.(fyne.Disableable); !ok || !d.Disabled() {
			return f
		}
	}
	for _, c := range children(o) {
		if f := FirstFocusable(c); f != nil {
			return f
		}
	}
	return nil
}

// children are the objects a layout object shows.
func children(o fyne.CanvasObject) []fyne.CanvasObject {
	switch x := o.(type) {
	case *fyne.Container:
		return x.Objects
	case *container.AppTabs:
		if s := x.Selected(); s != nil {
			return []fyne.CanvasObject{s.Content}
		}
	case *container.Split:
		return []fyne.CanvasObject{x.Leading, x.Trailing}
	case *container.Scroll:
		return []fyne.CanvasObject{x.Content}
	case *widget.Card:
		return []fyne.CanvasObject{x.Content}
	case *widget.Form:
		var out []fyne.CanvasObject
		for _, it := range x.Items {
			out = append(out, it.Widget)
		}
		return out
	}
	return nil
}

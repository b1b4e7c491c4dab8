package uitest

import (
	"fyne.io/fyne/v2"
)

// The helpers below deliver keys to a test window the way Fyne's desktop
// driver (internal/driver/glfw/window.go, processKeyPressed and
// triggersShortcut in v2.8.1) does, since the test driver has no key
// dispatch of its own: a shortcut goes to a main-menu item with that
// shortcut first, else to the focused widget, else to the canvas; Tab
// moves the focus unless the focused widget accepts tabs; other keys go
// to the focused widget, else to the canvas's OnTypedKey.

// Shortcut presses a shortcut in window w.
func Shortcut(w fyne.Window, s fyne.Shortcut) {
	if m := w.MainMenu(); m != nil {
		for _, menu := range m.Items {
			if menuShortcut(menu, s) {
				return
			}
		}
	}
	c := w.Canvas()
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	if sc, ok := c.(fyne.Shortcutable); ok {
		sc.TypedShortcut(s)
	}
}

func menuShortcut(m *fyne.Menu, s fyne.Shortcut) bool {
	for _, it := range m.Items {
		if it.Shortcut != nil && it.Shortcut.ShortcutName() == s.ShortcutName() && it.Action != nil {
			it.Action()
			return true
		}
		if it.ChildMenu != nil && menuShortcut(it.ChildMenu, s) {
			return true
		}
	}
	return false
}

// Key presses one key without modifiers in window w.
func Key(w fyne.Window, k fyne.KeyName) {
	c := w.Canvas()
	if k == fyne.KeyTab {
		if t, ok := c.Focused().(fyne.Tabbable); !ok || !t.AcceptsTab() {
			c.FocusNext()
			return
		}
	}
	ev := &fyne.KeyEvent{Name: k}
	f := c.Focused()
	if f != nil {
		f.TypedKey(ev)
	} else if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
	// The space bar also types a character, delivered after the key to the
	// widget that had the focus (the app moves the focus after an action
	// with fyne.Do, which the desktop driver runs after both events).
	if k == fyne.KeySpace {
		if f != nil {
			f.TypedRune(' ')
		} else if h := c.OnTypedRune(); h != nil {
			h(' ')
		}
	}
}

// ShiftTab moves the focus back, unless the focused widget accepts tabs
// (then, as in Fyne, nothing happens).
func ShiftTab(w fyne.Window) {
	c := w.Canvas()
	if t, ok := c.Focused().(fyne.Tabbable); ok && t.AcceptsTab() {
		return
	}
	c.FocusPrevious()
}

// Type types text into the focused widget, as a keyboard would.
func Type(w fyne.Window, text string) {
	c := w.Canvas()
	for _, r := range text {
		if f := c.Focused(); f != nil {
			f.TypedRune(r)
		} else if h := c.OnTypedRune(); h != nil {
			h(r)
		}
	}
}

// Keys presses each key in turn.
func Keys(w fyne.Window, ks ...fyne.KeyName) {
	for _, k := range ks {
		Key(w, k)
	}
}

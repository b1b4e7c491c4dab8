package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// The sidebar folds away on a small shared screen: in Møtemodus on a
// window narrower than sidebarFoldBelow it is hidden, so the page gets the
// width a 1024×768 projector has; the Meny button (Ctrl+B) shows or hides
// it whatever the size. Switching Møtemodus returns it to the automatic
// choice.
const sidebarFoldBelow = 1400

// Sidebar states: automatic, or the user's choice.
const (
	sidebarAuto = iota
	sidebarShown
	sidebarHidden
)

// sidebarShortcut shows or hides the sidebar (Ctrl+B).
var sidebarShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyB, Modifier: fyne.KeyModifierShortcutDefault}

// sideLayout places the sidebar (objects[0]) left of the page (objects[1]).
type sideLayout struct {
	s     *shell
	width float32 // the last width laid out, for the automatic choice
}

// hidden reports whether the sidebar is folded away at width w.
func (l *sideLayout) hidden(w float32) bool {
	switch l.s.sidebar {
	case sidebarShown:
		return false
	case sidebarHidden:
		return true
	}
	return l.s.env.MeetingMode() && w > 0 && w < sidebarFoldBelow
}

func (l *sideLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	nav, page := objs[0], objs[1]
	if l.hidden(size.Width) {
		nav.Hide()
		page.Move(fyne.NewPos(0, 0))
		page.Resize(size)
		return
	}
	nav.Show()
	w := nav.MinSize().Width
	nav.Move(fyne.NewPos(0, 0))
	nav.Resize(fyne.NewSize(w, size.Height))
	page.Move(fyne.NewPos(w, 0))
	page.Resize(fyne.NewSize(size.Width-w, size.Height))
}

func (l *sideLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	page := objs[1].MinSize()
	if l.hidden(l.width) {
		return page
	}
	nav := objs[0].MinSize()
	return fyne.NewSize(nav.Width+page.Width, max(nav.Height, page.Height))
}

// toggleSidebar shows a hidden sidebar or hides a shown one.
func (s *shell) toggleSidebar() {
	if s.side.hidden(s.side.width) {
		s.sidebar = sidebarShown
	} else {
		s.sidebar = sidebarHidden
	}
	s.body.Refresh()
}

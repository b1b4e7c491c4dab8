package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Reveal scrolls the innermost scroll container around o so that o is in
// view. A refused save shows its reason under the form's Lagre button; on
// a long form that is below the screen when Ctrl+S or the «Lagre
// endringene?» question saved, and the save seemed to do nothing.
func Reveal(o fyne.CanvasObject) {
	a := fyne.CurrentApp()
	if a == nil || o == nil {
		return
	}
	d := a.Driver()
	c := d.CanvasForObject(o)
	if c == nil {
		return
	}
	path := pathTo(c.Content(), o)
	for i := len(path) - 1; i >= 0; i-- {
		if s, ok := path[i].(*container.Scroll); ok {
			scrollTo(d, s, o)
			return
		}
	}
}

// pathTo is the chain of objects from root down to o, nil when o is not
// under root through the containers a form is built of.
func pathTo(root, o fyne.CanvasObject) []fyne.CanvasObject {
	if root == nil {
		return nil
	}
	if root == o {
		return []fyne.CanvasObject{root}
	}
	for _, ch := range formChildren(root) {
		if p := pathTo(ch, o); p != nil {
			return append([]fyne.CanvasObject{root}, p...)
		}
	}
	return nil
}

func formChildren(o fyne.CanvasObject) []fyne.CanvasObject {
	switch x := o.(type) {
	case *fyne.Container:
		return x.Objects
	case *container.Scroll:
		return []fyne.CanvasObject{x.Content}
	case *container.Split:
		return []fyne.CanvasObject{x.Leading, x.Trailing}
	case *container.AppTabs:
		if it := x.Selected(); it != nil {
			return []fyne.CanvasObject{it.Content}
		}
	case *widget.Card:
		return []fyne.CanvasObject{x.Content}
	case *widget.Form:
		kids := make([]fyne.CanvasObject, len(x.Items))
		for i, it := range x.Items {
			kids[i] = it.Widget
		}
		return kids
	case *widget.Accordion:
		var kids []fyne.CanvasObject
		for _, it := range x.Items {
			if it.Open {
				kids = append(kids, it.Detail)
			}
		}
		return kids
	}
	return nil
}

// scrollTo moves s the least that shows o whole (its top when o is taller
// than the view).
func scrollTo(d fyne.Driver, s *container.Scroll, o fyne.CanvasObject) {
	s.Refresh() // lay out o if it was just shown
	for _, p := range pathTo(s.Content, o) {
		if c, ok := p.(*fyne.Container); ok {
			c.Refresh()
		}
	}
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s.Content).Y
	bottom := top + o.MinSize().Height
	view := s.Size().Height
	off := s.Offset
	pad := theme.Padding()
	switch {
	case top >= off.Y && bottom <= off.Y+view:
		return // already in view
	case top < off.Y || bottom-top > view:
		off.Y = top - pad
	default:
		off.Y = bottom - view + pad
	}
	if off.Y < 0 {
		off.Y = 0
	}
	s.ScrollToOffset(off)
}

// relayout lays out again the containers from the window down to o, after
// o was shown, hidden or grew: a container does not notice that of a child
// by itself, and the form above kept the old heights (a message under
// «Lagre» overlapped the button).
func relayout(o fyne.CanvasObject) {
	a := fyne.CurrentApp()
	if a == nil || o == nil {
		return
	}
	c := a.Driver().CanvasForObject(o)
	if c == nil {
		return
	}
	path := pathTo(c.Content(), o)
	if path == nil && c.Overlays() != nil {
		for _, ov := range c.Overlays().List() {
			if path = pathTo(ov, o); path != nil {
				break
			}
		}
	}
	for _, p := range path {
		switch x := p.(type) {
		case *fyne.Container:
			if x.Layout != nil {
				x.Layout.Layout(x.Objects, x.Size())
			}
		case *container.Scroll, *widget.Form, *widget.Card, *widget.Accordion:
			x.Refresh()
		}
	}
	c.Refresh(o)
}

package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/uitest"
)

// selectTab shows the tab named text in every tab container under o, so
// a register inside a tab (Vold og trusler's training) is on screen.
func selectTab(o fyne.CanvasObject, text string) {
	switch w := o.(type) {
	case *container.AppTabs:
		for _, it := range w.Items {
			if it.Text == text {
				w.Select(it)
			}
			selectTab(it.Content, text)
		}
	case *fyne.Container:
		for _, c := range w.Objects {
			selectTab(c, text)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			selectTab(c, text)
		}
	}
}

// Every register page has «Eksporter …»; the action plan and the
// deviation register also «Importer …».
func TestRegisterPagesExportAndImport(t *testing.T) {
	a := test.NewTempApp(t)
	u := Start(a, Options{DBPath: uitest.DemoFile(t), Today: func() model.Date { return uitest.Today }})
	w := u.Window()
	w.Resize(fyne.NewSize(1280, 800))
	for _, c := range []struct {
		page, tab string
		imports   bool
	}{
		{"handlingsplan", "", true}, {"avvik", "", true}, {"risiko", "", false}, {"vernerunde", "", false},
		{"moter", "", false}, {"sykefravar", "", false}, {"vold", "Opplæring", false},
	} {
		u.Env().Navigate(c.page)
		if c.tab != "" {
			selectTab(w.Content(), c.tab)
		}
		if !uitest.HasText(w.Content(), "Eksporter …") {
			t.Errorf("%s: no «Eksporter …»", c.page)
		}
		if got := uitest.HasText(w.Content(), "Importer …"); got != c.imports {
			t.Errorf("%s: «Importer …» shown %v, want %v", c.page, got, c.imports)
		}
	}
}

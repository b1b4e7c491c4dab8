package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/ui/globalsearch"
	"hmsutvalg/ui/widgets"
)

// The window's commands are main-menu items with shortcuts: Fyne runs a
// menu item's shortcut before the focused widget sees it, so Ctrl+S,
// Ctrl+M or Ctrl+Q work also while a text field has focus (a shortcut
// added with Canvas.AddShortcut does not). The shortcut overview (F1) and
// the README's «Tastatur» list show the same table, keyHelp.

// keyRow is one line of the shortcut overview: the keys and what they do.
type keyRow struct{ Keys, Text string }

// Shortcuts of the window's commands.
var (
	saveShortcut      = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	newShortcut       = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	searchShortcut    = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	searchAllShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	helpShortcut      = &desktop.CustomShortcut{KeyName: fyne.KeyH, Modifier: fyne.KeyModifierShortcutDefault}
	// Ctrl+Tab is Ctrl on macOS too (Cmd+Tab belongs to the system).
	nextTabShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl}
	prevTabShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift}
	// undoShortcut is Ctrl+Z as Fyne delivers it (never as a CustomShortcut).
	undoShortcut fyne.Shortcut = &fyne.ShortcutUndo{}
)

// pageShortcut is Ctrl+1 … Ctrl+9 for the sidebar's first nine pages.
func pageShortcut(i int) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: fyne.KeyName(fmt.Sprint(i + 1)), Modifier: fyne.KeyModifierShortcutDefault}
}

// command is one of the window's commands.
type command struct {
	Label    string // menu text (bokmål, translated with lang.L)
	Keys     string // as the overview shows them
	Help     string // what it does, for the overview
	Shortcut fyne.Shortcut
	Run      func()
}

// commands are the window's commands in menu order, File, Edit, View.
func (s *shell) commands(quit func()) [][]command {
	g := s.guarded
	return [][]command{{
		{Label: "Lagre", Keys: "Ctrl+S", Help: "Lagre skjemaet på skjermen", Shortcut: saveShortcut, Run: g(s.saveForm)},
		{Label: "Ny", Keys: "Ctrl+N", Help: "Nytt element på siden (avvik, tiltak, møte …)", Shortcut: newShortcut, Run: g(func() { s.env.NewItem() })},
		{Label: "Avslutt", Keys: "Ctrl+Q", Help: "Avslutt (lagrer eller spør først)", Shortcut: quitShortcut, Run: g(quit)},
	}, {
		{Label: "Angre", Keys: "Ctrl+Z", Help: "Angre: i et tekstfelt det du skrev, ellers siste sletting eller lagring", Shortcut: undoShortcut, Run: s.undo},
		{Label: "Søk", Keys: "Ctrl+F", Help: "Til søkefeltet på siden; der siden ikke har et: søk i alt", Shortcut: searchShortcut, Run: g(s.search)},
		{Label: "Søk i alt", Keys: "Ctrl+Shift+F", Help: "Søk i avvik, tiltak, risikovurderinger, vernerunder og møter", Shortcut: searchAllShortcut, Run: g(s.searchAll)},
	}, {
		{Label: "Møtemodus", Keys: "Ctrl+M", Help: "Møtemodus av og på", Shortcut: meetingShortcut, Run: g(s.toggleMeeting)},
		{Label: "Sidemeny", Keys: "Ctrl+B", Help: "Vis eller skjul sidemenyen (Meny-knappen)", Shortcut: sidebarShortcut, Run: g(s.toggleSidebar)},
		{Label: "Neste fane", Keys: "Ctrl+Tab", Help: "Neste fane eller steg (for eksempel i en vernerunde)", Shortcut: nextTabShortcut, Run: g(func() { widgets.SwitchTab(s.env.Window.Canvas(), 1) })},
		{Label: "Forrige fane", Keys: "Ctrl+Shift+Tab", Help: "Forrige fane eller steg", Shortcut: prevTabShortcut, Run: g(func() { widgets.SwitchTab(s.env.Window.Canvas(), -1) })},
	}, {
		{Label: "Hurtigtaster", Keys: "F1, Ctrl+H", Help: "Oversikt over hurtigtastene", Shortcut: helpShortcut, Run: g(s.showHelp)},
	}}
}

// keyHelp is the whole overview: the commands, page jumps and the keys
// every screen answers.
func (s *shell) keyHelp() []keyRow {
	var rows []keyRow
	for _, menu := range s.commands(nil) {
		for _, c := range menu {
			rows = append(rows, keyRow{c.Keys, c.Help})
		}
	}
	return append(rows, fixedKeys...)
}

// fixedKeys are keys that are not menu commands.
var fixedKeys = []keyRow{
	{"Ctrl+1 … Ctrl+9", "Til side 1–9 i sidemenyen"},
	{"Tab / Shift+Tab", "Neste / forrige felt, også ut av felt med flere linjer"},
	{"Enter", "Ny linje i felt med flere linjer; i en dialog: standardknappen"},
	{"Escape", "Lukk dialogen uten å gjøre noe; i et søkefelt: tøm søket, så tilbake til listen"},
	{"Mellomrom", "Trykk knappen eller kryss av boksen som har fokus"},
	{"F11", "Fullskjerm"},
	{"Alt", "Menylinjen"},
}

// guarded runs f only while no dialog is open: a question is answered
// before anything else happens behind it.
func (s *shell) guarded(f func()) func() {
	return func() {
		if s.env.Window.Canvas().Overlays().Top() != nil {
			return
		}
		f()
	}
}

// search is Ctrl+F: the page's search field, or the search across all
// registers on a page without one.
func (s *shell) search() {
	if !s.env.Search() {
		s.searchAll()
	}
}

// searchAll opens the search across all registers (Ctrl+Shift+F and the
// top bar's button).
func (s *shell) searchAll() { globalsearch.Show(s.env, "") }

// saveForm saves the form on screen (Ctrl+S); a refused save shows why
// next to the field, as the form's own Lagre does.
func (s *shell) saveForm() {
	if f := s.env.Guard.Form(); f != nil && f.Dirty() {
		f.Save()
	}
}

// undo is Ctrl+Z. A focused text field undoes its own typing (the menu
// item would otherwise take Ctrl+Z away from it); elsewhere Env.Undo takes
// back the last delete or save.
func (s *shell) undo() {
	if f, ok := s.env.Window.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(&fyne.ShortcutUndo{})
		return
	}
	if s.env.Window.Canvas().Overlays().Top() == nil {
		s.env.RunUndo()
	}
}

// goTo shows page i of the sidebar, once the form on screen is saved or
// the user chose (the sidebar's own Leave).
func (s *shell) goTo(i int) {
	if i >= 0 && i < len(s.pages) && s.nav != nil {
		s.nav.Select(i)
	}
}

// mainMenu builds the window's menu from the commands and the pages.
func (s *shell) mainMenu(quit func()) *fyne.MainMenu {
	var menus []*fyne.Menu
	for i, cmds := range s.commands(quit) {
		var items []*fyne.MenuItem
		for _, c := range cmds {
			it := fyne.NewMenuItem(menuText(c.Label), c.Run)
			it.Shortcut = c.Shortcut
			it.IsQuit = c.Shortcut == quitShortcut
			items = append(items, it)
		}
		menus = append(menus, fyne.NewMenu(menuText(menuTitles[i]), items...))
		if i == 2 {
			menus = append(menus, s.pagesMenu())
		}
	}
	return fyne.NewMainMenu(menus...)
}

var menuTitles = []string{"Fil", "Rediger", "Vis", "Hjelp"}

// menuText translates a menu text under its own key ("meny.Avslutt"): the
// same word elsewhere may be translated otherwise ("Avslutt" closes the
// meeting view).
func menuText(label string) string { return lang.X("meny."+label, label) }

// pagesMenu lists the sidebar's pages, the first nine with Ctrl+1 … 9.
func (s *shell) pagesMenu() *fyne.Menu {
	var items []*fyne.MenuItem
	for i, p := range s.pages {
		it := fyne.NewMenuItem(p.Title, s.guarded(func() { s.goTo(i) }))
		if i < 9 {
			it.Shortcut = pageShortcut(i)
		}
		items = append(items, it)
	}
	return fyne.NewMenu(menuText("Gå til"), items...)
}

// addMenu gives the window its menu and F1 (a key with no modifier is no
// menu shortcut: the window gets it when no field has focus, and the
// app's text fields pass it on).
func (s *shell) addMenu(w fyne.Window, quit func()) {
	w.SetMainMenu(s.mainMenu(quit))
	c := w.Canvas()
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyF1 {
			s.guarded(s.showHelp)()
			return
		}
		if prev != nil {
			prev(ev)
		}
	})
}

// showHelp opens the shortcut overview.
func (s *shell) showHelp() { showKeyHelp(s.env.Window, s.keyHelp()) }

// showKeyHelp shows rows in a dialog that Enter or Escape closes.
func showKeyHelp(w fyne.Window, rows []keyRow) *widgets.KeyDialog {
	grid := container.New(layout.NewFormLayout())
	for _, r := range rows {
		k := widget.NewLabelWithStyle(lang.L(r.Keys), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		t := widget.NewLabel(lang.L(r.Text))
		t.Wrapping = fyne.TextWrapWord
		grid.Add(k)
		grid.Add(t)
	}
	d := widgets.NewKeyDialog(w, lang.L("Hurtigtaster"), container.NewVScroll(grid))
	d.Default = d.SetCancel(lang.L("Lukk"), nil)
	size := w.Canvas().Size()
	d.Resize(fyne.NewSize(min(size.Width*0.9, 720), min(size.Height*0.9, 620)))
	d.Show()
	return d
}

// quitMenu is the menu while no unit is open (the wizard, a file that
// cannot be opened): Ctrl+Q still asks before it quits.
func quitMenu(quit func()) *fyne.MainMenu {
	q := fyne.NewMenuItem(menuText("Avslutt"), quit)
	q.Shortcut, q.IsQuit = quitShortcut, true
	return fyne.NewMainMenu(fyne.NewMenu(menuText("Fil"), q))
}

// Package innstillinger is the settings screen: the user's name for the
// change log, theme, text scale, language, Møtemodus, and the file's change
// log and backups.
package innstillinger

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/apptheme"
	"hmsutvalg/ui/i18n"
	"hmsutvalg/ui/widgets"
)

// PageID is the page's ID for navigation.
const PageID = "innstillinger"

// Page returns the sidebar entry.
func Page() appctx.Page {
	return appctx.Page{ID: PageID, Title: lang.L("Innstillinger"), Icon: theme.SettingsIcon(), Build: func(env *appctx.Env) fyne.CanvasObject {
		return New(env).Content()
	}}
}

// Screen holds the settings widgets.
type Screen struct {
	env       *appctx.Env
	User      *widgets.Entry
	SaveUser  *widget.Button
	Variant   *widget.RadioGroup
	TextScale *widget.Select
	Language  *widget.Select
	Meeting   *widget.Check
	Changes   *widget.List
	changes   []storage.Change
	Backups   *widget.List
	backups   []storage.Backup
	message   *widget.Label
	Matrix    *MatrixForm
}

var variants = []struct{ code, label string }{
	{apptheme.VariantSystem, "Som systemet"},
	{apptheme.VariantLight, "Lyst"},
	{apptheme.VariantDark, "Mørkt"},
}

// New builds the settings screen.
func New(env *appctx.Env) *Screen {
	s := &Screen{env: env, message: widget.NewLabel("")}
	s.message.Wrapping = fyne.TextWrapWord
	set := env.Settings

	s.User = widgets.NewEntry()
	s.User.SetText(set.User())
	s.User.SetPlaceHolder(lang.L("ditt navn eller din rolle"))
	s.SaveUser = widget.NewButton(lang.L("Lagre navn"), func() { s.saveUser() })
	s.User.OnSubmitted = func(string) { s.saveUser() }
	env.FocusField(s.User) // the page's first field

	labels := []string{}
	for _, v := range variants {
		labels = append(labels, lang.L(v.label))
	}
	s.Variant = widget.NewRadioGroup(labels, nil)
	s.Variant.Horizontal = false // vertical: fits 1024 px in Møtemodus
	for _, v := range variants {
		if v.code == set.Variant() {
			s.Variant.SetSelected(lang.L(v.label))
		}
	}
	s.Variant.OnChanged = func(l string) {
		for _, v := range variants {
			if lang.L(v.label) == l {
				set.SetVariant(v.code)
				env.ApplyTheme()
			}
		}
	}

	scales := []string{}
	for _, p := range appctx.TextScales {
		scales = append(scales, fmt.Sprintf("%d %%", p))
	}
	s.TextScale = widget.NewSelect(scales, nil)
	s.TextScale.SetSelected(fmt.Sprintf("%d %%", set.TextScale()))
	s.TextScale.OnChanged = func(v string) {
		if p, err := strconv.Atoi(strings.TrimSuffix(v, " %")); err == nil {
			set.SetTextScale(p)
			env.ApplyTheme()
		}
	}

	langs := []string{}
	for _, l := range i18n.Languages {
		langs = append(langs, l.Name)
		if l.Code == set.Language() {
			defer func(n string) { s.Language.SetSelected(n) }(l.Name)
		}
	}
	s.Language = widget.NewSelect(langs, nil)
	defer func() {
		s.Language.OnChanged = func(name string) {
			for _, l := range i18n.Languages {
				if l.Name == name && l.Code != set.Language() {
					set.SetLanguage(l.Code)
					s.message.SetText(lang.L("Språket endres neste gang programmet startes."))
				}
			}
		}
	}()

	s.Meeting = widget.NewCheck(lang.L("Møtemodus (Ctrl+M)"), func(on bool) {
		if on != env.MeetingMode() {
			env.SetMeetingMode(on)
		}
	})
	s.Meeting.SetChecked(env.MeetingMode())
	// The toolbar button and Ctrl+M switch it too: the box follows.
	env.OnMeetingMode(func(on bool) {
		if s.Meeting.Checked != on {
			s.Meeting.SetChecked(on)
		}
	})

	s.Changes = widget.NewList(
		func() int { return len(s.changes) },
		func() fyne.CanvasObject {
			return widget.NewLabel("00.00.0000 kl. 00:00 · bruker · opprettet · enhet")
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(ChangeText(s.changes[i]))
		},
	)
	s.Backups = widget.NewList(
		func() int { return len(s.backups) },
		func() fyne.CanvasObject {
			restore := widget.NewButton(lang.L("Gjenopprett"), nil)
			restore.Importance = widget.DangerImportance // asks first
			return container.NewBorder(nil, nil, nil, restore, widget.NewLabel("00.00.0000 kl. 00:00 (000 kB)"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			b := s.backups[i]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s (%s kB)", model.FormatDateTime(b.Time), model.FormatInt(int((b.Size+1023)/1024))))
			c.Objects[1].(*widget.Button).OnTapped = func() { s.confirmRestore(b) }
		},
	)
	s.Matrix = NewMatrixForm(env)
	s.Reload()
	env.Guard.Set(s)
	return s
}

// Dirty reports whether the name or the risk matrix was typed but not
// saved (the other settings apply as they are chosen).
func (s *Screen) Dirty() bool {
	return strings.TrimSpace(s.User.Text) != s.env.Settings.User() || s.Matrix.Dirty()
}

// Save stores the name and the matrix; false keeps them with the message.
func (s *Screen) Save() bool {
	if strings.TrimSpace(s.User.Text) != s.env.Settings.User() && !s.saveUser() {
		return false
	}
	return !s.Matrix.Dirty() || s.Matrix.save()
}

// Discard puts back the stored name and matrix.
func (s *Screen) Discard() {
	s.User.SetText(s.env.Settings.User())
	s.Matrix.discard()
}

// Reload reads the change log and the backup list again.
func (s *Screen) Reload() {
	if ch, err := s.env.Store.Changes(500); err == nil {
		s.changes = ch
	} else {
		s.message.SetText(err.Error())
	}
	if bs, err := storage.ListBackups(s.env.Store.Path()); err == nil {
		s.backups = bs
	}
	s.Changes.Refresh()
	s.Backups.Refresh()
}

// ChangeText is one line of the change log as shown on screen.
func ChangeText(c storage.Change) string {
	user := c.User
	if user == "" {
		user = lang.L("ukjent")
	}
	text := fmt.Sprintf("%s · %s · %s · %s", model.FormatDateTime(c.Time.Local()), user, lang.L(string(c.Kind)), lang.L(c.Entity))
	if c.Summary != "" {
		text += ": " + c.Summary
	}
	return text
}

// ChangeLines are the change log's lines, newest first.
func (s *Screen) ChangeLines() []string {
	out := make([]string, len(s.changes))
	for i, c := range s.changes {
		out[i] = ChangeText(c)
	}
	return out
}

func (s *Screen) saveUser() bool {
	name := strings.TrimSpace(s.User.Text)
	if err := model.CheckNoNationalID(lang.L("Navn"), name); err != nil {
		s.message.SetText(err.Error())
		return false
	}
	s.env.Settings.SetUser(name)
	s.env.Store.SetUser(name)
	s.message.SetText(lang.L("Navnet er lagret. Nye endringer i endringsloggen får dette navnet."))
	return true
}

func (s *Screen) confirmRestore(b storage.Backup) {
	widgets.ConfirmDanger(s.env.Window, lang.L("Gjenopprette sikkerhetskopi?"),
		widgets.RestoreQuestion(b.Time, s.env.Store.Path()),
		lang.L("Gjenopprett"), func() {
			if s.env.Restore == nil {
				return
			}
			if err := s.env.Restore(b.Path); err != nil {
				widgets.ShowError(err, s.env.Window)
			}
		})
}

// Content lays the screen out.
func (s *Screen) Content() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Ditt navn"), container.NewBorder(nil, nil, nil, s.SaveUser, s.User)),
		widget.NewFormItem(lang.L("Fargetema"), s.Variant),
		widget.NewFormItem(lang.L("Tekststørrelse"), s.TextScale),
		widget.NewFormItem(lang.L("Språk"), s.Language),
		widget.NewFormItem("", s.Meeting),
	)
	help := widget.NewLabel(lang.L("Navnet ditt står i endringsloggen ved hver endring du gjør. Møtemodus gir større tekst for projektor og skjuler sensitive felt. Innstillingene gjelder denne datamaskinen."))
	help.Wrapping = fyne.TextWrapWord
	file := widget.NewLabel(fmt.Sprintf(lang.L("Databasefil: %s"), s.env.Store.Path()))
	file.Wrapping = fyne.TextWrapWord
	settings := container.NewVBox(form, help, s.message, file)

	backupNow := widget.NewButtonWithIcon(lang.L("Lagre en kopi …"), theme.DocumentSaveIcon(), s.saveCopy)
	backupHelp := widget.NewLabel(fmt.Sprintf(lang.L("En sikkerhetskopi lages hver gang filen åpnes. De %d nyeste beholdes i %s."), storage.KeepBackups, storage.BackupDir(s.env.Store.Path())))
	backupHelp.Wrapping = fyne.TextWrapWord
	tabs := container.NewAppTabs(
		container.NewTabItem(lang.L("Innstillinger"), container.NewVScroll(settings)),
		container.NewTabItem(lang.L("Risikomatrise"), s.Matrix.Content()),
		container.NewTabItem(lang.L("Endringslogg"), s.Changes),
		container.NewTabItem(lang.L("Sikkerhetskopier"), container.NewBorder(container.NewVBox(backupHelp, container.NewHBox(backupNow)), nil, nil, nil, s.Backups)),
	)
	tabs.OnSelected = func(*container.TabItem) { s.Reload() }
	return tabs
}

func (s *Screen) saveCopy() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		_ = w.Close()
		// The dialog creates the file; BackupTo refuses to overwrite, so remove the empty one.
		if rmErr := removeEmpty(path); rmErr != nil {
			widgets.ShowError(rmErr, s.env.Window)
			return
		}
		if err := s.env.Store.BackupTo(path); err != nil {
			widgets.ShowError(err, s.env.Window)
			return
		}
		s.message.SetText(fmt.Sprintf(lang.L("Kopien er lagret: %s"), path))
	}, s.env.Window)
	d.SetFileName("hmsutvalg-kopi.db")
	widgets.ShowFileDialog(d, s.env.Window)
}

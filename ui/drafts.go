package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	hms "hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/unsaved"
	"hmsutvalg/ui/widgets"
)

// offerDrafts asks about text left unsaved by a crash or power cut, one
// draft at a time, newest first: «Gjenopprett» opens the form it was typed
// in with the text back in it, «Forkast» removes it.
func offerDrafts(env *appctx.Env) {
	ds, err := env.Store.Drafts()
	if err != nil || len(ds) == 0 {
		return
	}
	offerDraft(env, ds)
}

func offerDraft(env *appctx.Env, ds []hms.Draft) {
	if len(ds) == 0 {
		return
	}
	d, rest := ds[0], ds[1:]
	msg := widget.NewLabel(fmt.Sprintf(lang.L("Det finnes tekst som ikke ble lagret i «%s», skrevet %s. Programmet ble avsluttet før den ble lagret. Vil du gjenopprette den? Enter gjenoppretter, Escape spør igjen neste gang."),
		d.Title, model.FormatDateTime(d.Time.Local())))
	msg.Wrapping = fyne.TextWrapWord
	preview := widget.NewLabel(draftPreview(d, 160, 10))
	preview.Wrapping = fyne.TextWrapWord
	preview.TextStyle.Italic = true
	if env.MeetingMode() {
		// The room sees the screen: the text may be sensitive.
		preview.Hide()
	}
	var dlg dialog.Dialog
	// Escape asks again next time: the draft stays.
	later := func() {
		dlg.Hide()
		offerDraft(env, rest)
	}
	restore := unsaved.NewKeyButton(lang.L("Gjenopprett"), theme.ContentUndoIcon(), func() {
		dlg.Hide()
		restoreDraft(env, d)
		offerDraft(env, rest)
	}, later)
	restore.Importance = widget.HighImportance
	discard := unsaved.NewKeyButton(lang.L("Forkast"), theme.DeleteIcon(), func() {
		dlg.Hide()
		_ = env.Store.ClearDraft(d.Key())
		offerDraft(env, rest)
	}, later)
	discard.Importance = widget.DangerImportance
	body := container.NewVBox(msg, preview, container.NewCenter(container.NewHBox(discard, restore)))
	dlg = dialog.NewCustomWithoutButtons(lang.L("Tekst som ikke ble lagret"), body, env.Window)
	dlg.Resize(fyne.NewSize(520, 0))
	dlg.Show()
	env.Window.Canvas().Focus(restore)
}

// draftPreview is the start of each of a draft's texts, for the question:
// at most limit characters of each, and at most maxFields texts.
func draftPreview(d hms.Draft, limit, maxFields int) string {
	var parts []string
	for _, f := range d.Fields {
		t := strings.TrimSpace(f.Text)
		if t == "" {
			continue
		}
		if len(parts) == maxFields {
			parts = append(parts, "…")
			break
		}
		if r := []rune(t); len(r) > limit {
			t = string(r[:limit]) + " …"
		}
		parts = append(parts, f.Label+": "+t)
	}
	return strings.Join(parts, "\n")
}

// restoreDraft opens the page and record of d and puts the text back. The
// draft stays stored until the form is saved or discarded. When the
// record is gone or the form cannot take it, the text is shown to copy.
func restoreDraft(env *appctx.Env, d hms.Draft) {
	env.Open(d.Page, appctx.Focus{ParentID: d.ParentID, ID: d.ID, Filter: d.Filter})
	if f, ok := env.Guard.Form().(unsaved.Drafter); ok && f.RestoreDraft(d) {
		env.Guard.AdoptDraft(d)
		return
	}
	showDraftText(env, d)
}

// showDraftText shows a draft that could not go back into its form, to
// copy from. Enter copies the text (the dialog stays), Escape keeps the
// draft for next time.
func showDraftText(env *appctx.Env, d hms.Draft) *widgets.KeyDialog {
	text := widgets.NewMultiLineEntry()
	text.Wrapping = fyne.TextWrapWord
	text.SetText(draftPreview(d, 1<<20, len(d.Fields)))
	text.SetMinRowsVisible(8)
	msg := widget.NewLabel(fmt.Sprintf(lang.L("Teksten fra «%s» kunne ikke settes tilbake i skjemaet (posten finnes kanskje ikke lenger). Kopier den og lim den inn der den hører hjemme."), d.Title))
	msg.Wrapping = fyne.TextWrapWord
	dlg := widgets.NewKeyDialog(env.Window, lang.L("Tekst som ikke ble lagret"), container.NewBorder(msg, nil, nil, nil, text))
	dlg.SetCancel(lang.L("Behold til neste gang"), nil)
	dlg.AddButton(lang.L("Forkast"), theme.DeleteIcon(), widget.DangerImportance, func() {
		_ = env.Store.ClearDraft(d.Key())
	})
	dlg.Default = dlg.AddSubmit(lang.L("Kopier teksten"), theme.ContentCopyIcon(), widget.HighImportance, func() bool {
		env.App.Clipboard().SetContent(text.Text)
		return false // stays open: paste it, then close
	})
	dlg.Resize(fyne.NewSize(560, 420))
	dlg.Show()
	return dlg
}

// Package pdfexport saves a PDF report from a screen: the user picks the
// file, the report is built off the UI goroutine while a progress dialog
// shows, and the result can be opened in the system's PDF viewer.
package pdfexport

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/reports"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/widgets"
)

// Build makes the document; it runs off the UI goroutine, so it must only
// use data read beforehand.
type Build func() *reports.Document

// Write builds the document and writes it to path. It is what the dialog
// flow runs in the background, and what tests call directly.
func Write(path string, build Build) error {
	doc := build()
	if err := doc.WriteFile(path); err != nil {
		if we := (*reports.WriteError)(nil); errors.As(err, &we) {
			return err // names the file and what to do
		}
		return fmt.Errorf(lang.L("PDF-en kunne ikke lagres i %s: %w"), path, err)
	}
	return nil
}

// FileName makes a file name from a title: "HMS-handlingsplan Solsiden.pdf".
func FileName(parts ...string) string {
	s := strings.Join(parts, " ")
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, s)
	return strings.TrimSpace(s) + ".pdf"
}

// Save asks where to save, then builds and writes the PDF in the background.
func Save(env *appctx.Env, suggested string, build Build) { SaveThen(env, suggested, build, nil) }

// SaveThen is Save, calling saved (on the UI goroutine) once the PDF is
// written, e.g. to note the export.
func SaveThen(env *appctx.Env, suggested string, build Build, saved func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			widgets.ShowError(err, env.Window)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		_ = w.Close()
		run(env, path, build, saved)
	}, env.Window)
	d.SetFileName(suggested)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	widgets.ShowFileDialog(d, env.Window)
}

func run(env *appctx.Env, path string, build Build, saved func(string)) {
	bar := widget.NewProgressBarInfinite()
	progress := dialog.NewCustomWithoutButtons(lang.L("Lager PDF …"), bar, env.Window)
	progress.Show()
	go func() {
		err := Write(path, build)
		fyne.Do(func() {
			progress.Hide()
			if err != nil {
				_ = os.Remove(path) // the dialog created it; leave no empty file behind
				widgets.ShowError(err, env.Window)
				return
			}
			if saved != nil {
				saved(path)
			}
			widgets.Confirm(env.Window, lang.L("PDF lagret"),
				fmt.Sprintf(lang.L("Lagret som %s. Vil du åpne den?"), filepath.Base(path)),
				lang.L("Åpne"), lang.L("Lukk"), func() {
					_ = env.App.OpenURL(&url.URL{Scheme: "file", Path: path})
				})
		})
	}()
}

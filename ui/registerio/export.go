// Package registerio is the «Eksporter …» button every register page has
// (one register as CSV, or all of them as one workbook, as hmsutvalg
// registers writes them) and the «Importer …» button of the action plan
// and the deviation register (a file with the export's columns, shown
// row by row before anything is saved, all or nothing).
package registerio

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/reports"
	"hmsutvalg/reports/registers"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/pdfexport"
	"hmsutvalg/ui/widgets"
)

// The registers' table names (registers.Build), for ExportButton.
const (
	Measures   = "handlingsplan"
	Deviations = "avvik"
	RiskItems  = "risikoforhold"
	Findings   = "vernerundefunn"
	Trainings  = "opplaering"
	Meetings   = "moter-og-vedtak"
	SickLeave  = "sykefravaer"
)

// Export is a choice in the export dialog.
type Export struct {
	Table        string // the page's register
	All          bool   // every register as one workbook; false: Table as CSV
	Descriptions bool   // include the free text that may be sensitive
}

// ExportButton is «Eksporter …» for the register table (one of the
// constants above).
func ExportButton(env *appctx.Env, table string) *widget.Button {
	return widget.NewButtonWithIcon(lang.L("Eksporter …"), theme.DocumentSaveIcon(), func() { ShowExport(env, table) })
}

// Write writes the export to path: every year's records, as the command
// line without --year.
func Write(env *appctx.Env, path string, e Export) error {
	today := env.Today()
	data, err := model.LoadAnnualData(env.Store, model.ReportYear(today), today)
	if err != nil {
		return err
	}
	tables := registers.Build(data, registers.Options{Descriptions: e.Descriptions})
	if e.All {
		b, err := registers.XLSX(tables)
		if err != nil {
			return err
		}
		return reports.WriteFileAtomic(path, b)
	}
	for _, t := range tables {
		if t.Name == e.Table {
			return reports.WriteFileAtomic(path, registers.CSV(t))
		}
	}
	return fmt.Errorf("intern feil: ukjent register «%s»", e.Table)
}

// sheetOf is the register's name as the workbook's sheet has it.
func sheetOf(table string) string {
	for _, t := range registers.Build(model.AnnualData{}, registers.Options{}) {
		if t.Name == table {
			return t.Sheet
		}
	}
	return table
}

// ShowExport asks for the format and whether to include the descriptions
// (with a warning), then where to save.
func ShowExport(env *appctx.Env, table string) {
	one := fmt.Sprintf(lang.L("%s som CSV-fil"), sheetOf(table))
	all := lang.L("Alle registrene som Excel-arbeidsbok (ett ark per register)")
	format := widget.NewRadioGroup([]string{one, all}, nil)
	format.SetSelected(one)
	// Lines broken by hand: a wrapped label's height is not known when the
	// dialog sizes itself (as on Rapporter).
	warn := widget.NewLabel(lang.L("Beskrivelsene kan inneholde sensitive opplysninger\n(hva som skjedde, årsaker, notater, lukkede saker).\nDel ikke filene videre, og slett dem når de ikke trengs."))
	warn.Importance = widget.DangerImportance
	warn.Hide()
	var d *widgets.KeyDialog
	desc := widget.NewCheck(lang.L("Ta med beskrivelser"), func(on bool) {
		if on {
			warn.Show()
		} else {
			warn.Hide()
		}
		d.Resize(fyne.NewSize(560, 0))
	})
	intro := widget.NewLabel(lang.L("Alle årene, til regneark. Uten beskrivelser er fritekst\nsom kan være sensitiv, ikke med."))
	d = widgets.NewKeyDialog(env.Window, lang.L("Eksporter"), container.NewVBox(intro, format, desc, warn))
	d.SetCancel(lang.L("Avbryt"), nil)
	d.Default = d.AddButton(lang.L("Lagre …"), theme.DocumentSaveIcon(), widget.HighImportance, func() {
		chooseTarget(env, Export{Table: table, All: format.Selected == all, Descriptions: desc.Checked})
	})
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

func chooseTarget(env *appctx.Env, e Export) {
	u, _ := env.Store.Unit()
	base, ext := e.Table, ".csv"
	if e.All {
		base, ext = lang.L("HMS-registre"), ".xlsx"
	}
	name := strings.TrimSuffix(pdfexport.FileName(base, u.Name), ".pdf") + ext
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			if err != nil {
				widgets.ShowError(err, env.Window)
			}
			return
		}
		path := w.URI().Path()
		_ = w.Close()
		writeInBackground(env, path, e)
	}, env.Window)
	d.SetFileName(name)
	d.SetFilter(fstorage.NewExtensionFileFilter([]string{ext}))
	widgets.ShowFileDialog(d, env.Window)
}

// writeInBackground writes off the UI goroutine with a progress dialog: a
// heavy unit's workbook takes seconds.
func writeInBackground(env *appctx.Env, path string, e Export) {
	progress := dialog.NewCustomWithoutButtons(lang.L("Lagrer …"), widget.NewProgressBarInfinite(), env.Window)
	progress.Show()
	go func() {
		err := Write(env, path, e)
		if err != nil {
			_ = os.Remove(path) // the save dialog made it; leave no empty file
		}
		fyne.Do(func() {
			progress.Hide()
			if err != nil {
				widgets.ShowError(fmt.Errorf(lang.L("Eksporten kunne ikke lagres: %w"), err), env.Window)
				return
			}
			widgets.ShowInformation(lang.L("Lagret"), fmt.Sprintf(lang.L("Lagret som %s."), filepath.Base(path)), env.Window)
		})
	}()
}

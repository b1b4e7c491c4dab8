package rapporter

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
	"hmsutvalg/ui/pdfexport"
	"hmsutvalg/ui/widgets"
)

// RegisterExport is the choice in the export dialog.
type RegisterExport struct {
	XLSX         bool // false = CSV files
	Descriptions bool // include the sensitive free text
}

// WriteRegisters writes the chosen year's registers as the command line
// does: a workbook at path, or the CSV files into the folder path.
func (s *Screen) WriteRegisters(path string, e RegisterExport) error {
	return writeRegisters(s.data, path, e)
}

func writeRegisters(data model.AnnualData, path string, e RegisterExport) error {
	tables := registers.Build(data, registers.Options{Year: data.Year, Descriptions: e.Descriptions})
	if !e.XLSX {
		_, err := registers.WriteCSVs(path, tables)
		return err
	}
	b, err := registers.XLSX(tables)
	if err != nil {
		return err
	}
	return reports.WriteFileAtomic(path, b)
}

// ExportRegisters asks for the format and whether to include
// descriptions (with a warning), then where to save.
func (s *Screen) ExportRegisters() {
	if !s.dataReady {
		return
	}
	formatXLSX := lang.L("Excel-arbeidsbok (ett ark per register)")
	formatCSV := lang.L("CSV-filer i en mappe (én per register)")
	format := widget.NewRadioGroup([]string{formatXLSX, formatCSV}, nil)
	format.SetSelected(formatXLSX)
	// Lines broken by hand: a wrapped label's height is not known when the
	// dialog sizes itself, and the buttons would cover the last lines.
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
		d.Resize(fyne.NewSize(560, 0)) // lay out again, with or without the warning
	})
	body := container.NewVBox(wrapped(fmt.Sprintf(lang.L("Registrene for %s til regneark."), s.data.Year)), format, desc, warn)
	// Enter chooses where to save, Escape cancels, as in every dialog.
	d = widgets.NewKeyDialog(s.env.Window, lang.L("Eksporter registre"), body)
	d.SetCancel(lang.L("Avbryt"), nil)
	d.Default = d.AddButton(lang.L("Lagre …"), theme.DocumentSaveIcon(), widget.HighImportance, func() {
		s.chooseRegisterTarget(RegisterExport{XLSX: format.Selected != formatCSV, Descriptions: desc.Checked})
	})
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	s.regDialog = d
}

func (s *Screen) chooseRegisterTarget(e RegisterExport) {
	base := strings.TrimSuffix(pdfexport.FileName(lang.L("HMS-registre"), s.data.Year.String(), s.data.Unit.Name), ".pdf")
	if !e.XLSX {
		widgets.ShowFileDialog(dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err != nil || dir == nil {
				s.registersDone("", err)
				return
			}
			s.writeInBackground(filepath.Join(dir.Path(), base), e)
		}, s.env.Window), s.env.Window)
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			s.registersDone("", err)
			return
		}
		path := w.URI().Path()
		_ = w.Close()
		s.writeInBackground(path, e)
	}, s.env.Window)
	d.SetFileName(base + ".xlsx")
	d.SetFilter(fstorage.NewExtensionFileFilter([]string{".xlsx"}))
	widgets.ShowFileDialog(d, s.env.Window)
}

// writeInBackground writes the registers off the UI goroutine, with a
// progress dialog: a heavy unit's workbook takes seconds.
func (s *Screen) writeInBackground(path string, e RegisterExport) {
	bar := widget.NewProgressBarInfinite()
	progress := dialog.NewCustomWithoutButtons(lang.L("Lagrer registrene …"), bar, s.env.Window)
	progress.Show()
	data := s.data // the year chosen now, whatever happens on the page meanwhile
	go func() {
		err := writeRegisters(data, path, e)
		if err != nil && e.XLSX {
			_ = os.Remove(path) // the save dialog created it; leave no empty file behind
		}
		fyne.Do(func() {
			progress.Hide()
			s.registersDone(path, err)
		})
	}()
}

func (s *Screen) registersDone(path string, err error) {
	switch {
	case err != nil:
		widgets.ShowError(fmt.Errorf(lang.L("Registrene kunne ikke lagres: %w"), err), s.env.Window)
	case path != "":
		widgets.ShowInformation(lang.L("Lagret"), fmt.Sprintf(lang.L("Lagret som %s."), filepath.Base(path)), s.env.Window)
	}
}

package sykefravar

import (
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/widgets"
)

// Importer reads quarterly figures from a CSV file as a spreadsheet saves
// it, shows them (or every bad line) before anything is stored, and imports
// all of them in one go – or nothing.
type Importer struct {
	s        *Screen
	qs       []model.SickLeaveQuarter
	errs     []model.CSVLineError
	Choose   *widget.Button
	Import   *widget.Button
	Clear    *widget.Button
	File     *widget.Label // the file and what was found in it
	Result   *widget.Label
	Err      *widgets.ErrorText
	Table    *widget.Table   // the preview of a good file
	Problems *fyne.Container // the errors of a bad file, one wrapped line each
	preview  *fyne.Container
	problems fyne.CanvasObject
}

func newImporter(s *Screen) *Importer {
	im := &Importer{s: s, Err: widgets.NewErrorText()}
	im.File = wrapped("")
	im.Result = wrapped("")
	im.Result.Importance = widget.SuccessImportance
	im.Choose = widget.NewButtonWithIcon(lang.L("Velg CSV-fil …"), theme.FolderOpenIcon(), im.chooseFile)
	im.Import = widget.NewButtonWithIcon(lang.L("Importer"), theme.DownloadIcon(), im.DoImport)
	im.Import.Importance = widget.HighImportance
	im.Import.Disable()
	im.Clear = widget.NewButtonWithIcon(lang.L("Avbryt"), theme.CancelIcon(), im.Reset)
	im.Clear.Disable()
	im.Problems = container.NewVBox()
	im.problems = container.NewVScroll(im.Problems)
	im.Table = widget.NewTableWithHeaders(
		func() (int, int) {
			if len(im.errs) > 0 {
				return len(im.errs), 3
			}
			return len(im.qs), 4
		},
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			text, imp := im.CellText(id.Row, id.Col)
			l.Importance = imp
			l.SetText(text)
		},
	)
	im.Table.ShowHeaderColumn = false
	im.Table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	im.Table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		heads := []string{lang.L("Kvartal"), lang.L("Totalt"), lang.L("Nærvær"), lang.L("Endring")}
		if len(im.errs) > 0 {
			heads = []string{lang.L("Linje"), lang.L("Kolonne"), lang.L("Feil")}
		}
		if id.Col >= 0 && id.Col < len(heads) {
			o.(*widget.Label).SetText(heads[id.Col])
		}
	}
	im.setWidths()
	im.preview = container.NewStack(im.Table)
	return im
}

// setWidths sizes the preview's columns for quarters or for errors.
func (im *Importer) setWidths() {
	size := theme.TextSize() * im.s.scale()
	widths := []float32{6, 5, 5, 16}
	if len(im.errs) > 0 {
		widths = []float32{3.5, 9, 40}
	}
	for i, w := range widths {
		im.Table.SetColumnWidth(i, w*size)
	}
}

// CellText is a preview cell: for a good file the quarter, total, nærvær
// and whether it is new or replaces figures already registered; for a bad
// file the line, column and message of each error (shown as wrapped lines
// in Problems).
func (im *Importer) CellText(row, col int) (string, widget.Importance) {
	if len(im.errs) > 0 {
		if row >= len(im.errs) {
			return "", widget.MediumImportance
		}
		e := im.errs[row]
		switch col {
		case 0:
			if e.Line == 0 {
				return "–", widget.DangerImportance
			}
			return fmt.Sprint(e.Line), widget.DangerImportance
		case 1:
			return e.Column, widget.DangerImportance
		default:
			return e.Message, widget.DangerImportance
		}
	}
	if row >= len(im.qs) {
		return "", widget.MediumImportance
	}
	q := im.qs[row]
	switch col {
	case 0:
		return QuarterText(q.Quarter), widget.MediumImportance
	case 1:
		return pctText(q.Total), widget.MediumImportance
	case 2:
		return pctText(q.Presence()), widget.MediumImportance
	default:
		for _, o := range im.s.quarters {
			if o.Quarter == q.Quarter {
				return fmt.Sprintf(lang.L("Erstatter %s"), pctText(o.Total)), widget.WarningImportance
			}
		}
		return lang.L("Ny"), widget.MediumImportance
	}
}

// Errors are the problems of the file read last.
func (im *Importer) Errors() []model.CSVLineError { return im.errs }

// Preview are the quarters of the file read last when it has no errors.
func (im *Importer) Preview() []model.SickLeaveQuarter { return im.qs }

func (im *Importer) chooseFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			im.Err.Show(err)
			return
		}
		if r == nil {
			return
		}
		defer r.Close()
		im.Load(r.URI().Name(), r)
	}, im.s.env.Window)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".txt"}))
	widgets.ShowFileDialog(d, im.s.env.Window)
}

// Load reads a CSV file into the preview. Nothing is stored until Import.
func (im *Importer) Load(name string, r io.Reader) {
	im.qs, im.errs = model.ParseSickLeaveCSV(r, im.s.env.Today())
	im.Result.SetText("")
	im.Err.Show(nil)
	im.Clear.Enable()
	im.Problems.Objects = nil
	for _, e := range im.errs {
		l := wrapped(e.Error())
		l.Importance = widget.DangerImportance
		im.Problems.Add(l)
	}
	im.Problems.Refresh()
	im.preview.Objects = []fyne.CanvasObject{im.Table}
	if len(im.errs) > 0 {
		im.preview.Objects = []fyne.CanvasObject{im.problems}
		var lines []string
		seen := map[int]bool{}
		for _, e := range im.errs {
			if e.Line > 0 && !seen[e.Line] {
				seen[e.Line] = true
				lines = append(lines, fmt.Sprint(e.Line))
			}
		}
		if len(lines) == 0 {
			im.File.SetText(fmt.Sprintf(lang.L("%s kan ikke importeres."), name))
		} else {
			im.File.SetText(fmt.Sprintf(lang.L("%s har feil på linje %s. Ingenting importeres før alle linjene er riktige – rett filen og velg den på nytt."),
				name, strings.Join(lines, ", ")))
		}
		im.File.Importance = widget.DangerImportance
		im.Import.Disable()
	} else {
		im.File.SetText(fmt.Sprintf(lang.L("%s: %d kvartaler er klare til import. Kontroller tallene og trykk «Importer»."), name, len(im.qs)))
		im.File.Importance = widget.MediumImportance
		im.Import.Enable()
	}
	im.File.Refresh()
	im.setWidths()
	im.Table.Refresh()
	im.preview.Refresh()
}

// DoImport stores the previewed quarters in one transaction.
func (im *Importer) DoImport() {
	if len(im.errs) > 0 || len(im.qs) == 0 {
		return
	}
	replaced := 0
	for row := range im.qs {
		if _, imp := im.CellText(row, 3); imp == widget.WarningImportance {
			replaced++
		}
	}
	saved, err := im.s.env.Store.ImportSickLeave(im.qs, im.s.env.Today())
	if err != nil {
		im.Err.Show(err)
		return
	}
	im.Reset()
	im.Result.SetText(fmt.Sprintf(lang.L("Importerte %d kvartaler: %d nye, %d erstattet."), len(saved), len(saved)-replaced, replaced))
	im.s.changed()
}

// Reset empties the preview.
func (im *Importer) Reset() {
	im.qs, im.errs = nil, nil
	im.File.SetText("")
	im.Err.Show(nil)
	im.Import.Disable()
	im.Clear.Disable()
	im.Problems.Objects = nil
	im.preview.Objects = []fyne.CanvasObject{im.Table}
	im.preview.Refresh()
	im.setWidths()
	im.Table.Refresh()
}

// Content is the import tab: how the file should look, the buttons, and
// the preview filling the rest.
func (im *Importer) Content() fyne.CanvasObject {
	help := wrapped(lang.L("Lagre tallene fra HR-rapporten som «CSV (semikolondelt)» i regnearket. Første linje skal være overskriftene, deretter ett kvartal per linje. Bare kvartal og sykefravær totalt må være med; desimalkomma og %-tegn går fint."))
	example := widget.NewLabelWithStyle(strings.ReplaceAll(model.SickLeaveCSVHeader, ";", "; ")+"\n2026-K1; 8,1; 1,5; 2,4; 4,2; 86; 5 090",
		fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	example.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(help, example, container.NewHBox(im.Choose, im.Import, im.Clear), im.File, im.Err.Label, im.Result)
	return container.NewBorder(top, nil, nil, nil, im.preview)
}

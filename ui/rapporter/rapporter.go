// Package rapporter is the Rapporter screen: the annual internal-control
// report (PDF) and the submission file for a chosen year, and for HR the
// municipality's report aggregated from the units' submission files.
package rapporter

import (
	"errors"
	"fmt"
	"net/url"
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
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/arsgjennomgang"
	"hmsutvalg/ui/pdfexport"
	"hmsutvalg/ui/widgets"
)

// PageID is the page's ID for navigation.
const PageID = "rapporter"

// Version is the app version written into submission files; the command
// sets it at start.
var Version = "0.1.0-dev"

// Page returns the sidebar entry.
func Page() appctx.Page {
	return appctx.Page{ID: PageID, Title: lang.L("Rapporter"), Icon: theme.DocumentIcon(),
		Build: func(env *appctx.Env) fyne.CanvasObject { return New(env).Content() }}
}

// Screen is the Rapporter page.
type Screen struct {
	env *appctx.Env

	Year      *widget.Select
	Summary   *widget.Label
	ReportBtn *widget.Button
	ExportBtn *widget.Button
	ReviewBtn *widget.Button // opens the chosen year's annual review

	Files     *widget.Label
	Expected  *widget.Entry // units that should send, one a line: "Navn" or "Navn;Kommune"
	AddFile   *widget.Button
	ClearBtn  *widget.Button
	AggBtn    *widget.Button
	CSVBtn    *widget.Button
	loadErr   *widgets.ErrorText
	files     []string
	data      model.AnnualData
	dataReady bool
}

// New builds the screen with the report year (last year) chosen.
func New(env *appctx.Env) *Screen {
	s := &Screen{env: env, loadErr: widgets.NewErrorText()}
	today := env.Today()
	def := model.ReportYear(today)
	var years []string
	for y := int(today.Year()); y >= int(def)-4; y-- {
		years = append(years, fmt.Sprint(y))
	}
	s.Summary = widget.NewLabel("")
	s.Summary.Wrapping = fyne.TextWrapWord
	s.Year = widget.NewSelect(years, func(string) { s.load() })
	s.ReportBtn = widget.NewButtonWithIcon(lang.L("Lag årsrapport (PDF)"), theme.DocumentPrintIcon(), s.SaveReport)
	s.ReportBtn.Importance = widget.HighImportance
	s.ExportBtn = widget.NewButtonWithIcon(lang.L("Lag innsendingsfil (JSON)"), theme.DocumentSaveIcon(), s.SaveSubmission)
	s.ReviewBtn = widget.NewButtonWithIcon(lang.L("Årlig gjennomgang for året …"), theme.DocumentCreateIcon(), func() {
		env.Open(arsgjennomgang.PageID, appctx.Focus{ID: uint64(s.year())})
	})

	s.Files = widget.NewLabel(lang.L("Ingen filer valgt."))
	s.Files.Wrapping = fyne.TextWrapWord
	s.Expected = widget.NewMultiLineEntry()
	s.Expected.SetPlaceHolder(lang.L("Én enhet per linje, for eksempel «Solsiden barnehage» eller «Solsiden barnehage;Eksempel kommune»"))
	s.Expected.Wrapping = fyne.TextWrapWord
	s.Expected.SetMinRowsVisible(3)
	s.Expected.OnChanged = func(string) { s.SetFiles(s.files) }
	s.AddFile = widget.NewButtonWithIcon(lang.L("Legg til innsendingsfil …"), theme.ContentAddIcon(), s.pickFile)
	s.ClearBtn = widget.NewButtonWithIcon(lang.L("Tøm listen"), theme.ContentClearIcon(), func() { s.SetFiles(nil) })
	s.AggBtn = widget.NewButtonWithIcon(lang.L("Lag samlet rapport (PDF)"), theme.DocumentPrintIcon(), s.SaveAggregate)
	s.CSVBtn = widget.NewButtonWithIcon(lang.L("Lagre som CSV"), theme.DocumentSaveIcon(), s.SaveCSV)
	s.Year.SetSelected(fmt.Sprint(int(def)))
	s.SetFiles(nil)
	return s
}

// Content lays out the page.
func (s *Screen) Content() fyne.CanvasObject {
	// Explanations are wrapped labels and buttons one per row: card
	// subtitles and button rows do not wrap, and would not fit a 1024×768
	// projector in Møtemodus.
	unit := widget.NewCard(lang.L("Årsrapport for enheten"), "",
		container.NewVBox(
			wrapped(lang.L("Internkontroll for HMS-året, til innsending i januar og arbeidsmiljøutvalget i mars.")),
			container.NewBorder(nil, nil, widget.NewLabel(lang.L("HMS-år")), nil, s.Year),
			s.loadErr.Label, s.Summary,
			container.NewGridWithColumns(1, s.ReviewBtn, s.ReportBtn, s.ExportBtn)))
	hr := widget.NewCard(lang.L("Samle enhetenes innsendinger (HR)"), "",
		container.NewVBox(
			wrapped(lang.L("Velg innsendingsfilene fra enhetene. Filer som ikke kan brukes, nevnes med grunnen.")),
			s.Files, container.NewGridWithColumns(1, s.AddFile, s.ClearBtn),
			wrapped(lang.L("Enheter som skal levere (valgfritt). De som mangler, nevnes her og i den samlede rapporten.")),
			s.Expected, container.NewGridWithColumns(1, s.AggBtn, s.CSVBtn)))
	return container.NewVScroll(container.NewVBox(unit, hr))
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// year is the chosen year.
func (s *Screen) year() model.HMSYear {
	y, err := model.ParseHMSYear(s.Year.Selected)
	if err != nil {
		return model.ReportYear(s.env.Today())
	}
	return y
}

// load reads the year's data and shows the key figures.
func (s *Screen) load() {
	data, err := model.LoadAnnualData(s.env.Store, s.year(), s.env.Today())
	s.dataReady = err == nil
	if err != nil {
		s.loadErr.Show(err)
		s.Summary.SetText("")
		s.ReportBtn.Disable()
		s.ExportBtn.Disable()
		return
	}
	s.loadErr.Show(nil)
	s.data = data
	s.ReportBtn.Enable()
	s.ExportBtn.Enable()
	f := model.ComputeAnnualFigures(data)
	var lines []string
	for _, r := range reports.AnnualSummaryRows(f) {
		l := r.Area + ": " + r.Status
		if r.Figures != "–" {
			l += " – " + r.Figures
		}
		if r.Comment != "" {
			l += " (" + r.Comment + ")"
		}
		lines = append(lines, l)
	}
	docd := 0
	for _, p := range model.InternalControlChecklist(f) {
		if p.Documented() {
			docd++
		}
	}
	lines = append(lines, fmt.Sprintf(lang.L("Internkontroll § 5: %d av 8 punkter dokumentert."), docd))
	s.Summary.SetText(strings.Join(lines, "\n"))
}

// Report returns the annual report of the chosen year; it only uses data
// read before, so it may run off the UI goroutine.
func (s *Screen) Report() func() *reports.Document {
	data := s.data
	return func() *reports.Document { return reports.AnnualReport(data, reports.Options{}) }
}

// SaveReport asks where to save the annual report and writes it.
func (s *Screen) SaveReport() {
	if !s.dataReady {
		return
	}
	name := pdfexport.FileName(lang.L("Årsrapport HMS"), s.year().String(), s.data.Unit.Name)
	pdfexport.Save(s.env, name, s.Report())
}

// SaveSubmission asks where to save the submission file and writes it.
func (s *Screen) SaveSubmission() {
	if !s.dataReady {
		return
	}
	data := s.data
	b, err := reports.SubmissionJSON(data, Version)
	if err != nil {
		dialog.ShowError(err, s.env.Window)
		return
	}
	name := strings.TrimSuffix(pdfexport.FileName(lang.L("Innsending HMS"), data.Year.String(), data.Unit.Name), ".pdf") + ".json"
	s.saveBytes(name, ".json", b, false)
}

// saveBytes asks for a file name and writes b there.
func (s *Screen) saveBytes(name, ext string, b []byte, offerOpen bool) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowError(err, s.env.Window)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		_ = w.Close()
		if err := reports.WriteFileAtomic(path, b); err != nil {
			_ = os.Remove(path)
			if we := (*reports.WriteError)(nil); !errors.As(err, &we) {
				err = fmt.Errorf(lang.L("Filen kunne ikke lagres i %s: %w"), path, err)
			}
			dialog.ShowError(err, s.env.Window)
			return
		}
		if !offerOpen {
			dialog.ShowInformation(lang.L("Lagret"), fmt.Sprintf(lang.L("Lagret som %s."), filepath.Base(path)), s.env.Window)
			return
		}
		dialog.ShowConfirm(lang.L("Lagret"), fmt.Sprintf(lang.L("Lagret som %s. Vil du åpne den?"), filepath.Base(path)), func(ok bool) {
			if ok {
				_ = s.env.App.OpenURL(&url.URL{Scheme: "file", Path: path})
			}
		}, s.env.Window)
	}, s.env.Window)
	d.SetFileName(name)
	d.SetFilter(fstorage.NewExtensionFileFilter([]string{ext}))
	d.Show()
}

// expected are the units listed as expected to send.
func (s *Screen) expected() []reports.ExpectedUnit {
	return reports.ParseExpectedUnits(s.Expected.Text)
}

// aggregate reads the chosen files against the expected units.
func (s *Screen) aggregate(files []string) reports.Aggregation {
	return reports.AggregateFiles(files, 0, s.expected())
}

// SetFiles sets the submission files to aggregate and shows each with
// whether it can be used, and which expected units have not sent one.
func (s *Screen) SetFiles(files []string) {
	s.files = files
	if len(files) == 0 {
		s.Files.SetText(lang.L("Ingen filer valgt."))
		s.AggBtn.Disable()
		s.CSVBtn.Disable()
		return
	}
	agg := s.aggregate(files)
	bad := map[string]string{}
	for _, f := range agg.Problems {
		bad[f.File] = f.Reason
	}
	var lines []string
	for _, f := range files {
		if r, ok := bad[f]; ok {
			lines = append(lines, "✗ "+filepath.Base(f)+": "+r)
		} else {
			lines = append(lines, "✓ "+filepath.Base(f))
		}
	}
	lines = append(lines, fmt.Sprintf(lang.L("%d av %d filer kan brukes (HMS-år %s)."), len(agg.Units), len(files), agg.Year))
	if len(agg.Missing) > 0 {
		names := make([]string, len(agg.Missing))
		for i, m := range agg.Missing {
			names[i] = m.String()
		}
		lines = append(lines, fmt.Sprintf(lang.L("Mangler innsending fra %d: %s."), len(names), strings.Join(names, ", ")))
	}
	s.Files.SetText(strings.Join(lines, "\n"))
	if len(agg.Units) > 0 {
		s.AggBtn.Enable()
		s.CSVBtn.Enable()
	} else {
		s.AggBtn.Disable()
		s.CSVBtn.Disable()
	}
}

func (s *Screen) pickFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, s.env.Window)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		for _, f := range s.files {
			if f == path {
				return
			}
		}
		s.SetFiles(append(append([]string{}, s.files...), path))
	}, s.env.Window)
	d.SetFilter(fstorage.NewExtensionFileFilter([]string{".json"}))
	d.Show()
}

// Aggregate returns the municipality's report of the chosen files.
func (s *Screen) Aggregate() func() *reports.Document {
	files, expected := append([]string{}, s.files...), s.expected()
	return func() *reports.Document {
		return reports.AggregateReport(reports.AggregateFiles(files, 0, expected), reports.Options{})
	}
}

// SaveAggregate asks where to save the municipality's report and writes
// it in the background.
func (s *Screen) SaveAggregate() {
	if len(s.files) == 0 {
		return
	}
	agg := s.aggregate(s.files)
	pdfexport.Save(s.env, pdfexport.FileName(lang.L("HMS-internkontroll samlet"), agg.Year.String()), s.Aggregate())
}

// SaveCSV asks where to save the units' figures as CSV.
func (s *Screen) SaveCSV() {
	if len(s.files) == 0 {
		return
	}
	agg := s.aggregate(s.files)
	name := strings.TrimSuffix(pdfexport.FileName(lang.L("HMS-internkontroll samlet"), agg.Year.String()), ".pdf") + ".csv"
	s.saveBytes(name, ".csv", reports.AggregateCSV(agg), true)
}

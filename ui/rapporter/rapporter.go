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
	"hmsutvalg/ui/i18n"
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
		Build: func(env *appctx.Env) fyne.CanvasObject {
			s := New(env)
			// A link from the annual wheel opens the year of the report.
			if f, ok := env.TakeFocus(PageID); ok && f.ID >= model.MinHMSYear && f.ID <= model.MaxHMSYear {
				y := fmt.Sprint(f.ID)
				for _, o := range s.Year.Options {
					if o == y {
						s.Year.SetSelected(y)
					}
				}
			}
			return s.Content()
		}}
}

// Screen is the Rapporter page.
type Screen struct {
	env *appctx.Env

	Year    *widget.Select
	Summary *widget.Label
	// Gaps says per section what the chosen year's report lacks and has
	// a button to the page where it is entered.
	Gaps      *fyne.Container
	ReportBtn *widget.Button
	ExportBtn *widget.Button
	ReviewBtn *widget.Button     // opens the chosen year's annual review
	RegBtn    *widget.Button     // the registers to a workbook or CSV files (registers.go)
	regDialog *widgets.KeyDialog // the last «Eksporter registre» question (tests)

	hrWidgets // the HR part (hr.go)
	loadErr   *widgets.ErrorText
	data      model.AnnualData
	dataReady bool
	preloaded *model.AnnualData // last year's data, read to choose the year
}

// New builds the screen with the report year chosen: last year, or this
// year when last year has no records (model.DefaultReportYear).
func New(env *appctx.Env) *Screen {
	s := &Screen{env: env, loadErr: widgets.NewErrorText(), Gaps: container.NewVBox()}
	today := env.Today()
	def := model.ReportYear(today)
	if prev, err := model.LoadAnnualData(env.Store, def, today); err == nil {
		def = model.DefaultReportYear(today, model.ComputeAnnualFigures(prev).HasRecords())
		s.preloaded = &prev // read once: load takes it when the year stays
	}
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
	s.RegBtn = widget.NewButtonWithIcon(lang.L("Eksporter registre …"), theme.DocumentSaveIcon(), s.ExportRegisters)
	s.ReviewBtn = widget.NewButtonWithIcon(lang.L("Årlig gjennomgang for året …"), theme.DocumentCreateIcon(), func() {
		env.Open(arsgjennomgang.PageID, appctx.Focus{ID: uint64(s.year())})
	})

	s.newHR()
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
			s.loadErr.Label, s.Summary, s.Gaps,
			container.NewGridWithColumns(1, s.ReviewBtn, s.ReportBtn, s.ExportBtn, s.RegBtn)))
	hr := s.hrCard()
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
	var data model.AnnualData
	var err error
	if p := s.preloaded; p != nil && p.Year == s.year() {
		data = *p
	} else {
		data, err = model.LoadAnnualData(s.env.Store, s.year(), s.env.Today())
	}
	s.preloaded = nil
	s.dataReady = err == nil
	if err != nil {
		s.loadErr.Show(err)
		s.Summary.SetText("")
		s.ReportBtn.Disable()
		s.ExportBtn.Disable()
		s.RegBtn.Disable()
		return
	}
	s.loadErr.Show(nil)
	s.data = data
	s.ReportBtn.Enable()
	s.ExportBtn.Enable()
	s.RegBtn.Enable()
	f := model.ComputeAnnualFigures(data)
	var lines []string
	// The model's texts in the chosen language where i18n has them (the
	// areas, the statuses, the sentences it has keys for).
	if note := f.Year.InProgressNote(f.Today); note != "" {
		lines = append(lines, i18n.T(note))
	}
	if note := model.StartNote(f); note != "" {
		lines = append(lines, i18n.T(note))
	}
	for _, r := range reports.AnnualSummaryRows(f) {
		l := i18n.T(r.Area) + ": " + i18n.T(r.Status)
		if r.Figures != "–" {
			l += " – " + i18n.T(r.Figures)
		}
		if r.Comment != "" {
			l += " (" + i18n.T(r.Comment) + ")"
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
	s.showGaps(f)
}

// gapPages are the pages where what a report lacks is entered, by the
// page names model.ReportGap gives.
var gapPages = map[string]string{
	model.ModuleWhere(model.ModuleUtvalg):        "enhet",
	model.ModuleWhere(model.ModuleRisiko):        "risiko",
	model.ModuleWhere(model.ModuleVold):          "vold",
	model.ModuleWhere(model.ModuleTiFaktor):      "tifaktor",
	model.ModuleWhere(model.ModuleHandlingsplan): "handlingsplan",
	model.ModuleWhere(model.ModuleAvvik):         "avvik",
	model.ModuleWhere(model.ModuleSykefravar):    "sykefravar",
	model.ModuleWhere(model.ModuleVernerunder):   "vernerunde",
	model.ModuleWhere(model.ModuleMoter):         "moter",
	model.ReviewWhere:                            arsgjennomgang.PageID,
}

// showGaps lists per section what the year's report lacks, with a button
// to the page where it is entered.
func (s *Screen) showGaps(f model.AnnualFigures) {
	s.Gaps.RemoveAll()
	gaps := model.ReportGaps(f)
	if len(gaps) == 0 {
		s.Gaps.Add(wrapped(fmt.Sprintf(lang.L("Rapporten for %s mangler ingenting."), f.Year)))
		return
	}
	head := widget.NewLabelWithStyle(fmt.Sprintf(lang.L("Dette mangler i rapporten for %s, og hvor det føres:"), f.Year),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	s.Gaps.Add(head)
	year := f.Year
	for _, g := range gaps {
		text := i18n.T(g.Area) + ": " + i18n.T(g.What)
		if g.Where != "" {
			text += " " + fmt.Sprintf(lang.L("Føres under %s."), i18n.T(g.Where))
		}
		l := wrapped(text)
		page, ok := gapPages[g.Where]
		if !ok {
			s.Gaps.Add(l)
			continue
		}
		open := widget.NewButtonWithIcon(i18n.T(g.Where), theme.NavigateNextIcon(), func() {
			if page == arsgjennomgang.PageID {
				s.env.Open(page, appctx.Focus{ID: uint64(year)})
				return
			}
			s.env.Navigate(page)
		})
		s.Gaps.Add(container.NewBorder(nil, nil, nil, container.NewVBox(open), l))
	}
	s.Gaps.Refresh()
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
	year := s.year()
	pdfexport.SaveThen(s.env, name, s.Report(), func(string) { s.RecordExport(model.ExportAnnualReport, year) })
}

// RecordExport notes in the file that the report or submission of year
// was written today: the annual wheel's internal-control duty is done by
// it (model.ProofFor).
func (s *Screen) RecordExport(kind model.ExportKind, year model.HMSYear) {
	today := s.env.Today()
	if err := s.env.Store.RecordExport(model.ExportRecord{Kind: kind, Year: year, On: today}, today); err != nil {
		widgets.ShowError(err, s.env.Window)
	}
}

// SaveSubmission asks where to save the submission file and writes it.
func (s *Screen) SaveSubmission() {
	if !s.dataReady {
		return
	}
	data := s.data
	b, err := reports.SubmissionJSON(data, Version)
	if err != nil {
		widgets.ShowError(err, s.env.Window)
		return
	}
	name := strings.TrimSuffix(pdfexport.FileName(lang.L("Innsending HMS"), data.Year.String(), data.Unit.Name), ".pdf") + ".json"
	s.saveBytes(name, ".json", b, false, func() { s.RecordExport(model.ExportSubmission, data.Year) })
}

// saveBytes asks for a file name and writes b there.
func (s *Screen) saveBytes(name, ext string, b []byte, offerOpen bool, saved func()) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			widgets.ShowError(err, s.env.Window)
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
			widgets.ShowError(err, s.env.Window)
			return
		}
		if saved != nil {
			saved()
		}
		if !offerOpen {
			widgets.ShowInformation(lang.L("Lagret"), fmt.Sprintf(lang.L("Lagret som %s."), filepath.Base(path)), s.env.Window)
			return
		}
		widgets.Confirm(s.env.Window, lang.L("Lagret"), fmt.Sprintf(lang.L("Lagret som %s. Vil du åpne den?"), filepath.Base(path)),
			lang.L("Åpne"), lang.L("Lukk"), func() {
				_ = s.env.App.OpenURL(&url.URL{Scheme: "file", Path: path})
			})
	}, s.env.Window)
	d.SetFileName(name)
	d.SetFilter(fstorage.NewExtensionFileFilter([]string{ext}))
	widgets.ShowFileDialog(d, s.env.Window)
}

package avvik

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/reports"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/pdfexport"
	"hmsutvalg/ui/widgets"
)

// Stats is the statistics tab: one year's figures in words and as bar
// charts per category and per quarter (closed and open), and the PDF of
// the register with its statistics.
type Stats struct {
	env  *appctx.Env
	all  []model.Deviation
	year model.HMSYear

	Year         *widget.Select
	Descriptions *widget.Check
	PDFButton    *widget.Button
	Summary      *widget.Label
	ByCategory   *BarChart
	ByQuarter    *BarChart
	Err          *widgets.ErrorText
	charts       *fyne.Container
}

// NewStats builds the tab for the current year.
func NewStats(env *appctx.Env) *Stats {
	st := &Stats{env: env, year: model.HMSYear(env.Today().Year()), charts: container.NewVBox(), Err: widgets.NewErrorText()}
	st.Summary = widget.NewLabel("")
	st.Summary.Wrapping = fyne.TextWrapWord
	st.Year = widgets.NewSelect(nil, func(v string) {
		if y, err := model.ParseHMSYear(v); err == nil {
			st.year = y
			st.refresh()
		}
	})
	st.Descriptions = widget.NewCheck(lang.L("Ta med beskrivelsene (bare for utvalget)"), nil)
	st.PDFButton = widget.NewButtonWithIcon(lang.L("PDF"), theme.DocumentPrintIcon(), st.SavePDF)
	return st
}

// SetDeviations gives the tab the register and redraws it.
func (st *Stats) SetDeviations(all []model.Deviation) {
	st.all = all
	years := model.DeviationYears(all)
	this := model.HMSYear(st.env.Today().Year())
	if len(years) == 0 || years[0] != this {
		years = append([]model.HMSYear{this}, years...)
	}
	opts := make([]string, len(years))
	for i, y := range years {
		opts[i] = y.String()
	}
	st.Year.SetOptions(opts)
	st.Year.SetSelected(st.year.String()) // refreshes
	st.refresh()
}

// Figures are the shown year's statistics.
func (st *Stats) Figures() model.DeviationStatistics {
	return model.DeviationStats(st.all, st.year, st.env.Today())
}

// SummaryText says the year's figures in words.
func SummaryText(s model.DeviationStatistics) string {
	var b strings.Builder
	fmt.Fprintf(&b, lang.L("%s: %d avvik registrert – åpne: %d, lukket: %d."), s.Year, s.Total, s.Open, s.Closed)
	if s.ClosedMeasured > 0 {
		b.WriteString(" " + fmt.Sprintf(lang.L("Gjennomsnittlig %s dager fra registrering til lukking."), reports.FormatNumber(s.AvgDaysToClose, 1)))
	}
	if s.OpenLong > 0 {
		b.WriteString(" " + fmt.Sprintf(lang.L("Åpne avvik eldre enn %d dager: %d."), model.DevOpenLongDays, s.OpenLong))
	}
	if s.NoticeNeeded > 0 {
		b.WriteString(" " + fmt.Sprintf(lang.L("Dødsfall og alvorlig personskade etter arbeidsmiljøloven § 5-2: %d, herav %d meldt til Arbeidstilsynet og politiet i året og %d uten registrert melding."),
			s.NoticeNeeded, s.NoticeSent, s.NoticeOutstanding))
	}
	if s.WithMeasures > 0 {
		b.WriteString(" " + fmt.Sprintf(lang.L("Avvik med tiltak i handlingsplanen: %d."), s.WithMeasures))
	}
	return b.String()
}

// CategoryRows are the bars per category, with the count in words.
func CategoryRows(s model.DeviationStatistics) []BarRow {
	var rows []BarRow
	for _, c := range model.DeviationCategories() {
		n := s.ByCategory[c]
		rows = append(rows, BarRow{Label: lang.L(c.Short()), Parts: []BarPart{{Value: n, Color: colorClosed()}}, Text: fmt.Sprintf(lang.L("%d avvik"), n)})
	}
	return rows
}

// QuarterRows are the bars per quarter, closed and open stacked, said in
// words as well.
func QuarterRows(s model.DeviationStatistics) []BarRow {
	var rows []BarRow
	for _, q := range s.Year.Quarters() {
		closed, open := s.ClosedByQuarter[q], s.OpenByQuarter[q]
		rows = append(rows, BarRow{
			Label: fmt.Sprintf(lang.L("%d. kvartal"), q.Q),
			Parts: []BarPart{{Value: closed, Color: colorClosed()}, {Value: open, Color: colorOpen()}},
			Text:  fmt.Sprintf(lang.L("%d: %d lukket, %d åpne"), closed+open, closed, open),
		})
	}
	return rows
}

func (st *Stats) refresh() {
	s := st.Figures()
	st.Summary.SetText(SummaryText(s))
	st.ByCategory = NewBarChart(fmt.Sprintf(lang.L("Avvik per kategori, %s"), s.Year), CategoryRows(s))
	st.ByQuarter = NewBarChart(lang.L("Avvik per kvartal: lukket (blå) og åpne (oransje)"), QuarterRows(s))
	st.charts.Objects = []fyne.CanvasObject{st.ByCategory, widget.NewSeparator(), st.ByQuarter}
	st.charts.Refresh()
}

// PDFInput is the report's data, read now on the UI goroutine. The
// descriptions are left out unless asked for.
func (st *Stats) PDFInput() (reports.DeviationInput, error) {
	u, err := st.env.Store.Unit()
	if err != nil {
		return reports.DeviationInput{}, err
	}
	devs := append([]model.Deviation(nil), st.all...)
	return reports.DeviationInput{Unit: u, Deviations: devs, Year: st.year, Today: st.env.Today(), Descriptions: st.Descriptions.Checked}, nil
}

// SavePDF saves the register for the shown year with its statistics.
func (st *Stats) SavePDF() {
	in, err := st.PDFInput()
	if err != nil {
		st.Err.Show(err)
		return
	}
	pdfexport.Save(st.env, pdfexport.FileName(lang.L("Avviksregister"), in.Year.String(), in.Unit.Name), func() *reports.Document {
		return reports.DeviationReport(in, reports.Options{})
	})
}

// Content lays out the tab.
func (st *Stats) Content() fyne.CanvasObject {
	top := container.NewBorder(nil, nil, widget.NewLabel(lang.L("År")), container.NewHBox(st.PDFButton), st.Year)
	return container.NewVScroll(container.NewVBox(top, st.Descriptions, st.Err.Label, st.Summary, st.charts))
}

package sykefravar

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/widgets"
)

// The quarter table: newest first, with nærvær and a remark in words for
// quarters above a limit.

var tableColumns = []struct {
	title, sample string // the widest expected content sizes the column
}{
	{"Kvartal", "2026-K4"},
	{"Totalt", "10,45 %"},
	{"Egenmeldt", "10,45 %"},
	{"Legem. kort", "10,45 %"},
	{"Legem. lang", "10,45 %"},
	{"Nærvær", "94,55 %"},
	{"Ansatte", "1 000"},
	{"Merknad", "! Over 10,0 % (BHT)"},
}

// columnOrder maps the table's columns to tableColumns. In Møtemodus what
// matters most comes first – quarter, total, nærvær, remark – so the
// projector shows it without scrolling sideways; the parts follow.
func (s *Screen) columnOrder() []int {
	if s.env.MeetingMode() {
		return []int{0, 1, 5, 7, 2, 3, 4, 6}
	}
	return []int{0, 1, 2, 3, 4, 5, 6, 7}
}

// CellText returns the text and importance of a cell by the logical column
// (the index in tableColumns: 0 quarter, 1 total, 2–4 parts, 5 nærvær, 6
// employees, 7 remark).
func (s *Screen) CellText(row, col int) (string, widget.Importance) {
	if row < 0 || row >= len(s.rows) {
		return "", widget.MediumImportance
	}
	q := s.rows[row]
	remark, imp := remarkFor(q, s.settings)
	opt := func(p *model.Percent) string {
		if p == nil {
			return "–"
		}
		return pctText(*p)
	}
	switch col {
	case 0:
		return QuarterText(q.Quarter), widget.MediumImportance
	case 1:
		return pctText(q.Total), imp
	case 2:
		return opt(q.SelfCertified), widget.MediumImportance
	case 3:
		return opt(q.DoctorShort), widget.MediumImportance
	case 4:
		return opt(q.DoctorLong), widget.MediumImportance
	case 5:
		return pctText(q.Presence()), widget.MediumImportance
	case 6:
		if q.Employees == 0 {
			return "–", widget.MediumImportance
		}
		return model.FormatInt(q.Employees), widget.MediumImportance
	case 7:
		return remark, imp
	}
	return "", widget.MediumImportance
}

// remarkFor says in words whether a quarter is above a limit or the
// target; colour is never the only signal.
func remarkFor(q model.SickLeaveQuarter, set model.SickLeaveSettings) (string, widget.Importance) {
	switch {
	case q.Total > set.OneQuarterThreshold:
		return fmt.Sprintf(lang.L("! Over %s (BHT)"), pctText(set.OneQuarterThreshold)), widget.DangerImportance
	case q.Total > set.TwoQuarterThreshold:
		return fmt.Sprintf(lang.L("! Over %s"), pctText(set.TwoQuarterThreshold)), widget.WarningImportance
	case q.Total > set.Target:
		return lang.L("Over målet"), widget.MediumImportance
	}
	return "", widget.MediumImportance
}

func (s *Screen) newTable() *widgets.Table {
	order := s.columnOrder()
	t := widgets.NewTableWithHeaders(
		func() (int, int) { return len(s.rows), len(tableColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			text, imp := s.CellText(id.Row, order[id.Col])
			l.Importance = imp
			l.SetText(text)
		},
	)
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(order) {
			o.(*widget.Label).SetText(lang.L(tableColumns[order[id.Col]].title))
		}
	}
	// Columns as wide as their header or widest value at the current
	// text size, so Møtemodus widens them with the text.
	th := s.env.App.Settings().Theme()
	ts := th.Size(theme.SizeNameText)
	pad := 2*th.Size(theme.SizeNameInnerPadding) + 2*th.Size(theme.SizeNamePadding)
	for i, logical := range order {
		c := tableColumns[logical]
		w := max(fyne.MeasureText(lang.L(c.title), ts, fyne.TextStyle{Bold: true}).Width, fyne.MeasureText(c.sample, ts, fyne.TextStyle{}).Width)
		t.SetColumnWidth(i, w+pad)
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row < 0 || id.Row >= len(s.rows) {
			return
		}
		if q := s.rows[id.Row]; q.ID != 0 && q.ID == s.Form.editing.ID {
			return // already in the form
		}
		row := id.Row
		// A quarter being typed is saved or the user asked first.
		s.env.Leave(func() {
			s.selected = row
			s.Form.Edit(s.rows[row])
			s.env.FocusField(s.Form.Quarter)
		}, nil)
	}
	return t
}

// QuarterForm adds or edits one quarter. Percent fields take "7,4",
// "7.4" or "7,4 %"; the parts and counts may be left empty when the HR
// report does not give them.
type QuarterForm struct {
	s       *Screen
	editing model.SickLeaveQuarter // ID 0 = a new quarter

	Heading                                       *widget.Label
	Quarter, Total, Self, DoctorShort, DoctorLong *widgets.Entry
	Employees, AgreedDays, SickDays               *widgets.Entry
	Calc, Save, Delete, New                       *widget.Button
	Err                                           *widgets.ErrorText
	Saved                                         *widget.Label
	loaded                                        string // the fields as filled in (see state)
	// Replace is the last «replace an existing quarter?» question asked.
	Replace *widgets.KeyDialog
}

func newQuarterForm(s *Screen) *QuarterForm {
	f := &QuarterForm{s: s, Err: widgets.NewErrorText()}
	f.Heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.Saved = wrapped("")
	f.Saved.Importance = widget.SuccessImportance
	entry := func(placeholder string) *widgets.Entry {
		e := widgets.NewEntry()
		e.SetPlaceHolder(placeholder)
		return e
	}
	f.Quarter = entry(lang.L("f.eks. 2026-K1"))
	f.Total = entry(lang.L("f.eks. 7,4"))
	f.Self = entry(lang.L("tomt = ukjent"))
	f.DoctorShort = entry(lang.L("tomt = ukjent"))
	f.DoctorLong = entry(lang.L("tomt = ukjent"))
	f.Employees = entry(lang.L("tomt = ukjent"))
	f.AgreedDays = entry(lang.L("tomt = ukjent"))
	f.SickDays = entry(lang.L("fra HR-rapporten"))
	f.Calc = widget.NewButton(lang.L("Regn ut prosent fra dagsverk"), f.Calculate)
	f.Save = widget.NewButtonWithIcon(lang.L("Lagre kvartalet"), theme.DocumentSaveIcon(), f.SaveQuarter)
	f.Save.Importance = widget.HighImportance
	f.Delete = widget.NewButtonWithIcon(lang.L("Slett"), theme.DeleteIcon(), f.confirmDelete)
	f.Delete.Importance = widget.DangerImportance // asks first
	f.New = widget.NewButtonWithIcon(lang.L("Nytt kvartal"), theme.ContentAddIcon(), func() {
		s.env.Leave(func() {
			f.NewQuarter()
			s.env.FocusField(f.Quarter)
		}, nil)
	})
	f.NewQuarter()
	return f
}

// NewQuarter clears the form for the quarter after the latest registered
// one (at most the current quarter), or the last completed quarter.
func (f *QuarterForm) NewQuarter() {
	next := model.NextSickLeaveQuarter(f.s.quarters, f.s.env.Today())
	if f.s.Table != nil {
		f.s.Table.UnselectAll()
	}
	f.fill(model.SickLeaveQuarter{Quarter: next})
	f.Total.SetText("")
	f.Heading.SetText(lang.L("Nytt kvartal"))
	f.Delete.Hide()
	f.loaded = f.state()
}

// Edit loads a stored quarter.
func (f *QuarterForm) Edit(q model.SickLeaveQuarter) {
	f.fill(q)
	f.Heading.SetText(fmt.Sprintf(lang.L("Endre %s"), QuarterText(q.Quarter)))
	f.Delete.Show()
	f.loaded = f.state()
}

// state is the form's fields in one string, to tell whether they were
// changed since they were filled in.
func (f *QuarterForm) state() string {
	var b strings.Builder
	for _, e := range []*widgets.Entry{f.Quarter, f.Total, f.Self, f.DoctorShort, f.DoctorLong, f.Employees, f.AgreedDays, f.SickDays} {
		b.WriteString(e.Text)
		b.WriteByte(0)
	}
	return b.String()
}

// Dirty reports whether the quarter form or the target and limits hold
// figures not saved.
func (s *Screen) Dirty() bool { return s.Form.state() != s.Form.loaded || s.Limits.dirty() }

// Save stores the quarter and the limits that were changed; false keeps
// the figures with the message.
func (s *Screen) Save() bool {
	if s.Form.state() != s.Form.loaded {
		if s.Form.SaveQuarter(); s.Form.state() != s.Form.loaded {
			return false
		}
	}
	if s.Limits.dirty() {
		s.Limits.SaveSettings()
	}
	return !s.Dirty()
}

// Discard puts back the quarter as stored (or a blank new one), and the
// stored target and limits.
func (s *Screen) Discard() {
	s.Limits.discard()
	if s.Form.editing.ID == 0 {
		s.Form.NewQuarter()
		return
	}
	s.Form.Edit(s.Form.editing)
}

func (f *QuarterForm) fill(q model.SickLeaveQuarter) {
	f.editing = q
	f.Err.Show(nil)
	f.Saved.SetText("")
	opt := func(p *model.Percent) string {
		if p == nil {
			return ""
		}
		return p.Number(2)
	}
	count := func(n int) string {
		if n == 0 {
			return ""
		}
		return model.FormatInt(n)
	}
	f.Quarter.SetText(QuarterText(q.Quarter))
	f.Total.SetText(trimZero(q.Total.Number(2)))
	f.Self.SetText(trimZero(opt(q.SelfCertified)))
	f.DoctorShort.SetText(trimZero(opt(q.DoctorShort)))
	f.DoctorLong.SetText(trimZero(opt(q.DoctorLong)))
	f.Employees.SetText(count(q.Employees))
	f.AgreedDays.SetText(count(q.AgreedDays))
	f.SickDays.SetText("")
}

// trimZero writes "7,40" as "7,4" (two decimals only when needed).
func trimZero(s string) string {
	if strings.HasSuffix(s, "0") && strings.Contains(s, ",") {
		return strings.TrimSuffix(s, "0")
	}
	return s
}

// read parses the form; every field's problem is reported at once.
func (f *QuarterForm) read() (model.SickLeaveQuarter, error) {
	q := model.SickLeaveQuarter{ID: f.editing.ID}
	var v model.ValidationError
	add := func(field string, err error) {
		var fe *model.FieldError
		if errors.As(err, &fe) {
			v.Add(fe.Field, fe.Message)
		} else if err != nil {
			v.Add(field, err.Error())
		}
	}
	if t := strings.TrimSpace(f.Quarter.Text); t == "" {
		v.Add(model.FieldSickQuarter, model.FieldSickQuarter+" "+lang.L("må fylles ut"))
	} else {
		var err error
		q.Quarter, err = model.ParseQuarter(t)
		add(model.FieldSickQuarter, err)
	}
	if t := strings.TrimSpace(f.Total.Text); t == "" {
		v.Add(model.FieldSickTotal, model.FieldSickTotal+" "+lang.L("må fylles ut"))
	} else {
		p, err := model.ParsePercentField(model.FieldSickTotal, t)
		add(model.FieldSickTotal, err)
		q.Total = p
	}
	optional := func(field string, e *widgets.Entry) *model.Percent {
		t := strings.TrimSpace(e.Text)
		if t == "" {
			return nil
		}
		p, err := model.ParsePercentField(field, t)
		if err != nil {
			add(field, err)
			return nil
		}
		return model.PercentPtr(p)
	}
	q.SelfCertified = optional(model.FieldSelfCertified, f.Self)
	q.DoctorShort = optional(model.FieldDoctorShort, f.DoctorShort)
	q.DoctorLong = optional(model.FieldDoctorLong, f.DoctorLong)
	count := func(field string, e *widgets.Entry) int {
		t := strings.TrimSpace(e.Text)
		if t == "" {
			return 0
		}
		n, err := model.ParseInt(field, t, 0, 100000000)
		add(field, err)
		return n
	}
	q.Employees = count(model.FieldSickEmployees, f.Employees)
	q.AgreedDays = count(model.FieldAgreedDays, f.AgreedDays)
	if err := v.Err(); err != nil {
		return q, err
	}
	return q, q.Validate(f.s.env.Today())
}

// Calculate fills "Sykefravær totalt" from sick-leave and agreed working
// days: dagsverk × 100 / avtalte dagsverk.
func (f *QuarterForm) Calculate() {
	var v model.ValidationError
	parse := func(field string, e *widgets.Entry) float64 {
		// Working days may have decimals (graded leave) and spaces
		// between thousands.
		t := strings.Map(func(r rune) rune {
			switch r {
			case ' ', '\u00a0', '\u202f':
				return -1
			case ',':
				return '.'
			}
			return r
		}, e.Text)
		n, err := strconv.ParseFloat(t, 64)
		if err != nil || n < 0 || math.IsInf(n, 0) || math.IsNaN(n) {
			v.Add(field, fmt.Sprintf(lang.L("%s må være et tall, for eksempel 312,5"), field))
		}
		return n
	}
	sick := parse(model.FieldSickDays, f.SickDays)
	agreed := parse(model.FieldAgreedDays, f.AgreedDays)
	if err := v.Err(); err != nil {
		f.Err.Show(err)
		return
	}
	p, err := model.PercentFromDays(sick, agreed)
	if err != nil {
		f.Err.Show(err)
		return
	}
	f.Err.Show(nil)
	f.Total.SetText(trimZero(p.Number(2)))
}

// SaveQuarter validates and stores the quarter. A refused quarter leaves
// the typed text and the file as they were. A new quarter that is
// registered already is only stored when the user confirms replacing it.
func (f *QuarterForm) SaveQuarter() {
	q, err := f.read()
	if err != nil {
		f.Saved.SetText("")
		f.Err.Show(err)
		return
	}
	before := f.registered(q)
	if before == nil {
		f.store(q, nil)
		return
	}
	f.Saved.SetText("")
	f.Err.Show(nil)
	f.Replace = widgets.ConfirmDanger(f.s.env.Window, lang.L("Erstatte kvartalet?"),
		fmt.Sprintf(lang.L("%s finnes fra før (%s). Erstatte tallene?"), q.Quarter, pctText(before.Total)),
		lang.L("Erstatt"), func() { f.store(q, before) })
}

// registered is the stored quarter a new quarter q would replace, nil
// when q is being edited or not stored.
func (f *QuarterForm) registered(q model.SickLeaveQuarter) *model.SickLeaveQuarter {
	if q.ID != 0 {
		return nil
	}
	for _, o := range f.s.quarters {
		if o.Quarter == q.Quarter {
			return &o
		}
	}
	return nil
}

// store writes q; before is the quarter it replaces, nil for none.
func (f *QuarterForm) store(q model.SickLeaveQuarter, before *model.SickLeaveQuarter) {
	saved, err := f.s.env.Store.SaveSickLeaveQuarter(q, f.s.env.Today())
	if err != nil {
		f.Saved.SetText("")
		f.Err.Show(err)
		return
	}
	wasNew := f.editing.ID == 0
	f.s.changed()
	f.Edit(saved)
	if wasNew { // ready for the next quarter
		f.s.env.FocusField(f.New)
	}
	if before != nil {
		f.Saved.SetText(fmt.Sprintf(lang.L("%s var registrert fra før med %s; tallene er erstattet."), QuarterText(saved.Quarter), pctText(before.Total)))
	} else {
		f.Saved.SetText(fmt.Sprintf(lang.L("%s er lagret."), QuarterText(saved.Quarter)))
	}
	f.s.selected = f.s.row(saved.ID)
}

func (f *QuarterForm) confirmDelete() {
	if f.editing.ID == 0 {
		return
	}
	q := f.editing
	widgets.ConfirmDanger(f.s.env.Window, lang.L("Slette kvartalet?"),
		fmt.Sprintf(lang.L("Sykefraværet for %s (%s) slettes. Tiltak som er laget fra det, blir stående i handlingsplanen."), QuarterText(q.Quarter), pctText(q.Total)),
		lang.L("Slett"), f.DeleteQuarter)
}

// DeleteQuarter removes the quarter being edited.
func (f *QuarterForm) DeleteQuarter() {
	if f.editing.ID == 0 {
		return
	}
	if err := f.s.env.Store.DeleteSickLeaveQuarter(f.editing.ID); err != nil {
		f.Err.Show(err)
		return
	}
	f.s.changed()
	f.NewQuarter()
}

// Content lays the form out in two columns with the labels above.
func (f *QuarterForm) Content() fyne.CanvasObject {
	grid := container.NewGridWithColumns(2,
		labelled(lang.L("Kvartal"), f.Err.Bind(model.FieldSickQuarter, f.Quarter)), labelled(lang.L("Sykefravær totalt (%)"), f.Err.Bind(model.FieldSickTotal, f.Total)),
		labelled(lang.L("Egenmeldt (%)"), f.Err.Bind(model.FieldSelfCertified, f.Self)), labelled(lang.L("Legemeldt korttid, 1–16 dager (%)"), f.Err.Bind(model.FieldDoctorShort, f.DoctorShort)),
		labelled(lang.L("Legemeldt langtid, over 16 dager (%)"), f.Err.Bind(model.FieldDoctorLong, f.DoctorLong)), labelled(lang.L("Ansatte"), f.Err.Bind(model.FieldSickEmployees, f.Employees)),
		labelled(lang.L("Avtalte dagsverk"), f.Err.Bind(model.FieldAgreedDays, f.AgreedDays)), labelled(lang.L("Sykefraværsdagsverk"), f.Err.Bind(model.FieldSickDays, f.SickDays)),
	)
	return container.NewVBox(f.Heading, grid, container.NewHBox(f.Calc), f.Err.Label, f.Saved,
		container.NewHBox(f.Save, f.Delete))
}

// QuarterText is a quarter as the screen shows it: «2026-K3» in bokmål,
// «2026-Q3» in English (model.Quarter.String is the stored and reported
// form; ParseQuarter reads both).
func QuarterText(q model.Quarter) string {
	if q == (model.Quarter{}) {
		return ""
	}
	return fmt.Sprintf(lang.L("%d-K%d"), q.Year, q.Q)
}

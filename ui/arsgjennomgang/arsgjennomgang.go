// Package arsgjennomgang is the screen for the committee's annual review
// of an HMS year (model.AnnualReview): the laws and regulations that
// apply, the year's goals and results, HMS training, occupational
// injuries and whistle-blowing cases as counts, the committee's
// evaluation, and when the committee treated the annual report.
package arsgjennomgang

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/widgets"
)

// PageID is the page's ID for navigation. Open it with
// appctx.Focus{ID: year} to show that year.
const PageID = "arsgjennomgang"

// Page returns the sidebar entry.
func Page() appctx.Page {
	return appctx.Page{ID: PageID, Title: lang.L("Årlig gjennomgang"), Icon: theme.DocumentCreateIcon(),
		Build: func(env *appctx.Env) fyne.CanvasObject { return New(env).Content() }}
}

// Screen is the annual review form; a refused save keeps what was typed.
type Screen struct {
	env *appctx.Env

	Year *widget.Select

	Regs              *rowList[RegulationRow]
	AddReg, FillRegs  *widget.Button
	Confirmed         *widgets.DateEntry
	ConfirmToday      *widget.Button
	SickGoal          *widget.Check
	SickComment       *widgets.Entry
	Goals             *rowList[GoalRow]
	AddGoal           *widget.Button
	Courses           *rowList[CourseRow]
	AddCourse         *widget.Button
	Injuries, Whistle *widgets.Entry
	Evaluation        *widgets.Entry
	LeaderComment     *widgets.Entry
	SafetyRepComment  *widgets.Entry
	TreatedOn         *widgets.DateEntry
	CaseNumber        *widgets.Entry

	Err     *widgets.ErrorText
	Saved   *widget.Label
	SaveBtn *widget.Button

	sector     model.Sector
	settings   model.SickLeaveSettings
	sickTarget model.Percent     // the stored sick-leave goal's target; 0 = take the settings'
	sickOwner  model.TargetOwner // whose target sickTarget is
	loaded     string            // the form as loaded or saved (see state)
	shownYear  string            // the year the form shows
}

// New builds the screen for last year, or the year a focus request names.
func New(env *appctx.Env) *Screen {
	s := &Screen{env: env, Err: widgets.NewErrorText()}
	if u, err := env.Store.Unit(); err == nil {
		s.sector = u.Sector
	}
	s.settings, _ = env.Store.SickLeaveSettings()
	s.settings = s.settings.OrDefault()

	today := env.Today()
	var years []string
	for y := today.Year(); y >= today.Year()-4; y-- {
		years = append(years, fmt.Sprint(y))
	}
	s.Regs = newRowList(buildRegulation)
	s.AddReg = widget.NewButtonWithIcon(lang.L("Legg til lov eller forskrift"), theme.ContentAddIcon(), func() { s.Regs.Add() })
	s.FillRegs = widget.NewButton(lang.L("Legg til standardlisten for sektoren"), s.fillDefaults)
	s.Confirmed = widgets.NewDateEntry(model.FieldRegulationsConfirm, true)
	s.ConfirmToday = widget.NewButton(lang.L("Bekreftet i dag"), func() { s.Confirmed.SetDate(s.env.Today()) })
	s.SickGoal = widget.NewCheck("", nil)
	s.SickComment = widgets.NewEntry()
	s.SickComment.SetPlaceHolder(lang.L("Kommentar til sykefraværsmålet"))
	s.Goals = newRowList(buildGoal)
	s.AddGoal = widget.NewButtonWithIcon(lang.L("Legg til mål"), theme.ContentAddIcon(), func() { s.Goals.Add() })
	s.Courses = newRowList(buildCourse)
	s.AddCourse = widget.NewButtonWithIcon(lang.L("Legg til kurs"), theme.ContentAddIcon(), func() { s.Courses.Add() })
	s.Injuries = widgets.NewEntry()
	s.Injuries.SetPlaceHolder(lang.L("tomt = ikke registrert"))
	s.Whistle = widgets.NewEntry()
	s.Whistle.SetPlaceHolder(lang.L("tomt = ikke registrert"))
	s.Evaluation = multiLine(6)
	s.LeaderComment = multiLine(3)
	s.SafetyRepComment = multiLine(3)
	s.TreatedOn = widgets.NewDateEntry(model.FieldTreatedOn, true)
	s.CaseNumber = widgets.NewEntry()
	s.CaseNumber.SetPlaceHolder(lang.L("for eksempel 3/27"))
	s.Saved = widget.NewLabel("")
	s.Saved.Importance = widget.SuccessImportance
	s.SaveBtn = widget.NewButtonWithIcon(lang.L("Lagre"), theme.DocumentSaveIcon(), func() { s.Save() })
	s.SaveBtn.Importance = widget.HighImportance

	year := model.ReportYear(today)
	if f, ok := env.TakeFocus(PageID); ok && f.ID >= model.MinHMSYear && f.ID <= model.MaxHMSYear {
		year = model.HMSYear(f.ID)
	}
	s.Year = widget.NewSelect(years, s.yearChosen)
	s.Year.SetSelected(fmt.Sprint(int(year)))
	env.Guard.Set(s)
	env.FocusField(s.Year) // the form's first field: the year it covers
	return s
}

func multiLine(rows int) *widgets.Entry {
	e := widgets.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	return e
}

// year is the year the form shows.
func (s *Screen) year() model.HMSYear {
	// The year the form shows: while «Lagre endringene?» is asked the
	// select already names the next one.
	shown := s.shownYear
	if shown == "" {
		shown = s.Year.Selected
	}
	y, err := model.ParseHMSYear(shown)
	if err != nil {
		return model.ReportYear(s.env.Today())
	}
	return y
}

// load fills the form with the chosen year's review, or a new one with
// the sector's laws and regulations and the sick-leave target.
func (s *Screen) load() {
	r, found, err := s.env.Store.AnnualReview(s.year())
	s.Err.Show(err)
	s.Saved.SetText("")
	if !found {
		r = model.AnnualReview{Year: s.year(), Regulations: model.DefaultRegulations(s.sector),
			Goals: []model.HMSGoal{model.SickLeaveGoal(s.settings)}}
	}
	s.set(r)
}

// set shows r in the form.
func (s *Screen) set(r model.AnnualReview) {
	s.Regs.Clear()
	for _, g := range r.Regulations {
		row := s.Regs.Add()
		row.Name.SetText(g.Name)
		row.Where.SetText(g.Where)
	}
	setDate(s.Confirmed, r.RegulationsConfirmed)
	s.sickTarget = 0
	s.SickGoal.SetChecked(false)
	s.SickComment.SetText("")
	s.Goals.Clear()
	for _, g := range r.Goals {
		if g.Kind == model.GoalSickLeave {
			s.sickTarget = g.Target
			s.sickOwner = g.WithOwnerFrom(s.settings).TargetSetBy
			s.SickGoal.SetChecked(true)
			s.SickComment.SetText(g.Comment)
			continue
		}
		row := s.Goals.Add()
		row.Goal.SetText(g.Goal)
		row.Measure.SetText(g.Measure)
		row.Result.SetSelected(lang.L(g.Result.Label()))
		row.Comment.SetText(g.Comment)
	}
	s.SickGoal.Text = fmt.Sprintf(lang.L("Sykefravær høyst %s"), s.target())
	s.SickGoal.Refresh()
	s.Courses.Clear()
	for _, c := range r.Trainings {
		row := s.Courses.Add()
		row.Course.SetText(c.Course)
		row.Date.SetDate(c.Date)
		row.Participants.SetText(fmt.Sprint(c.Participants))
	}
	s.Injuries.SetText(countText(r.OccupationalInjuries))
	s.Whistle.SetText(countText(r.Whistleblowing))
	s.Evaluation.SetText(r.Evaluation)
	s.LeaderComment.SetText(r.LeaderComment)
	s.SafetyRepComment.SetText(r.SafetyRepComment)
	setDate(s.TreatedOn, r.TreatedOn)
	s.CaseNumber.SetText(r.CaseNumber)
	s.loaded = s.state()
}

// target is the sick-leave goal's target: the stored one, or the
// settings' for a new goal.
func (s *Screen) target() model.Percent {
	if s.sickTarget != 0 {
		return s.sickTarget
	}
	return s.settings.Target
}

func setDate(e *widgets.DateEntry, d model.Date) {
	if d.IsZero() {
		e.SetText("")
		return
	}
	e.SetDate(d)
}

func countText(n *int) string {
	if n == nil {
		return ""
	}
	return fmt.Sprint(*n)
}

// fillDefaults adds the sector's laws and regulations that are not listed.
func (s *Screen) fillDefaults() {
	have := map[string]bool{}
	for _, r := range s.Regs.Rows() {
		have[strings.ToLower(strings.TrimSpace(r.Name.Text))] = true
	}
	for _, g := range model.DefaultRegulations(s.sector) {
		if !have[strings.ToLower(g.Name)] {
			row := s.Regs.Add()
			row.Name.SetText(g.Name)
			row.Where.SetText(g.Where)
		}
	}
}

// Content lays the screen out.
func (s *Screen) Content() fyne.CanvasObject {
	regs := widget.NewCard(lang.L("Lover og forskrifter"), "", container.NewVBox(
		wrapped(lang.L("HMS-lover og -forskrifter som gjelder for enheten, og hvor de ansatte finner dem (internkontrollforskriften § 5 punkt 1). Utvalget bekrefter listen hvert år.")),
		header(func(o ...fyne.CanvasObject) fyne.CanvasObject { return container.NewGridWithColumns(2, o...) },
			lang.L(model.FieldRegulationName), lang.L(model.FieldRegulationWhere)),
		s.Err.Bind(model.FieldRegulations, s.Regs.Box, model.FieldRegulationName, model.FieldRegulationWhere), container.NewGridWithColumns(1, s.AddReg, s.FillRegs),
		widget.NewForm(widget.NewFormItem(lang.L(model.FieldRegulationsConfirm),
			s.Err.Bind(model.FieldRegulationsConfirm, container.NewBorder(nil, nil, nil, s.ConfirmToday, s.Confirmed))))))
	goals := widget.NewCard(lang.L("Mål for HMS-arbeidet"), "", container.NewVBox(
		wrapped(lang.L("Årets mål (internkontrollforskriften § 5 punkt 4), hvert med hvordan det måles og om det ble nådd. Sykefraværsmålet er målet i innstillingene for sykefravær, enhetens eget eller kommunens; resultatet regnes ut fra årets kvartalstall.")),
		s.SickGoal, s.Err.Bind(model.FieldSickLeaveGoal, s.SickComment),
		header(func(o ...fyne.CanvasObject) fyne.CanvasObject { return container.NewGridWithColumns(2, o...) },
			lang.L(model.FieldGoal), lang.L(model.FieldGoalMeasure)),
		s.Err.Bind(model.FieldGoals, s.Goals.Box, model.FieldGoal, model.FieldGoalMeasure, model.FieldGoalResult, model.FieldGoalComment), container.NewHBox(s.AddGoal)))
	training := widget.NewCard(lang.L("Opplæring, yrkesskader og varsling"), "", container.NewVBox(
		wrapped(lang.L("Kurs i HMS holdt i året, med antall deltakere – ikke navn. Yrkesskader og varslingssaker bare som antall.")),
		header(func(o ...fyne.CanvasObject) fyne.CanvasObject { return courseLayout(o[0], o[1], o[2]) },
			lang.L(model.FieldCourse), lang.L("Dato"), lang.L("Deltakere")),
		s.Err.Bind(model.FieldTrainings, s.Courses.Box, model.FieldCourse, model.FieldCourseDate, model.FieldCourseCount), container.NewHBox(s.AddCourse),
		widget.NewForm(s.Err.FormItem(model.FieldInjuries, s.Injuries),
			s.Err.FormItem(model.FieldWhistleblowing, s.Whistle))))
	eval := widget.NewCard(lang.L("Utvalgets evaluering av året"), "", widget.NewForm(
		widget.NewFormItem(lang.L("Evaluering"), s.Err.Bind(model.FieldEvaluation, s.Evaluation)),
		s.Err.FormItem(model.FieldLeaderComment, s.LeaderComment),
		s.Err.FormItem(model.FieldSafetyRepComment, s.SafetyRepComment)))
	treated := widget.NewCard(lang.L("Behandlet i HMS-utvalget"), "", container.NewVBox(
		wrapped(lang.L("Møtedato og saksnummer står på forsiden av årsrapporten. Uten dem står det at rapporten er et utkast.")),
		widget.NewForm(widget.NewFormItem(lang.L("Møtedato"), s.Err.Bind(model.FieldTreatedOn, s.TreatedOn)),
			s.Err.FormItem(model.FieldCaseNumber, s.CaseNumber))))
	top := container.NewBorder(nil, nil, widget.NewLabel(lang.L("HMS-år")), nil, s.Err.Bind(model.FieldReviewYear, s.Year))
	return container.NewVScroll(container.NewVBox(top, regs, goals, training, eval, treated,
		s.Err.Label, s.Saved, container.NewHBox(s.SaveBtn)))
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Save stores the form; refused input keeps everything typed (false).
func (s *Screen) Save() bool {
	r, err := s.read()
	if err == nil {
		_, err = s.env.Store.SaveAnnualReview(r, s.env.Today())
	}
	if err != nil {
		s.Err.Show(err)
		s.Saved.SetText("")
		return false
	}
	s.Err.Show(nil)
	s.load()
	s.Saved.SetText(fmt.Sprintf(lang.L("Den årlige gjennomgangen for %s er lagret."), r.Year))
	s.env.DataChanged()
	return true
}

// read collects the form; parse errors name the field and row.
func (s *Screen) read() (model.AnnualReview, error) {
	var v model.ValidationError
	// add records a parse error; the parsers' messages name the field,
	// prefix names the row.
	add := func(prefix, field string, err error) {
		if err != nil {
			v.Add(prefix+field, prefix+err.Error())
		}
	}
	r := model.AnnualReview{Year: s.year(), Evaluation: s.Evaluation.Text, LeaderComment: s.LeaderComment.Text,
		SafetyRepComment: s.SafetyRepComment.Text, CaseNumber: s.CaseNumber.Text}
	for _, row := range s.Regs.Rows() {
		r.Regulations = append(r.Regulations, model.Regulation{Name: row.Name.Text, Where: row.Where.Text})
	}
	var err error
	r.RegulationsConfirmed, err = s.Confirmed.Date()
	add("", model.FieldRegulationsConfirm, err)
	if s.SickGoal.Checked {
		g := model.SickLeaveGoal(s.settings)
		if s.sickTarget != 0 {
			g.Target, g.TargetSetBy = s.sickTarget, s.sickOwner
		}
		g.Comment = s.SickComment.Text
		r.Goals = append(r.Goals, g)
	}
	for _, row := range s.Goals.Rows() {
		r.Goals = append(r.Goals, model.HMSGoal{Goal: row.Goal.Text, Measure: row.Measure.Text,
			Result: resultFromLabel(row.Result.Selected), Comment: row.Comment.Text})
	}
	for i, row := range s.Courses.Rows() {
		c := model.HMSCourse{Course: row.Course.Text}
		prefix := fmt.Sprintf("%s, rad %d: ", model.FieldTrainings, i+1)
		if strings.TrimSpace(row.Date.Text) != "" {
			c.Date, err = row.Date.Date()
			add(prefix, model.FieldCourseDate, err)
		}
		if t := strings.TrimSpace(row.Participants.Text); t != "" {
			c.Participants, err = model.ParseInt(model.FieldCourseCount, t, 0, model.MaxParticipantsCount)
			add(prefix, model.FieldCourseCount, err)
		}
		r.Trainings = append(r.Trainings, c)
	}
	r.OccupationalInjuries = s.count(model.FieldInjuries, s.Injuries, add)
	r.Whistleblowing = s.count(model.FieldWhistleblowing, s.Whistle, add)
	r.TreatedOn, err = s.TreatedOn.Date()
	add("", model.FieldTreatedOn, err)
	if err := v.Err(); err != nil {
		return r, err
	}
	r = r.Normalized()
	return r, r.Validate(s.env.Today())
}

// count parses an optional count; empty is nil (not recorded).
func (s *Screen) count(field string, e *widgets.Entry, add func(string, string, error)) *int {
	t := strings.TrimSpace(e.Text)
	if t == "" {
		return nil
	}
	n, err := model.ParseInt(field, t, 0, model.MaxAnnualCount)
	if err != nil {
		add("", field, err)
		return nil
	}
	return &n
}

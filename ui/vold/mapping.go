package vold

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/widgets"
)

// Keyboard shortcuts of the factor walk, handled by the walk's text
// fields (Tab moves between fields; on a button, Space presses it).
var (
	NextStepShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyPageDown, Modifier: fyne.KeyModifierControl}
	PrevStepShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyPageUp, Modifier: fyne.KeyModifierControl}
)

// StepEntry is a text field of the factor walk: Ctrl+Page Down and
// Ctrl+Page Up go to the next and previous factor from it.
type StepEntry struct {
	widgets.Entry
	step func(delta int)
}

func newStepEntry(multi bool, step func(int)) *StepEntry {
	e := &StepEntry{step: step}
	e.MultiLine = multi
	if multi {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	if multi {
		e.SetMinRowsVisible(3)
	}
	return e
}

// TypedShortcut handles the walk's shortcuts and passes the rest on.
func (e *StepEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && cs.Modifier == fyne.KeyModifierControl {
		switch cs.KeyName {
		case fyne.KeyPageDown:
			e.step(1)
			return
		case fyne.KeyPageUp:
			e.step(-1)
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

// MappingView walks the committee through the eight factors and the
// combined assessment, one step at a time.
type MappingView struct {
	s       *Screen
	m       model.ViolenceMapping // working copy, saved with SaveMapping
	matrix  model.RiskMatrix
	step    int // 0..7: factors 1..8; 8: the combined assessment
	loading bool

	Date, NextReview *widgets.DateEntry
	Participants     *widgets.Entry
	About            *widget.Accordion

	StepSelect                        *widget.Select
	StepLabel, FactorTitle, Questions *widget.Label
	AnswerLabel                       *widget.Label
	Answer, Situations, Groups, Notes *StepEntry
	factorOnly                        []fyne.CanvasObject
	P, C                              *widget.Select
	Risk, BelowWarning                *widget.Label
	Suggest, Prev, Next, Save         *widget.Button
	Err                               *widgets.ErrorText
	SavedInfo                         *widget.Label

	MeasureHeading            *widget.Label
	Measures                  *fyne.Container
	MeasureTitle, MeasureResp *widgets.Entry
	MeasureDeadline           *widgets.DateEntry
	MeasurePoint              *widget.Select
	AddMeasure                *widget.Button
	MeasureErr                *widgets.ErrorText

	stored model.ViolenceMapping // as loaded or saved
	base   string                // snapshot of the form as loaded or saved
}

// steps is the number of steps: eight factors and the combined assessment.
func steps() int { return len(model.ViolenceFactors()) + 1 }

// stepFactor is the factor of step i (FactorCombined for the last).
func stepFactor(i int) model.ViolenceFactor {
	if i >= len(model.ViolenceFactors()) {
		return model.FactorCombined
	}
	return model.ViolenceFactor(i + 1)
}

func newMappingView(s *Screen) *MappingView {
	v := &MappingView{s: s}
	today := s.env.Today()
	v.m = model.ViolenceMapping{Date: today}
	v.matrix = s.data.Matrix
	if s.data.HasMapping {
		v.m = s.data.Mapping
		if v.m.Matrix != (model.RiskMatrix{}) {
			v.matrix = v.m.Matrix
		}
	}
	if v.matrix == (model.RiskMatrix{}) {
		v.matrix = model.DefaultRiskMatrix()
	}
	move := func(d int) { v.GoTo(v.step + d) }

	v.Date = widgets.NewDateEntry(model.FieldMappingDate, false)
	v.Date.SetDate(v.m.Date)
	v.NextReview = widgets.NewDateEntry(model.FieldNextReview, true)
	v.NextReview.SetDate(v.m.NextReview)
	v.Participants = widgets.NewEntry()
	v.Participants.SetPlaceHolder(lang.L("navn eller rolle, skilt med komma"))
	v.Participants.SetText(strings.Join(v.m.Participants, ", "))

	var labels []string
	for i := 0; i < steps(); i++ {
		labels = append(labels, lang.L(stepFactor(i).Numbered()))
	}
	v.StepSelect = widgets.NewSelect(labels, func(string) {
		if i := v.StepSelect.SelectedIndex(); i >= 0 && i != v.step {
			v.GoTo(i)
		}
	})
	v.StepLabel = widget.NewLabel("")
	v.FactorTitle = heading("")
	v.Questions = wrapped("")
	v.Questions.TextStyle = fyne.TextStyle{Italic: true}
	v.AnswerLabel = wrapped("")
	v.Answer = newStepEntry(true, move)
	v.Answer.SetPlaceHolder(lang.L("utvalgets svar på spørsmålene"))
	v.Situations = newStepEntry(true, move)
	v.Situations.SetPlaceHolder(lang.L("for eksempel stell om morgenen, hjemmebesøk på kveld"))
	v.Groups = newStepEntry(false, move)
	v.Groups.SetPlaceHolder(lang.L("grupper, for eksempel nattevakter og vikarer – aldri navn"))
	v.Notes = newStepEntry(true, move)
	v.Notes.SetMinRowsVisible(2)
	v.P = widgets.NewSelect(scaleOptions(v.matrix.Size, model.ProbabilityDescription), func(string) { v.refreshRisk() })
	v.C = widgets.NewSelect(scaleOptions(v.matrix.Size, model.ConsequenceDescription), func(string) { v.refreshRisk() })
	v.Risk = heading("")
	v.BelowWarning = wrapped("")
	v.BelowWarning.Importance = widget.WarningImportance
	v.Suggest = widget.NewButtonWithIcon(lang.L("Start fra den høyeste faktoren"), theme.ContentRedoIcon(), v.suggest)
	v.Prev = widget.NewButtonWithIcon(lang.L("Forrige"), theme.NavigateBackIcon(), func() { move(-1) })
	v.Next = widget.NewButtonWithIcon(lang.L("Neste"), theme.NavigateNextIcon(), func() { move(1) })
	v.Save = widget.NewButtonWithIcon(lang.L("Lagre kartleggingen"), theme.DocumentSaveIcon(), func() { v.SaveMapping() })
	v.Save.Importance = widget.HighImportance
	v.Err = widgets.NewErrorText()
	v.SavedInfo = widget.NewLabel("")
	v.SavedInfo.Importance = widget.LowImportance

	v.MeasureHeading = heading("")
	v.Measures = container.NewVBox()
	v.MeasureTitle = widgets.NewEntry()
	v.MeasureTitle.SetPlaceHolder(lang.L("hva skal gjøres?"))
	v.MeasureResp = widgets.NewEntry()
	v.MeasureResp.SetPlaceHolder(lang.L("person eller rolle"))
	v.MeasureDeadline = widgets.NewDateEntry(model.FieldDeadline, false)
	v.MeasureDeadline.SetDate(today.AddMonths(3))
	v.MeasurePoint = widgets.NewSelect(translated(model.MeasurePointLabels()), nil)
	v.AddMeasure = widget.NewButtonWithIcon(lang.L("Legg tiltaket i handlingsplanen"), theme.ContentAddIcon(), v.CreateMeasure)
	v.MeasureErr = widgets.NewErrorText()
	v.showStep()
	v.stored = v.m
	v.base = v.snapshot()
	return v
}

// translated passes each label through lang.L.
func translated(labels []string) []string {
	out := make([]string, len(labels))
	for i, l := range labels {
		out[i] = lang.L(l)
	}
	return out
}

// Mapping is the working copy, with the current step's fields read in.
func (v *MappingView) Mapping() model.ViolenceMapping {
	v.readStep()
	return v.m
}

// Step is the current step: 0..7 for factors 1..8, 8 for the combined
// assessment.
func (v *MappingView) Step() int { return v.step }

// GoTo keeps what was typed in the current step and shows step i
// (clamped to the first and last).
func (v *MappingView) GoTo(i int) {
	i = max(0, min(i, steps()-1))
	v.readStep()
	v.step = i
	v.showStep()
}

// level reads a scale select (0 = not assessed).
func level(s *widget.Select) int { return max(0, s.SelectedIndex()) }

// readStep copies the current step's fields into the working copy.
func (v *MappingView) readStep() {
	if v.loading {
		return
	}
	f := stepFactor(v.step)
	if f == model.FactorCombined {
		v.m.Combined = model.CombinedAssessment{Assessment: v.Answer.Text, Probability: level(v.P), Consequence: level(v.C)}
		return
	}
	a := model.FactorAssessment{Factor: f, Answer: v.Answer.Text, Situations: v.Situations.Text, Groups: v.Groups.Text,
		Notes: v.Notes.Text, Probability: level(v.P), Consequence: level(v.C)}
	if _, had := v.m.Factor(f); had || a != (model.FactorAssessment{Factor: f}) {
		v.m = v.m.WithFactor(a)
	}
}

// showStep fills the fields from the working copy.
func (v *MappingView) showStep() {
	v.loading = true
	defer func() { v.loading = false; v.refreshRisk() }()
	f := stepFactor(v.step)
	n := len(model.ViolenceFactors())
	v.StepSelect.SetSelectedIndex(v.step)
	var qs []string
	for _, q := range f.Questions() {
		qs = append(qs, "• "+lang.L(q))
	}
	v.Questions.SetText(strings.Join(qs, "\n"))
	combined := f == model.FactorCombined
	if combined {
		v.StepLabel.SetText(lang.L("Steg 9 av 9: faktorene sett i sammenheng"))
		v.FactorTitle.SetText(lang.L("Samlet vurdering"))
		v.AnswerLabel.SetText(lang.L("Samlet vurdering av faktorene sammen"))
		v.Answer.SetText(v.m.Combined.Assessment)
		v.P.SetSelectedIndex(v.m.Combined.Probability)
		v.C.SetSelectedIndex(v.m.Combined.Consequence)
		v.Suggest.Show()
	} else {
		a, _ := v.m.Factor(f)
		v.StepLabel.SetText(fmt.Sprintf(lang.L("Faktor %d av %d"), int(f), n))
		v.FactorTitle.SetText(lang.L(f.Label()))
		v.AnswerLabel.SetText(lang.L("Utvalgets svar"))
		v.Answer.SetText(a.Answer)
		v.Situations.SetText(a.Situations)
		v.Groups.SetText(a.Groups)
		v.Notes.SetText(a.Notes)
		v.P.SetSelectedIndex(a.Probability)
		v.C.SetSelectedIndex(a.Consequence)
		v.Suggest.Hide()
	}
	for _, o := range v.factorOnly {
		if combined {
			o.Hide()
		} else {
			o.Show()
		}
	}
	if v.step == 0 {
		v.Prev.Disable()
	} else {
		v.Prev.Enable()
	}
	if v.step == steps()-1 {
		v.Next.Disable()
	} else {
		v.Next.Enable()
	}
	if combined {
		v.MeasureHeading.SetText(lang.L("Tiltak fra den samlede vurderingen"))
	} else {
		v.MeasureHeading.SetText(fmt.Sprintf(lang.L("Tiltak for faktor %d"), int(f)))
	}
	v.MeasureErr.Show(nil)
	v.refreshMeasures()
}

// refreshRisk shows the step's level in words and letter, and on the
// combined step warns when it is below the worst factor.
func (v *MappingView) refreshRisk() {
	if v.loading {
		return
	}
	text, imp := riskText(v.matrix, level(v.P), level(v.C))
	v.Risk.SetText(text)
	v.Risk.Importance = imp
	v.Risk.Refresh()
	v.readStep()
	m := v.m
	m.Matrix = v.matrix
	if stepFactor(v.step) == model.FactorCombined && m.CombinedBelowFactors() {
		best, lv := m.HighestFactor()
		v.BelowWarning.SetText(fmt.Sprintf(lang.L("Den samlede risikoen er satt lavere enn den høyeste enkeltfaktoren (%d – %s). Faktorene sammen er sjelden mindre risikable enn den verste av dem; begrunn vurderingen."),
			best, lang.L(lv.Label())))
		v.BelowWarning.Show()
	} else {
		v.BelowWarning.Hide()
	}
}

// suggest sets the combined rating from the highest-scoring factor.
func (v *MappingView) suggest() {
	v.readStep()
	m := v.m
	m.Matrix = v.matrix
	p, c := m.SuggestedCombined()
	v.P.SetSelectedIndex(p)
	v.C.SetSelectedIndex(c)
}

// readHeader reads date, next review and participants into the working
// copy; a date that does not parse is returned as an error naming it.
func (v *MappingView) readHeader() error {
	var errs []error
	d, err := v.Date.Date()
	if err != nil {
		errs = append(errs, err)
	} else {
		v.m.Date = d
	}
	nr, err := v.NextReview.Date()
	if err != nil {
		errs = append(errs, err)
	} else {
		v.m.NextReview = nr
	}
	var ps []string
	for _, p := range strings.Split(v.Participants.Text, ",") {
		if p = strings.TrimSpace(p); p != "" {
			ps = append(ps, p)
		}
	}
	v.m.Participants = ps
	return errors.Join(errs...)
}

// SaveMapping stores the mapping; a refused save keeps everything typed.
// It reports whether the save succeeded.
func (v *MappingView) SaveMapping() bool {
	v.readStep()
	if err := v.readHeader(); err != nil {
		if v.About != nil {
			v.About.Open(0)
		}
		v.Err.Show(err)
		return false
	}
	saved, err := v.s.env.Store.SaveViolenceMapping(v.m, v.s.env.Today())
	if err != nil {
		v.Err.Show(err)
		return false
	}
	v.m = saved
	v.stored = saved
	v.base = v.snapshot()
	v.Err.Show(nil)
	v.SavedInfo.SetText(fmt.Sprintf(lang.L("Lagret. Neste revisjon senest %s."), saved.ReviewDue()))
	v.s.changed()
	return true
}

// CreateMeasure saves the mapping, then puts a measure for the current
// step in the action plan, tagged with the chosen point.
func (v *MappingView) CreateMeasure() {
	deadline, err := v.MeasureDeadline.Date()
	if err != nil {
		v.MeasureErr.Show(err)
		return
	}
	point, ok := model.MeasurePoint(""), false
	if i := v.MeasurePoint.SelectedIndex(); i >= 0 {
		point, ok = model.MeasurePoints()[i], true
	}
	if !ok {
		v.MeasureErr.Show(errors.New(lang.L("Velg hvilket punkt i forskriften tiltaket gjelder.")))
		return
	}
	if !v.SaveMapping() {
		v.MeasureErr.Show(errors.New(lang.L("Kartleggingen må kunne lagres før tiltaket legges til – se feilmeldingen over.")))
		return
	}
	today := v.s.env.Today()
	f := stepFactor(v.step)
	ms := model.NewViolenceMeasure(v.m, f, v.MeasureTitle.Text, v.MeasureResp.Text, deadline, today)
	_, mapping, err := v.s.env.Store.AddViolenceMeasure(f, point, ms, today)
	if err != nil {
		v.MeasureErr.Show(err)
		return
	}
	v.m.Measures = mapping.Measures
	v.MeasureErr.Show(nil)
	v.MeasureTitle.SetText("")
	v.s.changed()
	v.refreshMeasures()
}

// refreshMeasures lists the current step's measures with status, point
// and a link to the action plan.
func (v *MappingView) refreshMeasures() {
	v.Measures.RemoveAll()
	byID := map[uint64]model.Measure{}
	for _, m := range v.s.data.Measures {
		byID[m.ID] = m
	}
	n := 0
	for _, l := range v.m.MeasureLinks(stepFactor(v.step)) {
		m, ok := byID[l.MeasureID]
		if !ok {
			continue
		}
		n++
		v.Measures.Add(widgets.MeasureRow(v.s.env, m, lang.L(l.Point.Label())))
	}
	if n == 0 {
		v.Measures.Add(widget.NewLabel(lang.L("Ingen tiltak ennå.")))
	}
}

// Content lays out the walk: the mapping's details, the step, the
// measures. One column, labels above the fields.
func (v *MappingView) Content() fyne.CanvasObject {
	intro := wrapped(fmt.Sprintf(lang.L("Kartleggingen vurderer hver faktor for seg og alle sammen (%s). Den gjennomgås minst én gang i året og når arbeidet endres. Skriv grupper og situasjoner, aldri navn."),
		model.DutyMapping.Citation()))
	keys := wrapped(lang.L("Tastatur: Tab flytter mellom feltene, Ctrl+Page Down og Ctrl+Page Up går til neste og forrige faktor."))
	keys.Importance = widget.LowImportance
	situations := labeled(lang.L("Situasjoner der ansatte kan bli utsatt"), v.Err.Bind(model.FieldSituations, v.Situations))
	groups := labeled(lang.L(model.FieldGroups), v.Err.Bind(model.FieldGroups, v.Groups))
	notes := labeled(lang.L("Merknader"), v.Err.Bind(model.FieldNotes, v.Notes))
	v.factorOnly = []fyne.CanvasObject{situations, groups, notes}
	v.showStep()
	// The mapping's details are folded away once it exists, so the
	// factor is on screen first.
	about := widget.NewAccordion(widget.NewAccordionItem(lang.L("Om kartleggingen: dato, revisjon og deltakere"), container.NewVBox(
		labeled(lang.L(model.FieldMappingDate), v.Err.Bind(model.FieldMappingDate, v.Date)),
		labeled(lang.L("Neste revisjon (tom: ett år etter datoen)"), v.Err.Bind(model.FieldNextReview, v.NextReview)),
		labeled(lang.L(model.FieldParticipants), v.Err.Bind(model.FieldParticipants, v.Participants)),
	)))
	if v.m.ID == 0 {
		about.Open(0)
	}
	v.About = about
	body := container.NewVBox(
		intro,
		about,
		labeled(lang.L("Gå til"), v.StepSelect),
		v.StepLabel, v.FactorTitle, v.Questions,
		container.NewVBox(v.AnswerLabel, v.Err.Bind(model.FieldAnswer, v.Answer, model.FieldCombined)),
		situations, groups, notes,
		labeled(lang.L(model.FieldProbability), v.Err.Bind(model.FieldProbability, v.P, model.FieldCombinedProb)),
		labeled(lang.L(model.FieldConsequence), v.Err.Bind(model.FieldConsequence, v.C, model.FieldCombinedCons)),
		v.Risk, v.BelowWarning, container.NewHBox(v.Suggest),
		container.NewHBox(v.Prev, v.Next, v.Save), keys, v.Err.Label, v.SavedInfo,
		widget.NewSeparator(),
		v.MeasureHeading, v.Measures,
		labeled(lang.L(model.FieldTitle), v.MeasureErr.Bind(model.FieldTitle, v.MeasureTitle)),
		labeled(lang.L(model.FieldResponsible), v.MeasureErr.Bind(model.FieldResponsible, v.MeasureResp)),
		labeled(lang.L(model.FieldDeadline), v.MeasureErr.Bind(model.FieldDeadline, v.MeasureDeadline)),
		labeled(lang.L(model.FieldMeasurePoint), v.MeasureErr.Bind(model.FieldMeasurePoint, v.MeasurePoint)),
		v.MeasureErr.Label, container.NewHBox(v.AddMeasure),
	)
	return container.NewVScroll(body)
}

package moter

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/apptheme"
	"hmsutvalg/ui/figures"
	"hmsutvalg/ui/i18n"
)

// Simple figures from the other modules' stored data, for the meeting
// view. They are defaults: a module that registers its own figure with
// figures.Register replaces them, whichever package initialises first.
func init() {
	figures.RegisterDefault(model.AgendaAttendance, SickLeaveFigure)
	figures.RegisterDefault(model.AgendaDeviations, DeviationFigure)
	figures.RegisterDefault(model.AgendaTenFactor, TenFactorFigure)
	figures.RegisterDefault(model.AgendaViolence, ViolenceFigure)
}

// moduleFacts adds to f what the other modules' data says about the
// agenda since the last meeting (since; zero = no meeting before).
func moduleFacts(env *appctx.Env, since, date model.Date, f *model.AgendaFacts) {
	between := func(d model.Date) bool {
		return !d.IsZero() && (since.IsZero() || d.After(since)) && !d.After(date)
	}
	if ds, err := env.Store.Deviations(); err == nil {
		for _, d := range ds {
			if between(d.Date) {
				f.DeviationsSinceLast++
				if d.Category == model.DevViolence {
					f.ViolenceSinceLast++
				}
			}
		}
	}
	if _, ok, err := env.Store.ViolenceMapping(); err == nil {
		f.ViolenceMapping = ok
	}
	if rs, err := env.Store.SafetyRounds(); err == nil {
		for _, r := range rs {
			if between(r.Date) {
				f.SafetyRoundSinceLast = true
			}
		}
	}
	if r, err := env.Store.LatestSurveyRound(); err == nil {
		ms, _ := env.Store.Measures()
		f.TenFactorFollowUp = r.HasReport() && r.FollowUpStatus(ms) != model.SurveyFollowUpEvaluated
	}
}

// barRow is one bar: a label, a value on [0, max], the value as text.
type barRow struct {
	label string
	value float64
	text  string
	warn  bool // drawn in the warning colour, and the text says why
}

// bars draws labelled horizontal bars, with the value in words after each
// bar, so colour is never the only signal. Every bar is scaled to the same
// room, so their lengths compare as the values do.
func bars(rows []barRow, max float64) fyne.CanvasObject {
	box := container.NewVBox()
	shared := &barTexts{}
	for _, r := range rows {
		fill := theme.Color(theme.ColorNamePrimary)
		if r.warn {
			fill = apptheme.ChartColor(apptheme.ChartWarnFill)
		}
		share := 0.0
		if max > 0 {
			share = min(r.value/max, 1)
		}
		text := widget.NewLabel(r.text)
		shared.texts = append(shared.texts, text)
		box.Add(wrapped(r.label))
		box.Add(container.New(&barLayout{share: float32(share), shared: shared}, canvas.NewRectangle(fill), text))
	}
	return box
}

// barTexts are the value texts of one chart's bars.
type barTexts struct{ texts []*widget.Label }

// width is what the widest value text needs.
func (b *barTexts) width() float32 {
	w := float32(0)
	for _, t := range b.texts {
		w = max(w, t.MinSize().Width)
	}
	return w
}

// barLayout sizes the bar to share of the width left after the chart's
// widest value text (the same room for every bar: with each bar's own
// text, a long «(over grensen)» shortened the largest bar to the length
// of a much smaller one).
type barLayout struct {
	share  float32
	shared *barTexts
}

func (l *barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	text := objs[1].MinSize()
	room := size.Width - l.shared.width()
	w := max(room*l.share, 2)
	h := text.Height * 0.6
	objs[0].Resize(fyne.NewSize(w, h))
	objs[0].Move(fyne.NewPos(0, (size.Height-h)/2))
	objs[1].Resize(text)
	objs[1].Move(fyne.NewPos(w, 0))
}

func (l *barLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	t := objs[1].MinSize()
	return fyne.NewSize(l.shared.width()+20, t.Height)
}

// SickLeaveFigure shows the last four quarters' sick leave as bars with
// the unit's target and follow-up limits in words, and any follow-up the
// limits call for.
func SickLeaveFigure(env *appctx.Env) fyne.CanvasObject {
	qs, err := env.Store.SickLeaveQuarters()
	if err != nil {
		return errorFigure(err)
	}
	set, err := env.Store.SickLeaveSettings()
	if err != nil {
		return errorFigure(err)
	}
	set = set.OrDefault()
	qs = model.SortSickLeave(qs)
	if len(qs) == 0 {
		return wrapped(lang.L("Ingen sykefraværstall registrert."))
	}
	last := qs[max(len(qs)-4, 0):]
	top := set.OneQuarterThreshold.Float()
	var rows []barRow
	for _, q := range last {
		top = max(top, q.Total.Float())
		warn := q.Total > set.TwoQuarterThreshold
		text := q.Total.String()
		if warn {
			text += " " + lang.L("(over grensen)")
		}
		rows = append(rows, barRow{label: i18n.T(q.Quarter.Long()), value: q.Total.Float(), text: text, warn: warn})
	}
	box := container.NewVBox(
		heading(lang.L("Sykefravær siste kvartaler")),
		bars(rows, top*1.1),
		wrapped(fmt.Sprintf(lang.L("%s %s · oppfølging over %s to kvartaler på rad · over %s i ett kvartal (med BHT)"),
			lang.L(set.TargetTitle()), set.Target, set.TwoQuarterThreshold, set.OneQuarterThreshold)),
	)
	for _, a := range model.FollowUpAlerts(qs, set) {
		if a.Last() != last[len(last)-1].Quarter {
			continue
		}
		l := wrapped(fmt.Sprintf(lang.L("! Oppfølging: %s (%s–%s)"), lang.L(a.Rule.Label()), a.First(), a.Last()))
		l.Importance = widget.DangerImportance
		box.Add(l)
	}
	return box
}

// DeviationFigure shows the open deviations by category, as counts only:
// the descriptions are sensitive and are not shown on the shared screen.
func DeviationFigure(env *appctx.Env) fyne.CanvasObject {
	ds, err := env.Store.Deviations()
	if err != nil {
		return errorFigure(err)
	}
	counts := map[model.DeviationCategory]int{}
	open, top := 0, 0
	for _, d := range ds {
		if d.Open() {
			counts[d.Category]++
			open++
			top = max(top, counts[d.Category])
		}
	}
	box := container.NewVBox(heading(fmt.Sprintf(lang.L("%d åpne avvik etter kategori"), open)))
	if open == 0 {
		box.Add(wrapped(lang.L("Ingen åpne avvik.")))
		return box
	}
	var rows []barRow
	for _, c := range model.DeviationCategories() {
		if n := counts[c]; n > 0 {
			rows = append(rows, barRow{label: lang.L(c.Label()), value: float64(n), text: fmt.Sprint(n)})
		}
	}
	box.Add(bars(rows, float64(top)))
	note := wrapped(lang.L("Beskrivelsene vises ikke på felles skjerm. Åpne avviksregisteret for detaljer."))
	note.Importance = widget.LowImportance
	box.Add(note)
	return box
}

// TenFactorFigure shows the latest round's unit score per factor (1–5)
// against the target 4, with the follow-up status.
func TenFactorFigure(env *appctx.Env) fyne.CanvasObject {
	r, err := env.Store.LatestSurveyRound()
	if err != nil {
		return wrapped(lang.L("Ingen 10-FAKTOR-undersøkelse registrert."))
	}
	box := container.NewVBox(heading(r.Label()))
	if !r.HasReport() {
		box.Add(wrapped(fmt.Sprintf(lang.L("For få svar til å vise enhetens resultater (%d)."), r.Respondents)))
		return box
	}
	var rows []barRow
	for _, f := range model.TenFactors() {
		s := r.Score(f).Unit
		if !s.Given() {
			continue
		}
		text := s.String()
		warn := s < model.SurveyScoreTarget
		if warn {
			text += " " + lang.L("(under 4)")
		}
		rows = append(rows, barRow{label: lang.L(f.Label()), value: s.Float(), text: text, warn: warn})
	}
	box.Add(bars(rows, 5))
	ms, _ := env.Store.Measures()
	box.Add(wrapped(fmt.Sprintf(lang.L("Målet er 4. Oppfølging: %s"), r.FollowUpStatus(ms).Label())))
	return box
}

// ViolenceFigure shows the state of the violence-and-threats mapping and
// the number of incidents registered this year (counts only).
func ViolenceFigure(env *appctx.Env) fyne.CanvasObject {
	box := container.NewVBox()
	m, ok, err := env.Store.ViolenceMapping()
	switch {
	case err != nil:
		return errorFigure(err)
	case !ok:
		l := wrapped(lang.L("! Enheten har ingen kartlegging av vold og trusler."))
		l.Importance = widget.DangerImportance
		box.Add(l)
	default:
		box.Add(heading(fmt.Sprintf(lang.L("Kartleggingen ble sist gjennomgått %s"), m.Date)))
		next := m.NextReview
		if next.IsZero() {
			next = m.Date.AddMonths(12)
		}
		l := wrapped(fmt.Sprintf(lang.L("Neste gjennomgang: %s"), next))
		if next.Before(env.Today()) {
			l.SetText(fmt.Sprintf(lang.L("! Gjennomgangen er forfalt (%s)"), next))
			l.Importance = widget.DangerImportance
		}
		box.Add(l)
	}
	if ds, err := env.Store.Deviations(); err == nil {
		year := env.Today().Year()
		n, open := 0, 0
		for _, d := range ds {
			if d.Category == model.DevViolence && d.Date.Year() == year {
				n++
				if d.Open() {
					open++
				}
			}
		}
		box.Add(wrapped(fmt.Sprintf(lang.L("%d hendelser med vold eller trusler registrert i %d, %d åpne."), n, year, open)))
	}
	return box
}

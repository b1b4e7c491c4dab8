package oversikt

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/figures"
	"hmsutvalg/ui/handlingsplan"
	"hmsutvalg/ui/widgets"
)

// wheelPageID is the annual wheel's page (ui/moter, which imports
// packages that must not import this one).
const wheelPageID = "arshjul"

// enhetPageID is the unit and committee page (ui/enhet).
const enhetPageID = "enhet"

// Top is the counts at the top of the dashboard: the annual wheel's
// duties done, due soon and late, the overdue measures and the open
// serious deviations, each in a wrapping line (a projector in Møtemodus
// must not cut «forfalt» off) with a button to the list behind it.
type Top struct {
	WheelText, MeasuresText, DeviationsText *widget.Label
	Wheel, Measures, Deviations             *widget.Button
	// RolesText and Roles are shown only when a required committee role
	// is vacant today (model.MissingRoles).
	RolesText *widget.Label
	Roles     *widget.Button
	box       *fyne.Container
}

// NewTop reads the dashboard (model.Dashboard) and lays out its counts.
func NewTop(env *appctx.Env) (*Top, fyne.CanvasObject) {
	d, err := env.Store.Dashboard(env.Today())
	if err != nil {
		return nil, errorLabel(err)
	}
	c := d.Counts
	t := &Top{box: container.NewVBox()}
	t.WheelText, t.Wheel = t.row(theme.HistoryIcon(), fmt.Sprintf(lang.L("Årshjulet %s: %d forfalt · %d denne måneden · %d utført"), d.Year, c.Late, c.DueNow, c.Done),
		c.Late > 0, func() { env.Open(wheelPageID, appctx.Focus{ID: uint64(d.Year)}) })
	t.MeasuresText, t.Measures = t.row(theme.ListIcon(), fmt.Sprintf(lang.L("Tiltak: %d forfalt · %d åpne"), d.Plan.Overdue, d.Plan.Open),
		d.Plan.Overdue > 0, func() { env.Open(handlingsplan.PageID, appctx.Focus{Filter: handlingsplan.FilterOverdue}) })
	t.DeviationsText, t.Deviations = t.row(theme.WarningIcon(), fmt.Sprintf(lang.L("Åpne alvorlige avvik: %d"), len(d.SeriousOpen)),
		len(d.SeriousOpen) > 0, func() { env.Open(avvik.PageID, appctx.Focus{Filter: avvik.FilterOpenSerious}) })
	if len(d.MissingRoles) > 0 {
		t.RolesText, t.Roles = t.row(theme.AccountIcon(), fmt.Sprintf(lang.L("Utvalget mangler: %s"), roleList(d.MissingRoles)),
			true, func() { env.Open(enhetPageID, appctx.Focus{}) })
	}
	return t, widget.NewCard(lang.L("Nå"), fmt.Sprintf(lang.L("per %s"), d.Today), t.box)
}

// roleList names roles in lower case: «verneombud og tillitsvalgt».
func roleList(rs []model.Role) string {
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = strings.ToLower(lang.L(r.Short()))
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " " + lang.L("og") + " " + names[len(names)-1]
}

// row adds one count: the text in bold, red with «!» when it needs action,
// and a button that opens its list.
func (t *Top) row(icon fyne.Resource, text string, alarm bool, open func()) (*widget.Label, *widget.Button) {
	if alarm {
		text = "! " + text
	}
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	if alarm {
		l.Importance = widget.DangerImportance
	}
	b := widget.NewButtonWithIcon(lang.L("Åpne"), icon, open)
	t.box.Add(container.NewBorder(nil, nil, nil, container.NewVBox(b), l))
	return l, b
}

// colours of the small charts; the text after each bar gives the numbers
// in words, so colour is never the only signal.
var (
	colorInTime = color.NRGBA{0x2F, 0x5D, 0x9B, 0xff} // blue
	colorLate   = color.NRGBA{0xC6, 0x28, 0x28, 0xff} // red
	colorKeep   = color.NRGBA{0x2E, 0x7D, 0x32, 0xff} // green
	colorFocus  = color.NRGBA{0xE0, 0x8A, 0x2E, 0xff} // orange
)

// nameCard asks who uses the program at first start, so the change log
// gets a name rather than «ukjent». The name is kept in the program's
// settings (changeable under Innstillinger), not in the unit's file.
func nameCard(env *appctx.Env) fyne.CanvasObject {
	entry := widgets.NewEntry()
	entry.SetPlaceHolder(lang.L("ditt navn eller din rolle"))
	msg := widget.NewLabel("")
	msg.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(
		wrap(lang.L("Hvem bruker programmet på denne maskinen? Navnet skrives i endringsloggen ved hver endring. Du kan endre det under Innstillinger.")),
		entry, msg)
	card := widget.NewCard(lang.L("Ditt navn"), "", box)
	f := &nameForm{entry: entry}
	f.save = func() bool {
		name := strings.TrimSpace(entry.Text)
		if err := model.CheckNoNationalID(lang.L("Navn"), name); err != nil {
			msg.SetText(err.Error())
			return false
		}
		if name == "" {
			msg.SetText(lang.L("Skriv navnet ditt eller rollen din."))
			return false
		}
		env.Settings.SetUser(name)
		env.Store.SetUser(name)
		f.saved = true
		card.SetContent(wrap(fmt.Sprintf(lang.L("Takk, %s. Endringer du gjør, føres med dette navnet."), name)))
		return true
	}
	env.Guard.Set(f)
	entry.OnSubmitted = func(string) { f.save() }
	b := widget.NewButtonWithIcon(lang.L("Lagre navnet"), theme.DocumentSaveIcon(), func() { f.save() })
	b.Importance = widget.HighImportance
	box.Add(container.NewHBox(b))
	return card
}

// nameForm is the name card as a form of the window's guard: a name typed
// and not saved is saved on leaving (nothing about it can surprise), and
// one that cannot be saved (a national ID) is asked about.
type nameForm struct {
	entry *widgets.Entry
	save  func() bool
	saved bool
}

func (f *nameForm) Dirty() bool    { return !f.saved && strings.TrimSpace(f.entry.Text) != "" }
func (f *nameForm) Save() bool     { return f.save() }
func (f *nameForm) AutoSave() bool { return f.save() }
func (f *nameForm) Discard()       { f.entry.SetText("") }

// chart is one of the dashboard's small charts, with a button to its page.
type chart struct {
	title string
	page  string
	build func(env *appctx.Env) fyne.CanvasObject
}

func figure(kind model.AgendaKind) func(env *appctx.Env) fyne.CanvasObject {
	return func(env *appctx.Env) fyne.CanvasObject { return figures.Build(env, kind) }
}

var charts = []chart{
	{"Sykefravær mot målet", "sykefravar", figure(model.AgendaAttendance)},
	{"Åpne tiltak etter status", handlingsplan.PageID, planChart},
	{"Risikobildet nå", "risiko", figure(model.AgendaRisk)},
	{"10-FAKTOR: fokusområder", "tifaktor", focusChart},
}

// chartCards are the small charts, each opening its page: the meeting
// view's live figures (ui/figures) and the measures by status.
func chartCards(env *appctx.Env) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, c := range charts {
		fig := c.build(env)
		if fig == nil {
			continue
		}
		page := c.page
		open := widget.NewButtonWithIcon(lang.L("Åpne"), theme.NavigateNextIcon(), func() { env.Navigate(page) })
		// The title wraps (a card's own title is cut in a narrow column).
		title := widget.NewLabelWithStyle(lang.L(c.title), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Wrapping = fyne.TextWrapWord
		title.SizeName = theme.SizeNameSubHeadingText
		out = append(out, widget.NewCard("", "", container.NewVBox(title, fig, container.NewHBox(open))))
	}
	return out
}

// planChart is the open measures by status, the overdue part of each bar
// in red, with the numbers in words.
func planChart(env *appctx.Env) fyne.CanvasObject {
	ms, err := env.Store.Measures()
	if err != nil {
		return errorLabel(err)
	}
	today := env.Today()
	open, late := map[model.Status]int{}, map[model.Status]int{}
	for i := range ms {
		m := &ms[i]
		if !m.Open() {
			continue
		}
		open[m.Status]++
		if m.Overdue(today) {
			late[m.Status]++
		}
	}
	var rows []avvik.BarRow
	for _, st := range model.Statuses() {
		if !st.Open() || open[st] == 0 {
			continue
		}
		n, l := open[st], late[st]
		rows = append(rows, avvik.BarRow{Label: lang.L(st.Label()),
			Parts: []avvik.BarPart{{Value: l, Color: colorLate}, {Value: n - l, Color: colorInTime}},
			Text:  fmt.Sprintf(lang.L("%d (%d forfalt)"), n, l)})
	}
	if len(rows) == 0 {
		return wrap(lang.L("Ingen åpne tiltak."))
	}
	return avvik.NewBarChart("", rows)
}

// focusChart is the latest 10-FAKTOR round's focus areas (bevarings- and
// innsatsområder) with the unit's score on each, in words too.
func focusChart(env *appctx.Env) fyne.CanvasObject {
	rs, err := env.Store.SurveyRounds()
	if err != nil {
		return errorLabel(err)
	}
	r := model.LatestSurveyRound(rs)
	if r == nil {
		return wrap(lang.L("Ingen 10-FAKTOR-runde registrert."))
	}
	var rows []avvik.BarRow
	for _, f := range r.Focus {
		sc := r.Score(f.Factor).Unit
		c := colorFocus
		if f.Kind == model.SurveyFocusKeep {
			c = colorKeep
		}
		rows = append(rows, avvik.BarRow{Label: lang.L(f.Factor.Label()), Parts: []avvik.BarPart{{Value: int(sc), Color: c}},
			Text: fmt.Sprintf("%s (%s)", sc, strings.ToLower(lang.L(f.Kind.Label())))})
	}
	head := wrap(fmt.Sprintf(lang.L("Runden %s"), r.Year))
	if len(rows) == 0 {
		return container.NewVBox(head, wrap(lang.L("Ingen fokusområder valgt ennå.")))
	}
	return container.NewVBox(head, avvik.NewBarChart("", rows))
}

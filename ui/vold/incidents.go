package vold

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/widgets"
)

// IncidentsView shows the year's incidents from the deviation register:
// figures per quarter, type and severity, follow-up offered, the
// reminder to notify serious injuries, and the incidents themselves with
// their descriptions hidden in Møtemodus.
type IncidentsView struct {
	s    *Screen
	year model.HMSYear

	Year     *widget.Select
	Figures  *fyne.Container
	Reminder *widget.Label
	// Search finds incidents of every year (model.MatchIncident); the
	// list then shows the hits and the tab scrolls to them.
	Search *widgets.SearchEntry
	query  model.SearchQuery
	Hits   *widget.Label // "3 hendelser passer søket", when searching
	List   *fyne.Container
	scroll *container.Scroll
	body   *fyne.Container
}

func newIncidentsView(s *Screen) *IncidentsView {
	v := &IncidentsView{s: s, year: model.HMSYear(s.env.Today().Year())}
	years := map[model.HMSYear]bool{v.year: true, v.year - 1: true}
	for _, d := range s.data.Incidents {
		if !d.Date.IsZero() {
			years[model.HMSYear(d.Date.Year())] = true
		}
	}
	var opts []string
	for y := range years {
		opts = append(opts, y.String())
	}
	slices.Sort(opts)
	slices.Reverse(opts)
	v.Year = widgets.NewSelect(opts, func(string) {
		if y, err := model.ParseHMSYear(v.Year.Selected); err == nil {
			v.year = y
			v.refresh()
		}
	})
	v.Figures = container.NewVBox()
	v.Reminder = wrapped("")
	v.Reminder.Importance = widget.DangerImportance
	v.List = container.NewVBox()
	v.Search = widgets.NewSearchEntry(widgets.HiddenTextPlaceholder(v.s.env, lang.L("Søk i hendelsene …")))
	v.Search.OnChanged = func(t string) {
		v.query = model.NewSearchQuery(t)
		v.refresh()
		v.ScrollToHits()
	}
	v.Hits = wrapped("")
	v.Hits.Hide()
	v.Year.SetSelected(v.year.String())
	return v
}

// Matching are the incidents the search finds, of every year, newest
// first; in Møtemodus it does not look in what happened (hidden there).
func (v *IncidentsView) Matching() []model.Deviation {
	var out []model.Deviation
	for _, d := range v.s.data.Incidents {
		if v.query.MatchIncident(d, v.s.env.MeetingMode()) {
			out = append(out, d)
		}
	}
	slices.SortStableFunc(out, func(a, b model.Deviation) int { return b.Date.Compare(a.Date) })
	return out
}

// SearchFor shows the incidents text finds, and scrolls to them.
func (v *IncidentsView) SearchFor(text string) {
	v.Search.SetText(text) // OnChanged filters and scrolls
}

// ScrollToHits scrolls the tab so the search and the incidents below it
// are at the top of the view (the figures above take a projector's
// screen).
func (v *IncidentsView) ScrollToHits() {
	if v.scroll == nil || v.body == nil {
		return
	}
	v.body.Refresh() // lays the list out with the rows just set
	v.scroll.ScrollToOffset(fyne.NewPos(0, v.Search.Position().Y))
}

// YearFigures returns the selected year's figures.
func (v *IncidentsView) YearFigures() model.ViolenceIncidentFigures {
	return model.ViolenceIncidents(v.s.data.Incidents, v.year.Start(), v.year.End())
}

// SetYear shows another year.
func (v *IncidentsView) SetYear(y model.HMSYear) {
	v.year = y
	v.refresh()
}

// countLine is "Fysisk 3 · Psykisk/verbal 5 …".
func countLine[T comparable](all []T, label func(T) string, counts map[T]int) string {
	parts := make([]string, 0, len(all))
	for _, x := range all {
		parts = append(parts, fmt.Sprintf("%s %d", lang.L(label(x)), counts[x]))
	}
	return strings.Join(parts, " · ")
}

// maxIncidentRows is how many incidents the tab lists, newest first.
const maxIncidentRows = 50

func (v *IncidentsView) refresh() {
	f := v.YearFigures()
	v.Figures.RemoveAll()
	v.Figures.Add(heading(fmt.Sprintf(lang.L("%d hendelser i %s"), f.Total, v.year)))
	var qs []string
	for _, q := range v.year.Quarters() {
		qs = append(qs, fmt.Sprintf("%s %d", fmt.Sprintf(lang.L("K%d"), q.Q), f.ByQuarter[q]))
	}
	v.Figures.Add(labeled(lang.L("Per kvartal"), wrapped(strings.Join(qs, " · "))))
	v.Figures.Add(labeled(lang.L("Per type"), wrapped(countLine(model.ViolenceTypes(), model.ViolenceType.Label, f.ByType))))
	v.Figures.Add(labeled(lang.L("Per alvorlighetsgrad"), wrapped(countLine(model.Severities(), model.Severity.Label, f.BySeverity))))
	v.Figures.Add(labeled(lang.L("Oppfølging tilbudt"), wrapped(fmt.Sprintf(lang.L("%d av %d hendelser"), f.FollowUpOffered, f.Total)+
		" ("+countLine(model.FollowUpOffers(), model.FollowUpOffer.Label, f.ByFollowUp)+")")))

	incidents, outstanding := v.yearIncidents()
	if outstanding > 0 {
		v.Reminder.SetText(fmt.Sprintf(lang.L("! %d hendelser med dødsfall eller alvorlig personskade uten registrert varsling."), outstanding) + " " + lang.L(model.ViolenceNotifyReminder))
		v.Reminder.Show()
	} else {
		v.Reminder.Hide()
	}
	if !v.query.Empty() {
		incidents = v.Matching()
		v.Hits.SetText(fmt.Sprintf(lang.L("%d hendelser passer søket (alle år)."), len(incidents)))
		v.Hits.Show()
	} else {
		v.Hits.Hide()
	}
	v.setRows(incidents)
}

// yearIncidents are the selected year's incidents, newest first, and how
// many of them lack the notice to the authorities.
func (v *IncidentsView) yearIncidents() (incidents []model.Deviation, outstanding int) {
	for _, d := range v.s.data.Incidents {
		if v.year.Contains(d.Date) {
			incidents = append(incidents, d)
			if d.NoticeOutstanding() {
				outstanding++
			}
		}
	}
	slices.SortStableFunc(incidents, func(a, b model.Deviation) int { return b.Date.Compare(a.Date) })
	return incidents, outstanding
}

// setRows lists incidents.
func (v *IncidentsView) setRows(incidents []model.Deviation) {
	// Set the rows at once: Add lays out the whole list each time. Only
	// the newest are shown here (each row lays out wrapped text, which on a
	// large unit took most of a second); the figures above count them all,
	// and the deviation register is the one full list.
	shown := incidents[:min(len(incidents), maxIncidentRows)]
	rows := make([]fyne.CanvasObject, 0, len(shown)+1)
	for _, d := range shown {
		rows = append(rows, v.incidentRow(d))
	}
	if len(incidents) > len(shown) {
		rows = append(rows, wrapped(fmt.Sprintf(lang.L("Viser de %d nyeste av %d hendelser. Alle står i avviksregisteret under Avvik."), len(shown), len(incidents))))
	}
	if len(incidents) == 0 && v.query.Empty() {
		rows = append(rows, widget.NewLabel(lang.L("Ingen hendelser registrert dette året.")))
	}
	v.List.Objects = rows
	v.List.Refresh()
}

// incidentRow is one incident: date, type, severity and follow-up in the
// open; the description only outside Møtemodus (widgets.Sensitive).
func (v *IncidentsView) incidentRow(d model.Deviation) fyne.CanvasObject {
	var offers []string
	for _, o := range d.FollowUpOffered {
		offers = append(offers, lang.L(o.Label()))
	}
	follow := lang.L("ingen oppfølging registrert")
	if len(offers) > 0 {
		follow = lang.L("tilbudt:") + " " + strings.Join(offers, ", ")
	}
	title := fmt.Sprintf("%s · %s · %s", d.Date, lang.L(d.ViolenceType.Label()), lang.L(d.Severity.Label()))
	if h := d.PersonHarm; h != "" && h != model.HarmNone {
		title += " · " + lang.L(h.Label())
	}
	head := heading(title)
	info := wrapped(follow)
	if len(offers) == 0 {
		info.Importance = widget.WarningImportance
	}
	box := container.NewVBox(head, info)
	if d.NoticeOutstanding() {
		warn := wrapped(lang.L("! Varsling til Arbeidstilsynet og politiet er ikke registrert."))
		warn.Importance = widget.DangerImportance
		box.Add(warn)
	}
	if text := strings.TrimSpace(d.WhatHappened); text != "" {
		box.Add(widgets.Sensitive(v.s.env, wrapped(text)))
	}
	box.Add(widget.NewSeparator())
	return box
}

// Content lays the tab out.
func (v *IncidentsView) Content() fyne.CanvasObject {
	intro := wrapped(fmt.Sprintf(lang.L("Hendelsene registreres i avviksregisteret med kategori «Vold og trusler». Her telles de, og det vises om den som ble utsatt fikk tilbud om oppfølging (%s). Skriv aldri navn eller diagnoser."),
		model.DutyFollowUp.Citation()))
	v.body = container.NewVBox(intro, labeled(lang.L("År"), v.Year), v.Figures, v.Reminder,
		heading(lang.L("Hendelser")), v.Search, v.Hits, v.List)
	v.scroll = container.NewVScroll(v.body)
	return v.scroll
}

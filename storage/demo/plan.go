package demo

import (
	"fmt"
	"math/rand/v2"

	"hmsutvalg/model"
)

// Action plan and risk assessments of a demo unit. Everything is anchored
// to Options.Today: the plan starts in January three years before, so it
// covers three full years and this year so far.

// Assessment is a generated risk assessment with its items.
type Assessment struct {
	model.RiskAssessment
	Items []Item
	// ReplacedBy is the index in Dataset.Assessments of the assessment that
	// replaced this one at a revision, or -1; the stored SupersededBy is
	// set from it once both have IDs.
	ReplacedBy int
}

// Item is a generated risk item with the measures made from it.
type Item struct {
	model.RiskItem
	// Measures are stored with AddMeasureForRiskItem, which sets their
	// Source to the item; it is empty here.
	Measures []model.Measure
}

// gen carries what the generators share.
type gen struct {
	r       *rand.Rand
	today   model.Date
	start   model.Date // first day of the plan period
	sector  sectorData
	deps    []string
	members []model.CommitteeMember
	matrix  model.RiskMatrix
}

// between returns a random day in [a, b]; a if b is before a.
func (g *gen) between(a, b model.Date) model.Date {
	n := a.DaysUntil(b)
	if n <= 0 {
		return a
	}
	return a.AddDays(g.r.IntN(n + 1))
}

func minDate(a, b model.Date) model.Date {
	if b.Before(a) {
		return b
	}
	return a
}

func maxDate(a, b model.Date) model.Date {
	if b.After(a) {
		return b
	}
	return a
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// percent formats a share like "7,4 %".
func percent(tenths int) string { return fmt.Sprintf("%d,%d %%", tenths/10, tenths%10) }

func (g *gen) evaluationNote() string {
	n := pick(g.r, evaluationNotes)
	if n == evaluationNotes[1] {
		before := 75 + g.r.IntN(50)
		return fmt.Sprintf(n, percent(before), percent(before-15-g.r.IntN(30)))
	}
	return n
}

// settle gives a measure created on m.Created with deadline m.Deadline
// the status a committee would have registered by today: most old ones
// done or evaluated, a few still open and overdue, recent ones planned or
// in progress. Completion and update dates never pass today.
func (g *gen) settle(m *model.Measure) {
	r, today := g.r, g.today
	late := m.Deadline.DaysUntil(today) // > 0: deadline passed
	x := r.IntN(100)
	switch {
	case late > 60:
		switch {
		case x < 52:
			m.Status = model.StatusEvaluert
		case x < 82:
			m.Status = model.StatusUtfort
		case x < 88:
			m.Status = model.StatusAvvist
		case x < 94:
			m.Status = model.StatusPagar
		default:
			m.Status = model.StatusPlanlagt
		}
	case late > 0:
		switch {
		case x < 40:
			m.Status = model.StatusUtfort
		case x < 50:
			m.Status = model.StatusEvaluert
		case x < 80:
			m.Status = model.StatusPagar
		default:
			m.Status = model.StatusPlanlagt
		}
	default:
		switch {
		case x < 8:
			m.Status = model.StatusUtfort
		case x < 50:
			m.Status = model.StatusPagar
		default:
			m.Status = model.StatusPlanlagt
		}
	}
	g.finish(m)
}

// finish fills the dates and texts m.Status needs.
func (g *gen) finish(m *model.Measure) {
	r, today := g.r, g.today
	switch m.Status {
	case model.StatusUtfort, model.StatusEvaluert:
		from := maxDate(m.Created, m.Deadline.AddDays(-60))
		m.CompletedOn = workdayWithin(g.between(minDate(from, today), minDate(m.Deadline.AddDays(20), today)), m.Created, today)
		m.Updated = m.CompletedOn
		if m.Status == model.StatusEvaluert {
			m.EvaluationNote = g.evaluationNote()
			m.Updated = minDate(m.CompletedOn.AddDays(30+r.IntN(90)), today)
		}
	case model.StatusAvvist:
		m.RejectReason = pick(r, rejectReasons)
		m.Updated = minDate(m.Created.AddDays(14+r.IntN(45)), today)
	case model.StatusPagar:
		m.Updated = g.between(m.Created, minDate(m.Created.AddDays(60), today))
	default:
		m.Updated = m.Created
	}
}

// newMeasure is a manual measure from a template; replicas beyond the
// first name a department, so a scaled unit does not repeat itself.
func (g *gen) newMeasure(t measureTemplate, created, deadline model.Date, dept string) model.Measure {
	title := t.title
	if dept != "" {
		title = fmt.Sprintf("%s (%s)", title, dept)
	}
	return model.Measure{
		Title:        title,
		Description:  t.description,
		Source:       model.Source{Kind: model.SourceManual},
		PriorityArea: t.area,
		Topic:        t.topic,
		Responsible:  t.responsible,
		Deadline:     deadline,
		Created:      created,
	}
}

// plan generates the manual measures of one replica. The first replica
// always has an overdue measure, one due within 30 days, one postponed,
// one rejected and one evaluated, whatever the seed.
func (g *gen) plan(replica int) []model.Measure {
	r, today := g.r, g.today
	pool := append(append([]measureTemplate(nil), commonMeasures...), g.sector.measures...)
	r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	n := 20 + r.IntN(5)
	if n > len(pool) {
		n = len(pool)
	}
	out := make([]model.Measure, 0, n)
	for i, t := range pool[:n] {
		dept := ""
		if replica > 0 {
			dept = pick(r, g.deps)
		}
		created := g.between(g.start, today.AddDays(-1))
		deadline := created.AddMonths(1 + r.IntN(8)).AddDays(r.IntN(28))
		m := g.newMeasure(t, created, deadline, dept)
		switch {
		case replica > 0 || i > 4:
			g.settle(&m)
		case i == 0: // overdue
			m.Created = today.AddDays(-90 - r.IntN(60))
			m.Deadline = today.AddDays(-5 - r.IntN(35))
			m.Status = model.StatusPagar
			g.finish(&m)
		case i == 1: // due soon
			m.Created = today.AddDays(-20 - r.IntN(40))
			m.Deadline = today.AddDays(3 + r.IntN(22))
			m.Status = model.StatusPlanlagt
			g.finish(&m)
		case i == 2: // postponed shortly before the first deadline
			m.Created = today.AddDays(-150 - r.IntN(60))
			m.OriginalDeadline = today.AddDays(-20 - r.IntN(20))
			m.Updated = m.OriginalDeadline.AddDays(-5)
			m.Deadline = today.AddDays(30 + r.IntN(60))
			m.Status = model.StatusUtsatt
			m.PostponeReason = pick(r, postponeReasons)
		case i == 3:
			m.Status = model.StatusAvvist
			g.finish(&m)
		case i == 4: // evaluated, deadline well in the past
			m.Created = g.between(g.start, today.AddDays(-400))
			m.Deadline = m.Created.AddMonths(2 + r.IntN(4))
			m.Status = model.StatusEvaluert
			g.finish(&m)
		}
		out = append(out, m)
	}
	return out
}

// memberOn returns the name of the active member with role on d, or "".
func (g *gen) memberOn(role model.Role, d model.Date) string {
	for _, m := range g.members {
		if m.Role == role && m.ActiveOn(d) {
			return m.Name
		}
	}
	return ""
}

// participants are the leader, safety representative and union
// representative on the day (by name: they are committee members) and
// roles from outside the committee.
func (g *gen) participants(d model.Date, withUnion bool) []string {
	var ps []string
	roles := []model.Role{model.RoleLeder, model.RoleVerneombud}
	if withUnion {
		roles = append(roles, model.RoleTillitsvalgt)
	}
	for _, role := range roles {
		if n := g.memberOn(role, d); n != "" {
			ps = append(ps, n)
		}
	}
	others := g.sector.others
	k := 1 + g.r.IntN(len(others))
	return append(ps, others[:k]...)
}

// rate maps a 5-level rating to the unit's matrix and jitters it by one
// step, so a unit's items spread over the matrix.
func (g *gen) rate(v int) int {
	size := g.matrix.Size
	if size == 4 {
		v = (v*4 + 4) / 5
	}
	v += g.r.IntN(3) - 1
	return max(1, min(size, v))
}

// items builds the items of an assessment made on day d from hazards;
// withMeasures adds measures to items whose risk is medium or high.
func (g *gen) items(hs []hazardTemplate, d model.Date, withMeasures bool, worse int) []Item {
	r := g.r
	out := make([]Item, 0, len(hs))
	for _, h := range hs {
		it := Item{RiskItem: model.RiskItem{
			Hazard:           h.hazard,
			Event:            h.event,
			Category:         h.category,
			Exposed:          h.exposed,
			ExistingMeasures: h.existing,
			Probability:      min(g.matrix.Size, g.rate(h.p)+worse),
			Consequence:      g.rate(h.c),
		}}
		if withMeasures && it.Level(g.matrix) != model.RiskLow && r.IntN(100) < 85 {
			fixes := h.fixes
			if len(fixes) > 1 && r.IntN(3) != 0 {
				fixes = fixes[:1]
			}
			for _, f := range fixes {
				created := minDate(d.AddDays(r.IntN(15)), g.today)
				m := model.Measure{
					Title:       f.title,
					Responsible: f.responsible,
					Created:     created,
					Deadline:    created.AddMonths(1 + r.IntN(5)),
				}
				g.settle(&m)
				it.Measures = append(it.Measures, m)
			}
			it.ResidualProbability = max(1, it.Probability-1-r.IntN(2))
			it.ResidualConsequence = max(1, it.Consequence-r.IntN(2))
		}
		out = append(out, it)
	}
	return out
}

// pickHazards returns n hazards from hs in random order.
func (g *gen) pickHazards(hs []hazardTemplate, n int) []hazardTemplate {
	idx := g.r.Perm(len(hs))
	n = min(n, len(hs))
	out := make([]hazardTemplate, n)
	for i := range out {
		out[i] = hs[idx[i]]
	}
	return out
}

// assessments generates one replica: an annual assessment and the one it
// replaced a year earlier, a thematic one this year, a change-process
// assessment before a reorganisation, and sometimes a draft. In the first
// replica the annual assessment is past its review date.
func (g *gen) assessments(replica int) []Assessment {
	r, today := g.r, g.today
	dept := pick(r, g.deps)
	var annualDate model.Date
	if replica == 0 {
		annualDate = workday(today.AddMonths(-13 - r.IntN(4)))
	} else {
		annualDate = workday(g.between(g.start.AddMonths(13), today.AddDays(-30)))
	}
	prevDate := workday(annualDate.AddMonths(-12 - r.IntN(3)))
	hazards := g.pickHazards(g.sector.hazards, 4+r.IntN(5))

	var out []Assessment
	add := func(a model.RiskAssessment, items []Item) int {
		out = append(out, Assessment{RiskAssessment: a, Items: items, ReplacedBy: -1})
		return len(out) - 1
	}
	ordinary := func(title, area string, d model.Date) model.RiskAssessment {
		return model.RiskAssessment{
			Title:        title,
			Area:         area,
			Kind:         model.KindOrdinary,
			Date:         d,
			Participants: g.participants(d, r.IntN(2) == 0),
			Status:       model.AssessmentDone,
			NextReview:   d.AddMonths(12),
		}
	}

	if prevDate.After(g.start) {
		a := ordinary("Risikovurdering – "+dept, dept, prevDate)
		a.Notes = "Erstattet ved den årlige revisjonen."
		i := add(a, g.items(hazards, prevDate, true, 1))
		out[i].ReplacedBy = i + 1
	}
	a := ordinary("Risikovurdering – "+dept, dept, annualDate)
	a.Notes = "Årlig revisjon. Risikoforholdene er vurdert på nytt sammen med ansatte på avdelingen."
	add(a, g.items(hazards, annualDate, true, 0))

	// A thematic assessment this year, across departments.
	themeDate := today.AddDays(-30 - r.IntN(200))
	if themeDate.Before(g.start) {
		themeDate = today
	}
	themeDate = workday(themeDate)
	theme := g.pickHazards(g.sector.hazards, 4+r.IntN(5))
	t := ordinary(fmt.Sprintf("Risikovurdering av arbeidsmiljøet %d – hele enheten", themeDate.Year()), "Alle avdelinger", themeDate)
	add(t, g.items(theme, themeDate, true, 0))

	// Before a reorganisation (konsekvensvurdering), in progress.
	changeDate := workday(maxDate(g.start, today.AddDays(-10-r.IntN(40))))
	change := model.RiskAssessment{
		Title:        g.sector.changeTitle,
		Area:         g.sector.changeArea,
		Kind:         model.KindChangeProcess,
		Date:         changeDate,
		Participants: append(g.participants(changeDate, true), "HR-rådgiver"),
		Status:       model.AssessmentInProgress,
		NextReview:   changeDate.AddMonths(6),
		Notes:        "Konsekvensvurdering før omorganiseringen. Drøftet med tillitsvalgte; følges opp i AMU.",
	}
	if replica > 0 {
		change.Title = fmt.Sprintf("%s (%d)", change.Title, replica+1)
	}
	add(change, g.items(g.pickHazards(changeHazards, 4+r.IntN(3)), changeDate, true, 0))

	if r.IntN(2) == 0 {
		draftDate := workday(maxDate(g.start, today.AddDays(-r.IntN(20))))
		draftDept := pick(r, g.deps)
		draft := model.RiskAssessment{
			Title:  "Risikovurdering – " + draftDept,
			Area:   draftDept,
			Kind:   model.KindOrdinary,
			Date:   draftDate,
			Status: model.AssessmentDraft,
		}
		add(draft, g.items(g.pickHazards(g.sector.hazards, 4), draftDate, false, 0))
	}
	return out
}

// Package submitdemo makes submission files (model.Submission) for a
// made-up municipality: many units in several sectors over two years,
// some of them small, with figures that pass the format's rules. It
// feeds the aggregate's tests, benchmarks and demonstrations; nothing in
// it is real.
package submitdemo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"hmsutvalg/model"
)

// Municipality is the made-up municipality's name.
const Municipality = "Demo kommune"

// Unit is one made-up unit.
type Unit struct {
	Name      string
	Sector    model.Sector
	Employees int
}

var sectorNames = []struct {
	sector model.Sector
	suffix string
	places []string
	size   [2]int
}{
	{model.SectorSykehjem, "sykehjem", []string{"Solbakken", "Furuly", "Granheim", "Lindeberg", "Rosenhaug", "Åsly", "Bjørkely", "Fjellro", "Sjøglimt", "Tunet"}, [2]int{25, 90}},
	{model.SectorSkole, "skole", []string{"Haugen", "Nordby", "Sandvika", "Vestli", "Øvre Berg", "Kirkeby", "Holmen", "Myra", "Lia", "Strand", "Bakken", "Østre"}, [2]int{15, 70}},
	{model.SectorBarnehage, "barnehage", []string{"Trollskogen", "Solsikken", "Maurtua", "Knerten", "Blåbærtoppen", "Ekornbo", "Tyttebær", "Regnbuen", "Humla", "Spiren", "Lunden"}, [2]int{3, 25}},
	{model.SectorHjemmetjeneste, "hjemmetjeneste", []string{"Sone nord", "Sone sør", "Sone øst", "Sone vest", "Sentrum", "Nattpatruljen", "Rehabilitering", "Psykisk helse"}, [2]int{2, 60}},
}

// Units returns n units spread over four sectors (sykehjem, skole,
// barnehage, hjemmetjeneste), the same for the same n and seed. About
// one in seven has fewer than 5 employees.
func Units(n int, seed uint64) []Unit {
	r := rand.New(rand.NewPCG(seed, 7))
	out := make([]Unit, 0, n)
	for i := range n {
		s := sectorNames[i%len(sectorNames)]
		k := i / len(sectorNames)
		name := s.places[k%len(s.places)] + " " + s.suffix
		if k >= len(s.places) {
			name = fmt.Sprintf("%s %d", name, k/len(s.places)+1)
		}
		emp := s.size[0] + r.IntN(s.size[1]-s.size[0]+1)
		if i%7 == 5 {
			emp = 2 + r.IntN(3) // a small unit
		}
		out = append(out, Unit{Name: name, Sector: s.sector, Employees: emp})
	}
	return out
}

// Submission makes unit's submission for year; seed varies the figures.
// Every figure follows the format's rules (submissionfile.Read accepts
// the marshalled file). withDays false leaves out the agreed working
// days, as older files do.
func Submission(u Unit, year int, seed uint64, withDays bool) model.Submission {
	r := rand.New(rand.NewPCG(seed, uint64(year)*7919+uint64(len(u.Name))*31+uint64(u.Employees)))
	s := model.Submission{
		Schema: model.SubmissionSchema, SchemaVersion: model.SubmissionVersion, AppVersion: "demo",
		Year: year, Produced: model.NewDate(year+1, time.January, 5+r.IntN(20)),
		Unit:           model.SubmissionUnit{Name: u.Name, Municipality: Municipality, Sector: u.Sector, Employees: u.Employees},
		CommitteeRoles: []model.Role{model.RoleLeder, model.RoleVerneombud, model.RoleTillitsvalgt},
		ActionPlan:     plan(r),
		Risk:           risk(r, year),
		Summary:        summary(r),
		Review:         review(r),
	}
	if r.IntN(8) > 0 {
		s.Deviations = deviations(r, u)
	}
	s.SickLeave = sickLeave(r, u, year, withDays)
	if u.Sector != model.SectorBarnehage || r.IntN(2) == 0 {
		s.Violence = violence(r, year)
	}
	if r.IntN(6) > 0 {
		s.TenFactor = tenFactor(r, u, year)
	}
	s.SafetyRounds = &model.SubmissionCount{Held: 1 + r.IntN(2), Last: model.NewDate(year, time.October, 1+r.IntN(28))}
	s.Meetings = &model.SubmissionCount{Held: 3 + r.IntN(4), Last: model.NewDate(year, time.December, 1+r.IntN(15))}
	for p := 1; p <= 8; p++ {
		s.Checklist = append(s.Checklist, model.SubmissionPoint{Point: p, Documented: r.IntN(40) > 0})
	}
	return s
}

func plan(r *rand.Rand) *model.SubmissionPlan {
	planned, ongoing, done, evaluated := r.IntN(6), r.IntN(5), r.IntN(6), r.IntN(4)
	open := planned + ongoing
	overdue := 0
	if open > 0 && r.IntN(3) == 0 {
		overdue = 1 + r.IntN(open)
	}
	p := &model.SubmissionPlan{Total: open + done + evaluated, Open: open, Overdue: overdue, DueSoon: min(open-overdue, r.IntN(2)),
		Closed: done + evaluated, Evaluated: evaluated,
		ByStatus:        map[model.Status]int{model.StatusPlanlagt: planned, model.StatusPagar: ongoing, model.StatusUtfort: done, model.StatusEvaluert: evaluated},
		OverdueBySource: map[model.SourceKind]int{}}
	p.Created = r.IntN(p.Total + 1)
	for _, st := range model.Statuses() {
		p.ByStatus[st] += 0
	}
	for _, k := range model.SourceKinds() {
		p.OverdueBySource[k] = 0
	}
	p.OverdueBySource[model.SourceManual] = overdue
	return p
}

func levels(lo, mid, hi int) map[model.RiskLevel]int {
	return map[model.RiskLevel]int{model.RiskLow: lo, model.RiskMedium: mid, model.RiskHigh: hi}
}

func risk(r *rand.Rand, year int) *model.SubmissionRisk {
	m := model.DefaultRiskMatrix()
	if r.IntN(4) == 0 {
		m = model.DefaultRiskMatrixFor(4)
	}
	x := &model.SubmissionRisk{Assessments: 1 + r.IntN(3), Matrix: model.SubmissionMatrix(m)}
	x.CarriedOut = r.IntN(x.Assessments + 1)
	if r.IntN(5) == 0 {
		x.ReviewOverdue = 1
	}
	lo, mid, hi := r.IntN(5), r.IntN(4), r.IntN(3)
	x.Before = levels(lo, mid, hi)
	x.NotAssessed = r.IntN(2)
	x.Items = lo + mid + hi + x.NotAssessed
	// After measures most hazards move down a level; some high remain.
	keepHigh := 0
	if hi > 0 && r.IntN(3) == 0 {
		keepHigh = 1
	}
	x.After = levels(lo+mid, hi-keepHigh, keepHigh)
	if x.CarriedOut > 0 {
		x.LastCarriedOut = model.NewDate(year, time.Month(3+r.IntN(8)), 1+r.IntN(28))
	}
	return x
}

func deviations(r *rand.Rand, u Unit) *model.SubmissionDeviation {
	d := &model.SubmissionDeviation{ByCategory: map[model.DeviationCategory]int{}, BySeverity: map[model.Severity]int{}}
	for _, c := range model.DeviationCategories() {
		d.ByCategory[c] = 0
	}
	for _, sv := range model.Severities() {
		d.BySeverity[sv] = 0
	}
	n := r.IntN(4 + u.Employees/6)
	for range n {
		c := model.DeviationCategories()[r.IntN(len(model.DeviationCategories()))]
		if u.Sector == model.SectorSykehjem || u.Sector == model.SectorHjemmetjeneste {
			if r.IntN(3) == 0 {
				c = model.DevViolence
			}
		}
		d.ByCategory[c]++
		w := r.IntN(20)
		sv := model.SeverityInsignificant
		switch {
		case w >= 19:
			sv = model.SeverityVerySerious
		case w >= 16:
			sv = model.SeveritySerious
		case w >= 8:
			sv = model.SeverityMinor
		}
		d.BySeverity[sv]++
	}
	d.Total = n
	d.Open = r.IntN(n/2 + 1)
	serious := d.BySeverity[model.SeveritySerious] + d.BySeverity[model.SeverityVerySerious]
	d.OpenSerious = min(d.Open, r.IntN(serious+1))
	if d.BySeverity[model.SeverityVerySerious] > 0 && r.IntN(2) == 0 {
		d.NoticesNeeded = 1
		switch r.IntN(3) {
		case 0:
			d.NoticesSent = 1
		case 1:
			d.NoticesSentAfterYear = 1
		default:
			d.NoticesOutstanding = 1
		}
	}
	return d
}

func sickLeave(r *rand.Rand, u Unit, year int, withDays bool) *model.SubmissionSickLeave {
	base := 3 + r.Float64()*7
	if u.Sector == model.SectorSykehjem || u.Sector == model.SectorHjemmetjeneste {
		base += 2
	}
	sl := &model.SubmissionSickLeave{Quarters: []model.SubmissionQuarter{}, Rules: []model.SubmissionRuleFlag{}}
	if r.IntN(3) > 0 {
		t := 7.4 // the municipality's target (the strategy in the seeds)
		sl.Target, sl.TargetSetBy = &t, model.TargetByMunicipality
	}
	var days, sick float64
	above := 0
	twoFlagged := false
	for q := 1; q <= 4; q++ {
		p := math.Round(math.Max(0, base+r.NormFloat64()*1.5)*10) / 10
		d := 0
		if withDays {
			d = u.Employees * (58 + r.IntN(6))
		}
		sl.Quarters = append(sl.Quarters, model.SubmissionQuarter{Quarter: model.Quarter{Year: year, Q: q}, Percent: p, AgreedDays: d})
		days += float64(max(d, 1))
		sick += p * float64(max(d, 1))
		if p > 7 {
			above++
		} else {
			above = 0
		}
		quarter := model.Quarter{Year: year, Q: q}
		if above == 2 && !twoFlagged {
			sl.Rules = append(sl.Rules, model.SubmissionRuleFlag{Rule: model.RuleTwoQuarters.Label(), Quarter: quarter})
			twoFlagged = true
		}
		if p > 10 {
			sl.Rules = append(sl.Rules, model.SubmissionRuleFlag{Rule: model.RuleOneQuarterBHT.Label(), Quarter: quarter})
		}
	}
	y := math.Round(sick/days*10) / 10
	sl.Year = &y
	sl.Measures = r.IntN(3)
	return sl
}

func violence(r *rand.Rand, year int) *model.SubmissionViolence {
	v := &model.SubmissionViolence{Trainings: r.IntN(3), Incidents: 0}
	switch r.IntN(6) {
	case 0: // none
	case 1: // outdated
		v.Mapping = model.NewDate(year-3, time.May, 12)
	default:
		v.Mapped, v.Mapping = true, model.NewDate(year, time.February, 1+r.IntN(27))
	}
	if v.Trainings > 0 {
		v.LastTraining = model.NewDate(year, time.September, 1+r.IntN(29))
	}
	return v
}

func tenFactor(r *rand.Rand, u Unit, year int) *model.SubmissionTenFactor {
	tf := &model.SubmissionTenFactor{RoundYear: year - r.IntN(2), Factors: []model.SubmissionFactor{}, Keep: []int{}, Improve: []int{},
		FocusWithoutMeasure: []int{}}
	tf.Respondents = max(0, u.Employees-r.IntN(u.Employees/3+2))
	tf.ResultsOn = model.NewDate(tf.RoundYear, time.November, 1+r.IntN(28))
	if tf.Respondents >= 3 {
		for f := 1; f <= 10; f++ {
			tf.Factors = append(tf.Factors, model.SubmissionFactor{Factor: f, Mean: math.Round((3+r.Float64()*1.8)*100) / 100})
		}
		tf.Keep, tf.Improve = []int{1 + r.IntN(10)}, []int{1 + r.IntN(10)}
	}
	return tf
}

func summary(r *rand.Rand) []model.SubmissionSummaryLine {
	var out []model.SubmissionSummaryLine
	sts := []model.SummaryStatus{model.SummaryOK, model.SummaryOK, model.SummaryAttend, model.SummaryMissing}
	for _, m := range model.AnnualModules() {
		out = append(out, model.SubmissionSummaryLine{Module: m.ID, Status: sts[r.IntN(len(sts))]})
	}
	return out
}

func review(r *rand.Rand) model.SubmissionReview {
	rv := model.SubmissionReview{Recorded: true, Regulations: 8, GoalsReached: r.IntN(3), GoalsPartly: r.IntN(2), Courses: r.IntN(3)}
	rv.Goals = rv.GoalsReached + rv.GoalsPartly
	rv.Participants = rv.Courses * 6
	return rv
}

// Year is the submissions of every unit for year, except that every
// skip-th unit (0 = none) sent nothing.
func Year(units []Unit, year int, seed uint64, withDays bool, skip int) []model.Submission {
	var out []model.Submission
	for i, u := range units {
		if skip > 0 && i%skip == skip-1 {
			continue
		}
		out = append(out, Submission(u, year, seed, withDays))
	}
	return out
}

package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

// The committee's annual review of a demo unit: for every past year of the
// demo period the sector's laws and regulations confirmed at the first
// meeting, the sick-leave target and two or three goals of the committee's
// own with their results, the HMS courses held, the counts of occupational
// injuries and whistle-blowing cases, an evaluation with comments, and the
// report treated in January of the next year. The current year has its
// goals only (not yet assessed). It has its own random stream, so adding
// it did not change the other modules' demo data.

// reviewGoal is a free goal of the pool.
type reviewGoal struct{ goal, measure string }

// The demo's goals are ones the committee judges itself: a goal the
// data can decide (a response rate, days to close a deviation, overdue
// measures) would get a random result here that the report's own figures
// contradict.
var commonGoals = []reviewGoal{
	{"Alle nyansatte får HMS-opplæring de første fire ukene", "Sjekkliste for opplæring av nyansatte, gjennomgått i utvalget hvert kvartal"},
	{"Alle ansatte har hatt medarbeidersamtale med tema arbeidsmiljø", "Lederens oversikt over gjennomførte samtaler"},
	{"Brannøvelse i alle avdelinger", "Brannvernloggen"},
}

var sectorGoals = map[model.Sector][]reviewGoal{
	model.SectorSykehjem: {
		{"Alle i direkte brukerkontakt har kurs i håndtering av utagerende atferd", "Kursoversikten, gjennomgått i utvalget"},
		{"Forflytningsutstyr er tilgjengelig og i orden i alle avdelinger", "Kontroll på vernerunden"},
	},
	model.SectorHjemmetjeneste: {
		{"Alle som arbeider alene har varslingsutstyr", "Andel ansatte med utlevert alarm, kontrollert på vernerunden"},
		{"Alle biler har vinterdekk og førstehjelpsutstyr", "Kontroll på vernerunden"},
	},
	model.SectorSkole: {
		{"Bedre inneklima i klasserommene", "CO₂-målinger høst og vår"},
		{"Alle lærere kjenner rutinen for varsling av vold og trusler", "Gjennomgang på personalmøte, registrert i utvalget"},
	},
	model.SectorBarnehage: {
		{"Mindre støy på avdelingene", "Støymålinger og spørsmål på vernerunden"},
		{"Stellebord med heis på alle avdelinger", "Kontroll på vernerunden"},
	},
	model.SectorTekniskDrift: {
		{"Verneutstyr er tilgjengelig for alle oppdrag", "Kontroll på vernerunden"},
		{"Stoffkartoteket er oppdatert", "Kontroll på vernerunden"},
	},
}

var commonCourses = []string{
	"Grunnopplæring i HMS for leder og verneombud (40 timer)",
	"Førstehjelp og hjerte-lunge-redning",
	"Brannvernopplæring med brannøvelse",
	"Bruk av avvikssystemet",
}

var sectorCourses = map[model.Sector][]string{
	model.SectorSykehjem:       {"Forflytningsteknikk", "Forebygging av vold og trusler i stell"},
	model.SectorHjemmetjeneste: {"Forflytningsteknikk", "Sikker bilkjøring på vinterføre"},
	model.SectorSkole:          {"Konflikthåndtering i klasserommet"},
	model.SectorBarnehage:      {"Ergonomi i barnehagen"},
	model.SectorTekniskDrift:   {"Sikkerhet ved arbeid på elektriske anlegg", "Kjemikalier og stoffkartotek"},
}

var evaluations = []string{
	"Utvalget har hatt jevnlige møter, og HMS-arbeidet følger årshjulet. Avvik meldes og behandles, men flere avvik bør lukkes raskere. " +
		"Handlingsplanen er fulgt opp på hvert møte; noen tiltak ble forsinket. Til neste år prioriterer vi oppfølging av sykefraværet og risikovurderingene.",
	"Året har gitt et bedre samarbeid mellom ledelse, verneombud og tillitsvalgt. Vernerundene avdekket funn som er rettet opp. " +
		"Sykefraværet er fortsatt en utfordring, og utvalget vil følge tiltakene tettere. Opplæringen har fungert godt.",
	"Utvalget vurderer at internkontrollen i hovedsak virker som forutsatt. Risikovurderingene er oppdatert, og nye ansatte har fått opplæring. " +
		"Vi må bli bedre til å evaluere effekten av tiltakene.",
}

var leaderComments = []string{
	"Enig i evalueringen. Jeg vil særlig følge opp tiltakene som ble forsinket.",
	"Godt samarbeid i utvalget. Vi prioriterer oppfølging av sykefraværet neste år.",
}

var safetyRepComments = []string{
	"Ansatte melder om høyt arbeidspress i perioder. Det må følges opp i risikovurderingen.",
	"Vernerundene fungerer godt, men tiltakene må lukkes raskere.",
	"Bra at flere har fått opplæring. Alenearbeid bør vurderes på nytt.",
}

// genReviews builds the reviews of the demo period: (year−3) up to last
// year in full, and this year's goals.
func genReviews(o Options, sector model.Sector, employees int, settings model.SickLeaveSettings) []model.AnnualReview {
	r := rand.New(rand.NewPCG(uint64(o.Seed), 0x41525647))
	this := model.HMSYear(o.Today.Year())
	var out []model.AnnualReview
	for y := this - 3; y < this; y++ {
		out = append(out, pastReview(r, y, o.Today, sector, employees, settings))
	}
	cur := model.AnnualReview{Year: this, Goals: goals(r, sector, settings, false)}
	return append(out, cur)
}

// pastReview is a complete review of a past year y.
func pastReview(r *rand.Rand, y model.HMSYear, today model.Date, sector model.Sector, employees int, settings model.SickLeaveSettings) model.AnnualReview {
	rv := model.AnnualReview{Year: y, Regulations: model.DefaultRegulations(sector),
		RegulationsConfirmed: workday(model.NewDate(int(y), 2, 10)),
		Goals:                goals(r, sector, settings, true),
		Evaluation:           pick(r, evaluations),
		LeaderComment:        pick(r, leaderComments),
		SafetyRepComment:     pick(r, safetyRepComments),
		OccupationalInjuries: new(r.IntN(4)),
		Whistleblowing:       new(r.IntN(3) / 2),
	}
	// A unit handbook is where many find the rules.
	rv.Regulations[1].Where = "Lovdata (lovdata.no) og kommunens internkontrollhåndbok"
	courses := append(append([]string{}, commonCourses...), sectorCourses[sector]...)
	r.Shuffle(len(courses), func(i, j int) { courses[i], courses[j] = courses[j], courses[i] })
	for i, c := range courses[:3+r.IntN(2)] {
		n := min(employees, 6+r.IntN(max(1, employees/3)))
		if c == commonCourses[0] {
			n = 2 // leader and verneombud
		}
		rv.Trainings = append(rv.Trainings, model.HMSCourse{Course: c, Date: workday(model.NewDate(int(y), []time.Month{3, 4, 9, 10}[i], 5+r.IntN(20))), Participants: n})
	}
	if treated := workday(model.NewDate(int(y)+1, 1, 15+r.IntN(10))); !treated.After(today) {
		rv.TreatedOn, rv.CaseNumber = treated, fmt.Sprintf("%d/%02d", 1+r.IntN(3), (int(y)+1)%100)
	}
	return rv
}

// goals are the sick-leave target and two or three goals of the
// committee's own; assessed gives them results.
func goals(r *rand.Rand, sector model.Sector, settings model.SickLeaveSettings, assessed bool) []model.HMSGoal {
	out := []model.HMSGoal{model.SickLeaveGoal(settings)}
	pool := append(append([]reviewGoal{}, sectorGoals[sector]...), commonGoals...)
	r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	for _, g := range pool[:2+r.IntN(2)] {
		hg := model.HMSGoal{Goal: g.goal, Measure: g.measure}
		if assessed {
			hg.Result = pick(r, []model.GoalResult{model.GoalReached, model.GoalReached, model.GoalPartly, model.GoalNotReached})
			hg.Comment = map[model.GoalResult]string{
				model.GoalReached:    "Målet er nådd.",
				model.GoalPartly:     "Nesten nådd.",
				model.GoalNotReached: "Ikke nådd; målet videreføres, med tiltak i handlingsplanen.",
			}[hg.Result]
		}
		out = append(out, hg)
	}
	return out
}

// writeReviews stores the reviews, each as of its latest date.
func writeReviews(b *storage.Batch, reviews []model.AnnualReview) error {
	for _, rv := range reviews {
		on := rv.Year.Start()
		for _, d := range []model.Date{rv.RegulationsConfirmed, rv.TreatedOn} {
			if d.After(on) {
				on = d
			}
		}
		for _, c := range rv.Trainings {
			if c.Date.After(on) {
				on = c.Date
			}
		}
		if _, err := b.SaveAnnualReview(rv, on); err != nil {
			return fmt.Errorf("den årlige gjennomgangen for %s: %w", rv.Year, err)
		}
	}
	return nil
}

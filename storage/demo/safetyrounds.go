package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"hmsutvalg/assets"
	"hmsutvalg/model"
	"hmsutvalg/storage"
)

// Safety rounds of a demo unit: two a year (spring and autumn) for the last
// three years, on the checklist shipped for the unit's sector, with
// findings and the measures made from them. The latest round is answered
// but waits for its closing meeting, so the demo shows a round in
// progress; all earlier ones are completed and locked.

// SafetyRound is a generated round with the measures made from its
// findings (by question number); IDs and links are set when it is stored.
type SafetyRound struct {
	model.SafetyRound
	Measures map[int][]model.Measure
	// CompletedOn is the day the round is completed; zero = left in
	// progress.
	CompletedOn model.Date
}

// findingTopic is a kind of checklist question, told by words in its
// text, and the comments a finding on such a question may get.
type findingTopic struct {
	words []string // lower case; a question holding one is of the topic
	notes []string
}

// findingTopics are tried in order, the more specific first; a question
// of none gets genericNotes, which fit any question.
var findingTopics = []findingTopic{
	{[]string{"vaksine"}, []string{"ikke alle nyansatte har fått tilbud om vaksine", "oversikten over hvem som har fått vaksinetilbud er ikke oppdatert"}},
	{[]string{"stoffkartotek", "sikkerhetsdatablad"}, []string{"stoffkartoteket mangler flere av produktene som er i bruk", "stoffkartoteket mangler sikkerhetsdatablad for nye produkter"}},
	{[]string{"verneutstyr", "hansker", "åndedrettsvern", "øyeskyll", "nøddusj"}, []string{"utstyret manglet ved befaringen", "utstyret finnes, men brukes ikke alltid"}},
	{[]string{"kjemikalier", "stoffer"}, []string{"kjemikalier sto i et ulåst skap", "flere flasker mangler merking etter omtapping"}},
	{[]string{"branndør"}, []string{"døren lukket ikke helt av seg selv ved test", "døren var kilt opp under befaringen"}},
	{[]string{"rømningsvei", "fri for", "snuble", "ryddig", "lagring"}, []string{"ryddet på stedet, men problemet kommer igjen", "utstyr og esker var satt fra seg der de ikke skal stå"}},
	{[]string{"ledelys", "nødutgang"}, []string{"skiltet over en nødutgang lyser ikke", "ledelyset i en gang virker ikke"}},
	{[]string{"belysning"}, []string{"flere lysrør er mørke og ikke meldt", "belysningen er for svak ved arbeidsplassene"}},
	{[]string{"luftkvalitet", "temperatur", "ventilasjon", "avsug"}, []string{"tung luft og høy temperatur utover dagen", "ventilasjonen er meldt til eiendom, men ikke utbedret"}},
	{[]string{"støyen", "støynivå", "støy i", "hørsel"}, []string{"høyt støynivå i perioder; lyddemping mangler", "ansatte har meldt fra om støyen flere ganger"}},
	{[]string{"skjøteledning", "elektrisk"}, []string{"en skjøteledning med skadet isolasjon lå over gangen", "for mange apparater koblet til samme skjøteledning"}},
	{[]string{"alarm", "tilkalle hjelp"}, []string{"alarmen er ikke testet etter rutinen", "alarmen dekker ikke hele arealet"}},
	{[]string{"strødd", "måket"}, []string{"ikke strødd før arbeidsstart de kaldeste morgenene"}},
	{[]string{"kontrollert", "vedlikeholdt", "testet"}, []string{"mangler dokumentasjon på siste kontroll", "kontrollen er ikke gjort innen fristen"}},
	{[]string{"øvd", "øvelse"}, []string{"øvelsen er ikke gjennomført ennå i år", "øvelsen ble utsatt, og ny dato er ikke satt"}},
	{[]string{"opplæring", "kjenner"}, []string{"ikke alle har fått opplæring; nyansatte og vikarer mangler", "rutinen finnes, men er ikke kjent blant de ansatte"}},
	{[]string{"førstehjelp", "akuttutstyr", "hjertestarter"}, []string{"førstehjelpsskrinet mangler plaster og bandasjer", "noe av utstyret har gått ut på dato"}},
	{[]string{"ergonomisk", "arbeidsstilling", "bøying", "løft", "arbeidshøyde"}, []string{"arbeidshøyden passer ikke for alle og gir belastning over tid", "hjelpemidlene finnes, men brukes lite"}},
	{[]string{"håndvask", "hygiene", "hånddesinfeksjon", "smittevern", "renhold", "rene"}, []string{"såpe og tørkepapir manglet ved befaringen", "rutinen følges ikke alltid i travle perioder"}},
	{[]string{"arbeidsmengde", "tidspress", "støtte", "pause", "bemanning", "forventes", "konflikt", "kommunikasjon", "respekt", "trakassering", "samarbeidstid", "planlegging", "turnus", "vaktordning", "kjøreliste"}, []string{"flere ansatte opplever at det ikke er slik i travle perioder", "ulike erfaringer blant de ansatte; tas opp i personalmøtet"}},
	{[]string{"rutine", "plan", "kartlagt", "instruks", "vurdert før"}, []string{"rutinen finnes, men er ikke kjent blant de ansatte", "rutinen er ikke oppdatert etter omorganiseringen"}},
	{[]string{"utstyr", "hjelpemidler", "stol", "skjermen", "senger", "maskin", "verktøy", "tjenestebil", "kjøretøy", "lekeapparat"}, []string{"utstyret er slitt og bør skiftes", "det er ikke nok utstyr til alle som trenger det"}},
	{[]string{"forsvarlig stand", "skader", "fukt"}, []string{"skader på gulv og dørkarmer er meldt, men ikke utbedret", "fuktmerker i taket i ett rom"}},
}

var genericNotes = []string{
	"ikke i orden ved befaringen, må følges opp",
	"delvis i orden; ansatte har meldt fra om det flere ganger",
}

// findingNotesFor returns the comments that fit a finding on the question.
func findingNotesFor(question string) []string {
	q := strings.ToLower(question)
	for _, t := range findingTopics {
		for _, w := range t.words {
			if strings.Contains(q, w) {
				return t.notes
			}
		}
	}
	return genericNotes
}

var roundResponsibles = []string{"Leder", "Vaktmester", "Avdelingsleder", "Verneombud og leder", "Driftsleder eiendom"}

// peopleResponsibles follow up findings about how the work is organised,
// routines and training; the caretaker and property manager only those
// about the building and its equipment.
var peopleResponsibles = []string{"Leder", "Avdelingsleder", "Verneombud og leder"}

// peopleTopics are the first words of the topics that are about people
// and routines rather than the building.
var peopleTopics = []string{"vaksine", "opplæring", "øvd", "arbeidsmengde", "rutine", "håndvask"}

// findingResponsibles returns who may be responsible for following up a
// finding on the question.
func findingResponsibles(question string) []string {
	q := strings.ToLower(question)
	for _, t := range findingTopics {
		for _, w := range t.words {
			if strings.Contains(q, w) {
				if slices.Contains(peopleTopics, t.words[0]) {
					return peopleResponsibles
				}
				return roundResponsibles
			}
		}
	}
	return peopleResponsibles
}

// genSafetyRounds builds the rounds; a stream of its own keeps the other
// generated data unchanged.
func genSafetyRounds(o Options, sector model.Sector, deps []string, members []model.CommitteeMember) []SafetyRound {
	r := rand.New(rand.NewPCG(uint64(o.Seed), 0x56524e44))
	g := &gen{r: r, today: o.Today}
	tmpl := assets.ChecklistTemplateFor(sector)
	if tmpl.QuestionCount() == 0 {
		return nil
	}
	var out []SafetyRound
	for replica := range o.Scale {
		for year := o.Today.Year() - 2; year <= o.Today.Year(); year++ {
			for _, month := range []int{3, 10} {
				day := workday(model.NewDate(year, time.Month(month), 5+r.IntN(20)))
				if !day.Before(o.Today) {
					continue
				}
				out = append(out, g.safetyRound(tmpl, day, deps, members, replica))
			}
		}
	}
	// The latest round waits for its closing meeting.
	latest := -1
	for i := range out {
		if latest < 0 || out[i].Date.After(out[latest].Date) {
			latest = i
		}
	}
	if latest >= 0 {
		out[latest].CompletedOn = model.Date{}
		out[latest].Measures = nil
		out[latest].ClosingNotes = ""
	}
	return out
}

// safetyRound is one completed round on day.
func (g *gen) safetyRound(tmpl model.ChecklistTemplate, day model.Date, deps []string, members []model.CommitteeMember, replica int) SafetyRound {
	r := g.r
	sr := model.NewSafetyRound(tmpl, day)
	season := "vår"
	if day.Month() >= 7 {
		season = "høst"
	}
	sr.Title = fmt.Sprintf("Vernerunde %s %d", season, day.Year())
	if replica > 0 {
		sr.Title += fmt.Sprintf(" (%d)", replica+1)
	}
	// Two or three areas per round.
	perm := r.Perm(len(deps))
	for _, i := range perm[:min(len(deps), 2+r.IntN(2))] {
		sr.Areas = append(sr.Areas, deps[i])
	}
	for _, m := range model.ActiveMembers(members, day) {
		switch m.Role {
		case model.RoleLeder:
			sr.Participants = append(sr.Participants, model.RoundParticipant{Name: m.Name, Role: model.RoundRoleLeder})
		case model.RoleVerneombud:
			sr.Participants = append(sr.Participants, model.RoundParticipant{Name: m.Name, Role: model.RoundRoleVerneombud})
		case model.RoleBHT:
			if r.IntN(2) == 0 {
				sr.Participants = append(sr.Participants, model.RoundParticipant{Name: m.Name, Role: model.RoundRoleBHT})
			}
		case model.RoleTillitsvalgt:
			if r.IntN(3) == 0 {
				sr.Participants = append(sr.Participants, model.RoundParticipant{Name: m.Name, Role: model.RoundRoleTillitsvalgt})
			}
		}
	}
	sr.PreMeetingNotes = "Gikk gjennom status på tiltakene fra forrige vernerunde og avvik meldt siden sist. Valgte tema: " +
		strings.ToLower(pick(r, tmpl.Sections).Title) + "."
	out := SafetyRound{Measures: map[int][]model.Measure{}, CompletedOn: workday(minDate(day.AddDays(1+r.IntN(6)), g.today))}
	findings := 0
	for _, q := range sr.Questions() {
		x := r.IntN(100)
		var a model.Answer
		comment := ""
		switch {
		case x < 10:
			a = model.AnswerImprove
			comment = fmt.Sprintf("%s: %s", pick(r, sr.Areas), pick(r, findingNotesFor(q.Text)))
		case x < 18:
			a = model.AnswerNotRelevant
		default:
			a = model.AnswerOK
		}
		sr.Answers = append(sr.Answers, model.RoundAnswer{Number: q.Number, Answer: a, Comment: comment})
		if a != model.AnswerImprove {
			continue
		}
		findings++
		if r.IntN(10) == 0 {
			continue // fixed on the spot, noted in the summary
		}
		m := model.NewMeasureFromFinding(sr, q.Number, "Følge opp: "+strings.TrimSuffix(q.Text, "?"), pick(r, findingResponsibles(q.Text)),
			out.CompletedOn.AddDays(21+r.IntN(100)), out.CompletedOn)
		m.Title = shortTitle(m.Title)
		g.settle(&m)
		out.Measures[q.Number] = append(out.Measures[q.Number], m)
	}
	if g.photoFinding(&sr, &out) {
		findings++
	}
	sr.ClosingNotes = fmt.Sprintf("%d funn. Tiltak avtalt med ansvarlig og frist i avslutningsmøtet; små forhold ble rettet på stedet.", findings)
	out.SafetyRound = sr
	return out
}

// photoFinding makes sure the round has a finding a demo photo fits
// (photoScenes): when none of its findings does, one of the questions a
// scene fits, chosen by the date, becomes one, with a measure. It reports
// whether it added a finding.
func (g *gen) photoFinding(sr *model.SafetyRound, out *SafetyRound) bool {
	if _, i := photoFindingOf(*sr); i >= 0 || len(sr.Areas) == 0 {
		return false
	}
	var fits []model.QuestionRef
	for _, q := range sr.Questions() {
		if sceneFor(q.Text) >= 0 {
			fits = append(fits, q)
		}
	}
	if len(fits) == 0 {
		return false
	}
	q := fits[sr.Date.Time().YearDay()%len(fits)]
	for j := range sr.Answers {
		if sr.Answers[j].Number == q.Number {
			sr.Answers[j].Answer = model.AnswerImprove
			sr.Answers[j].Comment = sr.Areas[0] + ": " + findingNotesFor(q.Text)[0]
		}
	}
	m := model.NewMeasureFromFinding(*sr, q.Number, "Følge opp: "+strings.TrimSuffix(q.Text, "?"), roundResponsibles[1],
		out.CompletedOn.AddDays(30), out.CompletedOn)
	m.Title = shortTitle(m.Title)
	// A random source of its own, so the later rounds are as before.
	own := &gen{r: rand.New(rand.NewPCG(uint64(sr.Date.Time().Unix()), 0x70686f74)), today: g.today}
	own.settle(&m)
	out.Measures[q.Number] = append(out.Measures[q.Number], m)
	return true
}

// shortTitle keeps a measure title within the model's limit.
func shortTitle(s string) string {
	if rs := []rune(s); len(rs) > model.MaxTitleLen {
		return string(rs[:model.MaxTitleLen-1]) + "…"
	}
	return s
}

// writeSafetyRounds stores the rounds with their measures (linked both
// ways) and completes all but the one left in progress.
func writeSafetyRounds(b *storage.Batch, rs []SafetyRound) error {
	for _, x := range rs {
		saved, err := b.SaveSafetyRound(x.SafetyRound, x.Date)
		if err != nil {
			return fmt.Errorf("vernerunden «%s»: %w", x.Title, err)
		}
		for _, q := range saved.Findings() {
			for _, m := range x.Measures[q.Question.Number] {
				if _, _, err := b.AddMeasureForFinding(saved.ID, q.Question.Number, m, m.Updated); err != nil {
					return fmt.Errorf("tiltaket «%s»: %w", m.Title, err)
				}
			}
		}
		if !x.CompletedOn.IsZero() {
			if _, err := b.CompleteSafetyRound(saved.ID, x.CompletedOn); err != nil {
				return fmt.Errorf("vernerunden «%s»: %w", x.Title, err)
			}
		}
	}
	return nil
}

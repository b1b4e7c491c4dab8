package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

// The deviation register of a demo unit: three full years up to last year
// and this year so far, about 40–60 a year in a nursing home (fewer in
// smaller or calmer units), with violence and personal injury the most
// frequent in care. Most older deviations are closed, recent ones open;
// most are also reported in the municipality's own system. A few serious
// ones have measures in the action plan. Every deviation records the harm
// to a person. The first replica has the § 5-2 cases (serious injuries)
// across categories: last year a fall, a fire, a chemical and a violence
// case, each notified to Arbeidstilsynet and the police the same day, and
// a fall this year whose notice is not yet recorded. Descriptions speak
// of groups and roles ("en beboer", "ansatt"), never of persons.

// Deviation is a generated deviation with the measures made from it.
type Deviation struct {
	model.Deviation
	// Measures are stored with AddMeasureForDeviation, which sets their
	// Source to the deviation; it is empty here.
	Measures []model.Measure
}

// devPerYear is the number of deviations a year per sector, before scale.
var devPerYear = map[model.Sector][2]int{
	model.SectorSykehjem:         {40, 60},
	model.SectorHjemmetjeneste:   {35, 50},
	model.SectorHelseOmsorgAnnet: {30, 45},
	model.SectorSkole:            {25, 40},
	model.SectorBarnehage:        {15, 25},
	model.SectorTekniskDrift:     {20, 30},
	model.SectorKontor:           {10, 20},
}

// devWeights is each category's share per sector, in the order of
// model.DeviationCategories(): brann, innbrudd, personskade, utslipp,
// kjemikalier, vold og trusler, organisatorisk, brudd på HMS.
var devWeights = map[model.Sector][8]int{
	model.SectorSykehjem:         {5, 3, 22, 2, 7, 35, 14, 12},
	model.SectorHjemmetjeneste:   {4, 3, 24, 2, 7, 30, 16, 14},
	model.SectorHelseOmsorgAnnet: {4, 4, 20, 2, 8, 34, 15, 13},
	model.SectorSkole:            {6, 7, 20, 2, 5, 30, 18, 12},
	model.SectorBarnehage:        {6, 5, 30, 3, 8, 12, 22, 14},
	model.SectorTekniskDrift:     {5, 5, 35, 10, 18, 2, 10, 15},
	model.SectorKontor:           {5, 8, 10, 2, 3, 30, 30, 12},
}

// devClient is who the unit serves, as the descriptions name them: the word,
// its definite form.
var devClient = map[model.Sector][2]string{
	model.SectorSykehjem:         {"beboer", "beboeren"},
	model.SectorHjemmetjeneste:   {"bruker", "brukeren"},
	model.SectorHelseOmsorgAnnet: {"bruker", "brukeren"},
	model.SectorSkole:            {"elev", "eleven"},
	model.SectorBarnehage:        {"forelder", "forelderen"},
	model.SectorTekniskDrift:     {"person", "personen"},
	model.SectorKontor:           {"besøkende", "den besøkende"},
}

// devTemplate is one kind of deviation. In the texts {k} is the devClient
// word and {Kb} its definite form, capitalised.
type devTemplate struct {
	typ                 model.DeviationType
	sev                 []model.Severity // drawn uniformly
	what, action, cause string
	measure             string             // a measure it may lead to; "" = none
	violence            model.ViolenceType // for vold og trusler
	only                []model.Sector     // the sectors it fits; nil = all
	hurt                bool               // someone was injured (not seriously)
}

var (
	devSevLow  = []model.Severity{model.SeverityInsignificant, model.SeverityMinor, model.SeverityMinor}
	devSevMid  = []model.Severity{model.SeverityMinor, model.SeverityMinor, model.SeveritySerious}
	devSevHigh = []model.Severity{model.SeverityMinor, model.SeveritySerious, model.SeveritySerious}
	devSevNone = []model.Severity{model.SeverityInsignificant}
)

var devTemplates = map[model.DeviationCategory][]devTemplate{
	model.DevFire: {
		{typ: model.TypeIncident, sev: devSevMid, what: "Brannalarmen gikk på grunn av glemt kjele på komfyren. Ingen flammer.",
			action: "Slått av komfyren og luftet. Brannvesenet avbrøt utrykningen.", cause: "Komfyrvakt manglet.", measure: "Komfyrvakt på alle kjøkken"},
		{typ: model.TypeNearMiss, sev: devSevLow, what: "Branndør i korridoren var kilt opp med en kile.",
			action: "Kilen fjernet og døren lukket.", cause: "Døren er tung, og det er mye trafikk med traller.", measure: "Magnetholdere på branndører med mye trafikk"},
		{typ: model.TypeDeviation, sev: devSevLow, what: "Rømningsvei var sperret av traller og utstyr.",
			action: "Ryddet rømningsveien.", cause: "For lite lagerplass."},
		{typ: model.TypeIncident, sev: devSevMid, only: laundrySectors, what: "Røykutvikling fra tørketrommel.",
			action: "Strømmen slått av, døren lukket. Ingen skadet.", cause: "Lofilteret var ikke renset.", measure: "Rutine for rens av lofilter"},
	},
	model.DevBurglary: {
		{typ: model.TypeIncident, sev: devSevLow, what: "Ukjent person gikk rundt i bygget om kvelden uten ærend.",
			action: "Personen ble fulgt ut og døren låst.", cause: "Inngangsdøren sto ulåst etter stengetid.", measure: "Automatisk låsing av inngangsdør kl. 21"},
		{typ: model.TypeIncident, sev: devSevMid, what: "Innbrudd i personalgarderoben; skap brutt opp.",
			action: "Politiet kontaktet og anmeldelse levert.", cause: "Vinduet i garderoben manglet lås."},
		{typ: model.TypeIncident, sev: devSevLow, what: "Lommebok stjålet fra personalrommet.",
			action: "Meldt til leder og politiet.", cause: "Personalrommet var ulåst."},
	},
	model.DevInjury: {
		{typ: model.TypeIncident, sev: devSevHigh, only: careSectors, hurt: true, what: "Ansatt fikk vondt i ryggen under forflytning fra seng til stol.",
			action: "Ansatt tok pause og fikk vurdert ryggen av lege.", cause: "Takheis var ikke tilgjengelig på rommet.", measure: "Takheis på alle rom på avdelingen"},
		{typ: model.TypeIncident, sev: devSevMid, hurt: true, what: "Ansatt skled på vått gulv og slo kneet.",
			action: "Førstehjelp med is og hvile.", cause: "Gulvet var ikke tørket etter vask.", measure: "Sklisikre matter og varselskilt ved vask"},
		{typ: model.TypeIncident, sev: devSevMid, only: careSectors, hurt: true, what: "Stikkskade ved bruk av kanyle.",
			action: "Såret vasket, blodprøve tatt etter smitterutinen.", cause: "Kanyleboks sto ikke innen rekkevidde.", measure: "Kanyler med stikkbeskyttelse"},
		{typ: model.TypeNearMiss, sev: devSevLow, what: "Ansatt var nær ved å falle i trappen ved personalinngangen; løse trappeneser.",
			action: "Trappen sperret til vaktmester kom.", cause: "Manglende vedlikehold."},
		{typ: model.TypeIncident, sev: devSevMid, hurt: true, what: "Ansatt klemte fingeren i en dør som smalt igjen.",
			action: "Kjølt ned og plastret.", cause: "Dørlukkeren var feil innstilt."},
		{typ: model.TypeIncident, sev: devSevLow, hurt: true, what: "Ansatt brente hånden på varm ovnsplate på kjøkkenet.",
			action: "Kaldt vann i 20 minutter.", cause: "Manglet grytekluter av riktig type."},
		{typ: model.TypeIncident, sev: devSevHigh, hurt: true, what: "Ansatt fikk vondt i skulderen etter løft av tunge esker på lageret.",
			action: "Avbrøt løftingen; fikk time hos fastlege.", cause: "Tralle var ikke tilgjengelig.", measure: "Tralle og hylleplass for tunge varer"},
	},
	model.DevEnvironment: {
		{typ: model.TypeDeviation, sev: devSevLow, what: "Oljesøl fra tjenestebil på parkeringsplassen.",
			action: "Strødd absorbent og samlet opp.", cause: "Lekkasje fra bilens motor."},
		{typ: model.TypeDeviation, sev: devSevLow, what: "Restavfall og farlig avfall ble kastet i samme container.",
			action: "Sortert avfallet på nytt.", cause: "Merkingen av containerne var borte.", measure: "Ny merking av avfallscontainere"},
	},
	model.DevHazardous: {
		{typ: model.TypeDeviation, sev: devSevLow, what: "Renholdsmiddel oppbevart i ulåst skap på felles oppholdsrom.",
			action: "Flyttet til låst skap.", cause: "Rutinen for oppbevaring var ikke kjent for vikarer.", measure: "Opplæring av vikarer i oppbevaring av kjemikalier"},
		{typ: model.TypeNearMiss, sev: devSevMid, what: "Nesten blanding av klorholdig og syreholdig middel ved rengjøring av sluk.",
			action: "Stoppet før blanding; luftet rommet.", cause: "Flaskene var ikke merket etter omtapping.", measure: "Forbud mot omtapping av kjemikalier"},
		{typ: model.TypeDeviation, sev: devSevLow, what: "Sikkerhetsdatablad manglet for nytt vaskemiddel.",
			action: "Bestilt datablad fra leverandør.", cause: "Stoffkartoteket ble ikke oppdatert ved innkjøp."},
		{typ: model.TypeIncident, sev: devSevMid, hurt: true, what: "Sprut av desinfeksjonsmiddel i øyet.",
			action: "Skylt med øyeskyll i 15 minutter, oppsøkt legevakt.", cause: "Vernebriller ble ikke brukt."},
	},
	model.DevViolence: {
		{typ: model.TypeIncident, sev: devSevHigh, only: careSectors, violence: model.ViolencePhysical, hurt: true, what: "En {k} slo ansatt i ansiktet under morgenstell.",
			action: "Ansatt trakk seg unna, kollega tilkalt.", cause: "{Kb} var urolig etter en dårlig natt; stellet ble gjort alene.", measure: twoStaff[model.SectorSykehjem]},
		{typ: model.TypeIncident, sev: devSevMid, only: careSectors, violence: model.ViolencePhysical, what: "En {k} kløp og lugget ansatt ved påkledning.",
			action: "Avbrøt stellet og prøvde igjen senere.", cause: "Endringer i dagsrytmen ga uro."},
		{typ: model.TypeIncident, sev: devSevMid, only: careSectors, violence: model.ViolenceSexual, what: "En {k} tok ansatt på brystet under stell.",
			action: "Ansatt satte tydelig grense og avsluttet stellet."},
		{typ: model.TypeIncident, sev: devSevHigh, violence: model.ViolencePhysical, hurt: true, what: "En {k} slo ansatt i armen i en opphetet situasjon.",
			action: "Ansatt trakk seg unna og varslet leder.", cause: "Konflikt som bygget seg opp over tid.", measure: "Plan for å forebygge og håndtere kjente konflikter"},
		{typ: model.TypeIncident, sev: devSevMid, violence: model.ViolencePsychological, what: "En {k} truet med å slå ansatt og kastet en kopp mot døren.",
			action: "Ansatt gikk ut av rommet og varslet leder.", cause: "Uenighet om et vedtak."},
		{typ: model.TypeIncident, sev: devSevLow, violence: model.ViolencePsychological, what: "Ansatt ble skjelt ut og kalt stygge ting av en pårørende på telefon.",
			action: "Samtalen avsluttet rolig; leder informert.", cause: "Misnøye med informasjon om tjenesten."},
		{typ: model.TypeIncident, sev: devSevLow, violence: model.ViolenceDigital, what: "Trusler om vold mot ansatte i en melding på sosiale medier.",
			action: "Skjermbilde tatt og leder varslet."},
		{typ: model.TypeNearMiss, sev: devSevLow, violence: model.ViolenceLatent, what: "En {k} fulgte etter ansatt ut til parkeringsplassen etter en konflikt; situasjonen roet seg.",
			action: "Ansatt gikk inn igjen og hentet kollega.", cause: "Uløst konflikt.", measure: "Følge hverandre til bilen etter krevende møter"},
	},
	model.DevOrganisation: {
		{typ: model.TypeDeviation, sev: devSevMid, only: shiftSectors, what: "Én ansatt alene på vakt i over to timer på grunn av sykefravær uten innleie.",
			action: "Leder ringte inn ekstravakt.", cause: "Vikarlisten var tom.", measure: "Utvidet vikarpool"},
		{typ: model.TypeDeviation, sev: devSevLow, only: shiftSectors, what: "Rapporten ved vaktskiftet ble ikke gitt; viktig informasjon gikk tapt.",
			action: "Informasjonen ble gitt i etterkant.", cause: "Overlappen mellom vaktene var for kort."},
		{typ: model.TypeDeviation, sev: devSevLow, only: []model.Sector{model.SectorSkole}, what: "Inspeksjonen i storefri var ikke dekket; to ansatte var syke uten at vikar ble satt inn.",
			action: "Inspektør dekket selv og varslet rektor.", cause: "Inspeksjonsplanen hadde ingen reserve ved fravær.", measure: "Reserve på inspeksjonsplanen ved fravær"},
		{typ: model.TypeDeviation, sev: devSevLow, only: []model.Sector{model.SectorBarnehage}, what: "For få voksne på uteområdet ved henting; én ansatt alene med en stor barnegruppe.",
			action: "Pedagogisk leder hentet en kollega fra avdelingen.", cause: "Pausene var lagt samtidig på to avdelinger."},
		{typ: model.TypeDeviation, sev: devSevLow, only: []model.Sector{model.SectorKontor, model.SectorTekniskDrift}, what: "Saker med frist ble liggende mens en kollega var syk; ingen hadde oversikt over dem.",
			action: "Leder fordelte sakene samme dag.", cause: "Ingen fast stedfortreder for saksporteføljen."},
		{typ: model.TypeImprovement, sev: devSevNone, what: "Forslag: fast tidspunkt for kollegastøtte etter krevende hendelser."},
		{typ: model.TypeImprovement, sev: devSevNone, what: "Forslag: sjekkliste for opplæring av nyansatte i første uke."},
		{typ: model.TypeDeviation, sev: devSevMid, what: "Mange ansatte opplever høyt arbeidspress i perioder med høyt fravær.",
			action: "Tatt opp i personalmøte.", cause: "Lav bemanning.", measure: "Gjennomgå bemanningsplanen med tillitsvalgt"},
	},
	model.DevNonCompliance: {
		{typ: model.TypeDeviation, sev: devSevLow, what: "Hendelse ble ikke meldt som avvik før en uke senere.",
			action: "Meldt i etterkant; leder tok det opp i personalmøtet.", cause: "Usikkerhet om hva som skal meldes."},
		{typ: model.TypeDeviation, sev: devSevLow, what: "Personalalarmer ble ikke testet som rutinen sier.",
			action: "Alarmene testet samme dag.", cause: "Uklart hvem som har ansvaret.", measure: "Ansvar for alarmtest i turnusplanen"},
		{typ: model.TypeDeviation, sev: devSevLow, only: append([]model.Sector{model.SectorTekniskDrift}, careSectors...), what: "Vernesko ble ikke brukt der rutinen krever det.",
			action: "Påminnelse gitt."},
		{typ: model.TypeDeviation, sev: devSevMid, only: careSectors, what: "Forflytningshjelpemiddel brukt uten opplæring.",
			action: "Ansatt fikk veiledning samme dag.", cause: "Nyansatt hadde ikke fått opplæring."},
		{typ: model.TypeDeviation, sev: devSevLow, only: shiftSectors, what: "Arbeidstidsbestemmelsene brutt: for kort hvile mellom to vakter.",
			action: "Vakten byttet.", cause: "Feil i turnusplanen."},
	},
}

// devTemplatesFor returns the category's templates that fit the sector.
func devTemplatesFor(cat model.DeviationCategory, sector model.Sector) []devTemplate {
	var out []devTemplate
	for _, t := range devTemplates[cat] {
		if fits(t.only, sector) {
			out = append(out, t)
		}
	}
	return out
}

// devAreas are places in the unit besides the departments.
var devAreas = []string{"Inngangsparti", "Parkeringsplass", "Personalgarderobe", "Korridor, 1. etasje", "Kjeller"}

var devClosers = []string{"Avdelingsleder", "Enhetsleder", "Leder og verneombud"}

// devGen generates deviations for one kind of unit.
type devGen struct {
	*gen
	sector  model.Sector
	words   [2]string // the client word and its definite form
	weights [8]int    // category weights
	refs    map[int]int
}

// genDeviations generates the register. It has its own random source, so
// adding it did not change the other modules' demo data.
func genDeviations(o Options, sector model.Sector, deps []string, members []model.CommitteeMember) []Deviation {
	g := &devGen{
		gen: &gen{
			r:       rand.New(rand.NewPCG(uint64(o.Seed), 0x415656494b)),
			today:   o.Today,
			start:   model.NewDate(o.Today.Year()-3, 1, 1),
			deps:    deps,
			members: members,
		},
		sector: sector,
		refs:   map[int]int{},
	}
	per, ok := devPerYear[sector]
	if !ok {
		per = [2]int{20, 35}
	}
	if g.weights, ok = devWeights[sector]; !ok {
		g.weights = devWeights[model.SectorKontor]
	}
	if g.words, ok = devClient[sector]; !ok {
		g.words = [2]string{"person", "personen"}
	}
	var out []Deviation
	for replica := range o.Scale {
		for y := o.Today.Year() - 3; y <= o.Today.Year(); y++ {
			from, to := model.NewDate(y, 1, 1), minDate(model.NewDate(y, 12, 31), o.Today)
			n := per[0] + g.r.IntN(per[1]-per[0]+1)
			if y == o.Today.Year() {
				n = n * (from.DaysUntil(to) + 1) / 365
			}
			for range n {
				out = append(out, g.deviation(g.between(from, to)))
			}
		}
		if replica == 0 {
			out = append(out, g.seriousInjury())
			out = append(out, g.seriousCases(o)...)
			out = append(out, g.photoCases(o)...)
			// The last week's deviations, not yet looked at.
			for range 2 {
				d := g.deviation(maxDate(g.start, o.Today.AddDays(-g.r.IntN(8))))
				d.Status, d.ClosedBy, d.ClosedOn, d.Measures = model.DevRegistered, "", model.Date{}, nil
				out = append(out, d)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Deviation) int { return a.Date.Compare(b.Date) })
	return out
}

// devWeighted picks an index by weight.
func devWeighted(r *rand.Rand, w [8]int) int {
	sum := 0
	for _, x := range w {
		sum += x
	}
	n := r.IntN(sum)
	for i, x := range w {
		if n < x {
			return i
		}
		n -= x
	}
	return len(w) - 1
}

// devFillClient replaces the devClient placeholders.
func devFillClient(s string, words [2]string) string {
	return strings.NewReplacer("{k}", words[0], "{kb}", words[1], "{Kb}", devUpperFirst(words[1])).Replace(s)
}

func devUpperFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

func (g *devGen) deviation(day model.Date) Deviation {
	r, words, refs := g.r, g.words, g.refs
	day = g.onDuty(day)
	cat := model.DeviationCategories()[devWeighted(r, g.weights)]
	t := pick(r, devTemplatesFor(cat, g.sector))
	d := model.Deviation{
		Date:            day,
		Place:           pick(r, g.deps),
		Category:        cat,
		Type:            t.typ,
		Severity:        pick(r, t.sev),
		WhatHappened:    devFillClient(t.what, words),
		ImmediateAction: devFillClient(t.action, words),
		Cause:           devFillClient(t.cause, words),
		Status:          model.DevRegistered,
		PersonHarm:      model.HarmNone,
	}
	if t.hurt {
		d.PersonHarm = model.HarmInjury
	}
	if cat == model.DevFire || cat == model.DevBurglary || cat == model.DevEnvironment {
		if r.IntN(2) == 0 {
			d.Place = pick(r, devAreas)
		}
	}
	if cat == model.DevViolence {
		d.ViolenceType = t.violence
		d.FollowUpOffered = g.followUp(d.ViolenceType, d.Severity)
	}
	if r.IntN(100) < 80 {
		refs[day.Year()]++
		d.ReportedToMunicipal, d.MunicipalRef = true, fmt.Sprintf("AVVIK-%d-%04d", day.Year(), refs[day.Year()])
	}
	g.settleDeviation(&d)
	dev := Deviation{Deviation: d}
	serious := d.Severity == model.SeveritySerious || (cat == model.DevViolence && d.Severity == model.SeverityMinor)
	if t.measure != "" && serious && r.IntN(100) < 30 {
		dev.Measures = []model.Measure{g.devMeasure(d, t.measure)}
	}
	return dev
}

// onDuty is the day a deviation happens on: in a unit open on working
// days only, the working day closest before (nobody is there to see it on
// other days); never after today.
func (g *devGen) onDuty(day model.Date) model.Date {
	if w := workday(day); slices.Contains(daySectors, g.sector) && !w.After(g.today) {
		return w
	}
	return day
}

// followUp is what the leader offered after an incident: nearly always a
// talk after physical or sexual violence, debriefing and BHT after the
// serious ones, less often after words and latent threats.
func (g *devGen) followUp(vt model.ViolenceType, sev model.Severity) []model.FollowUpOffer {
	r := g.r
	chance := 55
	if vt == model.ViolencePhysical || vt == model.ViolenceSexual {
		chance = 85
	}
	if r.IntN(100) >= chance {
		return nil
	}
	offers := []model.FollowUpOffer{model.FollowUpConversation}
	if sev == model.SeveritySerious || r.IntN(100) < 15 {
		offers = append(offers, model.FollowUpDebriefing)
	}
	if sev == model.SeveritySerious && r.IntN(100) < 50 {
		offers = append(offers, model.FollowUpBHT)
	}
	return offers
}

// settleDeviation gives the status the committee would see by today:
// most older deviations closed within a few weeks, a few still being
// handled, and the recent ones mostly open.
func (g *devGen) settleDeviation(d *model.Deviation) {
	r, today := g.r, g.today
	age := d.Date.DaysUntil(today)
	x := r.IntN(100)
	switch {
	case age > 90 && x < 95, age > 30 && x < 70, x < 25:
		d.Status = model.DevClosed
		days := min(age, r.IntN(8)+r.IntN(8)*r.IntN(5))
		d.ClosedOn = g.onDuty(d.Date.AddDays(days))
		d.ClosedBy = pick(r, devClosers)
		if name := g.memberOn(model.RoleLeder, d.ClosedOn); name != "" && r.IntN(2) == 0 {
			d.ClosedBy = name
		}
	case age > 90, age > 30 && x < 95, x < 60:
		d.Status = model.DevInProgress
	default:
		d.Status = model.DevRegistered
	}
}

// devMeasure is a measure made from the deviation within two weeks, with
// the status it would have by today.
func (g *devGen) devMeasure(d model.Deviation, title string) model.Measure {
	created := minDate(d.Date.AddDays(g.r.IntN(14)), g.today)
	m := model.Measure{
		Title:       title,
		Responsible: roleLeader,
		Created:     created,
		Deadline:    created.AddMonths(1 + g.r.IntN(4)),
	}
	g.settle(&m)
	return m
}

// seriousInjury is the svært alvorlig personal injury of last year,
// notified to Arbeidstilsynet and the police the same day (§ 5-2).
func (g *devGen) seriousInjury() Deviation {
	refs := g.refs
	day := g.onDuty(model.NewDate(g.today.Year()-1, time.Month(3+g.r.IntN(6)), 1+g.r.IntN(28)))
	refs[day.Year()]++
	d := model.Deviation{
		Date:                  day,
		Place:                 pick(g.r, g.deps),
		Category:              model.DevInjury,
		Type:                  model.TypeIncident,
		Severity:              model.SeverityVerySerious,
		PersonHarm:            model.HarmSerious,
		WhatHappened:          "Ansatt falt fra trappestige ved bytte av lysrør og brakk armen. Sendt med ambulanse til sykehus.",
		ImmediateAction:       "Førstehjelp, ambulanse tilkalt. Arbeidstilsynet og politiet varslet på telefon, skriftlig melding sendt samme uke. Verneombudet fikk kopi.",
		Cause:                 "Stigen sto på glatt gulv uten at noen holdt den; arbeidet burde vært gjort av vaktmester med riktig utstyr.",
		AuthoritiesNotified:   true,
		AuthoritiesNotifiedOn: day,
		ReportedToMunicipal:   true,
		MunicipalRef:          fmt.Sprintf("AVVIK-%d-%04d", day.Year(), refs[day.Year()]),
		Status:                model.DevClosed,
		ClosedOn:              g.onDuty(day.AddDays(21)),
		ClosedBy:              "Enhetsleder",
	}
	m := model.Measure{
		Title:       "Arbeid i høyden bare av vaktmester, med godkjent stige og en til å holde",
		Responsible: roleLeader,
		Created:     day.AddDays(2),
		Deadline:    day.AddMonths(1),
	}
	g.settle(&m)
	return Deviation{Deviation: d, Measures: []model.Measure{m}}
}

// seriousCase is a § 5-2 case: a serious injury in a category other than
// the fall above.
type seriousCase struct {
	cat                 model.DeviationCategory
	sev                 model.Severity
	violence            model.ViolenceType
	what, action, cause string
	measure             string
}

// twoStaff is the measure after the serious violence case, in the words
// of each kind of unit.
var twoStaff = map[model.Sector]string{
	model.SectorSykehjem:         "Alltid to ansatte ved stell når det er kjent uro",
	model.SectorHjemmetjeneste:   "Alltid to ansatte ved besøk hos brukere med kjent uro",
	model.SectorHelseOmsorgAnnet: "Alltid to ansatte ved stell når det er kjent uro",
	model.SectorSkole:            "Alltid to voksne til stede når en elev med kjent uro skal skjermes",
	model.SectorBarnehage:        "Alltid to ansatte i samtaler med foreldre der det er kjent konflikt",
	model.SectorTekniskDrift:     "Alltid to ved oppdrag hos personer med kjent konflikt",
	model.SectorKontor:           "Alltid to ansatte i samtaler med besøkende som har truet tidligere",
}

var seriousCases = []seriousCase{
	{cat: model.DevFire, sev: model.SeveritySerious,
		what:    "Brann i en tørketrommel. Ansatt fikk brannskader på begge hender ved slokking og ble innlagt på sykehus.",
		action:  "Brannvesenet slokket. Arbeidstilsynet og politiet varslet på telefon samme dag; skriftlig melding med kopi til verneombudet.",
		cause:   "Lofilteret var ikke renset, og ansatt slokket med hendene før pulverapparatet var hentet.",
		measure: "Opplæring i slokkeutstyr og rutine for å lukke døren og varsle"},
	{cat: model.DevHazardous, sev: model.SeveritySerious,
		what:    "Ansatt pustet inn gass da klorholdig og syreholdig middel ble blandet ved rengjøring av sluk. Pustebesvær; innlagt på sykehus.",
		action:  "Rommet evakuert og luftet, ambulanse tilkalt. Arbeidstilsynet og politiet varslet samme dag.",
		cause:   "Flaskene var omtappet uten merking.",
		measure: "Forbud mot omtapping av kjemikalier"},
	{cat: model.DevViolence, sev: model.SeverityVerySerious, violence: model.ViolencePhysical,
		what:    "En {k} dyttet ansatt, som falt mot en dørkarm og brakk hoften.",
		action:  "Kollega tilkalt, ambulanse. Arbeidstilsynet og politiet varslet samme dag; debrifing neste dag.",
		cause:   "Kjent uro hos {kb}, og ansatt var alene i situasjonen.",
		measure: "Alltid to ansatte til stede når det er kjent uro"},
}

// seriousCases are the § 5-2 cases besides the fall: last year a fire, a
// chemical and a violence case, notified the same day, and this year a
// fall on ice whose notice is not yet recorded (the reminder shows). They
// have their own random source, so the rest of the register is as before.
func (g *devGen) seriousCases(o Options) []Deviation {
	r := rand.New(rand.NewPCG(uint64(o.Seed), 0x352d32))
	saved := g.r
	g.r = r // settle draws from g.r
	defer func() { g.r = saved }()
	var out []Deviation
	for i, c := range seriousCases {
		day := g.onDuty(model.NewDate(g.today.Year()-1, time.Month(2+3*i+r.IntN(3)), 1+r.IntN(28)))
		g.refs[day.Year()]++
		d := model.Deviation{
			Date:                  day,
			Place:                 pick(r, g.deps),
			Category:              c.cat,
			Type:                  model.TypeIncident,
			Severity:              c.sev,
			PersonHarm:            model.HarmSerious,
			WhatHappened:          devFillClient(c.what, g.words),
			ImmediateAction:       devFillClient(c.action, g.words),
			Cause:                 devFillClient(c.cause, g.words),
			AuthoritiesNotified:   true,
			AuthoritiesNotifiedOn: day,
			ReportedToMunicipal:   true,
			MunicipalRef:          fmt.Sprintf("AVVIK-%d-%04d", day.Year(), g.refs[day.Year()]),
			Status:                model.DevClosed,
			ClosedOn:              g.onDuty(day.AddDays(14 + r.IntN(21))),
			ClosedBy:              "Enhetsleder",
		}
		if c.cat == model.DevViolence {
			d.ViolenceType = c.violence
			d.FollowUpOffered = []model.FollowUpOffer{model.FollowUpConversation, model.FollowUpDebriefing, model.FollowUpBHT}
		}
		title := c.measure
		if t, ok := twoStaff[g.sector]; ok && c.cat == model.DevViolence {
			title = t
		}
		m := model.Measure{Title: title, Responsible: roleLeader, Created: day.AddDays(1), Deadline: day.AddMonths(2)}
		g.settle(&m)
		out = append(out, Deviation{Deviation: d, Measures: []model.Measure{m}})
	}
	day := g.onDuty(maxDate(model.NewDate(g.today.Year(), 1, 1), g.today.AddDays(-4)))
	out = append(out, Deviation{Deviation: model.Deviation{
		Date:            day,
		Place:           "Inngangsparti",
		Category:        model.DevInjury,
		Type:            model.TypeIncident,
		Severity:        model.SeveritySerious,
		PersonHarm:      model.HarmSerious,
		WhatHappened:    "Ansatt skled på is ved personalinngangen og brakk håndleddet. Operert på sykehus.",
		ImmediateAction: "Førstehjelp og skyss til legevakt. Strødd ved inngangen.",
		Cause:           "Inngangen var ikke strødd før morgenvakten.",
		Status:          model.DevInProgress,
	}})
	return out
}

// photoCase is a serious deviation about the premises, not a person, that
// a demo photo fits (photoScenes), so the annual report of every year has
// a photo to show.
type photoCase struct {
	cat                 model.DeviationCategory
	typ                 model.DeviationType
	what, action, cause string
}

// photoCases are one a year, oldest first; the last is this year's.
var photoCases = []photoCase{
	{model.DevFire, model.TypeDeviation, "Rømningsveien fra kjelleren var sperret av traller og utstyr; døren ut kunne ikke åpnes helt.",
		"Ryddet rømningsveien samme dag og varslet leder.", "Lagerplassen i kjelleren var for liten etter ombyggingen."},
	{model.DevInjury, model.TypeNearMiss, "Et trinn i trappen ved personalinngangen hadde sprukket og løsnet; ansatt var nær ved å falle.",
		"Trappen sperret og vaktmester tilkalt.", "Skaden var meldt muntlig, men ikke fulgt opp."},
	{model.DevFire, model.TypeDeviation, "Branndøren i korridoren var kilt opp med en kile hele natten.",
		"Kilen fjernet og døren lukket; tatt opp på personalmøtet.", "Døren er tung, og det er mye trafikk med traller."},
	{model.DevFire, model.TypeDeviation, "Løs skjøteledning med skadet isolasjon lå over gangen til en varmeovn.",
		"Ledningen og ovnen fjernet; vaktmester sjekket kursen.", "Lite varme i rommet; ovnen var tatt med hjemmefra."},
}

// photoCases are the year's serious deviations a photo fits, one a year
// from the register's first year. They have their own random source, so
// the rest of the register is as before.
func (g *devGen) photoCases(o Options) []Deviation {
	r := rand.New(rand.NewPCG(uint64(o.Seed), 0x70686f74))
	saved := g.r
	g.r = r // settleDeviation draws from g.r
	defer func() { g.r = saved }()
	first := o.Today.Year() - len(photoCases) + 1
	var out []Deviation
	for i, c := range photoCases {
		day := model.NewDate(first+i, time.Month(2+r.IntN(10)), 1+r.IntN(28))
		if first+i == o.Today.Year() {
			day = maxDate(model.NewDate(o.Today.Year(), 1, 1), o.Today.AddDays(-9))
		}
		day = g.onDuty(day)
		g.refs[day.Year()]++
		d := model.Deviation{
			Date:                day,
			Place:               pick(r, g.deps),
			Category:            c.cat,
			Type:                c.typ,
			Severity:            model.SeveritySerious,
			PersonHarm:          model.HarmNone,
			WhatHappened:        c.what,
			ImmediateAction:     c.action,
			Cause:               c.cause,
			ReportedToMunicipal: true,
			MunicipalRef:        fmt.Sprintf("AVVIK-%d-%04d", day.Year(), g.refs[day.Year()]),
		}
		g.settleDeviation(&d)
		out = append(out, Deviation{Deviation: d})
	}
	return out
}

// writeDeviations stores the register in date order, so IDs follow the
// history, each as of its latest date, with its measures linked both ways.
func writeDeviations(b *storage.Batch, devs []Deviation) error {
	for _, d := range devs {
		day := maxDate(d.Date, maxDate(d.ClosedOn, d.AuthoritiesNotifiedOn))
		saved, err := b.SaveDeviation(d.Deviation, day)
		if err != nil {
			return fmt.Errorf("avviket %s: %w", d.Label(), err)
		}
		for _, m := range d.Measures {
			if _, _, err := b.AddMeasureForDeviation(saved.ID, m, m.Updated); err != nil {
				return fmt.Errorf("tiltaket «%s»: %w", m.Title, err)
			}
		}
	}
	return nil
}

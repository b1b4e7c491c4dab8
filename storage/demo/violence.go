package demo

import (
	"fmt"
	"math/rand/v2"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

// Vold og trusler of a demo unit: a complete mapping of the eight factors
// with a combined assessment, measures tagged with the regulation's
// points, routines and information given, and a training log with
// drills. The incidents are deviations of category vold og trusler from
// deviations.go.

// Violence is the module's generated data.
type Violence struct {
	Mapping   model.ViolenceMapping
	Measures  []ViolenceMeasure
	Routines  model.ViolenceRoutines
	Trainings []model.ViolenceTraining
}

// ViolenceMeasure is a measure from the mapping; CompletedOn (zero: still
// open) is applied after it is stored.
type ViolenceMeasure struct {
	Factor      model.ViolenceFactor
	Point       model.MeasurePoint
	Measure     model.Measure
	CompletedOn model.Date
}

// violenceText is one factor's answer in a care unit and elsewhere.
type violenceText struct {
	care, other             string
	situations, otherSits   string
	groups, otherGroups     string
	p, c                    int // care rating; others get one less probability
	measure, otherMeasure   string
	point                   model.MeasurePoint
	responsible             string
	deadlineMonths, doneAgo int // doneAgo > 0: completed that many days ago
}

var violenceTexts = [8]violenceText{
	{"Uklart hvem som tar de mest krevende beboerne på kveld; ingen fast rutine for å be om hjelp før det går galt.",
		"Publikumshenvendelser med avslag håndteres ofte av én saksbehandler alene.",
		"Stell og påkledning av beboere med demens og uro", "Avslag i skranke og på telefon",
		"pleiere og assistenter", "saksbehandlere i publikumsmottaket",
		4, 3, "Fast rutine for å være to ved stell av beboere med kjent utagering", "Rutine for å ta krevende samtaler to sammen",
		model.PointDesign, "Avdelingsleder", 3, 60},
	{"Risikoen er størst ved morgenstell, måltider og vaktskifte, og når beboere er urolige etter besøk.",
		"Risikoen er størst ved avslag, lange køer og ved frister.",
		"Morgenstell, måltider, vaktskifte", "Køer, frister, avslag",
		"alle i direkte beboerkontakt", "ansatte med publikumskontakt",
		4, 3, "Fast plan for skjerming av urolige beboere ved måltider og vaktskifte", "",
		model.PointDesign, "Avdelingsleder", 2, 0},
	{"Nattevakten er alene på skjermet avdeling deler av natten.",
		"Vaktmester og renholdere arbeider alene på kveld.",
		"Nattevakt på skjermet avdeling", "Kveldsarbeid i tomme lokaler",
		"nattevakter", "vaktmestere og renholdere",
		3, 4, "Personalarm med lokalisering til nattevakter", "Avtalt kontakt og mobil for alle som arbeider alene",
		model.PointCallHelp, "Leder", 2, 20},
	{"Lav bemanning på kveld og helg; overtid og dobbeltvakter forekommer.",
		"Noe kveldsåpent uten ekstra bemanning.",
		"Kveld og helg", "Kveldsåpent",
		"kveldsvakter og helgevakter", "ansatte på kveldsåpent",
		3, 3, "", "", "", "", 0, 0},
	{"Bemanningen er ikke økt i periodene med mest uro; mange vikarer i ferier.",
		"Bemanningen er vanligvis tilstrekkelig.",
		"Ferieavvikling, sykefravær", "Ferier",
		"vikarer og nyansatte", "vikarer",
		3, 3, "Ekstra vakt i tidsrommet 15–19 på skjermet avdeling", "Ekstra bemanning i skranken ved frister",
		model.PointStaffing, "Enhetsleder", 4, 0},
	{"Faste ansatte har hatt kurs; vikarer får ikke alltid opplæring i alarm og rutiner før første vakt.",
		"Ikke alle har fått opplæring i å håndtere truende situasjoner.",
		"Første vakter for vikarer", "Truende samtaler",
		"vikarer og nyansatte", "nyansatte",
		3, 3, "Alarm og rutine for vold og trusler inn i introduksjonen for vikarer", "Kurs i konflikthåndtering for alle med publikumskontakt",
		model.PointDesign, "Fagsykepleier", 2, 0},
	{"Alarmene dekker ikke fellesstua fullt ut; løse gjenstander på rommene kan brukes som kasteskyts.",
		"Skranken har ikke skjerming eller bakdør; alarmknapp mangler ved ett pult.",
		"Fellesstue, beboerrom", "Skranke og samtalerom",
		"alle ansatte", "ansatte i publikumsmottaket",
		3, 4, "Månedlig test av alarmene og logg over testene", "Alarmknapp ved alle pulter og test hver måned",
		model.PointMaintenance, "Vaktmester", 1, 10},
	{"Tiltakene fra i fjor er delvis gjennomført; hendelsene viser færre skader, men flere trusler.",
		"Tiltakene fra forrige kartlegging er gjennomført.",
		"", "",
		"", "",
		2, 3, "", "", "", "", 0, 0},
}

// genViolence makes the module's data for a demo unit.
func genViolence(o Options, sector model.Sector, matrix model.RiskMatrix) Violence {
	r := rand.New(rand.NewPCG(uint64(o.Seed), 0x564f4c44))
	care := sector == model.SectorSykehjem || sector == model.SectorHjemmetjeneste || sector == model.SectorHelseOmsorgAnnet
	vs := violenceFor(sector)
	day := workday(o.Today.AddDays(-(40 + r.IntN(120))))
	m := model.ViolenceMapping{Date: day, Participants: []string{"Enhetsleder", "Verneombud", "Tillitsvalgt", "BHT"}, Matrix: matrix}
	size := matrix.Size
	if size == 0 {
		size = 5
	}
	clamp := func(n int) int { return max(1, min(size, n)) }
	var ms []ViolenceMeasure
	for i, t := range violenceTexts {
		f := model.ViolenceFactor(i + 1)
		v := vs.factors[i]
		a := model.FactorAssessment{Factor: f, Answer: v.answer, Situations: v.situations, Groups: v.groups, Probability: clamp(t.p), Consequence: clamp(t.c)}
		title := v.measure
		responsible := violenceResponsible(t.responsible, care)
		if !care {
			a.Probability = clamp(t.p - 1)
		}
		m = m.WithFactor(a)
		if title == "" {
			continue
		}
		meas := model.Measure{Title: title, Responsible: responsible, Deadline: day.AddMonths(t.deadlineMonths), Created: day}
		vm := ViolenceMeasure{Factor: f, Point: t.point, Measure: meas}
		if t.doneAgo > 0 {
			vm.CompletedOn = maxDate(day, o.Today.AddDays(-t.doneAgo))
		}
		ms = append(ms, vm)
	}
	m.Combined = model.CombinedAssessment{Assessment: vs.combined, Probability: clamp(4), Consequence: clamp(4)}
	if !care {
		m.Combined.Probability = clamp(3)
	}
	ms = append(ms, ViolenceMeasure{Factor: model.FactorCombined, Point: model.PointStaffing, Measure: model.Measure{
		Title: vs.combinedMeasure, Responsible: "Enhetsleder", Deadline: day.AddMonths(2), Created: day}})

	rt := model.ViolenceRoutines{}
	for _, k := range model.RoutineKinds() {
		rt.Routines = append(rt.Routines, model.ViolenceRoutine{Kind: k, Exists: true, Where: "Personalhåndboka, kapittel om vold og trusler", Updated: day.AddDays(-30)})
	}
	rt.Informed = []model.ViolenceInformation{
		{Date: day.AddDays(14), Employees: true, Method: model.InfoMeeting, Notes: "Kartleggingen og tiltakene gjennomgått"},
		{Date: day.AddDays(7), Representatives: true, Method: model.InfoMeeting, Notes: "HMS-utvalgsmøte"},
		{Date: day.AddDays(-200), Employees: true, Representatives: true, Method: model.InfoWritten},
	}
	for i := range rt.Informed {
		rt.Informed[i].Date = workday(minDate(rt.Informed[i].Date, o.Today))
	}

	group := vs.group
	var ts []model.ViolenceTraining
	for replica := range o.Scale {
		shift := replica * 7
		ts = append(ts,
			model.ViolenceTraining{Date: o.Today.AddDays(-(90 + r.IntN(60) + shift)), Topic: "Alarmøvelse", Kind: model.TrainingDrill,
				Participants: 8 + r.IntN(10), Groups: group, Repeat: model.RepeatYear, Notes: "Alarmen utløst på ulike steder; responstid målt"},
			// Last year's drill in handling a threatening situation, not yet
			// repeated: the dashboard flags it.
			model.ViolenceTraining{Date: o.Today.AddDays(-(380 + r.IntN(40) + shift)), Topic: "Øvelse: truende situasjon", Kind: model.TrainingDrill,
				Participants: 10 + r.IntN(12), Groups: vs.contact, Repeat: model.RepeatYear},
			model.ViolenceTraining{Date: o.Today.AddDays(-(250 + r.IntN(60) + shift)), Topic: "Kurs i forebygging og håndtering av vold og trusler", Kind: model.TrainingCourse,
				Participants: 20 + r.IntN(20), Groups: "faste ansatte", Repeat: model.RepeatTwoYears},
			model.ViolenceTraining{Date: o.Today.AddDays(-(20 + r.IntN(30) + shift)), Topic: "Gjennomgang av rutinene for nyansatte og vikarer", Kind: model.TrainingReview,
				Participants: 4 + r.IntN(6), Groups: "vikarer og nyansatte", Repeat: model.RepeatHalfYear},
		)
	}
	for i := range ts {
		ts[i].Date = workday(ts[i].Date)
	}
	return Violence{Mapping: m, Measures: ms, Routines: rt, Trainings: ts}
}

// writeViolence stores the module's data in the batch.
func writeViolence(b *storage.Batch, v Violence) error {
	m := v.Mapping
	if _, err := b.SaveViolenceMapping(m, m.Date); err != nil {
		return fmt.Errorf("kartleggingen av vold og trusler: %w", err)
	}
	for _, x := range v.Measures {
		saved, _, err := b.AddViolenceMeasure(x.Factor, x.Point, x.Measure, x.Measure.Created)
		if err != nil {
			return fmt.Errorf("tiltaket «%s»: %w", x.Measure.Title, err)
		}
		if !x.CompletedOn.IsZero() {
			if _, err := b.TransitionMeasure(saved.ID, model.StatusUtfort, model.TransitionInput{CompletedOn: x.CompletedOn}, x.CompletedOn); err != nil {
				return fmt.Errorf("tiltaket «%s»: %w", x.Measure.Title, err)
			}
		}
	}
	today := m.Date
	for _, i := range v.Routines.Informed {
		if i.Date.After(today) {
			today = i.Date
		}
	}
	if _, err := b.SaveViolenceRoutines(v.Routines, today); err != nil {
		return fmt.Errorf("rutinene for vold og trusler: %w", err)
	}
	for _, t := range v.Trainings {
		if _, err := b.SaveViolenceTraining(t, t.Date); err != nil {
			return fmt.Errorf("opplæringen «%s»: %w", t.Topic, err)
		}
	}
	return nil
}

// violenceResponsible is who is responsible for a mapping measure: the
// care unit's nurse in charge of the subject is the leader elsewhere.
func violenceResponsible(r string, care bool) string {
	if !care && r == "Fagsykepleier" {
		return "Leder"
	}
	return r
}

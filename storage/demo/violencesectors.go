package demo

import "hmsutvalg/model"

// violenceVariant is one factor's answer in a kind of unit.
type violenceVariant struct {
	answer, situations, groups, measure string
}

// violenceSector is the mapping's text for a kind of unit.
type violenceSector struct {
	factors                   [8]violenceVariant
	combined, combinedMeasure string
	// group is who the alarm drill is for, contact who the threat drill is for.
	group, contact string
}

// violenceSectors are the units that are neither care (violenceTexts'
// care column) nor an office (its other column).
var violenceSectors = map[model.Sector]violenceSector{
	model.SectorSkole: {
		factors: [8]violenceVariant{
			{"Elever med kjent utagering følges ofte opp av én assistent alene; uklart hvem som kommer til hjelp.", "Friminutt, overganger, spesialundervisning", "assistenter og kontaktlærere", "Fast plan for hvem som tilkalles ved uro hos enkeltelever"},
			{"Risikoen er størst i overganger, i friminutt og når elever med kjent uro får beskjeder de ikke liker.", "Overganger, friminutt, beskjeder", "alle med elevkontakt", ""},
			{"Ansatte er alene med enkeltelever på grupperom og i SFO sent på dagen.", "Grupperom, SFO etter kl. 15", "assistenter og SFO-ansatte", "Telefon med hurtigvalg på alle grupperom"},
			{"Få voksne ute i storefri; inspeksjonen blir tynn ved fravær.", "Storefri", "inspiserende ansatte", ""},
			{"Vikarer settes inn uten å kjenne elevene som har tiltaksplan.", "Fravær, vikartimer", "vikarer", "Kort innføring i tiltaksplanene for alle vikarer"},
			{"Ikke alle har fått opplæring i å forebygge og håndtere utagerende atferd.", "Utagerende atferd", "nyansatte og assistenter", "Kurs i forebygging og håndtering av utagering for assistentene"},
			{"Ikke alle grupperom har fri vei ut eller mulighet til å tilkalle hjelp.", "Grupperom og samtalerom", "alle ansatte", "Fri vei ut og test av varslingen fra grupperommene hver måned"},
			{"Tiltakene fra forrige kartlegging er delvis gjennomført; færre skader, men flere trusler fra foresatte.", "", "", ""},
		},
		combined:        "Risikoen er størst der elever med kjent uro, overganger og voksne alene faller sammen. Dette prioriteres først.",
		combinedMeasure: "Ingen voksne alene med elever med kjent utagering",
		group:           "assistenter og SFO-ansatte", contact: "alle med elevkontakt",
	},
	model.SectorBarnehage: {
		factors: [8]violenceVariant{
			{"Uklart hvordan ansatte skal møte foresatte som blir sinte ved henting.", "Henting og bringing", "pedagogiske ledere og fagarbeidere", "Rutine for krevende samtaler med foresatte, med to ansatte til stede"},
			{"Risikoen er størst ved henting, i samtaler om bekymring for et barn og når barn biter og slår.", "Henting, samtaler om bekymring", "alle med barne- og foreldrekontakt", ""},
			{"Én ansatt er alene ved åpning og stenging.", "Åpning og stenging", "ansatte på tidlig- og senvakt", "Mobil med hurtigvalg til leder ved åpning og stenging"},
			{"Lav bemanning tidlig og sent på dagen.", "Tidlig og sent på dagen", "ansatte på tidlig- og senvakt", ""},
			{"Vikarer kjenner ikke barna og rutinene.", "Fravær", "vikarer", "Fast vikar som kjenner barna"},
			{"Ikke alle har hatt opplæring i vanskelige samtaler med foresatte.", "Foreldresamtaler", "pedagogiske ledere", "Kurs i vanskelige samtaler med foresatte"},
			{"Samtalerommet har bare én dør, og det finnes ingen måte å tilkalle hjelp på.", "Samtalerom", "pedagogiske ledere", "Møblere om samtalerommet slik at den ansatte har fri vei ut"},
			{"Tiltakene fra forrige kartlegging er gjennomført.", "", "", ""},
		},
		combined:        "Risikoen er størst ved henting og i samtaler om bekymring, når få ansatte er til stede. Dette prioriteres først.",
		combinedMeasure: "To ansatte i samtaler om bekymring for et barn",
		group:           "pedagogiske ledere", contact: "alle med barne- og foreldrekontakt",
	},
	model.SectorTekniskDrift: {
		factors: [8]violenceVariant{
			{"Vaktmestere møter sinte leietakere ved oppdrag i kommunale boliger.", "Oppdrag i kommunale boliger", "vaktmestere", "Rutine for å avbryte oppdrag og melde fra ved trusler"},
			{"Risikoen er størst ved oppdrag på adresser med kjent konflikt og ved innkreving.", "Kjente adresser, innkreving", "vaktmestere og driftsoperatører", ""},
			{"Vaktmester og renholdere arbeider alene på kveld.", "Kveldsarbeid i tomme lokaler", "vaktmestere og renholdere", "Avtalt kontakt og mobil for alle som arbeider alene"},
			{"Vakt og utrykning om kvelden gjøres av én person.", "Vakt og utrykning", "ansatte på vakt", ""},
			{"Sommervikarer går alene på oppdrag.", "Ferier", "sommervikarer", "Sommervikarer går sammen med fast ansatt de første ukene"},
			{"Ikke alle har fått opplæring i å møte truende personer.", "Truende situasjoner", "nyansatte", "Kurs i konflikthåndtering for alle med oppdrag i boliger"},
			{"Ikke alle har mobil med alarmfunksjon.", "Utearbeid og boliger", "alle ansatte", "Alarmfunksjon på alle tjenestemobiler og test hver måned"},
			{"Tiltakene fra forrige kartlegging er gjennomført.", "", "", ""},
		},
		combined:        "Risikoen er størst der alenearbeid og oppdrag på kjente adresser faller sammen. Dette prioriteres først.",
		combinedMeasure: "Ingen alene på oppdrag til adresser med kjent konflikt",
		group:           "vaktmestere og driftsoperatører", contact: "alle som går på oppdrag",
	},
}

// violenceFor returns the mapping's text for the sector: care units and
// offices from violenceTexts, the others from violenceSectors.
func violenceFor(sector model.Sector) violenceSector {
	if v, ok := violenceSectors[sector]; ok {
		return v
	}
	care := sector == model.SectorSykehjem || sector == model.SectorHjemmetjeneste || sector == model.SectorHelseOmsorgAnnet
	var v violenceSector
	for i, t := range violenceTexts {
		if care {
			v.factors[i] = violenceVariant{t.care, t.situations, t.groups, t.measure}
		} else {
			v.factors[i] = violenceVariant{t.other, t.otherSits, t.otherGroups, t.otherMeasure}
		}
	}
	if care {
		v.combined = "Faktorene forsterker hverandre på kveld og natt: alenearbeid, lav bemanning og vikarer uten opplæring i de samme timene. Dette prioriteres først."
		v.combinedMeasure = "Ingen alene med kjent utagerende bruker på kveld og natt"
		v.group, v.contact = "nattevakter og kveldsvakter", "alle i direkte brukerkontakt"
		return v
	}
	v.combined = "Risikoen er størst der avslag, alenearbeid og manglende skjerming faller sammen. Dette prioriteres først."
	v.combinedMeasure = "Ingen alene i samtaler med besøkende som har truet tidligere"
	v.group, v.contact = "ansatte i publikumsmottaket", "alle med publikumskontakt"
	return v
}

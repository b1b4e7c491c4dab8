package demo

import "hmsutvalg/model"

// Texts for the generated action plan and risk assessments. Responsible
// parties are roles, never names (only committee members are named), and
// exposed groups are groups.

// measureTemplate is one kind of measure in the action plan.
type measureTemplate struct {
	title       string
	description string
	area        model.PriorityArea
	topic       model.HMSCategory // "" = none
	responsible string
}

// fix is a measure that reduces the risk of a hazard.
type fix struct {
	title, responsible string
}

// hazardTemplate is one hazard with its typical rating on the 5×5 matrix.
type hazardTemplate struct {
	hazard, event     string
	category          model.HMSCategory
	exposed, existing string
	p, c              int
	fixes             []fix
}

// sectorData is what differs between kinds of unit.
type sectorData struct {
	measures []measureTemplate
	hazards  []hazardTemplate
	// change is the reorganisation assessed before it happens.
	changeTitle, changeArea string
	// others take part in risk assessments besides committee members.
	others []string
}

const (
	roleLeader = "Leder"
	roleTrio   = "Leder, verneombud og tillitsvalgt"
	roleBHT    = "BHT"
	roleLV     = "Leder og verneombud"
	roleLBHT   = "Leder og BHT"
	roleVO     = "Verneombud"
)

// commonMeasures follow the county's IA action plan 2021–2024 (activities
// for the workplace, with the trio of leader, safety representative and
// union representative), in the four priority areas of the municipal
// strategy.
var commonMeasures = []measureTemplate{
	{"Opplæring i IA-arbeid for leder, verneombud og tillitsvalgt", "Gjennomgå den oppdaterte opplæringen i IA-arbeid sammen, slik IA-handlingsplanen legger opp til.",
		model.AreaLeadership, "", roleTrio},
	{"Gjennomgå arbeidsmiljøundersøkelsen og oppdater HMS-planen", "Gå gjennom resultatene i personalmøte og legg forebyggende arbeidsmiljøtiltak inn i handlingsplanen.",
		model.AreaLeadership, model.CategoryPsychosocial, roleTrio},
	{"Kvalitetssikre registreringen av sykefravær og nøkkeltall", "Kontrollere at fravær registreres riktig, slik at nøkkeltallene for IA-arbeidet stemmer.",
		model.AreaLeadership, "", roleLeader},
	{"Gjennomføre medarbeidersamtaler med alle ansatte", "Bruk kommunens mal; ta opp arbeidsmengde, trivsel og kompetansebehov.",
		model.AreaLeadership, model.CategoryPsychosocial, roleLeader},
	{"Revidere rutinen for sykefraværsoppfølging i enheten", "Tilpasse kommunens retningslinjer til enhetens turnus og gjøre rutinen kjent for alle.",
		model.AreaLeadership, "", roleLeader},
	{"Gjennomføre 10-FAKTOR og følge opp innsatsområdet", "Velge ett bevaringsområde og minst ett innsatsområde, med tiltak, ansvarlig og frist.",
		model.AreaHealthPromotion, model.CategoryPsychosocial, roleTrio},
	{"Tilby kurs i stressmestring", "Kurs over tre samlinger i samarbeid med bedriftshelsetjenesten.",
		model.AreaHealthPromotion, model.CategoryPsychosocial, roleBHT},
	{"Aktivitetskampanje for alle ansatte", "Trim i arbeidstiden to ganger i uka og felles skritt-konkurranse.",
		model.AreaHealthPromotion, "", roleVO},
	{"Sosial samling for alle ansatte", "Felles samling for alle vaktlag og avdelinger.",
		model.AreaHealthPromotion, model.CategoryPsychosocial, roleLeader},
	{"Opplegg for forebygging av muskel- og skjelettplager", "Bedriftshelsetjenesten kartlegger arbeidsstillinger og gir råd og opplæring på arbeidsplassen.",
		model.AreaPreventiveAbsence, model.CategoryErgonomics, roleBHT},
	{"Opplæring i håndtering av vold og trusler", "Grunnkurs for nyansatte og oppfriskning for alle, med øvelse på rutinen for varsling og oppfølging.",
		model.AreaPreventiveAbsence, model.CategoryViolence, roleLBHT},
	{"Kartlegge risiko for diskriminering og hindre for likestilling", "Kartlegging etter likestillings- og diskrimineringsloven § 26, med plan for oppfølging.",
		model.AreaPreventiveAbsence, model.CategoryPsychosocial, roleLeader},
	{"Gjennomføre vernerunde og følge opp funnene", "Formøte, runde med sjekkliste og avslutningsmøte med tiltak, ansvarlig og frist.",
		model.AreaPreventiveAbsence, "", roleLV},
	{"Følge opp grupper med over 7 % fravær to kvartaler på rad", "Gjennomgå fraværet i gruppen og sette inn tiltak sammen med verneombud og tillitsvalgt.",
		model.AreaFollowUpAbsence, "", roleTrio},
	{"Sikre oppfølgingsplaner for alle med over fire ukers fravær", "Oppfølgingsplan utarbeides sammen med den sykmeldte og sendes til NAV og fastlege innen fristen.",
		model.AreaFollowUpAbsence, "", roleLeader},
	{"Identifisere og følge opp hyppig korttidsfravær over 7 %", "Samtale og oppfølgingsplan for alle med gjentatt korttidsfravær.",
		model.AreaFollowUpAbsence, "", roleLeader},
	{"Følge opp grupper med over 10 % fravær ett kvartal sammen med BHT", "Bedriftshelsetjenesten kartlegger arbeidsmiljøet i gruppen og foreslår tiltak.",
		model.AreaFollowUpAbsence, model.CategoryPsychosocial, roleLBHT},
	{"Sikre oppfølgingsplaner og tiltak for alle på AAP", "Status, tiltak og iverksetting for alle ansatte på arbeidsavklaringspenger.",
		model.AreaFollowUpAbsence, "", roleLeader},
	{"Trekke inn bistand fra NAV arbeidslivssenter og BHT ved behov", "Ta kontakt tidlig i saker der tilrettelegging på arbeidsplassen ikke er nok.",
		model.AreaFollowUpAbsence, "", roleLeader},
	{"Tilrettelegge for arbeidsutprøving etter kommunens retningslinjer", "Finne egnede arbeidsoppgaver for arbeidsutprøving i enheten.",
		model.AreaFollowUpAbsence, "", roleLeader},
}

var evaluationNotes = []string{
	"Gjennomført som planlagt. Tilbakemeldingene i personalmøtet var gode.",
	"God effekt: fraværet i gruppen gikk ned fra %s til %s kvartalet etter.",
	"Delvis effekt. Tiltaket videreføres i neste års HMS-plan.",
	"Evaluert i AMU; tiltaket er nå en del av de faste rutinene.",
	"Ansatte sier i vernerunden at tiltaket har gjort hverdagen enklere.",
	"Liten effekt så langt. Nytt tiltak er lagt inn i handlingsplanen.",
}

var rejectReasons = []string{
	"Dekkes av kommunens felles kurstilbud fra BHT.",
	"Ikke rom i budsjettet i år. Vurderes på nytt når planen rulleres.",
	"Erstattet av et tiltak fra risikovurderingen.",
	"Utvalget mener tiltaket ikke treffer problemet; se nytt tiltak.",
}

var postponeReasons = []string{
	"Leveransen av utstyret er forsinket.",
	"BHT har flyttet kurset til neste halvår.",
	"Avventer omorganiseringen som er under vurdering.",
}

// changeHazards are assessed before every reorganisation
// (konsekvensvurdering før endringsprosess).
var changeHazards = []hazardTemplate{
	{"Uklare roller og ansvar i den nye organiseringen", "Konflikter og usikkerhet i personalgruppen", model.CategoryPsychosocial,
		"Alle ansatte i de berørte avdelingene", "Informasjonsmøter", 4, 3,
		[]fix{{"Avklare roller og ansvar i den nye organiseringen og informere alle ansatte", roleLeader}}},
	{"Ny turnus etter omorganiseringen", "Flere vakter på rad og mindre hviletid", model.CategoryPsychosocial,
		"Turnusansatte", "Turnus drøftes med tillitsvalgt", 3, 3,
		[]fix{{"Drøfte ny turnus med tillitsvalgt og verneombud før den tas i bruk", "Leder og tillitsvalgt"}}},
	{"Økt arbeidsbelastning i overgangsperioden", "Slitasje og økt sykefravær", model.CategoryPsychosocial,
		"Alle ansatte", "", 4, 3,
		[]fix{{"Ekstra bemanning de første seks ukene etter endringen", roleLeader}}},
	{"Usikkerhet om egen arbeidsplass", "Stress og dårligere trivsel", model.CategoryPsychosocial,
		"Alle ansatte", "Ingen blir overtallige", 3, 2,
		[]fix{{"Samtale med alle berørte ansatte før endringen", roleLeader}}},
	{"Nye lokaler og lengre avstander", "Mer gåing, tidspress og belastning", model.CategoryErgonomics,
		"Ansatte med mye forflytning mellom rom", "", 2, 2,
		[]fix{{"Gå gjennom de nye lokalene med verneombud før innflytting", roleLV}}},
	{"Erfarne ansatte slutter", "Tap av kompetanse og mer press på de som blir igjen", model.CategoryPsychosocial,
		"Alle ansatte", "", 2, 3,
		[]fix{{"Kartlegge kompetanse og lage opplæringsplan for den nye enheten", roleLeader}}},
}

var sectors = map[model.Sector]sectorData{
	model.SectorSykehjem: {
		measures: []measureTemplate{
			{"Opplæring i forflytningsteknikk for alle pleiere", "Praktisk opplæring med ergoterapeut; nyansatte får opplæring første uke.", model.AreaPreventiveAbsence, model.CategoryErgonomics, "Leder og ergoterapeut"},
			{"Månedlig test av personalalarmer", "Teste alle bærbare alarmer og loggføre resultatet.", model.AreaPreventiveAbsence, model.CategoryViolence, roleVO},
			{"Rutine for alenearbeid på natt", "Fast innsjekk mellom nattevaktene og tilkalling av hjelp ved uro.", model.AreaPreventiveAbsence, model.CategoryViolence, roleLV},
			{"Tilby influensavaksine til ansatte", "", model.AreaHealthPromotion, model.CategoryPhysical, roleLeader},
			{"Brannøvelse med evakuering av beboere", "Øvelse på kveld med redusert bemanning.", model.AreaPreventiveAbsence, model.CategoryAccidentsFire, roleLeader},
			{"Kurs i håndtering av utagerende atferd på skjermet avdeling", "", model.AreaPreventiveAbsence, model.CategoryViolence, roleBHT},
			{"Faste refleksjonsmøter etter krevende hendelser", "Kollegastøtte etter vold, dødsfall og andre belastende situasjoner.", model.AreaHealthPromotion, model.CategoryPsychosocial, roleLeader},
		},
		hazards: []hazardTemplate{
			{"Forflytning av beboere", "Belastningsskade i rygg og skuldre", model.CategoryErgonomics, "Pleiere", "Takheis på noen rom, glidematter", 4, 3,
				[]fix{{"Takheis på alle rom på avdelingen", roleLeader}, {"Oppfriskningskurs i forflytningsteknikk", "Ergoterapeut"}}},
			{"Stikkskader ved injeksjoner og blodprøver", "Smitte av blodbårne sykdommer", model.CategoryPhysical, "Sykepleiere og helsefagarbeidere", "Kanylebokser på medisinrommet", 3, 3,
				[]fix{{"Ta i bruk kanyler med stikkbeskyttelse", roleLeader}}},
			{"Utagerende beboer på skjermet avdeling", "Slag, spark eller klyp mot ansatte", model.CategoryViolence, "Ansatte på skjermet avdeling", "Personalalarm, tiltaksplan for beboeren", 4, 3,
				[]fix{{"Kurs i håndtering av utagerende atferd", roleBHT}, {"Alltid to ansatte ved stell av urolige beboere", roleLeader}}},
			{"Alenearbeid på natt", "Ansatt blir skadet eller syk uten at noen merker det", model.CategoryViolence, "Nattevakter", "Telefon og personalalarm", 3, 4,
				[]fix{{"Fast innsjekk mellom nattevaktene hver time", roleLeader}}},
			{"Kjemikalier i renhold", "Hudeksem og etseskader", model.CategoryPhysical, "Renholdere", "Sikkerhetsdatablader, hansker", 3, 2,
				[]fix{{"Bytte til mildere renholdsmidler og oppdatere stoffkartoteket", "Leder renhold"}}},
			{"Brann på kjøkkenet", "Brannskader, røykforgiftning og evakuering av beboere", model.CategoryAccidentsFire, "Kjøkkenansatte, beboere og ansatte", "Komfyrvakt og slukkeutstyr", 2, 5,
				[]fix{{"Opplæring i bruk av brannteppe og slukkeutstyr for kjøkkenet", roleLeader}}},
			{"Tunge løft i vaskeriet", "Belastningsskader", model.CategoryErgonomics, "Ansatte i vaskeriet", "Tralle for skittentøy", 3, 2,
				[]fix{{"Hev/senk-bord ved sortering av tøy", roleLeader}}},
			{"Høyt arbeidspress og lav bemanning i helgene", "Utbrenthet og sykefravær", model.CategoryPsychosocial, "Alle ansatte i turnus", "Vikarliste", 4, 3,
				[]fix{{"Gjennomgå bemanningsplanen for helg med tillitsvalgt", roleLeader}}},
			{"Våte gulv på bad", "Fall og bruddskader", model.CategoryAccidentsFire, "Pleiere", "Sklisikre matter", 3, 3,
				[]fix{{"Sko med sklisikker såle til alle pleiere", roleLeader}}},
			{"Smitte ved utbrudd av influensa og norovirus", "Sykdom og høyt fravær", model.CategoryPhysical, "Alle ansatte", "Smittevernrutiner", 3, 3,
				[]fix{{"Oppfriske rutinen for smittevern og håndhygiene", "Fagsykepleier"}}},
		},
		changeTitle: "Sammenslåing av avdeling 1 og 2",
		changeArea:  "Avdeling 1 (skjermet) og avdeling 2 (langtid)",
		others:      []string{"BHT-rådgiver", "Fagsykepleier", "Representant for nattevaktene"},
	},
	model.SectorHjemmetjeneste: {
		measures: []measureTemplate{
			{"Kurs i vinterkjøring for alle som kjører tjenestebil", "", model.AreaPreventiveAbsence, model.CategoryAccidentsFire, roleLeader},
			{"Brodder til alle ansatte", "", model.AreaPreventiveAbsence, model.CategoryAccidentsFire, roleLeader},
			{"Mobil trygghetsalarm med posisjon for kveld og natt", "", model.AreaPreventiveAbsence, model.CategoryViolence, roleLV},
			{"Gjennomgå kjørelister og tidsbruk per bruker", "", model.AreaLeadership, model.CategoryPsychosocial, roleTrio},
			{"Rutine for risikovurdering av nye brukeres hjem", "Vurdere brannfare, dyr, atkomst og behov for hjelpemidler før første besøk.", model.AreaPreventiveAbsence, "", roleLV},
			{"Felles lunsj en gang i uka for alle turnusgrupper", "", model.AreaHealthPromotion, model.CategoryPsychosocial, roleLeader},
		},
		hazards: []hazardTemplate{
			{"Bilkjøring mellom brukere på vinterføre", "Trafikkulykke", model.CategoryAccidentsFire, "Ansatte som kjører tjenestebil", "Vinterdekk", 3, 4,
				[]fix{{"Kurs i vinterkjøring", roleLeader}}},
			{"Alenearbeid i brukers hjem", "Trusler eller vold uten mulighet for å tilkalle hjelp", model.CategoryViolence, "Ansatte på kveld og natt", "Mobiltelefon", 3, 4,
				[]fix{{"Mobil trygghetsalarm med posisjon", roleLeader}}},
			{"Stell i lav seng hjemme hos bruker", "Belastningsskader i rygg", model.CategoryErgonomics, "Helsefagarbeidere", "", 4, 3,
				[]fix{{"Kartlegge behov for hjelpemidler hos brukerne", "Ergoterapeut"}}},
			{"Hund eller andre dyr hos bruker", "Bitt eller allergisk reaksjon", model.CategoryPhysical, "Alle som går hjem til brukere", "", 2, 2,
				[]fix{{"Be brukerne holde dyr i eget rom under besøk", roleLeader}}},
			{"Røyking og brannfare hos bruker", "Brann under besøk", model.CategoryAccidentsFire, "Ansatte hos røykende brukere", "", 2, 4,
				[]fix{{"Rutine for å melde brannfare hos bruker til brannvesenet", roleLeader}}},
			{"Stikkskader ved insulininjeksjon", "Smitte av blodbårne sykdommer", model.CategoryPhysical, "Sykepleiere", "Kanylebokser i bilene", 3, 3,
				[]fix{{"Kanyler med stikkbeskyttelse", roleLeader}}},
			{"Tidspress og mange brukere per vakt", "Stress og feil", model.CategoryPsychosocial, "Alle ansatte", "", 4, 3,
				[]fix{{"Gjennomgå kjørelister med tillitsvalgt", roleLeader}}},
			{"Glatte trapper og innkjørsler", "Fall og bruddskader", model.CategoryAccidentsFire, "Alle som går hjem til brukere", "", 4, 2,
				[]fix{{"Brodder til alle ansatte", roleLeader}}},
		},
		changeTitle: "Omlegging til langvakter i helgene",
		changeArea:  "Hele tjenesten",
		others:      []string{"BHT-rådgiver", "Koordinator", "Representant for kveldsvaktene"},
	},
	model.SectorSkole: {
		measures: []measureTemplate{
			{"Rutine for håndtering av vold og trusler fra elever", "", model.AreaPreventiveAbsence, model.CategoryViolence, roleLV},
			{"Måle CO₂ i alle klasserom", "Melde avvik til eiendomsavdelingen.", model.AreaPreventiveAbsence, model.CategoryPhysical, roleVO},
			{"Plan for fordeling av vurderingsarbeid gjennom året", "", model.AreaLeadership, model.CategoryPsychosocial, roleTrio},
			{"Øvelse på beredskapsplanen for alvorlige hendelser", "", model.AreaPreventiveAbsence, model.CategoryAccidentsFire, roleLeader},
			{"Sosial samling for personalet ved skolestart", "", model.AreaHealthPromotion, model.CategoryPsychosocial, roleLeader},
			{"Lyddemping i SFO-lokalet", "", model.AreaPreventiveAbsence, model.CategoryPhysical, roleLeader},
		},
		hazards: []hazardTemplate{
			{"Elever med utagerende atferd", "Slag, spark og trusler mot ansatte", model.CategoryViolence, "Lærere og assistenter", "Tiltaksplaner for enkeltelever", 4, 3,
				[]fix{{"Kurs i håndtering av vold og trusler for alle ansatte", roleLBHT}}},
			{"Dårlig inneklima i klasserommene", "Hodepine og konsentrasjonsvansker", model.CategoryPhysical, "Lærere og elever", "Lufting i friminuttene", 4, 2,
				[]fix{{"Måle CO₂ og melde avvik til eiendom", roleVO}}},
			{"Støy i SFO og gymsal", "Hørselsplager og slitenhet", model.CategoryPhysical, "SFO-ansatte og kroppsøvingslærere", "", 4, 2,
				[]fix{{"Lydabsorbenter i SFO-lokalet", roleLeader}}},
			{"Høy arbeidsbelastning i vurderingsperioder", "Stress og sykefravær", model.CategoryPsychosocial, "Lærere", "", 4, 3,
				[]fix{{"Fordele vurderingsarbeidet jevnere gjennom året", roleLeader}}},
			{"Is og snø i skolegården", "Fall og bruddskader", model.CategoryAccidentsFire, "Inspiserende ansatte", "Strøing ved behov", 3, 3,
				[]fix{{"Fast avtale om strøing før skolestart", "Vaktmester"}}},
			{"Kjemikalier på naturfagrommet", "Etseskader", model.CategoryPhysical, "Naturfaglærere", "Avtrekksskap", 2, 3,
				[]fix{{"Oppdatere stoffkartoteket", "Naturfaglærer"}}},
			{"Krevende foreldresamtaler", "Trusler og psykisk belastning", model.CategoryViolence, "Kontaktlærere", "", 2, 3,
				[]fix{{"To ansatte i samtaler der det er fare for konflikt", roleLeader}}},
			{"Brann i skolebygget", "Personskader ved evakuering", model.CategoryAccidentsFire, "Alle ansatte og elever", "Brannalarm og årlige øvelser", 1, 5,
				[]fix{{"Ekstra brannøvelse for SFO", roleLeader}}},
		},
		changeTitle: "Ny teamorganisering på 5.–7. trinn",
		changeArea:  "5.–7. trinn",
		others:      []string{"BHT-rådgiver", "Teamleder", "Representant for assistentene"},
	},
	model.SectorBarnehage: {
		measures: []measureTemplate{
			{"Voksenstoler og stellebord med hev/senk på alle avdelinger", "", model.AreaPreventiveAbsence, model.CategoryErgonomics, roleLeader},
			{"Lydabsorbenter i lekerommene", "", model.AreaPreventiveAbsence, model.CategoryPhysical, roleLeader},
			{"Oppfriske rutinen for smittevern og håndhygiene", "", model.AreaPreventiveAbsence, model.CategoryPhysical, "Pedagogisk leder"},
			{"Opplæring i løfteteknikk", "", model.AreaPreventiveAbsence, model.CategoryErgonomics, roleBHT},
			{"Brannøvelse med barna", "", model.AreaPreventiveAbsence, model.CategoryAccidentsFire, roleLeader},
			{"Fast planleggingstid for pedagogene", "", model.AreaLeadership, model.CategoryPsychosocial, roleLeader},
		},
		hazards: []hazardTemplate{
			{"Løft av barn og arbeid i lav høyde", "Belastningsskader i rygg og knær", model.CategoryErgonomics, "Pedagoger og fagarbeidere", "Stellebord med trapp", 5, 3,
				[]fix{{"Voksenstoler med hjul til alle avdelinger", roleLeader}, {"Opplæring i løfteteknikk", roleBHT}}},
			{"Høyt støynivå i lek og måltider", "Hørselsplager, hodepine og slitenhet", model.CategoryPhysical, "Alle ansatte", "", 4, 2,
				[]fix{{"Lydabsorbenter i taket i lekerommene", roleLeader}}},
			{"Smitte fra barn", "Omgangssyke og luftveisinfeksjoner", model.CategoryPhysical, "Alle ansatte", "Håndvask", 5, 2,
				[]fix{{"Oppfriske rutinen for håndhygiene", "Pedagogisk leder"}}},
			{"Lav bemanning ved sykefravær", "Stress og utbrenthet", model.CategoryPsychosocial, "Pedagoger", "", 4, 3,
				[]fix{{"Fast vikarpool sammen med nabobarnehagen", roleLeader}}},
			{"Utelek på glatt underlag", "Fall", model.CategoryAccidentsFire, "Alle ansatte", "", 3, 2,
				[]fix{{"Strø og måke før utelek", "Vaktmester"}}},
			{"Bitt og slag fra barn", "Småskader og belastning", model.CategoryViolence, "Ansatte på småbarnsavdelingen", "", 3, 1,
				[]fix{{"Drøfte håndtering av utfordrende atferd på personalmøte", "Pedagogisk leder"}}},
			{"Brann på kjøkkenet", "Brannskader og evakuering av barn", model.CategoryAccidentsFire, "Kjøkkenansatte, barn og ansatte", "Komfyrvakt", 2, 5,
				[]fix{{"Brannøvelse med barna", roleLeader}}},
			{"Krevende samarbeid med foreldre", "Konflikter og psykisk belastning", model.CategoryPsychosocial, "Pedagogiske ledere", "", 2, 3,
				[]fix{{"Veiledning i vanskelige samtaler", roleBHT}}},
		},
		changeTitle: "Sammenslåing av småbarns- og storbarnsavdelingen",
		changeArea:  "Småbarnsavdeling og storbarnsavdeling",
		others:      []string{"BHT-rådgiver", "Pedagogisk leder"},
	},
	model.SectorTekniskDrift: {
		measures: []measureTemplate{
			{"Kurs i sikker bruk av arbeidsutstyr", "", model.AreaPreventiveAbsence, model.CategoryAccidentsFire, roleLeader},
			{"Oppdatere stoffkartoteket", "", model.AreaPreventiveAbsence, model.CategoryPhysical, "Leder renhold"},
			{"Vernesko og verneutstyr til alle", "", model.AreaPreventiveAbsence, model.CategoryAccidentsFire, roleLeader},
			{"Rutine for arbeid i høyden", "", model.AreaPreventiveAbsence, model.CategoryAccidentsFire, roleLV},
			{"Kurs i arbeidsvarsling", "", model.AreaPreventiveAbsence, model.CategoryAccidentsFire, roleLeader},
			{"Hørselstest for ansatte i verkstedet", "", model.AreaHealthPromotion, model.CategoryPhysical, roleBHT},
		},
		hazards: []hazardTemplate{
			{"Arbeid i høyden med stige og lift", "Fall fra høyde", model.CategoryAccidentsFire, "Vaktmestere", "Regler for bruk av stige", 3, 5,
				[]fix{{"Kurs i sikker bruk av lift og stige", roleLeader}}},
			{"Kjemikalier i renhold", "Hudeksem og etseskader", model.CategoryPhysical, "Renholdere", "Hansker", 4, 2,
				[]fix{{"Bytte til mildere renholdsmidler", "Leder renhold"}}},
			{"Støy og vibrasjoner fra verktøy", "Hørselsskade og hvite fingre", model.CategoryPhysical, "Ansatte i verksted og park", "Hørselsvern", 4, 3,
				[]fix{{"Vibrasjonsmåling av håndverktøy", roleBHT}}},
			{"Tunge løft ved flytting av inventar", "Belastningsskader", model.CategoryErgonomics, "Vaktmestere", "", 4, 3,
				[]fix{{"Trappetralle og løfteutstyr", roleLeader}}},
			{"Alenearbeid ved tilsyn om kvelden", "Trusler eller skade uten at noen vet det", model.CategoryViolence, "Vaktmestere på tilsyn", "", 2, 4,
				[]fix{{"Innsjekk via mobil ved alenearbeid", roleLeader}}},
			{"Arbeid langs vei med trafikk", "Påkjørsel", model.CategoryAccidentsFire, "Ansatte i vei og park", "Varselklær", 3, 5,
				[]fix{{"Kurs i arbeidsvarsling", roleLeader}}},
			{"Ensformig renholdsarbeid", "Muskel- og skjelettplager", model.CategoryErgonomics, "Renholdere", "", 5, 2,
				[]fix{{"Jobbrotasjon og ergonomisk opplæring", roleBHT}}},
			{"Smitte i sanitæranlegg", "Infeksjon", model.CategoryPhysical, "Renholdere", "Hansker", 2, 2,
				[]fix{{"Vaksinasjonstilbud mot hepatitt", roleBHT}}},
		},
		changeTitle: "Sammenslåing av vaktmester- og renholdstjenesten",
		changeArea:  "Vaktmestere og renhold",
		others:      []string{"BHT-rådgiver", "Formann"},
	},
	model.SectorKontor: {
		measures: []measureTemplate{
			{"Ergonomisk gjennomgang av alle arbeidsplasser", "", model.AreaPreventiveAbsence, model.CategoryErgonomics, roleBHT},
			{"Rutine for truende publikum i skranken", "", model.AreaPreventiveAbsence, model.CategoryViolence, roleLV},
			{"Alarmknapp i publikumsmottaket", "", model.AreaPreventiveAbsence, model.CategoryViolence, roleLeader},
			{"Kurs i konflikthåndtering", "", model.AreaPreventiveAbsence, model.CategoryViolence, roleBHT},
			{"Fast pausetrim to ganger i uka", "", model.AreaHealthPromotion, model.CategoryErgonomics, roleVO},
			{"Jevnere fordeling av saker foran frister", "", model.AreaLeadership, model.CategoryPsychosocial, roleLeader},
		},
		hazards: []hazardTemplate{
			{"Truende publikum i skranken", "Trusler og vold mot ansatte", model.CategoryViolence, "Ansatte i publikumsmottaket", "Skranke med glass", 3, 3,
				[]fix{{"Alarmknapp ved alle skranker", roleLeader}}},
			{"Stillesittende skjermarbeid", "Nakke- og skuldersmerter", model.CategoryErgonomics, "Saksbehandlere", "Hev/senk-pulter", 5, 2,
				[]fix{{"Ergonomisk gjennomgang med BHT", roleBHT}}},
			{"Høyt arbeidspress ved frister", "Stress og sykefravær", model.CategoryPsychosocial, "Saksbehandlere", "", 4, 3,
				[]fix{{"Kartlegge arbeidsmengden og fordele saker jevnere", roleLeader}}},
			{"Dårlig inneklima", "Hodepine og tretthet", model.CategoryPhysical, "Alle ansatte", "", 3, 2,
				[]fix{{"Måle inneklimaet og melde til eiendom", roleVO}}},
			{"Trakassering i sosiale medier", "Psykisk belastning", model.CategoryViolence, "Ansatte med publikumskontakt", "", 2, 3,
				[]fix{{"Rutine for oppfølging av netthets", roleLeader}}},
			{"Brann i kontorbygget", "Personskader ved evakuering", model.CategoryAccidentsFire, "Alle ansatte", "Brannalarm", 1, 5,
				[]fix{{"Årlig brannøvelse", roleLeader}}},
			{"Uklare forventninger etter digitalisering", "Stress og feil", model.CategoryPsychosocial, "Saksbehandlere", "", 3, 2,
				[]fix{{"Opplæring i nye fagsystemer", roleLeader}}},
			{"Glatt inngangsparti", "Fall", model.CategoryAccidentsFire, "Ansatte og publikum", "", 2, 3,
				[]fix{{"Varmekabler i inngangspartiet", "Eiendom"}}},
		},
		changeTitle: "Flytting til åpent kontorlandskap",
		changeArea:  "Saksbehandling",
		others:      []string{"BHT-rådgiver", "Seksjonsleder"},
	},
}

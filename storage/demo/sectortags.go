package demo

import (
	"slices"
	"strings"

	"hmsutvalg/model"
)

// Texts meant for some kinds of unit only are tagged with the sectors they
// fit, so a school never gets a nursing home's measures (sectorTexts lists
// them all for the test).

var (
	// careSectors give personal care (stell, forflytning, kanyler).
	careSectors = []model.Sector{model.SectorSykehjem, model.SectorHjemmetjeneste, model.SectorHelseOmsorgAnnet}
	// shiftSectors work in shifts round the clock (vakt, vaktskifte, hviletid).
	shiftSectors = careSectors
	// daySectors are open on working days only: their deviations happen then.
	daySectors = []model.Sector{model.SectorSkole, model.SectorBarnehage, model.SectorKontor}
	// laundrySectors wash and dry linen on site.
	laundrySectors = []model.Sector{model.SectorSykehjem, model.SectorHelseOmsorgAnnet, model.SectorBarnehage, model.SectorTekniskDrift}
)

// fits reports whether a text tagged with only fits the sector; nil fits all.
func fits(only []model.Sector, sector model.Sector) bool {
	return only == nil || slices.Contains(only, sector)
}

// sectorTopic is what the committee's risk work of each kind of unit is
// mostly about, as meeting notes and decisions name it.
var sectorTopic = map[model.Sector][2]string{ // risk assessment, training
	model.SectorSykehjem:         {"forflytning", "forflytning"},
	model.SectorHjemmetjeneste:   {"kjøring og alenearbeid", "forflytning i brukers hjem"},
	model.SectorHelseOmsorgAnnet: {"forflytning", "forflytning"},
	model.SectorSkole:            {"vold og trusler fra elever", "håndtering av utagerende elever"},
	model.SectorBarnehage:        {"løft og arbeidsstillinger", "løfteteknikk"},
	model.SectorTekniskDrift:     {"arbeid i høyden", "sikker bruk av lift og stige"},
	model.SectorKontor:           {"skjermarbeid", "konflikthåndtering i skranken"},
}

// topicOf returns the sector's topics, with the office's for a sector
// without its own.
func topicOf(sector model.Sector) [2]string {
	if t, ok := sectorTopic[sector]; ok {
		return t
	}
	return sectorTopic[model.SectorKontor]
}

// sectorTexts maps every text meant for some sectors only to the sectors
// it fits (the union when several pools hold it).
func sectorTexts() map[string][]model.Sector {
	out := map[string][]model.Sector{}
	add := func(text string, ss ...model.Sector) {
		if strings.Contains(text, "{") {
			for _, w := range devClient {
				add1(out, devFillClient(text, w), ss)
			}
			return
		}
		add1(out, text, ss)
	}
	for s, d := range sectors {
		for _, m := range d.measures {
			add(m.title, s)
		}
		for _, h := range d.hazards {
			add(h.hazard, s)
			for _, f := range h.fixes {
				add(f.title, s)
			}
		}
		add(d.changeTitle, s)
	}
	for _, ts := range devTemplates {
		for _, t := range ts {
			add(t.what, t.only...)
			add(t.measure, t.only...)
		}
	}
	for s, m := range twoStaff {
		add(m, s)
	}
	for _, s := range []model.Sector{model.SectorSykehjem, model.SectorKontor, model.SectorSkole, model.SectorBarnehage, model.SectorTekniskDrift} {
		v := violenceFor(s)
		tagged := []model.Sector{s}
		if s == model.SectorSykehjem {
			tagged = careSectors
		}
		for _, f := range v.factors {
			add(f.answer, tagged...)
			add(f.measure, tagged...)
		}
		add(v.combined, tagged...)
		add(v.combinedMeasure, tagged...)
	}
	for s, t := range sectorTopic {
		add(riskNote(t), s)
		add(trainingDecision(t), s)
	}
	return out
}

func add1(out map[string][]model.Sector, text string, ss []model.Sector) {
	for _, s := range ss {
		if text != "" && !slices.Contains(out[text], s) {
			out[text] = append(out[text], s)
		}
	}
}

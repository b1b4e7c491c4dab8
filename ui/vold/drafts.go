package vold

import (
	"fyne.io/fyne/v2/lang"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

// The page's free text is kept as a draft while it is not saved
// (unsaved.Drafter): each factor's answer, situations, groups and notes
// and the combined assessment, the note of an information occasion not
// yet registered, and the note of the training in the editor.

// Focus filters that open the mapping and the routines tab (the training
// tab is "opplaering").
const (
	filterMapping  = "kartlegging"
	filterRoutines = "rutiner"
	filterTraining = "opplaering"
)

// draftText is one free text of the page: as the form holds it, as
// stored, and how to put a draft's text back.
type draftText struct {
	label, text, stored, filter string
	set                         func(string)
}

// draftTexts are the page's free texts; the mapping's are read from its
// working copy, so the factors not on screen are kept too.
func (s *Screen) draftTexts() []draftText {
	v := s.Mapping
	v.readStep()
	var out []draftText
	for i := range steps() {
		f := stepFactor(i)
		name := lang.L(f.Numbered())
		if f == model.FactorCombined {
			out = append(out, draftText{name, v.m.Combined.Assessment, v.stored.Combined.Assessment, filterMapping,
				func(t string) { v.m.Combined.Assessment = t }})
			continue
		}
		cur, _ := v.m.Factor(f)
		old, _ := v.stored.Factor(f)
		field := func(label string, text func(*model.FactorAssessment) *string) {
			out = append(out, draftText{name + ": " + label, *text(&cur), *text(&old), filterMapping, func(t string) {
				a, _ := v.m.Factor(f)
				a.Factor = f
				*text(&a) = t
				v.m = v.m.WithFactor(a)
			}})
		}
		field(lang.L("Utvalgets svar"), func(a *model.FactorAssessment) *string { return &a.Answer })
		field(lang.L("Situasjoner der ansatte kan bli utsatt"), func(a *model.FactorAssessment) *string { return &a.Situations })
		field(lang.L(model.FieldGroups), func(a *model.FactorAssessment) *string { return &a.Groups })
		field(lang.L("Merknader"), func(a *model.FactorAssessment) *string { return &a.Notes })
	}
	r, tr := s.Routines, s.Training
	return append(out,
		draftText{lang.L("Informasjon gitt") + ": " + lang.L("Merknad"), r.InfoNotes.Text, "", filterRoutines, r.InfoNotes.SetText},
		draftText{lang.L("Opplæring") + ": " + lang.L("Merknad"), tr.Notes.Text, tr.current.Notes, filterTraining, tr.Notes.SetText})
}

// Draft is the page's changed free text (unsaved.Drafter). Its ID is the
// training in the editor, whose note it may hold; its filter opens the
// tab of the first changed text.
func (s *Screen) Draft() (storage.Draft, bool) {
	d := storage.Draft{Page: PageID, ID: s.Training.current.ID, Title: lang.L("Vold og trusler")}
	for _, t := range s.draftTexts() {
		if t.text == t.stored {
			continue
		}
		if d.Filter == "" {
			d.Filter = t.filter
		}
		d.Fields = append(d.Fields, storage.DraftField{Label: t.label, Text: t.text})
	}
	return d, len(d.Fields) > 0
}

// RestoreDraft puts a draft's text back, opening the training it names in
// the editor first; false when that training is gone or no text fits.
func (s *Screen) RestoreDraft(d storage.Draft) bool {
	tr := s.Training
	if d.ID != tr.current.ID {
		i := -1
		for j, t := range tr.shown {
			if t.ID == d.ID {
				i = j
			}
		}
		if i < 0 {
			return false
		}
		tr.Edit(tr.shown[i])
	}
	n := 0
	texts := s.draftTexts()
	for _, f := range d.Fields {
		for _, t := range texts {
			if t.label == f.Label {
				t.set(f.Text)
				n++
			}
		}
	}
	s.Mapping.showStep() // the working copy's text into the step on screen
	return n > 0
}

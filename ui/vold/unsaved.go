package vold

import (
	"fmt"
	"strings"

	"hmsutvalg/model"
)

// The violence page holds two forms that keep typed text until «Lagre»:
// the mapping (all eight factors and the combined assessment) and the
// routines, and the training editor. Leaving the page with any of them
// changed asks «Lagre endringene?» (see package unsaved). The incidents
// tab only lists deviations (they are edited in the register).

// snapshot is the mapping as the form holds it, with the date texts as
// typed (a date that does not parse still counts as a change).
func (v *MappingView) snapshot() string {
	v.readStep()
	err := v.readHeader()
	return fmt.Sprintf("%v|%v|%s\x00%s", v.m, err, v.Date.Text, v.NextReview.Text)
}

// dirty reports whether the mapping differs from what was loaded or saved.
func (v *MappingView) dirty() bool { return v.snapshot() != v.base }

// discard shows the stored mapping again.
func (v *MappingView) discard() {
	v.m = v.stored
	v.Date.SetDate(v.m.Date)
	v.NextReview.SetDate(v.m.NextReview)
	v.Participants.SetText(strings.Join(v.m.Participants, ", "))
	v.showStep()
	v.base = v.snapshot()
}

// state is the routine fields and an information occasion typed but not
// yet registered.
func (v *RoutinesView) state() string {
	var b strings.Builder
	for _, k := range model.RoutineKinds() {
		fmt.Fprintf(&b, "%v\x00%s\x00%s\x00", v.Exists[k].Checked, v.Where[k].Text, v.Updated[k].Text)
	}
	b.WriteString(strings.TrimSpace(v.InfoNotes.Text))
	return b.String()
}

// discard puts the stored routines back.
func (v *RoutinesView) discard() {
	for _, k := range model.RoutineKinds() {
		x := v.r.Routine(k)
		v.Exists[k].SetChecked(x.Exists)
		v.Where[k].SetText(x.Where)
		v.Updated[k].SetDate(x.Updated)
	}
	v.InfoNotes.SetText("")
	v.loaded = v.state()
}

// measurePending reports whether a measure is typed under the step but
// not yet put in the action plan.
func (v *MappingView) measurePending() bool { return strings.TrimSpace(v.MeasureTitle.Text) != "" }

// Dirty reports whether the mapping or the routines hold changes not saved.
func (s *Screen) Dirty() bool {
	return s.Mapping.dirty() || s.Mapping.measurePending() || s.Routines.state() != s.Routines.loaded || s.Training.state() != s.Training.loaded
}

// Save stores what was changed; false keeps everything with the message.
// Information typed but not registered is registered with the routines,
// and a measure typed but not added is added (with the mapping).
func (s *Screen) Save() bool {
	if s.Mapping.measurePending() {
		if s.Mapping.CreateMeasure(); s.Mapping.measurePending() {
			return false
		}
	}
	if s.Mapping.dirty() && !s.Mapping.SaveMapping() {
		return false
	}
	if s.Training.state() != s.Training.loaded && !s.Training.saveTraining() {
		return false
	}
	r := s.Routines
	if r.state() == r.loaded {
		return true
	}
	if strings.TrimSpace(r.InfoNotes.Text) != "" {
		r.AddInformation()
		return r.state() == r.loaded
	}
	routines, err := r.read()
	if err != nil {
		r.Err.Show(err)
		return false
	}
	return r.store(routines, r.Err)
}

// Discard puts back what is stored.
func (s *Screen) Discard() {
	s.Mapping.MeasureTitle.SetText("")
	s.Mapping.MeasureResp.SetText("")
	s.Mapping.discard()
	s.Routines.discard()
	s.Training.Edit(s.Training.current)
}

package model

import (
	"fmt"
	"strings"
)

// The HMS action plan (handlingsplan) is the unit's single register of
// measures (tiltak). Every module – risk assessment, violence and threats,
// 10-FAKTOR, deviations, safety rounds, meetings, sick leave – creates its
// measures here with a Source pointing back, so the committee follows up one
// list instead of eight.

// Status is where a measure is in its life cycle.
type Status string

// Measure statuses, in display and sort order: open ones first, then
// closed ones.
const (
	StatusPlanlagt Status = "planlagt"
	StatusPagar    Status = "pagar"
	StatusUtsatt   Status = "utsatt"
	StatusUtfort   Status = "utfort"
	StatusEvaluert Status = "evaluert"
	StatusAvvist   Status = "avvist"
)

var statusLabels = map[Status]string{
	StatusPlanlagt: "Planlagt",
	StatusPagar:    "Pågår",
	StatusUtsatt:   "Utsatt",
	StatusUtfort:   "Utført",
	StatusEvaluert: "Evaluert",
	StatusAvvist:   "Avvist",
}

// Statuses returns all measure statuses in display order.
func Statuses() []Status {
	return []Status{StatusPlanlagt, StatusPagar, StatusUtsatt, StatusUtfort, StatusEvaluert, StatusAvvist}
}

// StatusLabels returns the labels of Statuses(), for a select widget.
func StatusLabels() []string { return enumLabels(Statuses(), Status.Label) }

// StatusFromLabel maps a label or stored code back to a status.
func StatusFromLabel(label string) (Status, bool) {
	return enumFromLabel(label, Statuses(), Status.Label)
}

// Label returns the display name, or "" for an unknown status.
func (s Status) Label() string { return statusLabels[s] }

// Valid reports whether s is one of the defined statuses.
func (s Status) Valid() bool { _, ok := statusLabels[s]; return ok }

// Open reports whether a measure with this status still needs work and so
// counts for deadlines: planlagt, pågår and utsatt.
func (s Status) Open() bool {
	return s == StatusPlanlagt || s == StatusPagar || s == StatusUtsatt
}

// Final reports whether no further status change is possible. Only
// evaluert is final; avvist can be reopened (see AllowedTransitions).
func (s Status) Final() bool { return s == StatusEvaluert }

// transitions is the status flow. Choices beyond the basic
// planlagt → pågår → utført → evaluert:
//   - planlagt may go straight to utført: small measures are often done
//     without ever being "in progress".
//   - utsatt → utsatt is allowed, so a measure can be postponed again
//     (each time to a later deadline) without a detour via pågår.
//   - utført → pågår reopens a measure registered as done by mistake or
//     found unfinished; the completion date is cleared.
//   - avvist → planlagt reopens a rejected measure, since the committee may
//     revisit a decision; the rejection reason is cleared. Evaluert is the
//     only final status: a measure whose effect was poor gets a new measure.
var transitions = map[Status][]Status{
	StatusPlanlagt: {StatusPagar, StatusUtsatt, StatusUtfort, StatusAvvist},
	StatusPagar:    {StatusUtsatt, StatusUtfort, StatusAvvist},
	StatusUtsatt:   {StatusPlanlagt, StatusPagar, StatusUtsatt, StatusUtfort, StatusAvvist},
	StatusUtfort:   {StatusPagar, StatusEvaluert},
	StatusEvaluert: nil,
	StatusAvvist:   {StatusPlanlagt},
}

// AllowedTransitions returns the statuses a measure can move to from from,
// in display order; nil for evaluert and for unknown statuses. The slice
// is the caller's to keep.
func AllowedTransitions(from Status) []Status {
	if len(transitions[from]) == 0 {
		return nil
	}
	return append([]Status(nil), transitions[from]...)
}

// CanTransition reports whether from → to is part of the status flow.
func CanTransition(from, to Status) bool {
	for _, s := range transitions[from] {
		if s == to {
			return true
		}
	}
	return false
}

// SourceKind says which module a measure came from.
type SourceKind string

// Source kinds, in display order.
const (
	SourceManual          SourceKind = "manuell"
	SourceRiskAssessment  SourceKind = "risikovurdering"
	SourceViolenceThreats SourceKind = "vold_og_trusler"
	SourceTenFactor       SourceKind = "tifaktor"
	SourceDeviation       SourceKind = "avvik"
	SourceSafetyRound     SourceKind = "vernerunde"
	SourceMeetingDecision SourceKind = "motevedtak"
	SourceSickLeave       SourceKind = "sykefravaer"
)

var sourceKindLabels = map[SourceKind]string{
	SourceManual:          "Manuell",
	SourceRiskAssessment:  "Risikovurdering",
	SourceViolenceThreats: "Vold og trusler",
	SourceTenFactor:       "10-FAKTOR",
	SourceDeviation:       "Avvik",
	SourceSafetyRound:     "Vernerunde",
	SourceMeetingDecision: "Møtevedtak",
	SourceSickLeave:       "Sykefravær",
}

// SourceKinds returns all source kinds in display order.
func SourceKinds() []SourceKind {
	return []SourceKind{SourceManual, SourceRiskAssessment, SourceViolenceThreats, SourceTenFactor,
		SourceDeviation, SourceSafetyRound, SourceMeetingDecision, SourceSickLeave}
}

// SourceKindLabels returns the labels of SourceKinds(), for a select widget.
func SourceKindLabels() []string { return enumLabels(SourceKinds(), SourceKind.Label) }

// SourceKindFromLabel maps a label or stored code back to a source kind.
func SourceKindFromLabel(label string) (SourceKind, bool) {
	return enumFromLabel(label, SourceKinds(), SourceKind.Label)
}

// Label returns the display name, or "" for an unknown kind.
func (k SourceKind) Label() string { return sourceKindLabels[k] }

// Valid reports whether k is one of the defined kinds.
func (k SourceKind) Valid() bool { _, ok := sourceKindLabels[k]; return ok }

// Source links a measure back to the record it came from. RefID is the
// record itself (e.g. the risk item), ParentID its container (e.g. the risk
// assessment), so the UI can open the right page. RefLabel is stored rather
// than looked up so that the link still reads sensibly in the plan and the
// PDF if the source record is later deleted.
type Source struct {
	Kind     SourceKind `json:"kind"`
	RefID    uint64     `json:"ref_id"`
	ParentID uint64     `json:"parent_id"`
	RefLabel string     `json:"ref_label"`
}

// Label returns the link text: RefLabel, or the kind's label when there is
// none.
func (s Source) Label() string {
	if t := strings.TrimSpace(s.RefLabel); t != "" {
		return t
	}
	return s.Kind.Label()
}

// PriorityArea is one of the four priority areas of the municipal strategy
// that every unit's HMS action plan is organised by.
type PriorityArea string

// Priority areas, in the strategy's order.
const (
	AreaLeadership        PriorityArea = "ledelse"
	AreaHealthPromotion   PriorityArea = "helsefremmende"
	AreaPreventiveAbsence PriorityArea = "forebyggende_sykefravaer"
	AreaFollowUpAbsence   PriorityArea = "oppfolgende_sykefravaer"
)

var priorityAreaLabels = map[PriorityArea]string{
	AreaLeadership:        "Ledelse",
	AreaHealthPromotion:   "Helsefremmende arbeid",
	AreaPreventiveAbsence: "Forebyggende sykefraværsarbeid",
	AreaFollowUpAbsence:   "Oppfølgende sykefraværsarbeid",
}

// PriorityAreas returns the four areas in the strategy's order.
func PriorityAreas() []PriorityArea {
	return []PriorityArea{AreaLeadership, AreaHealthPromotion, AreaPreventiveAbsence, AreaFollowUpAbsence}
}

// PriorityAreaLabels returns the labels of PriorityAreas(), for a select
// widget.
func PriorityAreaLabels() []string { return enumLabels(PriorityAreas(), PriorityArea.Label) }

// PriorityAreaFromLabel maps a label or stored code back to an area.
func PriorityAreaFromLabel(label string) (PriorityArea, bool) {
	return enumFromLabel(label, PriorityAreas(), PriorityArea.Label)
}

// Label returns the display name, or "" for an unknown area.
func (a PriorityArea) Label() string { return priorityAreaLabels[a] }

// Valid reports whether a is one of the four areas.
func (a PriorityArea) Valid() bool { _, ok := priorityAreaLabels[a]; return ok }

// Measure is one measure (tiltak) in the action plan.
//
// Created and Updated are calendar dates, not timestamps: the plan and its
// PDF show dates only, and the deadline rules compare days. Exact times of
// changes belong in the storage change log.
type Measure struct {
	ID           uint64       `json:"id"`
	Title        string       `json:"title"`
	Description  string       `json:"description"`
	Source       Source       `json:"source"`
	PriorityArea PriorityArea `json:"priority_area"`
	Topic        HMSCategory  `json:"topic"` // "" = not chosen
	Responsible  string       `json:"responsible"`
	Deadline     Date         `json:"deadline"`
	// OriginalDeadline is the deadline before the first postponement, so
	// reports can show how far a measure has slipped; zero if never
	// postponed.
	OriginalDeadline Date   `json:"original_deadline"`
	Status           Status `json:"status"`
	CompletedOn      Date   `json:"completed_on"`
	EvaluationNote   string `json:"evaluation_note"`
	// EvaluatedOn is the day the effect was evaluated (status evaluert);
	// zero for measures evaluated before the field existed, where the
	// annual report falls back on Updated (MeasureEvaluatedOn).
	EvaluatedOn    Date   `json:"evaluated_on"`
	PostponeReason string `json:"postpone_reason"` // latest postponement; optional
	RejectReason   string `json:"reject_reason"`
	Created        Date   `json:"created"`
	Updated        Date   `json:"updated"`
}

// FillFrom returns m with what the user left empty taken from tmpl, the
// measure a module proposes for its record (NewMeasureFromDeviation and
// the like): the link to the record, the title, priority area, topic and
// status. What the user chose is kept.
func (m Measure) FillFrom(tmpl Measure) Measure {
	if m.Source.Kind == "" {
		m.Source = tmpl.Source
	}
	if strings.TrimSpace(m.Title) == "" {
		m.Title = tmpl.Title
	}
	if m.PriorityArea == "" {
		m.PriorityArea = tmpl.PriorityArea
	}
	if m.Topic == "" {
		m.Topic = tmpl.Topic
	}
	if m.Status == "" {
		m.Status = tmpl.Status
	}
	return m
}

// Field names for measures, used in messages and as ValidationError keys.
// FieldTitle and FieldStatus are shared with the risk assessment.
const (
	FieldTitle          = "Tittel"
	FieldDescription    = "Beskrivelse"
	FieldSource         = "Kilde"
	FieldPriorityArea   = "Prioritert område"
	FieldTopic          = "Tema"
	FieldResponsible    = "Ansvarlig"
	FieldDeadline       = "Frist"
	FieldNewDeadline    = "Ny frist"
	FieldStatus         = "Status"
	FieldCompletedOn    = "Dato utført"
	FieldEvaluationNote = "Evaluering av effekt"
	FieldPostponeReason = "Begrunnelse for utsettelse"
	FieldRejectReason   = "Begrunnelse for avvisning"
)

// Limits for measure text, in characters.
const (
	MaxTitleLen       = 200
	MaxDescriptionLen = 4000
	MaxNoteLen        = 2000 // evaluation note, reasons, notes
	MaxRefLabelLen    = 300
)

// DueSoonDays is how far ahead a deadline counts as due soon: a deadline
// exactly DueSoonDays after today is due soon, one day later is not.
const DueSoonDays = 30

// NewMeasure returns an empty, manually registered measure created today,
// for the "Nytt tiltak" form.
func NewMeasure(today Date) Measure {
	return Measure{Source: Source{Kind: SourceManual}, Status: StatusPlanlagt, Created: today, Updated: today}
}

// Normalized returns a copy with surrounding spaces trimmed and the
// responsible's inner spaces collapsed, so "Ola  Hansen" and "Ola Hansen"
// filter as one person. Storage saves this form.
func (m Measure) Normalized() Measure {
	m.Title = strings.TrimSpace(m.Title)
	m.Description = strings.TrimSpace(m.Description)
	m.Responsible = normalizeName(m.Responsible)
	m.Source.RefLabel = strings.TrimSpace(m.Source.RefLabel)
	m.EvaluationNote = strings.TrimSpace(m.EvaluationNote)
	m.PostponeReason = strings.TrimSpace(m.PostponeReason)
	m.RejectReason = strings.TrimSpace(m.RejectReason)
	return m
}

// Validate checks the measure as it would be saved and returns a
// ValidationError listing every problem, or nil. The fields a status needs
// (completion date, evaluation note, rejection reason) are checked too, so
// imported data is held to the same rules as Transition.
func (m Measure) Validate(today Date) error {
	var v ValidationError
	checkText(&v, FieldTitle, m.Title, true, MaxTitleLen)
	checkText(&v, FieldDescription, m.Description, false, MaxDescriptionLen)
	if !m.Source.Kind.Valid() {
		v.Add(FieldSource, "Velg kilde")
	}
	checkText(&v, FieldSource, m.Source.RefLabel, false, MaxRefLabelLen)
	if !m.PriorityArea.Valid() {
		v.Add(FieldPriorityArea, "Velg prioritert område")
	}
	if m.Topic != "" && !m.Topic.Valid() {
		v.Add(FieldTopic, "Velg tema")
	}
	checkText(&v, FieldResponsible, m.Responsible, true, MaxNameLen)
	switch {
	case m.Deadline.IsZero():
		v.Add(FieldDeadline, "Frist må fylles ut")
	case m.Created.IsZero():
		// Deadlines are judged against the creation date; without it no
		// deadline can be checked (old files get it from the change log).
		v.Add(FieldDeadline, "Tiltaket mangler opprettet-dato og kan derfor ikke få frist")
	case m.Deadline.Before(m.Created):
		v.Add(FieldDeadline, "Frist kan ikke være før opprettet-dato ("+m.Created.String()+")")
	}
	if !m.Status.Valid() {
		v.Add(FieldStatus, "Velg status")
	}
	if m.Status == StatusUtfort || m.Status == StatusEvaluert {
		checkCompletedOn(&v, m.CompletedOn, m.Created, today)
	}
	checkText(&v, FieldEvaluationNote, m.EvaluationNote, m.Status == StatusEvaluert, MaxNoteLen)
	checkText(&v, FieldPostponeReason, m.PostponeReason, false, MaxNoteLen)
	checkText(&v, FieldRejectReason, m.RejectReason, m.Status == StatusAvvist, MaxNoteLen)
	return v.Err()
}

// checkCompletedOn: a measure cannot be done in the future, nor before it
// was registered.
func checkCompletedOn(v *ValidationError, done, created, today Date) {
	switch {
	case done.IsZero():
		v.Add(FieldCompletedOn, FieldCompletedOn+" må fylles ut")
	case done.After(today):
		v.Add(FieldCompletedOn, FieldCompletedOn+" kan ikke være frem i tid")
	case !created.IsZero() && done.Before(created):
		v.Add(FieldCompletedOn, FieldCompletedOn+" kan ikke være før opprettet-dato ("+created.String()+")")
	}
}

// TransitionInput carries what a status change needs; fields not used by
// the target status are ignored.
type TransitionInput struct {
	Deadline    Date   // utsatt: the new deadline (required, later than the current one)
	CompletedOn Date   // utført: the day it was done (required)
	Note        string // evaluert: the effect of the measure (required)
	Reason      string // utsatt: why (optional); avvist: why (required)
}

// Transition returns the measure moved to status to, with Updated set to
// today, or the unchanged measure and a ValidationError with Norwegian
// messages keyed by field.
func (m Measure) Transition(to Status, in TransitionInput, today Date) (Measure, error) {
	var v ValidationError
	if !to.Valid() {
		v.Add(FieldStatus, "Velg status")
		return m, v.Err()
	}
	if !CanTransition(m.Status, to) {
		from := m.Status.Label()
		if from == "" {
			from = string(m.Status)
		}
		v.Add(FieldStatus, fmt.Sprintf("Et tiltak med status «%s» kan ikke settes til «%s»", from, to.Label()))
		return m, v.Err()
	}
	n := m
	switch to {
	case StatusUtsatt:
		switch {
		case in.Deadline.IsZero():
			v.Add(FieldNewDeadline, "Ny frist må fylles ut")
		case !m.Deadline.IsZero() && !in.Deadline.After(m.Deadline):
			v.Add(FieldNewDeadline, "Ny frist må være senere enn gjeldende frist ("+m.Deadline.String()+")")
		case in.Deadline.Before(today):
			// Postponing to a date already past would make it overdue at once.
			v.Add(FieldNewDeadline, "Ny frist kan ikke være før dagens dato")
		}
		checkText(&v, FieldPostponeReason, in.Reason, false, MaxNoteLen)
		if n.OriginalDeadline.IsZero() {
			n.OriginalDeadline = m.Deadline
		}
		n.Deadline = in.Deadline
		n.PostponeReason = strings.TrimSpace(in.Reason)
	case StatusUtfort:
		checkCompletedOn(&v, in.CompletedOn, m.Created, today)
		n.CompletedOn = in.CompletedOn
	case StatusEvaluert:
		checkText(&v, FieldEvaluationNote, in.Note, true, MaxNoteLen)
		n.EvaluationNote = strings.TrimSpace(in.Note)
		n.EvaluatedOn = today
	case StatusAvvist:
		checkText(&v, FieldRejectReason, in.Reason, true, MaxNoteLen)
		n.RejectReason = strings.TrimSpace(in.Reason)
	case StatusPlanlagt, StatusPagar:
		// Reopening: the measure is neither done nor rejected any more.
		n.CompletedOn = Date{}
		n.RejectReason = ""
	}
	if err := v.Err(); err != nil {
		return m, err
	}
	n.Status = to
	n.Updated = today
	return n, nil
}

// Open reports whether the measure still needs work (planlagt, pågår,
// utsatt).
func (m Measure) Open() bool { return m.Status.Open() }

// Overdue reports whether the measure is open and its deadline is before
// today.
func (m Measure) Overdue(today Date) bool {
	return m.Open() && !m.Deadline.IsZero() && m.Deadline.Before(today)
}

// DueSoon reports whether the measure is open, not overdue, and due within
// DueSoonDays days (inclusive; a deadline today is due soon).
func (m Measure) DueSoon(today Date) bool {
	return dueSoon(m.Status, m.Deadline, today, today.AddDays(DueSoonDays))
}

// dueSoon takes the limit precomputed, so filtering does not redo the
// calendar arithmetic per measure.
func dueSoon(s Status, deadline, today, limit Date) bool {
	return s.Open() && !deadline.IsZero() && !deadline.Before(today) && !deadline.After(limit)
}

// MeasuresFrom returns the measures linked to one source record, e.g. the
// measures of a risk item (kind SourceRiskAssessment, refID = item ID), in
// their original order.
func MeasuresFrom(ms []Measure, kind SourceKind, refID uint64) []Measure {
	var out []Measure
	for i := range ms {
		if ms[i].Source.Kind == kind && ms[i].Source.RefID == refID {
			out = append(out, ms[i])
		}
	}
	return out
}

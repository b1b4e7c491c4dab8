package model

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Meetings of the HMS committee: when and where, who was invited and who
// came, the agenda with notes and decisions per item. A decision can become
// a measure in the action plan; the measure's Source names the meeting
// (ParentID) and the decision (RefID), and the decision keeps the measure's
// ID, so the link goes both ways.

// AgendaKind says which standing item an agenda item is, so the meeting
// view can show the right live figures. Items the committee adds itself
// are AgendaCustom.
type AgendaKind string

// Agenda kinds, in the order ProposeAgenda puts them.
const (
	AgendaApproval    AgendaKind = "godkjenning"
	AgendaAttendance  AgendaKind = "naervaer"
	AgendaDeviations  AgendaKind = "avvik"
	AgendaActionPlan  AgendaKind = "handlingsplan"
	AgendaRisk        AgendaKind = "risiko"
	AgendaViolence    AgendaKind = "vold"
	AgendaSafetyRound AgendaKind = "vernerunde"
	AgendaTenFactor   AgendaKind = "tifaktor"
	AgendaCustom      AgendaKind = "egen"
	AgendaAOB         AgendaKind = "eventuelt"
)

var agendaKindLabels = map[AgendaKind]string{
	AgendaApproval:    "Godkjenning av innkalling og referat",
	AgendaAttendance:  "Nærvær og sykefravær",
	AgendaDeviations:  "Avvik siden sist",
	AgendaActionPlan:  "Handlingsplanen – status og forfalte tiltak",
	AgendaRisk:        "Risikovurderinger",
	AgendaViolence:    "Vold og trusler",
	AgendaSafetyRound: "Vernerunde",
	AgendaTenFactor:   "10-FAKTOR – oppfølging",
	AgendaCustom:      "Egen sak",
	AgendaAOB:         "Eventuelt",
}

// AgendaKinds returns all kinds in the order of a proposed agenda, with
// the committee's own items just before Eventuelt.
func AgendaKinds() []AgendaKind {
	return []AgendaKind{AgendaApproval, AgendaAttendance, AgendaDeviations, AgendaActionPlan, AgendaRisk,
		AgendaViolence, AgendaSafetyRound, AgendaTenFactor, AgendaCustom, AgendaAOB}
}

// AgendaKindLabels returns the labels of AgendaKinds(), for a select widget.
func AgendaKindLabels() []string { return enumLabels(AgendaKinds(), AgendaKind.Label) }

// AgendaKindFromLabel maps a label or stored code back to a kind.
func AgendaKindFromLabel(label string) (AgendaKind, bool) {
	return enumFromLabel(label, AgendaKinds(), AgendaKind.Label)
}

// Label returns the standing item's title, or "" for an unknown kind.
func (k AgendaKind) Label() string { return agendaKindLabels[k] }

// Valid reports whether k is one of the defined kinds.
func (k AgendaKind) Valid() bool { _, ok := agendaKindLabels[k]; return ok }

// Participant is a committee member invited to a meeting. Name and role
// are copied from the committee when the meeting is made, so the minutes
// read the same after the committee changes.
type Participant struct {
	MemberID uint64 `json:"member_id"`
	Name     string `json:"name"`
	Role     Role   `json:"role"`
	Attended bool   `json:"attended"`
}

// Decision is one decision (vedtak) under an agenda item. MeasureID is the
// action-plan measure made from it, 0 if none.
type Decision struct {
	ID        uint64 `json:"id"` // unique within the meeting
	Text      string `json:"text"`
	MeasureID uint64 `json:"measure_id"`
}

// AgendaItem is one item (sak) on the agenda. A closed item (lukket sak)
// is a psychosocial or conflict matter: it is left out of minutes that are
// shared, and its notes are hidden on the shared screen.
type AgendaItem struct {
	ID        uint64     `json:"id"` // unique within the meeting
	Kind      AgendaKind `json:"kind"`
	Title     string     `json:"title"`
	Closed    bool       `json:"closed"`
	Notes     string     `json:"notes"`
	Decisions []Decision `json:"decisions"`
}

// Meeting is one meeting of the HMS committee.
type Meeting struct {
	ID           uint64        `json:"id"`
	Date         Date          `json:"date"`
	Start        string        `json:"start"` // "14:00"
	End          string        `json:"end"`   // "" = not given
	Place        string        `json:"place"`
	Participants []Participant `json:"participants"`
	Agenda       []AgendaItem  `json:"agenda"`
	// NextSeq is the last ID given to an agenda item or decision, so IDs
	// are never reused within the meeting even after deletions.
	NextSeq uint64 `json:"next_seq"`
	Created Date   `json:"created"`
	Updated Date   `json:"updated"`
}

// Field names for meetings, used in messages and as ValidationError keys.
const (
	FieldMeetingDate  = "Møtedato"
	FieldMeetingStart = "Starttid"
	FieldMeetingEnd   = "Sluttid"
	FieldPlace        = "Sted"
	FieldAgenda       = "Sakliste"
	FieldItemTitle    = "Sakstittel"
	FieldItemNotes    = "Notater"
	FieldDecision     = "Vedtak"
)

// MaxAgendaItems limits the agenda; a meeting with more items is a typo or
// an import gone wrong.
const MaxAgendaItems = 40

// NewMeeting returns a meeting on date at 14:00 with the members active
// that day invited, and the proposed agenda.
func NewMeeting(date Date, members []CommitteeMember, agenda []AgendaItem, today Date) Meeting {
	m := Meeting{Date: date, Start: "14:00", Created: today, Updated: today}
	for _, cm := range ActiveMembers(members, date) {
		m.Participants = append(m.Participants, Participant{MemberID: cm.ID, Name: normalizeName(cm.Name), Role: cm.Role})
	}
	for _, it := range agenda {
		m = m.AddItem(it)
	}
	return m
}

// Title is the meeting's name in lists and PDFs: "Møte 24.11.2026".
func (m Meeting) Title() string { return "Møte " + m.Date.String() }

// Held reports whether the meeting day has come (the date is today or
// earlier), so attendance can be registered.
func (m Meeting) Held(today Date) bool { return !m.Date.IsZero() && !m.Date.After(today) }

// AttendanceRefused returns why attendance cannot be registered for m as
// of today (the meeting is dated later), or "" when it can. The editor
// asks it at the tick; Validate refuses a save with the same text.
func (m Meeting) AttendanceRefused(today Date) string {
	if m.Date.IsZero() || m.Held(today) {
		return ""
	}
	return "Oppmøte kan ikke registreres før møtedagen (" + m.Date.String() + ")"
}

// TimeText returns "14:00–15:30", or "14:00" without an end.
func (m Meeting) TimeText() string {
	if m.End == "" {
		return m.Start
	}
	return m.Start + "–" + m.End
}

// next returns a fresh ID for an item or decision.
func (m *Meeting) next() uint64 {
	for _, it := range m.Agenda {
		m.NextSeq = max(m.NextSeq, it.ID)
		for _, d := range it.Decisions {
			m.NextSeq = max(m.NextSeq, d.ID)
		}
	}
	m.NextSeq++
	return m.NextSeq
}

// AddItem returns the meeting with it appended (with a fresh ID). A custom
// item goes before Eventuelt, so Eventuelt stays last.
func (m Meeting) AddItem(it AgendaItem) Meeting {
	m.Agenda = append([]AgendaItem(nil), m.Agenda...)
	it.ID = m.next()
	if it.Title == "" {
		it.Title = it.Kind.Label()
	}
	at := len(m.Agenda)
	if it.Kind != AgendaAOB && at > 0 && m.Agenda[at-1].Kind == AgendaAOB {
		at--
	}
	m.Agenda = append(m.Agenda[:at], append([]AgendaItem{it}, m.Agenda[at:]...)...)
	return m
}

// RemoveItem returns the meeting without item id.
func (m Meeting) RemoveItem(id uint64) Meeting {
	out := make([]AgendaItem, 0, len(m.Agenda))
	for _, it := range m.Agenda {
		if it.ID != id {
			out = append(out, it)
		}
	}
	m.Agenda = out
	return m
}

// MoveItem returns the meeting with item id moved by delta places (−1 =
// up), clamped to the agenda.
func (m Meeting) MoveItem(id uint64, delta int) Meeting {
	i := m.ItemIndex(id)
	if i < 0 {
		return m
	}
	j := min(max(i+delta, 0), len(m.Agenda)-1)
	if i == j {
		return m
	}
	a := append([]AgendaItem(nil), m.Agenda...)
	it := a[i]
	a = append(a[:i], a[i+1:]...)
	a = append(a[:j], append([]AgendaItem{it}, a[j:]...)...)
	m.Agenda = a
	return m
}

// ItemIndex returns the position of item id, or −1.
func (m Meeting) ItemIndex(id uint64) int {
	for i, it := range m.Agenda {
		if it.ID == id {
			return i
		}
	}
	return -1
}

// AddDecision returns the meeting with a decision added to item itemID,
// and the decision's ID (0 if there is no such item).
func (m Meeting) AddDecision(itemID uint64, text string) (Meeting, uint64) {
	i := m.ItemIndex(itemID)
	if i < 0 {
		return m, 0
	}
	m.Agenda = append([]AgendaItem(nil), m.Agenda...)
	id := m.next()
	it := m.Agenda[i]
	it.Decisions = append(append([]Decision(nil), it.Decisions...), Decision{ID: id, Text: strings.TrimSpace(text)})
	m.Agenda[i] = it
	return m, id
}

// Decision returns decision id and the item it belongs to.
func (m Meeting) Decision(id uint64) (Decision, AgendaItem, bool) {
	for _, it := range m.Agenda {
		for _, d := range it.Decisions {
			if d.ID == id {
				return d, it, true
			}
		}
	}
	return Decision{}, AgendaItem{}, false
}

// LinkMeasure returns the meeting with measure mid recorded on decision
// id.
func (m Meeting) LinkMeasure(decisionID, mid uint64) Meeting {
	m.Agenda = append([]AgendaItem(nil), m.Agenda...)
	for i, it := range m.Agenda {
		for j, d := range it.Decisions {
			if d.ID == decisionID {
				ds := append([]Decision(nil), it.Decisions...)
				ds[j].MeasureID = mid
				it.Decisions = ds
				m.Agenda[i] = it
				return m
			}
		}
	}
	return m
}

// ClosedItems returns the number of closed items (lukket sak).
func (m Meeting) ClosedItems() int {
	n := 0
	for _, it := range m.Agenda {
		if it.Closed {
			n++
		}
	}
	return n
}

// Invite returns the meeting with committee member cm invited, with name
// and role as they are now, after the others; a member already invited is
// left as is. For a member who joined after the meeting was made, or a
// deputy who comes instead of someone.
func (m Meeting) Invite(cm CommitteeMember) Meeting {
	for _, p := range m.Participants {
		if p.MemberID == cm.ID && cm.ID != 0 {
			return m
		}
	}
	m.Participants = append(slices.Clone(m.Participants), Participant{MemberID: cm.ID, Name: normalizeName(cm.Name), Role: cm.Role})
	return m
}

// InviteGuest returns the meeting with a guest who is not on the
// committee (an HR adviser, someone presenting a case), by name only.
// Validate checks the name when the meeting is saved.
func (m Meeting) InviteGuest(name string) Meeting {
	m.Participants = append(slices.Clone(m.Participants), Participant{Name: normalizeName(name)})
	return m
}

// Uninvite returns the meeting without participant i (in Participants
// order); an index out of range changes nothing.
func (m Meeting) Uninvite(i int) Meeting {
	if i < 0 || i >= len(m.Participants) {
		return m
	}
	m.Participants = slices.Delete(slices.Clone(m.Participants), i, i+1)
	return m
}

// NotInvited returns the committee members who are not invited, active
// on the meeting date first (in the committee's order), then the others.
func (m Meeting) NotInvited(members []CommitteeMember) []CommitteeMember {
	invited := map[uint64]bool{}
	for _, p := range m.Participants {
		invited[p.MemberID] = true
	}
	var active, other []CommitteeMember
	for _, cm := range ActiveMembers(members, m.Date) {
		if !invited[cm.ID] {
			active = append(active, cm)
		}
	}
	for _, cm := range members {
		if !invited[cm.ID] && !cm.ActiveOn(m.Date) {
			other = append(other, cm)
		}
	}
	return append(active, other...)
}

// Attendees returns the participants who came.
func (m Meeting) Attendees() []Participant {
	var out []Participant
	for _, p := range m.Participants {
		if p.Attended {
			out = append(out, p)
		}
	}
	return out
}

// Normalized returns a copy with surrounding spaces trimmed; storage saves
// this form. Times are written as hh:mm when they parse.
func (m Meeting) Normalized() Meeting {
	m.Place = strings.TrimSpace(m.Place)
	if t, err := ParseClock(FieldMeetingStart, m.Start); err == nil {
		m.Start = t
	}
	if strings.TrimSpace(m.End) == "" {
		m.End = ""
	} else if t, err := ParseClock(FieldMeetingEnd, m.End); err == nil {
		m.End = t
	}
	ps := make([]Participant, len(m.Participants))
	for i, p := range m.Participants {
		p.Name = normalizeName(p.Name)
		ps[i] = p
	}
	if len(ps) == 0 {
		ps = nil
	}
	m.Participants = ps
	items := make([]AgendaItem, len(m.Agenda))
	for i, it := range m.Agenda {
		it.Title = strings.TrimSpace(it.Title)
		it.Notes = strings.TrimSpace(it.Notes)
		var ds []Decision
		for _, d := range it.Decisions {
			d.Text = strings.TrimSpace(d.Text)
			ds = append(ds, d)
		}
		it.Decisions = ds
		items[i] = it
	}
	if len(items) == 0 {
		items = nil
	}
	m.Agenda = items
	return m
}

// Validate checks the meeting as it would be saved and returns a
// ValidationError listing every problem, or nil. Attendance can only be
// registered once the meeting day has come.
func (m Meeting) Validate(today Date) error {
	var v ValidationError
	m.validateTime(&v)
	checkText(&v, FieldPlace, m.Place, false, MaxTitleLen)
	m.validateParticipants(&v, today)
	m.validateAgenda(&v)
	return v.Err()
}

// validateTime checks the date and the start and end times.
func (m Meeting) validateTime(v *ValidationError) {
	if m.Date.IsZero() {
		v.Add(FieldMeetingDate, FieldMeetingDate+" må fylles ut")
	}
	start, err := ParseClock(FieldMeetingStart, m.Start)
	if strings.TrimSpace(m.Start) == "" {
		v.Add(FieldMeetingStart, FieldMeetingStart+" må fylles ut")
	} else {
		v.addErr(FieldMeetingStart, err)
	}
	if strings.TrimSpace(m.End) != "" {
		end, err := ParseClock(FieldMeetingEnd, m.End)
		v.addErr(FieldMeetingEnd, err)
		if err == nil && start != "" && end <= start {
			v.Add(FieldMeetingEnd, FieldMeetingEnd+" må være senere enn starttid ("+start+")")
		}
	}
}

// validateParticipants checks each participant's name and role, that no
// member is listed twice, and that attendance is not ticked too early.
func (m Meeting) validateParticipants(v *ValidationError, today Date) {
	seen := map[uint64]bool{}
	for i, p := range m.Participants {
		validateParticipant(v, i, p)
		if p.MemberID != 0 && seen[p.MemberID] {
			v.Add(FieldParticipants, fmt.Sprintf("«%s» står to ganger på deltakerlisten", Shorten(normalizeName(p.Name), 40)))
		}
		if p.MemberID != 0 {
			seen[p.MemberID] = true
		}
		if why := m.AttendanceRefused(today); p.Attended && why != "" {
			v.Add(FieldParticipants, why)
			break
		}
	}
}

// validateParticipant checks participant number i+1 on its own.
func validateParticipant(v *ValidationError, i int, p Participant) {
	name := normalizeName(p.Name)
	switch {
	case name == "":
		v.Add(FieldParticipants, fmt.Sprintf("Deltaker nr. %d mangler navn", i+1))
	case runeLen(name) > MaxNameLen:
		v.Add(FieldParticipants, fmt.Sprintf("Deltakeren «%s» har for langt navn (høyst %d tegn)", Shorten(name, 40), MaxNameLen))
	}
	v.addErr(FieldParticipants, CheckNoNationalID(FieldParticipants, p.Name))
	if p.Role != "" && !p.Role.Valid() {
		v.Add(FieldParticipants, fmt.Sprintf("Deltakeren «%s» har ukjent rolle", Shorten(name, 40)))
	}
}

// validateAgenda checks the number of items, each item's kind, texts and
// decisions, and that every item and decision has its own number.
func (m Meeting) validateAgenda(v *ValidationError) {
	if len(m.Agenda) == 0 {
		v.Add(FieldAgenda, "Saklisten må ha minst én sak")
	}
	if len(m.Agenda) > MaxAgendaItems {
		v.Add(FieldAgenda, fmt.Sprintf("Saklisten kan ha høyst %d saker", MaxAgendaItems))
	}
	ids := map[uint64]bool{}
	for i, it := range m.Agenda {
		validateAgendaItem(v, i+1, it, ids)
	}
}

// validateAgendaItem checks item number n; ids holds the numbers taken.
func validateAgendaItem(v *ValidationError, n int, it AgendaItem, ids map[uint64]bool) {
	if !it.Kind.Valid() {
		v.Add(FieldAgenda, fmt.Sprintf("Sak %d har ukjent type", n))
	}
	if it.ID == 0 || ids[it.ID] {
		v.Add(FieldAgenda, fmt.Sprintf("Sak %d mangler et entydig nummer", n))
	}
	ids[it.ID] = true
	itemText(v, FieldItemTitle, n, it.Title, true, MaxTitleLen)
	itemText(v, FieldItemNotes, n, it.Notes, false, MaxDescriptionLen)
	for _, d := range it.Decisions {
		if d.ID == 0 || ids[d.ID] {
			v.Add(FieldDecision, fmt.Sprintf("Et vedtak i sak %d mangler et entydig nummer", n))
		}
		ids[d.ID] = true
		itemText(v, FieldDecision, n, d.Text, true, MaxNoteLen)
	}
}

// itemText is checkText with the item's number in the message, since the
// same field occurs once per agenda item.
func itemText(v *ValidationError, field string, n int, s string, required bool, max int) {
	t := strings.TrimSpace(s)
	switch {
	case t == "" && required:
		v.Add(field, fmt.Sprintf("%s i sak %d må fylles ut", field, n))
	case runeLen(t) > max:
		v.Add(field, fmt.Sprintf("%s i sak %d kan ha høyst %d tegn", field, n, max))
	}
	if err := CheckNoNationalID(field, s); err != nil {
		v.Add(field, fmt.Sprintf("Sak %d: %s", n, err.Error()))
	}
}

// ParseClock parses a time of day for field: "14:00", "14.00", "1400" or
// "14", and returns it as "14:00".
func ParseClock(field, s string) (string, error) {
	bad := &FieldError{Field: field, Message: field + " må skrives som tt:mm, for eksempel 14:00"}
	s = strings.TrimSpace(s)
	var hs, ms string
	switch {
	case strings.ContainsAny(s, ":."):
		i := strings.IndexAny(s, ":.")
		hs, ms = s[:i], s[i+1:]
	case len(s) == 4:
		hs, ms = s[:2], s[2:]
	default:
		hs, ms = s, "00"
	}
	if !digitsLen(hs, 1, 2) || !digitsLen(ms, 2, 2) {
		return "", bad
	}
	h, _ := strconv.Atoi(hs)
	mi, _ := strconv.Atoi(ms)
	if h > 23 || mi > 59 {
		return "", bad
	}
	return fmt.Sprintf("%02d:%02d", h, mi), nil
}

// DecisionRefLabel is the source label of a measure made from a decision:
// "Møte 24.11.2026, sak 3: <decision>".
func DecisionRefLabel(m Meeting, itemNo int, decision string) string {
	s := fmt.Sprintf("Møte %s, sak %d", m.Date, itemNo)
	if d := normalizeName(decision); d != "" {
		s += ": " + Shorten(d, 200)
	}
	return s
}

// NewMeasureFromDecision builds a planned measure for decision id of the
// meeting, linked back to it. A blank title falls back to the decision's
// text.
func NewMeasureFromDecision(m Meeting, decisionID uint64, title, responsible string, deadline, today Date) Measure {
	d, it, _ := m.Decision(decisionID)
	title = strings.TrimSpace(title)
	if title == "" {
		title = Shorten(normalizeName(d.Text), MaxTitleLen)
	}
	ms := NewMeasure(today)
	ms.Title = title
	ms.Source = Source{Kind: SourceMeetingDecision, RefID: decisionID, ParentID: m.ID,
		RefLabel: DecisionRefLabel(m, m.ItemIndex(it.ID)+1, d.Text)}
	ms.PriorityArea = DefaultPriorityArea(ms.Source.Kind)
	ms.Responsible = normalizeName(responsible)
	ms.Deadline = deadline
	return ms
}

// MeasuresFromMeeting returns the measures made from decisions in meeting id,
// in their original order.
func MeasuresFromMeeting(ms []Measure, meetingID uint64) []Measure {
	var out []Measure
	for _, x := range ms {
		if x.Source.Kind == SourceMeetingDecision && x.Source.ParentID == meetingID {
			out = append(out, x)
		}
	}
	return out
}

// AgendaFacts is what the unit has that decides the proposed agenda,
// counted since the last meeting (or for the unit as a whole where noted).
type AgendaFacts struct {
	DeviationsSinceLast  int  // deviations registered since the last meeting
	OpenMeasures         int  // open measures in the action plan
	OverdueMeasures      int  // of those, past their deadline
	RiskReviewsDue       int  // current assessments past their review date
	RiskChangedSinceLast int  // assessments made or revised since the last meeting
	ViolenceMapping      bool // the unit has a violence-and-threats mapping
	ViolenceSinceLast    int  // violence incidents since the last meeting
	SafetyRoundSinceLast bool // a safety round was held since the last meeting
	TenFactorFollowUp    bool // a 10-FAKTOR follow-up is open
}

// ProposeAgenda returns the standing items for a meeting, in a fixed
// order. Godkjenning, Nærvær og sykefravær (every meeting, as the municipal
// strategy says) and Eventuelt are always there; the others only when the
// unit has something to take up:
//   - Avvik siden sist: deviations registered since the last meeting.
//   - Handlingsplanen: open measures (overdue ones are a subset).
//   - Risikovurderinger: a review is due, or one was made or revised.
//   - Vold og trusler: the unit has a mapping, or there were incidents.
//   - Vernerunde: a round was held since the last meeting.
//   - 10-FAKTOR: a follow-up is open.
func ProposeAgenda(f AgendaFacts) []AgendaItem {
	want := map[AgendaKind]bool{
		AgendaApproval:    true,
		AgendaAttendance:  true,
		AgendaDeviations:  f.DeviationsSinceLast > 0,
		AgendaActionPlan:  f.OpenMeasures > 0 || f.OverdueMeasures > 0,
		AgendaRisk:        f.RiskReviewsDue > 0 || f.RiskChangedSinceLast > 0,
		AgendaViolence:    f.ViolenceMapping || f.ViolenceSinceLast > 0,
		AgendaSafetyRound: f.SafetyRoundSinceLast,
		AgendaTenFactor:   f.TenFactorFollowUp,
		AgendaAOB:         true,
	}
	var out []AgendaItem
	for _, k := range AgendaKinds() {
		if want[k] {
			out = append(out, AgendaItem{Kind: k, Title: k.Label()})
		}
	}
	return out
}

// LastMeetingBefore returns the latest meeting dated before d, if any.
func LastMeetingBefore(ms []Meeting, d Date) (Meeting, bool) {
	var best Meeting
	found := false
	for _, m := range ms {
		if m.Date.Before(d) && (!found || m.Date.After(best.Date)) {
			best, found = m, true
		}
	}
	return best, found
}

// NextMeeting returns the first meeting on or after today, if any.
func NextMeeting(ms []Meeting, today Date) (Meeting, bool) {
	var best Meeting
	found := false
	for _, m := range ms {
		if !m.Date.Before(today) && (!found || m.Date.Before(best.Date)) {
			best, found = m, true
		}
	}
	return best, found
}

// MinMeetingsPerYear is the number of committee meetings a year below which
// the annual report asks for follow-up: a local working-environment
// committee normally meets at least four times a year (the LAMU mandates
// in the domain facts).
const MinMeetingsPerYear = 4

// TooFewMeetings reports whether held meetings in a year are below the
// year's minimum (MinMeetingsIn).
func TooFewMeetings(held, minimum int) bool { return held < minimum }

// QuartersFrom counts the year's quarters that begin on or after start,
// the day the unit began its records: 4 when start is zero or before the
// year, 0 when the unit started after the last quarter began.
func QuartersFrom(year HMSYear, start Date) int {
	n := 0
	for q := range 4 {
		if !year.Start().AddMonths(3 * q).Before(start) {
			n++
		}
	}
	return n
}

// MinMeetingsIn is the number of meetings the year asks for: one a
// quarter (MinMeetingsPerYear); in the year the unit started, one for each
// whole quarter after the start (QuartersFrom), so a unit started in
// December is not told it held too few.
func MinMeetingsIn(year HMSYear, start Date) int {
	return MinMeetingsPerYear * QuartersFrom(year, start) / 4
}

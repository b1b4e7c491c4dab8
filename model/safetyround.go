package model

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// Safety rounds (vernerunder). A round follows the product's three steps:
// a pre-meeting (formøte) that looks at the status of the previous round's
// measures, the inspection (befaring) with a checklist, and a closing
// meeting (avslutningsmøte) that turns findings into measures with a
// responsible and a deadline. Each checklist item is answered OK, må
// forbedres or ikke relevant, with a comment.
//
// A round takes a copy of its checklist's sections and questions when it
// is started, and a completed round is locked: editing or deleting a
// template never rewrites a round that has been done.

// ChecklistQuestion is one item of a checklist.
type ChecklistQuestion struct {
	Text string `json:"text"`
}

// ChecklistSection is a heading with its questions (Brannvern, Ergonomi …).
type ChecklistSection struct {
	Title     string              `json:"title"`
	Questions []ChecklistQuestion `json:"questions"`
}

// ChecklistTemplate is a checklist for safety rounds: one shipped with the
// program (Key set, ID 0) or the unit's own (ID set), usually a copy of a
// shipped one that the unit has edited.
type ChecklistTemplate struct {
	ID          uint64             `json:"id"`
	Key         string             `json:"key"` // shipped templates only, e.g. "barnehage"
	Name        string             `json:"name"`
	Sectors     []Sector           `json:"sectors"` // sectors it is written for; none = all
	Description string             `json:"description"`
	BasedOn     string             `json:"based_on"` // name of the template it was copied from
	Sections    []ChecklistSection `json:"sections"`
}

// Field names for checklists and rounds, used in messages and as
// ValidationError keys.
const (
	FieldTemplateName    = "Navn på sjekklisten"
	FieldTemplateDesc    = "Beskrivelse av sjekklisten"
	FieldSections        = "Spørsmål"
	FieldRoundDate       = "Dato for vernerunden"
	FieldRoundTitle      = "Tittel"
	FieldRoundAreas      = "Områder"
	FieldRoundPeople     = "Deltakere"
	FieldRoundAnswers    = "Svar"
	FieldRoundComment    = "Kommentar"
	FieldPreMeetingNotes = "Notater fra formøtet"
	FieldClosingNotes    = "Oppsummering fra avslutningsmøtet"
	FieldRoundStatus     = "Status"
)

// Limits for checklists and rounds, in characters or counts.
const (
	MaxQuestionLen     = 500
	MaxSectionTitleLen = 120
	MaxQuestions       = 400
	MaxAreaLen         = 100
	MaxRoundAreas      = 50
	MaxRoundPeople     = 30
)

// QuestionCount is the number of questions in all sections.
func (t ChecklistTemplate) QuestionCount() int { return countQuestions(t.Sections) }

func countQuestions(ss []ChecklistSection) int {
	n := 0
	for _, s := range ss {
		n += len(s.Questions)
	}
	return n
}

// Builtin reports whether the template is shipped with the program (and so
// cannot be edited, only copied).
func (t ChecklistTemplate) Builtin() bool { return t.ID == 0 && t.Key != "" }

// ForSector reports whether the template is written for sector s (a
// template without sectors suits all).
func (t ChecklistTemplate) ForSector(s Sector) bool {
	if len(t.Sectors) == 0 {
		return true
	}
	for _, x := range t.Sectors {
		if x == s {
			return true
		}
	}
	return false
}

// Normalized trims names and question texts and drops blank questions and
// sections left without questions, which is what storage saves.
func (t ChecklistTemplate) Normalized() ChecklistTemplate {
	t.Name = normalizeName(t.Name)
	t.Description = strings.TrimSpace(t.Description)
	t.BasedOn = normalizeName(t.BasedOn)
	t.Sections = normalizeSections(t.Sections)
	return t
}

func normalizeSections(in []ChecklistSection) []ChecklistSection {
	var out []ChecklistSection
	for _, s := range in {
		ns := ChecklistSection{Title: normalizeName(s.Title)}
		for _, q := range s.Questions {
			if text := normalizeName(q.Text); text != "" {
				ns.Questions = append(ns.Questions, ChecklistQuestion{Text: text})
			}
		}
		if len(ns.Questions) > 0 || ns.Title != "" {
			out = append(out, ns)
		}
	}
	return out
}

// Validate checks a template: a name, at least one question, every
// section titled and with questions, texts within limits and without
// national ID numbers.
func (t ChecklistTemplate) Validate() error {
	var v ValidationError
	checkText(&v, FieldTemplateName, t.Name, true, MaxTitleLen)
	checkText(&v, FieldTemplateDesc, t.Description, false, MaxDescriptionLen)
	for _, s := range t.Sectors {
		if !s.Valid() {
			v.Add(FieldSector, "Ukjent sektor «"+string(s)+"»")
		}
	}
	checkSections(&v, t.Sections)
	return v.Err()
}

func checkSections(v *ValidationError, ss []ChecklistSection) {
	n := countQuestions(ss)
	switch {
	case n == 0:
		v.Add(FieldSections, "Sjekklisten må ha minst ett spørsmål")
	case n > MaxQuestions:
		v.Add(FieldSections, fmt.Sprintf("Sjekklisten kan ha høyst %d spørsmål (har %d)", MaxQuestions, n))
	}
	for i, s := range ss {
		title := strings.TrimSpace(s.Title)
		switch {
		case title == "":
			v.Add(FieldSections, fmt.Sprintf("Del nr. %d mangler overskrift", i+1))
		case runeLen(title) > MaxSectionTitleLen:
			v.Add(FieldSections, fmt.Sprintf("Overskriften «%s» er for lang (høyst %d tegn)", Shorten(title, 40), MaxSectionTitleLen))
		}
		v.addErr(FieldSections, CheckNoNationalID(FieldSections, s.Title))
		if len(s.Questions) == 0 && title != "" {
			v.Add(FieldSections, fmt.Sprintf("Delen «%s» har ingen spørsmål", Shorten(title, 40)))
		}
		for j, q := range s.Questions {
			text := strings.TrimSpace(q.Text)
			switch {
			case text == "":
				v.Add(FieldSections, fmt.Sprintf("Spørsmål nr. %d under «%s» er tomt", j+1, Shorten(title, 40)))
			case runeLen(text) > MaxQuestionLen:
				v.Add(FieldSections, fmt.Sprintf("Spørsmålet «%s» er for langt (høyst %d tegn)", Shorten(text, 40), MaxQuestionLen))
			}
			v.addErr(FieldSections, CheckNoNationalID(FieldSections, q.Text))
		}
	}
}

// CopyTemplate returns an editable copy of t for the unit: no ID or key,
// the given name (or "<name> (kopi)"), BasedOn naming the original, and
// sections copied deeply so the copy can be edited freely.
func CopyTemplate(t ChecklistTemplate, name string) ChecklistTemplate {
	name = normalizeName(name)
	if name == "" {
		name = Shorten(normalizeName(t.Name)+" (kopi)", MaxTitleLen)
	}
	return ChecklistTemplate{
		Name:        name,
		Sectors:     append([]Sector(nil), t.Sectors...),
		Description: t.Description,
		BasedOn:     normalizeName(t.Name),
		Sections:    copySections(t.Sections),
	}
}

func copySections(ss []ChecklistSection) []ChecklistSection {
	if ss == nil {
		return nil
	}
	out := make([]ChecklistSection, len(ss))
	for i, s := range ss {
		out[i] = ChecklistSection{Title: s.Title, Questions: append([]ChecklistQuestion(nil), s.Questions...)}
	}
	return out
}

// ChecklistText writes sections as plain text for editing: a line
// "## Title" per section followed by one question per line.
func ChecklistText(ss []ChecklistSection) string {
	var b strings.Builder
	for i, s := range ss {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString("## " + s.Title + "\n")
		for _, q := range s.Questions {
			b.WriteString(q.Text + "\n")
		}
	}
	return b.String()
}

// ParseChecklistText reads the format of ChecklistText. Blank lines are
// ignored and a leading "-" or "*" before a question is dropped. Questions
// before the first heading are refused with a message naming the line.
func ParseChecklistText(s string) ([]ChecklistSection, error) {
	var out []ChecklistSection
	var v ValidationError
	for i, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			continue
		case strings.HasPrefix(line, "#"):
			out = append(out, ChecklistSection{Title: strings.TrimSpace(strings.TrimLeft(line, "#"))})
		case len(out) == 0:
			v.Add(FieldSections, fmt.Sprintf("Linje %d: spørsmålet må stå under en overskrift (en linje som begynner med ##)", i+1))
		default:
			q := strings.TrimSpace(strings.TrimLeft(line, "-*• "))
			if q != "" {
				out[len(out)-1].Questions = append(out[len(out)-1].Questions, ChecklistQuestion{Text: q})
			}
		}
	}
	return out, v.Err()
}

// Answer is the result of one checklist item.
type Answer string

// Answers, in the order of the keys 1, 2, 3. "" means not answered yet.
const (
	AnswerOK          Answer = "ok"
	AnswerImprove     Answer = "ma_forbedres"
	AnswerNotRelevant Answer = "ikke_relevant"
)

var answerLabels = map[Answer]string{
	AnswerOK:          "OK",
	AnswerImprove:     "Må forbedres",
	AnswerNotRelevant: "Ikke relevant",
}

// Answers returns the three answers in key order (1, 2, 3).
func Answers() []Answer { return []Answer{AnswerOK, AnswerImprove, AnswerNotRelevant} }

// AnswerLabels returns the labels of Answers().
func AnswerLabels() []string { return enumLabels(Answers(), Answer.Label) }

// AnswerFromLabel maps a label or stored code back to an answer.
func AnswerFromLabel(s string) (Answer, bool) { return enumFromLabel(s, Answers(), Answer.Label) }

// AnswerForKey maps a shortcut to an answer: 1/O for OK, 2/M for må
// forbedres, 3/I for ikke relevant (either case).
func AnswerForKey(r rune) (Answer, bool) {
	switch r {
	case '1', 'o', 'O':
		return AnswerOK, true
	case '2', 'm', 'M':
		return AnswerImprove, true
	case '3', 'i', 'I':
		return AnswerNotRelevant, true
	}
	return "", false
}

// Label returns the display name, or "" for an unknown or empty answer.
func (a Answer) Label() string { return answerLabels[a] }

// Valid reports whether a is one of the three answers.
func (a Answer) Valid() bool { _, ok := answerLabels[a]; return ok }

// RoundRole is a participant's role in a safety round.
type RoundRole string

// Roles in a round, in display order.
const (
	RoundRoleVerneombud   RoundRole = "verneombud"
	RoundRoleLeder        RoundRole = "leder"
	RoundRoleTillitsvalgt RoundRole = "tillitsvalgt"
	RoundRoleBHT          RoundRole = "bht"
	RoundRoleAnsatt       RoundRole = "ansatt"
	RoundRoleAnnen        RoundRole = "annen"
)

var roundRoleLabels = map[RoundRole]string{
	RoundRoleVerneombud:   "Verneombud",
	RoundRoleLeder:        "Leder",
	RoundRoleTillitsvalgt: "Tillitsvalgt",
	RoundRoleBHT:          "Bedriftshelsetjenesten",
	RoundRoleAnsatt:       "Ansatt",
	RoundRoleAnnen:        "Annen",
}

// RoundRoles returns the roles in display order.
func RoundRoles() []RoundRole {
	return []RoundRole{RoundRoleVerneombud, RoundRoleLeder, RoundRoleTillitsvalgt, RoundRoleBHT, RoundRoleAnsatt, RoundRoleAnnen}
}

// RoundRoleLabels returns the labels of RoundRoles().
func RoundRoleLabels() []string { return enumLabels(RoundRoles(), RoundRole.Label) }

// RoundRoleFromLabel maps a label or stored code back to a role.
func RoundRoleFromLabel(s string) (RoundRole, bool) {
	return enumFromLabel(s, RoundRoles(), RoundRole.Label)
}

// Label returns the display name, or "" for an unknown role.
func (r RoundRole) Label() string { return roundRoleLabels[r] }

// Valid reports whether r is a known role.
func (r RoundRole) Valid() bool { _, ok := roundRoleLabels[r]; return ok }

// RoundParticipant is a person taking part in a round, by name and role.
type RoundParticipant struct {
	Name string    `json:"name"`
	Role RoundRole `json:"role"`
}

// String is "Name (Role)".
func (p RoundParticipant) String() string {
	if p.Role.Label() == "" {
		return p.Name
	}
	return p.Name + " (" + p.Role.Label() + ")"
}

// RoundStatus is pågår (being filled in) or fullført (locked).
type RoundStatus string

// Round statuses.
const (
	RoundInProgress RoundStatus = "pagar"
	RoundCompleted  RoundStatus = "fullfort"
)

var roundStatusLabels = map[RoundStatus]string{
	RoundInProgress: "Pågår",
	RoundCompleted:  "Fullført",
}

// RoundStatuses returns the statuses in order.
func RoundStatuses() []RoundStatus { return []RoundStatus{RoundInProgress, RoundCompleted} }

// Label returns the display name, or "" for an unknown status.
func (s RoundStatus) Label() string { return roundStatusLabels[s] }

// Valid reports whether s is a known status.
func (s RoundStatus) Valid() bool { _, ok := roundStatusLabels[s]; return ok }

// RoundAnswer is the answer to question number Number (1-based, counted
// through all sections of the round's copy of the checklist), with the
// measures and deviations made from it.
type RoundAnswer struct {
	Number       int      `json:"number"`
	Answer       Answer   `json:"answer"`
	Comment      string   `json:"comment"`
	MeasureIDs   []uint64 `json:"measure_ids"`
	DeviationIDs []uint64 `json:"deviation_ids"`
}

// SafetyRound is one safety round (vernerunde).
type SafetyRound struct {
	ID           uint64             `json:"id"`
	Title        string             `json:"title"`
	Date         Date               `json:"date"`
	Areas        []string           `json:"areas"` // areas or departments visited
	Participants []RoundParticipant `json:"participants"`
	// The checklist as it was when the round started: its name, the
	// template it came from, and a copy of its sections and questions.
	TemplateID   uint64             `json:"template_id"`  // the unit's own template, or 0
	TemplateKey  string             `json:"template_key"` // a shipped template, or ""
	TemplateName string             `json:"template_name"`
	Sections     []ChecklistSection `json:"sections"`
	Answers      []RoundAnswer      `json:"answers"` // by Number; unanswered questions may be missing
	// PreMeetingNotes: the pre-meeting's notes (themes chosen, reported
	// deviations looked at). ClosingNotes: the closing meeting's summary.
	PreMeetingNotes string      `json:"pre_meeting_notes"`
	ClosingNotes    string      `json:"closing_notes"`
	Status          RoundStatus `json:"status"`
	CompletedOn     Date        `json:"completed_on"`
}

// msgRoundLocked is the message for any change to a completed round.
const msgRoundLocked = "Vernerunden er fullført og låst. Den kan ikke endres eller slettes, slik at den viser det som ble funnet den dagen. Nye funn registreres i en ny vernerunde eller i handlingsplanen."

// NewSafetyRound starts a round on a checklist: status pågår, dated today,
// with its own copy of the template's sections, so that later edits of
// the template leave the round as it was.
func NewSafetyRound(t ChecklistTemplate, today Date) SafetyRound {
	return SafetyRound{
		Title:        "Vernerunde " + today.String(),
		Date:         today,
		TemplateID:   t.ID,
		TemplateKey:  t.Key,
		TemplateName: normalizeName(t.Name),
		Sections:     copySections(normalizeSections(t.Sections)),
		Status:       RoundInProgress,
	}
}

// Locked reports whether the round is completed and so cannot change.
func (r SafetyRound) Locked() bool { return r.Status == RoundCompleted }

// QuestionRef is one question of a round with its place.
type QuestionRef struct {
	Number  int    // 1-based through the whole checklist
	Section string // the section's title
	Text    string
}

// Questions returns the round's questions in order, numbered from 1.
func (r SafetyRound) Questions() []QuestionRef {
	n := r.QuestionCount()
	if n == 0 {
		return nil
	}
	out := make([]QuestionRef, 0, n)
	for _, s := range r.Sections {
		for _, q := range s.Questions {
			out = append(out, QuestionRef{Number: len(out) + 1, Section: s.Title, Text: q.Text})
		}
	}
	return out
}

// Question returns question number n.
func (r SafetyRound) Question(n int) (QuestionRef, bool) {
	qs := r.Questions()
	if n < 1 || n > len(qs) {
		return QuestionRef{}, false
	}
	return qs[n-1], true
}

// QuestionCount is the number of questions in the round's checklist.
func (r SafetyRound) QuestionCount() int { return countQuestions(r.Sections) }

// AnswerFor returns the answer to question n (zero value with Number n if
// not answered).
func (r SafetyRound) AnswerFor(n int) RoundAnswer {
	for _, a := range r.Answers {
		if a.Number == n {
			return a
		}
	}
	return RoundAnswer{Number: n}
}

// Progress returns how many questions have an answer, and how many there
// are ("23 av 40 besvart").
func (r SafetyRound) Progress() (answered, total int) {
	total = r.QuestionCount()
	for _, a := range r.Answers {
		if a.Answer.Valid() && a.Number >= 1 && a.Number <= total {
			answered++
		}
	}
	return answered, total
}

// ProgressText is "23 av 40 besvart".
func (r SafetyRound) ProgressText() string {
	a, t := r.Progress()
	return fmt.Sprintf("%d av %d besvart", a, t)
}

// Findings returns the answers that need improvement, in question order,
// with their questions.
func (r SafetyRound) Findings() []Finding {
	// The answers are read once, not once per question (AnswerFor): the
	// annual report and the round lists ask every round of a year.
	n := r.QuestionCount()
	var at []int // the answers that count as findings, by index
	for i, a := range r.Answers {
		if a.Answer == AnswerImprove && a.Number >= 1 && a.Number <= n && r.firstAnswer(a.Number) == i {
			at = append(at, i)
		}
	}
	if len(at) == 0 {
		return nil
	}
	slices.SortFunc(at, func(i, j int) int { return cmp.Compare(r.Answers[i].Number, r.Answers[j].Number) })
	qs := r.Questions()
	out := make([]Finding, 0, len(at))
	for _, i := range at {
		a := r.Answers[i]
		out = append(out, Finding{Question: qs[a.Number-1], Answer: a})
	}
	return out
}

// firstAnswer is the index of the first answer to question n, the one
// AnswerFor gives, or -1.
func (r SafetyRound) firstAnswer(n int) int {
	for i, a := range r.Answers {
		if a.Number == n {
			return i
		}
	}
	return -1
}

// Finding is an answer "må forbedres" with its question.
type Finding struct {
	Question QuestionRef
	Answer   RoundAnswer
}

// FollowedUp reports a finding with a measure or a deviation linked.
func (f Finding) FollowedUp() bool {
	return len(f.Answer.MeasureIDs) > 0 || len(f.Answer.DeviationIDs) > 0
}

// FindingsWithoutFollowUp returns the findings with neither a measure nor
// a deviation, in question order; locking the round asks about them first.
func (r SafetyRound) FindingsWithoutFollowUp() []Finding {
	var out []Finding
	for _, f := range r.Findings() {
		if !f.FollowedUp() {
			out = append(out, f)
		}
	}
	return out
}

// withAnswer returns r with answer a stored for a.Number, in number order
// (removed when it carries nothing).
func (r SafetyRound) withAnswer(a RoundAnswer) SafetyRound {
	var out []RoundAnswer
	done := false
	empty := a.Answer == "" && strings.TrimSpace(a.Comment) == "" && len(a.MeasureIDs) == 0 && len(a.DeviationIDs) == 0
	for _, x := range r.Answers {
		switch {
		case x.Number == a.Number:
			if !empty {
				out = append(out, a)
			}
			done = true
		case !done && x.Number > a.Number:
			if !empty {
				out = append(out, a)
			}
			done = true
			out = append(out, x)
		default:
			out = append(out, x)
		}
	}
	if !done && !empty {
		out = append(out, a)
	}
	r.Answers = out
	return r
}

// SetAnswer returns the round with question n answered ("" clears the
// answer) and commented. A completed round is refused, and so is a
// question number outside the checklist or an unknown answer.
func (r SafetyRound) SetAnswer(n int, ans Answer, comment string, today Date) (SafetyRound, error) {
	var v ValidationError
	if r.Locked() {
		v.Add(FieldRoundStatus, msgRoundLocked)
		return r, v.Err()
	}
	if n < 1 || n > r.QuestionCount() {
		v.Add(FieldRoundAnswers, fmt.Sprintf("Spørsmål nr. %d finnes ikke i sjekklisten (1–%d)", n, r.QuestionCount()))
		return r, v.Err()
	}
	if ans != "" && !ans.Valid() {
		v.Add(FieldRoundAnswers, "Svaret må være OK, Må forbedres eller Ikke relevant")
		return r, v.Err()
	}
	checkText(&v, FieldRoundComment, comment, false, MaxNoteLen)
	if err := v.Err(); err != nil {
		return r, err
	}
	a := r.AnswerFor(n)
	a.Answer = ans
	a.Comment = strings.TrimSpace(comment)
	return r.withAnswer(a), nil
}

// LinkMeasure returns the round with measure id linked to question n
// (once). A completed round is refused.
func (r SafetyRound) LinkMeasure(n int, id uint64) (SafetyRound, error) {
	return r.link(n, id, false)
}

// LinkDeviation returns the round with deviation id linked to question n
// (once). A completed round is refused.
func (r SafetyRound) LinkDeviation(n int, id uint64) (SafetyRound, error) {
	return r.link(n, id, true)
}

func (r SafetyRound) link(n int, id uint64, deviation bool) (SafetyRound, error) {
	var v ValidationError
	if r.Locked() {
		v.Add(FieldRoundStatus, msgRoundLocked)
		return r, v.Err()
	}
	if n < 1 || n > r.QuestionCount() {
		v.Add(FieldRoundAnswers, fmt.Sprintf("Spørsmål nr. %d finnes ikke i sjekklisten (1–%d)", n, r.QuestionCount()))
		return r, v.Err()
	}
	a := r.AnswerFor(n)
	ids := &a.MeasureIDs
	if deviation {
		ids = &a.DeviationIDs
	}
	for _, x := range *ids {
		if x == id {
			return r, nil
		}
	}
	*ids = append(append([]uint64(nil), (*ids)...), id)
	return r.withAnswer(a), nil
}

// Normalized trims texts, collapses spaces in names and areas and drops
// empty areas, which is what storage saves. Blank participants are kept so
// the message can point at the row.
func (r SafetyRound) Normalized() SafetyRound {
	r.Title = normalizeName(r.Title)
	r.TemplateName = normalizeName(r.TemplateName)
	r.PreMeetingNotes = strings.TrimSpace(r.PreMeetingNotes)
	r.ClosingNotes = strings.TrimSpace(r.ClosingNotes)
	var areas []string
	for _, a := range r.Areas {
		if a = normalizeName(a); a != "" {
			areas = append(areas, a)
		}
	}
	r.Areas = areas
	if len(r.Participants) == 0 {
		r.Participants = nil
	} else {
		ps := make([]RoundParticipant, len(r.Participants))
		for i, p := range r.Participants {
			ps[i] = RoundParticipant{Name: normalizeName(p.Name), Role: p.Role}
		}
		r.Participants = ps
	}
	if len(r.Answers) == 0 {
		r.Answers = nil
	} else {
		as := make([]RoundAnswer, len(r.Answers))
		for i, a := range r.Answers {
			a.Comment = strings.TrimSpace(a.Comment)
			as[i] = a
		}
		r.Answers = as
	}
	return r
}

// Validate checks the round as it would be saved. A completed round must
// also be complete: dated no later than its completion day, with a leader
// and a verneombud among the participants, every question answered, and
// every finding described in its comment.
func (r SafetyRound) Validate(today Date) error {
	var v ValidationError
	checkText(&v, FieldRoundTitle, r.Title, true, MaxTitleLen)
	if r.Date.IsZero() {
		v.Add(FieldRoundDate, FieldRoundDate+" må fylles ut")
	}
	if !r.Status.Valid() {
		v.Add(FieldRoundStatus, "Ukjent status for vernerunden")
	}
	checkText(&v, FieldTemplateName, r.TemplateName, false, MaxTitleLen)
	checkRoundAreas(&v, r.Areas)
	checkRoundParticipants(&v, r.Participants)
	checkSections(&v, r.Sections)
	checkRoundAnswers(&v, r.Answers, r.QuestionCount())
	checkText(&v, FieldPreMeetingNotes, r.PreMeetingNotes, false, MaxDescriptionLen)
	checkText(&v, FieldClosingNotes, r.ClosingNotes, false, MaxDescriptionLen)
	if r.Status == RoundCompleted {
		r.checkComplete(&v, today)
	} else if !r.CompletedOn.IsZero() {
		v.Add(FieldRoundStatus, "En vernerunde som pågår kan ikke ha fullført-dato")
	}
	return v.Err()
}

// checkRoundAreas: at most MaxRoundAreas areas, each a short name without
// a national identity number.
func checkRoundAreas(v *ValidationError, areas []string) {
	if len(areas) > MaxRoundAreas {
		v.Add(FieldRoundAreas, fmt.Sprintf("Vernerunden kan ha høyst %d områder", MaxRoundAreas))
	}
	for _, a := range areas {
		if runeLen(strings.TrimSpace(a)) > MaxAreaLen {
			v.Add(FieldRoundAreas, fmt.Sprintf("Området «%s» har for langt navn (høyst %d tegn)", Shorten(a, 40), MaxAreaLen))
		}
		v.addErr(FieldRoundAreas, CheckNoNationalID(FieldRoundAreas, a))
	}
}

// checkRoundParticipants: at most MaxRoundPeople participants, each with a
// name (short, without a national identity number) and a known role.
func checkRoundParticipants(v *ValidationError, people []RoundParticipant) {
	if len(people) > MaxRoundPeople {
		v.Add(FieldRoundPeople, fmt.Sprintf("Vernerunden kan ha høyst %d deltakere", MaxRoundPeople))
	}
	for i, p := range people {
		name := normalizeName(p.Name)
		switch {
		case name == "":
			v.Add(FieldRoundPeople, fmt.Sprintf("Deltaker nr. %d mangler navn – fyll ut eller fjern den", i+1))
		case runeLen(name) > MaxNameLen:
			v.Add(FieldRoundPeople, fmt.Sprintf("Deltakeren «%s» har for langt navn (høyst %d tegn)", Shorten(name, 40), MaxNameLen))
		}
		if !p.Role.Valid() {
			v.Add(FieldRoundPeople, fmt.Sprintf("Velg rolle for deltaker nr. %d", i+1))
		}
		v.addErr(FieldRoundPeople, CheckNoNationalID(FieldRoundPeople, p.Name))
	}
}

// checkRoundAnswers: each answer is to a question of the checklist (one of
// total), once, with a known answer and a comment within limits.
func checkRoundAnswers(v *ValidationError, answers []RoundAnswer, total int) {
	seen := map[int]bool{}
	for _, a := range answers {
		switch {
		case a.Number < 1 || a.Number > total:
			v.Add(FieldRoundAnswers, fmt.Sprintf("Svar på spørsmål nr. %d, som ikke finnes i sjekklisten", a.Number))
		case seen[a.Number]:
			v.Add(FieldRoundAnswers, fmt.Sprintf("Spørsmål nr. %d er besvart to ganger", a.Number))
		}
		seen[a.Number] = true
		if a.Answer != "" && !a.Answer.Valid() {
			v.Add(FieldRoundAnswers, fmt.Sprintf("Ukjent svar på spørsmål nr. %d", a.Number))
		}
		checkText(v, FieldRoundComment, a.Comment, false, MaxNoteLen)
	}
}

// checkComplete adds what a completed round must have.
func (r SafetyRound) checkComplete(v *ValidationError, today Date) {
	switch {
	case r.CompletedOn.IsZero():
		v.Add(FieldRoundStatus, "Fullført-dato mangler")
	case r.CompletedOn.After(today):
		v.Add(FieldRoundStatus, "Fullført-dato kan ikke være frem i tid")
	case !r.Date.IsZero() && r.Date.After(r.CompletedOn):
		v.Add(FieldRoundDate, "Vernerunden kan ikke fullføres før datoen den gjennomføres ("+r.Date.String()+")")
	}
	var lead, vo bool
	for _, p := range r.Participants {
		lead = lead || p.Role == RoundRoleLeder
		vo = vo || p.Role == RoundRoleVerneombud
	}
	if !lead || !vo {
		v.Add(FieldRoundPeople, "Deltakere må omfatte både leder og verneombud før vernerunden fullføres")
	}
	if a, t := r.Progress(); a < t {
		v.Add(FieldRoundAnswers, fmt.Sprintf("Alle spørsmål må besvares før vernerunden fullføres (%d av %d besvart)", a, t))
	}
	for _, f := range r.Findings() {
		if strings.TrimSpace(f.Answer.Comment) == "" {
			v.Add(FieldRoundComment, fmt.Sprintf("Spørsmål nr. %d er besvart «Må forbedres»: beskriv funnet i kommentaren", f.Question.Number))
		}
	}
}

// Complete returns the round completed (and so locked) on today, or the
// unchanged round and a ValidationError saying what is missing. Completing
// twice is refused.
func (r SafetyRound) Complete(today Date) (SafetyRound, error) {
	if r.Locked() {
		var v ValidationError
		v.Add(FieldRoundStatus, "Vernerunden er allerede fullført")
		return r, v.Err()
	}
	n := r
	n.Status = RoundCompleted
	n.CompletedOn = today
	if err := n.Validate(today); err != nil {
		return r, err
	}
	return n, nil
}

// CheckRoundChange is the lock: a change from old to updated is refused
// once old is completed. Saving an identical copy is not a change.
func CheckRoundChange(old, updated SafetyRound) error {
	if !old.Locked() {
		return nil
	}
	if roundsEqual(old, updated) {
		return nil
	}
	var v ValidationError
	v.Add(FieldRoundStatus, msgRoundLocked)
	return v.Err()
}

// CheckRoundDelete refuses deleting a completed round.
func CheckRoundDelete(r SafetyRound) error { return r.CheckEditable() }

// CheckEditable returns the lock's message for a completed round, nil for
// one in progress.
func (r SafetyRound) CheckEditable() error {
	if !r.Locked() {
		return nil
	}
	var v ValidationError
	v.Add(FieldRoundStatus, msgRoundLocked)
	return v.Err()
}

func roundsEqual(a, b SafetyRound) bool {
	return reflect.DeepEqual(canonicalRound(a), canonicalRound(b))
}

// canonicalRound is the normalised round with every empty slice nil, so
// that a copy read back from storage equals the original.
func canonicalRound(r SafetyRound) SafetyRound {
	r = r.Normalized()
	var ss []ChecklistSection
	for _, s := range r.Sections {
		if len(s.Questions) == 0 {
			s.Questions = nil
		}
		ss = append(ss, s)
	}
	r.Sections = ss
	var as []RoundAnswer
	for _, a := range r.Answers {
		if len(a.MeasureIDs) == 0 {
			a.MeasureIDs = nil
		}
		if len(a.DeviationIDs) == 0 {
			a.DeviationIDs = nil
		}
		as = append(as, a)
	}
	r.Answers = as
	return r
}

// PreviousRound returns the latest completed round before r (by date, then
// ID), whose measures the pre-meeting follows up.
func PreviousRound(rounds []SafetyRound, r SafetyRound) (SafetyRound, bool) {
	var best SafetyRound
	found := false
	for _, x := range rounds {
		if x.ID == r.ID || !x.Locked() {
			continue
		}
		if x.Date.After(r.Date) || (x.Date == r.Date && r.ID != 0 && x.ID > r.ID) {
			continue
		}
		if !found || x.Date.After(best.Date) || (x.Date == best.Date && x.ID > best.ID) {
			best, found = x, true
		}
	}
	return best, found
}

// RoundMeasures returns the measures made from round r's findings, by their
// Source, in their original order.
func RoundMeasures(ms []Measure, roundID uint64) []Measure {
	var out []Measure
	for _, m := range ms {
		if fromRound(m) && m.Source.ParentID == roundID {
			out = append(out, m)
		}
	}
	return out
}

// MeasuresByRound is RoundMeasures for every round at once, in one pass
// over the action plan: the measures keyed by their round's ID.
func MeasuresByRound(ms []Measure) map[uint64][]Measure {
	out := map[uint64][]Measure{}
	for _, m := range ms {
		if fromRound(m) {
			out[m.Source.ParentID] = append(out[m.Source.ParentID], m)
		}
	}
	return out
}

// fromRound reports whether m was made from a finding of a safety round.
func fromRound(m Measure) bool { return m.Source.Kind == SourceSafetyRound && m.Source.ParentID != 0 }

// NewMeasureFromFinding builds a planned action-plan measure for finding
// number n of round r: Source names the round (ParentID) and the question
// (RefID = its number). A blank title falls back to the comment, then the
// question. The priority area is helsefremmende arbeid (the working
// environment) and the topic is left for the committee.
func NewMeasureFromFinding(r SafetyRound, n int, title, responsible string, deadline, today Date) Measure {
	q, _ := r.Question(n)
	a := r.AnswerFor(n)
	title = normalizeName(title)
	if title == "" {
		title = normalizeName(a.Comment)
	}
	if title == "" {
		title = normalizeName(q.Text)
	}
	m := NewMeasure(today)
	m.Title = Shorten(title, MaxTitleLen)
	m.Description = strings.TrimSpace(a.Comment)
	m.Source = Source{Kind: SourceSafetyRound, RefID: uint64(n), ParentID: r.ID, RefLabel: roundRefLabel(r, q)}
	m.PriorityArea = DefaultPriorityArea(m.Source.Kind)
	m.Responsible = normalizeName(responsible)
	m.Deadline = deadline
	return m
}

// roundRefLabel is "Vernerunde 12.03.2026, nr. 7: <question>".
func roundRefLabel(r SafetyRound, q QuestionRef) string {
	s := fmt.Sprintf("Vernerunde %s, nr. %d", r.Date, q.Number)
	if t := normalizeName(q.Text); t != "" {
		s += ": " + Shorten(t, 200)
	}
	return Shorten(s, MaxRefLabelLen)
}

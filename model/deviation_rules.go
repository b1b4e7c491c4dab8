package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Rules of the deviation register (avviksregisteret): validation, the
// status flow, the § 5-2 notice, what is sensitive, statistics, and the
// figures the violence-and-threats module counts. The types are in
// deviation.go.

// Field names for deviations, used in messages and as ValidationError
// keys. FieldCategory and FieldStatus are shared with other modules.
const (
	FieldDevDate            = "Dato"
	FieldDevPlace           = "Sted"
	FieldDevType            = "Type"
	FieldDevSeverity        = "Alvorlighetsgrad"
	FieldDevWhatHappened    = "Hva skjedde"
	FieldDevImmediateAction = "Strakstiltak"
	FieldDevCause           = "Årsak"
	FieldDevClosedBy        = "Lukket av"
	FieldDevClosedOn        = "Dato lukket"
	FieldDevMunicipalRef    = "Referanse i kommunens avvikssystem"
	FieldDevPersonHarm      = "Skade på person"
	FieldDevNotifiedOn      = "Dato meldt til Arbeidstilsynet og politiet"
	FieldDevViolenceType    = "Type vold eller trussel"
	FieldDevFollowUp        = "Oppfølging tilbudt"
)

// Limits for deviation text, in characters.
const (
	MaxDevPlaceLen  = MaxTitleLen       // "Avdeling 2 (langtid), bad"
	MaxDevTextLen   = MaxDescriptionLen // what happened
	MaxDevNoteLen   = MaxNoteLen        // immediate action, cause
	MaxDevRefLen    = 100               // the municipal system's reference
	DevOpenLongDays = 30                // an open deviation older than this is followed up
)

// DeviationSensitiveFields are the free-text fields that describe an
// incident. They may tell who was involved even without a name, so they
// are hidden in Møtemodus (the UI wraps them in widgets.Sensitive), left
// out of the annual report's deviation section and of the submission
// file, and never copied into a measure's source label. Redacted blanks
// exactly these.
var DeviationSensitiveFields = []string{FieldDevWhatHappened, FieldDevImmediateAction, FieldDevCause}

// Redacted returns d with the sensitive fields (DeviationSensitiveFields)
// blanked, for anything shown or shared beyond the committee's own
// register: Møtemodus, the annual report and the submission file.
func (d Deviation) Redacted() Deviation {
	d.WhatHappened = ""
	d.ImmediateAction = ""
	d.Cause = ""
	return d
}

// RedactDeviations returns a redacted copy of every deviation.
func RedactDeviations(devs []Deviation) []Deviation {
	out := make([]Deviation, len(devs))
	for i, d := range devs {
		out[i] = d.Redacted()
	}
	return out
}

var deviationCategoryShort = map[DeviationCategory]string{
	DevFire:          "Branntilløp",
	DevBurglary:      "Innbrudd, tyveri, ran",
	DevInjury:        "Personskade",
	DevEnvironment:   "Utslipp til miljø",
	DevHazardous:     "Kjemikalier, gass, biologisk",
	DevViolence:      "Vold og trusler",
	DevOrganisation:  "Organisatorisk",
	DevNonCompliance: "Brudd på HMS-regler",
}

// Short is a short form of the category's label for chart axes and
// narrow columns ("Kjemikalier, gass, biologisk"); "" for an unknown
// category.
func (c DeviationCategory) Short() string { return deviationCategoryShort[c] }

// NewDeviation returns a blank deviation registered today, for the form.
func NewDeviation(today Date) Deviation {
	return Deviation{Date: today, Status: DevRegistered}
}

// Normalized returns a copy with surrounding spaces trimmed, names and
// places with inner spaces collapsed, and what does not apply dropped:
// the violence fields outside vold og trusler, and repeated follow-up
// offers and measure IDs. Storage saves this form.
func (d Deviation) Normalized() Deviation {
	d.Place = normalizeName(d.Place)
	d.WhatHappened = strings.TrimSpace(d.WhatHappened)
	d.ImmediateAction = strings.TrimSpace(d.ImmediateAction)
	d.Cause = strings.TrimSpace(d.Cause)
	d.ClosedBy = normalizeName(d.ClosedBy)
	d.MunicipalRef = strings.TrimSpace(d.MunicipalRef)
	if d.Category != DevViolence {
		d.ViolenceType = ""
		d.FollowUpOffered = nil
	}
	var offers []FollowUpOffer
	for _, f := range d.FollowUpOffered {
		if !slices.Contains(offers, f) {
			offers = append(offers, f)
		}
	}
	// Known offers in display order, unknown ones after (Validate names them).
	slices.SortStableFunc(offers, func(a, b FollowUpOffer) int {
		return cmp.Compare(enumIndex(FollowUpOffers(), a), enumIndex(FollowUpOffers(), b))
	})
	d.FollowUpOffered = offers
	var ids []uint64
	for _, id := range d.MeasureIDs {
		if id != 0 && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	d.MeasureIDs = ids
	return d
}

// Validate checks the deviation as it would be saved and returns a
// ValidationError listing every problem, or nil:
//   - the date is required and not after today;
//   - place and "what happened" are required; category, type, severity
//     and status must be known values;
//   - vold og trusler needs a violence type, and the follow-up offers must
//     be known; other categories carry neither;
//   - a closed deviation says who closed it and when (not before the date
//     of the deviation, not after today); an open one has neither;
//   - the harm to a person, when recorded, is a known degree; a near miss
//     or an improvement suggestion has none, and a serious injury or a
//     death has severity alvorlig or svært alvorlig;
//   - notified to the authorities needs the date (same limits);
//   - reported to the municipal system needs its reference;
//   - no text may contain a national identity number.
func (d Deviation) Validate(today Date) error {
	var v ValidationError
	d.checkDescription(&v, today)
	d.checkViolence(&v)
	d.checkClosing(&v, today)
	checkPersonHarm(&v, d)
	d.checkAuthoritiesNotice(&v, today)
	d.checkMunicipalReport(&v)
	return v.Err()
}

// checkDescription: the date, place, classification and the texts that
// describe what happened.
func (d Deviation) checkDescription(v *ValidationError, today Date) {
	checkDevDate(v, FieldDevDate, d.Date, Date{}, today)
	checkText(v, FieldDevPlace, d.Place, true, MaxDevPlaceLen)
	if !d.Category.Valid() {
		v.Add(FieldCategory, "Velg kategori")
	}
	if !d.Type.Valid() {
		v.Add(FieldDevType, "Velg type")
	}
	if !d.Severity.Valid() {
		v.Add(FieldDevSeverity, "Velg alvorlighetsgrad")
	}
	checkText(v, FieldDevWhatHappened, d.WhatHappened, true, MaxDevTextLen)
	checkText(v, FieldDevImmediateAction, d.ImmediateAction, false, MaxDevNoteLen)
	checkText(v, FieldDevCause, d.Cause, false, MaxDevNoteLen)
}

// checkViolence: vold og trusler needs a violence type and known follow-up
// offers; other categories carry neither.
func (d Deviation) checkViolence(v *ValidationError) {
	if d.Category != DevViolence {
		if d.ViolenceType != "" || len(d.FollowUpOffered) > 0 {
			v.Add(FieldDevViolenceType, "Type vold og oppfølging registreres bare for kategorien Vold og trusler")
		}
		return
	}
	if !d.ViolenceType.Valid() {
		v.Add(FieldDevViolenceType, "Velg type vold eller trussel")
	}
	for _, f := range d.FollowUpOffered {
		if !f.Valid() {
			v.Add(FieldDevFollowUp, fmt.Sprintf("Ukjent oppfølging «%s»", Shorten(string(f), 40)))
		}
	}
}

// checkClosing: a known status; a closed deviation says who closed it and
// when, an open one has neither.
func (d Deviation) checkClosing(v *ValidationError, today Date) {
	switch {
	case !d.Status.Valid():
		v.Add(FieldStatus, "Velg status")
	case d.Status == DevClosed:
		checkText(v, FieldDevClosedBy, d.ClosedBy, true, MaxNameLen)
		checkDevDate(v, FieldDevClosedOn, d.ClosedOn, d.Date, today)
	default:
		if strings.TrimSpace(d.ClosedBy) != "" || !d.ClosedOn.IsZero() {
			v.Add(FieldDevClosedOn, "Et avvik som ikke er lukket, kan ikke ha «lukket av» eller dato lukket")
		}
	}
}

// checkAuthoritiesNotice: notified to Arbeidstilsynet and the police needs
// the date, and a date needs the tick.
func (d Deviation) checkAuthoritiesNotice(v *ValidationError, today Date) {
	if d.AuthoritiesNotified {
		checkDevDate(v, FieldDevNotifiedOn, d.AuthoritiesNotifiedOn, d.Date, today)
	} else if !d.AuthoritiesNotifiedOn.IsZero() {
		v.Add(FieldDevNotifiedOn, "Kryss av for at avviket er meldt til Arbeidstilsynet og politiet, eller fjern datoen")
	}
}

// checkMunicipalReport: reported to the municipal deviation system needs
// its reference, and a reference needs the tick.
func (d Deviation) checkMunicipalReport(v *ValidationError) {
	ref := strings.TrimSpace(d.MunicipalRef)
	switch {
	case d.ReportedToMunicipal && ref == "":
		v.Add(FieldDevMunicipalRef, "Skriv referansen avviket fikk i kommunens avvikssystem")
	case !d.ReportedToMunicipal && ref != "":
		v.Add(FieldDevMunicipalRef, "Kryss av for at avviket er meldt i kommunens avvikssystem, eller fjern referansen")
	}
	checkText(v, FieldDevMunicipalRef, d.MunicipalRef, false, MaxDevRefLen)
}

// checkPersonHarm: a recorded harm is a known degree, fits the type (a
// near miss or a suggestion hurt nobody) and the severity (a serious injury
// or a death is at least alvorlig).
func checkPersonHarm(v *ValidationError, d Deviation) {
	switch h := d.PersonHarm; {
	case h == "":
	case !h.Valid():
		v.Add(FieldDevPersonHarm, fmt.Sprintf("Ukjent skade på person «%s»", Shorten(string(h), 40)))
	case h != HarmNone && (d.Type == TypeNearMiss || d.Type == TypeImprovement):
		v.Add(FieldDevPersonHarm, "En nestenulykke eller et forbedringsforslag har ingen personskade: velg en annen type, eller «"+HarmNone.Label()+"»")
	case h.Notifiable() && d.Severity.Valid() && d.Severity != SeveritySerious && d.Severity != SeverityVerySerious:
		v.Add(FieldDevPersonHarm, h.Label()+" har alvorlighetsgrad «"+SeveritySerious.Label()+"» eller «"+SeverityVerySerious.Label()+"»")
	}
}

// checkDevDate: required, not after today, and not before notBefore
// (the deviation's own date) when that is set.
func checkDevDate(v *ValidationError, field string, d, notBefore, today Date) {
	switch {
	case d.IsZero():
		v.Add(field, field+" må fylles ut")
	case !today.IsZero() && d.After(today):
		v.Add(field, field+" kan ikke være frem i tid")
	case !notBefore.IsZero() && d.Before(notBefore):
		v.Add(field, field+" kan ikke være før datoen for avviket ("+notBefore.String()+")")
	}
}

// Open reports whether a deviation with this status still needs handling:
// registrert and under behandling.
func (s DeviationStatus) Open() bool { return s == DevRegistered || s == DevInProgress }

// deviationTransitions is the status flow. Beyond registrert → under
// behandling → lukket:
//   - registrert may be closed at once: many deviations are dealt with on
//     the spot (a blocked escape route cleared, a suggestion carried out),
//     and a quick register is one people use;
//   - lukket → under behandling reopens a deviation closed too early or by
//     mistake; who closed it and when are cleared, and set again when it
//     is closed anew;
//   - nothing goes back to registrert: once someone handles a deviation,
//     it is being handled.
var deviationTransitions = map[DeviationStatus][]DeviationStatus{
	DevRegistered: {DevInProgress, DevClosed},
	DevInProgress: {DevClosed},
	DevClosed:     {DevInProgress},
}

// Transitions returns the statuses a deviation can move to from s, in
// display order; nil for an unknown status. The slice is the caller's.
func (s DeviationStatus) Transitions() []DeviationStatus {
	return slices.Clone(deviationTransitions[s])
}

// CanBecome reports whether s → to is part of the status flow.
func (s DeviationStatus) CanBecome(to DeviationStatus) bool {
	return slices.Contains(deviationTransitions[s], to)
}

// Transition returns d moved to status to, or the unchanged deviation and a
// ValidationError. Closing needs who closed it (a person or a role) and
// the date, not before the deviation's date and not after today;
// closedBy and closedOn are ignored for other targets. Reopening clears
// them.
func (d Deviation) Transition(to DeviationStatus, closedBy string, closedOn Date, today Date) (Deviation, error) {
	var v ValidationError
	if !to.Valid() {
		v.Add(FieldStatus, "Velg status")
		return d, v.Err()
	}
	if !d.Status.CanBecome(to) {
		from := d.Status.Label()
		if from == "" {
			from = string(d.Status)
		}
		v.Add(FieldStatus, fmt.Sprintf("Et avvik med status «%s» kan ikke settes til «%s»", from, to.Label()))
		return d, v.Err()
	}
	n := d
	switch to {
	case DevClosed:
		checkText(&v, FieldDevClosedBy, closedBy, true, MaxNameLen)
		checkDevDate(&v, FieldDevClosedOn, closedOn, d.Date, today)
		n.ClosedBy = normalizeName(closedBy)
		n.ClosedOn = closedOn
	default:
		n.ClosedBy = ""
		n.ClosedOn = Date{}
	}
	if err := v.Err(); err != nil {
		return d, err
	}
	n.Status = to
	return n, nil
}

// Open reports whether the deviation still needs handling.
func (d Deviation) Open() bool { return d.Status.Open() }

// NeedsAuthorityNotice reports whether arbeidsmiljøloven § 5-2 says the
// deviation must be notified to Arbeidstilsynet and the nearest police at
// once: someone died or was seriously injured. The category does not
// matter (a fall, a fire, a chemical or violence all count), nor whether
// the severity is alvorlig or svært alvorlig.
//
// Read rule for records without PersonHarm (all saved before the field
// existed, and any saved with it left blank): the earlier rule stands, so
// a notice that was outstanding does not silently disappear. That is a
// personal injury or violence registered as svært alvorlig, not a near
// miss or an improvement suggestion (nobody was hurt in those). Choosing
// the harm in the form replaces the read rule for that record.
func (d Deviation) NeedsAuthorityNotice() bool {
	if d.PersonHarm != "" {
		return d.PersonHarm.Notifiable()
	}
	return (d.Category == DevInjury || d.Category == DevViolence) &&
		d.Severity == SeverityVerySerious &&
		d.Type != TypeNearMiss && d.Type != TypeImprovement
}

// HarmUnrecorded reports whether the form should ask what happened to the
// person: the harm is not recorded on a deviation or incident of severity
// alvorlig or svært alvorlig, where a § 5-2 notice could be due.
func (d Deviation) HarmUnrecorded() bool {
	return d.PersonHarm == "" && (d.Severity == SeveritySerious || d.Severity == SeverityVerySerious) &&
		d.Type != TypeNearMiss && d.Type != TypeImprovement
}

// NoticeOutstanding reports whether the § 5-2 notice is needed and not yet
// recorded as done.
func (d Deviation) NoticeOutstanding() bool {
	return d.NeedsAuthorityNotice() && !d.AuthoritiesNotified
}

// DaysToClose returns the days from the deviation's date to its closing,
// and false when it is not closed with valid dates.
func (d Deviation) DaysToClose() (int, bool) {
	if d.Status != DevClosed || d.Date.IsZero() || d.ClosedOn.IsZero() || d.ClosedOn.Before(d.Date) {
		return 0, false
	}
	return d.Date.DaysUntil(d.ClosedOn), true
}

// SourceLabel is what a measure made from d says of its source
// (Source.RefLabel): «Avvik 02.05.2025 Personskade, Avdeling A».
func (d Deviation) SourceLabel() string { return Shorten("Avvik "+d.Label(), MaxRefLabelLen) }

// MadeFrom reports whether measure m says it was made from deviation d:
// its source is a deviation with d's label. A register file carries the
// label, not the record's number, so this is how an imported deviation
// knows a measure of the unit is its own.
func (m Measure) MadeFrom(d Deviation) bool {
	return m.Source.Kind == SourceDeviation && strings.EqualFold(strings.TrimSpace(m.Source.RefLabel), d.SourceLabel())
}

// Label is a short description without the sensitive text, for lists,
// the change log and measure sources: "12.03.2026 Personskade, Avdeling 2".
func (d Deviation) Label() string {
	cat := d.Category.Label()
	if cat == "" {
		cat = "Avvik"
	}
	s := strings.TrimSpace(d.Date.String() + " " + cat)
	if p := normalizeName(d.Place); p != "" {
		s += ", " + p
	}
	return s
}

// CompareDeviationsNewestFirst orders deviations newest first: by date, then by ID
// (the one registered last first).
func CompareDeviationsNewestFirst(a, b Deviation) int { return compareNewestFirst(&a, &b) }

func compareNewestFirst(a, b *Deviation) int {
	return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(b.ID, a.ID))
}

// DeviationFilter selects deviations in the register. Zero fields do not
// filter.
type DeviationFilter struct {
	Status   DeviationStatus
	OpenOnly bool // registrert or under behandling
	// OpenSeriousOnly keeps the open serious ones (OpenSerious): the
	// dashboard's «Åpne alvorlige avvik».
	OpenSeriousOnly bool
	// NoticeOutstanding keeps the ones whose § 5-2 notice is not recorded.
	NoticeOutstanding bool
	Category          DeviationCategory
	Year              HMSYear
}

// Match reports whether d passes the filter.
func (f DeviationFilter) Match(d Deviation) bool {
	switch {
	case f.Status != "" && d.Status != f.Status,
		f.OpenOnly && !d.Open(),
		f.OpenSeriousOnly && !OpenSerious(d),
		f.NoticeOutstanding && !d.NoticeOutstanding(),
		f.Category != "" && d.Category != f.Category,
		f.Year != 0 && !f.Year.Contains(d.Date):
		return false
	}
	return true
}

// OpenSerious reports whether d is open and alvorlig or svært alvorlig:
// the deviations the dashboard counts and the register's «Åpne alvorlige»
// filter lists.
func OpenSerious(d Deviation) bool { return d.Open() && d.Severity.Serious() }

// FilterDeviations returns the deviations that pass f, newest first.
func FilterDeviations(devs []Deviation, f DeviationFilter) []Deviation {
	// Sort indices, not the records: a deviation is a large struct, and
	// moving thousands of them was most of the register page's time.
	idx := make([]int, 0, len(devs))
	for i := range devs {
		if f.Match(devs[i]) {
			idx = append(idx, i)
		}
	}
	slices.SortFunc(idx, func(a, b int) int {
		// Then by position, so equal records keep their order.
		return cmp.Or(compareNewestFirst(&devs[a], &devs[b]), cmp.Compare(a, b))
	})
	out := make([]Deviation, len(idx))
	for k, i := range idx {
		out[k] = devs[i]
	}
	return out
}

// DeviationYears returns the years that have deviations, newest first.
func DeviationYears(devs []Deviation) []HMSYear {
	var ys []HMSYear
	for _, d := range devs {
		if y := HMSYear(d.Date.Year()); !d.Date.IsZero() && !slices.Contains(ys, y) {
			ys = append(ys, y)
		}
	}
	slices.SortFunc(ys, func(a, b HMSYear) int { return cmp.Compare(b, a) })
	return ys
}

// LinkMeasure returns d with measure id added to MeasureIDs (once). Call
// it after storage has given the measure from NewMeasureFromDeviation its
// ID, so the link goes both ways.
func (d Deviation) LinkMeasure(id uint64) Deviation {
	if id == 0 || slices.Contains(d.MeasureIDs, id) {
		return d
	}
	d.MeasureIDs = append(slices.Clone(d.MeasureIDs), id)
	return d
}

// deviationTopic maps a deviation category to the closest HMS topic of
// the action plan.
var deviationTopic = map[DeviationCategory]HMSCategory{
	DevFire:          CategoryAccidentsFire,
	DevBurglary:      CategoryOther,
	DevInjury:        CategoryAccidentsFire,
	DevEnvironment:   CategoryPhysical,
	DevHazardous:     CategoryPhysical,
	DevViolence:      CategoryViolence,
	DevOrganisation:  CategoryPsychosocial,
	DevNonCompliance: CategoryOther,
}

// RelabelFromDeviation is m with its source label following d, when m was
// made for d; ok is false when nothing changes.
func RelabelFromDeviation(m Measure, d Deviation) (Measure, bool) {
	if m.Source.Kind != SourceDeviation || m.Source.RefID != d.ID || d.ID == 0 {
		return m, false
	}
	l := d.SourceLabel()
	if m.Source.RefLabel == l {
		return m, false
	}
	m.Source.RefLabel = l
	return m, true
}

// NewMeasureFromDeviation builds a planned action-plan measure for a
// deviation, linked back to it. A blank title becomes "Oppfølging av avvik
// <label>". The topic follows the category, and the priority area is
// forebyggende sykefraværsarbeid; the user can change both. The source
// label is the deviation's Label, never its description: the action plan
// is shared more widely than the register.
func NewMeasureFromDeviation(d Deviation, title, responsible string, deadline, today Date) Measure {
	title = strings.TrimSpace(title)
	if title == "" {
		title = Shorten("Oppfølging av avvik "+d.Label(), MaxTitleLen)
	}
	m := NewMeasure(today)
	m.Title = title
	m.Source = Source{Kind: SourceDeviation, RefID: d.ID, RefLabel: d.SourceLabel()}
	m.PriorityArea = DefaultPriorityArea(m.Source.Kind)
	m.Topic = deviationTopic[d.Category]
	m.Responsible = normalizeName(responsible)
	m.Deadline = deadline
	return m
}

// DeviationStatistics are the register's figures for one year.
type DeviationStatistics struct {
	Year  HMSYear
	Total int
	// ByQuarterCategory has the year's four quarters, each with all eight
	// categories (zero when none), so charts and tables need no checks.
	ByQuarterCategory map[Quarter]map[DeviationCategory]int
	ByQuarter         map[Quarter]int // the four quarters
	// OpenByQuarter and ClosedByQuarter split ByQuarter by the status
	// today.
	OpenByQuarter, ClosedByQuarter map[Quarter]int
	ByCategory                     map[DeviationCategory]int // all eight
	ByType                         map[DeviationType]int     // all four
	BySeverity                     map[Severity]int          // all four
	// Open and Closed are by the status today (the register keeps the
	// current status, not its history).
	Open, Closed int
	// OpenLong counts open deviations registered more than DevOpenLongDays
	// days before today.
	OpenLong int
	// AvgDaysToClose is the mean of ClosedOn − Date over the closed
	// deviations with valid dates (ClosedMeasured of them); 0 when none.
	AvgDaysToClose float64
	ClosedMeasured int
	// NoticeNeeded counts § 5-2 cases (NeedsAuthorityNotice: a death or a
	// serious injury). Each is in exactly one of: NoticeSent, notified
	// with a date in the year; NoticeSentAfterYear, notified with a later
	// date (or, invalidly, none); NoticeOutstanding, no notice recorded
	// as of today. The submission's "§ 5-2 notices sent" is NoticeSent.
	NoticeNeeded, NoticeSent, NoticeSentAfterYear, NoticeOutstanding int
	WithMeasures                                                     int // deviations with at least one measure
	ReportedToMunicipal                                              int
}

// DeviationStats returns the figures for the deviations dated in year,
// with open and closed as of today. Deviations dated after today are not
// counted (they cannot be valid).
func DeviationStats(devs []Deviation, year HMSYear, today Date) DeviationStatistics {
	s := DeviationStatistics{
		Year:              year,
		ByQuarterCategory: map[Quarter]map[DeviationCategory]int{},
		ByQuarter:         map[Quarter]int{},
		OpenByQuarter:     map[Quarter]int{},
		ClosedByQuarter:   map[Quarter]int{},
		ByCategory:        devZeroCounts(DeviationCategories()),
		ByType:            devZeroCounts(DeviationTypes()),
		BySeverity:        devZeroCounts(Severities()),
	}
	for _, q := range year.Quarters() {
		s.ByQuarterCategory[q] = devZeroCounts(DeviationCategories())
		s.ByQuarter[q], s.OpenByQuarter[q], s.ClosedByQuarter[q] = 0, 0, 0
	}
	days := 0
	for _, d := range devs {
		if !year.Contains(d.Date) || (!today.IsZero() && d.Date.After(today)) {
			continue
		}
		q := QuarterOf(d.Date)
		s.Total++
		s.ByQuarter[q]++
		s.ByQuarterCategory[q][d.Category]++
		s.ByCategory[d.Category]++
		s.ByType[d.Type]++
		s.BySeverity[d.Severity]++
		if d.Status == DevClosed {
			s.Closed++
			s.ClosedByQuarter[q]++
			if n, ok := d.DaysToClose(); ok {
				days += n
				s.ClosedMeasured++
			}
		} else {
			s.Open++
			s.OpenByQuarter[q]++
			if !today.IsZero() && d.Date.DaysUntil(today) > DevOpenLongDays {
				s.OpenLong++
			}
		}
		s.countNotice(d)
		if len(d.MeasureIDs) > 0 {
			s.WithMeasures++
		}
		if d.ReportedToMunicipal {
			s.ReportedToMunicipal++
		}
	}
	if s.ClosedMeasured > 0 {
		s.AvgDaysToClose = float64(days) / float64(s.ClosedMeasured)
	}
	return s
}

// NoticeText is the § 5-2 line of the year's statistics: how many deaths
// and serious injuries, and whether the notice to Arbeidstilsynet and the
// police was sent in the year, after it, or is not recorded. A part with
// none is left out, so it never reads «1: 0 meldt …»: «Ingen»; «2, alle
// meldt til Arbeidstilsynet og politiet i 2025»; «1, uten registrert
// melding til Arbeidstilsynet og politiet»; «3: 1 meldt til
// Arbeidstilsynet og politiet i 2026 og 2 uten registrert melding».
func (s DeviationStatistics) NoticeText() string {
	n := s.NoticeNeeded
	if n == 0 {
		return "Ingen"
	}
	all := func(what string) string {
		if n == 1 {
			return "1, " + what
		}
		if n == 2 {
			return "2, begge " + what
		}
		return fmt.Sprintf("%d, alle %s", n, what)
	}
	switch n {
	case s.NoticeSent:
		return all(fmt.Sprintf("meldt til Arbeidstilsynet og politiet i %s", s.Year))
	case s.NoticeSentAfterYear:
		return all(fmt.Sprintf("meldt til Arbeidstilsynet og politiet etter %s", s.Year))
	case s.NoticeOutstanding:
		return all("uten registrert melding til Arbeidstilsynet og politiet")
	}
	var parts []string
	if s.NoticeSent > 0 {
		parts = append(parts, fmt.Sprintf("%d meldt til Arbeidstilsynet og politiet i %s", s.NoticeSent, s.Year))
	}
	if s.NoticeSentAfterYear > 0 {
		parts = append(parts, fmt.Sprintf("%d meldt etter %s", s.NoticeSentAfterYear, s.Year))
	}
	if s.NoticeOutstanding > 0 {
		parts = append(parts, fmt.Sprintf("%d uten registrert melding", s.NoticeOutstanding))
	}
	return fmt.Sprintf("%d: %s", n, JoinAnd(parts))
}

// countNotice counts d's § 5-2 notice, if it needs one.
func (s *DeviationStatistics) countNotice(d Deviation) {
	switch {
	case !d.NeedsAuthorityNotice():
		return
	case !d.AuthoritiesNotified:
		s.NoticeOutstanding++
	case s.Year.Contains(d.AuthoritiesNotifiedOn):
		s.NoticeSent++
	default:
		s.NoticeSentAfterYear++
	}
	s.NoticeNeeded++
}

func devZeroCounts[T comparable](all []T) map[T]int {
	m := make(map[T]int, len(all))
	for _, v := range all {
		m[v] = 0
	}
	return m
}

// ViolenceIncidentFigures are the violence and threats incidents of a
// period, as the violence-and-threats module (forskrift om utførelse av
// arbeid kap. 3A, tidligere 23A) reports them. They come from the
// deviation register: one register, not two.
type ViolenceIncidentFigures struct {
	Total int
	// ByQuarter has every quarter from the period's first to its last
	// (zero when none) when both ends are set; otherwise only quarters
	// with incidents.
	ByQuarter  map[Quarter]int
	ByType     map[ViolenceType]int  // all five types
	BySeverity map[Severity]int      // all four levels
	ByFollowUp map[FollowUpOffer]int // incidents per offer, all three
	// FollowUpOffered counts incidents with at least one offer.
	FollowUpOffered int
	// Open counts incidents still being handled.
	Open int
}

// maxFigureQuarters caps the zero-filled quarters of a period, so a
// mistyped year cannot make a map of thousands of entries.
const maxFigureQuarters = 200

// inPeriod reports whether date is set and within from to to, both
// inclusive; a zero from or to leaves that end open.
func inPeriod(date, from, to Date) bool {
	return !date.IsZero() && (from.IsZero() || !date.Before(from)) && (to.IsZero() || !date.After(to))
}

// zeroQuarters gives every quarter from from to to a count of 0, so a
// quarter without incidents shows as 0; nothing when either end is open.
func (f *ViolenceIncidentFigures) zeroQuarters(from, to Date) {
	if from.IsZero() || to.IsZero() || to.Before(from) {
		return
	}
	q, last := QuarterOf(from), QuarterOf(to)
	for i := 0; !last.Before(q) && i < maxFigureQuarters; i++ {
		f.ByQuarter[q] = 0
		q = q.Next()
	}
}

// count adds incident d to the figures; a follow-up offered twice counts
// once.
func (f *ViolenceIncidentFigures) count(d *Deviation) {
	f.Total++
	f.ByQuarter[QuarterOf(d.Date)]++
	f.ByType[d.ViolenceType]++
	f.BySeverity[d.Severity]++
	offered := false
	seen := map[FollowUpOffer]bool{}
	for _, o := range d.FollowUpOffered {
		if !seen[o] {
			seen[o] = true
			f.ByFollowUp[o]++
			offered = true
		}
	}
	if offered {
		f.FollowUpOffered++
	}
	if d.Open() {
		f.Open++
	}
}

// ViolenceIncidents returns the figures for deviations of category vold og
// trusler dated from from to to, both inclusive; a zero from or to leaves
// that end open.
func ViolenceIncidents(devs []Deviation, from, to Date) ViolenceIncidentFigures {
	f := ViolenceIncidentFigures{
		ByQuarter:  map[Quarter]int{},
		ByType:     devZeroCounts(ViolenceTypes()),
		BySeverity: devZeroCounts(Severities()),
		ByFollowUp: devZeroCounts(FollowUpOffers()),
	}
	f.zeroQuarters(from, to)
	for _, d := range devs {
		if d.Category == DevViolence && inPeriod(d.Date, from, to) {
			f.count(&d)
		}
	}
	return f
}

// Package calendar writes the unit's meetings, annual-wheel duties and
// measure deadlines as an iCalendar file (RFC 5545) that Outlook, Google
// Calendar and others import. The command line (hmsutvalg calendar) and the
// screens share it.
//
// Every event has a UID made of the record's identity and the unit's (the
// file's fixed ID, not its name, so renaming the unit keeps the UIDs), so
// importing a newer file updates the events instead of adding copies.
// Meetings are in Europe/Oslo time (a VTIMEZONE is included); duties and
// deadlines are all-day events.
package calendar

import (
	"fmt"
	"hash/fnv"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"hmsutvalg/model"
)

// TZID is the time zone of the meetings.
const TZID = "Europe/Oslo"

// DefaultMeetingLength is a meeting's length when no end time is given.
const DefaultMeetingLength = time.Hour

// Input is what goes into the calendar.
type Input struct {
	Unit model.Unit
	// UnitID identifies the unit in the UIDs (storage.Store.UnitID); when
	// empty, a hash of the name and municipality is used instead.
	UnitID   string
	Meetings []model.Meeting
	Wheel    []model.WheelEntry // e.g. storage.ProvenWheels for this year and next
	Measures []model.Measure    // only open measures with a deadline become events
	Today    model.Date         // for the duties' state
	Now      time.Time          // DTSTAMP
}

// ICS returns the calendar file: CRLF line ends, lines folded at 75
// octets, text escaped.
func ICS(in Input) []byte {
	cal := ics.NewCalendarFor("HMS-utvalg")
	cal.SetMethod(ics.MethodPublish)
	cal.SetXWRCalName("HMS-utvalget – " + in.Unit.Name)
	cal.SetXWRTimezone(TZID)
	addOslo(cal)
	u := unitToken(in)
	for _, m := range in.Meetings {
		cal.AddVEvent(meetingEvent(m, u, in.Now))
	}
	for _, e := range in.Wheel {
		if !e.Due.IsZero() {
			cal.AddVEvent(wheelEvent(e, u, in.Today, in.Now))
		}
	}
	for _, m := range in.Measures {
		if m.Open() && !m.Deadline.IsZero() {
			cal.AddVEvent(measureEvent(m, u, in.Now))
		}
	}
	return []byte(cal.Serialize(ics.WithNewLineWindows))
}

// unitToken identifies the unit in UIDs, so two units' meeting 1 are
// different events: its fixed ID, or for input without one a short hash of
// the name and municipality.
func unitToken(in Input) string {
	if in.UnitID != "" {
		return in.UnitID
	}
	u := in.Unit
	h := fnv.New32a()
	_, _ = h.Write([]byte(strings.ToLower(u.Name + "|" + u.Municipality)))
	return fmt.Sprintf("%08x", h.Sum32())
}

func uid(kind, id, unit string) string {
	return kind + "-" + id + "-" + unit + "@hmsutvalg"
}

// addOslo adds the VTIMEZONE for Europe/Oslo: CET, with CEST from the last
// Sunday of March to the last Sunday of October (EU rules since 1996).
func addOslo(cal *ics.Calendar) {
	tz := cal.AddTimezone(TZID)
	std := tz.AddStandard()
	std.SetProperty(ics.ComponentPropertyDtStart, "19701025T030000")
	std.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), "+0200")
	std.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), "+0100")
	std.SetProperty(ics.ComponentProperty(ics.PropertyTzname), "CET")
	std.AddRrule("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU")
	day := &ics.Daylight{}
	day.SetProperty(ics.ComponentPropertyDtStart, "19700329T020000")
	day.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), "+0100")
	day.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), "+0200")
	day.SetProperty(ics.ComponentProperty(ics.PropertyTzname), "CEST")
	day.AddRrule("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")
	tz.Components = append(tz.Components, day)
}

// clean makes free text one kind of line end; the library escapes the
// rest (\ , ; and newlines).
func clean(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

func newEvent(id string, now time.Time, summary string) *ics.VEvent {
	ev := ics.NewEvent(id)
	ev.SetDtStampTime(now)
	ev.SetSummary(clean(summary))
	return ev
}

// allDay sets an all-day event on d (DTEND is the day after, exclusive).
func allDay(ev *ics.VEvent, d model.Date) {
	ev.SetAllDayStartAt(d.Time())
	ev.SetAllDayEndAt(d.AddDays(1).Time())
	ev.SetProperty(ics.ComponentPropertyTransp, "TRANSPARENT")
}

func localStamp(t time.Time) string { return t.Format("20060102T150405") }

// clock parses "14:00" on day d as a wall-clock time (its zone is only a
// carrier: the file says Europe/Oslo).
func clock(d model.Date, s string) (time.Time, bool) {
	c, err := time.Parse("15:04", strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, false
	}
	return d.Time().Add(time.Duration(c.Hour())*time.Hour + time.Duration(c.Minute())*time.Minute), true
}

func meetingEvent(m model.Meeting, unit string, now time.Time) *ics.VEvent {
	ev := newEvent(uid("mote", fmt.Sprint(m.ID), unit), now, "Møte i HMS-utvalget")
	if m.Place != "" {
		ev.SetLocation(clean(m.Place))
	}
	if desc := agenda(m); desc != "" {
		ev.SetDescription(desc)
	}
	start, ok := clock(m.Date, m.Start)
	if !ok {
		allDay(ev, m.Date)
		return ev
	}
	end, ok := clock(m.Date, m.End)
	if !ok || !end.After(start) {
		end = start.Add(DefaultMeetingLength)
	}
	ev.SetProperty(ics.ComponentPropertyDtStart, localStamp(start), ics.WithTZID(TZID))
	ev.SetProperty(ics.ComponentPropertyDtEnd, localStamp(end), ics.WithTZID(TZID))
	return ev
}

// agenda lists the items; a closed item (lukket sak) is only named as such.
func agenda(m model.Meeting) string {
	if len(m.Agenda) == 0 {
		return ""
	}
	lines := []string{"Sakliste:"}
	for i, it := range m.Agenda {
		title := clean(it.Title)
		if it.Closed {
			title = "Lukket sak"
		}
		lines = append(lines, fmt.Sprintf("%d. %s", i+1, title))
	}
	return strings.Join(lines, "\n")
}

func wheelEvent(e model.WheelEntry, unit string, today model.Date, now time.Time) *ics.VEvent {
	id := fmt.Sprintf("%d-%s-%d", e.Year, e.Kind, e.Seq)
	ev := newEvent(uid("arshjul", id, unit), now, "Årshjul: "+e.Title)
	allDay(ev, e.Due)
	desc := "Frist i årshjulet for " + e.Year.String() + ". Status: " + e.State(today).Label() + "."
	if e.Note != "" {
		desc += "\n" + clean(e.Note)
	}
	ev.SetDescription(desc)
	return ev
}

func measureEvent(m model.Measure, unit string, now time.Time) *ics.VEvent {
	ev := newEvent(uid("tiltak", fmt.Sprint(m.ID), unit), now, "Frist for tiltak: "+m.Title)
	allDay(ev, m.Deadline)
	desc := "Handlingsplanen, tiltak nr. " + fmt.Sprint(m.ID) + ". Status: " + m.Status.Label() + "."
	if m.Responsible != "" {
		desc += "\nAnsvarlig: " + clean(m.Responsible)
	}
	ev.SetDescription(desc)
	return ev
}

// Source is what Load reads; the store satisfies it.
type Source interface {
	Unit() (model.Unit, error)
	UnitID() (string, error)
	Meetings() ([]model.Meeting, error)
	Measures() ([]model.Measure, error)
	ProvenWheels(years []model.HMSYear, today model.Date) ([]model.WheelEntry, error)
}

// Load reads what the calendar shows: all meetings, the annual wheel for
// today's year and the next, and the measures. Now is left for the caller.
func Load(src Source, today model.Date) (Input, error) {
	in := Input{Today: today}
	var err error
	if in.Unit, err = src.Unit(); err != nil {
		return in, err
	}
	if in.UnitID, err = src.UnitID(); err != nil {
		return in, err
	}
	if in.Meetings, err = src.Meetings(); err != nil {
		return in, err
	}
	if in.Measures, err = src.Measures(); err != nil {
		return in, err
	}
	y := model.HMSYear(today.Year())
	in.Wheel, err = src.ProvenWheels([]model.HMSYear{y, y + 1}, today)
	return in, err
}

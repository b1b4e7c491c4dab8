package calendar

import (
	"bytes"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Oslo on machines without a zone database

	ical "github.com/emersion/go-ical"

	"hmsutvalg/model"
)

var now = time.Date(2026, time.December, 4, 12, 0, 0, 0, time.UTC)

const awkward = "Møterom 2, 3. etg.; bygg \\B\\\nInngang fra gården"

func sample() Input {
	return Input{
		Unit:  model.Unit{Name: "Bjørkeli", Municipality: "Nordby"},
		Today: model.NewDate(2026, time.December, 4),
		Now:   now,
		Meetings: []model.Meeting{
			{ID: 1, Date: model.NewDate(2026, time.February, 10), Start: "14:00", End: "15:30", Place: awkward,
				Agenda: []model.AgendaItem{
					{Title: strings.Repeat("Handlingsplanen – status og forfalte tiltak, ", 4)},
					{Title: "Konflikt på avdeling B", Closed: true},
				}},
			{ID: 2, Date: model.NewDate(2026, time.June, 8), Start: "14:00"},
		},
		Wheel: []model.WheelEntry{{Year: 2026, Kind: "mote", Seq: 1, Title: "Møte i HMS-utvalget", Due: model.NewDate(2026, time.March, 31)}},
		Measures: []model.Measure{
			{ID: 5, Title: "Rydde rømningsvei", Status: model.StatusPlanlagt, Deadline: model.NewDate(2026, time.April, 30)},
			{ID: 6, Title: "Ferdig tiltak", Status: model.StatusUtfort, Deadline: model.NewDate(2026, time.April, 30)},
		},
	}
}

func TestICSLinesFollowRFC5545(t *testing.T) {
	b := ICS(sample())
	if !bytes.HasSuffix(b, []byte("END:VCALENDAR\r\n")) {
		t.Error("does not end with END:VCALENDAR CRLF")
	}
	if n := bytes.Count(b, []byte("\n")); n != bytes.Count(b, []byte("\r\n")) {
		t.Errorf("%d line feeds without carriage return", n-bytes.Count(b, []byte("\r\n")))
	}
	folded := 0
	for _, line := range strings.Split(strings.TrimSuffix(string(b), "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line of %d octets: %q", len(line), line)
		}
		if strings.HasPrefix(line, " ") {
			folded++
		}
	}
	if folded == 0 {
		t.Error("no folded line; the long agenda should fold")
	}
	if strings.Contains(string(b), "Konflikt") {
		t.Error("a closed agenda item's title is in the calendar")
	}
}

func parse(t *testing.T, b []byte) []ical.Event {
	t.Helper()
	cal, err := ical.NewDecoder(bytes.NewReader(b)).Decode()
	if err != nil {
		t.Fatal(err)
	}
	tz := cal.Children[0]
	if tz.Name != ical.CompTimezone || tz.Props.Get(ical.PropTimezoneID).Value != TZID {
		t.Errorf("first component %s, want VTIMEZONE %s", tz.Name, TZID)
	}
	return cal.Events()
}

func byUID(t *testing.T, evs []ical.Event) map[string]ical.Event {
	m := map[string]ical.Event{}
	for _, e := range evs {
		uid, err := e.Props.Text(ical.PropUID)
		if err != nil || uid == "" {
			t.Fatalf("event without UID: %v", err)
		}
		m[uid] = e
	}
	return m
}

func TestICSParsesBackWithAnotherLibrary(t *testing.T) {
	evs := byUID(t, parse(t, ICS(sample())))
	u := unitToken(sample())
	want := []string{"mote-1-" + u + "@hmsutvalg", "mote-2-" + u + "@hmsutvalg", "arshjul-2026-mote-1-" + u + "@hmsutvalg", "tiltak-5-" + u + "@hmsutvalg"}
	if len(evs) != len(want) {
		t.Errorf("%d events, want %d (a done measure is left out)", len(evs), len(want))
	}
	for _, id := range want {
		if _, ok := evs[id]; !ok {
			t.Errorf("no event %s", id)
		}
	}
	m := evs[want[0]]
	if loc, _ := m.Props.Text(ical.PropLocation); loc != awkward {
		t.Errorf("location %q, want %q", loc, awkward)
	}
	checkTimes(t, m, "2026-02-10T13:00:00Z", "2026-02-10T14:30:00Z")            // CET, +1
	checkTimes(t, evs[want[1]], "2026-06-08T12:00:00Z", "2026-06-08T13:00:00Z") // CEST, +2; one hour by default
	d := evs[want[3]]
	if p := d.Props.Get(ical.PropDateTimeStart); p.ValueType() != ical.ValueDate || p.Value != "20260430" {
		t.Errorf("deadline DTSTART %v %q, want an all-day DATE 20260430", p.ValueType(), p.Value)
	}
	if s, _ := d.Props.Get(ical.PropDateTimeEnd).DateTime(time.UTC); !s.Equal(time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("deadline DTEND %v, want the day after", s)
	}
	if st, err := d.Props.DateTime(ical.PropDateTimeStamp, time.UTC); err != nil || !st.Equal(now) {
		t.Errorf("DTSTAMP %v %v, want %v", st, err, now)
	}
}

func checkTimes(t *testing.T, e ical.Event, start, end string) {
	t.Helper()
	s, err := e.DateTimeStart(nil)
	if err != nil {
		t.Fatal(err)
	}
	en, err := e.DateTimeEnd(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.UTC().Format(time.RFC3339) + " " + en.UTC().Format(time.RFC3339); got != start+" "+end {
		t.Errorf("times %s, want %s %s", got, start, end)
	}
}

func TestUIDsAreStableAcrossExports(t *testing.T) {
	a := sample()
	b := sample()
	b.Now = now.Add(48 * time.Hour)
	b.Meetings[0].Place = "Et annet rom"
	ua, ub := byUID(t, parse(t, ICS(a))), byUID(t, parse(t, ICS(b)))
	for id := range ua {
		if _, ok := ub[id]; !ok {
			t.Errorf("UID %s changed between exports", id)
		}
	}
	other := sample()
	other.Unit.Name = "Solsiden"
	for id := range byUID(t, parse(t, ICS(other))) {
		if _, ok := ua[id]; ok {
			t.Errorf("two units share UID %s", id)
		}
	}
}

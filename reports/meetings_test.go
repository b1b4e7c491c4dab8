package reports

import (
	"path/filepath"
	"strings"
	"testing"

	"hmsutvalg/model"
)

func meetingInput() MeetingInput {
	day := model.NewDate(2026, 11, 24)
	members := []model.CommitteeMember{
		{ID: 1, Name: "Kari Nordmann", Role: model.RoleLeder, From: model.NewDate(2025, 1, 1)},
		{ID: 2, Name: "Ola Hansen", Role: model.RoleVerneombud, From: model.NewDate(2025, 1, 1)},
	}
	m := model.NewMeeting(day, members, model.ProposeAgenda(model.AgendaFacts{OpenMeasures: 2}), day)
	m.ID, m.Place, m.End = 4, "Møterom 2", "15:30"
	m.Participants[0].Attended = true
	m = m.AddItem(model.AgendaItem{Kind: model.AgendaCustom, Title: "Konflikt på avdeling 2", Closed: true,
		Notes: "Hemmelig notat om samarbeidsproblemer."})
	m.Agenda[1].Notes = "Fraværet er 6,1 % i tredje kvartal."
	m, did := m.AddDecision(m.Agenda[2].ID, "Leder følger opp forfalte tiltak")
	ms := model.NewMeasureFromDecision(m, did, "Gjennomgå forfalte tiltak", "Leder", model.NewDate(2027, 1, 31), day)
	ms.ID = 9
	m = m.LinkMeasure(did, 9)
	return MeetingInput{Unit: model.Unit{Name: "Solsiden sykehjem", Municipality: "Ringsaker kommune"},
		Meeting: m, Measures: []model.Measure{ms}, Today: day}
}

func writeMeetingPDF(t *testing.T, d *Document, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := d.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	qpdfCheck(t, path)
	return path
}

func TestMeetingInvitation(t *testing.T) {
	in := meetingInput()
	text := pdfText(t, writeMeetingPDF(t, MeetingInvitation(in, Options{}), "innkalling.pdf"))
	for _, want := range []string{"Innkalling til møte i HMS-utvalget", "Solsiden sykehjem", "24. november 2026",
		"14:00–15:30", "Møterom 2", "Kari Nordmann (Leder)", "1/26", "Godkjenning av innkalling og referat",
		"Handlingsplanen", "Lukket sak", "Eventuelt"} {
		if !strings.Contains(text, want) {
			t.Errorf("invitation lacks %q", want)
		}
	}
	if strings.Contains(text, "Konflikt på avdeling 2") {
		t.Error("closed item's title in the invitation")
	}
}

func TestMeetingMinutesOmitClosedByDefault(t *testing.T) {
	in := meetingInput()
	text := pdfText(t, writeMeetingPDF(t, MeetingMinutes(in, Options{}), "referat.pdf"))
	for _, want := range []string{"Referat fra møte i HMS-utvalget", "Til stede", "Kari Nordmann (Leder)", "Forfall",
		"Ola Hansen (Verneombud)", "Fraværet er 6,1 %", "Vedtak 1: Leder følger opp forfalte tiltak",
		"1 lukket sak er ikke tatt med", "Gjennomgå forfalte tiltak", "31.01.2027", "Dato", "Verneombud", "Referent"} {
		if !strings.Contains(text, want) {
			t.Errorf("minutes lack %q", want)
		}
	}
	for _, not := range []string{"Konflikt på avdeling 2", "Hemmelig notat"} {
		if strings.Contains(text, not) {
			t.Errorf("closed item leaked into shared minutes: %q", not)
		}
	}
	in.IncludeClosed = true
	full := pdfText(t, writeMeetingPDF(t, MeetingMinutes(in, Options{}), "referat-full.pdf"))
	if !strings.Contains(full, "Konflikt på avdeling 2 (lukket sak)") || !strings.Contains(full, "Hemmelig notat") ||
		strings.Contains(full, "ikke tatt med") {
		t.Error("minutes with closed items wrong")
	}
}

func TestMeetingsSection(t *testing.T) {
	in := meetingInput()
	d := New(Options{Title: "Årsrapport"})
	d.MeetingsSection(nil, 2026, in.Today)
	d.MeetingsSection([]model.Meeting{in.Meeting}, 2026, in.Today)
	text := pdfText(t, writeMeetingPDF(t, d, "arsrapport.pdf"))
	for _, want := range []string{"Ingen møter registrert i 2026.", "1 møte i 2026, med 1 vedtak og 1 nytt tiltak",
		"1 av 2", "1 sak ble behandlet som lukket sak"} {
		if !strings.Contains(text, want) {
			t.Errorf("section lacks %q\n%s", want, text)
		}
	}
}

package model

import (
	"errors"
	"os"
	"strings"
	"testing"
	"testing/iotest"
)

func parseCSV(s string) ([]SickLeaveQuarter, []CSVLineError) {
	return ParseSickLeaveCSV(strings.NewReader(s), slToday)
}

func TestParseSickLeaveCSVExampleFile(t *testing.T) {
	f, err := os.Open("../testdata/sykefravar-eksempel.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	qs, errs := ParseSickLeaveCSV(f, slToday)
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	if len(qs) != 6 {
		t.Fatalf("%d quarters", len(qs))
	}
	first := qs[0]
	if first.Quarter != (Quarter{2025, 1}) || first.Total != 840 || *first.SelfCertified != 120 || *first.DoctorShort != 210 ||
		*first.DoctorLong != 510 || first.Employees != 86 || first.AgreedDays != 5120 {
		t.Errorf("first line %+v", first)
	}
	last := qs[5]
	if last.Total != 1040 || last.DoctorShort != nil || last.DoctorLong != nil || last.AgreedDays != 0 || last.Employees != 84 {
		t.Errorf("last line %+v", last)
	}
	// The example shows both rules.
	if got := alertSummary(FollowUpAlerts(qs, SickLeaveSettings{})); got != "7:2025-K4,2026-K1,2026-K2 10:2026-K2" {
		t.Errorf("example alerts %q", got)
	}
}

func TestParseSickLeaveCSVForms(t *testing.T) {
	tests := []struct {
		name, in string
		want     []SickLeaveQuarter
	}{
		{"minimal", "kvartal;sykefravær totalt\n2026-K1;7,4\n", []SickLeaveQuarter{slq("2026-K1", 740)}},
		{"BOM and CRLF", "\ufeffkvartal;sykefravær totalt\r\n2026-K1;7,4\r\n", []SickLeaveQuarter{slq("2026-K1", 740)}},
		{"dot and percent", "Kvartal;Sykefravær %\n2026-K1;7.45%\n", []SickLeaveQuarter{slq("2026-K1", 745)}},
		{"header variations", "KVARTAL ; Totalt (%) ; Egenmeldt fravær ; Legemeldt korttidsfravær ; Legemeldt langtidsfravær ; Antall ansatte ; Avtalte dagsverk\n" +
			"K1 2026;7,4;1;2;4,4;20;1 300\n",
			[]SickLeaveQuarter{{Quarter: Quarter{2026, 1}, Total: 740, SelfCertified: PercentPtr(100), DoctorShort: PercentPtr(200), DoctorLong: PercentPtr(440), Employees: 20, AgreedDays: 1300}}},
		{"columns in another order", "sykefravaer totalt;kvartal\n7,4;2026-K1\n", []SickLeaveQuarter{slq("2026-K1", 740)}},
		{"empty lines and trailing semicolons", "\n\nkvartal;sykefravær totalt;;\n\n2026-K1;7,4;;\n;;;\n2026-K2;0\n", []SickLeaveQuarter{slq("2026-K1", 740), slq("2026-K2", 0)}},
		{"quoted cells", "\"kvartal\";\"sykefravær totalt\"\n\"2026-K1\";\"7,4\"\n", []SickLeaveQuarter{slq("2026-K1", 740)}},
		{"Windows-1252", "kvartal;sykefrav\xe6r totalt\n2026-K1;7,4\n", []SickLeaveQuarter{slq("2026-K1", 740)}},
		{"counts with decimals", "kvartal;sykefravær totalt;ansatte;avtalte dagsverk\n2026-K1;7,4;20,0;1300,00\n",
			[]SickLeaveQuarter{{Quarter: Quarter{2026, 1}, Total: 740, Employees: 20, AgreedDays: 1300}}},
		{"old Mac line ends", "kvartal;sykefravær totalt\r2026-K1;7,4\r", []SickLeaveQuarter{slq("2026-K1", 740)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, errs := parseCSV(tc.in)
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %+v", got)
			}
			for i := range got {
				g, w := got[i], tc.want[i]
				if g.Quarter != w.Quarter || g.Total != w.Total || g.Employees != w.Employees || g.AgreedDays != w.AgreedDays ||
					!samePtr(g.SelfCertified, w.SelfCertified) || !samePtr(g.DoctorShort, w.DoctorShort) || !samePtr(g.DoctorLong, w.DoctorLong) {
					t.Errorf("line %d: got %+v, want %+v", i, g, w)
				}
			}
		})
	}
}

func samePtr(a, b *Percent) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

func TestParseSickLeaveCSVErrors(t *testing.T) {
	const h = "kvartal;sykefravær totalt;egenmeldt\n"
	tests := []struct {
		name, in string
		want     []string // every error, as Error() texts (substrings)
	}{
		{"empty file", "", []string{"Filen: Filen er tom"}},
		{"header only", h, []string{"Filen: Filen har overskrifter, men ingen linjer med tall"}},
		{"comma separated", "kvartal,sykefravær totalt\n2026-K1,7.4\n", []string{"Linje 1: Kolonnene skal skilles med semikolon"}},
		{"unknown column", "kvartal;sykefravær totalt;avdeling\n", []string{"Linje 1, kolonne «avdeling»: Ukjent kolonne"}},
		{"legemeldt not split", "kvartal;sykefravær totalt;legemeldt\n", []string{"Linje 1, kolonne «legemeldt»: Ukjent kolonne", "korttid og langtid"}},
		{"missing total column", "kvartal;egenmeldt\n2026-K1;1\n", []string{"Linje 1: Kolonnen «sykefravær totalt» mangler"}},
		{"column twice", "kvartal;totalt;sykefravær\n", []string{"Linje 1, kolonne «sykefravær»: Kolonnen for sykefravær totalt står to ganger"}},
		{"bad percent", h + "2026-K1;7,4,1\n", []string{"Linje 2, kolonne «sykefravær totalt»: Sykefravær totalt må være et tall fra 0 til 100"}},
		{"three decimals", h + "2026-K1;7,451\n", []string{"Linje 2, kolonne «sykefravær totalt»: Sykefravær totalt kan ha høyst to desimaler"}},
		{"bad quarter", h + "2026-K5;7,4\n", []string{"Linje 2, kolonne «kvartal»: Kvartal må skrives som åååå-K1"}},
		{"missing quarter", h + ";7,4\n", []string{"Linje 2, kolonne «kvartal»: Kvartal må fylles ut"}},
		{"missing total", h + "2026-K1;;1\n", []string{"Linje 2, kolonne «sykefravær totalt»: Sykefravær totalt må fylles ut"}},
		{"future quarter", h + "2027-K1;7,4\n", []string{"Linje 2, kolonne «kvartal»: Kvartal 2027-K1 har ikke begynt"}},
		{"parts above total", h + "2026-K1;1,0;1,2\n", []string{"Linje 2, kolonne «sykefravær totalt»: Egenmeldt (1,2 %) er høyere enn sykefravær totalt (1,0 %)"}},
		{"too many cells", h + "2026-K1;7,4;1;9\n", []string{"Linje 2: Linjen har 4 celler, men overskriften bare 3 kolonner"}},
		{"unterminated quote", h + "\"2026-K1;7,4\n", []string{"Linje 2: Et anførselstegn"}},
		{"duplicate quarter", h + "2026-K1;7,4\n2026-K2;6\nK1 2026;7,5\n", []string{"Linje 4, kolonne «kvartal»: Kvartal 2026-K1 står også på linje 2"}},
		{"bad count", "kvartal;sykefravær totalt;ansatte\n2026-K1;7,4;-3\n", []string{"Linje 2, kolonne «ansatte»: Ansatte må være et helt tall"}},
		{"every bad line reported", h + "2026-K1;x\n2026-K2;6\n2026-K3;101\n", []string{"Linje 2, kolonne «sykefravær totalt»", "Linje 4, kolonne «sykefravær totalt»"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			qs, errs := parseCSV(tc.in)
			if qs != nil {
				t.Errorf("quarters returned despite errors: %+v", qs)
			}
			if len(errs) != len(tc.want) && tc.name != "legemeldt not split" {
				t.Errorf("%d errors, want %d: %v", len(errs), len(tc.want), errs)
			}
			all := make([]string, len(errs))
			for i, e := range errs {
				all[i] = e.Error()
			}
			joined := strings.Join(all, "\n")
			for _, w := range tc.want {
				if !strings.Contains(joined, w) {
					t.Errorf("errors %q lack %q", joined, w)
				}
			}
		})
	}
}

func TestParseSickLeaveCSVLimits(t *testing.T) {
	big := "kvartal;sykefravær totalt\n" + strings.Repeat("\n", MaxSickLeaveCSVLines+1)
	if _, errs := parseCSV(big); len(errs) != 1 || !strings.Contains(errs[0].Error(), "linjer") {
		t.Errorf("too many lines: %v", errs)
	}
	huge := strings.Repeat("x", MaxSickLeaveCSVBytes+1)
	if _, errs := parseCSV(huge); len(errs) != 1 || !strings.Contains(errs[0].Error(), "større enn") {
		t.Errorf("too big: %v", errs)
	}
}

func FuzzParseSickLeaveCSV(f *testing.F) {
	if b, err := os.ReadFile("../testdata/sykefravar-eksempel.csv"); err == nil {
		f.Add(b)
	}
	for _, s := range []string{"", "kvartal;sykefravær totalt\n2026-K1;7,4\n", "\ufeffkvartal;totalt;egenmeldt\r\n2025-K4;7,4 %;8\r\n",
		"kvartal;sykefravær totalt\n2026-K1;7,4\n2026-K1;7,4", "\"a;\"\"b\";c\n", "kvartal;totalt;ansatte;avtalte dagsverk\n2026-K1;0;1 000;9 999 999\n",
		"kvartal;totalt;legemeldt korttid;legemeldt langtid\n2026-K2;100;50;50,1\n", ";;;\n;\n", "kvartal;sykefrav\xe6r\n2026-K1;1\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		qs, errs := ParseSickLeaveCSV(strings.NewReader(string(b)), slToday)
		if len(qs) > 0 && len(errs) > 0 {
			t.Fatalf("both quarters and errors")
		}
		if len(qs) == 0 && len(errs) == 0 {
			t.Fatalf("neither quarters nor errors")
		}
		seen := map[Quarter]bool{}
		for _, q := range qs {
			if err := q.Validate(slToday); err != nil {
				t.Fatalf("returned quarter %+v does not validate: %v", q, err)
			}
			if seen[q.Quarter] {
				t.Fatalf("quarter %s twice", q.Quarter)
			}
			seen[q.Quarter] = true
		}
		for _, e := range errs {
			if e.Message == "" || e.Line < 0 {
				t.Fatalf("bad error %+v", e)
			}
		}
	})
}

// TestSickColumn has a case for every way sickColumn recognises (or does
// not recognise) a header cell.
func TestSickColumn(t *testing.T) {
	tests := []struct {
		header string
		col    sickCol
		ok     bool
	}{
		{"", 0, false},
		{" (%) ", 0, false},
		{"Antall", 0, false},
		{"Kvartal", colQuarter, true},
		{"periode", colQuarter, true},
		{"Quarter", colQuarter, true},
		{"Fravær per kvartal", 0, false},
		{"Egenmeldt (%)", colSelf, true},
		{"egenmeldt fravær", colSelf, true},
		{"Legemeldt korttidsfravær", colDoctorShort, true},
		{"sykmeldt_kort", colDoctorShort, true},
		{"Legemeldt langtid", colDoctorLong, true},
		{"Sykmeldt lang-tid", colDoctorLong, true},
		{"legemeldt", 0, false},
		{"Avtalte dagsverk", colAgreedDays, true},
		{"dagsverk", colAgreedDays, true},
		{"Antall ansatte", colEmployees, true},
		{"arbeidstakere", colEmployees, true},
		{"Totalt (%)", colTotal, true},
		{"samlet fravær", colTotal, true},
		{"Sykefravær %", colTotal, true},
		{"SYKEFRAVAER", colTotal, true},
		{"fravær", colTotal, true},
		{"Sykefraværsprosent", colTotal, true},
		{"sykefravær i prosent", colTotal, true},
		{"Sykefravær totalt", colTotal, true},
		{"sum sykefravær", colTotal, true},
		{"Sykefravær per avdeling", 0, false},
		{"avdeling", 0, false},
	}
	for _, tc := range tests {
		col, ok := sickColumn(tc.header)
		if col != tc.col || ok != tc.ok {
			t.Errorf("sickColumn(%q) = %v, %v; want %v, %v", tc.header, col, ok, tc.col, tc.ok)
		}
	}
}

// TestParseSickLeaveCSVMessages pins the whole error list, in order, for
// files with several problems, and the messages the table above lacks.
func TestParseSickLeaveCSVMessages(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"header with unterminated quote", "\"kvartal;sykefravær totalt\n", []string{
			"Linje 1: Et anførselstegn (\") er ikke avsluttet i overskriftene"}},
		{"header problems", "kvartal;;avdeling;egenmeldt;Egenmeldt %\n", []string{
			"Linje 1: En kolonne mangler overskrift",
			"Linje 1, kolonne «avdeling»: Ukjent kolonne. Kjente kolonner er: " + SickLeaveCSVHeader + " (legemeldt fravær må deles i korttid og langtid)",
			"Linje 1, kolonne «Egenmeldt %»: Kolonnen for egenmeldt står to ganger"}},
		{"both required columns missing", "egenmeldt;ansatte\n", []string{
			"Linje 1: Kolonnen «kvartal» mangler. Første linje skal være overskriftene: " + SickLeaveCSVHeader,
			"Linje 1: Kolonnen «sykefravær totalt» mangler. Første linje skal være overskriftene: " + SickLeaveCSVHeader}},
		{"every cell wrong", "kvartal;sykefravær totalt;egenmeldt;legemeldt korttid;legemeldt langtid;ansatte;avtalte dagsverk\n" +
			"2026-K9;x;101;7,123;-1;1,5;y\n" +
			";;;;;;\n" +
			"2026-K1;;1\n" +
			"\"2026-K2;1\n" +
			"2026-K2;5;1;1;1;1;1;1\n" +
			"2026-K3;2;3\n" +
			"2026-K2;5\n" +
			"K2 2026;4\n", []string{
			"Linje 2, kolonne «kvartal»: Kvartal må skrives som åååå-K1 til åååå-K4, for eksempel 2026-K1",
			"Linje 2, kolonne «sykefravær totalt»: Sykefravær totalt må være et tall fra 0 til 100 med desimalkomma, for eksempel 7,4",
			"Linje 2, kolonne «egenmeldt»: Egenmeldt må være et tall fra 0 til 100 med desimalkomma, for eksempel 7,4",
			"Linje 2, kolonne «legemeldt korttid»: Legemeldt korttid kan ha høyst to desimaler, for eksempel 7,45",
			"Linje 2, kolonne «legemeldt langtid»: Legemeldt langtid må være et tall fra 0 til 100 med desimalkomma, for eksempel 7,4",
			"Linje 2, kolonne «ansatte»: Ansatte må være et helt tall fra 0 til 100 000",
			"Linje 2, kolonne «avtalte dagsverk»: Avtalte dagsverk må være et helt tall fra 0 til 100 000 000",
			"Linje 4, kolonne «sykefravær totalt»: Sykefravær totalt må fylles ut",
			"Linje 5: Et anførselstegn (\") er ikke avsluttet",
			"Linje 6: Linjen har 8 celler, men overskriften bare 7 kolonner",
			"Linje 7, kolonne «sykefravær totalt»: Egenmeldt (3,0 %) er høyere enn sykefravær totalt (2,0 %); delene kan ikke til sammen være mer enn totalen",
			"Linje 9, kolonne «kvartal»: Kvartal 2026-K2 står også på linje 8; hvert kvartal kan bare stå én gang"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			qs, errs := parseCSV(tc.in)
			if qs != nil {
				t.Errorf("quarters returned despite errors: %+v", qs)
			}
			got := make([]string, len(errs))
			for i, e := range errs {
				got[i] = e.Error()
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
	_, errs := ParseSickLeaveCSV(iotest.ErrReader(errors.New("disk borte")), slToday)
	if len(errs) != 1 || errs[0].Error() != "Filen: Filen kunne ikke leses: disk borte" {
		t.Errorf("unreadable file: %v", errs)
	}
}

package model

import "testing"

func TestTooFewMeetings(t *testing.T) {
	for _, c := range []struct {
		held, minimum int
		want          bool
	}{{0, 4, true}, {3, 4, true}, {4, 4, false}, {5, 4, false}, {0, 0, false}, {0, 1, true}} {
		if got := TooFewMeetings(c.held, c.minimum); got != c.want {
			t.Errorf("TooFewMeetings(%d, %d) = %v, want %v", c.held, c.minimum, got, c.want)
		}
	}
}

func TestMinMeetingsIn(t *testing.T) {
	for _, c := range []struct {
		start    string
		quarters int
		meetings int
	}{
		{"", 4, 4},
		{"15.06.2025", 4, 4}, // started the year before
		{"01.01.2026", 4, 4},
		{"02.01.2026", 3, 3},
		{"01.04.2026", 3, 3},
		{"15.09.2026", 1, 1},
		{"01.10.2026", 1, 1},
		{"04.12.2026", 0, 0},
		{"01.01.2027", 0, 0}, // started after the year
	} {
		var start Date
		if c.start != "" {
			start = d(c.start)
		}
		if q, m := QuartersFrom(2026, start), MinMeetingsIn(2026, start); q != c.quarters || m != c.meetings {
			t.Errorf("start %q: %d quarters, %d meetings; want %d, %d", c.start, q, m, c.quarters, c.meetings)
		}
	}
}

func TestAverageAboveTarget(t *testing.T) {
	s := SickLeaveSettings{Target: 520}
	for _, c := range []struct {
		avg  Percent
		want bool
	}{{519, false}, {520, false}, {521, true}, {740, true}} {
		if got := s.AverageAboveTarget(c.avg); got != c.want {
			t.Errorf("AverageAboveTarget(%s) = %v, want %v", c.avg, got, c.want)
		}
	}
	if (SickLeaveSettings{}).AverageAboveTarget(900) {
		t.Error("no target set, but flagged above target")
	}
}

func TestStartNote(t *testing.T) {
	if n := StartNote(AnnualFigures{Year: 2026}); n != "" {
		t.Errorf("no start: %q", n)
	}
	n := StartNote(AnnualFigures{Year: 2026, Started: d("04.12.2026")})
	if n != "Enheten startet 04.12.2026. Plikter med frist før denne datoen teller ikke, og møter og vernerunder kreves bare for hele kvartaler etter start (0 av 4)." {
		t.Errorf("note %q", n)
	}
}

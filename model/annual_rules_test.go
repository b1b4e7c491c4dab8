package model

import "testing"

func TestTooFewMeetings(t *testing.T) {
	for _, c := range []struct {
		held int
		want bool
	}{{0, true}, {3, true}, {4, false}, {5, false}} {
		if got := TooFewMeetings(c.held); got != c.want {
			t.Errorf("TooFewMeetings(%d) = %v, want %v", c.held, got, c.want)
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

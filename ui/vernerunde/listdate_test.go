package vernerunde

import (
	"strings"
	"testing"
)

// A completed round's row names the inspection's date too when it was
// completed another day: the plan's sources and the deviations name the
// round by that date («Vernerunde 17.03.2026, nr. 7»), which the list
// did not show anywhere.
func TestRoundRowNamesInspectionDate(t *testing.T) {
	f := newScreen(t, false)
	differ := 0
	for _, r := range f.s.Rounds() {
		text, _ := f.s.listText(r)
		if !strings.Contains(text, r.Date.String()) {
			t.Errorf("%s (inspection %s): row %q", r.Title, r.Date, text)
		}
		if r.Locked() && r.CompletedDate() != r.Date {
			differ++
			if !strings.Contains(text, "Fullført "+r.CompletedDate().String()) || !strings.Contains(text, "befaring "+r.Date.String()) {
				t.Errorf("row %q", text)
			}
		}
	}
	if differ == 0 {
		t.Error("no demo round was completed after its inspection day")
	}
}

package widgets

import "testing"

type modeSource bool

func (m modeSource) MeetingMode() bool        { return bool(m) }
func (m modeSource) OnMeetingMode(func(bool)) {}

// In Møtemodus the search fields that leave out hidden text say so before
// anyone types (a word only in a hidden description gave «Viser 0 av 205»).
func TestHiddenTextPlaceholder(t *testing.T) {
	if got := HiddenTextPlaceholder(modeSource(false), "Søk i avvikene …"); got != "Søk i avvikene …" {
		t.Errorf("outside Møtemodus: %q", got)
	}
	if got := HiddenTextPlaceholder(modeSource(true), "Søk i avvikene …"); got != "Søk i avvikene … (ikke i skjult tekst)" {
		t.Errorf("in Møtemodus: %q", got)
	}
	if got := HiddenTextPlaceholder(nil, "Søk"); got != "Søk" {
		t.Errorf("without a source: %q", got)
	}
}

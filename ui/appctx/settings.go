package appctx

import (
	"fyne.io/fyne/v2"

	"hmsutvalg/ui/apptheme"
	"hmsutvalg/ui/i18n"
)

// Preference keys. Settings belong to the person at this computer, not to the
// unit's file, so they live in Fyne's preferences rather than in bbolt.
const (
	prefUser        = "bruker"
	prefVariant     = "tema"
	prefTextScale   = "tekststorrelse"
	prefMeetingMode = "motemodus"
	prefLanguage    = "sprak"
	prefLastFile    = "sist_brukte_fil"
	// The HR card's options on Rapporter (the units expected to submit,
	// the target, the smallest unit shown alone): what HR typed stays
	// when the page is left or the program closed.
	prefHRExpected = "hr_forventede_enheter"
	prefHRTarget   = "hr_maal"
	prefHRMinSize  = "hr_minste_enhet"
)

// TextScales offered in Innstillinger, in percent.
var TextScales = []int{90, 100, 115, 130, 150}

// Settings reads and writes the user's preferences.
type Settings struct{ p fyne.Preferences }

// NewSettings wraps an app's preferences.
func NewSettings(p fyne.Preferences) *Settings { return &Settings{p: p} }

// User is the name written into the change log.
func (s *Settings) User() string     { return s.p.String(prefUser) }
func (s *Settings) SetUser(v string) { s.p.SetString(prefUser, v) }
func (s *Settings) Variant() string {
	return s.p.StringWithFallback(prefVariant, apptheme.VariantSystem)
}
func (s *Settings) SetVariant(v string) { s.p.SetString(prefVariant, v) }

// TextScale in percent (100 = normal).
func (s *Settings) TextScale() int {
	v := s.p.IntWithFallback(prefTextScale, 100)
	if v < 50 || v > 300 {
		return 100
	}
	return v
}
func (s *Settings) SetTextScale(v int)    { s.p.SetInt(prefTextScale, v) }
func (s *Settings) MeetingMode() bool     { return s.p.Bool(prefMeetingMode) }
func (s *Settings) SetMeetingMode(v bool) { s.p.SetBool(prefMeetingMode, v) }
func (s *Settings) Language() string      { return s.p.StringWithFallback(prefLanguage, i18n.Bokmal) }
func (s *Settings) SetLanguage(v string)  { s.p.SetString(prefLanguage, v) }
func (s *Settings) LastFile() string      { return s.p.String(prefLastFile) }
func (s *Settings) SetLastFile(v string)  { s.p.SetString(prefLastFile, v) }

// HROptions are the HR card's fields as typed: the expected units, the
// target and the smallest unit shown alone; min is "" when never typed.
func (s *Settings) HROptions() (expected, target, min string) {
	return s.p.String(prefHRExpected), s.p.String(prefHRTarget), s.p.String(prefHRMinSize)
}

// SetHROptions keeps the HR card's fields as typed.
func (s *Settings) SetHROptions(expected, target, min string) {
	s.p.SetString(prefHRExpected, expected)
	s.p.SetString(prefHRTarget, target)
	s.p.SetString(prefHRMinSize, min)
}

// Theme builds the theme these settings ask for.
func (s *Settings) Theme() fyne.Theme {
	return apptheme.New(s.Variant(), float32(s.TextScale())/100, s.MeetingMode())
}

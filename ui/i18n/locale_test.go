package i18n

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// setSystemLocale sets what Fyne reads as the system locale on Linux and
// the BSDs (the environment, read again on every registration).
func setSystemLocale(t *testing.T, loc string) {
	t.Helper()
	for _, v := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES"} {
		t.Setenv(v, "")
	}
	t.Setenv("LANG", loc)
}

// TestSetupWhateverTheSystemLocale: the chosen language shows, in Fyne's
// own texts, the app's and the menu's, whichever locale the system has:
// one Fyne ships texts for (German, Brazilian Portuguese, Chinese), a
// Norwegian one, one Fyne has no texts for (Italian) and none at all.
func TestSetupWhateverTheSystemLocale(t *testing.T) {
	for _, loc := range []string{"", "C", "nb_NO.UTF-8", "nn_NO", "de_DE.UTF-8", "pt_BR.UTF-8", "zh_CN.UTF-8", "fr_CA", "it_IT.UTF-8", "en_GB.UTF-8"} {
		setSystemLocale(t, loc)
		if err := Setup(English); err != nil {
			t.Fatal(err)
		}
		for key, want := range map[string]string{"Cancel": "Cancel", "Møtemodus av og på": "Meeting mode on and off", "meny.Fil": "File"} {
			if got := lang.X(key, key); got != want {
				t.Errorf("LANG=%q, English: %q = %q, want %q", loc, key, got, want)
			}
		}
		if err := Setup(Bokmal); err != nil {
			t.Fatal(err)
		}
		for key, want := range map[string]string{"Cancel": "Avbryt", "Møtemodus av og på": "Møtemodus av og på", "meny.Fil": "Fil"} {
			if got := lang.X(key, key); got != want {
				t.Errorf("LANG=%q, bokmål: %q = %q, want %q", loc, key, got, want)
			}
		}
	}
}

// TestSetupHandsFyneTheTextsOnce: Fyne parses every text set it is given
// in full, so the texts go to the one locale Fyne reads them from, not to
// each of the 18 (about 120 ms of the start on a 2-core machine).
func TestSetupHandsFyneTheTextsOnce(t *testing.T) {
	setSystemLocale(t, "de_DE.UTF-8")
	full := 0
	addTranslations = func(data []byte, l fyne.Locale) error {
		if len(data) > 1000 {
			full++
		}
		return lang.AddTranslationsForLocale(data, l)
	}
	t.Cleanup(func() { addTranslations = lang.AddTranslationsForLocale })
	for _, code := range []string{English, Bokmal} {
		full = 0
		if err := Setup(code); err != nil {
			t.Fatal(err)
		}
		if full != 1 {
			t.Errorf("%s: the texts were handed to Fyne %d times, want once", code, full)
		}
	}
}

// BenchmarkSetup is the language set-up done at every start.
func BenchmarkSetup(b *testing.B) {
	for b.Loop() {
		if err := Setup(Bokmal); err != nil {
			b.Fatal(err)
		}
	}
}

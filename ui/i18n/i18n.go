// Package i18n loads the app's translations into Fyne's lang package.
//
// Texts in the code are written in Norwegian bokmål and passed through lang.L,
// so bokmål is what shows when no translation applies. English is the second
// language. Fyne picks a translation by the system locale and ships no
// Norwegian, so on an English (or German, …) system it would mix languages.
// We therefore register a marker under every locale Fyne might pick, ask Fyne
// which one it reads, and register the chosen language's texts under that
// one (readLocales): the user's choice in Innstillinger wins on every
// platform.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

//go:embed translations/*.json
var files embed.FS

// Language codes offered in Innstillinger.
const (
	Bokmal  = "nb"
	English = "en"
)

// Languages lists the selectable languages with their own names.
var Languages = []struct{ Code, Name string }{
	{Bokmal, "Norsk bokmål"},
	{English, "English"},
}

// Every locale Fyne ships a translation for, plus Norwegian ones, so that
// whatever the system asks for resolves to one of them (readLocales).
var locales = []string{"en", "nb", "nn", "no", "cs", "de", "el", "es", "fr", "ja", "pl", "pt", "pt_BR", "ru", "sv", "ta", "uk", "zh_Hans"}

// Setup registers the texts of the given language (Bokmal or English).
// It merges Fyne's own strings (fyne.<code>.json) with the app's (app.<code>.json).
func Setup(code string) error {
	if code != English {
		code = Bokmal
	}
	msgs, err := Messages(code)
	if err != nil {
		return err
	}
	if code == Bokmal {
		if err := keepBokmal(msgs); err != nil {
			return err
		}
	}
	data, err := json.Marshal(msgs)
	if err != nil {
		return err
	}
	targets, err := readLocales()
	if err != nil {
		return err
	}
	for _, l := range targets {
		if err := addTranslations(data, fyne.Locale(l)); err != nil {
			return fmt.Errorf("oversettelse %s for %s: %w", code, l, err)
		}
	}
	if code == English {
		setTexts(msgs)
	} else {
		setTexts(nil)
	}
	remembered.Clear()
	return nil
}

// localeKey is registered under every locale with that locale's name as
// its text, so asking Fyne for it names the locale its texts are read from.
const localeKey = "hmsutvalg.locale"

// addTranslations is lang.AddTranslationsForLocale; a test counts the calls.
var addTranslations = lang.AddTranslationsForLocale

// readLocales returns the locales the texts must be registered under: the
// one Fyne reads its texts from on this system, found by registering
// localeKey under every locale and asking for it. Fyne parses every text
// set it is given in full (about 1 100 texts, 7 ms each time), so the whole
// set once instead of once per locale saves about 120 ms of the start on a
// 2-core machine. If the answer is not one of locales, every locale, as
// before.
func readLocales() ([]string, error) {
	for _, l := range locales {
		data, err := json.Marshal(map[string]string{localeKey: l})
		if err != nil {
			return nil, err
		}
		if err := addTranslations(data, fyne.Locale(l)); err != nil {
			return nil, fmt.Errorf("oversettelse for %s: %w", l, err)
		}
	}
	if got := lang.X(localeKey, ""); slices.Contains(locales, got) {
		return []string{got}, nil
	}
	return locales, nil
}

// keepBokmal adds every app text as its own translation: Fyne merges the
// texts it is given with those registered before, so without these a
// switch back from English would leave the English ones in place.
func keepBokmal(msgs map[string]any) error {
	en, err := Messages(English)
	if err != nil {
		return err
	}
	for k := range en {
		if _, ok := msgs[k]; !ok {
			msgs[k] = bokmalText(k)
		}
	}
	return nil
}

// namespaces are key prefixes of texts looked up under a key of their own
// (lang.X "meny.Fil", TIn "avvikstype.Avvik"): their bokmål text is the
// key without it.
var namespaces = []string{"meny.", DeviationTypes}

// DeviationTypes is the namespace of the deviation types' labels (TIn).
const DeviationTypes = "avvikstype."

func bokmalText(key string) string {
	for _, ns := range namespaces {
		if t, ok := strings.CutPrefix(key, ns); ok {
			return t
		}
	}
	return key
}

// Messages returns the merged key → text map for a language.
func Messages(code string) (map[string]any, error) {
	out := map[string]any{}
	entries, err := fs.ReadDir(files, "translations")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), "."+code+".json") {
			continue
		}
		raw, err := files.ReadFile("translations/" + e.Name())
		if err != nil {
			return nil, err
		}
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, fmt.Errorf("%s: %w", e.Name(), err)
		}
		for k, v := range m {
			out[k] = v
		}
	}
	return out, nil
}

// remembered holds L's texts for the language set up last.
var remembered sync.Map // string → string

// L is lang.L of s, remembered until the next Setup: a list of thousands
// of rows asks for the same few labels on every row, and Fyne's lang.L
// matches the language anew on every call (a third of the time the heavy
// unit's deviation register took to build). For texts without data only.
func L(s string) string {
	if t, ok := remembered.Load(s); ok {
		return t.(string)
	}
	t := lang.L(s)
	remembered.Store(s, t)
	return t
}

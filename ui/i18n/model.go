package i18n

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The model (kept free of the GUI) writes its labels, validation messages
// and årshjul titles in bokmål, some with numbers or names filled in
// ("Frist kan ikke være før opprettet-dato (01.02.2026)"). T translates
// them: by the text itself, or by a key with %s and %d in its place
// ("Frist kan ikke være før opprettet-dato (%s)"), whose filled-in parts
// are translated in turn (a field name, "3. kvartal 2026").

var (
	tmu      sync.RWMutex
	texts    map[string]string // key → text of the chosen language; nil for bokmål
	patterns []pattern
)

type pattern struct {
	re    *regexp.Regexp
	out   string // the translation with every verb as %s
	verbs []byte // 's' or 'd', per filled-in part
	fixed int    // length of the key's own text, the longer wins
}

var verbRe = regexp.MustCompile(`%[sd]`)

// setTexts installs the texts of the chosen language (nil for bokmål).
func setTexts(m map[string]any) {
	tmu.Lock()
	defer tmu.Unlock()
	texts, patterns = nil, nil
	if m == nil {
		return
	}
	texts = map[string]string{}
	for k, v := range m {
		s, ok := v.(string)
		if !ok {
			continue
		}
		texts[k] = s
		if p, ok := newPattern(k, s); ok {
			patterns = append(patterns, p)
		}
	}
	sort.Slice(patterns, func(i, j int) bool { return patterns[i].fixed > patterns[j].fixed })
}

func newPattern(key, text string) (pattern, bool) {
	locs := verbRe.FindAllStringIndex(key, -1)
	if len(locs) == 0 || strings.Contains(key, "%%") {
		return pattern{}, false
	}
	var re strings.Builder
	re.WriteString("^")
	p := pattern{out: verbRe.ReplaceAllString(text, "%s")}
	last := 0
	for _, l := range locs {
		re.WriteString(regexp.QuoteMeta(key[last:l[0]]))
		p.fixed += l[0] - last
		if key[l[0]+1] == 'd' {
			re.WriteString(`(-?[0-9][0-9  .]*)`)
		} else {
			// A part never starts with a space or "%", so "Over %s %s"
			// splits "Over 10,0 % to" after the per cent sign.
			re.WriteString(`([^ %].*?)`)
		}
		p.verbs = append(p.verbs, key[l[0]+1])
		last = l[1]
	}
	re.WriteString(regexp.QuoteMeta(key[last:]))
	p.fixed += len(key) - last
	re.WriteString("$")
	var err error
	p.re, err = regexp.Compile(re.String())
	return p, err == nil && p.fixed > 0
}

// T is s in the chosen language; s itself in bokmål or when no key fits.
// Each line of a multi-line message is translated on its own.
func T(s string) string {
	tmu.RLock()
	defer tmu.RUnlock()
	if texts == nil || s == "" {
		return s
	}
	if strings.Contains(s, "\n") {
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			lines[i] = translate(l, 0)
		}
		return strings.Join(lines, "\n")
	}
	return translate(s, 0)
}

// TIn is s in the chosen language as a text of namespace ns (a key
// prefix such as "avvikstype."): the namespace's own translation of s
// where it has one, else T(s). A model label can need another word by
// where it stands: the deviation type «Avvik» is «Deviation», the page
// «Avvik» «Deviations».
func TIn(ns, s string) string {
	if ns != "" {
		tmu.RLock()
		t, ok := texts[ns+s]
		tmu.RUnlock()
		if ok {
			return t
		}
	}
	return T(s)
}

// Translated reports whether T finds an English text for s (tests).
func Translated(s string) bool {
	tmu.RLock()
	defer tmu.RUnlock()
	_, ok := lookup(s, 0)
	return ok
}

func translate(s string, depth int) string {
	if t, ok := lookup(s, depth); ok {
		return t
	}
	return s
}

// translatePart translates a filled-in part: as a text of its own, also
// starting with a small letter (the model lowers labels it puts inside a
// sentence: «opplæring og øvelser»); else a list «a, b (x, y), c» item by
// item; else by a key with parts filled in.
func translatePart(s string, depth int) string {
	if t, ok := texts[s]; ok {
		return t
	}
	if t, ok := lookupLower(s); ok {
		return t
	}
	if items := splitList(s); len(items) > 1 {
		for i, it := range items {
			items[i] = translatePart(it, depth+1)
		}
		return strings.Join(items, ", ")
	}
	return translate(s, depth)
}

// lookupLower is the text of s with a capital first letter, lowered again.
func lookupLower(s string) (string, bool) {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(r) {
		return "", false
	}
	t, ok := texts[string(unicode.ToUpper(r))+s[n:]]
	if !ok {
		return "", false
	}
	r, n = utf8.DecodeRuneInString(t)
	return string(unicode.ToLower(r)) + t[n:], true
}

// splitList splits s at the ", " outside parentheses.
func splitList(s string) []string {
	var out []string
	level, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			level++
		case ')':
			level--
		case ',':
			if level == 0 && strings.HasPrefix(s[i:], ", ") {
				out = append(out, s[start:i])
				start = i + 2
			}
		}
	}
	return append(out, s[start:])
}

func lookup(s string, depth int) (string, bool) {
	if t, ok := texts[s]; ok {
		return t, true
	}
	if depth > 2 {
		return "", false
	}
	for _, p := range patterns {
		m := p.re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		args := make([]any, len(m)-1)
		for i, a := range m[1:] {
			if p.verbs[i] == 's' {
				a = translatePart(a, depth+1)
			}
			args[i] = a
		}
		return fmt.Sprintf(p.out, args...), true
	}
	return "", false
}

package model

import (
	"strings"
	"unicode"
)

// FoldSearch is s as search compares it: lower case, with æ, ø and å (and
// the Swedish and German ä, ö, ü, é) spelled in plain letters, so «Dør»,
// «DØR», «dor» and «dør» are one word, and «ae» finds «æ». Spaces collapse
// to one.
func FoldSearch(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		r = unicode.ToLower(r)
		if f, ok := searchFold[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return strings.TrimRight(b.String(), " ")
}

var searchFold = map[rune]string{
	'æ': "ae", 'ä': "ae", 'ø': "o", 'ö': "o", 'å': "a", 'ü': "u", 'é': "e", 'è': "e", 'ê': "e",
}

// SearchQuery is a search text prepared once: its folded words.
type SearchQuery struct{ words []string }

// NewSearchQuery folds text into words; blank text matches everything.
func NewSearchQuery(text string) SearchQuery {
	return SearchQuery{words: strings.Fields(FoldSearch(text))}
}

// Empty reports a query with no words.
func (q SearchQuery) Empty() bool { return len(q.words) == 0 }

// Match reports whether every word of the query is found in one of the
// fields (a word is not found across two fields).
func (q SearchQuery) Match(fields ...string) bool {
	if q.Empty() {
		return true
	}
	folded := make([]string, 0, len(fields))
	for _, f := range fields {
		if f = FoldSearch(f); f != "" {
			folded = append(folded, f)
		}
	}
	for _, w := range q.words {
		if !containsAny(folded, w) {
			return false
		}
	}
	return true
}

func containsAny(fields []string, w string) bool {
	for _, f := range fields {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

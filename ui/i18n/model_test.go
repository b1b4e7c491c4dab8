package i18n

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"hmsutvalg/model"
)

// enumLabels are the labels of every model enum, as the UI shows them.
func enumLabels() []string {
	var out []string
	for _, l := range [][]string{
		model.StatusLabels(), model.SourceKindLabels(), model.PriorityAreaLabels(), model.MeasureSortKeyLabels(),
		model.GoalResultLabels(), model.RoleLabels(), model.DeviationCategoryLabels(), model.DeviationTypeLabels(),
		model.SeverityLabels(), model.DeviationStatusLabels(), model.PersonHarmLabels(), model.ViolenceTypeLabels(),
		model.FollowUpOfferLabels(), model.AgendaKindLabels(), model.RiskLevelLabels(), model.HMSCategoryLabels(),
		model.AssessmentKindLabels(), model.AssessmentStatusLabels(), model.AnswerLabels(), model.RoundRoleLabels(),
		model.TargetOwnerLabels(), model.FollowUpRuleLabels(), model.TenFactorLabels(), model.SurveyComparisonLabels(),
		model.SurveyFocusKindLabels(), model.SurveyMeetingKindLabels(), model.SurveyFollowUpLabels(), model.SectorLabels(),
		model.MeasurePointLabels(), model.RoutineKindLabels(), model.InfoMethodLabels(), model.TrainingKindLabels(),
		model.RepeatIntervalLabels(),
	} {
		out = append(out, l...)
	}
	for _, k := range model.WheelKinds() {
		out = append(out, k.Label())
	}
	for _, s := range []model.WheelState{model.WheelDone, model.WheelLate, model.WheelDueNow, model.WheelUpcoming} {
		out = append(out, s.Label())
	}
	for _, s := range []model.DutyState{model.DutyOK, model.DutyMissing, model.DutyOverdue} {
		out = append(out, s.Label())
	}
	for _, s := range model.SummaryStatuses() {
		out = append(out, s.Label())
	}
	for _, c := range model.DeviationCategories() {
		out = append(out, c.Short())
	}
	for _, r := range model.Roles() {
		out = append(out, r.Short())
	}
	for _, d := range model.ViolenceDuties() {
		out = append(out, d.Label())
	}
	for _, f := range model.ViolenceFactors() {
		out = append(out, f.Label())
	}
	for m := time.January; m <= time.December; m++ {
		out = append(out, model.MonthName(m)) // the årshjul's month headings
	}
	// The årshjul's duties, in a 10-FAKTOR year and in the year between.
	for _, ten := range []bool{true, false} {
		for _, e := range model.DefaultWheel(2026, ten) {
			out = append(out, e.Title)
		}
	}
	return out
}

// modelMessages finds the validation messages in package model: the
// message of every ValidationError.Add and FieldError (and of sick-leave
// alerts, also a Message), and the msg…
// constants, as keys (parts filled in at run time become %s or %d).
func modelMessages(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob("../../model/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("model sources: %v", err)
	}
	out := map[string]string{}
	add := func(fset *token.FileSet, e ast.Expr) {
		// Two parts filled in side by side read as one ("Mål 2: " + field).
		k := strings.ReplaceAll(messageKey(e), "%s%s", "%s")
		if strings.Trim(k, "%sd :") != "" {
			out[k] = fset.Position(e.Pos()).String()
		}
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			for _, e := range messageExprs(n) {
				add(fset, e)
			}
			return true
		})
	}
	return out
}

// messageExprs are the messages n sets: the second argument of an
// Add(field, msg) call, a Message: field or assignment, a msg… constant.
func messageExprs(n ast.Node) []ast.Expr {
	switch x := n.(type) {
	case *ast.CallExpr:
		if sel, ok := x.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Add" && len(x.Args) == 2 {
			return x.Args[1:]
		}
	case *ast.AssignStmt:
		return assignedMessages(x)
	case *ast.KeyValueExpr:
		if id, ok := x.Key.(*ast.Ident); ok && id.Name == "Message" {
			return []ast.Expr{x.Value}
		}
	case *ast.ValueSpec:
		return msgConstants(x)
	}
	return nil
}

func assignedMessages(x *ast.AssignStmt) []ast.Expr {
	var out []ast.Expr
	for i, l := range x.Lhs {
		if sel, ok := l.(*ast.SelectorExpr); ok && sel.Sel.Name == "Message" && i < len(x.Rhs) {
			out = append(out, x.Rhs[i])
		}
	}
	return out
}

func msgConstants(x *ast.ValueSpec) []ast.Expr {
	var out []ast.Expr
	for i, name := range x.Names {
		if strings.HasPrefix(name.Name, "msg") && i < len(x.Values) {
			out = append(out, x.Values[i])
		}
	}
	return out
}

var verbNorm = regexp.MustCompile(`%[-+ 0-9]*[dqvs]`)

// messageKey is e as a key: literal text kept, Sprintf formats with their
// verbs as %s or %d, anything computed as %s.
func messageKey(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.BasicLit:
		if x.Kind == token.STRING {
			s, _ := strconv.Unquote(x.Value)
			return s
		}
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			return messageKey(x.X) + messageKey(x.Y)
		}
	case *ast.ParenExpr:
		return messageKey(x.X)
	case *ast.CallExpr:
		if sel, ok := x.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Sprintf" && len(x.Args) > 0 {
			if lit, ok := x.Args[0].(*ast.BasicLit); ok {
				s, _ := strconv.Unquote(lit.Value)
				return verbNorm.ReplaceAllStringFunc(s, func(v string) string {
					if strings.HasSuffix(v, "d") {
						return "%d"
					}
					return "%s"
				})
			}
		}
	}
	return "%s"
}

// norwegian reports whether s still reads as Norwegian: æ, ø or å, or one
// of the commonest Norwegian words. Names the English text keeps (the
// survey 10-FAKTOR, Arbeidstilsynet, the law's own titles) are removed
// first.
func norwegian(s string) (string, bool) {
	for _, keep := range keepNorwegian {
		s = strings.ReplaceAll(s, keep, "")
	}
	if i := strings.IndexAny(s, "æøåÆØÅ"); i >= 0 {
		return s[i:min(len(s), i+12)], true
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z')
	}) {
		if norwegianWords[w] {
			return w, true
		}
	}
	return "", false
}

// keepNorwegian are names kept as they are in English texts.
var keepNorwegian = []string{"Arbeidstilsynet", "arbeidsmiljøloven", "internkontrollforskriften", "folketrygdloven",
	"HMS-utvalg", "Bjørkeli", "NAV", "verneombud", "Verneombud"}

var norwegianWords = map[string]bool{
	"og": true, "ikke": true, "er": true, "av": true, "med": true, "skal": true, "eller": true,
	"fra": true, "til": true, "som": true, "det": true, "ingen": true, "velg": true, "lagre": true, "avbryt": true,
	"frist": true, "tiltak": true, "enhet": true, "utvalg": true, "ansvarlig": true, "kan": true, "har": true,
	"mellom": true, "etter": true, "mangler": true, "forfalt": true, "kvartal": true, "vernerunde": true,
	"avvik": true, "gjennomgang": true, "rapport": true, "utvalget": true, "tall": true, "skrives": true,
}

// TestEnglishComplete: every enum label, årshjul duty and model message
// has an English text with no Norwegian left, and every English text of
// the app reads as English.
func TestEnglishComplete(t *testing.T) {
	if err := Setup(English); err != nil {
		t.Fatal(err)
	}
	defer Setup(Bokmal)
	en, _ := Messages(English)
	var bad []string
	check := func(where, key, text string) {
		if w, ok := norwegian(text); ok {
			bad = append(bad, where+": "+strconv.Quote(key)+" → "+strconv.Quote(text)+" (Norwegian: "+w+")")
		}
	}
	labels := enumLabels()
	if len(labels) < 150 {
		t.Fatalf("only %d enum labels found", len(labels))
	}
	for _, l := range labels {
		if l == "" {
			continue
		}
		if !Translated(l) {
			bad = append(bad, "enum/årshjul: no English for "+strconv.Quote(l))
			continue
		}
		check("enum/årshjul", l, T(l))
	}
	msgs := modelMessages(t)
	if len(msgs) < 100 {
		t.Fatalf("only %d model messages found; the scanner is broken", len(msgs))
	}
	for k, pos := range msgs {
		v, ok := en[k]
		if !ok {
			bad = append(bad, pos+": no English for message "+strconv.Quote(k))
			continue
		}
		check(pos, k, v.(string))
	}
	for k, v := range en {
		if s, ok := v.(string); ok {
			check("translations", k, s)
		}
	}
	sort.Strings(bad)
	if len(bad) > 0 {
		t.Errorf("%d texts are not (fully) English:\n%s", len(bad), strings.Join(bad, "\n"))
	}
}

func TestTranslatesFilledInMessages(t *testing.T) {
	if err := Setup(English); err != nil {
		t.Fatal(err)
	}
	defer Setup(Bokmal)
	for in, want := range map[string]string{
		"Frist må fylles ut": "Deadline is required",
		"Frist kan ikke være før opprettet-dato (01.02.2026)": "Deadline cannot be before the date created (01.02.2026)",
		"Sykefraværstall for 3. kvartal 2026":                 "Sick-leave figures for Q3 2026",
		"Møte 2 i HMS-utvalget":                               "Meeting 2 of the HMS committee",
		"Frist må fylles ut\nVelg status":                     "Deadline is required\nChoose a status",
		"ukjent tekst":                                        "ukjent tekst",
	} {
		if got := T(in); got != want {
			t.Errorf("T(%q) = %q, want %q", in, got, want)
		}
	}
	Setup(Bokmal)
	if got := T("Frist må fylles ut"); got != "Frist må fylles ut" {
		t.Errorf("bokmål: T changed the text to %q", got)
	}
}

// TestNoKeyWithTwoTexts: a key has one English text in all files (the
// merged map keeps only one, so the other screen would show the wrong
// word, as «Tema» once showed "Topic" for the colour theme).
func TestNoKeyWithTwoTexts(t *testing.T) {
	entries, err := files.ReadDir("translations")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	from := map[string]string{}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".en.json") {
			continue
		}
		raw, _ := files.ReadFile("translations/" + e.Name())
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		for k, v := range m {
			s, _ := v.(string)
			if old, ok := seen[k]; ok && old != s {
				t.Errorf("%q is %q in %s but %q in %s", k, old, from[k], s, e.Name())
			}
			seen[k], from[k] = s, e.Name()
		}
	}
}

// TestTranslatesSickLeaveAlerts: an alert whose filled-in parts hold
// spaces and per cent signs splits where it should.
func TestTranslatesSickLeaveAlerts(t *testing.T) {
	if err := Setup(English); err != nil {
		t.Fatal(err)
	}
	defer Setup(Bokmal)
	for in, want := range map[string]string{
		"Over 10,0 % i 2026-K1 (10,5 %): gruppen skal følges opp, og bedriftshelsetjenesten (BHT) skal trekkes inn.":                     "Over 10,0 % in 2026-Q1 (10,5 %): the group is to be followed up, and the occupational health service (OHS) brought in.",
		"Over 7,0 % to kvartaler på rad (2026-K1: 7,5 %, 2026-K2: 8,0 %): gruppen skal følges opp av leder, verneombud og tillitsvalgt.": "Over 7,0 % two quarters in a row (2026-Q1: 7,5 %, 2026-Q2: 8,0 %): the group is to be followed up by the manager, the safety representative and the union representative.",
		"Møte 08.12.2026": "Meeting 08.12.2026",
	} {
		if got := T(in); got != want {
			t.Errorf("T(%q) =\n %q, want\n %q", in, got, want)
		}
	}
}

// TestViolenceStatusEnglish: the sentences the model builds for the
// violence status page (paragraph references, notes with names, dates,
// counts and lists filled in) all come out in English.
func TestViolenceStatusEnglish(t *testing.T) {
	if err := Setup(English); err != nil {
		t.Fatal(err)
	}
	defer Setup(Bokmal)
	today := model.NewDate(2026, time.December, 4)
	old := model.NewDate(2024, time.March, 1)
	inputs := []model.ViolenceStatusInput{
		{},
		{
			Routines:  model.ViolenceRoutines{Informed: []model.ViolenceInformation{{Date: old, Employees: true, Representatives: true}}},
			Trainings: []model.ViolenceTraining{{Date: old, Topic: "Kurs i håndtering av utagerende atferd", Kind: model.TrainingCourse, Repeat: model.RepeatYear}},
			Incidents: []model.Deviation{
				{Date: today.AddDays(-10), Category: model.DevViolence, Severity: model.SeverityMinor, Status: model.DevRegistered},
				{Date: today.AddDays(-20), Category: model.DevViolence, Severity: model.SeverityMinor, Status: model.DevRegistered},
			},
		},
	}
	var bad []string
	notes := 0
	for _, in := range inputs {
		for _, st := range model.ViolenceStatusTable(in, today) {
			texts := append([]string{st.Duty.Paragraphs()}, st.Notes...)
			notes += len(st.Notes)
			for _, s := range texts {
				// The training's topic is the user's own text.
				got := strings.ReplaceAll(T(s), "Kurs i håndtering av utagerende atferd", "")
				if w, ok := norwegian(got); ok {
					bad = append(bad, strconv.Quote(s)+" → "+strconv.Quote(got)+" (Norwegian: "+w+")")
				}
			}
		}
	}
	if notes < 6 {
		t.Fatalf("only %d notes; the inputs no longer exercise the rules", notes)
	}
	for in, want := range map[string]string{
		"1 tiltak over fristen": "1 measure past its deadline",
		"3 tiltak over fristen": "3 measures past their deadline",
		"§ 3A-1 (ny fra 2026)":  "§ 3A-1 (new from 2026)",
	} {
		if got := T(in); got != want {
			bad = append(bad, strconv.Quote(in)+" → "+strconv.Quote(got)+", want "+strconv.Quote(want))
		}
	}
	if len(bad) > 0 {
		t.Errorf("%d violence status texts are not English:\n%s", len(bad), strings.Join(bad, "\n"))
	}
}

package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/arsgjennomgang"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/enhet"
	"hmsutvalg/ui/handlingsplan"
	"hmsutvalg/ui/innstillinger"
	"hmsutvalg/ui/moter"
	"hmsutvalg/ui/risiko"
	"hmsutvalg/ui/sykefravar"
	"hmsutvalg/ui/tifaktor"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/vernerunde"
	"hmsutvalg/ui/vold"
	"hmsutvalg/ui/widgets"
	"hmsutvalg/ui/wizard"
)

// modelFields reads package model's source and returns, for a validation
// function ("Measure.Validate", "ValidateCommittee"), every field name it
// can put in a message: the Field… constants it and the model functions it
// calls name, and the string given to ValidationError.Add. It reads the
// code rather than a list kept by hand, so a field added to a Validate
// shows up here by itself.
type modelSource struct {
	consts  map[string]string        // Field… constant → its value
	funcs   map[string]*ast.FuncDecl // "Name" or "Type.Name"
	methods map[string][]string      // method name → "Type.Name" keys
}

func readModel(t *testing.T) *modelSource {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob("../model/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("model source not found: %v", err)
	}
	m := &modelSource{consts: map[string]string{}, funcs: map[string]*ast.FuncDecl{}, methods: map[string][]string{}}
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			m.addDecl(d)
		}
	}
	return m
}

func (m *modelSource) addDecl(d ast.Decl) {
	switch d := d.(type) {
	case *ast.GenDecl:
		for _, s := range d.Specs {
			vs, ok := s.(*ast.ValueSpec)
			if !ok {
				continue
			}
			for i, n := range vs.Names {
				if !strings.HasPrefix(n.Name, "Field") || i >= len(vs.Values) {
					continue
				}
				if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					m.consts[n.Name], _ = strconv.Unquote(lit.Value)
				}
			}
		}
	case *ast.FuncDecl:
		key := d.Name.Name
		if d.Recv != nil && len(d.Recv.List) == 1 {
			typ := d.Recv.List[0].Type
			if st, ok := typ.(*ast.StarExpr); ok {
				typ = st.X
			}
			if id, ok := typ.(*ast.Ident); ok {
				key = id.Name + "." + d.Name.Name
				m.methods[d.Name.Name] = append(m.methods[d.Name.Name], key)
			}
		}
		m.funcs[key] = d
	}
}

// fields collects the field names reachable from the function key.
func (m *modelSource) fields(key string) map[string]bool {
	out := map[string]bool{}
	seen := map[string]bool{}
	var visit func(key string, depth int)
	visit = func(key string, depth int) {
		fn, ok := m.funcs[key]
		if !ok || seen[key] || depth > 4 || fn.Body == nil {
			return
		}
		seen[key] = true
		recvType, _, _ := strings.Cut(key, ".")
		if !strings.Contains(key, ".") {
			recvType = ""
		}
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.Ident:
				if v, ok := m.consts[x.Name]; ok {
					out[v] = true
				}
			case *ast.CallExpr:
				m.callee(x, recvType, out, func(k string) { visit(k, depth+1) })
			}
			return true
		})
	}
	visit(key, 0)
	return out
}

// callee notes the literal field of an Add call and follows calls into
// model functions: plain ones, methods of the same type, and methods
// whose name only one type has.
func (m *modelSource) callee(c *ast.CallExpr, recvType string, out map[string]bool, follow func(string)) {
	switch fun := c.Fun.(type) {
	case *ast.Ident:
		follow(fun.Name)
	case *ast.SelectorExpr:
		name := fun.Sel.Name
		if name == "Add" && len(c.Args) == 2 {
			if lit, ok := c.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, _ := strconv.Unquote(lit.Value); s != "" {
					out[s] = true
				}
			}
		}
		if recvType != "" {
			if _, ok := m.funcs[recvType+"."+name]; ok {
				follow(recvType + "." + name)
				return
			}
		}
		if keys := m.methods[name]; len(keys) == 1 {
			follow(keys[0])
		}
	}
}

// boundForm is one form: the model functions that check what it saves,
// the field names each ErrorText of the form has bound, and the fields the
// form cannot get a message for, with the reason.
type boundForm struct {
	name    string
	checks  []string
	extra   []string // fields named at run time (10-FAKTOR's scores)
	open    func(t *testing.T, u *App) []*widgets.ErrorText
	without map[string]string
}

// TestEveryModelFieldIsBound: for every form that saves a validated model
// object, each field the model's check can name has its message shown at
// an input of the form (ErrorText.Bind), or is listed here with why not.
// A field added to a Validate without a binding fails this test.
func TestEveryModelFieldIsBound(t *testing.T) {
	src := readModel(t)
	u, _ := startKeys(t)
	for _, f := range boundForms() {
		t.Run(f.name, func(t *testing.T) {
			want := map[string]bool{}
			for _, c := range f.checks {
				if _, ok := src.funcs[c]; !ok {
					t.Fatalf("no model function %s", c)
				}
				for k := range src.fields(c) {
					want[k] = true
				}
			}
			for _, k := range f.extra {
				want[k] = true
			}
			bound := map[string]bool{}
			for _, et := range f.open(t, u) {
				if et == nil {
					t.Fatal("an ErrorText of the form is missing")
				}
				for _, k := range et.Bound() {
					bound[k] = true
				}
			}
			var missing []string
			for k := range want {
				if !bound[k] && f.without[k] == "" {
					missing = append(missing, k)
				}
			}
			sort.Strings(missing)
			if len(missing) > 0 {
				t.Errorf("fields the model can name but the form does not show at an input: %q", missing)
			}
			for k := range f.without {
				if !want[k] {
					t.Errorf("%q is listed as not bound, but the model's check does not name it", k)
				}
				if bound[k] {
					t.Errorf("%q is listed as not bound, but it is", k)
				}
			}
		})
	}
}

// openPage opens page id (with focus f) and returns its screen.
func screenOn[T any](t *testing.T, u *App, id string, f appctx.Focus) T {
	t.Helper()
	u.Env().Open(id, f)
	s, ok := u.Env().Guard.Form().(T)
	if !ok {
		t.Fatalf("%s: screen is %T", id, u.Env().Guard.Form())
	}
	return s
}

func boundForms() []boundForm {
	const statusBar = "changed by the status buttons, not typed"
	return []boundForm{
		{name: "Handlingsplan", checks: []string{"Measure.Validate", "Measure.Transition"},
			open: func(t *testing.T, u *App) []*widgets.ErrorText {
				ms, _ := u.Env().Store.Measures()
				s := screenOn[*handlingsplan.Screen](t, u, handlingsplan.PageID, appctx.Focus{ID: ms[0].ID})
				e := s.Editor
				for _, to := range []model.Status{model.StatusUtsatt, model.StatusUtfort, model.StatusEvaluert, model.StatusAvvist} {
					e.StartTransition(to)
				}
				return []*widgets.ErrorText{e.Err, e.TransErr}
			},
			without: map[string]string{model.FieldSource: "set by the module the measure comes from, shown as text",
				model.FieldStatus: statusBar}},
		{name: "Avvik", checks: []string{"Deviation.Validate"},
			open: func(t *testing.T, u *App) []*widgets.ErrorText {
				s := screenOn[*avvik.Screen](t, u, avvik.PageID, appctx.Focus{})
				s.NewDeviation()
				return []*widgets.ErrorText{s.Editor.Err, s.Editor.TransErr}
			},
			without: map[string]string{model.FieldStatus: statusBar}},
		{name: "Risiko vurdering", checks: []string{"RiskAssessment.Validate"},
			open: func(t *testing.T, u *App) []*widgets.ErrorText {
				as, _ := u.Env().Store.Assessments()
				s := screenOn[*risiko.Screen](t, u, risiko.PageID, appctx.Focus{ParentID: as[0].ID})
				return []*widgets.ErrorText{s.Detail.Err}
			},
			without: map[string]string{model.FieldMatrixSize: "the matrix is set under Innstillinger"}},
		{name: "Risiko forhold", checks: []string{"RiskItem.Validate"},
			open: func(t *testing.T, u *App) []*widgets.ErrorText {
				as, _ := u.Env().Store.Assessments()
				items, _ := u.Env().Store.RiskItems(as[0].ID)
				s := screenOn[*risiko.Screen](t, u, risiko.PageID, appctx.Focus{ParentID: as[0].ID, ID: items[0].ID})
				if s.Detail.Item == nil {
					t.Fatal("no item open")
				}
				return []*widgets.ErrorText{s.Detail.Item.Err}
			}},
		{name: "Vernerunde", checks: []string{"SafetyRound.Validate"},
			open: func(t *testing.T, u *App) []*widgets.ErrorText {
				rs, _ := u.Env().Store.SafetyRounds()
				s := screenOn[*vernerunde.Screen](t, u, vernerunde.PageID, appctx.Focus{ParentID: rs[0].ID})
				if s.Round == nil {
					t.Fatal("no round open")
				}
				return []*widgets.ErrorText{s.Round.Pre.Err, s.Round.Closing.Err}
			},
			without: map[string]string{
				model.FieldRoundAnswers: "answered by ticking the checklist; the message names the question and stands at the top of the round",
				model.FieldRoundComment: "one comment per question; the message names the question and stands at the top of the round",
				model.FieldRoundStatus:  statusBar,
				model.FieldSections:     "the checklist comes from the template, not typed in the round",
				model.FieldTemplateName: "the template's name is copied into the round, not typed there",
			}},
		{name: "Sjekkliste", checks: []string{"ChecklistTemplate.Validate"},
			open: func(t *testing.T, u *App) []*widgets.ErrorText {
				s := screenOn[*vernerunde.Screen](t, u, vernerunde.PageID, appctx.Focus{})
				test.Tap(s.TemplatesBtn)
				if s.Templates == nil || len(s.Templates.Templates()) == 0 {
					t.Fatal("no checklist editor open")
				}
				s.Templates.Show(s.Templates.Templates()[0])
				return []*widgets.ErrorText{s.Templates.Err}
			},
			without: map[string]string{model.FieldSector: "the sector is the unit's, not typed in the template"}},
		{name: "Møter", checks: []string{"Meeting.Validate"},
			open: func(t *testing.T, u *App) []*widgets.ErrorText {
				s := screenOn[*moter.Screen](t, u, moter.PageID, appctx.Focus{})
				s.NewMeeting()
				return []*widgets.ErrorText{s.Editor.Err}
			}},
		{name: "10-FAKTOR", checks: []string{"SurveyRound.Validate"}, extra: surveyScoreFields(),
			open: func(t *testing.T, u *App) []*widgets.ErrorText {
				rs, _ := u.Env().Store.SurveyRounds()
				i := slices.IndexFunc(rs, func(r model.SurveyRound) bool { return len(r.Focus) > 0 })
				if i < 0 {
					t.Fatal("the demo has no 10-FAKTOR round with focus areas")
				}
				s := screenOn[*tifaktor.Screen](t, u, tifaktor.PageID, appctx.Focus{ParentID: rs[i].ID})
				e := s.Editor
				out := []*widgets.ErrorText{e.Err, e.FollowUp.ChooseErr, e.FollowUp.MeetingErr}
				for _, fe := range e.FollowUp.Focus {
					out = append(out, fe.Err)
				}
				return out
			},
			without: map[string]string{}},
		{name: "Årshjul", checks: []string{"WheelEntry.Validate"},
			open: func(t *testing.T, u *App) []*widgets.ErrorText {
				w := moter.NewWheel(u.Env(), model.HMSYear(uitest.Today.Year()))
				if len(w.Rows) == 0 {
					t.Fatal("an empty wheel")
				}
				return []*widgets.ErrorText{w.Rows[0].Err}
			},
			without: map[string]string{
				model.FieldWheelYear: "the year is the page's, not typed",
				model.FieldWheelKind: "the duty comes from the law, not typed",
				model.FieldWheelSeq:  "the duty comes from the law, not typed",
				model.FieldTitle:     "the duty's title comes from the law, not typed",
				model.FieldWheelDone: "set to today by «Merk utført», not typed",
			}},
		{name: "Sykefravær kvartal", checks: []string{"SickLeaveQuarter.Validate"},
			open: func(t *testing.T, u *App) []*widgets.ErrorText {
				return []*widgets.ErrorText{screenOn[*sykefravar.Screen](t, u, sykefravar.PageID, appctx.Focus{}).Form.Err}
			}},
		{name: "Sykefravær mål", checks: []string{"SickLeaveSettings.Validate"},
			open: func(t *testing.T, u *App) []*widgets.ErrorText {
				return []*widgets.ErrorText{screenOn[*sykefravar.Screen](t, u, sykefravar.PageID, appctx.Focus{}).Limits.Err}
			}},
		{name: "Vold kartlegging", checks: []string{"ViolenceMapping.Validate"},
			open: func(t *testing.T, u *App) []*widgets.ErrorText {
				s := screenOn[*vold.Screen](t, u, vold.PageID, appctx.Focus{})
				return []*widgets.ErrorText{s.Mapping.Err, s.Mapping.MeasureErr}
			},
			without: map[string]string{
				model.FieldFactor:      "the factors are the steps of the walk, not typed",
				model.FieldMatrixSize:  "the matrix is set under Innstillinger",
				model.FieldMeasureLink: "links are made by «Legg til tiltak», not typed",
			}},
		{name: "Vold rutiner", checks: []string{"ViolenceRoutines.Validate"},
			open: func(t *testing.T, u *App) []*widgets.ErrorText {
				s := screenOn[*vold.Screen](t, u, vold.PageID, appctx.Focus{})
				return []*widgets.ErrorText{s.Routines.Err, s.Routines.InfoErr}
			},
			without: map[string]string{
				model.FieldRoutine:      "the message names the routine; it stands under the routines, right above Lagre",
				model.FieldRoutineWhere: "one field per routine; the message names the routine and stands right above Lagre",
			}},
		{name: "Vold opplæring", checks: []string{"ViolenceTraining.Validate"},
			open: func(t *testing.T, u *App) []*widgets.ErrorText {
				return []*widgets.ErrorText{screenOn[*vold.Screen](t, u, vold.PageID, appctx.Focus{}).Training.Err}
			}},
		{name: "Enhet", checks: []string{"Unit.Validate"},
			open: func(t *testing.T, u *App) []*widgets.ErrorText {
				return []*widgets.ErrorText{screenOn[*enhet.Screen](t, u, enhet.PageID, appctx.Focus{}).UnitErr}
			},
			without: map[string]string{model.FieldUnitStart: "set once in the wizard; Enhet does not show it"}},
		{name: "Enhet medlem", checks: []string{"CommitteeMember.Validate", "ValidateCommittee"},
			open: func(t *testing.T, u *App) []*widgets.ErrorText {
				return []*widgets.ErrorText{screenOn[*enhet.Screen](t, u, enhet.PageID, appctx.Focus{}).MemberErr}
			}},
		{name: "Innstillinger matrise", checks: []string{"RiskMatrix.Validate"},
			open: func(t *testing.T, u *App) []*widgets.ErrorText {
				return []*widgets.ErrorText{screenOn[*innstillinger.Screen](t, u, innstillinger.PageID, appctx.Focus{}).Matrix.Err}
			}},
		{name: "Årsgjennomgang", checks: []string{"AnnualReview.Validate"},
			open: func(t *testing.T, u *App) []*widgets.ErrorText {
				return []*widgets.ErrorText{screenOn[*arsgjennomgang.Screen](t, u, arsgjennomgang.PageID, appctx.Focus{}).Err}
			}},
		{name: "Veiviser", checks: []string{"UnitInput.Unit", "Unit.Validate", "CommitteeMember.Validate", "ValidateCommittee"},
			open: func(t *testing.T, _ *App) []*widgets.ErrorText {
				wz, _ := wizard.NewWizard(wizard.Config{Path: filepath.Join(t.TempDir(), "x.db"), Today: func() model.Date { return uitest.Today },
					Opened: nil, Choose: func() {}})
				wz.ShowUnitStep()
				wz.ShowCommitteeStep()
				unit, member := wz.ErrorTexts()
				return []*widgets.ErrorText{unit, member}
			}},
	}
}

// surveyScoreFields are the score fields 10-FAKTOR's check names at run
// time, one per factor and comparison.
func surveyScoreFields() []string {
	var out []string
	for _, f := range model.TenFactors() {
		out = append(out, model.SurveyScoreField(f))
		for _, c := range model.SurveyComparisons() {
			out = append(out, model.SurveyComparisonField(f, c))
		}
	}
	return slices.Clip(out)
}

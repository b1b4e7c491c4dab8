package wizard

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/ui/unsaved"
)

var today = model.NewDate(2026, 11, 24)

func setup(t *testing.T) (*Wizard, string, *[]*storage.Store) {
	t.Helper()
	test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "enhet.db")
	opened := &[]*storage.Store{}
	wz, content := NewWizard(Config{
		Path:   path,
		User:   "Testbruker",
		Today:  func() model.Date { return today },
		Opened: func(st *storage.Store) { *opened = append(*opened, st) },
		Choose: func() {},
	})
	w := test.NewWindow(content)
	t.Cleanup(func() {
		w.Close()
		for _, st := range *opened {
			st.Close()
		}
	})
	return wz, path, opened
}

func TestCreateUnitAndCommittee(t *testing.T) {
	wz, path, opened := setup(t)
	test.Tap(wz.NewUnitButton)
	name, mun, emp, deps, sector := wz.Fields()
	test.Type(name, "Solsiden sykehjem")
	test.Type(mun, "Ringsaker kommune")
	sector.SetSelected(model.SectorSykehjem.Label())
	test.Type(emp, "85")
	test.Type(deps, "Avdeling 1\nKjøkken")
	test.Tap(wz.NextButton)
	if u, _, _ := wz.Errors(); u != "" {
		t.Fatalf("unit step refused: %s", u)
	}

	mName, role, from, _ := wz.MemberFields()
	if from.Text != "01.01.2026" {
		t.Errorf("from date defaults to %q, want 01.01.2026", from.Text)
	}
	test.Type(mName, "Kari Nordmann")
	role.SetSelected(model.RoleVerneombud.Label())
	test.Tap(wz.AddMemberButton)
	test.Type(mName, "Ola Hansen")
	role.SetSelected(model.RoleLeder.Label())
	test.Tap(wz.AddMemberButton)
	if len(wz.Members()) != 2 {
		t.Fatalf("%d members added, want 2", len(wz.Members()))
	}
	test.Tap(wz.CreateButton)
	if _, _, c := wz.Errors(); c != "" {
		t.Fatalf("create refused: %s", c)
	}
	if len(*opened) != 1 {
		t.Fatal("the new file was not handed to the main screens")
	}
	st := (*opened)[0]
	u, err := st.Unit()
	if err != nil {
		t.Fatal(err)
	}
	if u.Name != "Solsiden sykehjem" || u.Employees != 85 || len(u.Departments) != 2 || u.Sector != model.SectorSykehjem {
		t.Errorf("stored unit %+v", u)
	}
	ms, _ := st.Members()
	if len(ms) != 2 || ms[0].Name != "Kari Nordmann" || ms[0].Role != model.RoleVerneombud {
		t.Errorf("stored members %+v", ms)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("file not at the chosen path: %v", err)
	}
}

func TestBadInputKeepsWhatWasTyped(t *testing.T) {
	wz, path, opened := setup(t)
	test.Tap(wz.NewUnitButton)
	name, mun, emp, _, _ := wz.Fields()
	test.Type(name, "Haugen skole")
	test.Type(emp, "tjue")
	test.Tap(wz.NextButton)
	msg, _, _ := wz.Errors()
	for _, want := range []string{"Kommune må fylles ut", "Antall ansatte må være et helt tall fra 1 til 20 000", "Velg sektor"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if name.Text != "Haugen skole" || emp.Text != "tjue" || mun.Text != "" {
		t.Errorf("typed text lost: %q %q", name.Text, emp.Text)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("a file was created from invalid input")
	}
	if len(*opened) != 0 {
		t.Error("opened despite invalid input")
	}
}

func TestMemberRefusedKeepsForm(t *testing.T) {
	wz, _, _ := setup(t)
	test.Tap(wz.NewUnitButton)
	name, mun, emp, _, sector := wz.Fields()
	test.Type(name, "Lia barnehage")
	test.Type(mun, "Hamar kommune")
	test.Type(emp, "20")
	sector.SetSelected(model.SectorBarnehage.Label())
	test.Tap(wz.NextButton)

	mName, role, from, to := wz.MemberFields()
	test.Type(mName, "Per Berg")
	role.SetSelected(model.RoleTillitsvalgt.Label())
	from.SetText("")
	test.Type(from, "31.02.2026")
	test.Tap(wz.AddMemberButton)
	_, msg, _ := wz.Errors()
	if !strings.Contains(msg, "finnes ikke") {
		t.Errorf("bad date message %q", msg)
	}
	if mName.Text != "Per Berg" || from.Text != "31.02.2026" {
		t.Error("typed member lost")
	}
	if len(wz.Members()) != 0 {
		t.Error("invalid member added")
	}

	// One role per period: the same person cannot also be verneombud now.
	from.SetText("01.01.2026")
	test.Tap(wz.AddMemberButton)
	test.Type(mName, "Per Berg")
	role.SetSelected(model.RoleVerneombud.Label())
	to.SetText("")
	test.Tap(wz.AddMemberButton)
	if _, msg, _ := wz.Errors(); !strings.Contains(msg, "én rolle per periode") {
		t.Errorf("overlap message %q", msg)
	}
	if len(wz.Members()) != 1 {
		t.Errorf("%d members, want 1", len(wz.Members()))
	}
}

func TestOpenDemo(t *testing.T) {
	wz, _, opened := setup(t)
	test.Tap(wz.DemoButton)
	if _, _, c := wz.Errors(); c != "" {
		t.Fatal(c)
	}
	if len(*opened) != 1 {
		t.Fatal("demo not opened")
	}
	u, _ := (*opened)[0].Unit()
	if u.Sector != model.SectorSykehjem {
		t.Errorf("demo unit sector %s", u.Sector)
	}
}

// fillUnit types a valid unit and goes on to the committee step.
func fillUnit(t *testing.T, wz *Wizard) {
	t.Helper()
	test.Tap(wz.NewUnitButton)
	name, mun, emp, deps, sector := wz.Fields()
	test.Type(name, "Lia barnehage")
	test.Type(mun, "Hamar kommune")
	test.Type(emp, "20")
	test.Type(deps, "Avdeling Blå")
	sector.SetSelected(model.SectorBarnehage.Label())
	test.Tap(wz.NextButton)
	if u, _, _ := wz.Errors(); u != "" {
		t.Fatalf("unit step refused: %s", u)
	}
}

// TestNoInputLostWizard: a member typed but not «added» is added when the
// wizard finishes, or the wizard stays with the message when it cannot be;
// closing the window with the wizard half done asks first.
func TestNoInputLostWizard(t *testing.T) {
	wz, path, opened := setup(t)
	fillUnit(t, wz)
	mName, role, _, _ := wz.MemberFields()
	test.Type(mName, "Kari Nordmann")
	role.SetSelected(model.RoleVerneombud.Label())
	test.Tap(wz.AddMemberButton)
	// Typed, not added, and no role yet: finishing refuses and keeps it.
	test.Type(mName, "Ola Hansen")
	test.Tap(wz.CreateButton)
	if _, msg, _ := wz.Errors(); !strings.Contains(msg, "rolle") {
		t.Errorf("message %q", msg)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) || len(*opened) != 0 {
		t.Fatal("the unit was created without the typed member")
	}
	if mName.Text != "Ola Hansen" {
		t.Fatalf("typed member lost: %q", mName.Text)
	}
	// With a role, finishing adds it.
	role.SetSelected(model.RoleLeder.Label())
	test.Tap(wz.CreateButton)
	if len(*opened) != 1 {
		_, m, c := wz.Errors()
		t.Fatalf("not created: %s %s", m, c)
	}
	ms, _ := (*opened)[0].Members()
	if len(ms) != 2 || ms[1].Name != "Ola Hansen" || ms[1].Role != model.RoleLeder {
		t.Errorf("stored members %+v", ms)
	}
}

func TestNoInputLostWizardClose(t *testing.T) {
	test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "enhet.db")
	var opened []*storage.Store
	win := test.NewWindow(nil)
	g := unsaved.NewGuard(win)
	wz, content := NewWizard(Config{
		Path: path, User: "Test", Today: func() model.Date { return today },
		Opened: func(st *storage.Store) { opened = append(opened, st) },
		Choose: func() {}, Guard: g,
	})
	win.SetContent(content)
	t.Cleanup(func() {
		for _, st := range opened {
			st.Close()
		}
	})
	closed := false
	g.Leave(func() { closed = true }, nil)
	if !closed || g.Prompt() != nil {
		t.Fatal("an untouched wizard did not close at once")
	}
	closed = false
	fillUnit(t, wz)
	mName, role, _, _ := wz.MemberFields()
	test.Type(mName, "Kari Nordmann")
	role.SetSelected(model.RoleVerneombud.Label())
	g.Leave(func() { closed = true }, nil)
	p := g.Prompt()
	if p == nil || closed {
		t.Fatal("closing the half-done wizard did not ask")
	}
	test.Tap(p.Cancel)
	if closed || mName.Text != "Kari Nordmann" {
		t.Fatal("Avbryt closed or lost the typed member")
	}
	g.Leave(func() { closed = true }, nil)
	test.Tap(g.Prompt().Save)
	if !closed || len(opened) != 1 {
		t.Fatal("Lagre did not create the unit and close")
	}
	if ms, _ := opened[0].Members(); len(ms) != 1 || ms[0].Name != "Kari Nordmann" {
		t.Errorf("stored members %+v", ms)
	}
}

// TestStartDate: the unit's start defaults to today, can be chosen, and a
// date that is not one is refused on the unit step.
func TestStartDate(t *testing.T) {
	wz, _, opened := setup(t)
	test.Tap(wz.NewUnitButton)
	fillUnit(t, wz)
	start := wz.StartField()
	if start.Text != today.String() {
		t.Errorf("start defaults to %q", start.Text)
	}
	start.SetText("31.02.2026")
	test.Tap(wz.NextButton)
	if u, _, _ := wz.Errors(); !strings.Contains(u, model.FieldUnitStart) {
		t.Fatalf("bad start accepted: %q", u)
	}
	start.SetText("01.09.2026")
	test.Tap(wz.NextButton)
	if u, _, _ := wz.Errors(); u != "" {
		t.Fatalf("unit step refused: %s", u)
	}
	if !wz.Create() || len(*opened) != 1 {
		t.Fatal("not created")
	}
	u, err := (*opened)[0].Unit()
	if err != nil || u.Start != model.NewDate(2026, 9, 1) {
		t.Errorf("stored start %s %v", u.Start, err)
	}
}

// TestWizardAsksForTheUsersName: the name typed on the unit step is kept
// for the program and written in the new file's change log, not «ukjent».
func TestWizardAsksForTheUsersName(t *testing.T) {
	test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "enhet.db")
	var kept string
	var opened *storage.Store
	wz, content := NewWizard(Config{Path: path, Today: func() model.Date { return today },
		SetUser: func(s string) { kept = s },
		Opened:  func(st *storage.Store) { opened = st }, Choose: func() {}})
	w := test.NewWindow(content)
	defer w.Close()
	test.Tap(wz.NewUnitButton)
	fillUnit(t, wz)
	wz.ShowUnitStep()
	wz.UserField().SetText("15068510160") // a valid fødselsnummer
	test.Tap(wz.NextButton)
	if u, _, _ := wz.Errors(); !strings.Contains(u, "fødselsnummer") && !strings.Contains(u, "personnummer") {
		t.Errorf("a national ID as the name: %q", u)
	}
	wz.UserField().SetText(" Kari Nordmann ")
	test.Tap(wz.NextButton)
	if !wz.Create() || opened == nil {
		t.Fatal("not created")
	}
	defer opened.Close()
	if kept != "Kari Nordmann" {
		t.Errorf("kept %q", kept)
	}
	ch, _ := opened.Changes(0)
	for _, c := range ch {
		if c.User != "Kari Nordmann" {
			t.Errorf("change by %q: %s", c.User, c.Summary)
		}
	}
}

// TestNoInputLostWizardWelcome: back on the welcome step with a unit and a
// member typed, «Åpne demoenheten» and «Åpne eksisterende fil» ask first;
// Lagre creates the typed unit (and opens it, not the demo), Forkast goes
// on to the demo.
func TestNoInputLostWizardWelcome(t *testing.T) {
	for _, choice := range []string{"Lagre", "Forkast", "Avbryt"} {
		t.Run(choice, func(t *testing.T) {
			test.NewTempApp(t)
			path := filepath.Join(t.TempDir(), "enhet.db")
			var opened []*storage.Store
			chose := false
			win := test.NewWindow(nil)
			g := unsaved.NewGuard(win)
			wz, content := NewWizard(Config{
				Path: path, User: "Test", Today: func() model.Date { return today },
				Opened: func(st *storage.Store) { opened = append(opened, st) },
				Choose: func() { chose = true }, Guard: g,
			})
			win.SetContent(content)
			t.Cleanup(func() {
				for _, st := range opened {
					st.Close()
				}
			})
			fillUnit(t, wz)
			mName, role, _, _ := wz.MemberFields()
			test.Type(mName, "Kari Nordmann")
			role.SetSelected(model.RoleVerneombud.Label())
			wz.showWelcome()
			test.Tap(wz.OpenButton)
			if g.Prompt() == nil || chose {
				t.Fatal("«Åpne eksisterende fil» dropped the typed unit without asking")
			}
			test.Tap(g.Prompt().Cancel)
			test.Tap(wz.DemoButton)
			p := g.Prompt()
			if p == nil || len(opened) != 0 {
				t.Fatal("«Åpne demoenheten» dropped the typed unit without asking")
			}
			switch choice {
			case "Lagre":
				test.Tap(p.Save)
				if len(opened) != 1 {
					t.Fatalf("Lagre opened %d files", len(opened))
				}
				u, _ := opened[0].Unit()
				ms, _ := opened[0].Members()
				if u.Name == "" || strings.Contains(u.Name, "demo") || len(ms) != 1 || ms[0].Name != "Kari Nordmann" {
					t.Errorf("Lagre opened %q with members %+v", u.Name, ms)
				}
			case "Forkast":
				test.Tap(p.Discard)
				if len(opened) != 1 {
					t.Fatalf("Forkast opened %d files", len(opened))
				}
				if ms, _ := opened[0].Members(); len(ms) < 3 {
					t.Errorf("Forkast did not open the demo: %d members", len(ms))
				}
			case "Avbryt":
				test.Tap(p.Cancel)
				if len(opened) != 0 || mName.Text != "Kari Nordmann" {
					t.Errorf("Avbryt opened %d files, member %q", len(opened), mName.Text)
				}
			}
		})
	}
}

// TestUnitErrorGoesWhenFixed: step 1's «Kan ikke gå videre» and the
// fields' messages go as soon as every field is right, before Neste.
func TestUnitErrorGoesWhenFixed(t *testing.T) {
	wz, _, _ := setup(t)
	test.Tap(wz.NewUnitButton)
	name, mun, emp, _, sector := wz.Fields()
	test.Type(name, "Haugen skole")
	test.Type(emp, "tjue")
	test.Tap(wz.NextButton)
	if msg, _, _ := wz.Errors(); !strings.Contains(msg, "Kan ikke gå videre") {
		t.Fatalf("refused step shows %q", msg)
	}
	test.Type(mun, "Hamar kommune")
	sector.SetSelected(model.SectorSykehjem.Label())
	if msg, _, _ := wz.Errors(); !strings.Contains(msg, "Kan ikke gå videre") {
		t.Errorf("the message went while Antall ansatte was still wrong: %q", msg)
	}
	emp.SetText("40")
	if msg, _, _ := wz.Errors(); msg != "" {
		t.Errorf("every field is right, but the step still shows %q", msg)
	}
}

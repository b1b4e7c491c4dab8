package enhet

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/uitest"
)

func newScreen(t *testing.T) (*Screen, *storage.Store) {
	t.Helper()
	env, w, st := uitest.NewEnv(t, false)
	s := New(env)
	w.SetContent(s.Content())
	return s, st
}

func TestSaveUnit(t *testing.T) {
	s, st := newScreen(t)
	s.Name.SetText("")
	test.Type(s.Name, "Nytt navn sykehjem")
	s.Employees.SetText("120")
	test.Tap(s.SaveUnit)
	u, _ := st.Unit()
	if u.Name != "Nytt navn sykehjem" || u.Employees != 120 {
		t.Errorf("stored %+v", u)
	}
}

func TestBadUnitInputKeepsTextAndFile(t *testing.T) {
	s, st := newScreen(t)
	before, _ := st.Unit()
	s.Name.SetText("")
	s.Employees.SetText("25 000")
	test.Tap(s.SaveUnit)
	if !strings.Contains(s.UnitErr.Messages(), "Antall ansatte må være et helt tall fra 1 til 20 000") {
		t.Errorf("message %q", s.UnitErr.Messages())
	}
	s.Employees.SetText("40")
	test.Tap(s.SaveUnit)
	if !strings.Contains(s.UnitErr.Messages(), "Navn på enheten må fylles ut") {
		t.Errorf("message %q", s.UnitErr.Messages())
	}
	if s.Employees.Text != "40" {
		t.Error("typed text lost")
	}
	after, _ := st.Unit()
	if after.Name != before.Name || after.Employees != before.Employees {
		t.Error("invalid input changed the file")
	}
}

func TestAddAndRemoveMember(t *testing.T) {
	s, st := newScreen(t)
	before, _ := st.Members()
	test.Tap(s.NewMember)
	test.Type(s.MemberName, "Siri Hagen")
	s.Role.SetSelected(model.RoleAnsattrepresentant.Label())
	test.Tap(s.SaveMember)
	if s.MemberErr.Messages() != "" {
		t.Fatalf("refused: %s", s.MemberErr.Messages())
	}
	ms, _ := st.Members()
	if len(ms) != len(before)+1 {
		t.Fatalf("%d members, want %d", len(ms), len(before)+1)
	}
	added := ms[len(ms)-1]
	s.Remove(added.ID)
	ms, _ = st.Members()
	if len(ms) != len(before) {
		t.Errorf("%d members after remove, want %d", len(ms), len(before))
	}
}

func TestSecondRoleInSamePeriodRefused(t *testing.T) {
	s, st := newScreen(t)
	ms, _ := st.Members()
	leader := ms[0]
	test.Tap(s.NewMember)
	test.Type(s.MemberName, leader.Name)
	s.Role.SetSelected(model.RoleSekretaer.Label())
	test.Tap(s.SaveMember)
	if !strings.Contains(s.MemberErr.Messages(), "én rolle per periode") {
		t.Errorf("message %q", s.MemberErr.Messages())
	}
	if s.MemberName.Text != leader.Name {
		t.Error("typed name lost")
	}
	after, _ := st.Members()
	if len(after) != len(ms) {
		t.Error("refused member was stored")
	}
}

// A file that became read-only: the save fails with a clear message, the
// form keeps what was typed, and nothing is written.
func TestSaveOnReadOnlyFileKeepsForm(t *testing.T) {
	a := test.NewTempApp(t)
	path := uitest.DemoFile(t)
	st, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w := test.NewWindow(nil)
	defer w.Close()
	env := appctx.New(a, w, st)
	env.Today = func() model.Date { return uitest.Today }
	s := New(env)
	w.SetContent(s.Content())
	s.Name.SetText("Nytt navn som ikke kan lagres")
	test.Tap(s.SaveUnit)
	if s.UnitErr.Messages() == "" || s.UnitErr.Label.Hidden {
		t.Fatal("no message when the file cannot be written")
	}
	if s.Name.Text != "Nytt navn som ikke kan lagres" {
		t.Error("typed text lost")
	}
	if u, _ := st.Unit(); u.Name == "Nytt navn som ikke kan lagres" {
		t.Error("read-only file changed")
	}
}

// TestNoInputLostUnitAndMember: a member typed but not saved, and an
// edited unit, ask before the page is left; Forkast puts back what is
// stored, Lagre stores both.
func TestNoInputLostUnitAndMember(t *testing.T) {
	s, st := newScreen(t)
	env := s.env
	u0, _ := st.Unit()
	before, _ := st.Members()
	left := 0
	leave := func() { env.Leave(func() { left++ }, nil) }

	leave()
	if left != 1 || env.Guard.Prompt() != nil {
		t.Fatal("an untouched page asked")
	}
	s.Name.SetText("")
	test.Type(s.Name, "Nytt navn")
	test.Type(s.MemberName, "Ny Person")
	s.Role.SetSelected(model.RoleAnsattrepresentant.Label())
	leave()
	p := env.Guard.Prompt()
	if p == nil || left != 1 {
		t.Fatal("left with a typed member and unit name without asking")
	}
	test.Tap(p.Discard)
	if left != 2 || s.Name.Text != u0.Name || s.MemberName.Text != "" {
		t.Fatalf("Forkast: left %d, name %q, member %q", left, s.Name.Text, s.MemberName.Text)
	}
	if u, _ := st.Unit(); u.Name != u0.Name {
		t.Error("Forkast saved the unit")
	}

	s.Name.SetText("")
	test.Type(s.Name, "Nytt navn")
	test.Type(s.MemberName, "Ny Person")
	s.Role.SetSelected(model.RoleAnsattrepresentant.Label())
	leave()
	test.Tap(env.Guard.Prompt().Save)
	if u, _ := st.Unit(); u.Name != "Nytt navn" {
		t.Errorf("unit %q after Lagre", u.Name)
	}
	after, _ := st.Members()
	if len(after) != len(before)+1 || after[len(after)-1].Name != "Ny Person" {
		t.Errorf("member not stored: %d members", len(after))
	}
	if left != 3 {
		t.Error("Lagre did not go on")
	}
}

package innstillinger

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/uitest"
)

func TestChangeLogNewestFirstWithUser(t *testing.T) {
	a := test.NewTempApp(t)
	st, err := storage.Open(uitest.DemoFile(t), storage.Options{NoBackup: true})
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

	s.User.SetText("Kari Verneombud")
	test.Tap(s.SaveUser)
	if got := env.Settings.User(); got != "Kari Verneombud" {
		t.Fatalf("user %q not saved", got)
	}
	u, _ := st.Unit()
	u.Employees++
	if err := st.SaveUnit(u); err != nil {
		t.Fatal(err)
	}
	s.Reload()
	lines := s.ChangeLines()
	if len(lines) < 2 {
		t.Fatalf("change log has %d lines", len(lines))
	}
	if !strings.Contains(lines[0], "Kari Verneombud") || !strings.Contains(lines[0], "endret") {
		t.Errorf("newest line %q lacks the user and the kind", lines[0])
	}
	if strings.Contains(lines[len(lines)-1], "Kari Verneombud") {
		t.Errorf("oldest line %q is the new change: not newest first", lines[len(lines)-1])
	}
}

func TestNationalIDRefusedAsUserName(t *testing.T) {
	a := test.NewTempApp(t)
	st, err := storage.Open(uitest.DemoFile(t), storage.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w := test.NewWindow(nil)
	defer w.Close()
	env := appctx.New(a, w, st)
	s := New(env)
	w.SetContent(s.Content())
	// 01.01.1990, individual number 123, check digits computed: 01019012345 is not
	// guaranteed valid, so use the model's validator to find one.
	id := validID(t)
	s.User.SetText("Kari " + id)
	test.Tap(s.SaveUser)
	if env.Settings.User() != "" {
		t.Error("a name with a national ID number was saved")
	}
	if !strings.Contains(s.message.Text, "fødselsnummer") {
		t.Errorf("message %q", s.message.Text)
	}
}

func validID(t *testing.T) string {
	for ind := 100; ind < 999; ind++ {
		base := "010190" + itoa3(ind)
		for k1 := 0; k1 < 10; k1++ {
			for k2 := 0; k2 < 10; k2++ {
				s := base + string(rune('0'+k1)) + string(rune('0'+k2))
				if model.ValidNationalID(s) {
					return s
				}
			}
		}
	}
	t.Fatal("no valid number found")
	return ""
}

func itoa3(n int) string {
	return string([]rune{rune('0' + n/100), rune('0' + n/10%10), rune('0' + n%10)})
}

func TestRiskMatrixBoundaries(t *testing.T) {
	a := test.NewTempApp(t)
	st, err := storage.Open(uitest.DemoFile(t), storage.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w := test.NewWindow(nil)
	defer w.Close()
	f := NewMatrixForm(appctx.New(a, w, st))
	w.SetContent(f.Content())

	f.LowMax.SetText("6")
	f.MediumMax.SetText("5")
	test.Tap(f.Save)
	if f.describeErr() == "" {
		t.Fatal("medium below low accepted")
	}
	if m, _ := st.RiskMatrix(); m != model.DefaultRiskMatrix() {
		t.Errorf("refused matrix stored: %+v", m)
	}
	if f.LowMax.Text != "6" || f.MediumMax.Text != "5" {
		t.Error("typed boundaries lost")
	}
	f.MediumMax.SetText("12")
	test.Tap(f.Save)
	if f.describeErr() != "" {
		t.Fatalf("refused: %s", f.describeErr())
	}
	if m, _ := st.RiskMatrix(); m.LowMax != 6 || m.MediumMax != 12 {
		t.Errorf("stored %+v", m)
	}
	if !strings.Contains(f.Preview.Text, "høy 13–25") {
		t.Errorf("preview %q", f.Preview.Text)
	}
	f.Size.SetSelected("4×4")
	if f.LowMax.Text != "3" || f.MediumMax.Text != "7" {
		t.Errorf("4×4 defaults %s/%s", f.LowMax.Text, f.MediumMax.Text)
	}
}

// TestNoInputLostSettings: a name typed without «Lagre navn» and an edited
// risk matrix ask before the page is left; a refused matrix stays.
func TestNoInputLostSettings(t *testing.T) {
	env, w, st := uitest.NewEnv(t, false)
	s := New(env)
	w.SetContent(s.Content())
	if s.Dirty() {
		t.Fatal("an untouched page counts as changed")
	}
	s.User.SetText("")
	test.Type(s.User, "Verneombud")
	s.Matrix.LowMax.SetText("99")
	left := 0
	env.Leave(func() { left++ }, nil)
	test.Tap(env.Guard.Prompt().Save)
	if left != 0 || env.Settings.User() != "Verneombud" || s.Matrix.LowMax.Text != "99" || !s.Matrix.Err.Label.Visible() {
		t.Fatalf("a refused matrix: left %d, user %q, low %q", left, env.Settings.User(), s.Matrix.LowMax.Text)
	}
	s.Matrix.LowMax.SetText("6")
	s.Matrix.MediumMax.SetText("12")
	env.Leave(func() { left++ }, nil)
	test.Tap(env.Guard.Prompt().Save)
	if m, _ := st.RiskMatrix(); left != 1 || m.LowMax != 6 || m.MediumMax != 12 {
		t.Errorf("Lagre: left %d, matrix %+v", left, m)
	}
}

package oversikt

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/uitest"
)

func TestTopCountsOpenTheirLists(t *testing.T) {
	env, _, _ := uitest.NewEnv(t, false)
	top, _ := NewTop(env)
	if top == nil {
		t.Fatal("no top")
	}
	if top.WheelText.Text != "! Årshjulet 2026: 1 forfalt · 0 denne måneden · 16 utført" {
		t.Errorf("wheel %q", top.WheelText.Text)
	}
	if !strings.HasPrefix(top.MeasuresText.Text, "! Tiltak: ") || !strings.HasPrefix(top.DeviationsText.Text, "! Åpne alvorlige avvik: ") {
		t.Errorf("measures %q, deviations %q", top.MeasuresText.Text, top.DeviationsText.Text)
	}
	var page string
	env.Navigate = func(id string) { page = id }
	test.Tap(top.Wheel)
	if f, ok := env.TakeFocus(wheelPageID); page != wheelPageID || !ok || f.ID != 2026 {
		t.Errorf("wheel opened %q %+v", page, f)
	}
	test.Tap(top.Measures)
	if f, _ := env.TakeFocus("handlingsplan"); page != "handlingsplan" || f.Filter != "forfalt" {
		t.Errorf("measures opened %q %+v", page, f)
	}
	checkSeriousLink(t, env, top)
}

// checkSeriousLink: «Åpne alvorlige avvik: N» opens the register showing
// exactly N deviations (the unit has open deviations that are not serious,
// so the plain «Åpne» filter would show more), with the filter visible in
// the status select, and «Alle» removes it.
func checkSeriousLink(t *testing.T, env *appctx.Env, top *Top) {
	t.Helper()
	devs, err := env.Store.Deviations()
	if err != nil {
		t.Fatal(err)
	}
	open, serious := 0, 0
	for _, d := range devs {
		if d.Open() {
			open++
		}
		if d.Open() && d.Severity.Serious() {
			serious++
		}
	}
	if serious == 0 || open == serious {
		t.Fatalf("the unit needs open serious and open non-serious deviations: %d open, %d serious", open, serious)
	}
	var page string
	env.Navigate = func(id string) { page = id }
	test.Tap(top.Deviations)
	f, ok := env.TakeFocus(avvik.PageID)
	if page != avvik.PageID || !ok {
		t.Fatalf("deviations opened %q %+v", page, f)
	}
	s := avvik.New(env)
	s.ApplyFocus(f)
	want := fmt.Sprintf("! Åpne alvorlige avvik: %d", len(s.Shown()))
	if top.DeviationsText.Text != want || len(s.Shown()) != serious {
		t.Errorf("dashboard %q, register shows %d, %d open serious", top.DeviationsText.Text, len(s.Shown()), serious)
	}
	if c := fmt.Sprintf("Viser %d av %d avvik, %d åpne.", serious, len(devs), serious); s.Count.Text != c {
		t.Errorf("count %q, want %q", s.Count.Text, c)
	}
	if s.StatusSel.Selected != "Åpne alvorlige" {
		t.Errorf("status select shows %q", s.StatusSel.Selected)
	}
	s.StatusSel.SetSelected("Alle")
	if len(s.Shown()) != len(devs) {
		t.Errorf("«Alle» shows %d of %d", len(s.Shown()), len(devs))
	}
}

// TestNameAskedAtFirstStart: the dashboard asks for the user's name while
// none is set; the name is kept in the settings and written in the change
// log from then on.
func TestNameAskedAtFirstStart(t *testing.T) {
	env, w, st := uitest.NewEnv(t, false)
	w.SetContent(build(env))
	if !uitest.HasText(w.Content(), "Lagre navnet") {
		t.Fatal("the name is not asked for")
	}
	card := nameCard(env)
	w.SetContent(card)
	b := findButton(t, card, "Lagre navnet")
	test.Tap(b)
	if env.Settings.User() != "" || !uitest.HasText(card, "Skriv navnet") {
		t.Error("an empty name was saved")
	}
	entry := findEntry(t, card)
	entry.SetText("15068510160") // a valid fødselsnummer
	test.Tap(b)
	if env.Settings.User() != "" {
		t.Error("a national ID was saved as the name")
	}
	entry.SetText(" Kari Nordmann ")
	test.Tap(b)
	if env.Settings.User() != "Kari Nordmann" || !uitest.HasText(card, "Takk, Kari Nordmann") {
		t.Errorf("name %q; %q", env.Settings.User(), uitest.Texts(card))
	}
	u, _ := st.Unit()
	u.Employees++
	if err := st.SaveUnit(u); err != nil {
		t.Fatal(err)
	}
	if ch, _ := st.Changes(1); len(ch) != 1 || ch[0].User != "Kari Nordmann" {
		t.Errorf("change log user %+v", ch)
	}
	w.SetContent(build(env))
	if uitest.HasText(w.Content(), "Lagre navnet") {
		t.Error("the name is asked for again")
	}
}

// TestNoInputLostName: a name typed on the dashboard and not saved is
// saved when the page is left; one that cannot be saved is asked about.
func TestNoInputLostName(t *testing.T) {
	env, w, _ := uitest.NewEnv(t, false)
	card := nameCard(env)
	w.SetContent(card)
	findEntry(t, card).SetText("Verneombud Ola")
	left := false
	env.Leave(func() { left = true }, nil)
	if !left || env.Settings.User() != "Verneombud Ola" {
		t.Fatalf("leaving lost the typed name (left %v, kept %q)", left, env.Settings.User())
	}

	env2, w2, _ := uitest.NewEnv(t, false)
	card2 := nameCard(env2)
	w2.SetContent(card2)
	findEntry(t, card2).SetText("15068510160")
	left = false
	env2.Leave(func() { left = true }, nil)
	if left || env2.Guard.Prompt() == nil {
		t.Errorf("a name that cannot be saved was dropped without asking (left %v)", left)
	}
}

// TestMissingRoleAlarm: with every required role held the «Nå» card has
// no role alarm; without a verneombud it says so in red and opens the
// committee page.
func TestMissingRoleAlarm(t *testing.T) {
	env, _, st := uitest.NewEnv(t, false)
	if top, _ := NewTop(env); top.RolesText != nil {
		t.Fatalf("alarm with all roles held: %q", top.RolesText.Text)
	}
	members, err := st.Members()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range members {
		if m.Role == model.RoleVerneombud {
			if err := st.DeleteMember(m.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	top, _ := NewTop(env)
	if top.RolesText == nil || top.RolesText.Text != "! Utvalget mangler: verneombud" {
		t.Fatalf("role alarm %+v", top.RolesText)
	}
	var page string
	env.Navigate = func(id string) { page = id }
	test.Tap(top.Roles)
	if page != "enhet" {
		t.Errorf("opened %q", page)
	}
}

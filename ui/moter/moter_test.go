package moter

import (
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/uitest"
)

var shots = flag.String("screenshots", "", "write PNGs of the meeting view and the annual wheel into this folder")

func newEnv(t *testing.T, meeting bool) (*appctx.Env, fyne.Window, *storage.Store) {
	return uitest.NewEnv(t, meeting)
}

func newScreen(t *testing.T) (*Screen, *appctx.Env, fyne.Window, *storage.Store) {
	t.Helper()
	env, w, st := newEnv(t, false)
	s := New(env)
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1024, 768))
	return s, env, w, st
}

func key(c fyne.Canvas, name fyne.KeyName) { c.OnTypedKey()(&fyne.KeyEvent{Name: name}) }

// findButton returns the first visible button under o whose text contains sub.
func findButton(o fyne.CanvasObject, sub string) *widget.Button {
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil || o == nil || !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *widget.Button:
			if strings.Contains(x.Text, sub) {
				found = x
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return found
}

// TestMeetingFlow: create a meeting, step through the meeting view with
// the keyboard, type notes, and record a decision that becomes a measure.
func TestMeetingFlow(t *testing.T) {
	s, env, w, st := newScreen(t)
	beforeMeetings := len(s.Meetings())
	test.Tap(s.NewButton)
	e := s.Editor
	if e == nil {
		t.Fatal("no editor")
	}
	// The proposal: the demo has open measures, so the action plan is on
	// the agenda, between the standing first items and Eventuelt.
	m := e.Meeting()
	if m.Agenda[0].Kind != model.AgendaApproval || m.Agenda[1].Kind != model.AgendaAttendance || m.Agenda[len(m.Agenda)-1].Kind != model.AgendaAOB {
		t.Fatalf("agenda %+v", m.Agenda)
	}
	if m.ItemIndex(itemOf(m, model.AgendaActionPlan)) < 0 {
		t.Error("action plan not proposed although the demo has open measures")
	}
	if len(m.Participants) == 0 {
		t.Error("nobody invited")
	}
	e.Date.SetText(uitest.Today.String()) // today, so attendance can be registered
	test.Type(e.Place, "Møterom 2")
	test.Type(e.NewItem, "Ny garderobe")
	test.Tap(e.AddItem)
	if !e.SaveNow() {
		t.Fatalf("save refused: %s", e.Err.Messages())
	}
	e.Attended[0].SetChecked(true)
	test.Tap(e.Save)
	if e.Err.Label.Visible() {
		t.Fatalf("save refused: %s", e.Err.Messages())
	}
	ms, _ := st.Meetings()
	if len(ms) != beforeMeetings+1 {
		t.Fatalf("%d meetings stored", len(ms))
	}
	saved := e.Meeting()
	if saved.Place != "Møterom 2" || !saved.Participants[0].Attended || saved.Agenda[len(saved.Agenda)-2].Title != "Ny garderobe" {
		t.Errorf("stored %+v", saved)
	}

	// The meeting view: keyboard steps through the agenda.
	e.Agenda.Select(0)
	editorContent := w.Content()
	test.Tap(e.StartView)
	if w.Content() == editorContent {
		t.Fatal("meeting view did not take over the window")
	}
	if !env.MeetingMode() {
		t.Error("meeting view is not in Møtemodus")
	}
	v := e.View
	n := len(saved.Agenda)
	if v.Counter.Text != "Sak 1 av "+strconv.Itoa(n) || v.Title.Text != model.AgendaApproval.Label() {
		t.Errorf("first item: %q %q", v.Counter.Text, v.Title.Text)
	}
	c := w.Canvas()
	key(c, fyne.KeyRight)
	key(c, fyne.KeySpace)
	if v.Index() != 2 {
		t.Fatalf("after → and space: item %d", v.Index())
	}
	key(c, fyne.KeyLeft)
	if v.Index() != 1 || v.Title.Text != model.AgendaAttendance.Label() {
		t.Fatalf("after ←: item %d %q", v.Index(), v.Title.Text)
	}
	key(c, fyne.KeyLeft)
	key(c, fyne.KeyLeft) // already at the first: stays
	if v.Index() != 0 {
		t.Errorf("stepped before the first item: %d", v.Index())
	}
	// Step to the action plan; its figure lists the plan's counts.
	for v.Meeting().Agenda[v.Index()].Kind != model.AgendaActionPlan {
		if !v.Step(1) {
			t.Fatal("no action plan item")
		}
	}
	if v.Figure == nil || !uitest.HasText(v.Figure, "forfalt") {
		t.Error("action plan figure missing")
	}
	// Notes and a decision typed in the view; the decision becomes a measure.
	test.Type(v.Panel.Notes, "Tre tiltak er forfalt.")
	v.Panel.Notes.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) // leaves the field, not the view
	if w.Content() != v.Content() {
		t.Fatal("Escape in a field left the view")
	}
	test.Type(v.Panel.NewDecision, "Leder følger opp de forfalte tiltakene")
	test.Tap(v.Panel.AddDecision)
	mk := findButton(v.Panel.Decisions, "Lag tiltak")
	if mk == nil {
		t.Fatal("no Lag tiltak button")
	}
	test.Tap(mk)
	f := v.Panel.Measure
	if f == nil || f.Title.Text != "Leder følger opp de forfalte tiltakene" {
		t.Fatal("measure form not prefilled")
	}
	test.Tap(f.Save) // no responsible: refused, kept
	if !strings.Contains(f.Err.Messages(), "Ansvarlig") || f.Title.Text == "" {
		t.Fatalf("missing responsible: %q", f.Err.Messages())
	}
	test.Type(f.Responsible, "Leder")
	test.Tap(f.Save)
	if f.Err.Label.Visible() {
		t.Fatalf("measure refused: %s", f.Err.Messages())
	}
	plan, _ := st.Measures()
	got := model.MeasuresFromMeeting(plan, saved.ID)
	if len(got) != 1 || got[0].Responsible != "Leder" || got[0].Source.Kind != model.SourceMeetingDecision {
		t.Fatalf("measures from the meeting: %+v", got)
	}
	if findButton(v.Panel.Decisions, "Tiltak: Leder følger opp") == nil {
		t.Error("decision does not show its measure")
	}
	key(c, fyne.KeyDown) // saves the notes
	stored, _ := st.Meeting(saved.ID)
	it := stored.Agenda[stored.ItemIndex(itemOf(stored, model.AgendaActionPlan))]
	if it.Notes != "Tre tiltak er forfalt." || len(it.Decisions) != 1 || it.Decisions[0].MeasureID != got[0].ID {
		t.Errorf("stored item %+v", it)
	}
	// Escape leaves the view and gives the window back.
	key(c, fyne.KeyEscape)
	if w.Content() != editorContent {
		t.Error("window content not restored")
	}
	if env.MeetingMode() {
		t.Error("Møtemodus left on although it was off before")
	}
	if e.SelectedItem() != stored.Agenda[v.Index()].ID {
		t.Error("editor does not show the item the view ended on")
	}
}

func itemOf(m model.Meeting, k model.AgendaKind) uint64 {
	for _, it := range m.Agenda {
		if it.Kind == k {
			return it.ID
		}
	}
	return 0
}

func TestBadMeetingKeepsTextAndFile(t *testing.T) {
	s, _, _, st := newScreen(t)
	test.Tap(s.NewButton)
	e := s.Editor
	before, _ := st.Meetings()
	changes, _ := st.Changes(0)
	e.Start.SetText("25:00")
	e.End.SetText("")
	test.Type(e.Place, "Kantina")
	test.Tap(e.Save)
	if !strings.Contains(e.Err.Messages(), "Starttid") {
		t.Errorf("message %q", e.Err.Messages())
	}
	if e.Start.Text != "25:00" || e.Place.Text != "Kantina" {
		t.Error("typed text lost")
	}
	e.Date.SetText("31.02.2026")
	test.Tap(e.Save)
	if !strings.Contains(e.Err.Messages(), "Møtedato") {
		t.Errorf("bad date message %q", e.Err.Messages())
	}
	after, _ := st.Meetings()
	changesAfter, _ := st.Changes(0)
	if len(after) != len(before) || len(changesAfter) != len(changes) {
		t.Error("database changed by a refused save")
	}
	// A blank decision is refused in the panel without touching anything.
	e.Date.SetText(uitest.Today.String())
	e.Start.SetText("14:00")
	test.Tap(e.Item.AddDecision)
	if !strings.Contains(e.Item.Err.Messages(), "Vedtak") {
		t.Errorf("blank decision: %q", e.Item.Err.Messages())
	}
}

func TestWheelMarkDoneAndMove(t *testing.T) {
	env, w, st := newEnv(t, false)
	stored, _ := st.WheelEntries(2026) // the demo's adjustments
	wh := NewWheel(env, 2026)
	w.SetContent(wh.Content())
	w.Resize(fyne.NewSize(1024, 768))
	// November's meeting is done by the meeting of 13.11 with nærvær on its
	// agenda; the row opens that meeting.
	r := wh.Row(model.WheelMeeting, 4)
	if r == nil || !strings.Contains(r.State.Text, "Utført: Møtet 13.11.2026") || r.Show == nil || r.Done != nil {
		t.Fatalf("November meeting row: %+v", r)
	}
	var page string
	env.Navigate = func(id string) { page = id }
	test.Tap(r.Show)
	if f, ok := env.TakeFocus(PageID); page != PageID || !ok || f.ID == 0 {
		t.Errorf("Vis opened %q %+v", page, f)
	}
	// The autumn round is late and no record proves it: no manual tick, a
	// hint where to do it.
	r = wh.Row(model.WheelSafetyRound, 2)
	if r.Done != nil || r.Hint == nil || !strings.Contains(r.Hint.Text, "fullføres og låses") || !strings.Contains(r.State.Text, "Forfalt") {
		t.Errorf("autumn round: %q %+v", r.State.Text, r.Hint)
	}
	// The action-plan review is ticked by hand, with a comment.
	r = wh.Row(model.WheelActionPlan, 1)
	test.Tap(r.Done)
	test.Tap(r.Confirm)
	if !strings.Contains(r.Err.Messages(), "merknad") {
		t.Errorf("tick without a comment: %q", r.Err.Messages())
	}
	r.Note.SetText("Gjennomgått i møtet 13.11")
	test.Tap(r.Confirm)
	r = wh.Row(model.WheelActionPlan, 1)
	if !strings.Contains(r.State.Text, "Utført 24.11.2026") || !strings.Contains(r.State.Text, "Gjennomgått i møtet 13.11") {
		t.Errorf("after tick: %q", r.State.Text)
	}
	test.Tap(r.Done) // Ikke utført
	r = wh.Row(model.WheelActionPlan, 1)
	if r.Entry.State(uitest.Today) == model.WheelDone {
		t.Error("undo left it done")
	}
	// Move the action-plan review; a date outside the year is refused and kept.
	test.Tap(r.Move)
	r.Due.SetText("05.01.2027")
	test.Tap(r.SaveDue)
	if !strings.Contains(r.Err.Messages(), "Frist må være i 2026") || r.Due.Text != "05.01.2027" {
		t.Errorf("bad deadline: %q", r.Err.Messages())
	}
	r.Due.SetText("15.12.2026")
	test.Tap(r.SaveDue)
	es, _ := st.WheelEntries(2026)
	if len(es) != len(stored)+1 {
		t.Fatalf("%d stored entries, %d before", len(es), len(stored))
	}
	if r := wh.Row(model.WheelActionPlan, 1); !strings.Contains(r.State.Text, "15.12.2026") {
		t.Errorf("moved: %q", r.State.Text)
	}
	// The dashboard card counts, lists what is late with a link, and what
	// was done with the record.
	card := WheelCard(env)
	for _, want := range []string{"forfalt", "! Forfalt: Vernerunde (høst)", "Utført: Møte 4 i HMS-utvalget – Møtet 13.11.2026", "Vis"} {
		if !uitest.HasText(card, want) {
			t.Errorf("card lacks %q: %q", want, uitest.Texts(card))
		}
	}
	// Tilbakestill asks first (Avbryt the default); the red button resets.
	test.Tap(wh.Row(model.WheelActionPlan, 1).Reset)
	if es, _ := st.WheelEntries(2026); len(es) != len(stored)+1 {
		t.Fatal("Tilbakestill reset without asking")
	}
	test.Tap(uitest.Button(env.Window.Canvas().Overlays().Top(), "Tilbakestill"))
	if es, _ := st.WheelEntries(2026); len(es) != len(stored) {
		t.Error("reset did not delete the adjustment")
	}
}

// TestWheelNewUnit: a unit created today has nothing late, and entering
// the sick-leave figures of the quarter ticks the duty off.
func TestWheelNewUnit(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "ny.db")
	today := model.NewDate(2026, 2, 10)
	st, err := storage.Create(path, model.Unit{Name: "Ny", Municipality: "K", Sector: model.SectorKontor, Employees: 5, Start: today}, storage.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w := test.NewWindow(nil)
	defer w.Close()
	env := appctx.New(a, w, st)
	env.Today = func() model.Date { return today }
	card := WheelCard(env)
	// Due this month: the row says so with the count's words («1 denne
	// måneden»), not «Snart».
	if uitest.HasText(card, "! Forfalt") || !uitest.HasText(card, "0 forfalt") ||
		!uitest.HasText(card, "Denne måneden: Sykefraværstall for 4. kvartal 2025") || uitest.HasText(card, "Snart") {
		t.Errorf("new unit's card: %q", uitest.Texts(card))
	}
	if _, err := st.SaveSickLeaveQuarter(model.SickLeaveQuarter{Quarter: model.Quarter{Year: 2025, Q: 4}, Total: 500}, today); err != nil {
		t.Fatal(err)
	}
	wh := NewWheel(env, 2026)
	if r := wh.Row(model.WheelSickLeave, 1); r == nil || !strings.Contains(r.State.Text, "Utført: Sykefravær for 4. kvartal 2025 er registrert") {
		t.Errorf("sick-leave row after entering Q4: %+v", r)
	}
	if wh.Row(model.WheelInternalControl, 1) != nil {
		t.Error("January's report is before the unit's start")
	}
}

// TestScreenshots renders the meeting view at 1024×768 and 1920×1080 in
// Møtemodus, and the meetings page and annual wheel at 1024×768, and
// checks nothing needs more width than the window
// (go test ./ui/moter -run Screenshots -screenshots DIR to look at them).
func TestScreenshots(t *testing.T) {
	env, w, st := newEnv(t, true)
	s := New(env)
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1024, 768))
	shot(t, w, "moter-liste", 1024)
	ms, _ := st.Meetings()
	if len(ms) == 0 {
		t.Fatal("the demo has no meetings")
	}
	held, _ := model.LastMeetingBefore(ms, uitest.Today)
	s.Open(held.ID)
	shot(t, w, "moter-editor", 1024)
	s.Editor.Tabs.SelectIndex(1)
	shot(t, w, "moter-sakliste", 1024)
	// Every kind with a figure on the agenda, so each figure is looked at.
	for _, k := range []model.AgendaKind{model.AgendaDeviations, model.AgendaViolence, model.AgendaTenFactor} {
		if itemOf(s.Editor.Meeting(), k) == 0 {
			s.Editor.sess.m = s.Editor.sess.m.AddItem(model.AgendaItem{Kind: k})
		}
	}
	test.Tap(s.Editor.StartView)
	v := s.Editor.View
	for _, size := range []fyne.Size{{Width: 1024, Height: 768}, {Width: 1920, Height: 1080}} {
		w.Resize(size)
		for _, k := range []model.AgendaKind{model.AgendaApproval, model.AgendaAttendance, model.AgendaDeviations, model.AgendaActionPlan, model.AgendaRisk, model.AgendaViolence, model.AgendaTenFactor} {
			i := v.Meeting().ItemIndex(itemOf(v.Meeting(), k))
			if i < 0 {
				t.Fatalf("no %s item", k)
			}
			v.Step(i - v.Index())
			if v.Index() != i {
				t.Fatalf("could not step to %s: %s", k, v.Err.Messages())
			}
			shot(t, w, "motevisning-"+string(k)+"-"+strconv.Itoa(int(size.Width/100)), size.Width)
		}
	}
	v.Leave()
	wh := NewWheel(env, 2026)
	w.SetContent(wh.Content())
	w.Resize(fyne.NewSize(1024, 768))
	shot(t, w, "arshjul", 1024)
	card := container.NewVBox(Card(env), WheelCard(env))
	w.SetContent(card)
	shot(t, w, "kort", 1024)
}

func shot(t *testing.T, w fyne.Window, name string, width float32) {
	t.Helper()
	img := w.Canvas().Capture()
	if min := w.Content().MinSize(); min.Width > width {
		t.Errorf("%s: content needs %.0f px wide, more than %.0f", name, min.Width, width)
	}
	if *shots == "" {
		return
	}
	f, err := os.Create(filepath.Join(*shots, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// Who is invited can be changed: a member taken off and invited again, a
// guest added; a guest named by a fødselsnummer is refused with the text
// kept; the list is saved.
func TestInviteMembersAndGuests(t *testing.T) {
	s, _, _, st := newScreen(t)
	test.Tap(s.NewButton)
	e := s.Editor
	n := len(e.Meeting().Participants)
	if n < 2 || len(e.Uninvite) != n {
		t.Fatalf("%d invited, %d remove buttons", n, len(e.Uninvite))
	}
	// Offered: former members only, each saying so.
	offered := len(e.InviteSel.Options)
	for _, o := range e.InviteSel.Options {
		if !strings.Contains(o, "ikke i utvalget på møtedatoen") {
			t.Errorf("an active member is offered although invited: %q", o)
		}
	}
	first := e.Meeting().Participants[0]
	test.Tap(e.Uninvite[0])
	if got := e.Meeting().Participants; len(got) != n-1 || got[0].MemberID == first.MemberID {
		t.Fatalf("not taken off: %+v", got)
	}
	// The member taken off is offered first, as active on the date.
	if opts := e.InviteSel.Options; e.InviteSel.Disabled() || len(opts) != offered+1 || opts[0] != first.Name+" ("+first.Role.Short()+")" {
		t.Fatalf("the member taken off is not offered first: %v", opts)
	}
	e.InviteSel.SetSelectedIndex(0)
	test.Tap(e.InviteBtn)
	if got := e.Meeting().Participants; len(got) != n || got[n-1].MemberID != first.MemberID {
		t.Fatalf("not invited again: %+v", got)
	}

	nid := uitest.NationalID()
	test.Type(e.Guest, "Gjest "+nid)
	test.Tap(e.GuestBtn)
	before, _ := st.Meetings()
	test.Tap(e.Save)
	if !strings.Contains(e.Err.Messages(), "fødselsnummer") {
		t.Errorf("guest with a national ID: message %q", e.Err.Messages())
	}
	if after, _ := st.Meetings(); len(after) != len(before) {
		t.Error("a refused meeting was stored")
	}
	if got := e.Meeting().Participants; got[len(got)-1].Name != "Gjest "+nid {
		t.Errorf("typed guest name lost: %+v", got[len(got)-1])
	}
	test.Tap(e.Uninvite[len(e.Uninvite)-1])
	test.Type(e.Guest, "Hanne, HR-rådgiver")
	test.Tap(e.GuestBtn)
	if e.Guest.Text != "" || !strings.Contains(e.Attended[len(e.Attended)-1].Text, "Hanne, HR-rådgiver (gjest)") {
		t.Errorf("guest row %q, entry %q", e.Attended[len(e.Attended)-1].Text, e.Guest.Text)
	}
	if !e.SaveNow() {
		t.Fatalf("save refused: %s", e.Err.Messages())
	}
	saved, err := st.Meeting(e.Meeting().ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(saved.Participants) != n+1 || saved.Participants[n].Name != "Hanne, HR-rådgiver" || saved.Participants[n].MemberID != 0 {
		t.Errorf("stored participants %+v", saved.Participants)
	}
}

// TestOverdueRoundOpensTheOneToLock: with a newer, empty round started in
// the same half-year, Oversikt's «Åpne» for the overdue autumn round opens
// the round that only needs locking (46 av 46 besvart), not the empty one.
func TestOverdueRoundOpensTheOneToLock(t *testing.T) {
	env, _, st := newEnv(t, false)
	rs, err := st.SafetyRounds()
	if err != nil {
		t.Fatal(err)
	}
	going, ok := model.UnfinishedRound(rs)
	if a, n := going.Progress(); !ok || a != n {
		t.Fatalf("the demo has no round with every question answered in progress: %+v", going)
	}
	empty := going
	empty.ID, empty.Answers, empty.Title, empty.Date = 0, nil, "Ny runde", uitest.Today
	if _, err := st.SaveSafetyRound(empty, uitest.Today); err != nil {
		t.Fatal(err)
	}
	wh := NewWheel(env, 2026)
	e := wh.Row(model.WheelSafetyRound, 2).Entry
	var page string
	env.Navigate = func(id string) { page = id }
	openDuty(env, e)
	if f, ok := env.TakeFocus("vernerunde"); page != "vernerunde" || !ok || f.ParentID != going.ID {
		t.Errorf("«Åpne» opened %q %+v, want round %d (%s)", page, f, going.ID, going.Title)
	}
}

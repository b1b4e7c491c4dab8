package moter

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/uitest"
)

// openFile shows the meetings page of the bbolt file at path in a new
// window, as the program does when it starts.
func openFile(t *testing.T, a fyne.App, path string) (*Screen, *storage.Store) {
	t.Helper()
	st, err := storage.Open(path, storage.Options{NoBackup: true, User: "Test"})
	if err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	env := appctx.New(a, w, st)
	env.Today = func() model.Date { return uitest.Today }
	s := New(env)
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1024, 768))
	return s, st
}

// listMarks is the ID of the meeting the list marks as selected, 0 if
// none (Fyne's List keeps it unexported).
func listMarks(s *Screen) uint64 {
	sel := reflect.ValueOf(s.List).Elem().FieldByName("selected")
	if sel.Len() == 0 {
		return 0
	}
	return s.Meetings()[sel.Index(0).Int()].ID
}

func mustPrompt(t *testing.T, s *Screen) {
	t.Helper()
	if s.env.Guard.Prompt() == nil {
		t.Fatal("left an edited meeting without asking «Lagre endringene?»")
	}
}

// TestNoInputLostMeetingPending: an item title changed, a decision, a
// guest and a new agenda item typed but not added, and the start time,
// make the meeting dirty; Lagre on leaving for another meeting adds and
// stores them all, read back from the reopened bbolt file. Undoing an edit
// by hand leaves it clean, and a saved meeting is clean.
func TestNoInputLostMeetingPending(t *testing.T) {
	path := uitest.DemoFile(t)
	a := test.NewTempApp(t)
	s, st := openFile(t, a, path)
	var id, other uint64
	for _, m := range s.Meetings() {
		switch {
		case id == 0 && m.Held(uitest.Today) && len(m.Agenda) > 0:
			id = m.ID
		case other == 0:
			other = m.ID
		}
	}
	e := openMeeting(t, s, id)
	if s.Dirty() {
		t.Fatal("a meeting just opened is dirty")
	}
	// Typed and typed back: nothing to save.
	place := e.Place.Text
	e.Place.SetText(place + "x")
	if !s.Dirty() {
		t.Fatal("a changed place is not dirty")
	}
	e.Place.SetText(place)
	if s.Dirty() {
		t.Fatal("the place typed back is still dirty")
	}
	// Saved with the button: clean.
	e.Place.SetText(place + " 2")
	test.Tap(e.Save)
	if s.Dirty() {
		t.Fatalf("dirty after «Lagre møtet» (%s)", e.Err.Label.Text)
	}

	item := e.Meeting().Agenda[0].ID
	e.SelectItem(item)
	e.ItemTitle.SetText("Ny tittel")
	test.Type(e.Item.NewDecision, "Vedtak skrevet")
	test.Type(e.Guest, "HR-rådgiver")
	test.Type(e.NewItem, "Sak skrevet")
	e.Start.SetText("09:15")

	// Avbryt keeps all of it.
	pickMeeting(t, s, other)
	mustPrompt(t, s)
	test.Tap(s.env.Guard.Prompt().Cancel)
	if s.Editor != e || e.Item.NewDecision.Text != "Vedtak skrevet" || e.Guest.Text != "HR-rådgiver" ||
		e.NewItem.Text != "Sak skrevet" || e.Start.Text != "09:15" {
		t.Fatal("Avbryt lost input")
	}
	if got := listMarks(s); got != id {
		t.Errorf("after Avbryt the list marks meeting %d, want the open one %d", got, id)
	}
	pickMeeting(t, s, other)
	mustPrompt(t, s)
	test.Tap(s.env.Guard.Prompt().Save)
	if s.Editor.Meeting().ID != other {
		t.Fatalf("Lagre did not open meeting %d", other)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	_, st = openFile(t, a, path)
	defer st.Close()
	m, err := st.Meeting(id)
	if err != nil {
		t.Fatal(err)
	}
	it := m.Agenda[m.ItemIndex(item)]
	decided, guest, added := false, false, false
	for _, d := range it.Decisions {
		decided = decided || d.Text == "Vedtak skrevet"
	}
	for _, p := range m.Participants {
		guest = guest || p.Name == "HR-rådgiver"
	}
	for _, x := range m.Agenda {
		added = added || x.Title == "Sak skrevet"
	}
	if it.Title != "Ny tittel" || !decided || !guest || !added || m.Start != "09:15" || m.Place != place+" 2" {
		t.Errorf("not stored: title %q decision %v guest %v item %v start %q place %q", it.Title, decided, guest, added, m.Start, m.Place)
	}
}

// TestNoInputLostMeetingNew: a new meeting typed into and left by «Nytt
// møte» asks; Forkast drops it (nothing stored) and a fresh one opens. A
// new meeting not touched leaves without a question.
func TestNoInputLostMeetingNew(t *testing.T) {
	s, _, _, st := newScreen(t)
	before, _ := st.Meetings()
	test.Tap(s.NewButton)
	if s.Dirty() {
		t.Fatal("a new meeting not touched is dirty")
	}
	test.Tap(s.NewButton)
	if s.env.Guard.Prompt() != nil {
		t.Fatal("a new meeting not touched asked before «Nytt møte»")
	}
	test.Type(s.Editor.Place, "Kantina")
	test.Tap(s.NewButton)
	mustPrompt(t, s)
	test.Tap(s.env.Guard.Prompt().Discard)
	if s.Editor == nil || s.Editor.Place.Text != "" || s.Editor.Meeting().ID != 0 {
		t.Fatal("Forkast did not open a fresh new meeting")
	}
	if after, _ := st.Meetings(); len(after) != len(before) {
		t.Errorf("Forkast stored the new meeting: %d meetings, was %d", len(after), len(before))
	}
}

// TestNoInputLostMeetingMeasureForm: a «Lag tiltak» form opened under a
// decision and typed into asks before another meeting opens; Lagre stores
// the measure in the action plan and links it to the decision.
func TestNoInputLostMeetingMeasureForm(t *testing.T) {
	s, _, _, st := newScreen(t)
	var id, other uint64
	for _, m := range s.Meetings() {
		switch {
		case id == 0 && len(m.Agenda) > 0:
			id = m.ID
		case other == 0:
			other = m.ID
		}
	}
	e := openMeeting(t, s, id)
	item := e.Meeting().Agenda[0].ID
	e.SelectItem(item)
	test.Type(e.Item.NewDecision, "Nytt vedtak om tiltak")
	test.Tap(e.Item.AddDecision)
	test.Tap(e.Save)
	if s.Dirty() {
		t.Fatalf("dirty after saving the decision (%s)", e.Err.Label.Text)
	}
	b := findButton(e.Item.Content(), "Lag tiltak")
	if b == nil {
		t.Fatal("no «Lag tiltak» button")
	}
	before, _ := st.Measures()
	test.Tap(b)
	if e.Item.Measure == nil {
		t.Fatal("the measure form did not open")
	}
	e.Item.Measure.Responsible.SetText("Leder")
	if !s.Dirty() {
		t.Fatal("an open measure form is not dirty")
	}
	pickMeeting(t, s, other)
	mustPrompt(t, s)
	test.Tap(s.env.Guard.Prompt().Save)
	if s.Editor.Meeting().ID != other {
		t.Fatalf("Lagre did not open meeting %d (%s)", other, e.Item.Measure.Err.Label.Text)
	}
	after, _ := st.Measures()
	if len(after) != len(before)+1 {
		t.Fatalf("the measure was not stored: %d measures, was %d", len(after), len(before))
	}
	m, _ := st.Meeting(id)
	linked := false
	for _, d := range m.Agenda[m.ItemIndex(item)].Decisions {
		linked = linked || (d.Text == "Nytt vedtak om tiltak" && d.MeasureID != 0)
	}
	if !linked {
		t.Error("the decision is not linked to the new measure")
	}
}

// TestNoInputLostMeetingView: a decision typed in the meeting view's
// panel, not yet added, counts as unsaved: leaving asks and Lagre stores
// it; stepping to the next item adds it too. Forkast while the view is
// open closes the view without saving, and nothing typed there reaches the
// file later.
func TestNoInputLostMeetingView(t *testing.T) {
	path := uitest.DemoFile(t)
	a := test.NewTempApp(t)
	s, st := openFile(t, a, path)
	if !s.OpenView(0) {
		t.Fatal("no meeting to show")
	}
	v := s.Editor.View
	id := v.Meeting().ID
	decisions := func() int {
		m, _ := st.Meeting(id)
		n := 0
		for _, it := range m.Agenda {
			n += len(it.Decisions)
		}
		return n
	}
	before := decisions()
	test.Type(v.Panel.NewDecision, "Vedtak skrevet i møtevisningen")
	left := false
	s.env.Leave(func() { left = true }, nil)
	mustPrompt(t, s)
	test.Tap(s.env.Guard.Prompt().Save)
	if !left || decisions() != before+1 {
		t.Fatalf("Lagre: left %v, %d decisions stored, want %d", left, decisions(), before+1)
	}

	if len(v.Meeting().Agenda) > 1 {
		test.Type(v.Panel.NewDecision, "Vedtak før neste sak")
		idx := v.Index()
		if !v.Step(1) && !v.Step(-1) || v.Index() == idx {
			t.Fatal("could not step")
		}
		if decisions() != before+2 {
			t.Fatalf("stepping dropped the typed decision: %d stored, want %d", decisions(), before+2)
		}
	}

	stored, _ := st.Meeting(id)
	v.Panel.Notes.SetText("Notat som skal forkastes")
	s.env.Leave(func() {}, nil)
	mustPrompt(t, s)
	test.Tap(s.env.Guard.Prompt().Discard)
	if s.env.Window.Content() == v.Content() {
		t.Fatal("Forkast left the meeting view open")
	}
	if m, _ := st.Meeting(id); !reflect.DeepEqual(m, stored) {
		t.Fatal("Forkast stored the notes")
	}
	if s.env.Guard.Dirty() {
		t.Error("the page is still dirty after Forkast")
	}
	v.Leave() // a stale view must not save its copy
	if m, _ := st.Meeting(id); !reflect.DeepEqual(m, stored) {
		t.Fatal("the closed view saved the discarded notes")
	}
}

// TestNoInputLostMeetingItemSwitch: a decision typed but not added stays
// with its item when another agenda item is chosen (it is added, and the
// meeting counts as unsaved); an open «Lag tiltak» form keeps its item on
// screen until it is saved or cancelled.
func TestNoInputLostMeetingItemSwitch(t *testing.T) {
	s, _, _, st := newScreen(t)
	var id uint64
	for _, m := range s.Meetings() {
		if len(m.Agenda) > 1 {
			id = m.ID
			break
		}
	}
	if id == 0 {
		t.Fatal("no meeting with two agenda items in the demo")
	}
	e := openMeeting(t, s, id)
	first, second := e.Meeting().Agenda[0].ID, e.Meeting().Agenda[1].ID
	e.Agenda.Select(0)
	test.Type(e.Item.NewDecision, "Vedtak skrevet før bytte")
	e.Agenda.Select(1)
	if e.SelectedItem() != second {
		t.Fatalf("shows item %d, want %d", e.SelectedItem(), second)
	}
	m := e.Meeting()
	found := false
	for _, d := range m.Agenda[m.ItemIndex(first)].Decisions {
		found = found || d.Text == "Vedtak skrevet før bytte"
	}
	if !found || !s.Dirty() {
		t.Fatalf("typed decision lost on switching items (found %v, dirty %v)", found, s.Dirty())
	}
	test.Tap(e.Save)
	stored, _ := st.Meeting(id)
	found = false
	for _, d := range stored.Agenda[stored.ItemIndex(first)].Decisions {
		found = found || d.Text == "Vedtak skrevet før bytte"
	}
	if !found {
		t.Fatal("the decision was not stored")
	}

	e.Agenda.Select(0)
	b := findButton(e.Item.Content(), "Lag tiltak")
	if b == nil {
		t.Fatal("no «Lag tiltak» button")
	}
	test.Tap(b)
	e.Item.Measure.Responsible.SetText("Leder")
	e.Agenda.Select(1)
	if e.SelectedItem() != first || e.Item.Measure == nil || e.Item.Measure.Responsible.Text != "Leder" {
		t.Fatalf("the open measure form was dropped on switching items (item %d)", e.SelectedItem())
	}
	if e.Err.Label.Text == "" {
		t.Error("no word on why the item did not change")
	}
}

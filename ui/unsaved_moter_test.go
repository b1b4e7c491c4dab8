package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/moter"
	"hmsutvalg/ui/oversikt"
	"hmsutvalg/ui/uitest"
)

// heldMeetings are two meetings of the demo unit: a held one with someone
// invited and an agenda, and another.
func heldMeetings(t *testing.T, env *appctx.Env) (id, other uint64) {
	t.Helper()
	ms, err := env.Store.Meetings()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		switch {
		case id == 0 && m.Held(uitest.Today) && len(m.Participants) > 0 && len(m.Agenda) > 0:
			id = m.ID
		case other == 0:
			other = m.ID
		}
	}
	if id == 0 || other == 0 {
		t.Fatal("the demo unit has no held meeting with participants and an agenda")
	}
	return id, other
}

// meetingEdit is what editMeeting typed, to check against the store.
type meetingEdit struct {
	date     model.Date
	place    string
	notes    string
	attended bool // the first participant
}

// editMeeting opens meeting id on the meetings page and types into the
// date, the place and the first agenda item's notes, and flips the first
// participant's tick. days moves the date back, so each edit differs.
func editMeeting(t *testing.T, env *appctx.Env, id uint64, tag string, days int) (*moter.Screen, *moter.Editor, meetingEdit) {
	t.Helper()
	env.Open(moter.PageID, appctx.Focus{ID: id})
	s, ok := env.Guard.Form().(*moter.Screen)
	if !ok || s.Editor == nil || s.Editor.Meeting().ID != id {
		t.Fatalf("meeting %d is not open", id)
	}
	e := s.Editor
	stored := mustMeeting(t, env.Store, id)
	want := meetingEdit{date: stored.Date.AddDays(-days), place: "Sted " + tag, notes: "Notat " + tag,
		attended: !stored.Participants[0].Attended}
	e.Date.SetText("")
	test.Type(e.Date, want.date.String())
	e.Place.SetText("")
	test.Type(e.Place, want.place)
	e.SelectItem(stored.Agenda[0].ID)
	e.Item.Notes.SetText("")
	test.Type(e.Item.Notes, want.notes)
	test.Tap(e.Attended[0])
	if e.Attended[0].Checked != want.attended {
		t.Fatalf("the tick was refused: %q", e.AttendNote[0].Text)
	}
	if !s.Dirty() {
		t.Fatal("an edited meeting is not dirty")
	}
	return s, e, want
}

func mustMeeting(t *testing.T, st *storage.Store, id uint64) model.Meeting {
	t.Helper()
	m, err := st.Meeting(id)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func meetingAs(m model.Meeting, w meetingEdit) bool {
	return m.Date == w.date && m.Place == w.place && m.Agenda[0].Notes == w.notes &&
		m.Participants[0].Attended == w.attended
}

func assertMeetingSaved(t *testing.T, st *storage.Store, id uint64, w meetingEdit) {
	t.Helper()
	if m := mustMeeting(t, st, id); !meetingAs(m, w) {
		t.Errorf("not saved: date %s place %q notes %q attended %v, want %+v",
			m.Date, m.Place, m.Agenda[0].Notes, m.Participants[0].Attended, w)
	}
}

func assertMeetingUnchanged(t *testing.T, st *storage.Store, before model.Meeting, how string) {
	t.Helper()
	m := mustMeeting(t, st, before.ID)
	if m.Date != before.Date || m.Place != before.Place || m.Agenda[0].Notes != before.Agenda[0].Notes ||
		m.Participants[0].Attended != before.Participants[0].Attended {
		t.Errorf("%s changed the stored meeting: %+v", how, m)
	}
}

// TestNoInputLostMeetingApp leaves an edited meeting (date, place, an agenda
// item's notes, a tick) by the sidebar, another meeting in the list,
// «Nytt møte», Møtemodus, closing the window and Ctrl+Q: the user is asked;
// Lagre stores it in bbolt, Forkast keeps the stored meeting, Avbryt keeps
// everything on screen. A meeting opened and not edited leaves silently.
func TestNoInputLostMeetingApp(t *testing.T) {
	u, closed := startApp(t)
	env, w := u.Env(), u.Window()
	id, other := heldMeetings(t, env)
	stored := mustMeeting(t, env.Store, id)

	// Opened, not edited: the sidebar leaves without a question.
	env.Open(moter.PageID, appctx.Focus{ID: id})
	if s, ok := env.Guard.Form().(*moter.Screen); !ok || s.Dirty() {
		t.Fatal("a meeting just opened is dirty")
	}
	env.Navigate(oversikt.PageID)
	if env.Guard.Prompt() != nil {
		t.Fatal("a clean meeting asked before leaving")
	}
	if _, still := env.Guard.Form().(*moter.Screen); still {
		t.Fatal("the sidebar did not leave a clean meeting")
	}

	// Sidebar, Avbryt (Escape): still here, everything on screen, nothing saved.
	_, e, want := editMeeting(t, env, id, "en", 1)
	env.Navigate(oversikt.PageID)
	prompt(t, env)
	press(t, w, fyne.KeyEscape)
	if env.Guard.Prompt() != nil {
		t.Fatal("Avbryt did not close the question")
	}
	if _, still := env.Guard.Form().(*moter.Screen); !still {
		t.Fatal("Avbryt left the page")
	}
	if e.Place.Text != want.place || e.Date.Text != want.date.String() || e.Item.Notes.Text != want.notes ||
		e.Attended[0].Checked != want.attended {
		t.Errorf("Avbryt lost input: %q %q %q %v", e.Place.Text, e.Date.Text, e.Item.Notes.Text, e.Attended[0].Checked)
	}
	assertMeetingUnchanged(t, env.Store, stored, "Avbryt")

	// Sidebar, Forkast: the page changes, the store keeps the meeting.
	env.Navigate(oversikt.PageID)
	test.Tap(prompt(t, env).Discard)
	if _, still := env.Guard.Form().(*moter.Screen); still {
		t.Error("Forkast did not leave the meetings page")
	}
	assertMeetingUnchanged(t, env.Store, stored, "Forkast")

	// Another meeting in the list, Avbryt, then Lagre (Enter): saved in
	// bbolt, the other meeting opens.
	s, e, want := editMeeting(t, env, id, "to", 2)
	for i, m := range s.Meetings() {
		if m.ID == other {
			s.List.Select(i)
		}
	}
	test.Tap(prompt(t, env).Cancel)
	if s.Editor != e || e.Place.Text != want.place {
		t.Fatal("Avbryt on another meeting replaced the editor")
	}
	assertMeetingUnchanged(t, env.Store, stored, "Avbryt")
	for i, m := range s.Meetings() {
		if m.ID == other {
			s.List.Select(i)
		}
	}
	prompt(t, env)
	press(t, w, fyne.KeyReturn)
	assertMeetingSaved(t, env.Store, id, want)
	if s.Editor.Meeting().ID != other {
		t.Errorf("after Lagre the page shows meeting %d, want %d", s.Editor.Meeting().ID, other)
	}

	// «Nytt møte», Forkast: a new meeting opens, the stored one is as before.
	before := mustMeeting(t, env.Store, id)
	s, _, _ = editMeeting(t, env, id, "tre", 3)
	test.Tap(s.NewButton)
	test.Tap(prompt(t, env).Discard)
	if s.Editor == nil || s.Editor.Meeting().ID != 0 {
		t.Fatal("Forkast did not start the new meeting")
	}
	assertMeetingUnchanged(t, env.Store, before, "Forkast on «Nytt møte»")

	// A new meeting typed into and left by the sidebar: Lagre stores it.
	n := len(mustMeetings(t, env.Store))
	s.Editor.Place.SetText("Nytt sted")
	env.Navigate(oversikt.PageID)
	test.Tap(prompt(t, env).Save)
	ms := mustMeetings(t, env.Store)
	found := false
	for _, m := range ms {
		found = found || m.Place == "Nytt sted"
	}
	if len(ms) != n+1 || !found {
		t.Errorf("the new meeting was not saved: %d meetings, was %d, place found %v", len(ms), n, found)
	}

	// Møtemodus (Ctrl+M), Lagre: saved, then the mode changes.
	_, _, want = editMeeting(t, env, id, "fire", 4)
	shortcut(w, meetingShortcut)
	if env.MeetingMode() {
		t.Fatal("Møtemodus switched before the question was answered")
	}
	test.Tap(prompt(t, env).Save)
	assertMeetingSaved(t, env.Store, id, want)
	if !env.MeetingMode() {
		t.Error("Møtemodus did not switch after Lagre")
	}
	env.SetMeetingMode(false)

	// Closing the window asks; Avbryt keeps it open with the input.
	_, e, want = editMeeting(t, env, id, "fem", 5)
	u.Quit()
	test.Tap(prompt(t, env).Cancel)
	if *closed || e.Item.Notes.Text != want.notes {
		t.Fatalf("Avbryt on closing: closed %v, notes %q", *closed, e.Item.Notes.Text)
	}
	// Ctrl+Q asks too; Lagre saves and closes.
	shortcut(w, quitShortcut)
	press(t, w, fyne.KeyEnter)
	assertMeetingSaved(t, env.Store, id, want)
	if !*closed {
		t.Error("the window did not close after Lagre")
	}
}

func mustMeetings(t *testing.T, st *storage.Store) []model.Meeting {
	t.Helper()
	ms, err := st.Meetings()
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

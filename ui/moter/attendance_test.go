package moter

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"hmsutvalg/storage"
	"hmsutvalg/ui/uitest"
)

// shownTicks is the attendance the open editor shows.
func shownTicks(e *Editor) []bool {
	var out []bool
	for _, c := range e.Attended {
		out = append(out, c.Checked)
	}
	return out
}

// storedTicks is the attendance stored for meeting id, read as a screen
// reads it: from the list (through the list cache) and on its own.
func storedTicks(t *testing.T, st *storage.Store, id uint64) []bool {
	t.Helper()
	one, err := st.Meeting(id)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := st.Meetings()
	if err != nil {
		t.Fatal(err)
	}
	var out, listed []bool
	for _, p := range one.Participants {
		out = append(out, p.Attended)
	}
	for _, m := range ms {
		if m.ID == id {
			for _, p := range m.Participants {
				listed = append(listed, p.Attended)
			}
		}
	}
	if !equalTicks(out, listed) {
		t.Fatalf("Meeting(%d) says %v, Meetings() says %v", id, out, listed)
	}
	return out
}

func equalTicks(a, b []bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// pickMeeting selects meeting id in the screen's list, as a click does.
func pickMeeting(t *testing.T, s *Screen, id uint64) {
	t.Helper()
	for i, m := range s.Meetings() {
		if m.ID == id {
			s.List.Select(i)
			return
		}
	}
	t.Fatalf("meeting %d is not listed", id)
}

// openMeeting selects meeting id in the screen's list and returns its
// editor.
func openMeeting(t *testing.T, s *Screen, id uint64) *Editor {
	t.Helper()
	for i, m := range s.Meetings() {
		if m.ID == id {
			s.List.Select(i)
			if s.Editor == nil || s.Editor.Meeting().ID != id {
				t.Fatalf("meeting %d did not open", id)
			}
			return s.Editor
		}
	}
	t.Fatalf("meeting %d is not listed", id)
	return nil
}

// TestAttendanceShownIsStored ticks attendance in a held meeting, leaves
// without saving (another meeting, then another page), comes back, saves,
// and restarts the program (the store reopened): at each step the editor
// shows what the store holds, except for the ticks not yet saved.
func TestAttendanceShownIsStored(t *testing.T) {
	path := uitest.DemoFile(t)
	a := test.NewTempApp(t)
	open := func() (*Screen, *storage.Store) { return openFile(t, a, path) }
	s, st := open()
	var id, other uint64
	for _, m := range s.Meetings() {
		switch {
		case id == 0 && m.Held(uitest.Today) && len(m.Participants) >= 2:
			id = m.ID
		case other == 0:
			other = m.ID
		}
	}
	if id == 0 || other == 0 {
		t.Fatal("the demo has no held meeting with two participants")
	}
	stored := storedTicks(t, st, id)
	e := openMeeting(t, s, id)
	if got := shownTicks(e); !equalTicks(got, stored) {
		t.Fatalf("opened: shows %v, stored %v", got, stored)
	}

	// Tick (or untick) the first two without saving.
	want := append([]bool(nil), stored...)
	for j := range 2 {
		want[j] = !want[j]
		e.Attended[j].SetChecked(want[j])
	}
	if got := shownTicks(e); !equalTicks(got, want) {
		t.Fatalf("ticked: shows %v, want %v", got, want)
	}
	if got := storedTicks(t, st, id); !equalTicks(got, stored) {
		t.Fatalf("ticking without saving changed what the store returns: %v, was %v", got, stored)
	}

	// Leave for another meeting: asked; Forkast drops the ticks, and back
	// again what is stored is shown.
	pickMeeting(t, s, other)
	p := s.env.Guard.Prompt()
	if p == nil {
		t.Fatal("left ticks not saved without asking")
	}
	test.Tap(p.Discard)
	if s.Editor.Meeting().ID != other {
		t.Fatalf("Forkast did not open meeting %d", other)
	}
	e = openMeeting(t, s, id)
	if got := shownTicks(e); !equalTicks(got, stored) {
		t.Fatalf("back from another meeting: shows %v, stored %v", got, stored)
	}
	// Leave the page (it is built anew) and come back.
	e.Attended[0].SetChecked(!stored[0])
	s = New(s.env)
	e = openMeeting(t, s, id)
	if got := shownTicks(e); !equalTicks(got, stored) {
		t.Fatalf("back from another page: shows %v, stored %v", got, stored)
	}

	// Tick and save: the store has it.
	for j := range 2 {
		e.Attended[j].SetChecked(want[j])
	}
	test.Tap(e.Save)
	if got := storedTicks(t, st, id); !equalTicks(got, want) {
		t.Fatalf("saved: stored %v, want %v (%v)", got, want, e.Err.Label.Text)
	}
	if got := shownTicks(e); !equalTicks(got, want) {
		t.Fatalf("saved: shows %v, want %v", got, want)
	}

	// Restart: the file reopened shows what was saved.
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	s, st = open()
	defer st.Close()
	e = openMeeting(t, s, id)
	if got, stored := shownTicks(e), storedTicks(t, st, id); !equalTicks(got, want) || !equalTicks(stored, want) {
		t.Fatalf("after restart: shows %v, stored %v, want %v", got, stored, want)
	}
}

// TestFutureAttendanceRefusedAtTick: in a meeting dated later, a tick is
// undone at once and the reason shown beside it; on the meeting day it is
// taken.
func TestFutureAttendanceRefusedAtTick(t *testing.T) {
	s, _, _, _ := newScreen(t)
	test.Tap(s.NewButton) // a week from today
	e := s.Editor
	if len(e.Attended) == 0 {
		t.Fatal("nobody invited")
	}
	e.Attended[0].SetChecked(true)
	if e.Attended[0].Checked || e.Meeting().Participants[0].Attended {
		t.Error("a tick for a meeting next week was accepted")
	}
	note := e.AttendNote[0]
	if !note.Visible() || !strings.Contains(note.Text, "Oppmøte kan ikke registreres før møtedagen (01.12.2026)") {
		t.Errorf("reason shown: %v %q", note.Visible(), note.Text)
	}
	// The date as typed counts: moved to today, the tick is taken.
	e.Date.SetDate(uitest.Today)
	e.Attended[0].SetChecked(true)
	if !e.Attended[0].Checked || !e.Meeting().Participants[0].Attended || note.Visible() {
		t.Errorf("tick on the meeting day: shown %v, held %v, note %q", e.Attended[0].Checked, e.Meeting().Participants[0].Attended, note.Text)
	}
	test.Tap(e.Save)
	if e.Err.Label.Text != "" {
		t.Errorf("save refused: %s", e.Err.Label.Text)
	}
}

package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/moter"
	"hmsutvalg/ui/oversikt"
	"hmsutvalg/ui/uitest"
)

// TestNoInputLostWheel types a note under «Merk utført …» and a new
// deadline under «Flytt frist» in the annual wheel and leaves it every
// way: the sidebar (Avbryt keeps both), another year (Forkast), Møtemodus
// with Ctrl+M (Lagre stores the tick and the deadline in bbolt), closing
// the window (Avbryt) and Ctrl+Q (Lagre, then the window closes). Ctrl+S
// saves as the rows' own buttons do.
func TestNoInputLostWheel(t *testing.T) {
	u, closed := startApp(t)
	env, w := u.Env(), u.Window()
	year := model.HMSYear(env.Today().Year())
	open := func() *moter.Wheel {
		env.Navigate(moter.WheelPageID)
		wh, ok := env.Guard.Form().(*moter.Wheel)
		if !ok {
			t.Fatalf("the annual wheel is not the form on screen: %T", env.Guard.Form())
		}
		return wh
	}
	// tickable is a row that a note ticks done (no record proves it).
	tickable := func(wh *moter.Wheel) *moter.WheelRow {
		for _, r := range wh.Rows {
			if r.Done != nil && r.Entry.Done.IsZero() && !r.Entry.Proof.Proven() {
				return r
			}
		}
		t.Fatal("no duty in the demo's wheel that a note ticks done")
		return nil
	}
	// movable is a row other than the tickable one, for a new deadline.
	movable := func(wh *moter.Wheel) *moter.WheelRow {
		return wh.Rows[0]
	}
	typeIn := func(wh *moter.Wheel, note, due string) (model.WheelKey, model.WheelKey) {
		r := tickable(wh)
		test.Tap(r.Done)
		if w.Canvas().Focused() != r.Note {
			t.Error("«Merk utført …» did not put the keyboard in the note")
		}
		retype(r.Note, note)
		m := movable(wh)
		if m == r {
			t.Fatal("the first duty is the tickable one")
		}
		test.Tap(m.Move)
		if w.Canvas().Focused() != m.Due {
			t.Error("«Flytt frist» did not put the keyboard in the deadline")
		}
		retype(m.Due, due)
		return r.Entry.Key(), m.Entry.Key()
	}
	stored := func(k model.WheelKey) model.WheelEntry {
		es, _ := env.Store.WheelEntries(year)
		for _, e := range es {
			if e.Key() == k {
				return e
			}
		}
		return model.WheelEntry{}
	}

	// The sidebar: Avbryt (Escape) keeps both and saves nothing.
	wh := open()
	tickKey, dueKey := typeIn(wh, "Lagt fram for AMU 12.03", "30.12."+year.String())
	env.Navigate(oversikt.PageID)
	prompt(t, env)
	press(t, w, fyne.KeyEscape)
	if env.Guard.Form() != wh || tickable(wh).Note.Text != "Lagt fram for AMU 12.03" {
		t.Fatal("Avbryt left the wheel or lost the note")
	}
	if !stored(tickKey).Done.IsZero() || stored(dueKey).ID != 0 {
		t.Fatal("Avbryt saved")
	}

	// Another year: Forkast shows it and saves nothing.
	test.Tap(wh.PrevYear)
	test.Tap(prompt(t, env).Discard)
	if !stored(tickKey).Done.IsZero() || stored(dueKey).ID != 0 {
		t.Fatal("Forkast saved")
	}
	if wh.Entries()[0].Year != year-1 {
		t.Error("Forkast did not show the year before")
	}

	// Møtemodus (Ctrl+M): Lagre stores the tick with its note and the
	// new deadline.
	wh = open()
	tickKey, dueKey = typeIn(wh, "Gjennomgått i møte 2", "29.12."+year.String())
	uitest.Shortcut(w, meetingShortcut)
	test.Tap(prompt(t, env).Save)
	if !env.MeetingMode() {
		t.Error("Møtemodus did not switch after Lagre")
	}
	if e := stored(tickKey); e.Done != env.Today() || e.Note != "Gjennomgått i møte 2" {
		t.Errorf("the tick was not stored: %+v", e)
	}
	if e := stored(dueKey); e.Due != model.NewDate(int(year), 12, 29) {
		t.Errorf("the deadline was not stored: %+v", e)
	}
	env.SetMeetingMode(false)

	// Ctrl+S saves a deadline like «Lagre frist»; a deadline that cannot
	// be read keeps the text and says so on the row.
	wh = open()
	m := movable(wh)
	test.Tap(m.Move)
	retype(m.Due, "31.02.")
	uitest.Shortcut(w, saveShortcut)
	if m.Due.Text != "31.02." || m.Err.Messages() == "" || !wh.Dirty() {
		t.Errorf("a refused deadline: text %q, message %q", m.Due.Text, m.Err.Messages())
	}
	retype(m.Due, "28.12."+year.String())
	uitest.Shortcut(w, saveShortcut)
	if e := stored(m.Entry.Key()); e.Due != model.NewDate(int(year), 12, 28) || wh.Dirty() {
		t.Errorf("Ctrl+S did not store the deadline: %+v", e)
	}

	// Closing the window asks; Avbryt keeps it open. Ctrl+Q asks; Lagre
	// saves and closes.
	wh = open()
	m = movable(wh)
	test.Tap(m.Move)
	retype(m.Due, "27.12."+year.String())
	u.Quit()
	test.Tap(prompt(t, env).Cancel)
	if *closed {
		t.Fatal("Avbryt closed the window")
	}
	uitest.Shortcut(w, quitShortcut)
	press(t, w, fyne.KeyReturn)
	if !*closed {
		t.Error("the window did not close after Lagre")
	}
	if e := stored(m.Entry.Key()); e.Due != model.NewDate(int(year), 12, 27) {
		t.Errorf("Ctrl+Q, Lagre: %+v", e)
	}
}

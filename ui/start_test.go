package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/ui/apptheme"
	"hmsutvalg/ui/uitest"
)

func start(t *testing.T, path string) (*App, *bytes.Buffer) {
	t.Helper()
	a := test.NewTempApp(t)
	var stderr bytes.Buffer
	u := Start(a, Options{DBPath: path, Today: func() model.Date { return uitest.Today }, Stderr: &stderr})
	t.Cleanup(u.Close)
	return u, &stderr
}

func TestStartOnDemoFile(t *testing.T) {
	u, _ := start(t, uitest.DemoFile(t))
	title := u.Window().Title()
	if !strings.Contains(title, "HMS-utvalg") || !strings.Contains(title, "Bjørkeli") {
		t.Errorf("window title %q lacks app and unit name", title)
	}
	c := u.Window().Content()
	for _, want := range []string{"Oversikt", "Enhet og utvalg", "Innstillinger", "Møtemodus", "Verneombud", "Sykehjem"} {
		if !uitest.HasText(c, want) {
			t.Errorf("main screen lacks %q", want)
		}
	}
}

func TestMeetingModeScalesAndIsRemembered(t *testing.T) {
	u, _ := start(t, uitest.DemoFile(t))
	env := u.Env()
	normal := u.fyne.Settings().Theme().Size(theme.SizeNameText)
	env.SetMeetingMode(true)
	big := u.fyne.Settings().Theme().Size(theme.SizeNameText)
	if big != normal*apptheme.MeetingScale {
		t.Errorf("Møtemodus text size %v, want %v", big, normal*apptheme.MeetingScale)
	}
	if !u.fyne.Preferences().Bool("motemodus") {
		t.Error("Møtemodus not remembered in preferences")
	}
	if !uitest.HasText(u.Window().Content(), "Avslutt møtemodus") {
		t.Error("toggle button does not show the mode")
	}
	// Ctrl+M itself is exercised on the real window by the smoke test.
	env.SetMeetingMode(false)
	if got := u.fyne.Settings().Theme().Size(theme.SizeNameText); got != normal {
		t.Errorf("after leaving Møtemodus text size %v, want %v", got, normal)
	}
}

func TestLockedFileShowsMessageQuickly(t *testing.T) {
	path := uitest.DemoFile(t)
	first, err := storage.Open(path, storage.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	begin := time.Now()
	u, stderr := start(t, path)
	if d := time.Since(begin); d > 2*time.Second {
		t.Errorf("took %v to report the locked file, want < 2 s", d)
	}
	want := "er allerede åpen i et annet vindu"
	if !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr %q lacks %q", stderr.String(), want)
	}
	if !uitest.HasText(u.Window().Content(), want) {
		t.Error("window does not show the locked message")
	}
}

func TestGarbageFileRefusedAndUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rot.db")
	garbage := bytes.Repeat([]byte("ikke en database "), 1000)
	if err := os.WriteFile(path, garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	u, _ := start(t, path)
	if !uitest.HasText(u.Window().Content(), "er ikke en gyldig HMS-utvalg-database") {
		t.Errorf("no clear message; screen shows %q", uitest.Texts(u.Window().Content()))
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(after, garbage) {
		t.Error("garbage file was modified")
	}
}

func TestMissingFileShowsWizard(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ny.db")
	u, _ := start(t, path)
	c := u.Window().Content()
	for _, want := range []string{"Velkommen til HMS-utvalg", "Opprett ny enhet", "Åpne eksisterende fil", "Åpne demoenheten"} {
		if !uitest.HasText(c, want) {
			t.Errorf("wizard lacks %q", want)
		}
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("the file was created before the user chose")
	}
}

func TestStartInMeetingView(t *testing.T) {
	a := test.NewTempApp(t)
	u := Start(a, Options{DBPath: uitest.DemoFile(t), Today: func() model.Date { return uitest.Today }, MeetingView: true})
	defer u.Close()
	if !u.Env().MeetingMode() {
		t.Error("the meeting view did not switch on Møtemodus")
	}
	c := u.Window().Content()
	found := false
	for _, s := range uitest.Texts(c) {
		found = found || strings.Contains(s, "Sak 1 av")
	}
	if !found {
		t.Errorf("not in the meeting view; screen shows %q", uitest.Texts(c))
	}
}

// Møtemodus callbacks of a page (sensitive fields) are dropped when the
// next page is built, so they do not pile up over a long session.
func TestMeetingModeCallbacksDoNotPileUp(t *testing.T) {
	u, _ := start(t, uitest.DemoFile(t))
	env := u.Env()
	base := env.ModeCallbacks()
	env.Navigate("vold")
	first := env.ModeCallbacks()
	if first <= base {
		t.Fatalf("the Vold page registered no Møtemodus callbacks (%d vs %d at start); the test would prove nothing", first, base)
	}
	for i := 0; i < 5; i++ {
		env.Navigate("oversikt")
		env.Navigate("vold")
	}
	if got := env.ModeCallbacks(); got != first {
		t.Errorf("%d Møtemodus callbacks after five visits, %d after one", got, first)
	}
	// The shell's own toggle still follows the mode.
	env.SetMeetingMode(true)
	if !uitest.HasText(u.Window().Content(), "Avslutt møtemodus") {
		t.Error("the shell's Møtemodus button lost its callback")
	}
}

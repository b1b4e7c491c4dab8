package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/ui/uitest"
)

// openFirstApp makes its window only once the unit file's open has made
// its backup, so Start must open the file beside the window's creation.
type openFirstApp struct {
	fyne.App
	t       *testing.T
	path    string
	backups int // before Start
}

func (a openFirstApp) NewWindow(title string) fyne.Window {
	deadline := time.Now().Add(time.Minute)
	for {
		bs, err := storage.ListBackups(a.path)
		if err == nil && len(bs) > a.backups {
			break
		}
		if time.Now().After(deadline) {
			a.t.Error("the window was made before the file was opened (no backup of it after a minute)")
			break
		}
		time.Sleep(time.Millisecond)
	}
	return a.App.NewWindow(title)
}

// TestStartOpensTheFileBesideTheWindow: the checks of a writable open (the
// page walk, the backup, migrations) run while the language is set up and
// the window made, not after it; the window then shows the file opened.
func TestStartOpensTheFileBesideTheWindow(t *testing.T) {
	path := uitest.DemoFile(t)
	bs, err := storage.ListBackups(path)
	if err != nil {
		t.Fatal(err)
	}
	a := openFirstApp{App: test.NewTempApp(t), t: t, path: path, backups: len(bs)}
	u := Start(a, Options{DBPath: path, Today: func() model.Date { return uitest.Today }})
	t.Cleanup(u.Close)
	if u.Env() == nil || u.Env().Store.Path() != path {
		t.Fatal("the main screens are not on the opened file")
	}
	for _, want := range []string{"Oversikt", "Bjørkeli"} {
		if !uitest.HasText(u.Window().Content(), want) {
			t.Errorf("main screen lacks %q", want)
		}
	}
}

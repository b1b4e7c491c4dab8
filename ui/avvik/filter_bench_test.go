package avvik

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/storage/demo"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/uitest"
)

// BenchmarkFilterHeavy types a search into the heavy unit's deviation
// register (demo --scale 50) and clears it again: issue 18 keeps a filter
// under 100 ms. One op is both.
func BenchmarkFilterHeavy(b *testing.B) {
	path := filepath.Join(b.TempDir(), "demo50.db")
	if err := demo.Create(path, demo.Options{Seed: 1, Scale: 50, Today: uitest.Today, User: "bench"}); err != nil {
		b.Fatal(err)
	}
	a := test.NewTempApp(b)
	st, err := storage.Open(path, storage.Options{NoBackup: true, User: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	w := test.NewWindow(nil)
	defer w.Close()
	env := appctx.New(a, w, st)
	env.Today = func() model.Date { return uitest.Today }
	s := New(env)
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1280, 800))
	b.ReportAllocs()
	for b.Loop() {
		s.Search.SetText("vask")
		s.Search.SetText("")
	}
}

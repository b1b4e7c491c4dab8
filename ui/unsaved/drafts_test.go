package unsaved

import (
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

// draftForm keeps its text as a draft. Its text is behind a mutex: Fyne's
// test driver runs the guard's ticker on another goroutine.
type draftForm struct {
	mu          sync.Mutex
	text, saved string
}

func (f *draftForm) set(s string) { f.mu.Lock(); f.text = s; f.mu.Unlock() }
func (f *draftForm) Dirty() bool  { f.mu.Lock(); defer f.mu.Unlock(); return f.text != f.saved }
func (f *draftForm) Save() bool   { f.mu.Lock(); f.saved = f.text; f.mu.Unlock(); return true }
func (f *draftForm) Discard()     { f.mu.Lock(); f.text = f.saved; f.mu.Unlock() }

func (f *draftForm) Draft() (storage.Draft, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return storage.Draft{Page: "test", ID: 7, Title: "Testskjema", Fields: []storage.DraftField{{Label: "Tekst", Text: f.text}}}, true
}

func (f *draftForm) RestoreDraft(d storage.Draft) bool { f.set(d.Fields[0].Text); return true }

// draftPatience is how long waitDrafts waits: far beyond the test's
// ticker, so that a loaded CI machine under -race still passes. The test
// proves the guard writes by itself, not how fast.
const draftPatience = time.Minute

// waitDrafts polls the file until it holds n drafts, or fails after
// draftPatience.
func waitDrafts(t *testing.T, st *storage.Store, n int) []storage.Draft {
	t.Helper()
	deadline := time.Now().Add(draftPatience)
	for {
		ds, err := st.Drafts()
		if err != nil {
			t.Fatal(err)
		}
		if len(ds) == n {
			return ds
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %s: %d drafts, want %d", draftPatience, len(ds), n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// The guard writes the text of a dirty form on its own ticker, with no
// call from the form, and removes the draft once the form is saved. The
// ticker is short here (the app uses DraftEvery) so the test is quick
// when the machine is idle.
func TestKeepDraftsByItself(t *testing.T) {
	test.NewTempApp(t)
	st, err := storage.Create(filepath.Join(t.TempDir(), "enhet.db"), model.Unit{
		Name: "Enhet", Municipality: "Kommune", Sector: model.SectorBarnehage, Employees: 5,
	}, storage.Options{User: "Test"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	f := &draftForm{}
	w := test.NewWindow(widget.NewLabel(""))
	defer w.Close()
	g := NewGuard(w)
	g.Set(f)
	g.KeepDrafts(st, 50*time.Millisecond)
	defer g.KeepDrafts(nil, 0)

	f.set("Tekst som ikke er lagret")
	ds := waitDrafts(t, st, 1)
	if ds[0].Key() != "test/0/7" || ds[0].Fields[0].Text != "Tekst som ikke er lagret" {
		t.Fatalf("draft %+v", ds[0])
	}
	f.Save()
	waitDrafts(t, st, 0)
}

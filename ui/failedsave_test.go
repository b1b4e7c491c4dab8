package ui

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	berrors "go.etcd.io/bbolt/errors"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/uitest"
)

// TestFailedSaveKeepsText: a save the file refuses — opened read-only, or
// full (bbolt's size limit standing in for a full disk) — keeps every
// typed character in the form, says why in Norwegian, changes nothing in
// the file, and leaving still asks.
//
// A file made read-only (chmod) while it is open is not among the cases:
// the program holds it open for writing already, so such a save succeeds,
// and a file that is read-only before the start cannot be opened for
// editing at all («Kan ikke åpne databasen»).
func TestFailedSaveKeepsText(t *testing.T) {
	cases := []struct {
		name string
		open func(t *testing.T, path string) *storage.Store
		want string
	}{
		{"skrivebeskyttet", func(t *testing.T, path string) *storage.Store {
			st, err := storage.Open(path, storage.Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			return st
		}, "skrivebeskyttet"},
		{"full", func(t *testing.T, path string) *storage.Store {
			info, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			st, err := storage.Open(path, storage.Options{NoBackup: true, MaxSize: int(info.Size())})
			if err != nil {
				t.Fatal(err)
			}
			fill(t, st)
			return st
		}, "største tillatte størrelse"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := uitest.DemoFile(t)
			st := tc.open(t, path)
			defer st.Close()
			a := test.NewTempApp(t)
			w := test.NewWindow(nil)
			defer w.Close()
			env := appctx.New(a, w, st)
			env.Today = func() model.Date { return uitest.Today }
			s := avvik.New(env)
			w.SetContent(s.Content())
			devs, _ := st.Deviations()
			dev := devs[0]
			s.Open(dev.ID)
			e := s.Editor
			typed := dev.WhatHappened + " Lagt til: " + strings.Repeat("mer tekst ", 300)
			e.WhatHappened.SetText(typed)
			test.Tap(e.Save)
			if !e.Err.Label.Visible() || !strings.Contains(e.Err.Label.Text, tc.want) {
				t.Fatalf("message %q (all: %q), want one with %q", e.Err.Label.Text, e.Err.Messages(), tc.want)
			}
			if e.WhatHappened.Text != typed || !s.Dirty() {
				t.Fatal("the refused save lost the typed text")
			}
			if got, _ := st.Deviation(dev.ID); got.WhatHappened != dev.WhatHappened {
				t.Fatal("the refused save changed the file")
			}
			stayed := false
			env.Leave(func() { t.Fatal("left after a refused save") }, func() { stayed = true })
			p := env.Guard.Prompt()
			if p == nil {
				t.Fatal("leaving did not ask")
			}
			test.Tap(p.Save)
			if !stayed || e.WhatHappened.Text != typed {
				t.Fatalf("Lagre with a failing file: stayed %v, text kept %v", stayed, e.WhatHappened.Text == typed)
			}
		})
	}
}

// fill writes drafts, ever smaller, until the file at its size limit
// takes not even a small one, as a full disk would stop it.
func fill(t *testing.T, st *storage.Store) {
	t.Helper()
	id := uint64(0)
	// Each write frees the pages it copied, which the next can reuse: pass
	// again until a whole pass gets nothing in, or the deviation's save
	// could fit into what the last drafts freed.
	for pass := 0; ; pass++ {
		took := false
		for size := 4000; size >= 50; size /= 2 {
			text := strings.Repeat("x", size)
			for {
				id++
				err := st.SaveDraft(storage.Draft{Page: "fyll", ID: id, Fields: []storage.DraftField{{Label: "x", Text: text}}})
				if errors.Is(err, berrors.ErrMaxSizeReached) {
					break
				}
				if err != nil {
					t.Fatal(fmt.Errorf("filling: %w", err))
				}
				took = true
				if id > 100000 {
					t.Fatal("the file never filled up")
				}
			}
		}
		if !took || pass > 50 {
			return
		}
	}
}

package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/storage"
	"hmsutvalg/ui"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/vernerunde"
)

const (
	childDB   = "HMSUTVALG_SIGNAL_DB"
	childForm = "HMSUTVALG_SIGNAL_FORM"
	childText = "Skrevet rett før maskinen ble slått av"
)

// TestSignalChild is the second process of TestSIGTERMKeepsTypedText: the
// app (on Fyne's test driver, no display needed) with text typed in a
// form, waiting for the signal with the same handler as runGUI.
func TestSignalChild(t *testing.T) {
	path := os.Getenv(childDB)
	if path == "" {
		t.Skip("started by TestSIGTERMKeepsTypedText")
	}
	a := test.NewTempApp(t)
	u := ui.Start(a, ui.Options{DBPath: path})
	env := u.Env()
	switch os.Getenv(childForm) {
	case "avvik": // not an autosaver: the text becomes a draft
		env.Open(avvik.PageID, appctx.Focus{Filter: avvik.FilterNew})
		env.Guard.Form().(*avvik.Screen).Editor.WhatHappened.SetText(childText)
	case "vernerunde": // a draft round's text saves without asking
		rs, _ := env.Store.SafetyRounds()
		for _, r := range rs {
			if !r.Locked() {
				env.Open(vernerunde.PageID, appctx.Focus{ParentID: r.ID})
				fmt.Printf("runde %d\n", r.ID)
				break
			}
		}
		env.Guard.Form().(*vernerunde.Screen).Round.Closing.Notes.SetText(childText)
	}
	done := make(chan struct{})
	stop := onSignals(func() {
		fyne.Do(u.Terminate)
		close(done)
	})
	defer stop()
	fmt.Println("klar")
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("no signal came")
	}
}

// TestSIGTERMKeepsTypedText sends SIGTERM to a real second process with
// text typed: it exits cleanly, the round's summary (an autosaving form)
// is saved, and a deviation's description (a form that asks) is kept as
// a draft for the next start.
func TestSIGTERMKeepsTypedText(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGTERM on Windows")
	}
	for _, form := range []string{"avvik", "vernerunde"} {
		t.Run(form, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "demo.db")
			if code, _, errs := runCLI("demo", "--db", db); code != exitOK {
				t.Fatalf("demo: %s", errs)
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestSignalChild$", "-test.v", "-test.count=1")
			cmd.Env = append(os.Environ(), childDB+"="+db, childForm+"="+form)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			cmd.Stderr = os.Stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(out)
			var lines []string
			var round uint64
			for sc.Scan() {
				line := sc.Text()
				lines = append(lines, line)
				fmt.Sscanf(line, "runde %d", &round)
				if line == "klar" {
					break
				}
			}
			if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			for sc.Scan() {
				lines = append(lines, sc.Text())
			}
			if err := cmd.Wait(); err != nil {
				t.Fatalf("the app did not end cleanly on SIGTERM: %v\n%s", err, strings.Join(lines, "\n"))
			}
			st, err := storage.Open(db, storage.Options{ReadOnly: true, LockTimeout: time.Second})
			if err != nil {
				t.Fatalf("the file after SIGTERM: %v", err)
			}
			defer st.Close()
			drafts, _ := st.Drafts()
			switch form {
			case "avvik":
				if len(drafts) != 1 || !strings.Contains(drafts[0].Fields[0].Text, childText) {
					t.Fatalf("no draft of the typed description: %+v", drafts)
				}
			case "vernerunde":
				r, err := st.SafetyRound(round)
				if err != nil || r.ClosingNotes != childText {
					t.Fatalf("round %d summary %q (%v), want it saved", round, r.ClosingNotes, err)
				}
				if len(drafts) != 0 {
					t.Errorf("a saved form left a draft: %+v", drafts)
				}
			}
		})
	}
}

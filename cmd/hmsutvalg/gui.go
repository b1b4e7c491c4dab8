package main

import (
	"io"
	"os"
	"os/signal"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"hmsutvalg/ui"
	"hmsutvalg/ui/rapporter"
)

// appID matches FyneApp.toml; Fyne keeps the preferences under it.
const appID = "no.kommune.hmsutvalg"

// runGUI starts the window on the unit file at path.
func runGUI(path string, meetingView bool, stderr io.Writer) int {
	a := app.NewWithID(appID)
	rapporter.Version = version // submission files carry the app's version
	u := ui.Start(a, ui.Options{DBPath: path, Stderr: stderr, MeetingView: meetingView})
	// SIGTERM/SIGINT (logout, shutdown, Ctrl+C in the terminal) keep what
	// was typed without asking and close the file cleanly.
	stop := onSignals(func() { fyne.Do(u.Terminate) })
	defer stop()
	u.Window().ShowAndRun()
	u.Close()
	return exitOK
}

// onSignals runs f once on SIGTERM or SIGINT; stop ends the watch.
func onSignals(f func()) (stop func()) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, os.Interrupt)
	done := make(chan struct{})
	go func() {
		select {
		case <-sig:
			f()
		case <-done:
		}
	}()
	return func() {
		signal.Stop(sig)
		close(done)
	}
}

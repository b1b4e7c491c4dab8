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
	// SIGTERM/SIGINT quit like closing the window: the file is closed cleanly.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, os.Interrupt)
	go func() {
		<-sig
		fyne.Do(a.Quit)
	}()
	u.Window().ShowAndRun()
	u.Close()
	return exitOK
}

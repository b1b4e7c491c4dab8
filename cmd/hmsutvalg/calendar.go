package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"hmsutvalg/model"
	"hmsutvalg/reports"
	"hmsutvalg/reports/calendar"
	"hmsutvalg/storage"
)

func cmdCalendar(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("calendar", stderr)
	db := fs.String("db", "", "databasefil")
	out := fs.String("out", "", "kalenderfil som skal lages")
	if code, ok := parse(fs, args, stderr); !ok {
		return code
	}
	if !requireDB(*db, stderr) {
		return exitUsage
	}
	if *out == "" {
		fmt.Fprintln(stderr, "Oppgi kalenderfilen som skal lages med --out FIL.ics.")
		return exitUsage
	}
	now := time.Now()
	in, err := loadCalendar(*db, model.DateOf(now))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	in.Now = now
	if err := reports.WriteFileAtomic(*out, calendar.ICS(in)); err != nil {
		fmt.Fprintf(stderr, "Kalenderfilen kunne ikke lagres: %v\n", err)
		return exitError
	}
	fmt.Fprintf(stdout, "Møter, årshjulet for %d–%d og fristene for åpne tiltak er lagret i %s.\n",
		in.Today.Year(), in.Today.Year()+1, *out)
	return exitOK
}

// loadCalendar opens the file read-only and reads the calendar's records.
func loadCalendar(db string, day model.Date) (calendar.Input, error) {
	if _, err := os.Stat(db); err != nil {
		return calendar.Input{}, fmt.Errorf("Fant ikke filen «%s».", db)
	}
	return storage.ReadOnce(db, func(st *storage.Store) (calendar.Input, error) {
		return calendar.Load(st, day)
	})
}

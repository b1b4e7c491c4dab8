package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

// initUser is the name the init command writes in the change log.
const initUser = "kommandolinjen (init)"

// cmdInit creates an empty unit file without the GUI, for IT departments
// that roll out one file per unit. The input is read and checked as the
// first-start wizard does (model.UnitInput); an existing file is refused.
func cmdInit(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("init", stderr)
	db := fs.String("db", "", "databasefil")
	var in model.UnitInput
	fs.StringVar(&in.Name, "unit", "", "enhetens navn")
	fs.StringVar(&in.Municipality, "municipality", "", "kommune")
	fs.StringVar(&in.Sector, "sector", "", "sektor")
	fs.StringVar(&in.Employees, "employees", "", "antall ansatte")
	fs.StringVar(&in.Start, "start", "", "startdato")
	if code, ok := parse(fs, args, stderr); !ok {
		return code
	}
	if !requireDB(*db, stderr) {
		return exitUsage
	}
	in.Today = model.DateOf(time.Now())
	u, err := in.Unit()
	if err != nil {
		fmt.Fprintln(stderr, err)
		var v model.ValidationError
		if errors.As(err, &v) && v.For(model.FieldSector) != "" {
			fmt.Fprintf(stderr, "Sektor (--sector) er en av: %s.\n", sectorCodes())
		}
		return exitUsage
	}
	st, err := storage.Create(*db, u, storage.Options{User: initUser, NoBackup: true})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	if err := st.Close(); err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	fmt.Fprintf(stdout, "Enheten «%s» (%s, %s, %s ansatte) er opprettet i %s. Årshjulet regnes fra %s.\n",
		u.Name, u.Municipality, u.Sector.Label(), model.FormatInt(u.Employees), *db, u.Start)
	fmt.Fprintln(stdout, "Legg til HMS-utvalgets medlemmer under Enhet og utvalg når filen åpnes i programmet.")
	return exitOK
}

// sectorCodes lists the sectors as --sector takes them.
func sectorCodes() string {
	var out []string
	for _, s := range model.Sectors() {
		out = append(out, fmt.Sprintf("%s («%s»)", s, s.Label()))
	}
	return strings.Join(out, ", ")
}

package main

import (
	"fmt"
	"io"
	"time"

	"hmsutvalg/model"
	"hmsutvalg/reports"
	"hmsutvalg/reports/registers"
)

// registersJob is a parsed registers command.
type registersJob struct {
	db, out, xlsx string
	year          model.HMSYear // 0 = all years
	descriptions  bool
}

// descriptionsWarning is printed when sensitive free text is exported.
const descriptionsWarning = "Advarsel: filene har med beskrivelser (fritekst) som kan være sensitive. " +
	"Del dem ikke videre, og slett dem når de ikke trengs."

func cmdRegisters(args []string, stdout, stderr io.Writer) int {
	job, code, ok := parseRegisters(args, stderr)
	if !ok {
		return code
	}
	return runRegisters(job, stdout, stderr)
}

func parseRegisters(args []string, stderr io.Writer) (registersJob, int, bool) {
	var job registersJob
	var year string
	fs := newFlags("registers", stderr)
	fs.StringVar(&job.db, "db", "", "databasefil")
	fs.StringVar(&job.out, "out", "", "mappe for CSV-filene")
	fs.StringVar(&job.xlsx, "xlsx", "", "arbeidsbok som skal lages")
	fs.StringVar(&year, "year", "", "HMS-år")
	fs.BoolVar(&job.descriptions, "descriptions", false, "ta med beskrivelser")
	if code, ok := parse(fs, args, stderr); !ok {
		return job, code, false
	}
	if !requireDB(job.db, stderr) {
		return job, exitUsage, false
	}
	if job.out == "" && job.xlsx == "" {
		fmt.Fprintln(stderr, "Oppgi mappen for CSV-filene med --out MAPPE, eller arbeidsboken med --xlsx FIL.xlsx.")
		return job, exitUsage, false
	}
	if year != "" {
		y, err := model.ParseHMSYear(year)
		if err != nil {
			fmt.Fprintf(stderr, "--year: %v\n", err)
			return job, exitUsage, false
		}
		job.year = y
	}
	return job, 0, true
}

func runRegisters(job registersJob, stdout, stderr io.Writer) int {
	today := model.DateOf(time.Now())
	data, err := loadAnnual(annualJob{db: job.db, year: model.ReportYear(today), today: today})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	if job.descriptions {
		fmt.Fprintln(stderr, descriptionsWarning)
	}
	tables := registers.Build(data, registers.Options{Year: job.year, Descriptions: job.descriptions})
	if job.out != "" {
		paths, err := registers.WriteCSVs(job.out, tables)
		if err != nil {
			fmt.Fprintf(stderr, "Registrene kunne ikke lagres: %v\n", err)
			return exitError
		}
		fmt.Fprintf(stdout, "%d registre er lagret som CSV i %s.\n", len(paths), job.out)
	}
	if job.xlsx != "" {
		if err := writeWorkbook(job.xlsx, tables); err != nil {
			fmt.Fprintf(stderr, "Arbeidsboken kunne ikke lagres: %v\n", err)
			return exitError
		}
		fmt.Fprintf(stdout, "Registrene er lagret i arbeidsboken %s.\n", job.xlsx)
	}
	return exitOK
}

func writeWorkbook(path string, tables []registers.Table) error {
	b, err := registers.XLSX(tables)
	if err != nil {
		return err
	}
	return reports.WriteFileAtomic(path, b)
}

package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"hmsutvalg/internal/oneshot"
	"hmsutvalg/model"
	"hmsutvalg/reports"
)

// reportFlags are the options report and export share.
type reportFlags struct {
	db, out, year, today string
}

// annualJob is a parsed report or export command; tests fill in Options
// (Deterministic) and Today themselves.
type annualJob struct {
	db, out string
	year    model.HMSYear
	today   model.Date
	// todayGiven: --today was given, so the file may hold records after
	// it (checkStatusDate).
	todayGiven bool
	opts       reports.Options
}

// parseAnnual parses report/export flags. The year defaults to the year
// before today's (the report is written in January); --today sets the
// date statuses are given for.
func parseAnnual(name string, args []string, stderr io.Writer, ext string) (annualJob, int, bool) {
	var f reportFlags
	fs := newFlags(name, stderr)
	fs.StringVar(&f.db, "db", "", "databasefil")
	fs.StringVar(&f.out, "out", "", "fil som skal lages")
	fs.StringVar(&f.year, "year", "", "HMS-år")
	fs.StringVar(&f.today, "today", "", "dato for status")
	if code, ok := parse(fs, args, stderr); !ok {
		return annualJob{}, code, false
	}
	if !requireDB(f.db, stderr) {
		return annualJob{}, exitUsage, false
	}
	if f.out == "" {
		fmt.Fprintf(stderr, "Oppgi filen som skal lages med --out FIL%s.\n", ext)
		return annualJob{}, exitUsage, false
	}
	job := annualJob{db: f.db, out: f.out, today: model.DateOf(time.Now())}
	if f.today != "" {
		d, err := model.ParseDate(f.today)
		if err != nil {
			fmt.Fprintf(stderr, "--today: %v\n", err)
			return annualJob{}, exitUsage, false
		}
		job.today, job.todayGiven = d, true
	}
	job.year = model.ReportYear(job.today)
	if f.year != "" {
		y, err := model.ParseHMSYear(f.year)
		if err != nil {
			fmt.Fprintf(stderr, "--year: %v\n", err)
			return annualJob{}, exitUsage, false
		}
		job.year = y
	}
	return job, 0, true
}

// loadAnnual opens the file read-only and reads the year's data, with
// every record of the registers (the register export of all years).
func loadAnnual(job annualJob) (model.AnnualData, error) {
	return checkedToday(job)(oneshot.Read(oneshotJob(job), model.LoadAnnualData))
}

// loadAnnualYear is loadAnnual for the report and the submission: only
// the records the year needs (model.LoadAnnualYear), read while the
// program initialised when the command line asked for it (oneshot).
func loadAnnualYear(job annualJob) (model.AnnualData, error) {
	return checkedToday(job)(oneshot.ReadYear(oneshotJob(job)))
}

func oneshotJob(job annualJob) oneshot.Job {
	return oneshot.Job{DB: job.db, Year: job.year, Today: job.today}
}

// checkedToday passes a read on, refused if --today was given and is
// earlier than something the file records (checkStatusDate).
func checkedToday(job annualJob) func(model.AnnualData, error) (model.AnnualData, error) {
	return func(d model.AnnualData, err error) (model.AnnualData, error) {
		if err == nil && job.todayGiven {
			err = checkStatusDate(d, job.today)
		}
		return d, err
	}
}

// checkStatusDate refuses a --today earlier than something the file
// records as done: the file keeps only its present state, so such a
// report would show as done what was not done on that date
// (model.AnnualData.RecordedAfter).
func checkStatusDate(d model.AnnualData, today model.Date) error {
	later, ok := d.RecordedAfter(today)
	if !ok {
		return nil
	}
	return fmt.Errorf("--today %s: filen har registreringer etter den datoen (%s). Filen viser bare slik det er nå, "+
		"så en rapport per %s ville vist som gjort det som ikke var gjort da. Bruk en dato fra %s, "+
		"eller lag rapporten fra sikkerhetskopien fra den dagen.", today, later.What, today, later.Date)
}

func cmdReport(args []string, stdout, stderr io.Writer) int {
	job, code, ok := parseAnnual("report", args, stderr, ".pdf")
	if !ok {
		return code
	}
	defer oneshot.BoundMemory()()
	return runReport(job, stdout, stderr)
}

func runReport(job annualJob, stdout, stderr io.Writer) int {
	doc := reports.StartAnnualDocument() // ready while the records are read
	data, err := loadAnnualYear(job)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	if err := doc.Report(data, job.opts).WriteFile(job.out); err != nil {
		fmt.Fprintf(stderr, "Årsrapporten kunne ikke lagres: %v\n", err)
		return exitError
	}
	fmt.Fprintf(stdout, "Årsrapporten for %s er lagret i %s.\n", job.year, job.out)
	return exitOK
}

func cmdExport(args []string, stdout, stderr io.Writer) int {
	job, code, ok := parseAnnual("export", args, stderr, ".json")
	if !ok {
		return code
	}
	defer oneshot.BoundMemory()()
	return runExport(job, stdout, stderr)
}

func runExport(job annualJob, stdout, stderr io.Writer) int {
	data, err := loadAnnualYear(job)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	b, err := reports.SubmissionJSON(data, version)
	if err == nil {
		err = reports.WriteFileAtomic(job.out, b)
	}
	if err != nil {
		fmt.Fprintf(stderr, "Innsendingsfilen kunne ikke lagres: %v\n", err)
		return exitError
	}
	fmt.Fprintf(stdout, "Innsendingsfilen for %s er lagret i %s.\n", job.year, job.out)
	return exitOK
}

// aggregateJob is a parsed aggregate command.
type aggregateJob struct {
	out, csv, units string
	year            model.HMSYear // 0 = the most common year in the files
	target          *float64      // the municipality's sick-leave target
	minEmployees    int           // 0 = model.DefaultMinEmployees
	files           []string      // files and folders
	opts            reports.Options
}

func cmdAggregate(args []string, stdout, stderr io.Writer) int {
	var job aggregateJob
	var year, target string
	fs := newFlags("aggregate", stderr)
	fs.StringVar(&job.out, "out", "", "PDF som skal lages")
	fs.StringVar(&job.csv, "csv", "", "CSV som skal lages")
	fs.StringVar(&job.units, "units", "", "liste over enheter som skal levere")
	fs.StringVar(&year, "year", "", "HMS-år")
	fs.StringVar(&target, "target", "", "kommunens mål for sykefravær i prosent")
	fs.IntVar(&job.minEmployees, "min-employees", model.DefaultMinEmployees, "minste enhet som vises alene i sykefraværstall")
	// Flags may come before, between or after the files.
	rest := args
	for {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				printUsage(stderr)
				return exitOK
			}
			fmt.Fprintf(stderr, "Feil i kommandolinjen: %s\n\n", norwegianFlagError(err))
			printUsage(stderr)
			return exitUsage
		}
		if fs.NArg() == 0 {
			break
		}
		job.files = append(job.files, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if code, ok := checkAggregateJob(&job, year, target, stderr); !ok {
		return code
	}
	return runAggregate(job, stdout, stderr)
}

// checkAggregateJob checks the parsed command and sets the year and the
// target.
func checkAggregateJob(job *aggregateJob, year, target string, stderr io.Writer) (int, bool) {
	switch {
	case job.out == "":
		fmt.Fprintln(stderr, "Oppgi PDF-en som skal lages med --out FIL.pdf.")
		return exitUsage, false
	case len(job.files) == 0:
		fmt.Fprintln(stderr, "Oppgi minst én innsendingsfil (.json) eller en mappe med dem.")
		printUsage(stderr)
		return exitUsage, false
	case job.minEmployees < 1:
		fmt.Fprintln(stderr, "--min-employees må være 1 eller mer.")
		return exitUsage, false
	}
	if year != "" {
		y, err := model.ParseHMSYear(year)
		if err != nil {
			fmt.Fprintf(stderr, "--year: %v\n", err)
			return exitUsage, false
		}
		job.year = y
	}
	if target != "" {
		p, err := model.ParsePercent(target)
		if err != nil || p <= 0 {
			fmt.Fprintf(stderr, "--target: «%s» er ikke en prosent, for eksempel 7,4.\n", target)
			return exitUsage, false
		}
		v := p.Float()
		job.target = &v
	}
	return exitOK, true
}

// attentionCSVPath is the attention list's file next to the CSV:
// samlet.csv → samlet-oppmerksomhet.csv.
func attentionCSVPath(csvPath string) string {
	ext := filepath.Ext(csvPath)
	return strings.TrimSuffix(csvPath, ext) + "-oppmerksomhet" + cmp.Or(ext, ".csv")
}

func runAggregate(job aggregateJob, stdout, stderr io.Writer) int {
	o := model.AggregateOptions{Year: job.year, Target: job.target, MinEmployees: job.minEmployees}
	if job.units != "" {
		b, err := os.ReadFile(job.units)
		if err != nil {
			fmt.Fprintf(stderr, "Fant ikke enhetslisten %s.\n", job.units)
			return exitError
		}
		o.Expected = model.ParseExpectedUnits(string(b))
	}
	agg := reports.AggregateFilesWith(job.files, o, nil)
	for _, f := range agg.Problems {
		fmt.Fprintf(stderr, "%s: %s\n", f.File, f.Reason)
	}
	if len(agg.Units) == 0 {
		if agg.Year == 0 {
			fmt.Fprintln(stderr, "Ingen gyldige innsendingsfiler; ingen rapport er laget.")
		} else {
			fmt.Fprintf(stderr, "Ingen gyldige innsendingsfiler for %s; ingen rapport er laget.\n", agg.Year)
		}
		return exitError
	}
	if err := reports.AggregateReport(agg, job.opts).WriteFile(job.out); err != nil {
		fmt.Fprintf(stderr, "Rapporten kunne ikke lagres: %v\n", err)
		return exitError
	}
	fmt.Fprintf(stdout, "Samlet rapport for %s med %d %s er lagret i %s.\n", agg.Year, len(agg.Units),
		pluralNO(len(agg.Units), "enhet", "enheter"), job.out)
	if code := writeAggregateCSV(job, agg, stdout, stderr); code != exitOK {
		return code
	}
	if len(agg.Missing) > 0 {
		names := make([]string, len(agg.Missing))
		for i, m := range agg.Missing {
			names[i] = m.String()
		}
		fmt.Fprintf(stdout, "Mangler innsending fra: %s.\n", strings.Join(names, ", "))
	}
	if n := agg.Failed(); n > 0 {
		fmt.Fprintf(stderr, "%d %s kunne ikke brukes.\n", n, pluralNO(n, "fil", "filer"))
		return exitError
	}
	return exitOK
}

// writeAggregateCSV writes the units' CSV and, beside it, the attention
// list's.
func writeAggregateCSV(job aggregateJob, agg reports.Aggregation, stdout, stderr io.Writer) int {
	if job.csv == "" {
		return exitOK
	}
	att := attentionCSVPath(job.csv)
	for path, b := range map[string][]byte{job.csv: reports.AggregateCSV(agg), att: reports.AttentionCSV(agg)} {
		if err := reports.WriteFileAtomic(path, b); err != nil {
			fmt.Fprintf(stderr, "CSV-filen kunne ikke lagres: %v\n", err)
			return exitError
		}
	}
	fmt.Fprintf(stdout, "CSV: %s og %s.\n", job.csv, att)
	return exitOK
}

func pluralNO(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

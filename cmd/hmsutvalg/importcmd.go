package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"hmsutvalg/model"
	"hmsutvalg/reports/registers"
	"hmsutvalg/storage"
)

// importUser is the name the import command writes in the change log.
const importUser = "kommandolinjen (import)"

type importJob struct {
	db, in, register string
	dryRun           bool
	today            model.Date
}

func cmdImport(args []string, stdout, stderr io.Writer) int {
	var job importJob
	fs := newFlags("import", stderr)
	fs.StringVar(&job.db, "db", "", "databasefil")
	fs.StringVar(&job.register, "register", "", "handlingsplan eller avvik")
	fs.StringVar(&job.in, "in", "", "CSV-fil eller arbeidsbok (xlsx)")
	fs.BoolVar(&job.dryRun, "dry-run", false, "bare kontroller filen")
	todayFlag := fs.String("today", "", "dato radene kontrolleres per")
	if code, ok := parse(fs, args, stderr); !ok {
		return code
	}
	job.today = model.DateOf(time.Now())
	if *todayFlag != "" {
		d, err := model.ParseDate(*todayFlag)
		if err != nil {
			fmt.Fprintf(stderr, "--today: %v\n", err)
			return exitUsage
		}
		job.today = d
	}
	if !requireDB(job.db, stderr) {
		return exitUsage
	}
	if !registers.Register(job.register).Valid() {
		fmt.Fprintln(stderr, "Oppgi registeret med --register handlingsplan eller --register avvik.")
		return exitUsage
	}
	if job.in == "" {
		fmt.Fprintln(stderr, "Oppgi filen som skal importeres med --in FIL.csv eller FIL.xlsx.")
		return exitUsage
	}
	return runImport(job, stdout, stderr)
}

func runImport(job importJob, stdout, stderr io.Writer) int {
	if _, err := os.Stat(job.db); err != nil {
		fmt.Fprintf(stderr, "Fant ikke filen «%s».\n", job.db)
		return exitError
	}
	f, err := os.Open(job.in)
	if err != nil {
		fmt.Fprintf(stderr, "Filen «%s» kunne ikke åpnes: %v\n", job.in, err)
		return exitError
	}
	defer f.Close()
	st, err := storage.Open(job.db, storage.Options{ReadOnly: job.dryRun, User: importUser})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	defer st.Close()
	ex, err := existing(st)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	today := job.today
	name := filepath.Base(job.in)
	plan := siblingPlan(job)
	if plan != nil {
		defer plan.Close()
		fmt.Fprintf(stdout, "Tiltakene avvikene viser til, kjennes igjen fra %s i samme mappe.\n", registers.PlanFileName)
	}
	p := registers.ReadImportWithPlan(f, readerOrNil(plan), registers.Register(job.register), ex, today)
	printPreview(p, stdout, job.dryRun)
	if errs := p.Errs(); len(errs) > 0 {
		for _, e := range errs {
			fmt.Fprintln(stderr, e.Error())
		}
		fmt.Fprintln(stderr, p.Summary(name), "Rett filen og kjør kommandoen på nytt (med --dry-run for bare å kontrollere den).")
		return exitError
	}
	fmt.Fprintln(stdout, p.Summary(name))
	if job.dryRun || p.NewCount() == 0 {
		if job.dryRun {
			fmt.Fprintln(stdout, "Prøvekjøring (--dry-run): ingenting er lagret.")
		}
		return exitOK
	}
	n, err := saveImport(st, p, name, today)
	if err != nil {
		fmt.Fprintf(stderr, "Ingenting ble importert: %v\n", err)
		return exitError
	}
	fmt.Fprintf(stdout, "Importerte %d rader til %s i %s.\n", n, p.Register.Label(), job.db)
	return exitOK
}

// siblingPlan opens the action plan of the same export beside a deviation
// CSV file (handlingsplan.csv in its folder), so the links to measures
// follow the measures and not their numbers; nil when there is none (a
// workbook has its own sheet).
func siblingPlan(job importJob) *os.File {
	if registers.Register(job.register) != registers.RegDeviations || strings.EqualFold(filepath.Ext(job.in), ".xlsx") {
		return nil
	}
	path := filepath.Join(filepath.Dir(job.in), registers.PlanFileName)
	if same, err := sameFile(path, job.in); err != nil || same {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	return f
}

func sameFile(a, b string) (bool, error) {
	sa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	sb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(sa, sb), nil
}

// readerOrNil is f as an io.Reader, nil (not a typed nil) for none.
func readerOrNil(f *os.File) io.Reader {
	if f == nil {
		return nil
	}
	return f
}

// existing reads what an import is checked against.
func existing(st *storage.Store) (registers.Existing, error) {
	var ex registers.Existing
	var err error
	if ex.Measures, err = st.Measures(); err != nil {
		return ex, err
	}
	if ex.Deviations, err = st.Deviations(); err != nil {
		return ex, err
	}
	ex.NextMeasure, ex.NextDeviation, err = st.NextImportIDs()
	return ex, err
}

// saveImport stores the new rows of p in one transaction.
func saveImport(st *storage.Store, p registers.Preview, name string, today model.Date) (int, error) {
	if p.Register == registers.RegDeviations {
		ds, err := st.ImportDeviations(p.Deviations.New(), name, today)
		return len(ds), err
	}
	ms, err := st.ImportMeasures(p.Measures.New(), name, today)
	return len(ms), err
}

// printPreview lists the rows: line, what, and what happens to it; all
// of them for a dry run, otherwise those skipped or with a note.
func printPreview(p registers.Preview, w io.Writer, all bool) {
	for _, r := range p.Rows() {
		if !all && !r.Duplicate && len(r.Notes) == 0 {
			continue
		}
		fmt.Fprintf(w, "Linje %d: %s – %s\n", r.Line, r.What, r.Outcome)
		for _, n := range r.Notes {
			fmt.Fprintf(w, "    %s\n", n)
		}
	}
}

// Package oneshot holds what the one-shot commands report and export do
// before the report is laid out: their memory settings (memory.go,
// heap_linux.go) and the read of the year from the unit's file, which
// this package's init starts when the command line asks for one of them.
//
// Go initialises a package as soon as the packages it imports are, and
// this one imports only model and storage (and the standard library):
// it is initialised some 20 ms into the process, while Fyne, excelize,
// goldmark and the program's screens still have as long again to go on
// one core. The read started here runs on the other core meanwhile, so
// the heavy annual report no longer waits for the rest of the
// initialisation (docs/ytelse.md, «Sjette runde»). The command itself,
// in main, parses its arguments as always and takes the read's result
// only if it was started for the same file, year and date (ReadYear).
//
// The read uses only packages initialised before this one; the packages
// initialised meanwhile set up their own state (and the standard
// library's registries, which are safe for concurrent use).
package oneshot

import (
	"flag"
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"time"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

// Job is an annual read: the year of the file db, with statuses as of
// today.
type Job struct {
	DB    string
	Year  model.HMSYear
	Today model.Date
}

// Load reads from the file what a report or export of a year needs.
type Load func(model.AnnualSource, model.HMSYear, model.Date) (model.AnnualData, error)

// ReadYear reads what the annual report and the submission of job.Year
// need (model.LoadAnnualYear), taking the read started at initialisation
// for the same job if there is one (once); else as Read.
func ReadYear(job Job) (model.AnnualData, error) {
	if d, err, ok := early.take(job); ok {
		return d, err
	}
	return Read(job, model.LoadAnnualYear)
}

// Read reads job with load from the file as it is now, read-only
// (storage.ReadOnce).
func Read(job Job, load Load) (model.AnnualData, error) {
	if _, err := os.Stat(job.DB); err != nil {
		return model.AnnualData{}, fmt.Errorf("Fant ikke filen «%s».", job.DB)
	}
	return storage.ReadOnce(job.DB, func(st *storage.Store) (model.AnnualData, error) {
		return load(st, job.Year, job.Today)
	})
}

// early is the read started at initialisation, if any.
var early earlyRead

type earlyRead struct {
	bound   atomic.Bool // the memory settings are made (BoundMemory)
	started bool        // set by init only, read after it
	job     Job
	taken   atomic.Bool
	done    chan struct{}
	data    model.AnnualData
	err     error
}

func init() {
	if os.Getenv("HMSUTVALG_NO_EARLY") != "" { // for comparisons
		return
	}
	job, ok := jobFromArgs(os.Args[1:], time.Now())
	if !ok {
		return
	}
	boundMemory()
	early.bound.Store(true)
	early.start(job)
}

// start reads job, model.LoadAnnualYear, on its own goroutine.
func (e *earlyRead) start(job Job) {
	e.started, e.job, e.done = true, job, make(chan struct{})
	go func() {
		defer close(e.done)
		e.data, e.err = Read(job, model.LoadAnnualYear)
	}()
}

// take waits for the early read and returns it if it was started for
// job and not taken before.
func (e *earlyRead) take(job Job) (model.AnnualData, error, bool) {
	if !e.started || e.job != job || e.taken.Swap(true) {
		return model.AnnualData{}, nil, false
	}
	<-e.done
	d, err := e.data, e.err
	e.data = model.AnnualData{} // the command owns it now
	return d, err, true
}

// Started reports whether this process started a read at initialisation.
func Started() bool { return early.started }

// jobFromArgs is the read the command line args (without the program's
// name) asks for: report or export with --db, --out and optionally --year
// and --today, valid as main's parseAnnual reads them, the date of now
// being today unless --today is given. Anything else, even what main
// would accept, starts nothing: main then reads as always.
func jobFromArgs(args []string, now time.Time) (Job, bool) {
	if len(args) == 0 || (args[0] != "report" && args[0] != "export") {
		return Job{}, false
	}
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	db, out := fs.String("db", "", ""), fs.String("out", "", "")
	year, today := fs.String("year", "", ""), fs.String("today", "", "")
	if fs.Parse(args[1:]) != nil || fs.NArg() > 0 || *db == "" || *out == "" {
		return Job{}, false
	}
	job := Job{DB: *db, Today: model.DateOf(now)}
	if *today != "" {
		d, err := model.ParseDate(*today)
		if err != nil {
			return Job{}, false
		}
		job.Today = d
	}
	job.Year = model.ReportYear(job.Today)
	if *year != "" {
		y, err := model.ParseHMSYear(*year)
		if err != nil {
			return Job{}, false
		}
		job.Year = y
	}
	return job, true
}

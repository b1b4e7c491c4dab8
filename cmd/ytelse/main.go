// Command ytelse measures the annual report against LibreOffice (issue 18;
// run it with `make ytelse`, see docs/ytelse.md). It makes the heavy demo
// unit, writes the tables of that unit's annual report as a flat ODT
// document, and then times, alternately, `hmsutvalg report` and LibreOffice
// headless converting the document to PDF, each from process start to the
// PDF on disk. It prints the medians, the peak RSS and the ratio. With
// -scales it also times the report alone on larger units, for its memory.
//
// Usage: go run -tags migrated_fynedo ./cmd/ytelse [-bin bin/hmsutvalg] [-runs 5] [-scale 50] [-scales 100,200] [-before OLD]
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"hmsutvalg/internal/ytelse"
	"hmsutvalg/model"
	"hmsutvalg/reports"
	"hmsutvalg/storage"
)

type config struct {
	bin, before  string // before: an older binary timed alongside, or ""
	binSrc       string // what bin and before were given as, before installCopies
	beforeSrc    string
	soffice, dir string
	runs, scale  int
	scales       []int
	year         model.HMSYear
	today        model.Date
}

func main() {
	var c config
	var scales string
	flag.StringVar(&c.bin, "bin", "bin/hmsutvalg", "hmsutvalg binary to time")
	flag.StringVar(&c.before, "before", "", "an older hmsutvalg binary to time in the same rounds, for before and after")
	flag.IntVar(&c.runs, "runs", 5, "timed runs of each")
	flag.IntVar(&c.scale, "scale", 50, "scale of the demo unit compared with LibreOffice")
	flag.StringVar(&scales, "scales", "", "more scales to time the report alone at, e.g. 100,200")
	flag.StringVar(&c.soffice, "soffice", "", "LibreOffice's soffice (default: from PATH)")
	flag.StringVar(&c.dir, "dir", "", "work folder, kept (default: a temporary one, removed)")
	flag.Parse()
	if err := run(&c, scales); err != nil {
		fmt.Fprintln(os.Stderr, "ytelse:", err)
		os.Exit(1)
	}
}

func run(c *config, scales string) error {
	var err error
	if c.scales, err = parseScales(scales); err != nil {
		return err
	}
	if c.runs < 1 {
		return errors.New("-runs must be at least 1")
	}
	if c.soffice == "" {
		c.soffice, _ = exec.LookPath("soffice")
	}
	if c.dir == "" {
		dir, err := os.MkdirTemp("", "ytelse-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		c.dir = dir
	}
	if err := installCopies(c); err != nil {
		return err
	}
	c.today = model.DateOf(time.Now())
	c.year = model.ReportYear(c.today) // the report's default year
	printMachine(c)
	if err := compare(c); err != nil {
		return err
	}
	for _, s := range c.scales {
		if err := reportAlone(c, s); err != nil {
			return err
		}
	}
	return nil
}

// parseScales reads -scales: a comma-separated list of scales.
func parseScales(scales string) ([]int, error) {
	var out []int
	for f := range strings.SplitSeq(scales, ",") {
		if f = strings.TrimSpace(f); f != "" {
			n, err := strconv.Atoi(f)
			if err != nil || n < 1 {
				return nil, fmt.Errorf("-scales: %q", f)
			}
			out = append(out, n)
		}
	}
	return out, nil
}

// installCopies replaces the binaries to time with copies of them in the
// work folder, written as an installer writes a file. On Linux a file
// the Go linker has just written can have its code mapped in 2 MB pages
// (FileHugePages), which made a freshly built binary about 5 ms faster
// than the same program installed, and than an older build copied into
// place for -before (docs/ytelse.md, «Niende runde»): both are timed as
// installed copies.
func installCopies(c *config) error {
	c.binSrc, c.beforeSrc = c.bin, c.before
	for i, b := range []*string{&c.bin, &c.before} {
		if *b == "" {
			continue
		}
		cp := filepath.Join(c.dir, fmt.Sprintf("hmsutvalg-%d", i))
		if err := copyFile(*b, cp); err != nil {
			return err
		}
		*b = cp
	}
	return nil
}

// copyFile writes a copy of src at dst with plain reads and writes (not
// copy_file_range, which io.Copy would use between two files), executable.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(struct{ io.Writer }{out}, struct{ io.Reader }{in}); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// printMachine prints what the numbers depend on.
func printMachine(c *config) {
	cpu := "?"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.SplitSeq(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	load, _ := os.ReadFile("/proc/loadavg")
	fmt.Printf("Maskin: %d kjerner (nproc), %s, last %s\n", runtime.NumCPU(), cpu, strings.Join(strings.Fields(string(load))[:min(3, len(strings.Fields(string(load))))], " "))
	fmt.Printf("Dato: %s; %s (kjørt som installert kopi); årsrapport for %s; %d kjøringer av hver\n", time.Now().UTC().Format("02.01.2006 15:04 MST"), c.binSrc, c.year, c.runs)
}

// makeUnit makes the demo unit at scale and returns its file.
func makeUnit(c *config, scale int) (string, error) {
	db := filepath.Join(c.dir, fmt.Sprintf("demo-%d.db", scale))
	os.Remove(db)
	t0 := time.Now()
	if _, err := ytelse.Time(c.bin, "demo", "--db", db, "--scale", strconv.Itoa(scale)); err != nil {
		return "", err
	}
	st, _ := os.Stat(db)
	fmt.Printf("Demoenhet --scale %d: %.0f MB, laget på %.1f s\n", scale, float64(st.Size())/1e6, time.Since(t0).Seconds())
	return db, nil
}

// compare times the report and LibreOffice alternately on the unit at
// c.scale.
func compare(c *config) error {
	db, err := makeUnit(c, c.scale)
	if err != nil {
		return err
	}
	fodt := filepath.Join(c.dir, "tabeller.fodt")
	rows, err := writeTables(db, c.year, c.today, fodt)
	if err != nil {
		return err
	}
	pdf := filepath.Join(c.dir, "rapport.pdf")
	report := func() (ytelse.Run, error) { return timeToFile(pdf, c.bin, reportArgs(c, db, pdf)...) }
	if c.soffice == "" {
		fmt.Println("LibreOffice (soffice) er ikke installert: bare rapporten måles.")
		return timeAlone(c, c.scale, report, pdf)
	}
	loPDF := filepath.Join(c.dir, "lo", "tabeller.pdf")
	lo := func() (ytelse.Run, error) {
		return timeToFile(loPDF, c.soffice, "-env:UserInstallation=file://"+filepath.Join(c.dir, "lo-profile"),
			"--headless", "--norestore", "--convert-to", "pdf", "--outdir", filepath.Dir(loPDF), fodt)
	}
	// One of each first, not counted: LibreOffice makes its profile, and
	// both binaries get into the page cache.
	first, err := lo()
	if err != nil {
		return err
	}
	if _, err := report(); err != nil {
		return err
	}
	beforePDF := filepath.Join(c.dir, "rapport-før.pdf")
	before := func() (ytelse.Run, error) { return timeToFile(beforePDF, c.before, reportArgs(c, db, beforePDF)...) }
	var reps, los, befores []ytelse.Run
	for range c.runs {
		if c.before != "" {
			// The older build gets a LibreOffice run of its own before
			// it, so that each build's runs come right after LibreOffice
			// (which leaves the machine slower for the next process).
			l, b, err := loThen(lo, before)
			if err != nil {
				return err
			}
			los, befores = append(los, l), append(befores, b)
		}
		r, err := report()
		if err != nil {
			return err
		}
		l, err := lo()
		if err != nil {
			return err
		}
		reps, los = append(reps, r), append(los, l)
	}
	rs, ls := ytelse.Summarize(reps), ytelse.Summarize(los)
	if c.before != "" {
		bs := ytelse.Summarize(befores)
		printSummary("hmsutvalg report, før ("+c.beforeSrc+")", pages(beforePDF), bs, befores)
		fmt.Printf("  forhold LibreOffice / før: %.1f× veggtid, %.1f× CPU-tid\n",
			ls.Median.Seconds()/bs.Median.Seconds(), ls.MedianCPU.Seconds()/bs.MedianCPU.Seconds())
	}
	printSummary("hmsutvalg report", pages(pdf), rs, reps)
	printSummary(fmt.Sprintf("LibreOffice headless, .fodt med %d tabellrader", rows), pages(loPDF), ls, los)
	fmt.Printf("  (første start med ny profil: %.2f s, ikke med i medianen)\n", first.Wall.Seconds())
	fmt.Printf("Forhold LibreOffice / hmsutvalg report: %.1f× veggtid, %.1f× CPU-tid (mål ≥ 50× veggtid)\n",
		ls.Median.Seconds()/rs.Median.Seconds(), ls.MedianCPU.Seconds()/rs.MedianCPU.Seconds())
	return nil
}

// loThen runs LibreOffice, then run.
func loThen(lo, run func() (ytelse.Run, error)) (l, r ytelse.Run, err error) {
	if l, err = lo(); err != nil {
		return l, r, err
	}
	r, err = run()
	return l, r, err
}

// reportAlone times the report on the unit at scale.
func reportAlone(c *config, scale int) error {
	db, err := makeUnit(c, scale)
	if err != nil {
		return err
	}
	pdf := filepath.Join(c.dir, fmt.Sprintf("rapport-%d.pdf", scale))
	report := func() (ytelse.Run, error) { return timeToFile(pdf, c.bin, reportArgs(c, db, pdf)...) }
	if _, err := report(); err != nil { // into the page cache, not counted
		return err
	}
	return timeAlone(c, scale, report, pdf)
}

func timeAlone(c *config, scale int, report func() (ytelse.Run, error), pdf string) error {
	var reps []ytelse.Run
	for range c.runs {
		r, err := report()
		if err != nil {
			return err
		}
		reps = append(reps, r)
	}
	printSummary(fmt.Sprintf("hmsutvalg report, --scale %d", scale), pages(pdf), ytelse.Summarize(reps), reps)
	return nil
}

func reportArgs(c *config, db, pdf string) []string {
	return []string{"report", "--db", db, "--year", c.year.String(), "--today", c.today.String(), "--out", pdf}
}

// timeToFile removes out, runs the command and checks that it made out.
func timeToFile(out, name string, args ...string) (ytelse.Run, error) {
	os.Remove(out)
	r, err := ytelse.Time(name, args...)
	if err != nil {
		return r, err
	}
	if st, err := os.Stat(out); err != nil || st.Size() == 0 {
		return r, fmt.Errorf("%s made no %s", filepath.Base(name), out)
	}
	return r, nil
}

func printSummary(what, pages string, s ytelse.Summary, runs []ytelse.Run) {
	var walls []string
	for _, r := range runs {
		walls = append(walls, fmt.Sprintf("%.3f", r.Wall.Seconds()))
	}
	fmt.Printf("%s (%s sider): median %.3f s veggtid (%s s), median %.3f s CPU, høyeste RSS %s\n",
		what, pages, s.Median.Seconds(), strings.Join(walls, " "), s.MedianCPU.Seconds(), ytelse.MiB(s.PeakRSS))
}

// pages returns a PDF's page count as pdfinfo gives it, or "?".
func pages(pdf string) string {
	out, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		return "?"
	}
	for line := range strings.SplitSeq(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, "Pages:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "?"
}

// writeTables writes the tables of the unit's annual report for year as
// flat ODT and returns the number of rows.
func writeTables(db string, year model.HMSYear, today model.Date, out string) (int, error) {
	st, err := storage.Open(db, storage.Options{ReadOnly: true, NoListCache: true})
	if err != nil {
		return 0, err
	}
	data, err := model.LoadAnnualData(st, year, today)
	st.Close()
	if err != nil {
		return 0, err
	}
	// Only the layout is needed: the tables are recorded as they are drawn.
	doc := reports.AnnualReport(data, reports.Options{RecordTables: true})
	if err := doc.Err(); err != nil {
		return 0, err
	}
	f, err := os.Create(out)
	if err != nil {
		return 0, err
	}
	rows, err := ytelse.WriteFODT(f, reports.AnnualReportTitle(year), doc.Tables())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return rows, err
}

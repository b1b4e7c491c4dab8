package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/storage/demo"
)

// version is set at build time from FyneApp.toml (see the Makefile).
var version = "0.1.0-dev"

// Exit codes: 0 ok, 1 error, 2 wrong use of the command line.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

const usage = `HMS-utvalg – verktøy for enhetens HMS-utvalg

Bruk:
  hmsutvalg [--db FIL] [--motevisning]       start programmet (--motevisning: rett i
                                             møtevisningen for neste møte, i møtemodus)
  hmsutvalg demo --db FIL [--seed N] [--scale N]
                                             lag en ny fil med en demoenhet
  hmsutvalg init --db FIL --unit NAVN --municipality NAVN --sector SEKTOR
                 --employees N [--start DATO]
                                             lag en ny, tom enhetsfil uten programvinduet
  hmsutvalg status --db FIL [--today DATO]   vis årshjulet, forfalte tiltak og åpne
                                             alvorlige avvik (kode 3 når noe er forfalt)
  hmsutvalg check --db FIL                   kontroller filen
  hmsutvalg backup --db FIL --out FIL        lag en sikkerhetskopi
  hmsutvalg report --db FIL [--year ÅÅÅÅ] --out FIL.pdf [--today DATO]
                                             lag årsrapporten for HMS-året
  hmsutvalg export --db FIL [--year ÅÅÅÅ] --out FIL.json [--today DATO]
                                             lag innsendingsfilen med nøkkeltallene
  hmsutvalg aggregate --out FIL.pdf [--csv FIL.csv] [--units FIL] [--year ÅÅÅÅ]
                    [--target PROSENT] [--min-employees N]
                    INNSENDING.json|MAPPE ...
                                             samlet rapport for kommunen (AMU); filer for
                                             året før gir sammenligning, --csv lager også
                                             FIL-oppmerksomhet.csv
  hmsutvalg registers --db FIL [--out MAPPE] [--xlsx FIL.xlsx] [--year ÅÅÅÅ]
                    [--descriptions]
                                             registrene som CSV (én fil per register) og/eller
                                             én Excel-arbeidsbok, for året eller (uten --year)
                                             alle år; --descriptions tar med fritekst som kan
                                             være sensitiv
  hmsutvalg import --db FIL --register handlingsplan|avvik --in FIL [--dry-run]
                   [--today DATO]
                                             les inn en handlingsplan eller et avviksregister
                                             fra CSV eller Excel med kolonnene eksporten
                                             skriver; alt eller ingenting, rader som finnes
                                             hoppes over; --dry-run bare kontrollerer
  hmsutvalg calendar --db FIL --out FIL.ics  møter, årshjulets plikter og tiltaksfrister
                                             som kalenderhendelser
  hmsutvalg version                          vis versjon

Startes programmet uten --db, brukes miljøvariabelen HMSUTVALG_DB, ellers
standardfilen %s. Kommandoene over trenger alltid --db.

Uten --year gjelder rapporten året før dagens dato. --today DATO
(dd.mm.åååå) gir status per den datoen; report og export godtar ikke
en dato før noe filen har registrert som gjort (filen har bare
tilstanden nå; bruk sikkerhetskopien fra den dagen).

Avslutningskode: 0 ok, 1 feil, 2 feil bruk. aggregate gir 1 når en
eller flere filer ikke kunne brukes (ugyldige, avkortede, ukjent versjon,
eller erstattet av en nyere fil fra samme enhet); de andre er likevel med. status gir 3
når noe i årshjulet eller handlingsplanen er forfalt.
`

func printUsage(w io.Writer) {
	def, err := storage.DefaultPath()
	if err != nil {
		def = "(ukjent: " + err.Error() + ")"
	}
	fmt.Fprintf(w, usage, def)
}

// run is the command line; it returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, rest := args[0], args[1:]
		switch cmd {
		case "demo":
			return cmdDemo(rest, stdout, stderr)
		case "init":
			return cmdInit(rest, stdout, stderr)
		case "status":
			return cmdStatus(rest, stdout, stderr)
		case "check":
			return cmdCheck(rest, stdout, stderr)
		case "backup":
			return cmdBackup(rest, stdout, stderr)
		case "report":
			return cmdReport(rest, stdout, stderr)
		case "export":
			return cmdExport(rest, stdout, stderr)
		case "aggregate":
			return cmdAggregate(rest, stdout, stderr)
		case "registers":
			return cmdRegisters(rest, stdout, stderr)
		case "calendar":
			return cmdCalendar(rest, stdout, stderr)
		case "import":
			return cmdImport(rest, stdout, stderr)
		case "version":
			fmt.Fprintf(stdout, "HMS-utvalg %s\n", version)
			return exitOK
		case "help", "hjelp":
			printUsage(stdout)
			return exitOK
		default:
			fmt.Fprintf(stderr, "Ukjent kommando «%s».\n\n", cmd)
			printUsage(stderr)
			return exitUsage
		}
	}
	fs := newFlags("hmsutvalg", stderr)
	db := fs.String("db", "", "databasefil")
	meetingView := fs.Bool("motevisning", false, "start i møtevisningen for neste møte")
	if code, ok := parse(fs, args, stderr); !ok {
		return code
	}
	path, err := storage.ResolvePath(*db)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	return runGUI(path, *meetingView, stderr)
}

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses flags; on failure it prints a Norwegian message and usage.
func parse(fs *flag.FlagSet, args []string, stderr io.Writer) (int, bool) {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		printUsage(stderr)
		return exitOK, false
	}
	if err != nil {
		fmt.Fprintf(stderr, "Feil i kommandolinjen: %s\n\n", norwegianFlagError(err))
		printUsage(stderr)
		return exitUsage, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "Ukjent argument «%s».\n\n", fs.Arg(0))
		printUsage(stderr)
		return exitUsage, false
	}
	return 0, true
}

func norwegianFlagError(err error) string {
	s := err.Error()
	switch {
	case strings.HasPrefix(s, "flag provided but not defined: "):
		return "ukjent valg " + strings.TrimPrefix(s, "flag provided but not defined: ")
	case strings.HasPrefix(s, "flag needs an argument: "):
		return "valget " + strings.TrimPrefix(s, "flag needs an argument: ") + " trenger en verdi"
	case strings.HasPrefix(s, "invalid value "):
		return "ugyldig verdi: " + strings.TrimPrefix(s, "invalid value ")
	}
	return s
}

func requireDB(db string, stderr io.Writer) bool {
	if db == "" {
		fmt.Fprintln(stderr, "Oppgi databasefilen med --db FIL.")
		printUsage(stderr)
		return false
	}
	return true
}

func cmdDemo(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("demo", stderr)
	db := fs.String("db", "", "databasefil")
	seed := fs.Int64("seed", 1, "frø for tilfeldige data")
	scale := fs.Int("scale", 1, "ganger datamengden")
	if code, ok := parse(fs, args, stderr); !ok {
		return code
	}
	if !requireDB(*db, stderr) {
		return exitUsage
	}
	if *scale < 1 || *scale > 1000 {
		fmt.Fprintln(stderr, "--scale må være et helt tall fra 1 til 1000.")
		return exitUsage
	}
	today := model.DateOf(time.Now())
	if err := demo.Create(*db, demo.Options{Seed: *seed, Scale: *scale, Today: today, User: "demo"}); err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	u, err := readUnitName(*db)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	fmt.Fprintf(stdout, "Demoenheten «%s» er laget i %s.\n", u, *db)
	return exitOK
}

func readUnitName(path string) (string, error) {
	st, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		return "", err
	}
	defer st.Close()
	u, err := st.Unit()
	return u.Name, err
}

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", stderr)
	db := fs.String("db", "", "databasefil")
	if code, ok := parse(fs, args, stderr); !ok {
		return code
	}
	if !requireDB(*db, stderr) {
		return exitUsage
	}
	if _, err := os.Stat(*db); err != nil {
		fmt.Fprintf(stderr, "Fant ikke filen «%s».\n", *db)
		return exitError
	}
	rep, err := storage.Check(*db)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	fmt.Fprint(stdout, rep.Summary())
	if !rep.OK() {
		return exitError
	}
	return exitOK
}

func cmdBackup(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("backup", stderr)
	db := fs.String("db", "", "databasefil")
	out := fs.String("out", "", "sikkerhetskopi som skal lages")
	if code, ok := parse(fs, args, stderr); !ok {
		return code
	}
	if !requireDB(*db, stderr) {
		return exitUsage
	}
	if *out == "" {
		fmt.Fprintln(stderr, "Oppgi hvor kopien skal lagres med --out FIL.")
		return exitUsage
	}
	// Read-only: a copy must not change the file or trigger a migration.
	st, err := storage.Open(*db, storage.Options{ReadOnly: true})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	defer st.Close()
	if err := st.BackupTo(*out); err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	fmt.Fprintf(stdout, "Sikkerhetskopi lagret i %s.\n", *out)
	return exitOK
}

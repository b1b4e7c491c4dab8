package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

// exitOverdue is status's exit code when something is overdue, so a
// scheduled task can send a reminder.
const exitOverdue = 3

// cmdStatus prints the dashboard as text: the annual wheel's duties with
// what fulfilled them, the open and overdue measures, and the open serious
// deviations (never their descriptions). The file is opened read-only.
func cmdStatus(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("status", stderr)
	db := fs.String("db", "", "databasefil")
	todayFlag := fs.String("today", "", "dato for status")
	if code, ok := parse(fs, args, stderr); !ok {
		return code
	}
	if !requireDB(*db, stderr) {
		return exitUsage
	}
	today := model.DateOf(time.Now())
	if *todayFlag != "" {
		d, err := model.ParseDate(*todayFlag)
		if err != nil {
			fmt.Fprintf(stderr, "--today: %v\n", err)
			return exitUsage
		}
		today = d
	}
	if _, err := os.Stat(*db); err != nil {
		fmt.Fprintf(stderr, "Fant ikke filen «%s».\n", *db)
		return exitError
	}
	s, err := storage.ReadOnce(*db, func(st *storage.Store) (unitStatus, error) {
		return loadStatus(st, today)
	})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	u, d := s.unit, s.dash
	writeStatus(stdout, u, d)
	if d.Overdue() {
		return exitOverdue
	}
	return exitOK
}

// unitStatus is what status reads from the file.
type unitStatus struct {
	unit model.Unit
	dash model.Dashboard
}

// loadStatus reads the unit and its dashboard per today.
func loadStatus(st *storage.Store, today model.Date) (unitStatus, error) {
	u, err := st.Unit()
	if err != nil {
		return unitStatus{}, err
	}
	d, err := st.Dashboard(today)
	return unitStatus{unit: u, dash: d}, err
}

// wheelStates are the annual wheel's states, for the width of their words.
var wheelStates = []model.WheelState{model.WheelDone, model.WheelLate, model.WheelDueNow, model.WheelUpcoming}

// stateWordWidth is the width of the longest state word.
var stateWordWidth = func() int {
	w := 0
	for _, s := range wheelStates {
		w = max(w, utf8.RuneCountInString(s.Label()))
	}
	return w
}()

// stateWord is a wheel state as the status lists it: the label Oversikt
// and the report use (model.WheelState.Label), in capitals, padded so
// that the deadlines line up («DENNE MÅNEDEN» where it said «SNART»,
// while the count above it said «denne måneden»).
func stateWord(s model.WheelState) string {
	l := strings.ToUpper(s.Label())
	return l + strings.Repeat(" ", stateWordWidth-utf8.RuneCountInString(l))
}

func writeStatus(w io.Writer, u model.Unit, d model.Dashboard) {
	fmt.Fprintf(w, "HMS-utvalg – status for %s (%s) per %s\n\n", u.Name, u.Municipality, d.Today)
	writeMissingRoles(w, d.MissingRoles)
	c := d.Counts
	fmt.Fprintf(w, "Årshjulet %s: %d utført, %d denne måneden, %d forfalt, %d kommer\n", d.Year, c.Done, c.DueNow, c.Late, c.Upcoming)
	if len(d.Wheel) == 0 {
		fmt.Fprintf(w, "  Ingen plikter ennå: årshjulet regnes fra enhetens startdato.\n")
	}
	indent := strings.Repeat(" ", 2+stateWordWidth+2) // under «frist»
	for _, e := range d.Wheel {
		s := e.State(d.Today)
		fmt.Fprintf(w, "  %s  frist %s  %s\n", stateWord(s), e.Due, e.Title)
		switch {
		case e.Proof.Proven():
			fmt.Fprintf(w, "%s%s\n", indent, e.Proof.Text)
		case s == model.WheelDone:
			fmt.Fprintf(w, "%smerket utført for hånd %s%s\n", indent, e.Done, noteSuffix(e.Note))
		case s == model.WheelLate || s == model.WheelDueNow:
			fmt.Fprintf(w, "%s%s\n", indent, model.WheelProofHint(e))
		}
	}
	p := d.Plan
	fmt.Fprintf(w, "\nHandlingsplanen: %d åpne tiltak, %d forfalt, %d med frist snart\n", p.Open, p.Overdue, p.DueSoon)
	for _, m := range d.OverdueMeasures {
		fmt.Fprintf(w, "  FORFALT  frist %s  %s%s\n", m.Deadline, m.Title, responsibleSuffix(m.Responsible))
	}
	fmt.Fprintf(w, "\nÅpne alvorlige avvik: %d\n", len(d.SeriousOpen))
	for _, dv := range d.SeriousOpen {
		fmt.Fprintf(w, "  Avvik nr. %d  %s  %s, %s\n", dv.ID, dv.Date, dv.Category.Label(), strings.ToLower(dv.Severity.Label()))
	}
	if d.Overdue() {
		fmt.Fprintln(w, "\nNoe er forfalt (avslutningskode 3).")
	}
}

// writeMissingRoles names the required committee roles nobody holds
// today, as Oversikt does (model.MissingRoles). A vacancy is not overdue,
// so it does not change the exit code.
func writeMissingRoles(w io.Writer, roles []model.Role) {
	if len(roles) == 0 {
		return
	}
	names := make([]string, len(roles))
	for i, r := range roles {
		names[i] = strings.ToLower(r.Short())
	}
	fmt.Fprintf(w, "Utvalget mangler: %s. Legg dem inn under Enhet og utvalg.\n\n", model.JoinAnd(names))
}

func noteSuffix(note string) string {
	if note == "" {
		return ""
	}
	return ": " + note
}

func responsibleSuffix(r string) string {
	if strings.TrimSpace(r) == "" {
		return ""
	}
	return " (ansvarlig: " + r + ")"
}

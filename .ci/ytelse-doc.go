//go:build ignore

// ytelse-doc writes an HTML document with the same tables as the annual
// report's action plan (the report's largest part): one table per priority
// area, the same six columns and the same cell text, for the measures the
// report lists. .ci/ytelse converts it with LibreOffice to compare.
//
// Usage: go run .ci/ytelse-doc.go DB YEAR OUT.html
package main

import (
	"fmt"
	"html"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "bruk: go run .ci/ytelse-doc.go DB ÅR UT.html")
		os.Exit(2)
	}
	y, err := model.ParseHMSYear(os.Args[2])
	check(err)
	st, err := storage.Open(os.Args[1], storage.Options{ReadOnly: true})
	check(err)
	today := model.DateOf(time.Now())
	data, err := model.LoadAnnualData(st, y, today)
	check(err)
	st.Close()

	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Handlingsplan</title>\n" +
		"<style>body{font-family:sans-serif;font-size:9pt} table{border-collapse:collapse;width:100%} " +
		"th,td{border:1px solid #999;padding:2px;vertical-align:top} small{font-size:7pt}</style></head><body>\n")
	fmt.Fprintf(&b, "<h1>Årsrapport %s – Handlingsplan</h1>\n", y)
	rows := 0
	areas := model.PriorityAreas()
	for _, a := range append(areas, "") {
		var ms []model.Measure
		for _, m := range data.Measures {
			in := slices.Contains(areas, m.PriorityArea)
			if (a == "" && !in) || (a != "" && m.PriorityArea == a) {
				if inYear(&m, y) {
					ms = append(ms, m)
				}
			}
		}
		if len(ms) == 0 {
			continue
		}
		title := "Uten prioritert område"
		if a != "" {
			title = a.Label()
		}
		fmt.Fprintf(&b, "<h2>%s (%d tiltak)</h2>\n<table><thead><tr><th>Tiltak</th><th>Kilde</th><th>Ansvarlig</th>"+
			"<th>Frist</th><th>Status</th><th>Forfall</th></tr></thead><tbody>\n", html.EscapeString(title), len(ms))
		for i := range ms {
			m := &ms[i]
			what := "<b>" + esc(m.Title) + "</b>"
			if m.Description != "" {
				what += "<br><small>" + esc(m.Description) + "</small>"
			}
			if m.EvaluationNote != "" {
				what += "<br><small>Effekt: " + esc(m.EvaluationNote) + "</small>"
			}
			status := esc(m.Status.Label())
			if !m.CompletedOn.IsZero() {
				status += "<br><small>utført " + m.CompletedOn.String() + "</small>"
			}
			due := ""
			if m.Overdue(today) {
				due = "<b>Forfalt</b><br><small>" + strconv.Itoa(m.Deadline.DaysUntil(today)) + " dager over fristen</small>"
			}
			fmt.Fprintf(&b, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n",
				what, esc(m.Source.Label()), esc(m.Responsible), m.Deadline.String(), status, due)
			rows++
		}
		b.WriteString("</tbody></table>\n")
	}
	b.WriteString("</body></html>\n")
	check(os.WriteFile(os.Args[3], []byte(b.String()), 0o644))
	fmt.Println(rows)
}

// inYear is the annual report's choice of measures: created or closed in
// the year, or still open; nothing created after it.
func inYear(m *model.Measure, y model.HMSYear) bool {
	if !m.Created.IsZero() && m.Created.After(y.End()) {
		return false
	}
	closed := false
	switch m.Status {
	case model.StatusUtfort, model.StatusEvaluert:
		closed = y.Contains(m.CompletedOn)
	case model.StatusAvvist:
		closed = y.Contains(m.Updated)
	}
	return y.Contains(m.Created) || closed || m.Open()
}

func esc(s string) string { return html.EscapeString(strings.TrimSpace(s)) }

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

//go:build ignore

// ytelse-doc writes an HTML document with the same tables as the annual
// report: it builds the report with reports.Options.RecordTables and
// writes every table the report draws, in order, with its caption as a
// heading, its header row and its rows, cell text as in the report. It
// prints the total number of rows. .ci/ytelse converts the document with
// LibreOffice to compare.
//
// Usage: go run .ci/ytelse-doc.go DB YEAR OUT.html
package main

import (
	"fmt"
	"html"
	"os"
	"strings"
	"time"

	"hmsutvalg/model"
	"hmsutvalg/reports"
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

	// Only the layout is needed: the tables are recorded as they are drawn.
	doc := reports.AnnualReport(data, reports.Options{RecordTables: true})
	check(doc.Err())
	tables := doc.Tables()

	var b strings.Builder
	title := reports.AnnualReportTitle(y)
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%s</title>\n"+
		"<style>body{font-family:sans-serif;font-size:9pt} table{border-collapse:collapse;width:100%%} "+
		"th,td{border:1px solid #999;padding:2px;vertical-align:top}</style></head><body>\n", esc(title))
	fmt.Fprintf(&b, "<h1>%s</h1>\n", esc(title))
	rows := 0
	for _, t := range tables {
		if t.Caption != "" {
			fmt.Fprintf(&b, "<h2>%s</h2>\n", esc(t.Caption))
		}
		b.WriteString("<table>\n")
		if t.Header != nil {
			b.WriteString("<thead><tr>")
			for _, h := range t.Header {
				fmt.Fprintf(&b, "<th>%s</th>", esc(h))
			}
			b.WriteString("</tr></thead>\n")
		}
		b.WriteString("<tbody>\n")
		for _, r := range t.Rows {
			b.WriteString("<tr>")
			for _, c := range r {
				fmt.Fprintf(&b, "<td>%s</td>", esc(c))
			}
			b.WriteString("</tr>\n")
			rows++
		}
		b.WriteString("</tbody></table>\n")
	}
	b.WriteString("</body></html>\n")
	check(os.WriteFile(os.Args[3], []byte(b.String()), 0o644))
	fmt.Println(rows)
}

// esc escapes text for HTML, with line breaks as <br>.
func esc(s string) string {
	s = html.EscapeString(strings.TrimSpace(s))
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\n", "<br>")
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

package ytelse

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"

	"hmsutvalg/reports"
)

// TestWriteFODT: the document is well-formed XML with one table per
// table, the header row in table-header-rows, one paragraph per line of a
// cell, short rows padded, text escaped and control characters dropped.
func TestWriteFODT(t *testing.T) {
	tables := []reports.RecordedTable{
		{Caption: "Tiltak & frister", Header: []string{"Nr.", "Tiltak", "Frist"}, Rows: [][]string{
			{"1", "Skift <lås>\nog \"nøkler\"", "31.01.2026"},
			{"2", "Bell\x07 ut"}, // one cell short
		}},
		{Caption: "Nøkkeltall", Rows: [][]string{{"Ansatte", "42"}}}, // no header
		{}, // nothing: no table
	}
	var b bytes.Buffer
	rows, err := WriteFODT(&b, "Årsrapport 2025", tables)
	if err != nil || rows != 3 {
		t.Fatalf("rows %d, err %v", rows, err)
	}
	counts := map[string]int{}
	var text strings.Builder
	dec := xml.NewDecoder(&b)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			counts[tok.Name.Local]++
		case xml.CharData:
			text.Write(tok)
		}
	}
	for el, want := range map[string]int{"table": 2, "table-header-rows": 1, "table-row": 4, "table-cell": 11, "h": 2} {
		if counts[el] != want {
			t.Errorf("%d <%s>, want %d", counts[el], el, want)
		}
	}
	// Title, 2 headings, 3 header cells, 2 + 2 lines in row 1, 2 + 1 empty in row 2, 2 in the key values.
	if counts["p"] != 1+3+4+3+2 {
		t.Errorf("%d paragraphs", counts["p"])
	}
	for _, want := range []string{"Tiltak & frister", "Skift <lås>", `og "nøkler"`, "Bell ut", "Årsrapport 2025"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("%q missing from the text", want)
		}
	}
	if strings.Contains(text.String(), "\x07") {
		t.Error("control character written")
	}
}

// TestSummarize: the median of an odd and an even number of runs, and the
// peak memory.
func TestSummarize(t *testing.T) {
	runs := []Run{{Wall: 5, CPU: 1, MaxRSS: 10}, {Wall: 1, CPU: 3, MaxRSS: 30}, {Wall: 3, CPU: 2, MaxRSS: 20}}
	s := Summarize(runs)
	if s.Median != 3 || s.Min != 1 || s.Max != 5 || s.MedianCPU != 2 || s.PeakRSS != 30 || s.N != 3 {
		t.Errorf("%+v", s)
	}
	if s := Summarize(append(runs, Run{Wall: 4})); s.Median != 3 {
		t.Errorf("even: median %v, want the lower middle 3", s.Median)
	}
	if s := Summarize(nil); s.N != 0 {
		t.Errorf("empty: %+v", s)
	}
}

// TestTime times this test binary running no test: it takes time, uses
// memory, and a failing command is an error with its output.
func TestTime(t *testing.T) {
	r, err := Time(os.Args[0], "-test.run=^$")
	if err != nil {
		t.Fatal(err)
	}
	if r.Wall <= 0 || (runtime.GOOS == "linux" && r.MaxRSS < 1<<20) {
		t.Errorf("%+v", r)
	}
	if _, err := Time(os.Args[0], "-no-such-flag"); err == nil || !strings.Contains(err.Error(), "no-such-flag") {
		t.Errorf("failing command: %v", err)
	}
}

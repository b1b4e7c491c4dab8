package reports

import (
	"slices"
	"sync"
	"testing"
)

func measurerTable() Table {
	return Table{Columns: []Column{{Title: "Tiltak", Width: 3}, {Title: "Frist", Width: 1}},
		Rows: [][]string{{"Ny rømningsplan for avdeling B og opplæring av alle nyansatte i den", "31.01.2026"}, {"Kort", "–"}}}
}

// A table measured later on a measuring document, by the measuring
// goroutine or taken by the drawing, is the table measured at once on the
// drawing document: the same columns and the same lines.
func TestMeasuredLaterIsMeasuredNow(t *testing.T) {
	d := New(testOpts())
	now := measureNow(d).table(measurerTable())(d)
	for _, taken := range []bool{false, true} {
		q := measureLater(newMeasuring(false))
		get := q.table(measurerTable())
		var wg sync.WaitGroup
		if !taken {
			wg.Go(q.run) // the measuring goroutine gets there first
			wg.Wait()
		}
		got := get(New(testOpts()))
		wg.Go(q.run) // after the drawing took it: nothing left to do
		wg.Wait()
		if got.fault != nil || len(got.rows) != len(now.rows) {
			t.Fatalf("taken %v: %d rows (fault %v), measured now %d", taken, len(got.rows), got.fault, len(now.rows))
		}
		for i := range now.rows {
			for c := range now.rows[i].lines {
				if a, b := got.rows[i].lines[c], now.rows[i].lines[c]; !slices.Equal(a, b) {
					t.Errorf("taken %v: row %d column %d wrapped %q, measured now %q", taken, i, c, a, b)
				}
			}
		}
		for c := range now.l.w {
			if got.l.w[c] != now.l.w[c] {
				t.Errorf("taken %v: column %d %.2f mm wide, measured now %.2f", taken, c, got.l.w[c], now.l.w[c])
			}
		}
	}
}

// A table measured later is measured once, by one goroutine, however the
// drawing and the measuring goroutine race for it.
func TestMeasuredLaterOnce(t *testing.T) {
	for range 20 {
		q := measureLater(newMeasuring(false))
		calls := 0
		var mu sync.Mutex
		get := measured(q, func(on *Document) int {
			mu.Lock()
			calls++
			mu.Unlock()
			return len(on.prepareTable(measurerTable()).rows)
		})
		var wg sync.WaitGroup
		wg.Go(q.run)
		if n := get(New(testOpts())); n != 2 {
			t.Fatalf("measured %d rows, want 2", n)
		}
		wg.Wait()
		if calls != 1 {
			t.Fatalf("measured %d times, want once", calls)
		}
	}
}

// A panic while measuring becomes the document's error where the table
// is drawn, as a panic inside Table did; nothing is drawn of it.
func TestMeasuringFaultIsTheDocumentsError(t *testing.T) {
	d := New(testOpts())
	bad := Table{Columns: []Column{{Title: "A"}}, Rows: [][]string{{"x"}}}
	p := d.prepareTable(bad)
	p.fault = measuringFault("boom", nil)
	d.drawTable(p)
	if d.err == nil {
		t.Fatal("a table whose measuring panicked drew without an error")
	}
	if _, err := d.Bytes(); err == nil {
		t.Fatal("the document with a failed table wrote a PDF")
	}
}

package reports

import "sync/atomic"

// measurer measures the tables of a section being worked out before it
// is drawn: on the drawing document itself and at once (a section drawn
// where it is worked out, such as ActionPlanSection), or, for the annual
// report's sections worked out ahead (annual.go), on a measuring document
// of its own (newMeasuring) and later: after the section's draw has been
// handed over, so the drawing can begin while its tables are measured,
// table by table. A table the drawing reaches before the measuring
// document's goroutine has begun it is measured by the drawing, on its
// own document, so neither waits for work the other could do.
type measurer struct {
	doc   *Document
	later bool
	jobs  []func()
}

// measureNow measures on d at once.
func measureNow(d *Document) *measurer { return &measurer{doc: d} }

// measureLater measures on m when run is called.
func measureLater(m *Document) *measurer { return &measurer{doc: m, later: true} }

// rich measures t and returns what gives it measured to the drawing
// document d, waiting for it or measuring it on d (see measurer).
// prepareRich turns a panic into the table's fault, so the wait always
// ends.
func (q *measurer) rich(t richTable) func(d *Document) preparedRich {
	return measured(q, func(on *Document) preparedRich { return on.prepareRich(t) })
}

// table is rich for a plain Table.
func (q *measurer) table(t Table) func(d *Document) preparedTable {
	return measured(q, func(on *Document) preparedTable { return on.prepareTable(t) })
}

// run measures what was queued and not taken by the drawing, in order.
func (q *measurer) run() {
	jobs := q.jobs
	q.jobs = nil
	for _, job := range jobs {
		job()
	}
}

// measureJob is one table to measure, by whichever goroutine claims it
// first.
type measureJob[T any] struct {
	claimed atomic.Bool
	done    chan struct{}
	v       T
	measure func(on *Document) T
}

func (j *measureJob[T]) runOn(doc *Document) {
	if j.claimed.CompareAndSwap(false, true) {
		j.v = j.measure(doc)
		close(j.done)
	}
}

func measured[T any](q *measurer, measure func(on *Document) T) func(d *Document) T {
	if !q.later {
		v := measure(q.doc)
		return func(*Document) T { return v }
	}
	j := &measureJob[T]{done: make(chan struct{}), measure: measure}
	q.jobs = append(q.jobs, func() { j.runOn(q.doc) })
	return func(d *Document) T {
		j.runOn(d)
		<-j.done
		return j.v
	}
}

package reports

import (
	"fmt"

	"hmsutvalg/model"
)

// overdueWords are how a section names where its overdue measures came
// from; earlier takes the report's year.
type overdueWords struct {
	from, shown, earlier, other string
}

// overdueNote ties a module's section to the summary's «N tiltak over
// fristen» (model.MeasuresOverdue): the summary counts every overdue
// measure from the module in the year's action plan, the section shows
// only the year's records. Nothing is written when none is overdue.
func (d *Document) overdueNote(today model.Date, year model.HMSYear, o model.MeasuresOverdue, w overdueWords) {
	if o.Total() == 0 {
		return
	}
	head := fmt.Sprintf("Per %s er %d %s %s over fristen i handlingsplanen (se sammendraget)",
		today, o.Total(), plural(o.Total(), "tiltak", "tiltak"), w.from)
	if o.FromYear == o.Total() {
		d.Note(head + ", alle " + w.shown + ".")
		return
	}
	var parts []string
	if o.FromYear > 0 {
		parts = append(parts, fmt.Sprintf("%d %s", o.FromYear, w.shown))
	}
	if o.FromEarlier > 0 {
		parts = append(parts, fmt.Sprintf("%d "+w.earlier, o.FromEarlier, year))
	}
	if o.FromOther > 0 {
		parts = append(parts, fmt.Sprintf("%d %s", o.FromOther, w.other))
	}
	d.Note(head + ": " + model.JoinAnd(parts) + ".")
}

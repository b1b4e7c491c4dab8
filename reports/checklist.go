package reports

import (
	"fmt"
	"strings"

	"hmsutvalg/model"
)

// checklistSection writes the internal-control checklist.
func (d *Document) checklistSection(f *model.AnnualFigures) {
	d.Heading(1, "Sjekkliste for internkontroll")
	d.Paragraph("Internkontrollforskriften § 5 punkt 1–8, med tilsvarende bokstav i arbeidsmiljøloven § 3-1 (2). " +
		"Punkt 4–8 skal dokumenteres skriftlig. Kolonnen til høyre viser hvor i rapporten punktet er dokumentert, eller hva som mangler.")
	t := Table{Columns: []Column{{Title: "Punkt", Width: 13, Align: AlignCenter}, {Title: "Krav", Width: 70},
		{Title: "Skriftlig", Width: 18, Align: AlignCenter}, {Title: "AML § 3-1 (2)", Width: 22}, {Title: "Dokumentert i", Width: 60}}}
	for _, p := range model.InternalControlChecklist(*f) {
		written := "nei"
		if p.Written {
			written = "ja"
		}
		where := strings.Join(p.Where, "; ")
		st := RowStyle{}
		if !p.Documented() {
			where = p.Missing
			if p.Written {
				st.CellFills = []Color{4: ColorRedFill}
			}
		}
		t.Rows = append(t.Rows, []string{fmt.Sprint(p.Point), p.Text, written, orDash(p.AML), where})
		t.Styles = append(t.Styles, st)
	}
	d.Table(t)
}

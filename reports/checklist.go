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
		"Punkt 4–8 skal dokumenteres skriftlig. Bokstav f og g i arbeidsmiljøloven § 3-1 (2) er egne plikter og står på egne rader nederst. " +
		"Kolonnen til høyre viser hvor i rapporten punktet er dokumentert, eller hva som mangler.")
	t := Table{Columns: []Column{{Title: "Punkt", Width: 16, Align: AlignCenter}, {Title: "Krav", Width: 67},
		{Title: "Skriftlig", Width: 18, Align: AlignCenter}, {Title: "AML § 3-1 (2)", Width: 22}, {Title: "Dokumentert i", Width: 60}}}
	points := append(model.InternalControlChecklist(*f), model.AMLOwnDuties(*f)...)
	for _, p := range points {
		point, written := fmt.Sprint(p.Point), "nei"
		if p.Written {
			written = "ja"
		}
		if p.Letter != "" {
			point, written = "AML "+p.Letter, "–"
		}
		where := strings.Join(p.Where, "; ")
		st := RowStyle{}
		if !p.Documented() {
			where = p.Missing
			if p.Written || p.Letter != "" {
				st.CellFills = []Color{4: ColorRedFill}
			}
		}
		t.Rows = append(t.Rows, []string{point, p.Text, written, orDash(p.AML), where})
		t.Styles = append(t.Styles, st)
	}
	d.Table(t)
}

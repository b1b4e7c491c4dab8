package reports

import (
	"fmt"
	"math"

	"hmsutvalg/model"
)

// sampleDocument builds a small report with every building block: the
// golden test compares its text, TestSampleRender renders it to PNG.
func sampleDocument() *Document {
	d := New(Options{
		Title: "Årsrapport internkontroll 2026", Subject: "Internkontroll", Author: "HMS-utvalget",
		Keywords: "HMS, internkontroll", Unit: "Solbakken sykehjem",
		Deterministic: true, Created: fixedCreated,
	})
	d.Cover("Årsrapport internkontroll 2026", "HMS-utvalget ved Solbakken sykehjem", []string{
		"Enhet: Solbakken sykehjem, helse og omsorg",
		"Periode: 01.01.2026–31.12.2026",
		"Behandlet i HMS-utvalget 24.11.2026",
	})
	d.Heading(1, "1 Om enheten")
	d.KeyValues([][2]string{
		{"Enhet", "Solbakken sykehjem"},
		{"Leder", "Kari Nordmann"},
		{"Verneombud", "Ola Ås"},
		{"Antall ansatte", "84"},
		{"Merknad", "Enheten flyttet avdeling B til nytt bygg i mars; opplæring i brannvern er gjennomført for alle ansatte på natt."},
	})
	d.Paragraph("HMS-utvalget har hatt fire møter i 2026. Sykefraværet gikk ned fra 9,8 % i første kvartal " +
		"til 7,4 % i fjerde kvartal. Utvalget har fulgt opp handlingsplanen og risikovurderingen – se kapittel 2 og 3. " +
		"Særlig oppmerksomhet: «vold og trusler» i demensavdelingen, § 4-3 i arbeidsmiljøloven.")

	d.Heading(2, "1.1 Sykefravær per kvartal")
	d.ColumnChart(SeriesChart{
		Title:      "Sykefravær 2026 (prosent)",
		Categories: []string{"1. kv. 2026", "2. kv. 2026", "3. kv. 2026", "4. kv. 2026"},
		Series:     []Series{{Name: "Sykefravær", Values: []float64{9.8, 8.6, math.NaN(), 7.4}}},
		Lines:      []RefLine{{Value: 7, Label: "7 % grense"}, {Value: 10, Label: "10 % alarm", Color: ColorOrange}, {Value: 6, Label: "Mål 6 %", Color: ColorTeal}},
		Decimals:   1, Unit: " %", Height: 50,
	})
	d.LineChart(SeriesChart{
		Title:      "Sykefravær: enheten og kommunen",
		Categories: []string{"1. kv.", "2. kv.", "3. kv.", "4. kv."},
		Series: []Series{
			{Name: "Solbakken", Values: []float64{9.8, 8.6, 8.1, 7.4}},
			{Name: "Kommunen", Values: []float64{8.2, 7.9, 7.5, 7.7}},
		},
		Lines:    []RefLine{{Value: 7, Label: "7 %"}},
		Decimals: 1, Unit: " %", Height: 45,
	})

	d.Heading(1, "2 Risikovurdering")
	d.Heatmap(Heatmap{
		Title: "Risikomatrise (antall risikoer)",
		Counts: [][]int{
			{2, 1, 0, 0, 0},
			{1, 3, 2, 0, 0},
			{0, 1, 2, 1, 0},
			{0, 0, 1, 0, 1},
			{0, 0, 0, 0, 0},
		},
	})
	rows := [][]string{}
	styles := []RowStyle{}
	for i, r := range []struct {
		what  string
		lv    model.RiskLevel
		owner string
	}{
		{"Vold og trusler ved stell av beboere med demens", model.RiskHigh, "Avdelingsleder"},
		{"Tunge løft i bad", model.RiskMedium, "Fysioterapeut"},
		{"Smitte ved utbrudd", model.RiskMedium, "Smittevernansvarlig"},
		{"Glatt uteareal vinterstid", model.RiskLow, "Vaktmester"},
	} {
		rows = append(rows, []string{fmt.Sprintf("R%d", i+1), r.what, r.lv.Label(), r.owner})
		styles = append(styles, RowStyle{CellFills: []Color{{}, {}, RiskColor(r.lv)}})
	}
	d.Table(Table{
		Columns: []Column{{Title: "Nr.", Width: 1}, {Title: "Risiko", Width: 6}, {Title: "Nivå", Width: 2, Align: AlignCenter}, {Title: "Ansvarlig", Width: 3}},
		Rows:    rows, Styles: styles,
	})

	d.Heading(1, "3 Avvik")
	d.BarChart(BarChart{
		Title: "Avvik per kategori",
		Bars: []Bar{
			{Label: "Vold og trusler", Value: 14},
			{Label: "Legemidler", Value: 9},
			{Label: "Fall", Value: 6},
			{Label: "Brann og el-sikkerhet", Value: 2},
			{Label: "Annet", Value: 3},
		},
		Lines: []RefLine{{Value: 10, Label: "Mål: under 10"}},
	})
	d.Heading(2, "3.1 Vold og trusler")
	d.Note("Ingen registrerte hendelser i perioden.")
	d.Heading(1, "4 Underskrifter")
	d.Paragraph("Rapporten er behandlet og godkjent i HMS-utvalget.")
	d.SignatureLines([]string{"Leder", "Verneombud", "Tillitsvalgt", "Bedriftshelsetjeneste (BHT)"})
	return d
}

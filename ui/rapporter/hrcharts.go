package rapporter

import (
	"fmt"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/reports"
	"hmsutvalg/ui/apptheme"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/tifaktor"
)

// The preview's charts, drawn with the charts of Avvik and 10-FAKTOR.
// Each bar carries its figure as text, so colour is never the only
// signal; the PDF has the full charts per unit.

func pct(v float64) string { return reports.FormatNumber(v, 1) + " %" }

// previewCharts are the charts of the aggregate a.
func previewCharts(a reports.Aggregation) []fyne.CanvasObject {
	out := []fyne.CanvasObject{sickLeaveChart(a), deviationChart(a), riskChart(a)}
	if len(a.TenFactor) > 0 {
		text := lang.L("10-FAKTOR: snitt per faktor, vektet med antall svar")
		if a.Previous != 0 {
			text += " " + lang.L("(øverste søyle: forrige runde)")
		}
		title := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		out = append(out, title, tifaktor.NewScoreChart(tenFactorRows(a), true))
	}
	return out
}

// sickLeaveChart is the sick leave per sector and for the municipality;
// sectors include their small units, so no small unit shows alone.
func sickLeaveChart(a reports.Aggregation) fyne.CanvasObject {
	row := func(label string, t model.SickLeaveTotal, c fyne.ThemeColorName) avvik.BarRow {
		if t.Units == 0 {
			return avvik.BarRow{Label: label, Text: lang.L("ingen tall")}
		}
		if t.Percent > 7 {
			c = apptheme.ChartWarnFill
		}
		return avvik.BarRow{Label: label, Parts: []avvik.BarPart{{Value: int(math.Round(t.Percent * 10)), Color: apptheme.ChartColor(c)}},
			Text: fmt.Sprintf(lang.L("%s (%d enheter)"), pct(t.Percent), t.Units)}
	}
	var rows []avvik.BarRow
	for _, s := range a.Sectors {
		rows = append(rows, row(s.Sector.Label(), s.SickLeave, apptheme.ChartSeries))
	}
	rows = append(rows, row(lang.L("Hele kommunen"), a.SickLeave, apptheme.ChartSeries2))
	title := fmt.Sprintf(lang.L("Sykefravær %s per sektor (over 7 %% i varselfarge)"), a.Year)
	if a.Target != nil {
		title += " – " + fmt.Sprintf(lang.L("kommunens mål %s"), pct(*a.Target))
	}
	return avvik.NewBarChart(title, rows)
}

// deviationChart is the deviations by category in all units.
func deviationChart(a reports.Aggregation) fyne.CanvasObject {
	var rows []avvik.BarRow
	for _, c := range model.DeviationCategories() {
		n := a.Deviations.ByCategory[c]
		rows = append(rows, avvik.BarRow{Label: c.Label(), Parts: []avvik.BarPart{{Value: n, Color: apptheme.ChartColor(apptheme.ChartSeries)}}, Text: fmt.Sprint(n)})
	}
	return avvik.NewBarChart(fmt.Sprintf(lang.L("Avvik etter kategori (%d i %d enheter)"), a.Deviations.Total, a.Deviations.Units), rows)
}

// riskChart is the units by their highest remaining risk level.
func riskChart(a reports.Aggregation) fyne.CanvasObject {
	r := a.Risk
	row := func(label string, n int, c fyne.ThemeColorName) avvik.BarRow {
		return avvik.BarRow{Label: label, Parts: []avvik.BarPart{{Value: n, Color: apptheme.ChartColor(c)}}, Text: fmt.Sprintf(lang.L("%d enheter"), n)}
	}
	return avvik.NewBarChart(lang.L("Enheter etter høyeste gjenværende risiko"), []avvik.BarRow{
		row(lang.L("Høy (H)"), r.Units[model.RiskHigh], apptheme.ChartWarnFill),
		row(lang.L("Middels (M)"), r.Units[model.RiskMedium], apptheme.ChartSeries2),
		row(lang.L("Lav (L)"), r.Units[model.RiskLow], apptheme.ChartSeries),
		row(lang.L("Ingen vurderte farer"), r.NoneAssessed, apptheme.ChartNeutral),
	})
}

// tenFactorRows are the factors' means, the previous round first where
// known.
func tenFactorRows(a reports.Aggregation) []tifaktor.ChartRow {
	factors := model.TenFactors()
	score := func(v float64) model.SurveyScore { return model.SurveyScore(math.Round(v * 100)) }
	var rows []tifaktor.ChartRow
	for _, f := range a.TenFactor {
		r := tifaktor.ChartRow{Label: fmt.Sprintf("%d %s", f.Factor, factors[f.Factor-1].FullLabel())}
		if f.PrevUnits > 0 {
			r.Bars = append(r.Bars, tifaktor.ChartBar{Value: score(f.Prev), Color: apptheme.ChartColor(apptheme.ChartOld),
				Text: reports.FormatNumber(f.Prev, 2)})
		}
		r.Bars = append(r.Bars, tifaktor.ChartBar{Value: score(f.Mean), Color: apptheme.ChartColor(apptheme.ChartSeries),
			Text: reports.FormatNumber(f.Mean, 2)})
		rows = append(rows, r)
	}
	return rows
}

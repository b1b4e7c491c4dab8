package rapporter

import (
	"fmt"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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
	if n := a.Risk.NotAssessedAfter; n > 0 {
		out = append(out, wrapped(fmt.Sprintf(lang.L("%d av %d farer er ikke vurdert etter tiltak."), n, a.Risk.Items)))
	}
	if len(a.TenFactor) > 0 {
		text := lang.L("10-FAKTOR: snitt per faktor, vektet med antall svar") + ", " + roundYearsTitle(a.TenFactorRounds)
		if hasPrevRound(a) {
			text += " " + fmt.Sprintf(lang.L("(øverste søyle: forrige runde, fra innsendingene for %s, bare enheter med en eldre runde der)"), a.Previous)
		}
		title := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Wrapping = fyne.TextWrapWord
		out = append(out, title, tifaktor.NewScoreChart(tenFactorRows(a), true))
	}
	return out
}

// hasPrevRound reports whether a factor has a previous round to show.
func hasPrevRound(a reports.Aggregation) bool {
	for _, f := range a.TenFactor {
		if f.PrevUnits > 0 {
			return true
		}
	}
	return false
}

// roundYearsTitle names the 10-FAKTOR rounds the means come from
// (model.TenFactorRoundYears): "kartlegging 2024", or "kartlegginger
// 2024 og 2025 – snittet blander dem".
func roundYearsTitle(rounds []model.RoundYears) string {
	year := func(r model.RoundYears) string {
		if r.Year == 0 {
			return lang.L("ukjent år")
		}
		return fmt.Sprint(r.Year)
	}
	if len(rounds) == 1 {
		if rounds[0].Year == 0 {
			return lang.L("kartlegging med ukjent år")
		}
		return fmt.Sprintf(lang.L("kartlegging %s"), year(rounds[0]))
	}
	years := make([]string, len(rounds))
	for i, r := range rounds {
		years[i] = year(r)
	}
	return fmt.Sprintf(lang.L("kartlegginger %s – snittet blander dem"), joinAnd(years))
}

// joinAnd is "a, b og c" in the UI's language.
func joinAnd(xs []string) string {
	if len(xs) <= 1 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " " + lang.L("og") + " " + xs[len(xs)-1]
}

// unitsWord is "1 enhet" or "3 enheter".
func unitsWord(n int) string {
	if n == 1 {
		return lang.L("1 enhet")
	}
	return fmt.Sprintf(lang.L("%d enheter"), n)
}

// sickLeaveChart is the sick leave per sector and in all the units;
// sectors include their small units, so no small unit shows alone. The
// bar of all units is «Hele kommunen», or «Alle enhetene» when the files
// come from several municipalities (model.MunicipalAggregate.Several); a
// figure on fewer than four quarters says which (QuarterScope).
func sickLeaveChart(a reports.Aggregation) fyne.CanvasObject {
	row := func(label string, t model.SickLeaveTotal, c fyne.ThemeColorName) avvik.BarRow {
		if t.Units == 0 {
			return avvik.BarRow{Label: label, Text: lang.L("ingen tall")}
		}
		if t.Percent > 7 {
			c = apptheme.ChartWarnFill
		}
		text := pct(t.Percent) + " (" + unitsWord(t.Units) + ")"
		if q := quarterNote(t); q != "" {
			text = pct(t.Percent) + " (" + unitsWord(t.Units) + ", " + q + ")"
		}
		return avvik.BarRow{Label: label, Parts: []avvik.BarPart{{Value: int(math.Round(t.Percent * 10)), Color: apptheme.ChartColor(c)}}, Text: text}
	}
	var rows []avvik.BarRow
	for _, s := range a.Sectors {
		rows = append(rows, row(lang.L(s.Sector.Label()), s.SickLeave, apptheme.ChartSeries))
	}
	rows = append(rows, row(AllUnitsLabel(a), a.SickLeave, apptheme.ChartSeries2))
	title := fmt.Sprintf(lang.L("Sykefravær %s per sektor (over 7 %% i varselfarge)"), a.Year)
	if t := TargetText(a); t != "" {
		title += " – " + t
	}
	// The title wraps: with the target's owner it is longer than a
	// projector's width in Møtemodus.
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(head, avvik.NewBarChart("", rows))
	if q := a.SickLeave.QuarterScope(); q != "" {
		box.Add(wrapped(fmt.Sprintf(lang.L("%s: bygger bare på kvartalene %s %s, ikke hele året."), AllUnitsLabel(a), q, a.Year)))
	}
	return box
}

// quarterNote is a bar's short note on the quarters its figure rests on
// (model.SickLeaveTotal.QuarterScope): "bare K1–K3" when every unit has
// the same ones, "ikke hele året" when they differ; "" for whole years.
func quarterNote(t model.SickLeaveTotal) string {
	q := t.QuarterScope()
	switch {
	case q == "":
		return ""
	case !t.SameQuarters():
		return lang.L("ikke hele året")
	}
	return fmt.Sprintf(lang.L("bare %s"), q)
}

// AllUnitsLabel is the label of the figures of all units: «Hele
// kommunen», or «Alle enhetene» when the files come from several
// municipalities, as the report has it.
func AllUnitsLabel(a reports.Aggregation) string {
	if a.Several() {
		return lang.L("Alle enhetene")
	}
	return lang.L("Hele kommunen")
}

// TargetText is the sick-leave target the figures are measured against
// and whose it is (model.MunicipalAggregate.SickTarget), as the report
// says it: HR's own («kommunens mål 6,5 %», «oppgitt mål 6,5 %» for
// several municipalities), the municipality's as the units report it
// («kommunens mål 7,4 %, slik 3 enheter oppgir det»), units reporting
// different ones, or "" when there is none.
func TargetText(a reports.Aggregation) string {
	p, fromUnits, ok := a.SickTarget()
	switch {
	case ok && fromUnits:
		n := a.ReportedTargets[0].Units
		if n == 1 {
			return fmt.Sprintf(lang.L("kommunens mål %s, slik 1 enhet oppgir det"), pct(p))
		}
		return fmt.Sprintf(lang.L("kommunens mål %s, slik %d enheter oppgir det"), pct(p), n)
	case ok && a.Several():
		return fmt.Sprintf(lang.L("oppgitt mål %s"), pct(p))
	case ok:
		return fmt.Sprintf(lang.L("kommunens mål %s"), pct(p))
	case len(a.ReportedTargets) > 0:
		return lang.L("ikke målt mot ett mål: enhetene oppgir ulike mål som kommunens")
	}
	return ""
}

// comparisonText says what the year is compared with, like for like
// (model.YearComparison): the units in both years, the quarters the sick
// leave is compared on, and the units left out; "" without a year
// before.
func comparisonText(a reports.Aggregation) string {
	if a.Previous == 0 {
		return ""
	}
	c := a.Compare
	if c.Both == 0 {
		return fmt.Sprintf(lang.L("Ingen enhet sendte inn for både %s og %s, så årene sammenlignes ikke."), a.Previous, a.Year)
	}
	s := fmt.Sprintf(lang.L("Sammenlignet med %s for de %d enhetene som sendte inn begge år."), a.Previous, c.Both)
	if c.Both == 1 {
		s = fmt.Sprintf(lang.L("Sammenlignet med %s for den ene enheten som sendte inn begge år."), a.Previous)
	}
	if q := c.Cur.SickLeave.QuarterScope(); q != "" {
		s += " " + fmt.Sprintf(lang.L("Sykefraværet sammenlignes på de samme kvartalene begge år for hver enhet (%s), ikke på hele året."), q)
	}
	if n := len(c.OnlyCur) + len(c.OnlyPrev); n > 0 {
		s += " " + fmt.Sprintf(lang.L("Ikke med i sammenligningen: %s som bare sendte inn for det ene året."), unitsWord(n))
	}
	return s
}

// severalText warns that the files come from several municipalities and
// names them, as the report does; "" for one.
func severalText(a reports.Aggregation) string {
	if !a.Several() {
		return ""
	}
	return fmt.Sprintf(lang.L("Merk: innsendingene kommer fra %d kommuner (%s). Tallene er summert på tvers av kommunene; de er ikke tall for én kommune."),
		len(a.Municipalities), joinAnd(a.Municipalities))
}

// deviationChart is the deviations by category in all units.
func deviationChart(a reports.Aggregation) fyne.CanvasObject {
	var rows []avvik.BarRow
	for _, c := range model.DeviationCategories() {
		n := a.Deviations.ByCategory[c]
		rows = append(rows, avvik.BarRow{Label: lang.L(c.Label()), Parts: []avvik.BarPart{{Value: n, Color: apptheme.ChartColor(apptheme.ChartSeries)}}, Text: fmt.Sprint(n)})
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

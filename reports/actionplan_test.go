package reports

import (
	"fmt"
	"os/exec"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"hmsutvalg/model"
)

// mustContain fails for every want missing from text.
func mustContain(t *testing.T, text string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(text, want) {
			t.Errorf("%q not found in the PDF text", want)
		}
	}
}

// pages splits pdftotext output into pages.
func pages(text string) []string {
	return strings.Split(strings.TrimRight(text, "\f\n"), "\f")
}

func TestActionPlanReport(t *testing.T) {
	in := ActionPlanInput{Unit: testUnit, Measures: testMeasures(), Today: testToday, Filter: "Ansvarlig: alle"}
	d := ActionPlanReport(in, testOpts())
	path := writePDF(t, d, "handlingsplan.pdf")
	qpdfCheck(t, path)
	info := pdfInfo(t, path)
	if info["Title"] != "HMS-handlingsplan" {
		t.Errorf("Title = %q", info["Title"])
	}
	if info["Author"] != "HMS-utvalget ved Solbakken sykehjem" {
		t.Errorf("Author = %q", info["Author"])
	}
	if size := info["Page size"]; !strings.HasPrefix(size, "841.") {
		t.Errorf("page size %q, want A4 landscape", size)
	}
	text := pdfText(t, path)
	n := len(pages(text))
	mustContain(t, text,
		"HMS-handlingsplan", "Solbakken sykehjem, Ringsaker kommune", "per 15.03.2026",
		"Filter: Ansvarlig: alle.",
		"Side 1 av "+strconv.Itoa(n), fmt.Sprintf("Side %d av %d", n, n),
		// The four areas, in order, with their counts.
		"Ledelse (2 tiltak)", "Helsefremmende arbeid (2 tiltak)", "Forebyggende sykefraværsarbeid (3 tiltak)", "Oppfølgende sykefraværsarbeid (1 tiltak)",
		"Tiltak", "Kilde", "Ansvarlig", "Frist", "Status", "Forfall",
		"Rutine for trusler fra pårørende", "Forfalt", "59 dager over", "Snart", "om 16 dager",
		"Møtevedtak 12/2025", "Åse Ødegård", "Vold og trusler",
		// Closed measures: completion date and effect.
		"utført 20.01.2026", "Effekt: Nye høyderegulerbare benker", "utført 20.02.2026",
		"Avvist fordi: Ikke plass i bygget", "opprinnelig", "01.02.2026", "Utsatt fordi: Venter på BHT.",
		"Leder", "Verneombud", "Tillitsvalgt", "Dato",
	)
	if strings.Contains(text, "Uten prioritert område") {
		t.Error("no measure lacks an area, so there should be no such group")
	}
	// Overdue first in their area: the measure due 15.01 before the one
	// due 01.03, and the due-soon one after both.
	a, b, c := strings.Index(text, "Rutine for trusler"), strings.Index(text, "Opplæring i forflytning"), strings.Index(text, "Alarm for alenearbeid")
	if !(a < b && b < c) {
		t.Errorf("order within the area: %d, %d, %d", a, b, c)
	}
	// The summary: 8 measures, 5 open, 2 overdue, 1 due soon.
	if !regexp.MustCompile(`3\s+1\s+1\s+1\s+1\s+1\s+8\s+5\s+2\s+1`).MatchString(text) {
		t.Error("summary counts not found")
	}
}

// TestActionPlanUnknownArea: measures without a valid area get their own
// group at the end rather than disappearing.
func TestActionPlanUnknownArea(t *testing.T) {
	ms := testMeasures()
	ms[2].PriorityArea = ""
	ms[2].Status = "ukjent"
	path := writePDF(t, ActionPlanReport(ActionPlanInput{Unit: testUnit, Measures: ms, Today: testToday}, testOpts()), "omrade.pdf")
	text := pdfText(t, path)
	mustContain(t, text, "Ledelse (1 tiltak)", "Uten prioritert område (1 tiltak)", "Medarbeidersamtaler", "ukjent")
	if strings.Index(text, "Uten prioritert område") < strings.Index(text, "Oppfølgende sykefraværsarbeid") {
		t.Error("the group without area should come last")
	}
}

func TestActionPlanEmpty(t *testing.T) {
	for _, c := range []struct{ filter, want string }{
		{"", "Ingen tiltak registrert i handlingsplanen."},
		{"Status: pågår", "Ingen tiltak passer filteret."},
	} {
		d := ActionPlanReport(ActionPlanInput{Unit: testUnit, Today: testToday, Filter: c.filter}, testOpts())
		path := writePDF(t, d, "tom-plan.pdf")
		qpdfCheck(t, path)
		text := pdfText(t, path)
		mustContain(t, text, c.want, "HMS-handlingsplan", "Side 1 av 1", "Verneombud")
		for _, no := range []string{"Ansvarlig", "Ledelse", "Planlagt"} {
			if strings.Contains(text, no) {
				t.Errorf("empty plan shows %q: there should be no table", no)
			}
		}
	}
}

// TestActionPlanLarge: 3 000 measures with descriptions up to many lines
// render, every row starts and ends on the same page, appears once and in
// order within its area, and every page has the table header.
func TestActionPlanLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("large PDF")
	}
	const n = 3000
	ms := bigPlan(n)
	d := ActionPlanReport(ActionPlanInput{Unit: testUnit, Measures: ms, Today: testToday}, testOpts())
	path := writePDF(t, d, "stor-plan.pdf")
	qpdfCheck(t, path)
	pgs := pagesConcurrently(t, path, d.PageCount())
	if len(pgs) < 100 {
		t.Fatalf("only %d pages for %d measures", len(pgs), n)
	}
	begins, ends := regexp.MustCompile(`BEGIN(\d{4})`), regexp.MustCompile(`END(\d{4})`)
	beginPage, endPage := map[int]int{}, map[int]int{}
	pos := map[int]int{} // index in the whole text, for the order check
	offset := 0
	for p, text := range pgs {
		for _, m := range begins.FindAllStringSubmatchIndex(text, -1) {
			i, _ := strconv.Atoi(text[m[2]:m[3]])
			if _, dup := beginPage[i]; dup {
				t.Errorf("measure %d printed twice", i)
			}
			beginPage[i], pos[i] = p+1, offset+m[0]
		}
		for _, m := range ends.FindAllStringSubmatch(text, -1) {
			i, _ := strconv.Atoi(m[1])
			endPage[i] = p + 1
		}
		if p > 0 && !(strings.Contains(text, "Tiltak") && strings.Contains(text, "Ansvarlig") && strings.Contains(text, "Forfall")) {
			t.Errorf("page %d: table header missing", p+1)
		}
		if !strings.Contains(text, fmt.Sprintf("Side %d av %d", p+1, len(pgs))) {
			t.Errorf("page %d: page number missing", p+1)
		}
		offset += len(text)
	}
	for i := range n {
		b, okB := beginPage[i]
		e, okE := endPage[i]
		if !okB || !okE {
			t.Errorf("measure %d: begin found %v, end found %v", i, okB, okE)
			continue
		}
		if b != e {
			t.Errorf("measure %d split: starts on page %d, ends on page %d", i, b, e)
		}
	}
	// Within an area the printout follows sortPlan.
	for _, g := range groupByArea(ms) {
		for k := 1; k < len(g.measures); k++ {
			var prev, cur int
			fmt.Sscanf(g.measures[k-1].Title, "BEGIN%d", &prev)
			fmt.Sscanf(g.measures[k].Title, "BEGIN%d", &cur)
			if pos[prev] > pos[cur] {
				t.Fatalf("%s: measure %d printed before %d", g.title, cur, prev)
			}
		}
	}
}

// pagesConcurrently returns the text of each of the n pages of a PDF,
// running pdftotext on as many page ranges at once as there are CPUs: on
// hundreds of pages it takes seconds.
func pagesConcurrently(t *testing.T, path string, n int) []string {
	t.Helper()
	needTool(t, "pdftotext", "poppler-utils")
	parts := min(runtime.NumCPU(), 8, n)
	texts := make([]string, parts)
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for k := range parts {
		from, to := k*n/parts+1, (k+1)*n/parts
		wg.Go(func() {
			out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8",
				"-f", strconv.Itoa(from), "-l", strconv.Itoa(to), path, "-").Output()
			texts[k], errs[k] = string(out), err
		})
	}
	wg.Wait()
	var all []string
	for k := range parts {
		if errs[k] != nil {
			t.Fatalf("pdftotext: %v", errs[k])
		}
		all = append(all, pages(texts[k])...)
	}
	if len(all) != n {
		t.Fatalf("pdftotext gave %d pages, want %d", len(all), n)
	}
	return all
}

// TestActionPlanTallRow: a description longer than a page is split
// between lines as a last resort, every line printed once and in order,
// and the rows around it are whole.
func TestActionPlanTallRow(t *testing.T) {
	var words []string
	for i := 1; i <= 420; i++ {
		words = append(words, fmt.Sprintf("ord%03d", i))
	}
	ms := testMeasures()[:3]
	for i := range ms {
		ms[i].PriorityArea = model.AreaLeadership
	}
	ms[1].Description = strings.Join(words, " ")
	path := writePDF(t, ActionPlanReport(ActionPlanInput{Unit: testUnit, Measures: ms, Today: testToday}, testOpts()), "hoy-rad.pdf")
	qpdfCheck(t, path)
	text := pdfText(t, path)
	if n := len(pages(text)); n < 2 {
		t.Fatalf("%d pages, want the long row to continue", n)
	}
	last := -1
	for _, w := range words {
		if c := strings.Count(text, w); c != 1 {
			t.Errorf("%s printed %d times", w, c)
		}
		i := strings.Index(text, w)
		if i < last {
			t.Errorf("%s out of order", w)
		}
		last = i
	}
	mustContain(t, text, "Ledelse (forts.)", "Opplæring i forflytning", "Medarbeidersamtaler")
}

func TestActionPlanSection(t *testing.T) {
	ms := testMeasures()
	ms = append(ms,
		// Created and done in 2025: not in the 2026 report.
		model.Measure{ID: 20, Title: "Gammelt tiltak", PriorityArea: model.AreaLeadership, Status: model.StatusUtfort,
			Deadline: date(2025, time.May, 1), CompletedOn: date(2025, time.April, 1), Created: date(2025, time.January, 1)},
		// Created after the year: not in it either, though open.
		model.Measure{ID: 21, Title: "Nytt tiltak fra 2027", PriorityArea: model.AreaLeadership, Status: model.StatusPlanlagt,
			Deadline: date(2027, time.May, 1), Created: date(2027, time.January, 10)},
		// Rejected in 2026.
		model.Measure{ID: 22, Title: "Avvist i år", PriorityArea: model.AreaHealthPromotion, Status: model.StatusAvvist,
			RejectReason: "For dyrt", Deadline: date(2026, time.May, 1), Created: date(2025, time.June, 1), Updated: date(2026, time.February, 1)},

		// From a safety round: the source names the round and the question's number.
		model.Measure{ID: 23, Title: "Rydde nødutgangen", PriorityArea: model.AreaHealthPromotion, Status: model.StatusPlanlagt,
			Deadline: date(2026, time.May, 1), Created: date(2026, time.March, 2),
			Source: model.Source{Kind: model.SourceSafetyRound, RefLabel: "Vernerunde 02.03.2026, nr. 4: Er nødutgangene frie"}},
	)
	d := testDoc("Årsrapport 2026")
	d.ActionPlanSection(ActionPlanInput{Unit: testUnit, Measures: ms, Today: testToday}, 2026)
	path := writePDF(t, d, "seksjon-plan.pdf")
	qpdfCheck(t, path)
	text := pdfText(t, path)
	mustContain(t, text, "Handlingsplan", "Tiltak i alt", "Opprettet i 2026", "Lukket i 2026", "Åpne per 15.03.2026",
		"Forfalt", "Frist innen 30 dager", "Planlagt 4, pågår 1, utsatt 1, utført 1, evaluert 1, avvist 1",
		"Avvist i år", "Ergonomisk gjennomgang", "Ledelse (1 tiltak)",
		"Åpne tiltak per 15.03.2026 (6)", "Utført eller avvist i 2026 (3)", "Vernerunde", "02.03.2026, nr. 4")
	// Open measures in full, the others one line each, after them.
	if i, j := strings.Index(text, "Åpne tiltak per"), strings.Index(text, "Utført eller avvist i 2026"); j < i {
		t.Error("the open measures should come first")
	}
	if i, j := strings.Index(text, "Utført eller avvist i 2026"), strings.Index(text, "Avvist i år"); j < i {
		t.Error("a rejected measure belongs in the short list")
	}
	for _, no := range []string{"Gammelt tiltak", "Nytt tiltak fra 2027", "Egen pauserom",
		"Effekt:", "Avvist fordi:", // the short list has no descriptions
		"Er nødutgangene frie"} { // the source names the round, not the question again
		if strings.Contains(text, no) {
			t.Errorf("%q does not belong in the 2026 report", no)
		}
	}
	if regexp.MustCompile(`Tiltak i alt\s+9\b`).FindString(text) == "" {
		t.Error("Tiltak i alt should be 9")
	}

	d = testDoc("Årsrapport 2024")
	d.ActionPlanSection(ActionPlanInput{Unit: testUnit, Measures: ms, Today: testToday}, 2024)
	d.Paragraph("Neste kapittel")
	text = pdfText(t, writePDF(t, d, "seksjon-tom.pdf"))
	mustContain(t, text, "Handlingsplan", "Ingen tiltak registrert for 2024.", "Neste kapittel")
	if strings.Contains(text, "Ansvarlig") {
		t.Error("an empty year should have no table")
	}
}

func TestMeasuresForYear(t *testing.T) {
	y := model.HMSYear(2026)
	for _, c := range []struct {
		m    model.Measure
		want bool
	}{
		{model.Measure{Status: model.StatusPlanlagt, Created: date(2024, 1, 1)}, true},                                 // still open
		{model.Measure{Status: model.StatusPlanlagt}, true},                                                            // open, no date
		{model.Measure{Status: model.StatusUtfort, Created: date(2026, 5, 1), CompletedOn: date(2026, 6, 1)}, true},    // created in year
		{model.Measure{Status: model.StatusEvaluert, Created: date(2025, 5, 1), CompletedOn: date(2026, 1, 1)}, true},  // closed in year
		{model.Measure{Status: model.StatusUtfort, Created: date(2025, 5, 1), CompletedOn: date(2025, 12, 31)}, false}, // closed before
		{model.Measure{Status: model.StatusAvvist, Created: date(2025, 5, 1), Updated: date(2026, 3, 1)}, true},        // rejected in year
		{model.Measure{Status: model.StatusAvvist, Created: date(2025, 5, 1), Updated: date(2025, 6, 1)}, false},       // rejected before
		{model.Measure{Status: model.StatusPagar, Created: date(2027, 1, 2)}, false},                                   // after the year
		{model.Measure{Status: model.StatusUtfort, Created: date(2026, 12, 31), CompletedOn: date(2027, 1, 2)}, true},  // created on the last day
	} {
		got := len(model.MeasuresForYear([]model.Measure{c.m}, y)) == 1
		if got != c.want {
			t.Errorf("%+v: in 2026 = %v, want %v", c.m, got, c.want)
		}
	}
}

// BenchmarkActionPlanReport3000 builds and renders the action plan with
// 3 000 measures with wrapped descriptions.
func BenchmarkActionPlanReport3000(b *testing.B) {
	ms := bigPlan(3000)
	in := ActionPlanInput{Unit: testUnit, Measures: ms, Today: testToday}
	b.ReportAllocs()
	pages := 0
	for b.Loop() {
		d := ActionPlanReport(in, testOpts())
		out, err := d.Bytes()
		if err != nil {
			b.Fatal(err)
		}
		pages = d.PageCount()
		b.SetBytes(int64(len(out)))
	}
	b.ReportMetric(float64(pages), "pages")
}

// TestSignaturesKeptTogether: the signature block moves to the next page
// whole, with its heading, rather than leaving one row behind.
func TestSignaturesKeptTogether(t *testing.T) {
	for _, room := range []float64{30, 45, 60} {
		d := testDoc("Underskrifter")
		for i := 0; d.PageCount() == 0 || d.y() < d.bottom-room; i++ {
			d.Paragraph(fmt.Sprintf("Fyll %d", i))
		}
		d.Heading(2, "Underskrifter")
		d.signatures([]string{"Leder", "Verneombud", "Tillitsvalgt"})
		path := writePDF(t, d, "underskrifter.pdf")
		last := pageText(t, path, pageCount(t, path))
		for _, want := range []string{"Underskrifter", "Leder", "Verneombud", "Tillitsvalgt"} {
			if !strings.Contains(last, want) {
				t.Errorf("room %v mm: %q not on the last page", room, want)
			}
		}
	}
}

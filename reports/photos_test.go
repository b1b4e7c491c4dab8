package reports

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"os"
	"strings"
	"testing"

	"hmsutvalg/internal/attach"
	"hmsutvalg/model"
)

// scene draws a simple picture: sky, floor and a red box in the way, w×h.
func scene(w, h int, box color.RGBA) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), &image.Uniform{color.RGBA{200, 220, 240, 255}}, image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, h*2/3, w, h), &image.Uniform{color.RGBA{120, 100, 80, 255}}, image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(w/3, h/3, w*2/3, h*5/6), &image.Uniform{box}, image.Point{}, draw.Src)
	var b bytes.Buffer
	_ = jpeg.Encode(&b, img, &jpeg.Options{Quality: 90})
	return b.Bytes()
}

// thumb is the thumbnail the import makes of a scene.
func thumb(t testing.TB, w, h int, box color.RGBA) []byte {
	t.Helper()
	f, err := attach.Import("bilde.jpg", scene(w, h, box))
	if err != nil {
		t.Fatal(err)
	}
	return f.Thumb
}

func TestSafetyRoundReportWithPhotos(t *testing.T) {
	needTool(t, "pdfimages", "poppler-utils")
	prev, r, ms := testRounds(t)
	photos := []Photo{
		{Caption: "Nr. 2: Slukkeapparatet i gangen, sist kontrollert 2023", JPEG: thumb(t, 1600, 1200, color.RGBA{220, 30, 30, 255})},
		{Caption: "Nr. 2", JPEG: thumb(t, 900, 1600, color.RGBA{30, 160, 30, 255})},
		{Caption: "Nr. 3: Badet uten glidematter – et langt bildetekst som må brytes over flere linjer under bildet for å få plass", JPEG: thumb(t, 1600, 700, color.RGBA{30, 30, 200, 255})},
		{Caption: "Nr. 3: skadet fil", JPEG: []byte("ikke et bilde")},
		{Caption: "Nr. 3: femte bilde på ny rad", JPEG: thumb(t, 800, 800, color.RGBA{240, 200, 0, 255})},
	}
	d := SafetyRoundReport(SafetyRoundInput{Unit: testUnit, Round: r, Previous: &prev, Measures: ms, Today: testToday, Photos: photos},
		Options{Deterministic: true, Created: fixedCreated})
	path := writePDF(t, d, "vernerunde-bilder.pdf")
	qpdfCheck(t, path)
	text := strings.Join(strings.Fields(pdfText(t, path)), " ")
	for _, want := range []string{"Bilder fra funnene", "Nr. 2: Slukkeapparatet i gangen", "Bildet kan ikke vises", "femte bilde på ny rad"} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	// Four pictures, each embedded once as a JPEG (DCT) image.
	list := run(t, "pdfimages", "-list", path)
	if n := strings.Count(list, " jpeg "); n != 4 {
		t.Errorf("%d JPEG images in the PDF, want 4:\n%s", n, list)
	}
}

func readAll(t *testing.T, path string) []byte {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func TestPhotosLimitAndSections(t *testing.T) {
	th := thumb(t, 400, 300, color.RGBA{200, 0, 0, 255})
	var many []Photo
	for range MaxPhotosPerSection + 3 {
		many = append(many, Photo{Caption: "Avvik nr. 1", JPEG: th})
	}
	d := testDoc("Bilder")
	d.DeviationSection(DeviationSectionInput{Year: 2026, Today: testToday, Photos: many, Deviations: []model.Deviation{
		{ID: 1, Date: model.NewDate(2026, 2, 3), Category: model.DevInjury, Type: model.TypeIncident, Severity: model.SeveritySerious, Status: model.DevRegistered},
	}})
	path := writePDF(t, d, "avvik-bilder.pdf")
	qpdfCheck(t, path)
	text := pdfText(t, path)
	if !strings.Contains(text, "Bilder fra alvorlige avvik") || !strings.Contains(text, "3 bilder til er ikke tatt med her") {
		t.Errorf("section text:\n%s", text)
	}
	// Only MaxPhotosPerSection are placed, and the same thumbnail is
	// stored once however often it is shown.
	list := run(t, "pdfimages", "-list", path)
	if n := strings.Count(list, " jpeg "); n != MaxPhotosPerSection {
		t.Errorf("%d image placements, want %d", n, MaxPhotosPerSection)
	}
	if raw := readAll(t, path); bytes.Count(raw, []byte("/Subtype /Image")) != 1 {
		t.Errorf("the thumbnail is embedded %d times", bytes.Count(raw, []byte("/Subtype /Image")))
	}
}

// Pictures of the same width (all thumbnails of 4:3 photos are 256 px
// wide) must not make a deterministic report differ between runs.
func TestPhotosDeterministic(t *testing.T) {
	var ps []Photo
	for i := range 8 {
		ps = append(ps, Photo{Caption: "Bilde", JPEG: thumb(t, 400, 300, color.RGBA{uint8(30 * i), 90, 200, 255})})
	}
	build := func() []byte {
		d := testDoc("Bilder")
		d.Photos(ps)
		raw, err := d.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		return raw
	}
	first := build()
	for range 3 {
		if !bytes.Equal(first, build()) {
			t.Fatal("two runs differ")
		}
	}
}

// A deviation photo's caption names the number the serious-deviation table
// shows, so a reader finds the row.
func TestDeviationPhotoCaptionMatchesTable(t *testing.T) {
	th := thumb(t, 400, 300, color.RGBA{200, 0, 0, 255})
	in := model.AnnualData{Deviations: []model.Deviation{
		{ID: 42, Date: model.NewDate(2026, 2, 3), Category: model.DevFire, Type: model.TypeDeviation, Severity: model.SeveritySerious, Status: model.DevRegistered},
		{ID: 57, Date: model.NewDate(2026, 3, 9), Category: model.DevInjury, Type: model.TypeIncident, Severity: model.SeveritySerious, Status: model.DevRegistered},
	}}
	in.Photos = []model.ReportPhoto{{Attachment: model.Attachment{OwnerKind: model.OwnerDeviation, OwnerID: 42, Caption: "Rømningsveien er sperret"}, JPEG: th}}
	d := testDoc("Bilder")
	d.DeviationSection(DeviationSectionInput{Year: 2026, Today: testToday, Photos: annualPhotos(&in, model.OwnerDeviation), Deviations: in.Deviations})
	path := writePDF(t, d, "avvik-nr.pdf")
	text := strings.Join(strings.Fields(pdfText(t, path)), " ")
	for _, want := range []string{"Nr Dato Kategori", "42 03.02.2026", "57 09.03.2026", "Avvik nr. 42, 03.02.2026: Rømningsveien er sperret"} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q:\n%s", want, text)
		}
	}
}

// Pictures scaled in advance on another goroutine (prescalePhotos, the
// annual report) give the PDF that scaling them in place gives, whether
// the advance guess of their widths is right or wrong.
func TestPrescaledPhotosSamePDF(t *testing.T) {
	var first, second []Photo
	for i := range 6 {
		p := Photo{Caption: "Bilde", JPEG: thumb(t, 400, 300, color.RGBA{uint8(30 * i), 90, 200, 255})}
		if i < 4 {
			first = append(first, p)
		} else {
			second = append(second, p)
		}
	}
	first = append(first, Photo{Caption: "skadet", JPEG: []byte("ikke et bilde")}, first[0])
	build := func(s *photoScaler) []byte {
		d := testDoc("Bilder")
		d.prescaled = s
		d.Photos(first)
		d.Photos(second)
		raw, err := d.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		return raw
	}
	want := build(nil)
	right := prescalePhotos(first, second)
	if got := len(right.m); got != 5 {
		t.Errorf("%d pictures scaled in advance, want 5 (six of one width, one of them shown twice)", got)
	}
	if !bytes.Equal(build(right), want) {
		t.Error("the PDF with the pictures scaled in advance differs")
	}
	// In the wrong order every width is guessed wrong but one.
	if !bytes.Equal(build(prescalePhotos(second, first)), want) {
		t.Error("the PDF with a wrong guess differs")
	}
}

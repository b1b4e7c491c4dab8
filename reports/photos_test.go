package reports

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"

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

// photoAnnualData is the annual-report unit with n photos on a serious
// deviation and n on a safety-round finding, all thumbnails of 4:3
// photos and so all 256 px wide, each a picture of its own.
func photoAnnualData(t *testing.T, n int) model.AnnualData {
	in := testAnnualData()
	_, r, _ := testRounds(t)
	in.SafetyRounds = []model.SafetyRound{r}
	in.InUse = map[string]bool{model.ModuleAvvik: true, model.ModuleVernerunder: true}
	in.Deviations = append(in.Deviations, model.Deviation{ID: 42, Date: model.NewDate(2026, 2, 3), Category: model.DevFire,
		Type: model.TypeDeviation, Severity: model.SeveritySerious, Status: model.DevRegistered})
	for i := range 2 * n {
		a := model.Attachment{OwnerKind: model.OwnerDeviation, OwnerID: 42, Caption: fmt.Sprintf("bilde %d", i)}
		if i >= n {
			a = model.Attachment{OwnerKind: model.OwnerFinding, OwnerID: r.ID, Question: 2, Caption: fmt.Sprintf("bilde %d", i)}
		}
		box := color.RGBA{uint8(4 * i), uint8(255 - 3*i), 120, 255}
		in.Photos = append(in.Photos, model.ReportPhoto{Attachment: a, JPEG: thumb(t, 400, 300, box)})
	}
	return in
}

// photoList is pdfimages' list of a PDF's image placements: each
// picture's width and object number, in the order drawn.
func photoList(t *testing.T, raw []byte) (widths, objs []int) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bilder.pdf")
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	qpdfCheck(t, path)
	for _, l := range strings.Split(run(t, "pdfimages", "-list", path), "\n") {
		f := strings.Fields(l)
		if len(f) < 11 || f[2] != "image" {
			continue
		}
		w, _ := strconv.Atoi(f[3])
		o, _ := strconv.Atoi(f[10])
		widths, objs = append(widths, w), append(objs, o)
	}
	return widths, objs
}

// The annual report with more same-width pictures than a section shows,
// in both sections, is the same PDF run after run. The pictures keep
// their stored pixels (256 px wide) and are written in the order they are
// drawn; with gofpdf's field out of reach (photoScaled), the fallback
// scales each to a width of its own, and is as deterministic.
func TestAnnualReportPhotosDeterministic(t *testing.T) {
	needTool(t, "pdfimages", "poppler-utils")
	in := photoAnnualData(t, MaxPhotosPerSection+6)
	build := func() []byte {
		raw, err := AnnualReport(in, testOpts()).Bytes()
		if err != nil {
			t.Fatal(err)
		}
		return raw
	}
	for _, scaled := range []bool{false, true} {
		newDocumentsScalePhotos = scaled
		first := build()
		for range 4 {
			if !bytes.Equal(first, build()) {
				t.Errorf("scaled %v: two runs differ", scaled)
				break
			}
		}
		newDocumentsScalePhotos = false
		widths, objs := photoList(t, first)
		if len(widths) != 2*MaxPhotosPerSection {
			t.Fatalf("scaled %v: %d pictures placed, want %d", scaled, len(widths), 2*MaxPhotosPerSection)
		}
		for i := range widths {
			switch {
			case !scaled && widths[i] != model.ThumbLongestSide:
				t.Errorf("picture %d is %d px wide, want its stored %d", i, widths[i], model.ThumbLongestSide)
			case scaled && widths[i] != model.ThumbLongestSide-i:
				t.Errorf("scaled: picture %d is %d px wide, want %d", i, widths[i], model.ThumbLongestSide-i)
			case !scaled && i > 0 && objs[i] != objs[i-1]+1:
				t.Errorf("picture %d is object %d, after %d: not in drawing order", i, objs[i], objs[i-1])
			}
		}
	}
}

// The same picture drawn again is embedded once and keeps its place;
// a damaged file between pictures does not move the others.
func TestPhotosRepeatedKeepOrder(t *testing.T) {
	needTool(t, "pdfimages", "poppler-utils")
	var ps []Photo
	for i := range 6 {
		ps = append(ps, Photo{Caption: "Bilde", JPEG: thumb(t, 400, 300, color.RGBA{uint8(30 * i), 90, 200, 255})})
	}
	ps = append(ps, Photo{Caption: "skadet", JPEG: []byte("ikke et bilde")}, ps[0], ps[5])
	build := func() []byte {
		d := testDoc("Bilder")
		d.Photos(ps[:4])
		d.Photos(ps[4:])
		raw, err := d.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		return raw
	}
	raw := build()
	for range 4 {
		if !bytes.Equal(raw, build()) {
			t.Fatal("two runs differ")
		}
	}
	if n := bytes.Count(raw, []byte("/Subtype /Image")); n != 6 {
		t.Errorf("%d images embedded, want 6", n)
	}
	_, objs := photoList(t, raw)
	want := []int{0, 1, 2, 3, 4, 5, 0, 5} // placements, by picture
	if len(objs) != len(want) {
		t.Fatalf("%d placements, want %d", len(objs), len(want))
	}
	for i, p := range want {
		if objs[i] != objs[0]+p {
			t.Errorf("placement %d is object %d, want %d", i, objs[i], objs[0]+p)
		}
	}
}

// gofpdf's width field is found in the pinned version, and a field of
// another name or type is not: then New's documents take the fallback.
func TestImageWidthField(t *testing.T) {
	if imageWidthOffset == noField {
		t.Fatal("gofpdf.ImageInfoType.w not found: every deterministic report scales its pictures")
	}
	if fieldOffset[gofpdf.ImageInfoType, int]("w") != noField || fieldOffset[gofpdf.ImageInfoType, float64]("width") != noField {
		t.Error("a field of another type or name is taken for the width")
	}
	if New(Options{Deterministic: true}).photoScaled {
		t.Error("a deterministic document scales its pictures although the field is there")
	}
}

// The annual report's read fetches the thumbnails of the photos a section
// prints only (model.ReportPhoto: JPEG nil beyond
// MaxPhotosPerSection): the report prints those, counts the rest in its
// note, and never reaches a photo without its thumbnail.
func TestAnnualReportPrintsWhatTheReadFetched(t *testing.T) {
	needTool(t, "pdfimages", "poppler-utils")
	in := photoAnnualData(t, MaxPhotosPerSection+6)
	seen := map[model.AttachmentOwner]int{}
	for i := range in.Photos {
		kind := in.Photos[i].Attachment.OwnerKind
		if seen[kind]++; seen[kind] > MaxPhotosPerSection {
			in.Photos[i].JPEG = nil
		}
	}
	raw, err := AnnualReport(in, testOpts()).Bytes()
	if err != nil {
		t.Fatal(err)
	}
	widths, _ := photoList(t, raw)
	if len(widths) != 2*MaxPhotosPerSection {
		t.Errorf("%d pictures placed, want %d", len(widths), 2*MaxPhotosPerSection)
	}
	path := filepath.Join(t.TempDir(), "rapport.pdf")
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, path)
	if n := strings.Count(text, "6 bilder til er ikke tatt med her"); n != 2 {
		t.Errorf("the note about the photos not printed appears %d times, want 2 (one per section)", n)
	}
	if strings.Contains(text, "Bildet kan ikke vises") {
		t.Error("a photo without its thumbnail was printed")
	}
}

package attach

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hmsutvalg/model"
)

// marked is a w×h image, grey, with a red block in the top-left corner
// and a blue one in the bottom-left, so a turn can be seen in the result.
func marked(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	bw, bh := max(1, w/5), max(1, h/5)
	for y := range h {
		for x := range w {
			c := color.NRGBA{128, 128, 128, 255}
			switch {
			case x < bw && y < bh:
				c = color.NRGBA{255, 0, 0, 255}
			case x < bw && y >= h-bh:
				c = color.NRGBA{0, 0, 255, 255}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

func encJPEG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encPNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// withExif inserts an APP1 EXIF segment after the JPEG's SOI: IFD0 with
// Make "HMSTestKamera", Orientation o and a GPS IFD (latitude N 59°54′).
func withExif(jpg []byte, o uint16) []byte {
	be := binary.BigEndian
	var t bytes.Buffer
	t.WriteString("MM\x00\x2a")
	_ = binary.Write(&t, be, uint32(8))
	// IFD0 at 8: 3 entries (2+36+4 = 42 bytes) → data from 50.
	const make_ = "HMSTestKamera\x00"
	gpsAt := uint32(8 + 42 + len(make_))
	entry := func(tag, typ uint16, count, value uint32) {
		_ = binary.Write(&t, be, tag)
		_ = binary.Write(&t, be, typ)
		_ = binary.Write(&t, be, count)
		_ = binary.Write(&t, be, value)
	}
	_ = binary.Write(&t, be, uint16(3))
	entry(0x010F, 2, uint32(len(make_)), 50)
	entry(0x0112, 3, 1, uint32(o)<<16) // SHORT left-justified in the value field
	entry(0x8825, 4, 1, gpsAt)
	_ = binary.Write(&t, be, uint32(0))
	t.WriteString(make_)
	// GPS IFD: 2 entries (2+24+4 = 30) → rationals after it.
	_ = binary.Write(&t, be, uint16(2))
	entry(0x0001, 2, 2, uint32('N')<<24)
	entry(0x0002, 5, 3, gpsAt+30)
	_ = binary.Write(&t, be, uint32(0))
	for _, r := range [][2]uint32{{59, 1}, {54, 1}, {1234, 100}} {
		_ = binary.Write(&t, be, r)
	}
	payload := append([]byte("Exif\x00\x00"), t.Bytes()...)
	seg := []byte{0xFF, 0xE1, 0, 0}
	be.PutUint16(seg[2:], uint16(len(payload)+2))
	out := append([]byte{}, jpg[:2]...)
	out = append(out, seg...)
	out = append(out, payload...)
	return append(out, jpg[2:]...)
}

// decodeOut decodes a stored JPEG and checks it is one.
func decodeOut(t *testing.T, data []byte) image.Image {
	t.Helper()
	img, format, err := image.Decode(bytes.NewReader(data))
	if err != nil || format != "jpeg" {
		t.Fatalf("stored data is not a JPEG: %v %q", err, format)
	}
	return img
}

// isRed/isBlue read a stored pixel after JPEG compression.
func isRed(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	return r > 0xC000 && g < 0x5000 && b < 0x5000
}

func isBlue(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	return b > 0xC000 && r < 0x5000 && g < 0x5000
}

func TestImportPNGIsDownscaledToJPEG(t *testing.T) {
	src := marked(2000, 1000)
	src.SetNRGBA(1999, 999, color.NRGBA{0, 0, 0, 0}) // transparency becomes white
	f, err := Import("skjerm.png", encPNG(t, src))
	if err != nil {
		t.Fatal(err)
	}
	if f.Kind != model.AttachPhoto || f.Width != 1600 || f.Height != 800 || f.Filename != "skjerm.png" {
		t.Fatalf("got %v %d×%d %q", f.Kind, f.Width, f.Height, f.Filename)
	}
	img := decodeOut(t, f.Data)
	if b := img.Bounds(); b.Dx() != 1600 || b.Dy() != 800 {
		t.Fatalf("stored %v", b)
	}
	if !isRed(img.At(10, 10)) || !isBlue(img.At(10, 790)) {
		t.Error("the picture was turned although a PNG has no orientation")
	}
	th := decodeOut(t, f.Thumb)
	if b := th.Bounds(); b.Dx() != 256 || b.Dy() != 128 {
		t.Errorf("thumbnail %v, want 256×128", b)
	}
	lt := decodeOut(t, f.ListThumb)
	if b := lt.Bounds(); b.Dx() != 112 || b.Dy() != 56 {
		t.Errorf("list thumbnail %v, want 112×56", b)
	}
	if !isRed(lt.At(3, 3)) || !isBlue(lt.At(3, 53)) {
		t.Error("list thumbnail lost the picture's corners")
	}
}

// The list thumbnail is small (a few kB, however large the photo) and
// the migration's ListThumb makes the same size from a stored photo.
func TestListThumbIsSmall(t *testing.T) {
	f, err := Import("stor.jpeg", encJPEG(t, noisy(2400, 1800)))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(f.ListThumb); n > 8<<10 || n < 500 {
		t.Errorf("list thumbnail is %d B, want a few kB", n)
	}
	if b := decodeOut(t, f.ListThumb).Bounds(); b.Dx() != 112 || b.Dy() != 84 {
		t.Errorf("list thumbnail %v, want 112×84", b)
	}
	for _, src := range [][]byte{f.Data, f.Thumb} {
		lt, err := ListThumb(src)
		if err != nil {
			t.Fatal(err)
		}
		if b := decodeOut(t, lt).Bounds(); b.Dx() != 112 || b.Dy() != 84 {
			t.Errorf("ListThumb of a stored photo %v, want 112×84", b)
		}
	}
	if _, err := ListThumb([]byte("ikke et bilde")); err == nil {
		t.Error("ListThumb accepted a text")
	}
	if _, err := ListThumb(encJPEG(t, marked(16, 16))[:200]); err == nil {
		t.Error("ListThumb accepted a truncated JPEG")
	}
}

// noisy is a picture that compresses like a photo.
func noisy(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	seed := uint32(1)
	for y := range h {
		for x := range w {
			seed = seed*1664525 + 1013904223
			n := uint8(seed >> 26)
			img.SetNRGBA(x, y, color.NRGBA{uint8(x*200/w) + n, uint8(y*200/h) + n, 90 + n, 255})
		}
	}
	return img
}

func TestImportSmallJPEGIsNotEnlarged(t *testing.T) {
	f, err := Import("liten.jpg", encJPEG(t, marked(300, 200)))
	if err != nil {
		t.Fatal(err)
	}
	if f.Width != 300 || f.Height != 200 {
		t.Fatalf("got %d×%d, want 300×200", f.Width, f.Height)
	}
	if b := decodeOut(t, f.Thumb).Bounds(); b.Dx() != 256 || b.Dy() != 171 {
		t.Errorf("thumbnail %v, want 256×171", b)
	}
}

func TestImportLargeJPEG(t *testing.T) {
	f, err := Import("stor.jpeg", encJPEG(t, marked(2400, 1800)))
	if err != nil {
		t.Fatal(err)
	}
	img := decodeOut(t, f.Data)
	if b := img.Bounds(); b.Dx() != 1600 || b.Dy() != 1200 {
		t.Fatalf("stored %v, want 1600×1200", b)
	}
	if !isRed(img.At(20, 20)) || !isBlue(img.At(20, 1180)) {
		t.Error("markers lost in downscaling")
	}
}

func TestImportAppliesOrientationAndDropsExif(t *testing.T) {
	in := withExif(encJPEG(t, marked(400, 200)), 6)
	if exifOrientation(in) != 6 || !bytes.Contains(in, []byte("HMSTestKamera")) {
		t.Fatal("test image lacks its EXIF")
	}
	f, err := Import("IMG_2025.jpg", in)
	if err != nil {
		t.Fatal(err)
	}
	if f.Width != 200 || f.Height != 400 {
		t.Fatalf("got %d×%d, want it turned to 200×400", f.Width, f.Height)
	}
	img := decodeOut(t, f.Data)
	// A quarter turn clockwise: top-left goes to top-right, bottom-left to top-left.
	if !isRed(img.At(190, 10)) || !isBlue(img.At(10, 10)) {
		t.Errorf("not turned clockwise: top-right %v, top-left %v", img.At(190, 10), img.At(10, 10))
	}
	for _, data := range [][]byte{f.Data, f.Thumb} {
		if exifSegment(data) != nil || bytes.Contains(data, []byte("Exif")) ||
			bytes.Contains(data, []byte("HMSTestKamera")) || bytes.Contains(data, []byte("MM\x00\x2a")) {
			t.Error("EXIF (camera, GPS) survived the import")
		}
		if hasAPPn(data) {
			t.Error("stored JPEG has an application segment")
		}
	}
}

// hasAPPn reports an APP1–APP15 segment (EXIF, XMP …) before the scan.
func hasAPPn(data []byte) bool {
	for p := 2; p+4 <= len(data) && data[p] == 0xFF; {
		m := data[p+1]
		if m == 0xDA {
			return false
		}
		if m >= 0xE1 && m <= 0xEF {
			return true
		}
		p += 2 + int(binary.BigEndian.Uint16(data[p+2:]))
	}
	return false
}

func TestImportPDF(t *testing.T) {
	pdf := []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
	f, err := Import(`C:\Dokumenter\brannrapport.pdf`, pdf)
	if err != nil {
		t.Fatal(err)
	}
	if f.Kind != model.AttachPDF || !bytes.Equal(f.Data, pdf) || f.Thumb != nil || f.Filename != "brannrapport.pdf" {
		t.Fatalf("got %+v", f)
	}
}

// pngBomb is a PNG header claiming w×h pixels, with a correct CRC, and
// no image data.
func pngBomb(w, h uint32) []byte {
	ihdr := make([]byte, 17)
	copy(ihdr, "IHDR")
	binary.BigEndian.PutUint32(ihdr[4:], w)
	binary.BigEndian.PutUint32(ihdr[8:], h)
	ihdr[12], ihdr[13] = 8, 2 // 8 bit RGB
	out := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0d")
	out = append(out, ihdr...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(ihdr))
}

// jpegBomb is a JPEG whose frame header claims w×h pixels.
func jpegBomb(t *testing.T, w, h uint16) []byte {
	data := encJPEG(t, marked(16, 16))
	i := bytes.Index(data, []byte{0xFF, 0xC0})
	if i < 0 {
		t.Fatal("no SOF0")
	}
	binary.BigEndian.PutUint16(data[i+5:], h)
	binary.BigEndian.PutUint16(data[i+7:], w)
	return data
}

func TestImportRefusesBadFiles(t *testing.T) {
	good := encJPEG(t, marked(200, 100))
	tests := []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"text renamed to jpg", "bilde.jpg", []byte("Dette er bare tekst, ikke et bilde.\n"), "«bilde.jpg» er verken et JPEG- eller PNG-bilde eller en PDF"},
		{"truncated jpeg", "halv.jpg", good[:len(good)/2], "«halv.jpg» kan ikke legges ved: bildet er skadet eller ufullstendig."},
		{"jpeg magic only", "a.jpg", []byte{0xFF, 0xD8, 0xFF, 0xE0, 0, 0}, "skadet eller ufullstendig"},
		{"png bomb", "bombe.png", pngBomb(100_000, 100_000), "bildet er 100000 × 100000 punkter, mer enn de 50 millioner"},
		{"png just over the limit", "bombe.png", pngBomb(10_000, 5_001), "bildet er 10000 × 5001 punkter"},
		{"jpeg bomb", "bombe.jpg", jpegBomb(t, 65000, 65000), "bildet er 65000 × 65000 punkter"},
		{"png header only", "a.png", pngBomb(100, 100), "skadet eller ufullstendig"},
		{"truncated pdf", "a.pdf", []byte("%PDF-1.4\n1 0 obj<<>>"), "PDF-filen er ufullstendig"},
		{"too large photo", "stor.jpg", append(good, make([]byte, model.MaxPhotoInputBytes)...), "Bildet «stor.jpg» er 10,0 MB, men kan være høyst 10,0 MB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Import(tt.file, tt.data)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestReadFileRefusesHugeFileWithoutReadingIt(t *testing.T) {
	p := filepath.Join(t.TempDir(), "enorm.pdf")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = f.WriteString("%PDF-1.7\n")
	if err := f.Truncate(200 << 20); err != nil { // sparse: costs no disk
		t.Fatal(err)
	}
	f.Close()
	_, err = ReadFile(p)
	if err == nil || !strings.Contains(err.Error(), "PDF-en «enorm.pdf» er 200,0 MB, men kan være høyst 20,0 MB") {
		t.Fatalf("got %v", err)
	}
	ok := filepath.Join(t.TempDir(), "ok.png")
	if err := os.WriteFile(ok, encPNG(t, marked(40, 30)), 0o600); err != nil {
		t.Fatal(err)
	}
	if f, err := ReadFile(ok); err != nil || f.Width != 40 {
		t.Fatalf("ReadFile of a small PNG: %+v %v", f, err)
	}
}

func TestOrientAllEight(t *testing.T) {
	// A 3×2 image with a marker in the stored top-left pixel; where it
	// shows after each orientation, by the TIFF definition.
	want := map[int]image.Point{1: {0, 0}, 2: {2, 0}, 3: {2, 1}, 4: {0, 1}, 5: {0, 0}, 6: {1, 0}, 7: {1, 2}, 8: {0, 2}}
	for o, p := range want {
		src := image.NewRGBA(image.Rect(0, 0, 3, 2))
		src.Set(0, 0, color.RGBA{255, 0, 0, 255})
		dst := orient(src, o)
		if o >= 5 && (dst.Bounds().Dx() != 2 || dst.Bounds().Dy() != 3) {
			t.Errorf("orientation %d: size %v", o, dst.Bounds())
		}
		if r, _, _, _ := dst.At(p.X, p.Y).RGBA(); r != 0xFFFF {
			t.Errorf("orientation %d: marker not at %v", o, p)
		}
	}
}

func TestExifOrientationOfDamagedData(t *testing.T) {
	good := withExif(encJPEG(t, marked(8, 8)), 8)
	if got := exifOrientation(good); got != 8 {
		t.Fatalf("good EXIF: %d", got)
	}
	seg := bytes.Index(good, []byte("Exif"))
	for name, mod := range map[string]func([]byte){
		"ifd offset beyond the end": func(b []byte) { binary.BigEndian.PutUint32(b[seg+6+4:], 0xFFFFFF) },
		"bad byte order":            func(b []byte) { b[seg+6] = 'X' },
		"orientation out of range":  func(b []byte) { binary.BigEndian.PutUint16(b[seg+6+8+2+12+8:], 9) },
		"segment length too long":   func(b []byte) { binary.BigEndian.PutUint16(b[4:], 0xFFFF) },
		"no orientation tag":        func(b []byte) { binary.BigEndian.PutUint16(b[seg+6+8+2+12:], 0x0113) },
		"orientation not a SHORT":   func(b []byte) { binary.BigEndian.PutUint16(b[seg+6+8+2+12+2:], 4) },
	} {
		b := bytes.Clone(good)
		mod(b)
		if got := exifOrientation(b); got != 1 {
			t.Errorf("%s: orientation %d, want 1", name, got)
		}
	}
	if exifOrientation(nil) != 1 || exifOrientation([]byte{0xFF, 0xD8}) != 1 {
		t.Error("short data")
	}
}

func FuzzImport(f *testing.F) {
	f.Add(encJPEG(f, marked(20, 10)))
	f.Add(withExif(encJPEG(f, marked(20, 10)), 6))
	f.Add(encPNG(f, marked(12, 9)))
	f.Add(pngBomb(100_000, 100_000))
	f.Add([]byte("%PDF-1.4\n%%EOF"))
	f.Add([]byte("tekst"))
	maxPixels = 1 << 20
	f.Cleanup(func() { maxPixels = model.MaxPhotoPixels })
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := Import("fuzz.jpg", data)
		if err != nil {
			var fe *model.FieldError
			if !asFieldError(err, &fe) {
				t.Fatalf("refusal is not a FieldError: %T %v", err, err)
			}
			return
		}
		if out.Kind == model.AttachPhoto {
			if out.Width < 1 || out.Height < 1 || max(out.Width, out.Height) > model.PhotoLongestSide {
				t.Fatalf("stored size %d×%d", out.Width, out.Height)
			}
			if exifSegment(out.Data) != nil {
				t.Fatal("EXIF kept")
			}
			if lt := decodeOut(t, out.ListThumb).Bounds(); max(lt.Dx(), lt.Dy()) > model.ListThumbLongestSide {
				t.Fatalf("list thumbnail %v", lt)
			}
		}
	})
}

func asFieldError(err error, fe **model.FieldError) bool { return errors.As(err, fe) }

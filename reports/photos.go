package reports

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/jpeg"
	"reflect"
	"unsafe"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/draw"

	"hmsutvalg/model"
)

// Photo is a picture in a report: a JPEG (the stored thumbnail) and the
// caption printed under it.
type Photo struct {
	Caption string
	JPEG    []byte
}

// MaxPhotosPerSection keeps a section of a heavy unit readable: the rest
// are counted in a note. The annual report's read fetches the thumbnails
// of these only (model.ReportPhoto).
const MaxPhotosPerSection = model.MaxReportPhotosPerSection

// Photo grid geometry in mm.
const (
	photoCols    = 4
	photoGap     = 4.0
	photoCaption = 7.5 // pt
	photoLines   = 3   // caption lines at most
)

// PhotosFrom turns report photos into captioned pictures; caption makes
// each one's text (it gets the attachment).
func PhotosFrom(ps []model.ReportPhoto, caption func(model.Attachment) string) []Photo {
	out := make([]Photo, 0, len(ps))
	for _, p := range ps {
		out = append(out, Photo{Caption: caption(p.Attachment), JPEG: p.JPEG})
	}
	return out
}

// Photos prints pictures as a grid of thumbnails, four to a row, each
// with its caption; a row is never split over two pages. More than
// MaxPhotosPerSection are counted in a note instead of printed. A
// picture that cannot be read is replaced by a line saying so, so one
// damaged file never costs the report.
func (d *Document) Photos(ps []Photo) {
	if !d.begin() || len(ps) == 0 {
		return
	}
	defer d.recover()
	rest := 0
	if len(ps) > MaxPhotosPerSection {
		ps, rest = ps[:MaxPhotosPerSection], len(ps)-MaxPhotosPerSection
	}
	w := (d.width() - photoGap*(photoCols-1)) / photoCols
	boxH := w * 0.75
	lh := lineHeight(photoCaption)
	for i := 0; i < len(ps); i += photoCols {
		row := ps[i:min(i+photoCols, len(ps))]
		d.setFont(styleRegular, photoCaption)
		captions := make([][]string, len(row))
		lines := 1
		for j, p := range row {
			captions[j] = d.split(p.Caption, w)
			if len(captions[j]) > photoLines {
				captions[j] = append(captions[j][:photoLines-1], d.fit(captions[j][photoLines-1]+" …", w))
			}
			lines = max(lines, len(captions[j]))
		}
		rowH := boxH + 1.5 + float64(lines)*lh
		d.ensure(rowH)
		y := d.y()
		for j, p := range row {
			x := d.left + float64(j)*(w+photoGap)
			d.photoBox(p.JPEG, x, y, w, boxH)
			d.setFont(styleRegular, photoCaption)
			d.setText(colorText)
			for k, l := range captions[j] {
				d.cell(x, y+boxH+1.5+float64(k)*lh, w, lh, l, AlignLeft)
			}
		}
		d.setY(y + rowH + photoGap)
	}
	if rest > 0 {
		d.Note(fmt.Sprintf("%d %s til er ikke tatt med her; de finnes i programmet.", rest, plural(rest, "bilde", "bilder")))
	}
	d.space(1)
}

// photoBox draws one picture, fitted into w×h with its proportions, on a
// light frame.
func (d *Document) photoBox(raw []byte, x, y, w, h float64) {
	d.setDraw(colorRule)
	d.setLineWidth(0.2)
	cfg, format, err := image.DecodeConfig(bytes.NewReader(raw))
	if err != nil || format != "jpeg" || cfg.Width <= 0 || cfg.Height <= 0 {
		d.pdf.Rect(x, y, w, h, "D")
		d.setFont(styleItalic, photoCaption)
		d.setText(colorMuted)
		d.cell(x+1, y+h/2-2, w-2, 4, "Bildet kan ikke vises", AlignCenter)
		return
	}
	name := photoName(raw)
	if d.photoScaled {
		raw, cfg = d.uniqueWidth(name, raw, cfg)
	}
	opts := gofpdf.ImageOptions{ImageType: "JPG"}
	info := d.pdf.RegisterImageOptionsReader(name, opts, bytes.NewReader(raw))
	if !d.photoScaled {
		d.orderImage(name, info, cfg.Width)
	}
	// Both sides are given (neither is 0), so gofpdf never derives one
	// from the image's width, which orderImage may have made fractional.
	iw, ih := float64(cfg.Width), float64(cfg.Height)
	dw, dh := w, w*ih/iw
	if dh > h {
		dw, dh = h*iw/ih, h
	}
	ox, oy := x+(w-dw)/2, y+(h-dh)/2
	d.pdf.ImageOptions(name, ox, oy, dw, dh, false, opts, 0, "")
	d.pdf.Rect(ox, oy, dw, dh, "D")
}

// photoName is the name a picture is registered under in gofpdf.
func photoName(raw []byte) string {
	sum := sha256.Sum256(raw)
	return "foto-" + hex.EncodeToString(sum[:8])
}

// annualPhotos are the annual report's photos of one owner kind (findings
// or deviations), captioned with where they come from.
func annualPhotos(in *model.AnnualData, kind model.AttachmentOwner) []Photo {
	var ps []model.ReportPhoto
	// The dates of the records the photos belong to only: the register
	// has thousands of deviations, the report a few dozen photos.
	devDate, roundDate := map[uint64]model.Date{}, map[uint64]model.Date{}
	for _, p := range in.Photos {
		if p.Attachment.OwnerKind == kind {
			ps = append(ps, p)
			devDate[p.Attachment.OwnerID] = model.Date{}
			roundDate[p.Attachment.OwnerID] = model.Date{}
		}
	}
	for _, x := range in.Deviations {
		if _, ok := devDate[x.ID]; ok {
			devDate[x.ID] = x.Date
		}
	}
	for _, r := range in.SafetyRounds {
		if _, ok := roundDate[r.ID]; ok {
			roundDate[r.ID] = r.Date
		}
	}
	return PhotosFrom(ps, func(a model.Attachment) string {
		from := fmt.Sprintf("Avvik nr. %d, %s", a.OwnerID, devDate[a.OwnerID])
		if kind == model.OwnerFinding {
			from = fmt.Sprintf("Vernerunde %s, spørsmål %d", roundDate[a.OwnerID], a.Question)
		}
		return withCaption(from, a.Caption)
	})
}

func withCaption(from, caption string) string {
	if caption == "" {
		return from
	}
	return from + ": " + caption
}

// FindingPhotoCaption is the caption of a finding's photo in the safety
// round's own report.
func FindingPhotoCaption(a model.Attachment) string {
	return withCaption(fmt.Sprintf("Nr. %d", a.Question), a.Caption)
}

// gofpdf writes a document's images ordered by their width in pixels,
// and images of the same width in Go's map order (putimages: a stable
// sort over the keys of its image map, with SetCatalogSort), so a report
// with two pictures of the same width, which every thumbnail of a 4:3
// photo is (256 px), would differ from run to run. orderImage gives each
// distinct picture of a width a fraction of a pixel more than the one
// drawn before it, in gofpdf's private field ImageInfoType.w, so that the
// sort has one order, the drawing order; gofpdf prints the width as
// int(w) (/Width) and uses w elsewhere only to derive a side the caller
// left 0 (imageOut), which photoBox never does, or for a PNG's soft mask
// (the pictures are JPEGs). The pictures keep their pixels.
//
// Only a deterministic document (Options.Deterministic) sorts its images:
// without SetCatalogSort gofpdf writes them in map order whatever their
// widths, and the document differs from run to run anyway (its dates), so
// neither orderImage nor the fallback does anything there.
//
// ImageInfoType has no setter for w, so the field is reached through
// reflect and unsafe, as Fpdf.pages is (pagestreams.go). (GobDecode, the
// one public method that sets w, would need as much knowledge of
// gofpdf's insides, the order of the values in its gob stream, copies
// the picture twice, and overwrites its own decoding error, so a
// mismatch would not be noticed.) If the field is not
// there with that type (gofpdf v1.16.2 is pinned in go.mod), the
// document falls back to uniqueWidth, which scales a picture whose
// width another has down by a pixel or more: slower and a little
// softer, but as deterministic.

// newDocumentsScalePhotos makes New's documents take the fallback, for
// the tests of it on documents New is called for inside a report
// function.
var newDocumentsScalePhotos = false

// noField is fieldOffset's answer for a field that is not there.
const noField = ^uintptr(0)

// fieldOffset is the offset of the field name of type F in the struct S,
// or noField.
func fieldOffset[S, F any](name string) uintptr {
	f, ok := reflect.TypeFor[S]().FieldByName(name)
	if !ok || f.Type != reflect.TypeFor[F]() {
		return noField
	}
	return f.Offset
}

// imageWidthOffset is the offset of gofpdf.ImageInfoType's field w (the
// width in pixels), or noField.
var imageWidthOffset = fieldOffset[gofpdf.ImageInfoType, float64]("w")

// sameWidthStep is the fraction of a pixel between two pictures of one
// width: int(w) stays the width for a million of them.
const sameWidthStep = 1e-6

// orderImage gives the picture name, just registered in gofpdf as info
// with the width in pixels, its place among the pictures of that width:
// the k-th distinct one drawn gets width + k·sameWidthStep. A picture
// drawn again keeps its place.
func (d *Document) orderImage(name string, info *gofpdf.ImageInfoType, width int) {
	if info == nil || !d.opts.Deterministic || d.photoOrdered[name] {
		return
	}
	if d.photoOrdered == nil {
		d.photoOrdered, d.photoSameWidth = map[string]bool{}, map[int]int{}
	}
	d.photoOrdered[name] = true
	k := d.photoSameWidth[width]
	d.photoSameWidth[width] = k + 1
	w := (*float64)(unsafe.Add(unsafe.Pointer(info), imageWidthOffset))
	*w += float64(k) * sameWidthStep
}

// uniqueWidth, the fallback when orderImage cannot reach gofpdf's field,
// gives every distinct picture in the document its own pixel width,
// scaling a picture down by a pixel or more where another has its width.
// A few pixels of a thumbnail do not show in print.
func (d *Document) uniqueWidth(name string, raw []byte, cfg image.Config) ([]byte, image.Config) {
	if d.photoWidths == nil {
		d.photoWidths = map[int]string{}
	}
	w, placed := assignWidth(d.photoWidths, name, cfg.Width)
	if placed {
		cfg.Height = cfg.Height * w / cfg.Width
		cfg.Width = w
		return nil, cfg // registered already: gofpdf keeps the first
	}
	if w == cfg.Width {
		return raw, cfg
	}
	return scaleJPEG(raw, cfg, w)
}

// assignWidth returns the pixel width the picture name gets in a
// document whose pictures so far have the widths in widths (width to
// name), and records it; placed says the picture was placed before and
// keeps the width it got then.
func assignWidth(widths map[int]string, name string, width int) (w int, placed bool) {
	for w, n := range widths {
		if n == name {
			return w, true
		}
	}
	w = width
	for widths[w] != "" && w > 1 {
		w--
	}
	widths[w] = name
	return w, false
}

// scaleJPEG returns the JPEG raw scaled to width w, or raw as it is if it
// cannot be read. The result depends only on raw and w.
func scaleJPEG(raw []byte, cfg image.Config, w int) ([]byte, image.Config) {
	src, err := jpeg.Decode(bytes.NewReader(raw))
	if err != nil {
		return raw, cfg
	}
	h := max(1, cfg.Height*w/cfg.Width)
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
	var b bytes.Buffer
	if err := jpeg.Encode(&b, dst, &jpeg.Options{Quality: model.PhotoJPEGQuality}); err != nil {
		return raw, cfg
	}
	return b.Bytes(), image.Config{ColorModel: cfg.ColorModel, Width: w, Height: h}
}

package reports

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/jpeg"
	"sync"

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
// are counted in a note.
const MaxPhotosPerSection = 24

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
	raw, cfg = d.uniqueWidth(name, raw, cfg)
	opts := gofpdf.ImageOptions{ImageType: "JPG"}
	d.pdf.RegisterImageOptionsReader(name, opts, bytes.NewReader(raw))
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

// uniqueWidth gives every distinct picture in the document its own pixel
// width, scaling a picture down by a few pixels where another has its
// width: gofpdf writes images ordered by width, and pictures of the same
// width in map order, which would make two runs of a deterministic report
// differ. A few pixels of a thumbnail do not show in print.
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
	if p := d.prescaled.get(photoKey{name, w}); p != nil {
		<-p.done
		return p.raw, p.cfg
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

// photoKey is a picture (by name) at a pixel width.
type photoKey struct {
	name  string
	width int
}

// scaledPhoto is a picture being scaled; raw and cfg are set when done is
// closed.
type scaledPhoto struct {
	done chan struct{}
	raw  []byte
	cfg  image.Config
}

// photoScaler scales, on another goroutine, the pictures a report will
// draw, while the report lays out what comes before them: decoding,
// scaling and encoding a picture whose width another one has costs about
// as much as laying out a page of table. It plays uniqueWidth's width
// assignment in advance over the pictures in drawing order; uniqueWidth
// takes a result when it needs the same picture at the same width and
// scales itself otherwise, so a wrong guess costs time, never a
// different PDF (scaleJPEG's result depends only on the picture and the
// width). A nil photoScaler has nothing.
type photoScaler struct {
	mu sync.Mutex
	m  map[photoKey]*scaledPhoto
}

func (s *photoScaler) get(k photoKey) *scaledPhoto {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.m[k]
}

// prescalePhotos starts scaling the pictures of sections, each as
// Photos will draw it, in drawing order; the pictures a document draws
// before these must be none.
func prescalePhotos(sections ...[]Photo) *photoScaler {
	type job struct {
		raw []byte
		cfg image.Config
		w   int
		p   *scaledPhoto
	}
	s := &photoScaler{m: map[photoKey]*scaledPhoto{}}
	widths := map[int]string{}
	var jobs []job
	for _, ps := range sections {
		for _, p := range ps[:min(len(ps), MaxPhotosPerSection)] {
			cfg, format, err := image.DecodeConfig(bytes.NewReader(p.JPEG))
			if err != nil || format != "jpeg" || cfg.Width <= 0 || cfg.Height <= 0 {
				continue
			}
			name := photoName(p.JPEG)
			w, placed := assignWidth(widths, name, cfg.Width)
			if placed || w == cfg.Width {
				continue
			}
			sp := &scaledPhoto{done: make(chan struct{})}
			s.m[photoKey{name, w}] = sp
			jobs = append(jobs, job{p.JPEG, cfg, w, sp})
		}
	}
	if len(jobs) > 0 {
		go func() {
			for _, j := range jobs {
				j.p.raw, j.p.cfg = scaleJPEG(j.raw, j.cfg, j.w)
				close(j.p.done)
			}
		}()
	}
	return s
}

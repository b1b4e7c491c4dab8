// Package attach turns a file the user adds (a photo or a PDF) into what
// is stored: a photo is decoded, turned upright by its EXIF orientation,
// downscaled to model.PhotoLongestSide and re-encoded as JPEG with a
// thumbnail, so no EXIF data (location, camera) is kept; a PDF is kept as
// it is. Which files are accepted is model's rule (model.SniffAttachment).
//
// The input is untrusted: sizes are checked before anything is decoded,
// and an image whose header claims more than model.MaxPhotoPixels is
// refused without decoding it.
package attach

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	stddraw "image/draw"
	"image/jpeg"
	_ "image/png" // PNG is an accepted photo format
	"io"
	"os"

	"golang.org/x/image/draw"

	"hmsutvalg/model"
)

// File is an attachment ready to store: Data is the downscaled photo or
// the PDF as it was, Thumb the photo's thumbnail (nil for a PDF) and
// ListThumb the small one the lists show (nil for a PDF).
type File struct {
	Kind          model.AttachmentKind
	Filename      string
	Data          []byte
	Thumb         []byte
	ListThumb     []byte
	Width, Height int // photos: the stored size in pixels
}

// Meta is the attachment record for f on the given owner and day,
// without an ID.
func (f File) Meta(owner model.AttachmentOwner, ownerID uint64, question int, caption string, today model.Date) model.Attachment {
	return model.Attachment{
		OwnerKind: owner, OwnerID: ownerID, Question: question, Kind: f.Kind, Caption: caption,
		Filename: f.Filename, Size: int64(len(f.Data)), Width: f.Width, Height: f.Height, Created: today,
	}.Normalized()
}

// ReadFile reads the file at path, refusing one larger than any accepted
// attachment before reading it all, and imports it.
func ReadFile(path string) (File, error) {
	f, err := os.Open(path)
	if err != nil {
		return File{}, fmt.Errorf("kan ikke lese «%s»: %w", model.CleanFilename(path), err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > maxInput {
		// Too large for any kind: say which limit from the first bytes,
		// without reading the rest.
		head := make([]byte, 16)
		n, _ := io.ReadFull(f, head)
		_, err := model.SniffAttachment(path, head[:n], st.Size())
		if err == nil {
			err = refused(model.CleanFilename(path), "filen er for stor.")
		}
		return File{}, err
	}
	return Read(path, f)
}

// maxPixels is model.MaxPhotoPixels; the fuzz test lowers it so a
// mutated header cannot make every run allocate hundreds of megabytes.
var maxPixels int64 = model.MaxPhotoPixels

// maxInput is the largest file any kind accepts.
const maxInput = int64(max(model.MaxPhotoInputBytes, model.MaxPDFBytes))

// Read imports what r holds; name is the file's name (for messages and
// the stored file name only: the content decides the type).
func Read(name string, r io.Reader) (File, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return File{}, fmt.Errorf("kan ikke lese «%s»: %w", model.CleanFilename(name), err)
	}
	return Import(name, data)
}

// Import checks data by its content and size and prepares it for
// storing. The error is a *model.FieldError with a Norwegian message.
func Import(name string, data []byte) (File, error) {
	kind, err := model.SniffAttachment(name, data[:min(len(data), 16)], int64(len(data)))
	if err != nil {
		return File{}, err
	}
	out := File{Kind: kind, Filename: model.CleanFilename(name)}
	if out.Filename == "" {
		out.Filename = "vedlegg"
	}
	if kind == model.AttachPDF {
		if err := checkPDF(out.Filename, data); err != nil {
			return File{}, err
		}
		out.Data = data
		return out, nil
	}
	full, thumb, err := importPhoto(out.Filename, data)
	if err != nil {
		return File{}, err
	}
	b := full.Bounds()
	out.Width, out.Height = b.Dx(), b.Dy()
	if out.Data, err = encodeJPEG(full); err == nil {
		out.Thumb, err = encodeJPEG(thumb)
	}
	if err == nil {
		out.ListThumb, err = encodeJPEG(fit(thumb, model.ListThumbLongestSide))
	}
	return out, err
}

// ListThumb makes the small thumbnail the lists show from a stored photo
// or its thumbnail (JPEG): the schema-10 migration makes it for photos
// stored before lists showed them.
func ListThumb(photo []byte) ([]byte, error) {
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(photo))
	if err != nil || int64(cfg.Width)*int64(cfg.Height) > maxPixels {
		return nil, fmt.Errorf("bildet kan ikke leses: %v", err)
	}
	img, err := jpeg.Decode(bytes.NewReader(photo))
	if err != nil {
		return nil, fmt.Errorf("bildet kan ikke leses: %w", err)
	}
	return encodeJPEG(fit(img, model.ListThumbLongestSide))
}

// refused is the error for a file that is not accepted.
func refused(name, why string) error {
	return &model.FieldError{Field: model.FieldAttachFile, Message: fmt.Sprintf("«%s» kan ikke legges ved: %s", name, why)}
}

// checkPDF refuses a PDF cut off before its end marker (a download that
// stopped half-way). Its content is not otherwise interpreted.
func checkPDF(name string, data []byte) error {
	tail := data[max(0, len(data)-2048):]
	if !bytes.Contains(tail, []byte("%%EOF")) {
		return refused(name, "PDF-filen er ufullstendig eller skadet.")
	}
	return nil
}

// importPhoto decodes a JPEG or PNG after checking its declared size and
// returns it upright, downscaled, with its thumbnail.
func importPhoto(name string, data []byte) (full, thumb *image.RGBA, err error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, nil, refused(name, "bildet er skadet eller ufullstendig.")
	}
	if format != "jpeg" && format != "png" {
		return nil, nil, refused(name, "bare JPEG- og PNG-bilder kan legges ved.")
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > maxPixels {
		return nil, nil, refused(name, fmt.Sprintf("bildet er %d × %d punkter, mer enn de %d millioner som kan tas imot.",
			cfg.Width, cfg.Height, model.MaxPhotoPixels/1_000_000))
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, nil, refused(name, "bildet er skadet eller ufullstendig.")
	}
	o := 1
	if format == "jpeg" {
		o = exifOrientation(data)
	}
	full = orient(fit(img, model.PhotoLongestSide), o)
	thumb = fit(full, model.ThumbLongestSide)
	return full, thumb, nil
}

// fit scales src down so its longest side is at most side (never up), on
// a white background: JPEG has no transparency.
func fit(src image.Image, side int) *image.RGBA {
	b := src.Bounds()
	w, h := scaled(b.Dx(), b.Dy(), side)
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	stddraw.Draw(dst, dst.Bounds(), image.NewUniform(color.White), image.Point{}, stddraw.Src)
	if w == b.Dx() && h == b.Dy() {
		stddraw.Draw(dst, dst.Bounds(), src, b.Min, stddraw.Over)
		return dst
	}
	// A large photo is first halved cheaply towards twice the target, then
	// finished with Catmull-Rom: as sharp, at a fraction of the time.
	if b.Dx() > 4*w && b.Dy() > 4*h {
		mid := image.NewRGBA(image.Rect(0, 0, 2*w, 2*h))
		draw.ApproxBiLinear.Scale(mid, mid.Bounds(), src, b, draw.Src, nil)
		src, b = mid, mid.Bounds()
	}
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, b, draw.Over, nil)
	return dst
}

// scaled is w×h reduced to fit side on its longest side, keeping the
// proportions; at least 1×1.
func scaled(w, h, side int) (int, int) {
	if w <= side && h <= side {
		return w, h
	}
	if w >= h {
		return side, max(1, (h*side+w/2)/w)
	}
	return max(1, (w*side+h/2)/h), side
}

// encodeJPEG writes img with the stored quality; image/jpeg writes no
// metadata segments, so nothing of the original's EXIF survives.
func encodeJPEG(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: model.PhotoJPEGQuality}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

package attach

import (
	"encoding/binary"
	"image"
)

// exifOrientation reads the EXIF Orientation tag (0x0112 in IFD0) from a
// JPEG's APP1 segment. It returns 1 (as stored) when there is none or the
// data is damaged: a wrong orientation is a turned picture, never a
// refused one. Every offset is checked against the segment, which comes
// from an untrusted file.
func exifOrientation(data []byte) int {
	seg := exifSegment(data)
	if seg == nil {
		return 1
	}
	tiff := seg[6:] // after "Exif\x00\x00"
	if len(tiff) < 8 {
		return 1
	}
	var bo binary.ByteOrder
	switch string(tiff[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 1
	}
	if bo.Uint16(tiff[2:]) != 42 {
		return 1
	}
	ifd := int(bo.Uint32(tiff[4:]))
	if ifd < 8 || ifd > len(tiff)-2 {
		return 1
	}
	n := int(bo.Uint16(tiff[ifd:]))
	for i := range n {
		e := ifd + 2 + 12*i
		if e+12 > len(tiff) {
			return 1
		}
		if bo.Uint16(tiff[e:]) != 0x0112 {
			continue
		}
		// SHORT, count 1: the value sits in the first two bytes of the
		// value field.
		if bo.Uint16(tiff[e+2:]) != 3 || bo.Uint32(tiff[e+4:]) != 1 {
			return 1
		}
		if o := int(bo.Uint16(tiff[e+8:])); o >= 1 && o <= 8 {
			return o
		}
		return 1
	}
	return 1
}

// exifSegment returns the payload of the first APP1 segment that starts
// with "Exif\0\0", or nil. It walks the marker segments before the image
// data only.
func exifSegment(data []byte) []byte {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return nil
	}
	for p := 2; p+4 <= len(data); {
		if data[p] != 0xFF {
			return nil
		}
		marker := data[p+1]
		if marker == 0xFF { // fill byte
			p++
			continue
		}
		if marker == 0xDA || marker == 0xD9 { // start of scan, end of image
			return nil
		}
		size := int(binary.BigEndian.Uint16(data[p+2:]))
		if size < 2 || p+2+size > len(data) {
			return nil
		}
		payload := data[p+4 : p+2+size]
		if marker == 0xE1 && len(payload) >= 6 && string(payload[:6]) == "Exif\x00\x00" {
			return payload
		}
		p += 2 + size
	}
	return nil
}

// orient turns src as EXIF orientation o says, so it shows upright.
func orient(src *image.RGBA, o int) *image.RGBA {
	if o <= 1 || o > 8 {
		return src
	}
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	dw, dh := w, h
	if o >= 5 { // 5–8 swap the sides
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := range h {
		for x := range w {
			dx, dy := orientedPoint(o, x, y, w, h)
			si := src.PixOffset(b.Min.X+x, b.Min.Y+y)
			di := dst.PixOffset(dx, dy)
			copy(dst.Pix[di:di+4], src.Pix[si:si+4])
		}
	}
	return dst
}

// orientedPoint is where stored pixel (x, y) of a w×h image shows after
// applying orientation o (the EXIF/TIFF definition).
func orientedPoint(o, x, y, w, h int) (int, int) {
	switch o {
	case 2: // mirrored horizontally
		return w - 1 - x, y
	case 3: // turned 180°
		return w - 1 - x, h - 1 - y
	case 4: // mirrored vertically
		return x, h - 1 - y
	case 5: // transposed
		return y, x
	case 6: // needs a quarter turn clockwise
		return h - 1 - y, x
	case 7: // transversed
		return h - 1 - y, w - 1 - x
	case 8: // needs a quarter turn anticlockwise
		return y, w - 1 - x
	}
	return x, y
}

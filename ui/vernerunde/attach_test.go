package vernerunde

import (
	"image"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/uitest"
)

// A finding takes photos in the checklist: the part shows for «Må
// forbedres», a file dropped while the question has focus lands on it,
// and the delete question names the photos.
func TestFindingPhotoByDrop(t *testing.T) {
	f := newScreen(t, false)
	v := f.startRound(t)
	row := v.Check.Questions[1]
	if row.attachBox.Visible() {
		t.Error("photos offered for an unanswered question")
	}
	row.Picker.Pick(model.AnswerImprove)
	if !row.attachBox.Visible() {
		t.Fatalf("no photos for a finding (%s)", row.Err.Label.Text)
	}
	f.w.Canvas().Focus(row.Comment)
	f.env.Drop([]fyne.URI{fstorage.NewFileURI(uitest.PNGFile(t, "slukker.png", 80, 60))})
	list, _ := f.st.Attachments(model.OwnerFinding, v.r.ID, row.Number)
	if len(list) != 1 || len(row.Attach.Thumbs) != 1 {
		t.Fatalf("dropped photo: stored %d, shown %d (%s)", len(list), len(row.Attach.Thumbs), row.Attach.Err.Label.Text)
	}
	// The closing tab's finding and the list of rounds count it, from
	// the metadata.
	v.Closing.Refresh()
	if !uitest.HasText(v.Closing.list, "· 1 vedlegg") {
		t.Errorf("the closing tab's finding does not count its photo: %v", uitest.Texts(v.Closing.list))
	}
	if n := pictures(v.Closing.list, 80, 60); n != 1 {
		t.Errorf("the closing tab's finding shows %d thumbnails, want its photo's (80×60)", n)
	}
	f.s.Reload()
	if text, _ := f.s.listText(v.r); !strings.Contains(text, "· 1 vedlegg") {
		t.Errorf("the round's row does not count its photo: %q", text)
	}
	if !f.s.Thumbs.Has(v.r.ID) {
		t.Error("the round's row has no thumbnail")
	}
	v.confirmDelete()
	if q := f.w.Canvas().Overlays().Top(); q == nil || !uitest.HasText(q, "Vedleggene (1) slettes sammen med vernerunden.") {
		t.Error("the delete question does not name the photo")
	}
}

// pictures counts the pictures of w×h shown under o (icons are pictures
// too, of their own sizes).
func pictures(o fyne.CanvasObject, w, h int) int {
	n := 0
	switch x := o.(type) {
	case *canvas.Image:
		if x.Visible() && x.Image != nil && x.Image.Bounds().Size() == image.Pt(w, h) {
			n++
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			n += pictures(c, w, h)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			n += pictures(c, w, h)
		}
	}
	return n
}

package avvik

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"hmsutvalg/internal/attach"
	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/ui/uitest"
)

// photoEveryDeviation stores a photo (a real import, with its list
// thumbnail) on every deviation, and a PDF on the first; it returns how
// many deviations there are.
func photoEveryDeviation(t *testing.T, st *storage.Store) int {
	t.Helper()
	f, err := attach.ReadFile(uitest.PNGFile(t, "gulv.png", 640, 480))
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := attach.Import("rapport.pdf", []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"))
	if err != nil {
		t.Fatal(err)
	}
	devs, _ := st.Deviations()
	err = st.Batch(func(b *storage.Batch) error {
		for i, d := range devs {
			if i == 0 {
				if _, err := b.AddAttachment(pdf.Meta(model.OwnerDeviation, d.ID, 0, "", uitest.Today), storage.AttachmentParts{File: pdf.Data}); err != nil {
					return err
				}
			}
			p := storage.AttachmentParts{File: f.Data, Thumb: f.Thumb, ListThumb: f.ListThumb}
			if _, err := b.AddAttachment(f.Meta(model.OwnerDeviation, d.ID, 0, "", uitest.Today), p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return len(devs)
}

// rowPictures counts the pictures the list's rows show now: decoded
// list thumbnails and document icons.
func rowPictures(o fyne.CanvasObject) (photos, docs int) {
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *canvas.Image:
			if w.Image != nil {
				photos++
			}
			if w.Resource != nil && w.Resource.Name() == theme.FileApplicationIcon().Name() {
				docs++
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return photos, docs
}

// Issue 20: the list shows each deviation's first photo as a small
// thumbnail, read for the rows on screen only (never the photo): with a
// photo on every deviation, a 1024×768 window reads a screenful of list
// thumbnails, not one per deviation. Møtemodus shows none (the form hides
// a deviation's photos there too) and reads none; the count stays.
func TestDeviationListThumbnailsOnScreenOnly(t *testing.T) {
	env, w, st := uitest.NewEnv(t, false)
	n := photoEveryDeviation(t, st)
	w.Resize(fyne.NewSize(1024, 768))
	s := New(env)
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1024, 768))
	if n < 100 {
		t.Fatalf("only %d deviations", n)
	}
	photos, docs := rowPictures(s.List)
	t.Logf("%d deviations with photos: %d rows show a thumbnail, %d list thumbnails read", n, photos, s.Thumbs.Reads)
	if photos == 0 || photos > 30 {
		t.Errorf("%d rows show a thumbnail, want a screenful of %d deviations", photos, n)
	}
	if s.Thumbs.Reads == 0 || s.Thumbs.Reads > 40 {
		t.Errorf("%d list thumbnails read for %d deviations with photos", s.Thumbs.Reads, n)
	}
	if docs != 0 {
		t.Errorf("%d document icons: the deviation with a PDF and a photo shows its photo", docs)
	}
	if !uitest.HasText(s.List, "· 1 vedlegg") {
		t.Error("the count is gone")
	}
	reads := s.Thumbs.Reads
	s.List.ScrollToBottom()
	if s.Thumbs.Reads == reads || s.Thumbs.Reads > reads+40 {
		t.Errorf("scrolling to the end read %d more thumbnails", s.Thumbs.Reads-reads)
	}

	env.SetMeetingMode(true)
	m := New(env)
	w.SetContent(m.Content())
	if photos, _ := rowPictures(m.List); photos != 0 || m.Thumbs.Reads != 0 {
		t.Errorf("Møtemodus: %d thumbnails shown, %d read", photos, m.Thumbs.Reads)
	}
	if !uitest.HasText(m.List, "vedlegg") {
		t.Error("Møtemodus: the count is gone")
	}
}

// A deviation with only a PDF shows a document icon, one without
// attachments nothing; a photo's row shows its list thumbnail.
func TestDeviationListThumbnailKinds(t *testing.T) {
	env, w, st := uitest.NewEnv(t, false)
	s := New(env)
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1024, 768))
	var bare []uint64 // deviations on screen without attachments
	for _, d := range s.shown[:6] {
		if st.AttachmentCount(model.OwnerDeviation, d.ID) == 0 {
			bare = append(bare, d.ID)
		}
	}
	if len(bare) < 3 {
		t.Fatalf("only %d of the first rows without attachments", len(bare))
	}
	pdf, _ := attach.Import("rapport.pdf", []byte("%PDF-1.4\n%%EOF\n"))
	f, err := attach.ReadFile(uitest.PNGFile(t, "gulv.png", 300, 200))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddAttachment(pdf.Meta(model.OwnerDeviation, bare[0], 0, "", uitest.Today), storage.AttachmentParts{File: pdf.Data}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddAttachment(f.Meta(model.OwnerDeviation, bare[1], 0, "", uitest.Today),
		storage.AttachmentParts{File: f.Data, Thumb: f.Thumb, ListThumb: f.ListThumb}); err != nil {
		t.Fatal(err)
	}
	_, docsBefore := rowPictures(s.List)
	s.Reload()
	if _, docs := rowPictures(s.List); docs != docsBefore+1 {
		t.Errorf("%d document icons on screen after a PDF was added, want %d", docs, docsBefore+1)
	}
	if !s.Thumbs.Has(bare[0]) || !s.Thumbs.Has(bare[1]) || s.Thumbs.Has(bare[2]) {
		t.Fatal("Has does not follow the attachments")
	}
	img := canvas.NewImageFromImage(nil)
	s.Thumbs.Fill(bare[0], img)
	if img.Resource == nil || img.Resource.Name() != theme.FileApplicationIcon().Name() || img.Image != nil {
		t.Error("a PDF-only deviation does not show the document icon")
	}
	s.Thumbs.Fill(bare[1], img)
	if img.Image == nil || img.Resource != nil {
		t.Fatal("a photo's row shows no picture")
	}
	if b := img.Image.Bounds(); max(b.Dx(), b.Dy()) != model.ListThumbLongestSide {
		t.Errorf("the row shows a %v picture, not the list thumbnail", b)
	}
}

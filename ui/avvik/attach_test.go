package avvik

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/uitest"
)

// A new deviation takes photos once saved, by drop onto the window; the
// delete question names them and deleting takes them along.
func TestDeviationPhotosDropAndDelete(t *testing.T) {
	s, st, env := newScreen(t)
	test.Tap(s.NewButton)
	if !s.Editor.Attach.Add.Disabled() {
		t.Error("an unsaved deviation offers to attach")
	}
	fill(s.Editor)
	test.Tap(s.Editor.Save)
	id := s.Editor.Deviation().ID
	if id == 0 {
		t.Fatalf("not saved: %s", s.Editor.Err.Label.Text)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 64, 48))); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "gulv.png")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	env.Drop([]fyne.URI{fstorage.NewFileURI(path)})
	if n := st.AttachmentCount(model.OwnerDeviation, id); n != 1 {
		t.Fatalf("dropped photo not stored on the open deviation: %d (%s)", n, s.Editor.Attach.Err.Label.Text)
	}
	if len(s.Editor.Attach.Thumbs) != 1 {
		t.Errorf("%d thumbnails in the form", len(s.Editor.Attach.Thumbs))
	}
	// The list counts it at once (no reload), from the metadata.
	if !uitest.HasText(s.List, "· 1 vedlegg") {
		t.Error("the list row does not count the attachment")
	}
	s.Editor.confirmDelete()
	q := env.Window.Canvas().Overlays().Top()
	if q == nil || !uitest.HasText(q, "Vedleggene (1) slettes sammen med avviket.") {
		t.Fatal("the delete question does not name the attachment")
	}
	s.Editor.DeleteDeviation()
	if all, _ := st.AllAttachments(); len(all) != 0 {
		for _, a := range all {
			if a.OwnerKind == model.OwnerDeviation && a.OwnerID == id {
				t.Fatal("the photo outlived its deviation")
			}
		}
	}
}

package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/widgets"
)

// TestScreenshotsAttachments renders a serious deviation of the demo with
// its photos in the form (normal and Møtemodus, where they are hidden)
// and the photo opened in its dialog.
func TestScreenshotsAttachments(t *testing.T) {
	for _, meeting := range []bool{false, true} {
		env, w, st := uitest.NewEnv(t, meeting)
		w.Resize(fyne.NewSize(1024, 768))
		all, _ := st.AllAttachments()
		var dev uint64
		for _, a := range all {
			if a.OwnerKind == model.OwnerDeviation {
				dev = a.OwnerID
				break
			}
		}
		if dev == 0 {
			t.Fatal("the demo has no deviation with a photo")
		}
		s := avvik.New(env)
		w.SetContent(s.Content())
		s.Open(dev)
		if s.Editor == nil || len(s.Editor.Attach.Items()) == 0 {
			t.Fatal("the deviation's photos are not in the form")
		}
		widgets.Reveal(s.Editor.Attach.Add)
		save(t, w, "avvik-vedlegg", meeting)
		if meeting {
			continue
		}
		test.Tap(s.Editor.Attach.Thumbs[0])
		if s.Editor.Attach.Viewer == nil || !s.Editor.Attach.Viewer.Open() {
			t.Fatal("the photo did not open")
		}
		save(t, w, "avvik-vedlegg-bilde", meeting)
	}
}

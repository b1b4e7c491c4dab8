package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"hmsutvalg/model"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/moter"
	"hmsutvalg/ui/risiko"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/vernerunde"
	"hmsutvalg/ui/widgets"
)

// TestScreenshotsAttachmentLists renders the lists that count attachments
// (Avvik, Møter, a risk assessment's hazards, Vernerunde) with the form of
// a record that has them, normal and in Møtemodus, and a thumbnail with
// the keyboard focus.
func TestScreenshotsAttachmentLists(t *testing.T) {
	for _, meeting := range []bool{false, true} {
		env, w, st := uitest.NewEnv(t, meeting)
		w.Resize(fyne.NewSize(1024, 768))
		counts, _ := st.AttachmentCounts(model.OwnerDeviation)
		s := avvik.New(env)
		w.SetContent(s.Content())
		for i, d := range s.Shown() {
			if counts[d.ID] > 0 {
				s.Open(d.ID)
				s.List.ScrollTo(i)
				break
			}
		}
		if s.Editor == nil || len(s.Editor.Attach.Items()) == 0 {
			t.Fatal("no deviation with photos opened")
		}
		widgets.Reveal(s.Editor.Attach.Add)
		if !meeting {
			w.Canvas().Focus(s.Editor.Attach.Thumbs[0])
		}
		save(t, w, "avvik-liste-vedlegg", meeting)

		ms, _ := st.Meetings()
		m := ms[len(ms)-1]
		ml := moter.New(env)
		w.SetContent(ml.Content())
		ml.Open(m.ID)
		if ml.Editor == nil {
			t.Fatal("meeting not open")
		}
		if len(ml.Editor.Attach.Items()) == 0 {
			if err := ml.Editor.Attach.AddFile(uitest.PNGFile(t, "tavle.png", 160, 90)); err != nil {
				t.Fatal(err)
			}
		}
		widgets.Reveal(ml.Editor.Attach.Add)
		save(t, w, "moter-liste-vedlegg", meeting)

		items, _ := st.AllRiskItems()
		it := items[0]
		rs := risiko.New(env)
		w.SetContent(rs.Content())
		rs.Open(it.AssessmentID, it.ID)
		if rs.Detail == nil || rs.Detail.Item == nil {
			t.Fatal("risk item not open")
		}
		if len(rs.Detail.Item.Attach.Items()) == 0 {
			if err := rs.Detail.Item.Attach.AddFile(uitest.PNGFile(t, "stige.png", 120, 160)); err != nil {
				t.Fatal(err)
			}
		}
		widgets.Reveal(rs.Detail.Item.Delete)
		save(t, w, "risiko-forhold-vedlegg", meeting)
		rs.Detail.Tabs.SelectIndex(1)
		save(t, w, "risiko-liste-vedlegg", meeting)

		vs := vernerunde.New(env)
		w.SetContent(vs.Content())
		save(t, w, "vernerunde-liste-vedlegg", meeting)
	}
}

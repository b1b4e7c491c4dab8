package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/internal/attach"
	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/moter"
	"hmsutvalg/ui/risiko"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/vernerunde"
)

// TestScreenshotsListThumbs renders the lists of meetings and of a risk
// assessment's items with thumbnails (issue 20): the demo unit has
// photos on deviations and findings only, so a photo goes on the second
// meeting and the first item, a PDF on the third meeting and the second
// item. Normal and Møtemodus at 1024×768 (-screenshots DIR writes them as
// moter-vedlegg.png, risiko-vedlegg.png); without the flag it still
// builds both pages in both modes.
func TestScreenshotsListThumbs(t *testing.T) {
	path := uitest.DemoFile(t)
	addListThumbSamples(t, path)
	for _, meeting := range []bool{false, true} {
		a := test.NewTempApp(t)
		a.Preferences().SetBool("motemodus", meeting)
		u := Start(a, Options{DBPath: path, Today: func() model.Date { return uitest.Today }})
		w := u.Window()
		w.Resize(fyne.NewSize(1024, 768))
		env := u.Env()
		env.Navigate(moter.PageID)
		save(t, w, "moter-vedlegg", meeting)
		if as, _ := env.Store.Assessments(); len(as) > 0 {
			env.Open(risiko.PageID, appctx.Focus{ParentID: as[len(as)-1].ID})
			save(t, w, "risiko-vedlegg", meeting)
		}
		u.Close()
		// A round with a finding photo, at its closing tab (the findings).
		env2, w2, _ := uitest.NewEnv(t, meeting)
		w2.Resize(fyne.NewSize(1024, 768))
		vs := vernerunde.New(env2)
		w2.SetContent(vs.Content())
		if rs := vs.Rounds(); len(rs) > 1 {
			vs.Open(rs[1].ID, 0)
			if vs.Round != nil {
				vs.Round.Tabs.SelectIndex(2)
				save(t, w2, "vernerunde-avslutning-vedlegg", meeting)
			}
		}
	}
}

func addListThumbSamples(t *testing.T, path string) {
	t.Helper()
	st, err := storage.Open(path, storage.Options{NoBackup: true, User: "Test"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	photo, err := attach.ReadFile(uitest.PNGFile(t, "tavle.png", 800, 600))
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := attach.Import("referat.pdf", []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"))
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := st.Meetings()
	as, _ := st.Assessments()
	items, _ := st.RiskItems(as[len(as)-1].ID)
	photoParts := storage.AttachmentParts{File: photo.Data, Thumb: photo.Thumb, ListThumb: photo.ListThumb}
	for _, x := range []struct {
		f     attach.File
		owner model.AttachmentOwner
		id    uint64
		p     storage.AttachmentParts
	}{
		{photo, model.OwnerMeeting, ms[len(ms)-2].ID, photoParts},
		{pdf, model.OwnerMeeting, ms[len(ms)-3].ID, storage.AttachmentParts{File: pdf.Data}},
		{photo, model.OwnerRiskItem, items[0].ID, photoParts},
		{pdf, model.OwnerRiskItem, items[1].ID, storage.AttachmentParts{File: pdf.Data}},
	} {
		if _, err := st.AddAttachment(x.f.Meta(x.owner, x.id, 0, "", uitest.Today), x.p); err != nil {
			t.Fatal(err)
		}
	}
}

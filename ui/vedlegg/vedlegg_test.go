package vedlegg

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/uitest"
)

// writeImage writes a w×h picture as PNG or JPEG into dir.
func writeImage(t *testing.T, dir, name string, w, h int) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 120, 255})
		}
	}
	var b bytes.Buffer
	var err error
	if strings.HasSuffix(name, ".png") {
		err = png.Encode(&b, img)
	} else {
		err = jpeg.Encode(&b, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPanelAddDropViewAndCaption(t *testing.T) {
	env, w, st := uitest.NewEnv(t, false)
	devs, _ := st.Deviations()
	dev := devs[0]
	before := st.AttachmentCount(model.OwnerDeviation, dev.ID)
	p := New(env, model.OwnerDeviation, dev.ID, 0)
	w.SetContent(p.Content())
	p.Activate()
	dir := t.TempDir()

	if err := p.AddFile(writeImage(t, dir, "trapp.png", 2400, 1200)); err != nil {
		t.Fatal(err)
	}
	if len(p.Thumbs) != before+1 {
		t.Fatalf("%d thumbnails, want %d", len(p.Thumbs), before+1)
	}
	// Dropped onto the window: one photo and one text file in disguise.
	fake := filepath.Join(dir, "kvittering.jpg")
	if err := os.WriteFile(fake, []byte("bare tekst"), 0o600); err != nil {
		t.Fatal(err)
	}
	env.Drop([]fyne.URI{fstorage.NewFileURI(writeImage(t, dir, "gulv.jpg", 300, 200)), fstorage.NewFileURI(fake)})
	if len(p.Items()) != before+2 {
		t.Fatalf("after drop %d attachments", len(p.Items()))
	}
	if !strings.Contains(p.Err.Label.Text, "«kvittering.jpg» er verken et JPEG- eller PNG-bilde") {
		t.Errorf("refused file not explained: %q", p.Err.Label.Text)
	}
	got := p.Items()[before]
	if got.Width != 1600 || got.Height != 800 || got.Filename != "trapp.png" {
		t.Errorf("stored %+v", got)
	}

	// A click opens it; the caption is saved from the dialog.
	test.Tap(p.Thumbs[before])
	if p.Viewer == nil || !p.Viewer.Open() {
		t.Fatal("the photo did not open")
	}
	p.Caption.SetText("Glatt trapp ved inngangen")
	p.Viewer.Confirm()
	list, _ := st.Attachments(model.OwnerDeviation, dev.ID, 0)
	if list[before].Caption != "Glatt trapp ved inngangen" {
		t.Errorf("caption %q", list[before].Caption)
	}
	if !uitest.HasText(p.Thumbs[before], "Glatt trapp ved inngangen") {
		t.Error("the thumbnail does not show the new caption")
	}
	p.Delete(list[before+1])
	if n := st.AttachmentCount(model.OwnerDeviation, dev.ID); n != before+1 {
		t.Errorf("after delete %d", n)
	}
}

func TestPanelPDFOpensInSystemViewer(t *testing.T) {
	env, w, st := uitest.NewEnv(t, false)
	meetings, _ := st.Meetings()
	p := New(env, model.OwnerMeeting, meetings[0].ID, 0)
	w.SetContent(p.Content())
	pdf := filepath.Join(t.TempDir(), "innkalling.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.4\n%%EOF\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := p.AddFile(pdf); err != nil {
		t.Fatal(err)
	}
	var opened *url.URL
	p.OpenURL = func(u *url.URL) error { opened = u; return nil }
	p.Open(len(p.Items()) - 1)
	if opened == nil || opened.Scheme != "file" || !strings.HasSuffix(opened.Path, "-innkalling.pdf") {
		t.Fatalf("opened %v", opened)
	}
	if raw, err := os.ReadFile(opened.Path); err != nil || !bytes.HasPrefix(raw, []byte("%PDF-")) {
		t.Errorf("the file handed to the viewer: %v", err)
	}
}

func TestPanelBeforeSaveAndMeetingMode(t *testing.T) {
	env, w, st := uitest.NewEnv(t, true)
	p := New(env, model.OwnerDeviation, 0, 0)
	w.SetContent(p.Content())
	if !p.Add.Disabled() || !strings.Contains(p.Hint.Text, "Lagre først") {
		t.Error("an unsaved record must not take attachments")
	}
	devs, _ := st.Deviations()
	p.SetOwner(devs[0].ID, 0)
	if err := p.AddFile(writeImage(t, t.TempDir(), "a.png", 40, 30)); err != nil {
		t.Fatal(err)
	}
	if p.grid.Visible() {
		t.Error("Møtemodus shows the photos of a deviation")
	}
	// A meeting's photos are not sensitive.
	meetings, _ := st.Meetings()
	m := New(env, model.OwnerMeeting, meetings[0].ID, 0)
	w.SetContent(m.Content())
	if !m.grid.Visible() {
		t.Error("Møtemodus hides a meeting's attachments")
	}
}

func TestDropWithoutTarget(t *testing.T) {
	env, w, _ := uitest.NewEnv(t, false)
	env.BeginPage()
	env.Drop([]fyne.URI{fstorage.NewFileURI("/tmp/x.jpg")})
	if !uitest.HasText(w.Canvas().Overlays().Top(), "slipp bildet eller PDF-en der") {
		t.Error("dropping with no form open says nothing")
	}
}

// The thumbnails are reached with Tab; Enter opens the photo, Delete asks
// first with «Avbryt» as the default, and «Slett» removes it and puts the
// focus on the next thumbnail.
func TestThumbnailsByKeyboard(t *testing.T) {
	env, w, st := uitest.NewEnv(t, false)
	meetings, _ := st.Meetings()
	m := meetings[0]
	p := New(env, model.OwnerMeeting, m.ID, 0)
	w.SetContent(p.Content())
	w.Resize(fyne.NewSize(800, 600))
	dir := t.TempDir()
	for _, name := range []string{"a.png", "b.png"} {
		if err := p.AddFile(writeImage(t, dir, name, 60, 40)); err != nil {
			t.Fatal(err)
		}
	}
	before := len(p.Thumbs)
	uitest.Key(w, fyne.KeyTab)
	if w.Canvas().Focused() != p.Thumbs[0] || !p.Thumbs[0].Focused() {
		t.Fatalf("Tab does not reach the first thumbnail: focused %T", w.Canvas().Focused())
	}
	if p.Thumbs[0].frame.StrokeColor == color.Color(color.Transparent) {
		t.Error("no focus frame on the focused thumbnail")
	}
	uitest.Key(w, fyne.KeyTab)
	if w.Canvas().Focused() != p.Thumbs[1] || p.Thumbs[0].Focused() {
		t.Fatal("Tab does not go on to the second thumbnail")
	}
	if p.Thumbs[0].frame.StrokeColor != color.Color(color.Transparent) {
		t.Error("the focus frame stays after the focus left")
	}
	uitest.Key(w, fyne.KeyReturn)
	if p.Viewer == nil || !p.Viewer.Open() || p.Caption.Text != "" {
		t.Fatal("Enter did not open the photo")
	}
	p.Viewer.Dismiss()
	w.Canvas().Focus(p.Thumbs[1])
	uitest.Key(w, fyne.KeySpace)
	if !p.Viewer.Open() {
		t.Fatal("Space did not open the photo")
	}
	p.Viewer.Dismiss()

	// Delete asks; Enter answers the safe default and nothing goes.
	w.Canvas().Focus(p.Thumbs[0])
	uitest.Key(w, fyne.KeyDelete)
	q := w.Canvas().Overlays().Top()
	if q == nil || !uitest.HasText(q, "Slette vedlegget «a.png»?") {
		t.Fatal("Delete did not ask")
	}
	uitest.Key(w, fyne.KeyReturn)
	if n := st.AttachmentCount(model.OwnerMeeting, m.ID); n != before {
		t.Fatalf("Enter on the question deleted: %d attachments, want %d", n, before)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("the question is still open after Enter")
	}
	w.Canvas().Focus(p.Thumbs[0])
	uitest.Key(w, fyne.KeyDelete)
	test.Tap(uitest.Button(w.Canvas().Overlays().Top(), "Slett"))
	if n := st.AttachmentCount(model.OwnerMeeting, m.ID); n != before-1 {
		t.Fatalf("«Slett» left %d attachments, want %d", n, before-1)
	}
	if len(p.Thumbs) != before-1 || w.Canvas().Focused() != p.Thumbs[0] {
		t.Errorf("after the delete: %d thumbnails, focus on %T", len(p.Thumbs), w.Canvas().Focused())
	}
}

// In Møtemodus a deviation's photos are hidden, and the hint says so
// instead of asking to click a photo that is not shown; «Vis» shows them
// until the mode changes again.
func TestMeetingModeHint(t *testing.T) {
	env, w, st := uitest.NewEnv(t, false)
	devs, _ := st.Deviations()
	p := New(env, model.OwnerDeviation, devs[0].ID, 0)
	w.SetContent(p.Content())
	if err := p.AddFile(writeImage(t, t.TempDir(), "a.png", 40, 30)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Hint.Text, "Klikk et bilde") || p.Reveal.Visible() {
		t.Fatalf("outside Møtemodus: hint %q, «Vis» shown %v", p.Hint.Text, p.Reveal.Visible())
	}
	env.SetMeetingMode(true)
	n := len(p.Items())
	want := fmt.Sprintf("%d vedlegg er skjult i møtemodus", n)
	if n == 1 {
		want = "Ett vedlegg er skjult i møtemodus, fordi det"
	}
	if !strings.Contains(p.Hint.Text, want) || strings.Contains(p.Hint.Text, "Klikk") {
		t.Errorf("hint in Møtemodus: %q, want %q", p.Hint.Text, want)
	}
	if p.grid.Visible() || !p.Reveal.Visible() {
		t.Fatal("Møtemodus shows the photos, or offers no «Vis»")
	}
	uitest.Key(w, fyne.KeyTab)
	for _, th := range p.Thumbs {
		if w.Canvas().Focused() == th {
			t.Error("Tab reaches a hidden thumbnail")
		}
	}
	test.Tap(p.Reveal)
	if !p.grid.Visible() || p.Reveal.Visible() || !strings.Contains(p.Hint.Text, "Klikk et bilde") {
		t.Errorf("after «Vis»: photos shown %v, hint %q", p.grid.Visible(), p.Hint.Text)
	}
	env.SetMeetingMode(false)
	env.SetMeetingMode(true)
	if p.grid.Visible() || !strings.Contains(p.Hint.Text, want) {
		t.Error("entering Møtemodus again does not hide the photos")
	}
	env.SetMeetingMode(false)
	if !p.grid.Visible() || !strings.Contains(p.Hint.Text, "Klikk et bilde") {
		t.Errorf("after Møtemodus: hint %q", p.Hint.Text)
	}
}

// pageForm stands for the form on screen around the panel: it never
// autosaves, so leaving with it dirty asks.
type pageForm struct{ dirty bool }

func (f *pageForm) Dirty() bool { return f.dirty }
func (f *pageForm) Save() bool  { f.dirty = false; return true }
func (f *pageForm) Discard()    { f.dirty = false }

// TestNoInputLostCaption: a caption typed in the photo dialog is stored
// however the dialog or the page is left (it autosaves, see captionForm),
// or the user is asked when the page's own form holds changes too.
func TestNoInputLostCaption(t *testing.T) {
	leave := map[string]func(t *testing.T, w fyne.Window, p *Panel){
		"Lukk": func(_ *testing.T, _ fyne.Window, p *Panel) { test.Tap(p.Viewer.Cancel) },
		"Escape in the field": func(_ *testing.T, w fyne.Window, _ *Panel) {
			uitest.Key(w, fyne.KeyEscape)
		},
		"Escape twice": func(_ *testing.T, w fyne.Window, _ *Panel) {
			uitest.Keys(w, fyne.KeyEscape, fyne.KeyEscape)
		},
		"Escape with nothing focused": func(_ *testing.T, w fyne.Window, _ *Panel) {
			w.Canvas().Unfocus()
			uitest.Key(w, fyne.KeyEscape)
		},
		// The sidebar, another item, Møtemodus, closing the window and
		// Ctrl+Q all go through Guard.Leave (the window's close and Ctrl+Q
		// wait while a dialog is up; ui.App.Quit).
		"page left (sidebar, close, Ctrl+Q)": func(t *testing.T, _ fyne.Window, p *Panel) {
			went := false
			p.env.Leave(func() { went = true }, nil)
			if !went || p.env.Guard.Prompt() != nil {
				t.Error("leaving the page with only the caption changed did not go on at once")
			}
		},
		"SIGTERM": func(_ *testing.T, _ fyne.Window, p *Panel) { p.env.Guard.Rescue() },
	}
	for name, how := range leave {
		t.Run(name, func(t *testing.T) {
			env, w, st := uitest.NewEnv(t, false)
			devs, _ := st.Deviations()
			dev := devs[0]
			p := New(env, model.OwnerDeviation, dev.ID, 0)
			w.SetContent(p.Content())
			env.Guard.Set(&pageForm{})
			if err := p.AddFile(writeImage(t, t.TempDir(), "trapp.png", 300, 200)); err != nil {
				t.Fatal(err)
			}
			last := len(p.Thumbs) - 1
			test.Tap(p.Thumbs[last])
			w.Canvas().Focus(p.Caption)
			uitest.Type(w, "Glatt trapp")
			how(t, w, p)
			list, _ := st.Attachments(model.OwnerDeviation, dev.ID, 0)
			if got := list[last].Caption; got != "Glatt trapp" {
				t.Errorf("caption stored %q", got)
			}
			if name != "page left (sidebar, close, Ctrl+Q)" && name != "SIGTERM" && (p.Viewer.Open() || env.Guard.Nested() != 0) {
				t.Errorf("dialog open %v, sub-forms %d", p.Viewer.Open(), env.Guard.Nested())
			}
		})
	}
	t.Run("page form dirty too: asked", func(t *testing.T) {
		env, w, st := uitest.NewEnv(t, false)
		devs, _ := st.Deviations()
		p := New(env, model.OwnerDeviation, devs[0].ID, 0)
		w.SetContent(p.Content())
		env.Guard.Set(&pageForm{dirty: true})
		if err := p.AddFile(writeImage(t, t.TempDir(), "trapp.png", 300, 200)); err != nil {
			t.Fatal(err)
		}
		test.Tap(p.Thumbs[len(p.Thumbs)-1])
		p.Caption.SetText("Glatt trapp")
		went := false
		env.Leave(func() { went = true }, nil)
		if went || env.Guard.Prompt() == nil {
			t.Fatal("left without asking while the page's form and the caption held changes")
		}
		test.Tap(&env.Guard.Prompt().Save.Button)
		list, _ := st.Attachments(model.OwnerDeviation, devs[0].ID, 0)
		if !went || list[len(list)-1].Caption != "Glatt trapp" {
			t.Errorf("Lagre: went %v, caption %q", went, list[len(list)-1].Caption)
		}
	})
}

// Issue 20: «Legg ved …» opens the file dialog, and the file chosen there
// (read through Fyne's URI reader, as the dialog hands it over) is
// stored like a dropped one; a renamed text file is refused with the
// message, and a cancelled dialog stores nothing.
func TestPanelFileDialog(t *testing.T) {
	env, w, st := uitest.NewEnv(t, false)
	ms, _ := st.Meetings()
	p := New(env, model.OwnerMeeting, ms[0].ID, 0)
	w.SetContent(p.Content())
	w.Resize(fyne.NewSize(1024, 768))
	test.Tap(p.Add)
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("«Legg ved …» opened no file dialog")
	}
	before := len(p.Items())
	open := func(path string) {
		r, err := fstorage.Reader(fstorage.NewFileURI(path))
		p.FromDialog(r, err)
	}
	dir := t.TempDir()
	open(writeImage(t, dir, "tavle.jpg", 2000, 1500))
	if len(p.Items()) != before+1 {
		t.Fatalf("chosen photo not stored: %s", p.Err.Label.Text)
	}
	if a := p.Items()[before]; a.Width != 1600 || a.Height != 1200 || a.Filename != "tavle.jpg" {
		t.Errorf("stored %+v", a)
	}
	fake := filepath.Join(dir, "bilde.png")
	if err := os.WriteFile(fake, []byte("bare tekst"), 0o600); err != nil {
		t.Fatal(err)
	}
	open(fake)
	if len(p.Items()) != before+1 || !strings.Contains(p.Err.Label.Text, "«bilde.png» er verken et JPEG- eller PNG-bilde") {
		t.Errorf("renamed text file: %d items, message %q", len(p.Items()), p.Err.Label.Text)
	}
	p.FromDialog(nil, nil)
	if len(p.Items()) != before+1 {
		t.Error("a cancelled dialog stored something")
	}
}

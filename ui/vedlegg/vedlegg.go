// Package vedlegg is the attachments part of a form: thumbnails of the
// photos and PDFs of one deviation, finding, risk item or meeting, a
// «Legg ved …» button with a file dialog, files dropped onto the window,
// the full photo in a dialog and a PDF in the system's viewer.
package vedlegg

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // stored photos are JPEG
	"net/url"
	"os"
	"path/filepath"

	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/internal/attach"
	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/widgets"
)

// ThumbSize is the size of a thumbnail in the form.
var ThumbSize = fyne.NewSize(120, 128)

// Panel shows and adds the attachments of one record.
type Panel struct {
	env      *appctx.Env
	owner    model.AttachmentOwner
	ownerID  uint64
	question int

	Add  *widget.Button
	Err  *widgets.ErrorText
	Hint *widget.Label
	// Reveal («Vis») shows thumbnails Møtemodus hides, until the mode
	// changes again.
	Reveal *widget.Button
	// Thumbs are the thumbnails shown, in the order of Items.
	Thumbs []*Thumb
	// Viewer is the open photo dialog, if any (tests press its buttons).
	Viewer *widgets.KeyDialog
	// Caption is the caption field of the open photo dialog.
	Caption *widgets.Entry
	// OpenURL opens a PDF in the system viewer; tests replace it.
	OpenURL func(*url.URL) error
	// OnChanged runs after an attachment was added, changed or removed.
	OnChanged func()

	items    []model.Attachment
	grid     *fyne.Container
	revealed bool // «Vis» pressed in this Møtemodus
}

// New builds the panel for record ownerID of kind owner (for a finding:
// question q of round ownerID). ownerID 0 is a record not saved yet: the
// panel says so and adds nothing until SetOwner.
func New(env *appctx.Env, owner model.AttachmentOwner, ownerID uint64, q int) *Panel {
	p := &Panel{env: env, owner: owner, ownerID: ownerID, question: q}
	p.Add = widget.NewButtonWithIcon(lang.L("Legg ved bilde eller PDF …"), theme.ContentAddIcon(), p.chooseFile)
	p.Err = widgets.NewErrorText()
	p.Hint = widget.NewLabel("")
	p.Hint.Wrapping = fyne.TextWrapWord
	p.Hint.Importance = widget.LowImportance
	p.grid = container.NewGridWrap(ThumbSize)
	p.Reveal = widget.NewButtonWithIcon(lang.L("Vis"), theme.VisibilityIcon(), func() {
		p.revealed = true
		p.applyMode()
	})
	p.OpenURL = env.App.OpenURL
	p.reload()
	// Møtemodus hides the thumbnails again each time it changes; the
	// callback goes with the page (appctx.Env.BeginPage).
	env.OnMeetingMode(func(bool) {
		p.revealed = false
		p.applyMode()
	})
	return p
}

// Reload shows the attachments as stored now (after an undo elsewhere).
func (p *Panel) Reload() { p.reload() }

// SetOwner points the panel at a record just saved for the first time.
func (p *Panel) SetOwner(id uint64, q int) {
	if id == p.ownerID && q == p.question {
		return
	}
	p.ownerID, p.question = id, q
	p.reload()
}

// Items are the attachments shown.
func (p *Panel) Items() []model.Attachment { return p.items }

// Activate makes files dropped onto the window go to this panel.
func (p *Panel) Activate() { p.env.SetDropTarget(p.AddURIs) }

// Content lays the panel out. Møtemodus hides the thumbnails of records
// whose photos are sensitive (model.AttachmentHidden) behind «Vis», and
// the hint says so.
func (p *Panel) Content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("Vedlegg"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVBox(title, p.Hint, container.NewHBox(p.Reveal), p.grid, p.Err.Label, container.NewHBox(p.Add))
}

// applyMode hides or shows the thumbnails for Møtemodus, with «Vis» and
// the hint to match.
func (p *Panel) applyMode() {
	if p.hidden() {
		p.grid.Hide()
	} else {
		p.grid.Show()
	}
	if p.hidden() && len(p.items) > 0 {
		p.Reveal.Show()
	} else {
		p.Reveal.Hide()
	}
	p.setHint()
}

// reload reads the metadata (never the photos) and rebuilds the thumbnails.
func (p *Panel) reload() {
	p.items, p.Thumbs = nil, nil
	p.grid.Objects = nil
	if p.ownerID == 0 {
		p.applyMode()
		p.Add.Disable()
		p.grid.Refresh()
		return
	}
	p.Add.Enable()
	items, err := p.env.Store.Attachments(p.owner, p.ownerID, p.question)
	if err != nil {
		p.Err.Show(err)
	}
	p.items = items
	for i, a := range items {
		t := p.thumbFor(a)
		t.OnTapped = func() { p.Open(i) }
		t.OnDelete = func() { p.askDelete(a, i) }
		p.Thumbs = append(p.Thumbs, t)
		p.grid.Add(t)
	}
	p.applyMode()
	p.grid.Refresh()
}

// hidden reports whether Møtemodus hides this record's thumbnails now.
func (p *Panel) hidden() bool {
	return p.env.MeetingMode() && !p.revealed && model.AttachmentHidden(model.Attachment{OwnerKind: p.owner})
}

// setHint says what can be done with the attachments shown, or that
// Møtemodus hides them (a hint to click a photo that is not there would
// mislead).
func (p *Panel) setHint() {
	switch {
	case p.ownerID == 0:
		p.Hint.SetText(lang.L("Lagre først, så kan du legge ved bilder og PDF-er."))
	case len(p.items) == 1 && p.hidden():
		p.Hint.SetText(lang.L("Ett vedlegg er skjult i møtemodus, fordi det kan vise hva som skjedde. «Vis» viser det på skjermen."))
	case len(p.items) > 0 && p.hidden():
		p.Hint.SetText(fmt.Sprintf(lang.L("%d vedlegg er skjult i møtemodus, fordi de kan vise hva som skjedde. «Vis» viser dem på skjermen."), len(p.items)))
	case len(p.items) > 0:
		p.Hint.SetText(lang.L("Klikk et bilde for å se det i full størrelse, eller gå til det med Tab og trykk Enter. Delete sletter vedlegget (du blir spurt først)."))
	default:
		p.Hint.SetText(lang.L("Legg ved med knappen, eller slipp filer på vinduet. Bilder lagres nedskalert og uten posisjon og kameradata."))
	}
}

func (p *Panel) thumbFor(a model.Attachment) *Thumb {
	label := a.Label()
	if a.Kind == model.AttachPDF {
		return NewThumb(canvas.NewImageFromResource(theme.FileApplicationIcon()), label)
	}
	raw, err := p.env.Store.AttachmentThumb(a)
	if err != nil {
		return NewThumb(canvas.NewImageFromResource(theme.BrokenImageIcon()), label)
	}
	return NewThumb(imageOf(raw), label)
}

func (p *Panel) chooseFile() {
	d := dialog.NewFileOpen(p.FromDialog, p.env.Window)
	// The content decides what is accepted; the filter only helps find it.
	d.SetFilter(fstorage.NewExtensionFileFilter([]string{".jpg", ".jpeg", ".png", ".pdf", ".JPG", ".JPEG", ".PNG", ".PDF"}))
	widgets.ShowFileDialog(d, p.env.Window)
}

// FromDialog stores the file chosen in the file dialog (r nil: the
// dialog was cancelled).
func (p *Panel) FromDialog(r fyne.URIReadCloser, err error) {
	if err != nil {
		p.Err.Show(err)
		return
	}
	if r == nil {
		return
	}
	defer r.Close()
	f, err := attach.Read(r.URI().Name(), r)
	p.store(f, err)
}

// AddFile imports the file at path and stores it on the record.
func (p *Panel) AddFile(path string) error {
	f, err := attach.ReadFile(path)
	return p.store(f, err)
}

// AddURIs adds dropped files; the problems of those refused are shown
// together, and the others are added.
func (p *Panel) AddURIs(uris []fyne.URI) {
	var errs []error
	for _, u := range uris {
		if u.Scheme() != "file" {
			errs = append(errs, fmt.Errorf(lang.L("«%s» er ikke en fil på maskinen."), u.Name()))
			continue
		}
		if err := p.AddFile(u.Path()); err != nil {
			errs = append(errs, err)
		}
	}
	p.Err.Show(errors.Join(errs...))
}

func (p *Panel) store(f attach.File, err error) error {
	if err == nil && p.ownerID == 0 {
		err = errors.New(lang.L("Lagre først, så kan du legge ved bilder og PDF-er."))
	}
	if err == nil {
		_, err = p.env.Store.AddAttachment(f.Meta(p.owner, p.ownerID, p.question, "", p.env.Today()),
			storage.AttachmentParts{File: f.Data, Thumb: f.Thumb, ListThumb: f.ListThumb})
	}
	p.Err.Show(err)
	if err != nil {
		return err
	}
	p.changed()
	return nil
}

// changed shows what is stored now, tells the page (its list counts the
// attachments) and the window (the undo bar offers «Angre»).
func (p *Panel) changed() {
	p.reload()
	if p.OnChanged != nil {
		p.OnChanged()
	}
	p.env.DataChanged()
}

// Open shows attachment i: a photo in a dialog, a PDF in the system viewer.
func (p *Panel) Open(i int) {
	if i < 0 || i >= len(p.items) {
		return
	}
	a := p.items[i]
	if a.Kind == model.AttachPDF {
		p.Err.Show(p.openPDF(a))
		return
	}
	raw, err := p.env.Store.AttachmentFile(a)
	if err != nil {
		p.Err.Show(err)
		return
	}
	img := imageOf(raw)
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSize(640, 440))
	p.Caption = widgets.NewEntry()
	p.Caption.SetText(a.Caption)
	p.Caption.SetPlaceHolder(lang.L("bildetekst, for eksempel «Sperret rømningsvei ved kjøkkenet»"))
	info := widget.NewLabel(fmt.Sprintf("%s · %d × %d · %s · %s", a.Filename, a.Width, a.Height, model.FormatBytes(a.Size), a.Created))
	info.Importance = widget.LowImportance
	errText := widgets.NewErrorText()
	body := container.NewBorder(nil, container.NewVBox(info, p.Caption, errText.Label), nil, nil, img)
	d := widgets.NewKeyDialog(p.env.Window, lang.L("Vedlegg"), body)
	cf := &captionForm{p: p, a: a, entry: p.Caption, errText: errText}
	// Lukk and Escape keep a changed caption (saved, as a draft round's
	// text is); a refused save keeps the dialog open with the message.
	d.SetCancelSubmit(lang.L("Lukk"), cf.keep)
	d.AddButton(lang.L("Slett vedlegget"), theme.DeleteIcon(), widget.DangerImportance, func() { p.confirmDelete(a) })
	d.Default = d.AddSubmit(lang.L("Lagre bildeteksten"), theme.DocumentSaveIcon(), widget.HighImportance, cf.Save)
	d.OnClosed = func() { p.env.Guard.Unnest(cf) }
	p.env.Guard.Nest(cf)
	d.First = p.Caption
	d.Resize(fyne.NewSize(720, 640))
	p.Viewer = d
	d.Show()
}

func (p *Panel) confirmDelete(a model.Attachment) { p.askDelete(a, -1) }

// captionForm is the caption of the open photo dialog, a sub-form of the
// form on screen (unsaved.Guard.Nest). A caption is a short note on a
// photo already stored: saving it when the dialog or the page is left
// cannot surprise anyone, and Angre takes it back, so it autosaves
// instead of asking «Lagre endringene?».
type captionForm struct {
	p       *Panel
	a       model.Attachment
	entry   *widgets.Entry
	errText *widgets.ErrorText
}

func (c *captionForm) Dirty() bool    { return c.entry.Text != c.a.Caption }
func (c *captionForm) Discard()       { c.entry.SetText(c.a.Caption) }
func (c *captionForm) AutoSave() bool { return true }

// Save stores the caption; on an error the text stays in the field with
// the message under it.
func (c *captionForm) Save() bool {
	_, err := c.p.env.Store.SetAttachmentCaption(c.a.ID, c.entry.Text)
	c.errText.Show(err)
	if err != nil {
		return false
	}
	c.a.Caption = c.entry.Text
	c.p.changed()
	return true
}

// keep saves the caption when it changed (Lukk, Escape).
func (c *captionForm) keep() bool { return !c.Dirty() || c.Save() }

// askDelete asks before deleting a; «Avbryt» is the default (Enter). From
// thumbnail i (the Delete key; -1: the photo dialog) the focus goes on to
// the thumbnail now in its place, or to «Legg ved …» when none is left.
func (p *Panel) askDelete(a model.Attachment, i int) {
	widgets.ConfirmDanger(p.env.Window, lang.L("Slett vedlegg"),
		fmt.Sprintf(lang.L("Slette vedlegget «%s»?"), a.Label()), lang.L("Slett"), func() {
			p.Delete(a)
			if i >= 0 {
				p.focusNear(i)
			}
		})
}

func (p *Panel) focusNear(i int) {
	c := p.env.Window.Canvas()
	switch {
	case len(p.Thumbs) > 0:
		widgets.FocusLater(c, p.Thumbs[min(i, len(p.Thumbs)-1)])
	case !p.Add.Disabled():
		widgets.FocusLater(c, p.Add)
	}
}

// Delete removes attachment a (after the confirmation).
func (p *Panel) Delete(a model.Attachment) {
	if err := p.env.Store.DeleteAttachment(a.ID); err != nil {
		p.Err.Show(err)
		return
	}
	p.changed()
}

// openPDF writes the PDF to a private temporary folder and hands it to
// the system's viewer.
func (p *Panel) openPDF(a model.Attachment) error {
	raw, err := p.env.Store.AttachmentFile(a)
	if err != nil {
		return err
	}
	dir := filepath.Join(os.TempDir(), "hmsutvalg-vedlegg")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	path := filepath.Join(dir, fmt.Sprintf("%d-%s", a.ID, model.CleanFilename(a.Filename)))
	if filepath.Ext(path) == "" {
		path += ".pdf"
	}
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		return err
	}
	// A file URL only: the program never opens network addresses.
	return p.OpenURL(&url.URL{Scheme: "file", Path: path})
}

// imageOf decodes a stored JPEG now, so its size is known when the
// canvas first draws it (a lazily read image has none yet, and the
// software painter fails on it); a file that does not decode shows as a
// broken image.
func imageOf(raw []byte) *canvas.Image {
	img, _, err := image.Decode(bytes.NewReader(raw))
	if err != nil {
		return canvas.NewImageFromResource(theme.BrokenImageIcon())
	}
	return canvas.NewImageFromImage(img)
}

// Thumb is a thumbnail with its caption that a click or the keyboard
// opens: Tab reaches it, Enter or Space opens it, Delete asks to remove
// it. A frame in the theme's focus colour shows that it has the focus.
type Thumb struct {
	widget.BaseWidget
	Image    *canvas.Image
	Label    *widget.Label
	OnTapped func()
	// OnDelete asks to delete the attachment (the Delete key).
	OnDelete func()

	focused bool
	frame   *canvas.Rectangle
}

// NewThumb makes a thumbnail of img labelled text.
func NewThumb(img *canvas.Image, text string) *Thumb {
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSize(ThumbSize.Width, ThumbSize.Height-28))
	l := widget.NewLabel(text)
	l.Truncation = fyne.TextTruncateEllipsis
	l.SizeName = theme.SizeNameCaptionText
	t := &Thumb{Image: img, Label: l}
	t.frame = canvas.NewRectangle(color.Transparent)
	t.frame.StrokeWidth = 3
	t.frame.CornerRadius = 4
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer shows the picture above its caption.
func (t *Thumb) CreateRenderer() fyne.WidgetRenderer {
	t.paintFrame()
	return widget.NewSimpleRenderer(container.NewStack(t.frame, container.NewPadded(container.New(thumbLayout{}, t.Image, t.Label))))
}

// paintFrame draws the focus frame: a tinted background and a border in
// the theme's primary colour while the thumbnail has the focus.
func (t *Thumb) paintFrame() {
	t.frame.FillColor, t.frame.StrokeColor = color.Transparent, color.Transparent
	if t.focused {
		th := t.Theme()
		v := fyne.CurrentApp().Settings().ThemeVariant()
		t.frame.FillColor = th.Color(theme.ColorNameFocus, v)
		t.frame.StrokeColor = th.Color(theme.ColorNamePrimary, v)
	}
	t.frame.Refresh()
}

// Focused reports whether the thumbnail has the keyboard focus (tests).
func (t *Thumb) Focused() bool { return t.focused }

// FocusGained shows the focus frame.
func (t *Thumb) FocusGained() { t.focused = true; t.paintFrame() }

// FocusLost hides the focus frame.
func (t *Thumb) FocusLost() { t.focused = false; t.paintFrame() }

// TypedRune ignores characters (the space that follows KeySpace).
func (t *Thumb) TypedRune(rune) {}

// TypedKey opens the attachment on Enter or Space and asks to delete it
// on Delete.
func (t *Thumb) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		t.Tapped(nil)
	case fyne.KeyDelete:
		if t.OnDelete != nil {
			t.OnDelete()
		}
	}
}

// thumbLayout puts the caption at the bottom and gives the picture the
// rest, never less than minPicture: Fyne's software painter fails on a
// picture squeezed to no height (a large text scale in a small cell).
type thumbLayout struct{}

const minPicture = 32

func (thumbLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	img, label := objs[0], objs[1]
	lh := label.MinSize().Height
	ih := fyne.Max(size.Height-lh, minPicture)
	img.Move(fyne.NewPos(0, 0))
	img.Resize(fyne.NewSize(fyne.Max(size.Width, minPicture), ih))
	label.Move(fyne.NewPos(0, ih))
	label.Resize(fyne.NewSize(size.Width, lh))
}

func (thumbLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	l := objs[1].MinSize()
	return fyne.NewSize(fyne.Max(l.Width, minPicture), l.Height+minPicture)
}

// Tapped opens the attachment.
func (t *Thumb) Tapped(*fyne.PointEvent) {
	if t.OnTapped != nil {
		t.OnTapped()
	}
}

// Cursor shows that the thumbnail can be clicked.
func (t *Thumb) Cursor() desktop.Cursor { return desktop.PointerCursor }

// CountText is «3 vedlegg» with the English plural: "1 attachment",
// "3 attachments".
func CountText(n int) string {
	if n == 1 {
		return lang.L("1 vedlegg")
	}
	return fmt.Sprintf(lang.L("%d vedlegg"), n)
}

package vernerunde

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/widgets"
)

// TemplatesView lists the checklists: the shipped ones (read-only, can be
// copied) and the unit's own (can be edited and deleted). Rounds keep
// their own copy of the questions, so editing a checklist changes only
// rounds started afterwards.
type TemplatesView struct {
	env       *appctx.Env
	back      func()
	templates []model.ChecklistTemplate
	current   model.ChecklistTemplate

	List        *widgets.List
	Back        *widget.Button
	Name        *widgets.Entry
	Description *widgets.Entry
	Questions   *widgets.Entry
	Info        *widget.Label
	Copy        *widget.Button
	Save        *widget.Button
	Delete      *widget.Button
	Err         *widgets.ErrorText
	detail      *fyne.Container
	split       fyne.CanvasObject
	loaded      string // the open template's fields as shown or saved
}

// NewTemplatesView loads the templates.
func NewTemplatesView(env *appctx.Env, back func()) *TemplatesView {
	t := &TemplatesView{env: env, back: back, Err: widgets.NewErrorText(), detail: container.NewStack()}
	t.Back = widget.NewButtonWithIcon(lang.L("Alle vernerunder"), theme.NavigateBackIcon(), back)
	t.List = widgets.NewTwoLineList(
		func() int { return len(t.templates) },
		func(i widget.ListItemID) (string, string, widget.Importance) {
			x := t.templates[i]
			kind := lang.L("Følger med programmet")
			if !x.Builtin() {
				kind = lang.L("Enhetens egen")
			}
			return x.Name, fmt.Sprintf("%s · %d %s", kind, x.QuestionCount(), lang.L("spørsmål")), widget.MediumImportance
		},
	)
	t.List.OnSelected = func(i widget.ListItemID) {
		x := t.templates[i]
		// The open template is saved or the user asked first.
		env.Leave(func() { t.Show(x) }, nil)
	}
	t.Name = widgets.NewEntry()
	t.Description = widgets.NewMultiLineEntry()
	t.Description.Wrapping = fyne.TextWrapWord
	t.Description.SetMinRowsVisible(2)
	t.Questions = widgets.NewMultiLineEntry()
	t.Questions.Wrapping = fyne.TextWrapWord
	t.Questions.SetMinRowsVisible(14)
	t.Info = wrapped("")
	t.Copy = widget.NewButtonWithIcon(lang.L("Kopier til egen sjekkliste"), theme.ContentCopyIcon(), t.CopyTemplate)
	t.Save = widget.NewButtonWithIcon(lang.L("Lagre sjekklisten"), theme.DocumentSaveIcon(), t.SaveTemplate)
	t.Save.Importance = widget.HighImportance
	t.Delete = widget.NewButtonWithIcon(lang.L("Slett"), theme.DeleteIcon(), t.confirmDelete)
	t.Delete.Importance = widget.DangerImportance // asks first
	t.reload()
	t.loaded = t.state()
	return t
}

func (t *TemplatesView) reload() {
	t.templates = allTemplates(t.env)
	t.List.Refresh()
}

// Templates are the listed templates: shipped first, then the unit's own.
func (t *TemplatesView) Templates() []model.ChecklistTemplate { return t.templates }

// Show opens a template: read-only if shipped, editable if the unit's own.
func (t *TemplatesView) Show(x model.ChecklistTemplate) {
	t.current = x
	t.Err.Show(nil)
	t.Name.SetText(x.Name)
	t.Description.SetText(x.Description)
	t.Questions.SetText(model.ChecklistText(x.Sections))
	info := fmt.Sprintf(lang.L("%d deler, %d spørsmål."), len(x.Sections), x.QuestionCount())
	if x.BasedOn != "" {
		info += " " + fmt.Sprintf(lang.L("Kopi av «%s»."), x.BasedOn)
	}
	if x.Builtin() {
		info += " " + lang.L("Sjekklister som følger med programmet kan ikke endres. Lag en kopi for å tilpasse den.")
		for _, w := range []fyne.Disableable{t.Name, t.Description, t.Questions, t.Save, t.Delete} {
			w.Disable()
		}
	} else {
		info += " " + lang.L("Én overskrift per del på en linje som begynner med ##, og ett spørsmål per linje under den. Vernerunder som er startet, beholder spørsmålene de ble startet med.")
		for _, w := range []fyne.Disableable{t.Name, t.Description, t.Questions, t.Save, t.Delete} {
			w.Enable()
		}
	}
	t.Info.SetText(info)
	body := container.NewVBox(
		labelled(lang.L(model.FieldTemplateName), t.Err.Bind(model.FieldTemplateName, t.Name)),
		labelled(lang.L("Beskrivelse"), t.Err.Bind(model.FieldTemplateDesc, t.Description)),
		t.Info,
		labelled(lang.L(model.FieldSections), t.Err.Bind(model.FieldSections, t.Questions)),
		t.Err.Label,
		container.NewHBox(t.Save, t.Copy, t.Delete),
	)
	t.detail.Objects = []fyne.CanvasObject{container.NewVScroll(body)}
	t.detail.Refresh()
	t.loaded = t.state()
}

// state is the open template's fields, to tell whether they were changed.
func (t *TemplatesView) state() string {
	return t.Name.Text + "\x00" + t.Description.Text + "\x00" + t.Questions.Text
}

// Dirty reports whether the open template holds changes not saved.
func (t *TemplatesView) Dirty() bool { return t.state() != t.loaded }

// CopyTemplate stores a copy of the open template as the unit's own and
// opens it.
func (t *TemplatesView) CopyTemplate() {
	c := model.CopyTemplate(t.current, "")
	saved, err := t.env.Store.SaveChecklistTemplate(c)
	if err != nil {
		t.Err.Show(err)
		return
	}
	t.env.DataChanged()
	t.reload()
	t.selectID(saved.ID)
}

func (t *TemplatesView) selectID(id uint64) {
	for i, x := range t.templates {
		if x.ID == id && !x.Builtin() {
			t.List.UnselectAll()
			t.List.Select(i)
			return
		}
	}
}

// SaveTemplate stores the unit's own template; refused input stays typed.
func (t *TemplatesView) SaveTemplate() { t.saveTemplate() }

func (t *TemplatesView) saveTemplate() bool {
	if t.current.Builtin() {
		return true
	}
	x := t.current
	x.Name = t.Name.Text
	x.Description = t.Description.Text
	ss, err := model.ParseChecklistText(t.Questions.Text)
	if err != nil {
		t.Err.Show(err)
		return false
	}
	x.Sections = ss
	saved, err := t.env.Store.SaveChecklistTemplate(x)
	if err != nil {
		t.Err.Show(err)
		return false
	}
	t.loaded = t.state()
	t.env.DataChanged()
	t.reload()
	t.selectID(saved.ID)
	return true
}

// confirmDelete asks before deleting the unit's own template (Avbryt is
// the default).
func (t *TemplatesView) confirmDelete() {
	if t.current.Builtin() || t.current.ID == 0 {
		return
	}
	widgets.ConfirmDanger(t.env.Window, lang.L("Slette sjekklisten?"),
		fmt.Sprintf(lang.L("«%s» slettes. Vernerunder som er startet med den, beholder spørsmålene sine."), t.current.Name),
		lang.L("Slett"), t.DeleteTemplate)
}

// DeleteTemplate removes the unit's own template (after the question).
func (t *TemplatesView) DeleteTemplate() {
	if t.current.Builtin() || t.current.ID == 0 {
		return
	}
	if err := t.env.Store.DeleteChecklistTemplate(t.current.ID); err != nil {
		t.Err.Show(err)
		return
	}
	t.loaded = t.state() // nothing left to save
	t.env.DataChanged()
	t.reload()
	t.List.UnselectAll()
	t.detail.Objects = nil
	t.detail.Refresh()
}

// Content lays out the list above the open template.
func (t *TemplatesView) Content() fyne.CanvasObject {
	if t.split == nil {
		// List above the open checklist rather than beside it, so both get
		// the full width of a 1024×768 projector in Møtemodus.
		top := container.NewBorder(nil, nil, t.Back, nil, widget.NewLabelWithStyle(lang.L("Sjekklister"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		s := container.NewBorder(top, nil, nil, nil, container.NewVSplit(t.List, t.detail))
		s.Objects[0].(*container.Split).Offset = 0.3
		t.split = s
	}
	return t.split
}

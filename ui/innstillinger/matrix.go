package innstillinger

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/i18n"
	"hmsutvalg/ui/widgets"
)

// MatrixForm edits the unit's risk matrix: size and the level boundaries.
// Arbeidstilsynet sets no acceptance criteria, so the unit decides; new
// assessments use the setting, old ones keep the matrix they were made with.
type MatrixForm struct {
	env               *appctx.Env
	Size              *widget.Select
	LowMax, MediumMax *widgets.Entry
	Preview           *widget.Label
	Save              *widget.Button
	Err               *widgets.ErrorText
	Saved             *widget.Label
	size              int    // the size shown, to tell a size change from a refresh
	loaded            string // the fields as loaded or saved (see state)
}

var sizeLabels = []string{"5×5", "4×4"}

// NewMatrixForm loads the unit's matrix.
func NewMatrixForm(env *appctx.Env) *MatrixForm {
	f := &MatrixForm{env: env}
	f.Err = widgets.NewErrorText()
	f.Saved = widget.NewLabel("")
	f.Preview = widget.NewLabel("")
	f.Preview.Wrapping = fyne.TextWrapWord
	f.LowMax = widgets.NewEntry()
	f.MediumMax = widgets.NewEntry()
	f.Size = widgets.NewSelect(sizeLabels, nil)
	m, err := env.Store.RiskMatrix()
	if err != nil {
		f.Err.Show(err)
		m = model.DefaultRiskMatrix()
	}
	f.set(m)
	f.Size.OnChanged = func(v string) {
		// A new size starts from that size's default boundaries.
		size := 5
		if v == sizeLabels[1] {
			size = 4
		}
		if size != f.size {
			f.set(model.DefaultRiskMatrixFor(size))
		}
	}
	f.LowMax.OnChanged = func(string) { f.preview() }
	f.MediumMax.OnChanged = func(string) { f.preview() }
	f.Save = widget.NewButtonWithIcon(lang.L("Lagre risikomatrisen"), theme.DocumentSaveIcon(), f.SaveMatrix)
	f.preview()
	f.loaded = f.state()
	return f
}

func (f *MatrixForm) set(m model.RiskMatrix) {
	f.size = m.Size
	if m.Size == 4 {
		f.Size.SetSelected(sizeLabels[1])
	} else {
		f.Size.SetSelected(sizeLabels[0])
	}
	f.LowMax.SetText(fmt.Sprint(m.LowMax))
	f.MediumMax.SetText(fmt.Sprint(m.MediumMax))
}

// state is the form's fields, to tell whether they were changed.
func (f *MatrixForm) state() string {
	return f.Size.Selected + "\x00" + f.LowMax.Text + "\x00" + f.MediumMax.Text
}

// Dirty reports whether the matrix was changed but not saved.
func (f *MatrixForm) Dirty() bool { return f.state() != f.loaded }

// discard shows the stored matrix again.
func (f *MatrixForm) discard() {
	if m, err := f.env.Store.RiskMatrix(); err == nil {
		f.set(m)
		f.loaded = f.state()
	}
}

// read parses the form; the model validates the result.
func (f *MatrixForm) read() (model.RiskMatrix, error) {
	m := model.RiskMatrix{Size: 5}
	if f.Size.Selected == sizeLabels[1] {
		m.Size = 4
	}
	var verr model.ValidationError
	var err error
	if m.LowMax, err = model.ParseInt(model.FieldLowMax, f.LowMax.Text, 1, m.Size*m.Size); err != nil {
		verr.Add(model.FieldLowMax, err.Error())
	}
	if m.MediumMax, err = model.ParseInt(model.FieldMediumMax, f.MediumMax.Text, 1, m.Size*m.Size); err != nil {
		verr.Add(model.FieldMediumMax, err.Error())
	}
	if len(verr) > 0 {
		return m, verr
	}
	return m, m.Validate()
}

func (f *MatrixForm) preview() {
	m, err := f.read()
	if err != nil {
		f.Preview.SetText("")
		return
	}
	f.Preview.SetText(i18n.T(m.Describe()))
}

// SaveMatrix stores the setting; refused input stays in the form.
func (f *MatrixForm) SaveMatrix() { f.save() }

func (f *MatrixForm) save() bool {
	f.Saved.SetText("")
	m, err := f.read()
	if err == nil {
		err = f.env.Store.SaveRiskMatrix(m)
	}
	if err != nil {
		f.Err.Show(err)
		return false
	}
	f.Err.Show(nil)
	f.loaded = f.state()
	f.Saved.SetText(lang.L("Lagret. Nye risikovurderinger bruker denne matrisen; eksisterende beholder sin."))
	f.env.DataChanged()
	return true
}

// Content lays the form out.
func (f *MatrixForm) Content() fyne.CanvasObject {
	help := widget.NewLabel(lang.L("Risiko = sannsynlighet × konsekvens. Arbeidstilsynet fastsetter ingen akseptkriterier; enheten bestemmer grensene selv. Rapportene skriver ut grensene som er brukt."))
	help.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Størrelse"), f.Err.Bind(model.FieldMatrixSize, f.Size)),
		f.Err.FormItem(model.FieldLowMax, f.LowMax),
		f.Err.FormItem(model.FieldMediumMax, f.MediumMax),
	)
	f.Saved.Wrapping = fyne.TextWrapWord
	return container.NewVScroll(container.NewVBox(help, form, f.Preview, f.Err.Label, container.NewHBox(f.Save), f.Saved))
}

// describeErr is used by tests to read the shown message.
func (f *MatrixForm) describeErr() string { return strings.TrimSpace(f.Err.Messages()) }

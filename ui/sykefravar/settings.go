package sykefravar

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/widgets"
)

// SettingsForm edits the unit's target and the follow-up limits ("Mål og
// grenser"). The defaults come from the county's IA plan; the unit may set
// its own target, and the limits if its municipality uses others.
type SettingsForm struct {
	s                        *Screen
	Target, TwoLimit, OneLim *widget.Entry
	Save, Defaults           *widget.Button
	Err                      *widgets.ErrorText
	Saved                    *widget.Label
}

func newSettingsForm(s *Screen) *SettingsForm {
	f := &SettingsForm{s: s, Err: widgets.NewErrorText()}
	f.Target = widget.NewEntry()
	f.TwoLimit = widget.NewEntry()
	f.OneLim = widget.NewEntry()
	f.Saved = wrapped("")
	f.Saved.Importance = widget.SuccessImportance
	f.Save = widget.NewButtonWithIcon(lang.L("Lagre mål og grenser"), theme.DocumentSaveIcon(), f.SaveSettings)
	f.Save.Importance = widget.HighImportance
	f.Defaults = widget.NewButton(lang.L("Bruk standardverdiene"), func() { f.set(model.DefaultSickLeaveSettings()) })
	set, err := s.env.Store.SickLeaveSettings()
	if err != nil {
		f.Err.Show(err)
		set = model.DefaultSickLeaveSettings()
	}
	f.set(set)
	return f
}

func (f *SettingsForm) set(v model.SickLeaveSettings) {
	f.Target.SetText(trimZero(v.Target.Number(2)))
	f.TwoLimit.SetText(trimZero(v.TwoQuarterThreshold.Number(2)))
	f.OneLim.SetText(trimZero(v.OneQuarterThreshold.Number(2)))
}

// read parses the three fields; the model validates the result.
func (f *SettingsForm) read() (model.SickLeaveSettings, error) {
	var v model.ValidationError
	parse := func(field string, e *widget.Entry) model.Percent {
		p, err := model.ParsePercentField(field, e.Text)
		var fe *model.FieldError
		if errors.As(err, &fe) {
			v.Add(fe.Field, fe.Message)
		}
		return p
	}
	out := model.SickLeaveSettings{
		Target:              parse(model.FieldSickTarget, f.Target),
		TwoQuarterThreshold: parse(model.FieldTwoQuarterLimit, f.TwoLimit),
		OneQuarterThreshold: parse(model.FieldOneQuarterLimit, f.OneLim),
	}
	if err := v.Err(); err != nil {
		return out, err
	}
	return out, out.Validate()
}

// SaveSettings stores the settings; refused values keep the typed text.
func (f *SettingsForm) SaveSettings() {
	v, err := f.read()
	if err == nil {
		err = f.s.env.Store.SaveSickLeaveSettings(v)
	}
	if err != nil {
		f.Saved.SetText("")
		f.Err.Show(err)
		return
	}
	f.Err.Show(nil)
	f.Saved.SetText(fmt.Sprintf(lang.L("Lagret. %s"), v.Describe()))
	f.s.changed()
}

// Content lays the form out: the explanation, then the fields with their
// labels above in two columns.
func (f *SettingsForm) Content() fyne.CanvasObject {
	help := wrapped(lang.L("Standardverdiene kommer fra fylkets IA-handlingsplan: samlet sykefravær skal ikke være over 5,2 % (det nasjonale måltallet). Grupper med mer enn 7 % to kvartaler på rad skal følges opp av leder, verneombud og tillitsvalgt, og grupper med mer enn 10 % i ett kvartal skal følges opp sammen med bedriftshelsetjenesten (BHT). Enheten kan sette sitt eget mål, for eksempel kommunens mål på 7,4 %."))
	grid := container.NewGridWithColumns(2,
		labelled(lang.L("Mål for sykefravær (%)"), f.Target), widget.NewLabel(""),
		labelled(lang.L("Grense for to kvartaler på rad (%)"), f.TwoLimit),
		labelled(lang.L("Grense for ett kvartal, med BHT (%)"), f.OneLim),
	)
	return container.NewVScroll(container.NewVBox(help, grid, f.Err.Label, f.Saved, container.NewHBox(f.Save, f.Defaults)))
}

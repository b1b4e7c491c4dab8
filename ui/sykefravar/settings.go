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

// SettingsHelp explains the defaults and whose target it is.
const SettingsHelp = "Det finnes ikke noe nasjonalt måltall for sykefravær: enheten eller kommunen setter sitt eget mål, og rapportene sier hvem som har satt det. " +
	"Standardverdiene er eksempler fra et fylkes IA-handlingsplan: fylkets eget mål er 5,2 %, grupper med mer enn 7 % to kvartaler på rad følges opp av leder, verneombud og tillitsvalgt, " +
	"og grupper med mer enn 10 % i ett kvartal følges opp sammen med bedriftshelsetjenesten (BHT). En kommune har for eksempel satt målet 7,4 % i sin strategi."

// SettingsForm edits the target, who set it, and the follow-up limits
// ("Mål og grenser"). The defaults are examples from a county's IA plan:
// there is no national target, so the unit or its municipality sets its
// own, and the limits if the municipality uses others.
type SettingsForm struct {
	s                        *Screen
	Target, TwoLimit, OneLim *widgets.Entry
	// Owner says whose target it is: the unit's or the municipality's
	// (model.TargetOwners, in that order).
	Owner          *widget.RadioGroup
	Save, Defaults *widget.Button
	Err            *widgets.ErrorText
	Saved          *widget.Label
	loaded         model.SickLeaveSettings // as stored (see dirty)
}

func newSettingsForm(s *Screen) *SettingsForm {
	f := &SettingsForm{s: s, Err: widgets.NewErrorText()}
	f.Target = widgets.NewEntry()
	f.TwoLimit = widgets.NewEntry()
	f.OneLim = widgets.NewEntry()
	var owners []string
	for _, o := range model.TargetOwners() {
		owners = append(owners, lang.L(o.Label()))
	}
	f.Owner = widget.NewRadioGroup(owners, nil)
	f.Owner.Horizontal = true
	f.Owner.Required = true
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
	f.loaded = set
	return f
}

func (f *SettingsForm) set(v model.SickLeaveSettings) {
	f.Target.SetText(trimZero(v.Target.Number(2)))
	f.Owner.SetSelected(lang.L(v.TargetSetBy.Label()))
	f.TwoLimit.SetText(trimZero(v.TwoQuarterThreshold.Number(2)))
	f.OneLim.SetText(trimZero(v.OneQuarterThreshold.Number(2)))
}

// read parses the three fields; the model validates the result.
func (f *SettingsForm) read() (model.SickLeaveSettings, error) {
	var v model.ValidationError
	parse := func(field string, e *widgets.Entry) model.Percent {
		p, err := model.ParsePercentField(field, e.Text)
		var fe *model.FieldError
		if errors.As(err, &fe) {
			v.Add(fe.Field, fe.Message)
		}
		return p
	}
	owner := model.TargetByUnit
	for _, o := range model.TargetOwners() {
		if f.Owner.Selected == lang.L(o.Label()) {
			owner = o
		}
	}
	out := model.SickLeaveSettings{
		Target:              parse(model.FieldSickTarget, f.Target),
		TargetSetBy:         owner,
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
	f.loaded = v
	f.Saved.SetText(fmt.Sprintf(lang.L("Lagret. %s"), v.Describe()))
	f.s.changed()
}

// Content lays the form out: the explanation, then the fields with their
// labels above in two columns.
func (f *SettingsForm) Content() fyne.CanvasObject {
	help := wrapped(lang.L(SettingsHelp))
	grid := container.NewGridWithColumns(2,
		labelled(lang.L("Mål for sykefravær (%)"), f.Err.Bind(model.FieldSickTarget, f.Target)), labelled(lang.L(model.FieldSickTargetOwner), f.Err.Bind(model.FieldSickTargetOwner, f.Owner)),
		labelled(lang.L("Grense for to kvartaler på rad (%)"), f.Err.Bind(model.FieldTwoQuarterLimit, f.TwoLimit)),
		labelled(lang.L("Grense for ett kvartal, med BHT (%)"), f.Err.Bind(model.FieldOneQuarterLimit, f.OneLim)),
	)
	return container.NewVScroll(container.NewVBox(help, grid, f.Err.Label, f.Saved, container.NewHBox(f.Save, f.Defaults)))
}

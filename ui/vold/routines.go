package vold

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/widgets"
)

// RoutinesView records which routines exist and when employees and their
// representatives were informed, and how.
type RoutinesView struct {
	s *Screen
	r model.ViolenceRoutines

	Exists  map[model.RoutineKind]*widget.Check
	Where   map[model.RoutineKind]*widgets.Entry
	Updated map[model.RoutineKind]*widgets.DateEntry
	Save    *widget.Button
	Err     *widgets.ErrorText
	Info    *widget.Label

	Log                   *fyne.Container
	InfoDate              *widgets.DateEntry
	InfoEmployees, InfoRe *widget.Check
	InfoMethod            *widget.Select
	InfoNotes             *widgets.Entry
	AddInfo               *widget.Button
	InfoErr               *widgets.ErrorText
	loaded                string // the fields as loaded or saved (see state)
}

func newRoutinesView(s *Screen) *RoutinesView {
	v := &RoutinesView{s: s, r: s.data.Routines, Exists: map[model.RoutineKind]*widget.Check{},
		Where: map[model.RoutineKind]*widgets.Entry{}, Updated: map[model.RoutineKind]*widgets.DateEntry{}}
	for _, k := range model.RoutineKinds() {
		x := v.r.Routine(k)
		c := widget.NewCheck(lang.L("Rutinen finnes"), nil)
		c.SetChecked(x.Exists)
		w := widgets.NewEntry()
		w.SetPlaceHolder(lang.L("hvor, for eksempel personalhåndboka kap. 4"))
		w.SetText(x.Where)
		d := widgets.NewDateEntry(lang.L("Sist revidert"), true)
		d.SetDate(x.Updated)
		v.Exists[k], v.Where[k], v.Updated[k] = c, w, d
	}
	v.Save = widget.NewButtonWithIcon(lang.L("Lagre rutinene"), theme.DocumentSaveIcon(), v.SaveRoutines)
	v.Save.Importance = widget.HighImportance
	v.Err = widgets.NewErrorText()
	v.Info = widget.NewLabel("")
	v.Info.Importance = widget.LowImportance

	v.Log = container.NewVBox()
	v.InfoDate = widgets.NewDateEntry(model.FieldInformedOn, false)
	v.InfoDate.SetDate(s.env.Today())
	v.InfoEmployees = widget.NewCheck(lang.L("Ansatte"), nil)
	v.InfoRe = widget.NewCheck(lang.L("Verneombud og tillitsvalgte"), nil)
	v.InfoMethod = widgets.NewSelect(translated(model.InfoMethodLabels()), nil)
	v.InfoNotes = widgets.NewEntry()
	v.InfoNotes.SetPlaceHolder(lang.L("for eksempel gjennomgang av alarmrutinen"))
	v.AddInfo = widget.NewButtonWithIcon(lang.L("Registrer informasjonen"), theme.ContentAddIcon(), v.AddInformation)
	v.InfoErr = widgets.NewErrorText()
	v.refreshLog()
	v.loaded = v.state()
	return v
}

// read builds the record from the routine fields; a bad date is an error.
func (v *RoutinesView) read() (model.ViolenceRoutines, error) {
	r := v.r
	r.Routines = nil
	var errs []error
	for _, k := range model.RoutineKinds() {
		d, err := v.Updated[k].Date()
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", lang.L(k.Label()), err))
		}
		r.Routines = append(r.Routines, model.ViolenceRoutine{Kind: k, Exists: v.Exists[k].Checked, Where: v.Where[k].Text, Updated: d})
	}
	return r, errors.Join(errs...)
}

// SaveRoutines stores the routine fields; a refused save keeps the input.
func (v *RoutinesView) SaveRoutines() {
	r, err := v.read()
	if err != nil {
		v.Err.Show(err)
		return
	}
	v.store(r, v.Err)
}

// store saves r and shows an error in e.
func (v *RoutinesView) store(r model.ViolenceRoutines, e *widgets.ErrorText) bool {
	saved, err := v.s.env.Store.SaveViolenceRoutines(r, v.s.env.Today())
	if err != nil {
		e.Show(err)
		return false
	}
	v.r = saved
	v.loaded = v.state()
	e.Show(nil)
	v.Info.SetText(lang.L("Lagret."))
	v.s.changed()
	v.refreshLog()
	return true
}

// AddInformation adds one information occasion to the log, together with
// the routine fields as they are.
func (v *RoutinesView) AddInformation() {
	d, err := v.InfoDate.Date()
	if err != nil {
		v.InfoErr.Show(err)
		return
	}
	r, err := v.read()
	if err != nil {
		v.InfoErr.Show(err)
		return
	}
	method := model.InfoMethod("")
	if i := v.InfoMethod.SelectedIndex(); i >= 0 {
		method = model.InfoMethods()[i]
	}
	r.Informed = append(slices.Clone(r.Informed), model.ViolenceInformation{Date: d, Employees: v.InfoEmployees.Checked,
		Representatives: v.InfoRe.Checked, Method: method, Notes: v.InfoNotes.Text})
	if v.store(r, v.InfoErr) {
		v.InfoNotes.SetText("")
		v.InfoEmployees.SetChecked(false)
		v.InfoRe.SetChecked(false)
		v.InfoMethod.ClearSelected()
		v.loaded = v.state()
	}
}

// refreshLog lists the information given, newest first.
func (v *RoutinesView) refreshLog() {
	v.Log.RemoveAll()
	log := slices.Clone(v.r.Informed)
	slices.SortStableFunc(log, func(a, b model.ViolenceInformation) int { return b.Date.Compare(a.Date) })
	for _, i := range log {
		var who []string
		if i.Employees {
			who = append(who, lang.L("ansatte"))
		}
		if i.Representatives {
			who = append(who, lang.L("verneombud og tillitsvalgte"))
		}
		text := fmt.Sprintf("%s: %s – %s", i.Date, strings.Join(who, ", "), lang.L(i.Method.Label()))
		if i.Notes != "" {
			text += " (" + i.Notes + ")"
		}
		v.Log.Add(wrapped(text))
	}
	if len(log) == 0 {
		v.Log.Add(widget.NewLabel(lang.L("Ingen informasjon registrert ennå.")))
	}
}

// Content lays the tab out.
func (v *RoutinesView) Content() fyne.CanvasObject {
	body := container.NewVBox(wrapped(fmt.Sprintf(lang.L("Ansatte og verneombud og tillitsvalgte skal kjenne risikoen, tiltakene og rutinene for å forebygge, håndtere, varsle om og følge opp vold og trusler (%s)."),
		model.DutyInformation.Citation())))
	for _, k := range model.RoutineKinds() {
		body.Add(heading(lang.L(k.Label())))
		body.Add(v.Exists[k])
		body.Add(labeled(lang.L(model.FieldRoutineWhere), v.Where[k]))
		body.Add(labeled(lang.L("Sist revidert (valgfritt)"), v.Updated[k]))
	}
	body.Add(v.Err.Label)
	body.Add(container.NewHBox(v.Save, v.Info))
	body.Add(widget.NewSeparator())
	body.Add(heading(lang.L("Informasjon gitt")))
	body.Add(v.Log)
	body.Add(labeled(lang.L(model.FieldInformedOn), v.InfoErr.Bind(model.FieldInformedOn, v.InfoDate)))
	body.Add(labeled(lang.L(model.FieldInformedWho), v.InfoErr.Bind(model.FieldInformedWho, container.NewVBox(v.InfoEmployees, v.InfoRe))))
	body.Add(labeled(lang.L(model.FieldInformedHow), v.InfoErr.Bind(model.FieldInformedHow, v.InfoMethod)))
	body.Add(labeled(lang.L("Merknad"), v.InfoErr.Bind(model.FieldNotes, v.InfoNotes)))
	body.Add(v.InfoErr.Label)
	body.Add(container.NewHBox(v.AddInfo))
	return container.NewVScroll(body)
}

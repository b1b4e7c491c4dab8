// Package wizard is the first-start wizard: create the unit and its
// committee, open an existing file, or open the demo unit.
package wizard

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/storage/demo"
	"hmsutvalg/ui/i18n"
	"hmsutvalg/ui/unsaved"
	"hmsutvalg/ui/widgets"
)

// Config connects the wizard to the app.
type Config struct {
	Window fyne.Window
	Path   string // where a new unit or the demo unit is created
	User   string
	// SetUser keeps the name typed in the wizard as the program's user
	// name (for the change log); nil = not asked.
	SetUser func(string)
	Today   func() model.Date
	Opened  func(*storage.Store) // hands the new file to the main screens
	Choose  func()               // asks for an existing file
	// Guard, when set, is told about the wizard's form, so closing the
	// window with something typed asks first (see package unsaved).
	Guard *unsaved.Guard
}

// Wizard holds the steps' state, so going back and forth keeps what was typed.
type Wizard struct {
	cfg  Config
	root *fyne.Container

	// unit step
	name, municipality, employees *widgets.Entry
	departments                   *widgets.Entry
	sector                        *widget.Select
	start                         *widgets.DateEntry
	user                          *widgets.Entry
	unitErr                       *widgets.ErrorText

	// committee step
	members                       []model.CommitteeMember
	memberList                    *widget.List
	memberName                    *widgets.Entry
	memberRole                    *widget.Select
	memberFrom, memberTo          *widgets.DateEntry
	memberErr, createErr          *widgets.ErrorText
	CreateButton, AddMemberButton *widget.Button
	NewUnitButton, DemoButton     *widget.Button
	OpenButton                    *widget.Button
	NextButton                    *widget.Button
	created                       bool // Create made the file: nothing left to ask about
}

// New returns the wizard's content, starting at the welcome step.
func New(cfg Config) fyne.CanvasObject {
	_, root := NewWizard(cfg)
	return root
}

// NewWizard is New for tests that need to reach the steps' widgets.
func NewWizard(cfg Config) (*Wizard, fyne.CanvasObject) {
	w := &Wizard{cfg: cfg, root: container.NewStack()}
	w.showWelcome()
	if cfg.Guard != nil {
		cfg.Guard.Set(w)
	}
	return w, w.root
}

func (w *Wizard) set(o fyne.CanvasObject) {
	w.root.Objects = []fyne.CanvasObject{container.NewPadded(o)}
	w.root.Refresh()
}

func heading(s string) *widget.Label {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	l.Wrapping = fyne.TextWrapWord
	return l
}

func wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func (w *Wizard) showWelcome() {
	create := widget.NewButtonWithIcon(lang.L("Opprett ny enhet"), theme.ContentAddIcon(), w.ShowUnitStep)
	w.NewUnitButton = create
	create.Importance = widget.HighImportance
	open := widget.NewButtonWithIcon(lang.L("Åpne eksisterende fil …"), theme.FolderOpenIcon(), func() { w.leave(w.cfg.Choose) })
	w.OpenButton = open
	demoBtn := widget.NewButtonWithIcon(lang.L("Åpne demoenheten"), theme.ComputerIcon(), func() { w.leave(w.OpenDemo) })
	w.DemoButton = demoBtn
	w.createErr = widgets.NewErrorText()
	w.set(container.NewVBox(
		heading(lang.L("Velkommen til HMS-utvalg")),
		wrapped(lang.L("Verktøyet for enhetens HMS-utvalg: risikovurderinger, handlingsplan, avvik, sykefravær, vernerunder, møter og den årlige internkontrollrapporten.")),
		wrapped(fmt.Sprintf(lang.L("Enhetens data lagres i én fil: %s"), w.cfg.Path)),
		widget.NewSeparator(),
		create,
		wrapped(lang.L("Registrer enheten og HMS-utvalget. Dette tar et par minutter.")),
		open,
		wrapped(lang.L("Velg en enhetsfil (.db) som allerede finnes, for eksempel fra en kollega eller en sikkerhetskopi.")),
		demoBtn,
		wrapped(lang.L("Et sykehjem med fullt HMS-utvalg og tre års eksempeldata, for å prøve programmet.")),
		w.createErr.Label,
	))
}

// leave runs next (open another file, the demo) once a unit or member
// typed in the wizard is created (Lagre: then the new unit opens instead)
// or discarded: the welcome step's buttons never drop it unasked.
func (w *Wizard) leave(next func()) {
	if w.cfg.Guard == nil {
		next()
		return
	}
	w.cfg.Guard.Leave(func() {
		if !w.created {
			next()
		}
	}, nil)
}

// OpenDemo creates the demo unit at the configured path and opens it.
func (w *Wizard) OpenDemo() {
	if err := demo.Create(w.cfg.Path, demo.Options{Seed: 1, Scale: 1, Today: w.cfg.Today(), User: w.cfg.User}); err != nil {
		w.createErr.Show(err)
		return
	}
	st, err := storage.Open(w.cfg.Path, storage.Options{User: w.cfg.User})
	if err != nil {
		w.createErr.Show(err)
		return
	}
	w.cfg.Opened(st)
}

// ShowUnitStep shows the unit form (step 1 of 2).
func (w *Wizard) ShowUnitStep() {
	if w.name == nil {
		w.name = widgets.NewEntry()
		w.name.SetPlaceHolder(lang.L("for eksempel Solsiden sykehjem"))
		w.municipality = widgets.NewEntry()
		w.municipality.SetPlaceHolder(lang.L("for eksempel Ringsaker kommune"))
		labels := make([]string, 0, len(model.Sectors()))
		for _, s := range model.Sectors() {
			labels = append(labels, s.Label())
		}
		w.sector = widgets.NewSelect(widgets.EnumOptions(labels), nil)
		w.employees = widgets.NewEntry()
		w.employees.SetPlaceHolder(lang.L("antall"))
		w.departments = widgets.NewMultiLineEntry()
		w.departments.SetPlaceHolder(lang.L("én avdeling per linje"))
		w.departments.SetMinRowsVisible(3)
		w.start = widgets.NewDateEntry(model.FieldUnitStart, false)
		w.start.SetDate(w.cfg.Today())
		w.user = widgets.NewEntry()
		w.user.SetText(w.cfg.User)
		w.user.SetPlaceHolder(lang.L("ditt navn eller din rolle"))
		w.unitErr = widgets.NewErrorText()
		w.unitErr.NotDone = lang.L("Kan ikke gå videre.")
		w.recheckOnChange()
	}
	form := widget.NewForm(
		w.unitErr.FormItem(model.FieldUnitName, w.name),
		w.unitErr.FormItem(model.FieldMunicipality, w.municipality),
		w.unitErr.FormItem(model.FieldSector, w.sector),
		w.unitErr.FormItem(model.FieldEmployees, w.employees),
		w.unitErr.FormItem(model.FieldDepartments, w.departments),
		w.unitErr.FormItem(model.FieldUnitStart, w.start),
	)
	startHint := wrapped(lang.L("Årshjulets plikter regnes fra startdatoen: ingenting før den blir forfalt."))
	startHint.Importance = widget.LowImportance
	form.Append("", startHint)
	if w.cfg.SetUser != nil {
		form.Append(lang.L("Ditt navn"), w.unitErr.Bind(lang.L("Ditt navn"), w.user))
		userHint := wrapped(lang.L("Skrives i endringsloggen ved hver endring. Kan endres under Innstillinger."))
		userHint.Importance = widget.LowImportance
		form.Append("", userHint)
	}
	back := widget.NewButtonWithIcon(lang.L("Tilbake"), theme.NavigateBackIcon(), w.showWelcome)
	next := widget.NewButtonWithIcon(lang.L("Neste"), theme.NavigateNextIcon(), w.NextFromUnit)
	next.Importance = widget.HighImportance
	w.NextButton = next
	w.set(container.NewBorder(
		container.NewVBox(heading(lang.L("Ny enhet – steg 1 av 2: Enheten")),
			wrapped(lang.L("Skriv ikke personopplysninger her; bare enhetens navn og tall."))),
		container.NewVBox(w.unitErr.Label, container.NewHBox(back, next)),
		nil, nil,
		container.NewVScroll(form),
	))
	w.focus(w.name)
}

// focus puts the keyboard in the step's first field.
func (w *Wizard) focus(f fyne.Focusable) {
	if w.cfg.Window != nil {
		widgets.FocusLater(w.cfg.Window.Canvas(), f)
	}
}

// Unit reads the unit from the form and validates it (model.UnitInput,
// as `hmsutvalg init` does).
func (w *Wizard) Unit() (model.Unit, error) {
	return model.UnitInput{
		Name: w.name.Text, Municipality: w.municipality.Text, Sector: widgets.EnumLabel(w.sector.Selected, model.SectorLabels()),
		Employees: w.employees.Text, Departments: w.departments.Text, Start: w.start.Text, Today: w.cfg.Today(),
	}.Unit()
}

// userName is the name typed for the change log, checked: no national
// ID in it.
func (w *Wizard) userName() (string, error) {
	name := strings.TrimSpace(w.user.Text)
	return name, model.CheckNoNationalID(lang.L("Ditt navn"), name)
}

// keepUser hands the typed name to the program's settings and returns it.
func (w *Wizard) keepUser() string {
	name, err := w.userName()
	if err != nil || name == "" || w.cfg.SetUser == nil {
		return w.cfg.User
	}
	w.cfg.SetUser(name)
	return name
}

// recheckOnChange clears step 1's messages as soon as every field is
// right again: «Kan ikke gå videre» must not stay once nothing is wrong.
func (w *Wizard) recheckOnChange() {
	recheck := func(string) {
		if !w.unitErr.Visible() && w.unitErr.Messages() == "" {
			return
		}
		if _, err := w.Unit(); err != nil {
			return
		}
		if _, err := w.userName(); err != nil {
			return
		}
		w.unitErr.Show(nil)
	}
	for _, e := range []*widgets.Entry{w.name, w.municipality, w.employees, w.departments, w.user} {
		e.OnChanged = recheck
	}
	w.sector.OnChanged = recheck
	w.start.OnChanged = recheck
}

// NextFromUnit validates the unit and moves on to the committee.
func (w *Wizard) NextFromUnit() {
	if _, err := w.Unit(); err != nil {
		w.unitErr.Show(err)
		return
	}
	if _, err := w.userName(); err != nil {
		w.unitErr.Show(err)
		return
	}
	w.unitErr.Show(nil)
	w.ShowCommitteeStep()
}

// ShowCommitteeStep shows the committee form (step 2 of 2).
func (w *Wizard) ShowCommitteeStep() {
	if w.memberName == nil {
		w.memberName = widgets.NewEntry()
		w.memberName.SetPlaceHolder(lang.L("fornavn og etternavn"))
		labels := make([]string, 0, len(model.Roles()))
		for _, r := range model.Roles() {
			labels = append(labels, r.Label())
		}
		w.memberRole = widgets.NewSelect(widgets.EnumOptions(labels), nil)
		w.memberFrom = widgets.NewDateEntry(model.FieldFrom, false)
		today := w.cfg.Today()
		w.memberFrom.SetDate(model.NewDate(today.Year(), 1, 1))
		w.memberTo = widgets.NewDateEntry(model.FieldTo, true)
		w.memberErr = widgets.NewErrorText()
		w.memberErr.NotDone = lang.L("Ikke lagt til.")
		w.memberList = widget.NewList(
			func() int { return len(w.members) },
			func() fyne.CanvasObject {
				return container.NewBorder(nil, nil, nil, widget.NewButtonWithIcon("", theme.DeleteIcon(), nil), widget.NewLabel("medlem"))
			},
			func(i widget.ListItemID, o fyne.CanvasObject) {
				c := o.(*fyne.Container)
				m := w.members[i]
				c.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s – %s (%s)", m.Name, lang.L(m.Role.Label()), i18n.T(m.Period())))
				c.Objects[1].(*widget.Button).OnTapped = func() {
					w.members = append(w.members[:i:i], w.members[i+1:]...)
					w.memberList.Refresh()
				}
			},
		)
		w.AddMemberButton = widget.NewButtonWithIcon(lang.L("Legg til medlem"), theme.ContentAddIcon(), w.AddMember)
	}
	form := widget.NewForm(
		w.memberErr.FormItem(model.FieldMemberName, w.memberName),
		w.memberErr.FormItem(model.FieldRole, w.memberRole),
		w.memberErr.FormItem(model.FieldFrom, w.memberFrom),
		w.memberErr.FormItem(model.FieldTo, w.memberTo),
	)
	back := widget.NewButtonWithIcon(lang.L("Tilbake"), theme.NavigateBackIcon(), w.ShowUnitStep)
	w.CreateButton = widget.NewButtonWithIcon(lang.L("Opprett enheten"), theme.ConfirmIcon(), func() { w.Create() })
	w.CreateButton.Importance = widget.HighImportance
	if w.createErr == nil {
		w.createErr = widgets.NewErrorText()
	}
	top := container.NewVBox(
		heading(lang.L("Ny enhet – steg 2 av 2: HMS-utvalget")),
		wrapped(lang.L("Legg til utvalgets medlemmer med rolle. Et utvalg har normalt leder (arbeidsgivers representant), verneombud og tillitsvalgt. Du kan endre utvalget senere under Enhet og utvalg.")),
		form, container.NewHBox(w.AddMemberButton), w.memberErr.Label, widget.NewSeparator(),
	)
	w.set(container.NewBorder(top,
		container.NewVBox(w.createErr.Label, container.NewHBox(back, w.CreateButton)),
		nil, nil, w.memberList))
	w.focus(w.memberName)
}

// AddMember validates the member form and adds it to the list; the form is
// cleared only when the member was accepted.
func (w *Wizard) AddMember() { w.addMember() }

func (w *Wizard) addMember() bool {
	m := model.CommitteeMember{Name: strings.TrimSpace(w.memberName.Text)}
	if r, ok := model.RoleFromLabel(widgets.EnumLabel(w.memberRole.Selected, model.RoleLabels())); ok {
		m.Role = r
	}
	var verr model.ValidationError
	from, err := w.memberFrom.Date()
	if err != nil {
		verr.Add(model.FieldFrom, err.Error())
	}
	to, err := w.memberTo.Date()
	if err != nil {
		verr.Add(model.FieldTo, err.Error())
	}
	m.From, m.To = from, to
	if len(verr) == 0 {
		if err := m.Validate(); err != nil {
			w.memberErr.Show(err)
			return false
		}
		all := append(append([]model.CommitteeMember{}, w.members...), m)
		if err := model.ValidateCommittee(all); err != nil {
			w.memberErr.Show(err)
			return false
		}
	}
	if len(verr) > 0 {
		w.memberErr.Show(verr)
		return false
	}
	w.members = append(w.members, m)
	w.memberErr.Show(nil)
	w.memberName.SetText("")
	w.memberRole.ClearSelected()
	w.memberTo.SetText("")
	w.memberList.Refresh()
	w.focus(w.memberName) // ready for the next member
	return true
}

// memberPending reports whether a member is typed but not yet added.
func (w *Wizard) memberPending() bool {
	return w.memberName != nil && (strings.TrimSpace(w.memberName.Text) != "" || w.memberRole.Selected != "" || w.memberTo.Text != "")
}

// Dirty reports whether anything was typed that is not yet in a file.
func (w *Wizard) Dirty() bool {
	if w.memberPending() || len(w.members) > 0 {
		return true
	}
	if w.name == nil {
		return false
	}
	for _, e := range []*widget.Entry{&w.name.Entry, &w.municipality.Entry, &w.employees.Entry, &w.departments.Entry} {
		if strings.TrimSpace(e.Text) != "" {
			return true
		}
	}
	return w.sector.Selected != ""
}

// Save creates the unit from what was typed (see Create); false when
// something must be fixed first, shown next to the step's fields.
func (w *Wizard) Save() bool { return w.Create() }

// Discard forgets a member typed but not added (the window is closing).
func (w *Wizard) Discard() {
	if w.memberName != nil {
		w.memberName.SetText("")
		w.memberRole.ClearSelected()
		w.memberTo.SetText("")
	}
}

// Members are the members added so far.
func (w *Wizard) Members() []model.CommitteeMember { return w.members }

// Create writes the new unit file and opens it. A member typed but not
// yet added is added first; when it cannot be, the wizard stays on the
// committee step with the message and creates nothing.
func (w *Wizard) Create() bool {
	if w.name == nil {
		w.ShowUnitStep()
		return false
	}
	u, err := w.Unit()
	if err != nil {
		w.ShowUnitStep()
		w.unitErr.Show(err)
		return false
	}
	if w.memberPending() && !w.addMember() {
		w.ShowCommitteeStep()
		return false
	}
	if _, err := w.userName(); err != nil {
		w.ShowUnitStep()
		w.unitErr.Show(err)
		return false
	}
	st, err := storage.Create(w.cfg.Path, u, storage.Options{User: w.keepUser()})
	if err != nil {
		w.createErr.Show(err)
		return false
	}
	for _, m := range w.members {
		if _, err := st.SaveMember(m); err != nil {
			w.createErr.Show(err)
			_ = st.Close()
			return false
		}
	}
	if w.cfg.Guard != nil {
		w.cfg.Guard.Clear(w)
	}
	w.created = true
	w.cfg.Opened(st)
	return true
}

// Fields exposes the form widgets to tests.
func (w *Wizard) Fields() (name, municipality, employees, departments *widgets.Entry, sector *widget.Select) {
	return w.name, w.municipality, w.employees, w.departments, w.sector
}

// StartField exposes the start date to tests.
func (w *Wizard) StartField() *widgets.DateEntry { return w.start }

// UserField exposes the user's name to tests.
func (w *Wizard) UserField() *widgets.Entry { return w.user }

// MemberFields exposes the committee widgets to tests.
func (w *Wizard) MemberFields() (name *widgets.Entry, role *widget.Select, from, to *widgets.DateEntry) {
	return w.memberName, w.memberRole, w.memberFrom, w.memberTo
}

// Errors returns the visible error texts of the unit, member and create steps.
func (w *Wizard) Errors() (unit, member, create string) {
	if w.unitErr != nil {
		unit = w.unitErr.Messages()
	}
	if w.memberErr != nil {
		member = w.memberErr.Messages()
	}
	if w.createErr != nil {
		create = w.createErr.Messages()
	}
	return
}

// ErrorTexts exposes the unit and member steps' messages to tests (nil
// until the step was shown).
func (w *Wizard) ErrorTexts() (unit, member *widgets.ErrorText) { return w.unitErr, w.memberErr }

// Package enhet is the screen for the unit's details and its committee.
package enhet

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

// PageID is the page's ID for navigation.
const PageID = "enhet"

// Page returns the sidebar entry.
func Page() appctx.Page {
	return appctx.Page{ID: PageID, Title: lang.L("Enhet og utvalg"), Icon: theme.AccountIcon(), Build: func(env *appctx.Env) fyne.CanvasObject {
		return New(env).Content()
	}}
}

// Screen holds the forms; a failed save keeps everything typed.
type Screen struct {
	env *appctx.Env

	Name, Municipality, Employees *widgets.Entry
	Departments                   *widgets.Entry
	Sector                        *widget.Select
	UnitErr                       *widgets.ErrorText
	SaveUnit                      *widget.Button

	members               []model.CommitteeMember
	selected              uint64 // ID of the member in the form; 0 = new
	List                  *widgets.List
	MemberName            *widgets.Entry
	Role                  *widget.Select
	From, To              *widgets.DateEntry
	MemberErr             *widgets.ErrorText
	SaveMember, NewMember *widget.Button
	RemoveMember          *widget.Button
	memberTitle           *widget.Label

	// The forms as loaded or saved, to tell whether they were changed.
	unitLoaded, memberLoaded string
}

// New builds the screen from the stored data.
func New(env *appctx.Env) *Screen {
	s := &Screen{env: env}
	s.Name = widgets.NewEntry()
	s.Municipality = widgets.NewEntry()
	labels := []string{}
	for _, sec := range model.Sectors() {
		labels = append(labels, sec.Label())
	}
	s.Sector = widgets.NewSelect(widgets.EnumOptions(labels), nil)
	s.Employees = widgets.NewEntry()
	s.Departments = widgets.NewMultiLineEntry()
	s.Departments.SetPlaceHolder(lang.L("én avdeling per linje"))
	s.Departments.SetMinRowsVisible(3)
	s.UnitErr = widgets.NewErrorText()
	s.SaveUnit = widget.NewButtonWithIcon(lang.L("Lagre enheten"), theme.DocumentSaveIcon(), s.saveUnit)
	s.SaveUnit.Importance = widget.HighImportance

	s.loadUnit()

	s.MemberName = widgets.NewEntry()
	roles := []string{}
	for _, r := range model.Roles() {
		roles = append(roles, r.Label())
	}
	s.Role = widgets.NewSelect(widgets.EnumOptions(roles), nil)
	s.From = widgets.NewDateEntry(model.FieldFrom, false)
	s.To = widgets.NewDateEntry(model.FieldTo, true)
	s.MemberErr = widgets.NewErrorText()
	s.memberTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.SaveMember = widget.NewButtonWithIcon(lang.L("Lagre medlem"), theme.DocumentSaveIcon(), s.saveMember)
	s.SaveMember.Importance = widget.HighImportance
	s.NewMember = widget.NewButtonWithIcon(lang.L("Nytt medlem"), theme.ContentAddIcon(), func() {
		env.Leave(func() {
			s.edit(model.CommitteeMember{})
			env.FocusField(s.MemberName)
		}, nil)
	})
	s.RemoveMember = widget.NewButtonWithIcon(lang.L("Fjern"), theme.DeleteIcon(), s.confirmRemove)
	s.RemoveMember.Importance = widget.DangerImportance // asks first
	s.List = widgets.NewList(
		func() int { return len(s.members) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Navn – rolle (periode)")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(MemberText(s.members[i], env.Today()))
		},
	)
	s.List.OnSelected = func(i widget.ListItemID) {
		m := s.members[i]
		if m.ID == s.selected {
			return // already in the form
		}
		// A member being edited is saved or the user asked first.
		env.Leave(func() {
			s.edit(m)
			env.FocusField(s.MemberName)
		}, s.selectMember)
	}
	s.loadMembers()
	s.edit(model.CommitteeMember{})
	env.Guard.Set(s)
	env.SetPageActions(appctx.PageActions{New: appctx.Press(s.NewMember)})
	return s
}

// loadUnit puts the stored unit in its form.
func (s *Screen) loadUnit() {
	u, err := s.env.Store.Unit()
	if err != nil {
		s.UnitErr.Show(err)
		return
	}
	s.Name.SetText(u.Name)
	s.Municipality.SetText(u.Municipality)
	widgets.SetEnum(s.Sector, u.Sector.Label())
	s.Employees.SetText(fmt.Sprint(u.Employees))
	s.Departments.SetText(strings.Join(u.Departments, "\n"))
	s.unitLoaded = s.unitState()
}

func (s *Screen) unitState() string {
	return strings.Join([]string{s.Name.Text, s.Municipality.Text, s.Sector.Selected, s.Employees.Text, s.Departments.Text}, "\x00")
}

func (s *Screen) memberState() string {
	return strings.Join([]string{s.MemberName.Text, s.Role.Selected, s.From.Text, s.To.Text}, "\x00")
}

// Dirty reports whether the unit or the member form holds changes not saved.
func (s *Screen) Dirty() bool {
	return s.unitState() != s.unitLoaded || s.memberState() != s.memberLoaded
}

// Save stores what was changed; false keeps the forms with the message.
func (s *Screen) Save() bool {
	if s.unitState() != s.unitLoaded && !s.storeUnit() {
		return false
	}
	return s.memberState() == s.memberLoaded || s.storeMember()
}

// Discard puts back the stored unit and member.
func (s *Screen) Discard() {
	s.loadUnit()
	m := model.CommitteeMember{}
	for _, x := range s.members {
		if x.ID == s.selected {
			m = x
		}
	}
	s.edit(m)
}

// selectMember marks the member in the form in the list again.
func (s *Screen) selectMember() {
	for i, m := range s.members {
		if m.ID == s.selected && m.ID != 0 {
			s.List.Select(i)
			return
		}
	}
	s.List.UnselectAll()
}

func (s *Screen) loadMembers() {
	ms, err := s.env.Store.Members()
	if err != nil {
		s.MemberErr.Show(err)
		return
	}
	s.members = ms
	s.List.Refresh()
}

// Content lays the screen out.
func (s *Screen) Content() fyne.CanvasObject {
	unitForm := widget.NewForm(
		s.UnitErr.FormItem(model.FieldUnitName, s.Name),
		s.UnitErr.FormItem(model.FieldMunicipality, s.Municipality),
		s.UnitErr.FormItem(model.FieldSector, s.Sector),
		s.UnitErr.FormItem(model.FieldEmployees, s.Employees),
		s.UnitErr.FormItem(model.FieldDepartments, s.Departments),
	)
	unit := widget.NewCard(lang.L("Enheten"), "", container.NewVBox(unitForm, s.UnitErr.Label, container.NewHBox(s.SaveUnit)))
	memberForm := widget.NewForm(
		s.MemberErr.FormItem(model.FieldMemberName, s.MemberName),
		s.MemberErr.FormItem(model.FieldRole, s.Role),
		s.MemberErr.FormItem(model.FieldFrom, s.From),
		s.MemberErr.FormItem(model.FieldTo, s.To),
	)
	hint := widget.NewLabel(lang.L("Utvalgets medlemmer er de eneste personene som registreres med navn. Hvert medlem har én rolle per periode."))
	hint.Wrapping = fyne.TextWrapWord
	editor := container.NewVBox(s.memberTitle, memberForm, s.MemberErr.Label,
		container.NewGridWithColumns(3, s.SaveMember, s.NewMember, s.RemoveMember))
	// The list gets a fixed share of the height; everything is stacked
	// vertically so that nothing is cut off on a 1024×768 projector in
	// Møtemodus.
	committee := widget.NewCard(lang.L("HMS-utvalget"), "", container.NewVBox(hint, editor))
	members := container.NewBorder(widget.NewLabelWithStyle(lang.L("Medlemmer"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, s.List)
	top := container.NewVScroll(container.NewVBox(unit, committee))
	split := container.NewVSplit(top, members)
	split.Offset = 0.7
	return split
}

func (s *Screen) saveUnit() { s.storeUnit() }

func (s *Screen) storeUnit() bool {
	u := model.Unit{Name: s.Name.Text, Municipality: s.Municipality.Text, Departments: strings.Split(s.Departments.Text, "\n")}
	if sec, ok := model.SectorFromLabel(widgets.EnumLabel(s.Sector.Selected, model.SectorLabels())); ok {
		u.Sector = sec
	}
	n, err := model.ParseInt(model.FieldEmployees, s.Employees.Text, 1, 20000)
	if err != nil {
		s.UnitErr.Show(err)
		return false
	}
	u.Employees = n
	u = u.Normalized()
	if err := s.env.Store.SaveUnit(u); err != nil {
		s.UnitErr.Show(err)
		return false
	}
	s.UnitErr.Show(nil)
	s.unitLoaded = s.unitState()
	s.env.DataChanged()
	return true
}

// edit puts a member (or a blank new one) in the form.
func (s *Screen) edit(m model.CommitteeMember) {
	s.selected = m.ID
	s.MemberName.SetText(m.Name)
	if m.Role.Valid() {
		widgets.SetEnum(s.Role, m.Role.Label())
	} else {
		s.Role.ClearSelected()
	}
	if m.From.IsZero() {
		t := s.env.Today()
		m.From = model.NewDate(t.Year(), 1, 1)
	}
	s.From.SetDate(m.From)
	s.To.SetDate(m.To)
	s.MemberErr.Show(nil)
	if m.ID == 0 {
		s.memberTitle.SetText(lang.L("Nytt medlem"))
		s.RemoveMember.Disable()
		s.List.UnselectAll()
	} else {
		s.memberTitle.SetText(fmt.Sprintf(lang.L("Endre %s"), m.Name))
		s.RemoveMember.Enable()
	}
	s.memberLoaded = s.memberState()
}

func (s *Screen) saveMember() { s.storeMember() }

func (s *Screen) storeMember() bool {
	m := model.CommitteeMember{ID: s.selected, Name: strings.TrimSpace(s.MemberName.Text)}
	if r, ok := model.RoleFromLabel(widgets.EnumLabel(s.Role.Selected, model.RoleLabels())); ok {
		m.Role = r
	}
	var verr model.ValidationError
	var err error
	if m.From, err = s.From.Date(); err != nil {
		verr.Add(model.FieldFrom, err.Error())
	}
	if m.To, err = s.To.Date(); err != nil {
		verr.Add(model.FieldTo, err.Error())
	}
	if len(verr) > 0 {
		s.MemberErr.Show(verr)
		return false
	}
	saved, err := s.env.Store.SaveMember(m)
	if err != nil {
		s.MemberErr.Show(err)
		return false
	}
	s.loadMembers()
	s.edit(saved)
	if m.ID == 0 { // a new member: ready for the next
		s.env.FocusField(s.NewMember)
	}
	s.env.DataChanged()
	return true
}

func (s *Screen) confirmRemove() {
	if s.selected == 0 {
		return
	}
	id := s.selected
	widgets.ConfirmDanger(s.env.Window, lang.L("Fjerne medlemmet?"),
		lang.L("Medlemmet fjernes fra utvalget. Endringen står i endringsloggen."),
		lang.L("Fjern"), func() { s.Remove(id) })
}

// Remove deletes a member.
func (s *Screen) Remove(id uint64) {
	if err := s.env.Store.DeleteMember(id); err != nil {
		s.MemberErr.Show(err)
		return
	}
	s.loadMembers()
	s.edit(model.CommitteeMember{})
	s.env.DataChanged()
}

// MemberText is a member's row in the list: name, role and period in the
// chosen language, and whether the member is active today.
func MemberText(m model.CommitteeMember, today model.Date) string {
	text := fmt.Sprintf("%s – %s (%s)", m.Name, lang.L(m.Role.Short()), i18n.T(m.Period()))
	if !m.ActiveOn(today) {
		text += " · " + lang.L("ikke aktiv")
	}
	return text
}

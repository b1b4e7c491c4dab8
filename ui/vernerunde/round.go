package vernerunde

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/reports"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/pdfexport"
	"hmsutvalg/ui/widgets"
)

// RoundView is one round in three tabs: Formøte, Befaring, Avslutning.
type RoundView struct {
	env    *appctx.Env
	r      model.SafetyRound
	others []model.SafetyRound
	back   func()

	Heading  *widget.Label
	Back     *widget.Button
	Tabs     *container.AppTabs
	Pre      *PreMeeting
	Check    *Checklist
	Closing  *Closing
	PDF      *widget.Button
	Complete *widget.Button
	Delete   *widget.Button
	Err      *widgets.ErrorText
	deleted  bool // nothing left to save
}

// NewRoundView builds the view of round r; others are all rounds (for the
// previous round's measures); back returns to the list.
func NewRoundView(env *appctx.Env, r model.SafetyRound, others []model.SafetyRound, back func()) *RoundView {
	v := &RoundView{env: env, r: r, others: others, back: back, Err: widgets.NewErrorText()}
	v.Heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.Heading.Truncation = fyne.TextTruncateEllipsis
	v.Back = widget.NewButtonWithIcon(lang.L("Alle vernerunder"), theme.NavigateBackIcon(), back)
	v.PDF = widget.NewButtonWithIcon(lang.L("PDF"), theme.DocumentPrintIcon(), v.SavePDF)
	v.Complete = widget.NewButtonWithIcon(lang.L("Fullfør og lås vernerunden"), theme.ConfirmIcon(), v.confirmComplete)
	v.Complete.Importance = widget.HighImportance
	v.Delete = widget.NewButtonWithIcon(lang.L("Slett vernerunden"), theme.DeleteIcon(), v.confirmDelete)
	v.Delete.Importance = widget.DangerImportance // asks first
	v.Pre = newPreMeeting(v)
	v.Check = newChecklist(v)
	v.Closing = newClosing(v)
	v.Tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("1 Formøte"), v.Pre.Content()),
		container.NewTabItem(lang.L("2 Befaring"), v.Check.Content()),
		container.NewTabItem(lang.L("3 Avslutning"), v.Closing.Content()),
	)
	v.Tabs.OnSelected = func(t *container.TabItem) {
		if t == v.Tabs.Items[2] {
			v.Closing.Refresh()
		}
	}
	v.refreshHeading()
	return v
}

// RoundData is the round as last loaded or saved.
func (v *RoundView) RoundData() model.SafetyRound { return v.r }

// setRound takes a saved round and tells the rest of the program.
func (v *RoundView) setRound(r model.SafetyRound) {
	v.r = r
	v.refreshHeading()
	v.env.DataChanged()
}

func (v *RoundView) refreshHeading() {
	text := v.r.Title
	if v.r.Locked() {
		text += " – " + fmt.Sprintf(lang.L("fullført og låst %s"), v.r.CompletedDate())
		v.Complete.Hide()
		v.Delete.Hide()
	}
	v.Heading.SetText(text)
}

// ShowQuestion opens the checklist at question n.
func (v *RoundView) ShowQuestion(n int) {
	v.Tabs.SelectIndex(1)
	v.Check.RevealQuestion(n)
}

// Content is the view's layout.
func (v *RoundView) Content() fyne.CanvasObject {
	top := container.NewBorder(nil, nil, v.Back, nil, v.Heading)
	return container.NewBorder(container.NewVBox(top, v.Err.Label), nil, nil, nil, v.Tabs)
}

func (v *RoundView) confirmComplete() {
	widgets.Confirm(v.env.Window, lang.L("Fullfør vernerunden"), completeQuestion(v.r),
		lang.L("Fullfør og lås"), lang.L("Avbryt"), v.CompleteRound)
}

// completeQuestion is what the dialog before locking asks: findings with
// neither a measure nor a deviation are named first, so the committee
// locks them without follow-up only on purpose.
func completeQuestion(r model.SafetyRound) string {
	q := lang.L("En fullført vernerunde låses og kan ikke endres etterpå. Fullføre nå?")
	without := r.FindingsWithoutFollowUp()
	if len(without) == 0 {
		return q
	}
	lines := []string{lang.L("Disse funnene har verken tiltak eller avvik:")}
	const shown = 8 // more would not fit the dialog on a projector
	for i, f := range without {
		if i == shown {
			lines = append(lines, fmt.Sprintf(lang.L("… og %d til (se Avslutning)"), len(without)-shown))
			break
		}
		lines = append(lines, fmt.Sprintf("• %d. %s", f.Question.Number, f.Question.Text))
	}
	return strings.Join(lines, "\n") + "\n\n" + lang.L("En fullført vernerunde låses og kan ikke endres etterpå. Fullføre og låse likevel?")
}

// CompleteRound completes and locks the round; what is missing is shown.
// What is typed in the round (the summary above all) is stored with the
// lock in one transaction; when the lock is refused, nothing is written
// and the form keeps everything.
func (v *RoundView) CompleteRound() {
	edited, err := v.formRound()
	if err == nil {
		edited, err = v.env.Store.SaveAndCompleteSafetyRound(edited, v.env.Today())
	}
	if err != nil {
		v.Closing.Err.Show(err)
		return
	}
	r := edited
	v.Closing.Err.Show(nil)
	v.setRound(r)
	v.markSaved()
	v.Pre.lock()
	v.Check.lock()
	v.Closing.Refresh()
}

func (v *RoundView) confirmDelete() {
	msg := lang.L("Vernerunden og svarene slettes. Tiltak som er laget fra den, blir stående i handlingsplanen.")
	if n := v.env.Store.AttachmentCount(model.OwnerFinding, v.r.ID); n > 0 {
		msg += " " + fmt.Sprintf(lang.L("Vedleggene (%d) slettes sammen med vernerunden."), n)
	}
	widgets.ConfirmDanger(v.env.Window, lang.L("Slett vernerunden"), msg,
		lang.L("Slett"), func() {
			if err := v.env.Store.DeleteSafetyRound(v.r.ID); err != nil {
				v.Err.Show(err)
				return
			}
			v.deleted = true
			v.env.DataChanged()
			v.back()
		})
}

// PDFInput is the round report's data, read now on the UI goroutine.
func (v *RoundView) PDFInput() (reports.SafetyRoundInput, error) {
	u, err := v.env.Store.Unit()
	if err != nil {
		return reports.SafetyRoundInput{}, err
	}
	ms, err := v.env.Store.Measures()
	if err != nil {
		return reports.SafetyRoundInput{}, err
	}
	in := reports.SafetyRoundInput{Unit: u, Round: v.r, Measures: ms, Today: v.env.Today()}
	if prev, ok := model.PreviousRound(v.others, v.r); ok {
		in.Previous = &prev
	}
	atts, err := v.env.Store.AllAttachments()
	if err != nil {
		return in, err
	}
	photos, err := v.env.Store.ReportPhotos(model.RoundPhotos(atts, v.r))
	in.Photos = reports.PhotosFrom(photos, reports.FindingPhotoCaption)
	return in, err
}

// SavePDF saves the round's report.
func (v *RoundView) SavePDF() {
	in, err := v.PDFInput()
	if err != nil {
		v.Err.Show(err)
		return
	}
	pdfexport.Save(v.env, pdfexport.FileName(lang.L("Vernerunde"), v.r.Date.ISO()), func() *reports.Document {
		return reports.SafetyRoundReport(in, reports.Options{})
	})
}

// PreMeeting is the first tab: title, date, areas, participants, the
// status of the previous round's measures, and notes.
type PreMeeting struct {
	v            *RoundView
	Title        *widgets.Entry
	Date         *widgets.DateEntry
	Areas        *widgets.Entry
	AddAreas     *widget.Button
	People       *fyne.Container
	Rows         []*ParticipantRow
	AddPerson    *widget.Button
	AddCommittee *widget.Button
	Previous     *fyne.Container
	Notes        *widgets.Entry
	Save         *widget.Button
	Err          *widgets.ErrorText
	root         *fyne.Container
	loaded       string // the fields as last loaded or saved (see state)
}

// ParticipantRow is one participant: name and role.
type ParticipantRow struct {
	Name   *widgets.Entry
	Role   *widget.Select
	Remove *widget.Button
	box    fyne.CanvasObject
}

func newPreMeeting(v *RoundView) *PreMeeting {
	p := &PreMeeting{v: v, Err: widgets.NewErrorText()}
	r := v.r
	p.Title = widgets.NewEntry()
	p.Title.SetText(r.Title)
	p.Date = widgets.NewDateEntry(model.FieldRoundDate, false)
	p.Date.SetDate(r.Date)
	p.Areas = widgets.NewMultiLineEntry()
	p.Areas.SetMinRowsVisible(3)
	p.Areas.SetPlaceHolder(lang.L("ett område per linje, for eksempel Kjøkken"))
	p.Areas.SetText(strings.Join(r.Areas, "\n"))
	p.AddAreas = widget.NewButtonWithIcon(lang.L("Legg til enhetens avdelinger"), theme.ContentAddIcon(), p.addDepartments)
	p.People = container.NewVBox()
	for _, x := range r.Participants {
		p.addRow(x)
	}
	p.AddPerson = widget.NewButtonWithIcon(lang.L("Legg til deltaker"), theme.ContentAddIcon(), func() {
		p.addRow(model.RoundParticipant{})
		v.env.FocusField(p.Rows[len(p.Rows)-1].Name) // ready to type the name
	})
	p.AddCommittee = widget.NewButtonWithIcon(lang.L("Legg til utvalget"), theme.AccountIcon(), p.addCommittee)
	p.Previous = container.NewVBox()
	p.Notes = widgets.NewMultiLineEntry()
	p.Notes.Wrapping = fyne.TextWrapWord
	p.Notes.SetMinRowsVisible(3)
	p.Notes.SetPlaceHolder(lang.L("tema for runden, meldte avvik som skal ses på …"))
	p.Notes.SetText(r.PreMeetingNotes)
	p.Save = widget.NewButtonWithIcon(lang.L("Lagre"), theme.DocumentSaveIcon(), p.SaveForm)
	p.Save.Importance = widget.HighImportance
	p.fillPrevious()
	if r.Locked() {
		p.lock()
	}
	p.loaded = p.state()
	return p
}

func (p *PreMeeting) addRow(x model.RoundParticipant) {
	row := &ParticipantRow{Name: widgets.NewEntry(), Role: widgets.NewSelect(langLabels(model.RoundRoleLabels()), nil)}
	row.Name.SetText(x.Name)
	row.Name.SetPlaceHolder(lang.L("navn"))
	if x.Role.Valid() {
		row.Role.SetSelected(lang.L(x.Role.Label()))
	}
	row.Remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		for i, r := range p.Rows {
			if r == row {
				p.Rows = append(p.Rows[:i], p.Rows[i+1:]...)
				p.People.Remove(row.box)
				return
			}
		}
	})
	row.box = container.NewBorder(nil, nil, nil, row.Remove, container.NewGridWithColumns(2, row.Name, row.Role))
	p.Rows = append(p.Rows, row)
	p.People.Add(row.box)
}

// langLabels translates enum labels for display.
func langLabels(ls []string) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = lang.L(l)
	}
	return out
}

// roleFromDisplay maps a displayed role back.
func roleFromDisplay(s string) model.RoundRole {
	for _, r := range model.RoundRoles() {
		if s == lang.L(r.Label()) || s == r.Label() {
			return r
		}
	}
	return ""
}

func (p *PreMeeting) addDepartments() {
	u, err := p.v.env.Store.Unit()
	if err != nil {
		p.Err.Show(err)
		return
	}
	have := map[string]bool{}
	lines := strings.TrimRight(p.Areas.Text, "\n")
	for _, l := range strings.Split(lines, "\n") {
		have[strings.TrimSpace(l)] = true
	}
	for _, d := range u.Departments {
		if !have[d] {
			if lines != "" {
				lines += "\n"
			}
			lines += d
		}
	}
	p.Areas.SetText(lines)
}

// committeeRole maps a committee role to a role in the round.
func committeeRole(r model.Role) model.RoundRole {
	switch r {
	case model.RoleLeder:
		return model.RoundRoleLeder
	case model.RoleVerneombud:
		return model.RoundRoleVerneombud
	case model.RoleTillitsvalgt:
		return model.RoundRoleTillitsvalgt
	case model.RoleBHT:
		return model.RoundRoleBHT
	case model.RoleAnsattrepresentant:
		return model.RoundRoleAnsatt
	}
	return model.RoundRoleAnnen
}

func (p *PreMeeting) addCommittee() {
	ms, err := p.v.env.Store.Members()
	if err != nil {
		p.Err.Show(err)
		return
	}
	have := map[string]bool{}
	for _, r := range p.Rows {
		have[strings.TrimSpace(r.Name.Text)] = true
	}
	for _, m := range model.ActiveMembers(ms, p.v.env.Today()) {
		if !have[m.Name] && m.Role != model.RoleSekretaer {
			p.addRow(model.RoundParticipant{Name: m.Name, Role: committeeRole(m.Role)})
		}
	}
}

// fillPrevious lists the previous round's measures with their status now.
func (p *PreMeeting) fillPrevious() {
	p.Previous.RemoveAll()
	prev, ok := model.PreviousRound(p.v.others, p.v.r)
	if !ok {
		p.Previous.Add(wrapped(lang.L("Ingen tidligere fullført vernerunde.")))
		return
	}
	all, err := p.v.env.Store.Measures()
	if err != nil {
		p.Err.Show(err)
		return
	}
	ms := model.RoundMeasures(all, prev.ID)
	p.Previous.Add(wrapped(fmt.Sprintf(lang.L("Forrige vernerunde: %s (%d funn, %d tiltak)."), prev.Date, len(prev.Findings()), len(ms))))
	today := p.v.env.Today()
	open := 0
	for _, m := range ms {
		if m.Open() {
			open++
		}
	}
	if len(ms) > 0 {
		p.Previous.Add(wrapped(fmt.Sprintf(lang.L("%d av %d tiltak er fortsatt åpne."), open, len(ms))))
	}
	for _, m := range ms {
		id := m.ID
		l := wrapped(measureLine(m, today))
		if m.Overdue(today) {
			l.Importance = widget.DangerImportance
		}
		open := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() {
			p.v.env.Open(appctx.ActionPlanPageID, appctx.Focus{ID: id})
		})
		p.Previous.Add(container.NewBorder(nil, nil, nil, open, l))
	}
}

// measureLine is a measure in one line: title, status, responsible,
// deadline, with an overdue deadline in words.
func measureLine(m model.Measure, today model.Date) string {
	s := fmt.Sprintf("%s – %s · %s · %s %s", m.Title, lang.L(m.Status.Label()), m.Responsible, lang.L("frist"), m.Deadline)
	if m.Overdue(today) {
		s = lang.L("! Forfalt") + ": " + s
	}
	return s
}

func (p *PreMeeting) lock() {
	for _, w := range []fyne.Disableable{p.Title, p.Date, p.Areas, p.AddAreas, p.AddPerson, p.AddCommittee, p.Notes, p.Save} {
		w.Disable()
	}
	for _, r := range p.Rows {
		r.Name.Disable()
		r.Role.Disable()
		r.Remove.Disable()
	}
}

// SaveForm validates and stores the pre-meeting; refused input stays.
func (p *PreMeeting) SaveForm() {
	r, err := p.read(p.v.r)
	if err == nil {
		r, err = p.v.env.Store.SaveSafetyRound(r, p.v.env.Today())
	}
	p.showErr(err)
	if err != nil {
		return
	}
	saved := r
	p.v.setRound(saved)
	p.loaded = p.state()
	p.fillPrevious()
}

// read puts the pre-meeting's fields into r; a date that does not parse
// comes back as a ValidationError naming the field.
func (p *PreMeeting) read(r model.SafetyRound) (model.SafetyRound, error) {
	r.Title = p.Title.Text
	d, err := p.Date.Date()
	if err != nil {
		var v model.ValidationError
		v.Add(model.FieldRoundDate, err.Error())
		return r, v
	}
	r.Date = d
	r.Areas = strings.Split(p.Areas.Text, "\n")
	r.Participants = nil
	for _, row := range p.Rows {
		if strings.TrimSpace(row.Name.Text) == "" && row.Role.Selected == "" {
			continue
		}
		r.Participants = append(r.Participants, model.RoundParticipant{Name: row.Name.Text, Role: roleFromDisplay(row.Role.Selected)})
	}
	r.PreMeetingNotes = p.Notes.Text
	return r, nil
}

// Content is the tab's layout.
func (p *PreMeeting) Content() fyne.CanvasObject {
	if p.root != nil {
		return p.root
	}
	people := container.NewVBox(p.People, container.NewHBox(p.AddPerson, p.AddCommittee))
	// The pre-meeting starts with the status of the previous round's
	// measures, then plans this round.
	body := container.NewVBox(
		widget.NewLabelWithStyle(lang.L("Status på tiltak fra forrige vernerunde"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		p.Previous,
		widget.NewSeparator(),
		labelled(lang.L(model.FieldRoundTitle), p.withErr(model.FieldRoundTitle, p.Title)),
		labelled(lang.L(model.FieldRoundDate), p.withErr(model.FieldRoundDate, p.Date)),
		labelled(lang.L("Deltakere (navn og rolle)"), p.withErr(model.FieldRoundPeople, people)),
		labelled(lang.L("Områder som besøkes"), p.withErr(model.FieldRoundAreas, container.NewVBox(p.Areas, container.NewHBox(p.AddAreas)))),
		labelled(lang.L(model.FieldPreMeetingNotes), p.withErr(model.FieldPreMeetingNotes, p.Notes)),
		p.Err.Label,
		container.NewHBox(p.Save, p.v.Delete),
	)
	p.root = container.NewStack(container.NewVScroll(body))
	return p.root
}

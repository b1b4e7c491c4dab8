package moter

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
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
	"hmsutvalg/ui/vedlegg"
	"hmsutvalg/ui/widgets"
)

// Editor edits one meeting: date, time, place and attendance on the first
// tab, the agenda with each item's notes and decisions on the second.
type Editor struct {
	sess *session

	Date       *widgets.DateEntry
	Start, End *widgets.Entry
	Place      *widgets.Entry
	Attended   []*widget.Check  // one per participant, in order
	AttendNote []*widget.Label  // beside each check: why a tick was refused
	Uninvite   []*widget.Button // one per participant, in order
	InviteSel  *widget.Select   // committee members not invited
	InviteBtn  *widget.Button
	Guest      *widgets.Entry // a guest's name
	GuestBtn   *widget.Button

	Agenda     *widgets.List
	NewItem    *widgets.Entry
	AddItem    *widget.Button
	Up, Down   *widget.Button
	Remove     *widget.Button
	ItemTitle  *widgets.Entry
	ItemClosed *widget.Check
	Item       *ItemPanel
	Save       *widget.Button
	Delete     *widget.Button
	StartView  *widget.Button
	Invitation *widget.Button
	Minutes    *widget.Button
	WithClosed *widget.Check
	Err        *widgets.ErrorText
	Tabs       *container.AppTabs
	// View is the meeting view while it is open.
	View        *View
	selected    uint64
	itemBox     *fyne.Container
	onDelete    func()
	participant *fyne.Container
	notInvited  []model.CommitteeMember // InviteSel's options, in order
	Attach      *vedlegg.Panel          // photos and PDFs
}

// NewEditor edits m; onSaved is called after each successful save,
// onDelete after the meeting is deleted.
func NewEditor(env *appctx.Env, m model.Meeting, onSaved func(model.Meeting), onDelete func()) *Editor {
	e := &Editor{sess: newSession(env, m, onSaved), Err: widgets.NewErrorText(), onDelete: onDelete}
	e.Attach = vedlegg.New(env, model.OwnerMeeting, m.ID, 0)
	e.Date = widgets.NewDateEntry(model.FieldMeetingDate, false)
	e.Date.SetDate(m.Date)
	e.Start = widgets.NewEntry()
	e.Start.SetText(m.Start)
	e.Start.SetPlaceHolder("14:00")
	e.End = widgets.NewEntry()
	e.End.SetText(m.End)
	e.End.SetPlaceHolder(lang.L("valgfri"))
	e.Place = widgets.NewEntry()
	e.Place.SetText(m.Place)
	e.participant = container.NewVBox()
	e.InviteSel = widget.NewSelect(nil, nil)
	e.InviteSel.PlaceHolder = lang.L("Velg et utvalgsmedlem")
	e.InviteBtn = widget.NewButtonWithIcon(lang.L("Inviter"), theme.ContentAddIcon(), e.inviteMember)
	e.Guest = widgets.NewEntry()
	e.Guest.SetPlaceHolder(lang.L("Navn på gjest, for eksempel «HR-rådgiver»"))
	e.GuestBtn = widget.NewButtonWithIcon(lang.L("Inviter gjest"), theme.ContentAddIcon(), e.inviteGuest)
	e.refreshParticipants()

	e.Agenda = widgets.NewTwoLineList(func() int { return len(e.sess.m.Agenda) }, e.agendaRow)
	e.Agenda.OnSelected = func(i widget.ListItemID) { e.selectItem(e.sess.m.Agenda[i].ID) }
	e.NewItem = widgets.NewEntry()
	e.NewItem.SetPlaceHolder(lang.L("Tittel på ny sak"))
	e.AddItem = widget.NewButtonWithIcon(lang.L("Legg til sak"), theme.ContentAddIcon(), e.addItem)
	e.Up = widget.NewButtonWithIcon(lang.L("Opp"), theme.MoveUpIcon(), func() { e.move(-1) })
	e.Down = widget.NewButtonWithIcon(lang.L("Ned"), theme.MoveDownIcon(), func() { e.move(1) })
	e.Remove = widget.NewButtonWithIcon(lang.L("Fjern sak"), theme.DeleteIcon(), e.confirmRemoveItem)
	e.Remove.Importance = widget.DangerImportance // asks first
	e.ItemTitle = widgets.NewEntry()
	e.ItemTitle.OnChanged = func(s string) {
		if it := e.sess.item(e.selected); it != nil {
			it.Title = s
			e.Agenda.Refresh()
		}
	}
	e.ItemClosed = widget.NewCheck(lang.L("Lukket sak"), func(b bool) {
		if it := e.sess.item(e.selected); it != nil {
			it.Closed = b
			e.Agenda.Refresh()
		}
	})
	e.itemBox = container.NewVBox()

	e.Save = widget.NewButtonWithIcon(lang.L("Lagre møtet"), theme.DocumentSaveIcon(), func() { e.save() })
	e.Save.Importance = widget.HighImportance
	e.Delete = widget.NewButtonWithIcon(lang.L("Slett møtet"), theme.DeleteIcon(), e.confirmDelete)
	e.Delete.Importance = widget.DangerImportance // asks first
	e.StartView = widget.NewButtonWithIcon(lang.L("Start møtevisning"), theme.MediaPlayIcon(), e.startView)
	e.Invitation = widget.NewButtonWithIcon(lang.L("Innkalling (PDF)"), theme.DocumentPrintIcon(), func() { e.savePDF(false) })
	e.Minutes = widget.NewButtonWithIcon(lang.L("Referat (PDF)"), theme.DocumentPrintIcon(), func() { e.savePDF(true) })
	e.WithClosed = widget.NewCheck(lang.L("Ta med lukkede saker i referatet"), nil)
	e.refreshButtons()
	if len(m.Agenda) > 0 {
		e.Agenda.Select(0)
	}
	return e
}

// Meeting is the working copy, with what is typed in the form.
func (e *Editor) Meeting() model.Meeting { return e.sess.m }

func (e *Editor) refreshButtons() {
	if e.sess.m.ID == 0 {
		e.Delete.Disable()
	} else {
		e.Delete.Enable()
	}
}

// refreshParticipants shows a check per invited person (ticked = came)
// with a button to take them off the list, and offers the committee
// members not invited.
func (e *Editor) refreshParticipants() {
	e.participant.RemoveAll()
	e.Attended, e.AttendNote, e.Uninvite = nil, nil, nil
	if len(e.sess.m.Participants) == 0 {
		e.participant.Add(wrapped(lang.L("Ingen er innkalt. Inviter utvalgets medlemmer under, eller registrer utvalget under Enhet og utvalg.")))
	}
	for i, p := range e.sess.m.Participants {
		label := fmt.Sprintf(lang.L("%s (gjest)"), p.Name)
		if p.Role != "" {
			label = fmt.Sprintf("%s (%s)", p.Name, lang.L(p.Role.Short()))
		}
		note := widget.NewLabel("")
		note.Importance = widget.DangerImportance
		note.Wrapping = fyne.TextWrapWord
		note.Hide()
		c := widget.NewCheck(label, nil)
		c.SetChecked(p.Attended)
		c.OnChanged = func(b bool) { e.tick(i, c, note, b) }
		rm := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() {
			e.sess.m = e.sess.m.Uninvite(i)
			e.refreshParticipants()
		})
		e.Attended = append(e.Attended, c)
		e.AttendNote = append(e.AttendNote, note)
		e.Uninvite = append(e.Uninvite, rm)
		e.participant.Add(container.NewBorder(nil, note, nil, rm, c))
	}
	e.participant.Refresh()
	e.notInvited = nil
	if members, err := e.sess.env.Store.Members(); err == nil {
		e.notInvited = e.sess.m.NotInvited(members)
	}
	var options []string
	for _, cm := range e.notInvited {
		options = append(options, memberOption(cm, e.sess.m.Date))
	}
	e.InviteSel.SetOptions(options)
	e.InviteSel.ClearSelected()
	if len(options) == 0 {
		e.InviteSel.Disable()
		e.InviteBtn.Disable()
	} else {
		e.InviteSel.Enable()
		e.InviteBtn.Enable()
	}
}

// tick records participant i's attendance in the form's copy. A tick for a
// meeting dated later (the date as typed, if it reads) is refused at once,
// with model's reason beside the check, instead of at «Lagre møtet» or
// «Start møtevisning».
func (e *Editor) tick(i int, c *widget.Check, note *widget.Label, b bool) {
	m := e.sess.m
	if d, err := e.Date.Date(); err == nil && !d.IsZero() {
		m.Date = d
	}
	if why := m.AttendanceRefused(e.sess.env.Today()); b && why != "" {
		note.SetText(why)
		note.Show()
		e.participant.Refresh() // lay the row out again with the note
		c.SetChecked(false)
		return
	}
	if b && note.Visible() {
		note.Hide()
		e.participant.Refresh()
	}
	ps := slices.Clone(e.sess.m.Participants)
	ps[i].Attended = b
	e.sess.m.Participants = ps
}

// memberOption is a committee member in the invite list; one who is not
// on the committee on the meeting date says so.
func memberOption(cm model.CommitteeMember, date model.Date) string {
	s := fmt.Sprintf("%s (%s)", cm.Name, lang.L(cm.Role.Short()))
	if !cm.ActiveOn(date) {
		s += " – " + lang.L("ikke i utvalget på møtedatoen")
	}
	return s
}

// inviteMember adds the member chosen in InviteSel.
func (e *Editor) inviteMember() {
	i := e.InviteSel.SelectedIndex()
	if i < 0 || i >= len(e.notInvited) {
		return
	}
	e.sess.m = e.sess.m.Invite(e.notInvited[i])
	e.refreshParticipants()
}

// inviteGuest adds the name typed in Guest. Saving checks it like any
// other text (length, no fødselsnummer).
func (e *Editor) inviteGuest() {
	if strings.TrimSpace(e.Guest.Text) == "" {
		return
	}
	e.sess.m = e.sess.m.InviteGuest(e.Guest.Text)
	e.Guest.SetText("")
	e.refreshParticipants()
}

// tabAgenda is the «Sakliste» tab's index (Content).
const tabAgenda = 1

// ShowItem shows agenda item id on the «Sakliste» tab.
func (e *Editor) ShowItem(id uint64) {
	e.SelectItem(id)
	if e.Tabs != nil {
		e.Tabs.SelectIndex(tabAgenda)
	}
}

// SelectItem shows agenda item id.
func (e *Editor) SelectItem(id uint64) {
	if i := e.sess.m.ItemIndex(id); i >= 0 {
		e.Agenda.Select(i)
		e.selectItem(id) // also when it was selected already: the notes may have changed
	}
}

func (e *Editor) selectItem(id uint64) {
	if !e.leaveItem(id) {
		return
	}
	e.selected = id
	it := e.sess.item(id)
	if it == nil {
		e.itemBox.RemoveAll()
		return
	}
	title, closed := it.Title, it.Closed
	e.ItemTitle.SetText(title)
	e.ItemClosed.SetChecked(closed)
	e.Item = newItemPanel(e.sess, id)
	e.itemBox.Objects = []fyne.CanvasObject{e.Item.Content()}
	e.itemBox.Refresh()
}

// leaveItem keeps what is typed in the item panel before it is replaced:
// a decision typed but not added is added to its item (as stepping in the
// meeting view does), and an open «Lag tiltak» form keeps its item on
// screen until it is saved or cancelled. False: stay on the item.
func (e *Editor) leaveItem(next uint64) bool {
	p := e.Item
	if p == nil || e.selected == 0 {
		return true
	}
	if p.Measure != nil {
		if next != e.selected {
			if i := e.sess.m.ItemIndex(e.selected); i >= 0 {
				e.Agenda.Select(i) // comes back here with next == selected
			}
			e.Err.Show(errors.New(lang.L("Lagre eller avbryt tiltaket først")))
		}
		return false
	}
	if strings.TrimSpace(p.NewDecision.Text) != "" {
		p.addDecision()
	}
	return true
}

// SelectedItem is the ID of the item shown, 0 if none.
func (e *Editor) SelectedItem() uint64 { return e.selected }

func (e *Editor) addItem() {
	title := strings.TrimSpace(e.NewItem.Text)
	if title == "" {
		e.Err.Show(fmt.Errorf("%s %s", lang.L(model.FieldItemTitle), lang.L("må fylles ut")))
		return
	}
	e.sess.m = e.sess.m.AddItem(model.AgendaItem{Kind: model.AgendaCustom, Title: title})
	e.NewItem.SetText("")
	e.Err.Show(nil)
	e.Agenda.Refresh()
	// The new item is before Eventuelt, or last.
	for _, it := range e.sess.m.Agenda {
		if it.Title == title && it.Kind == model.AgendaCustom {
			e.SelectItem(it.ID)
		}
	}
}

func (e *Editor) move(delta int) {
	if e.selected == 0 {
		return
	}
	e.sess.m = e.sess.m.MoveItem(e.selected, delta)
	e.Agenda.Refresh()
	e.SelectItem(e.selected)
}

// confirmRemoveItem asks before taking the selected item off the agenda
// with its notes and decisions (Avbryt is the default). The meeting is
// stored with Lagre; until then Forkast puts the item back.
func (e *Editor) confirmRemoveItem() {
	i := e.sess.m.ItemIndex(e.selected)
	if e.selected == 0 || i < 0 {
		return
	}
	widgets.ConfirmDanger(e.sess.env.Window, lang.L("Fjerne saken?"),
		fmt.Sprintf(lang.L("«%s» tas ut av saklisten med notater og vedtak når møtet lagres."), e.sess.m.Agenda[i].Title),
		lang.L("Fjern sak"), e.removeItem)
}

func (e *Editor) removeItem() {
	if e.selected == 0 {
		return
	}
	i := e.sess.m.ItemIndex(e.selected)
	e.sess.m = e.sess.m.RemoveItem(e.selected)
	e.selected = 0
	e.Agenda.UnselectAll()
	e.Agenda.Refresh()
	e.itemBox.RemoveAll()
	if n := len(e.sess.m.Agenda); n > 0 {
		e.Agenda.Select(min(i, n-1))
	}
}

// collect copies the first tab's fields into the working copy. The date
// must parse; the rest is checked by the model on save.
func (e *Editor) collect() error {
	d, err := e.Date.Date()
	if err != nil {
		return err
	}
	m := e.sess.m
	dateChanged := d != m.Date
	m.Date, m.Start, m.End, m.Place = d, e.Start.Text, e.End.Text, e.Place.Text
	e.sess.m = m
	if dateChanged && m.ID == 0 {
		// A new meeting invites the members active on its date.
		e.reinvite()
	}
	return nil
}

// reinvite sets the participants to the members active on the date.
func (e *Editor) reinvite() {
	members, err := e.sess.env.Store.Members()
	if err != nil {
		return
	}
	var ps []model.Participant
	for _, cm := range model.ActiveMembers(members, e.sess.m.Date) {
		ps = append(ps, model.Participant{MemberID: cm.ID, Name: cm.Name, Role: cm.Role})
	}
	e.sess.m.Participants = ps
	e.refreshParticipants()
}

// save stores the meeting and reports whether it was stored.
func (e *Editor) save() bool {
	if err := e.collect(); err != nil {
		e.Err.Show(err)
		return false
	}
	if err := e.sess.save(); err != nil {
		e.Err.Show(err)
		return false
	}
	e.Err.Show(nil)
	e.Attach.SetOwner(e.sess.m.ID, 0)
	e.refreshButtons()
	e.Agenda.Refresh()
	return true
}

// SaveNow saves as the Lagre button does and returns whether it worked.
func (e *Editor) SaveNow() bool { return e.save() }

// Dirty reports whether the meeting on screen differs from what was
// loaded or last saved: the first tab's fields as typed, ticks, the agenda
// and its notes and decisions, and text typed for an agenda item, a guest
// or a decision not yet added. It changes nothing.
func (e *Editor) Dirty() bool {
	if e.pending() {
		return true
	}
	d, err := e.Date.Date()
	if err != nil {
		return true // something typed that is not a date yet
	}
	m := e.sess.m // the fields set below are not shared with e.sess.m
	m.Date, m.Start, m.End, m.Place = d, e.Start.Text, e.End.Text, e.Place.Text
	return !reflect.DeepEqual(m, e.sess.stored)
}

// pending reports text typed in an «add» field but not added.
func (e *Editor) pending() bool {
	if strings.TrimSpace(e.NewItem.Text) != "" || strings.TrimSpace(e.Guest.Text) != "" {
		return true
	}
	// An open «Lag tiltak» form counts as typed.
	return e.Item != nil && (strings.TrimSpace(e.Item.NewDecision.Text) != "" || e.Item.Measure != nil)
}

// SaveAll adds what is typed but not added (an agenda item, a guest, a
// decision, an open «Lag tiltak» form) and saves the meeting; false keeps
// everything on screen with the reason.
func (e *Editor) SaveAll() bool {
	if err := e.collect(); err != nil {
		e.Err.Show(err) // a date that does not read: nothing is stored
		return false
	}
	if strings.TrimSpace(e.Guest.Text) != "" {
		e.inviteGuest()
	}
	if e.Item != nil && strings.TrimSpace(e.Item.NewDecision.Text) != "" {
		e.Item.addDecision()
	}
	if e.Item != nil && e.Item.Measure != nil {
		e.Item.Measure.save()
		if e.Item.Measure != nil {
			return false // refused: the form shows why
		}
	}
	if strings.TrimSpace(e.NewItem.Text) != "" {
		e.addItem()
	}
	return e.save()
}

func (e *Editor) confirmDelete() {
	m := e.sess.m
	msg := fmt.Sprintf(lang.L("Slette %s? Tiltak som er laget fra vedtakene, blir stående i handlingsplanen."), m.Title())
	if n := e.sess.env.Store.AttachmentCount(model.OwnerMeeting, m.ID); n > 0 {
		msg += " " + fmt.Sprintf(lang.L("Vedleggene (%d) slettes sammen med møtet."), n)
	}
	widgets.ConfirmDanger(e.sess.env.Window, lang.L("Slett møtet"), msg,
		lang.L("Slett"), func() {
			if err := e.sess.env.Store.DeleteMeeting(m.ID); err != nil {
				e.Err.Show(err)
				return
			}
			if e.onDelete != nil {
				e.onDelete()
			}
		})
}

// startView saves and opens the meeting view at the selected item.
func (e *Editor) startView() {
	if !e.save() {
		return
	}
	start := max(e.sess.m.ItemIndex(e.selected), 0)
	e.View = OpenView(e.sess.env, e.sess, start, func(idx int) {
		// Back from the shared screen: show what was typed there.
		if idx >= 0 && idx < len(e.sess.m.Agenda) {
			e.Agenda.Refresh()
			e.SelectItem(e.sess.m.Agenda[idx].ID)
		}
	})
	if g := e.sess.env.Guard; g != nil {
		g.Nest(e.View)
	}
}

// PDFInput is what the invitation and minutes print, read now.
func (e *Editor) PDFInput() (reports.MeetingInput, error) {
	env := e.sess.env
	u, err := env.Store.Unit()
	if err != nil {
		return reports.MeetingInput{}, err
	}
	ms, err := env.Store.Measures()
	if err != nil {
		return reports.MeetingInput{}, err
	}
	return reports.MeetingInput{Unit: u, Meeting: e.sess.m, Measures: ms, Today: env.Today(),
		IncludeClosed: e.WithClosed.Checked}, nil
}

func (e *Editor) savePDF(minutes bool) {
	if !e.save() {
		return
	}
	in, err := e.PDFInput()
	if err != nil {
		e.Err.Show(err)
		return
	}
	u := in.Unit.Name
	if minutes {
		pdfexport.Save(e.sess.env, pdfexport.FileName("Referat", in.Meeting.Date.ISO(), u), func() *reports.Document {
			return reports.MeetingMinutes(in, reports.Options{})
		})
		return
	}
	pdfexport.Save(e.sess.env, pdfexport.FileName("Innkalling", in.Meeting.Date.ISO(), u), func() *reports.Document {
		return reports.MeetingInvitation(in, reports.Options{})
	})
}

// Content lays the editor out in two tabs.
func (e *Editor) Content() fyne.CanvasObject {
	details := container.NewVBox(
		wrapped(lang.L(model.FieldMeetingDate)), e.Err.Bind(model.FieldMeetingDate, e.Date),
		container.NewGridWithColumns(2,
			container.NewVBox(wrapped(lang.L(model.FieldMeetingStart)), e.Err.Bind(model.FieldMeetingStart, e.Start)),
			container.NewVBox(wrapped(lang.L(model.FieldMeetingEnd)), e.Err.Bind(model.FieldMeetingEnd, e.End))),
		wrapped(lang.L(model.FieldPlace)), e.Err.Bind(model.FieldPlace, e.Place),
		heading(lang.L("Innkalt – kryss av for dem som møtte")), e.Err.Bind(model.FieldParticipants, e.participant),
		container.NewBorder(nil, nil, nil, e.InviteBtn, e.InviteSel),
		container.NewBorder(nil, nil, nil, e.GuestBtn, e.Guest),
		widget.NewSeparator(),
		heading(lang.L("Dokumenter")),
		container.NewGridWithColumns(2, e.Invitation, e.Minutes),
		e.WithClosed,
		widget.NewSeparator(),
		e.Attach.Content(),
	)
	e.Attach.Activate()
	tools := container.NewGridWithColumns(3, e.Up, e.Down, e.Remove)
	// One row for the new item's title and its button, and most of the
	// tab's height for the list: at 1024×768 the leader sees five items
	// or more while preparing the agenda.
	agendaTop := container.NewBorder(nil, nil, nil, e.AddItem, e.NewItem)
	agendaList := e.Err.Bind(model.FieldAgenda, container.NewBorder(agendaTop, tools, nil, nil, e.Agenda),
		model.FieldItemTitle, model.FieldItemNotes, model.FieldDecision)
	hint := wrapped(lang.L("Psykososiale saker og konflikter: holdes utenfor referatet som deles, og notatene skjules på felles skjerm."))
	hint.Importance = widget.LowImportance
	itemTop := container.NewVBox(wrapped(lang.L(model.FieldItemTitle)), e.ItemTitle, e.ItemClosed, hint)
	item := container.NewVScroll(container.NewVBox(itemTop, e.itemBox))
	agenda := container.NewVSplit(agendaList, item)
	agenda.Offset = 0.75
	e.Tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Møtet"), container.NewVScroll(details)),
		container.NewTabItem(lang.L("Sakliste"), agenda),
	)
	top := container.NewVBox(
		container.NewGridWithColumns(2, e.Save, e.StartView),
		e.Err.Label,
	)
	bottom := container.NewGridWithColumns(1, e.Delete)
	return container.NewBorder(top, bottom, nil, nil, e.Tabs)
}

// agendaRow is item i of the agenda as its list shows it: number and
// title, then whether it is closed or the unit's own, its notes and its
// decisions.
func (e *Editor) agendaRow(i widget.ListItemID) (string, string, widget.Importance) {
	it := e.sess.m.Agenda[i]
	var parts []string
	if it.Closed {
		parts = append(parts, lang.L("Lukket sak"))
	}
	if it.Kind == model.AgendaCustom {
		parts = append(parts, lang.L("Egen sak"))
	}
	if strings.TrimSpace(it.Notes) == "" {
		parts = append(parts, lang.L("ingen notater"))
	} else {
		parts = append(parts, lang.L("notater"))
	}
	parts = append(parts, fmt.Sprintf(lang.L("%d vedtak"), len(it.Decisions)))
	return fmt.Sprintf("%d. %s", i+1, it.Title), strings.Join(parts, " · "), widget.MediumImportance
}

package moter

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/handlingsplan"
	"hmsutvalg/ui/i18n"
	"hmsutvalg/ui/risiko"
	"hmsutvalg/ui/widgets"
)

// WheelPageID is the annual wheel's page ID.
const WheelPageID = "arshjul"

// modulePages maps a duty to the page where it is done. Pages of modules
// not built yet are simply not found by the shell.
var modulePages = map[model.WheelKind]string{
	model.WheelMeeting:         PageID,
	model.WheelSickLeave:       "sykefravar",
	model.WheelSafetyRound:     "vernerunde",
	model.WheelRiskReview:      risiko.PageID,
	model.WheelViolenceMapping: "vold",
	model.WheelTenFactor:       "tifaktor",
	model.WheelTenFactorFollow: "tifaktor",
	model.WheelActionPlan:      handlingsplan.PageID,
}

// WheelPage returns the sidebar entry of the annual wheel.
func WheelPage() appctx.Page {
	return appctx.Page{ID: WheelPageID, Title: lang.L("Årshjul"), Icon: theme.HistoryIcon(), Build: func(env *appctx.Env) fyne.CanvasObject {
		w := NewWheel(env, model.HMSYear(env.Today().Year()))
		if f, ok := env.TakeFocus(WheelPageID); ok && f.ID != 0 {
			w.SetYear(model.HMSYear(f.ID))
		}
		env.Guard.Set(w) // a note or deadline typed and not saved (wheelsave.go)
		return w.Content()
	}}
}

// Wheel is the annual wheel of one year: the duties month by month, each
// marked done, late or due this month in words, with its deadline that
// the unit can move.
type Wheel struct {
	env     *appctx.Env
	year    model.HMSYear
	entries []model.WheelEntry

	YearLabel  *widget.Label
	Summary    *widget.Label
	PrevYear   *widget.Button
	NextYear   *widget.Button
	CalBtn     *widget.Button // «Legg i kalenderen» (calendar.go)
	Rows       []*WheelRow
	Err        *widgets.ErrorText
	list       *fyne.Container
	scroll     *container.Scroll
	rowsByKind map[model.WheelKey]*WheelRow
}

// NewWheel shows year's wheel.
func NewWheel(env *appctx.Env, year model.HMSYear) *Wheel {
	w := &Wheel{env: env, year: year, Err: widgets.NewErrorText(), list: container.NewVBox()}
	w.YearLabel = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	w.Summary = wrapped("")
	// Another year leaves the rows on screen: a note or deadline typed in
	// them is saved or the user asked first.
	w.PrevYear = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { env.Leave(func() { w.SetYear(w.year - 1) }, nil) })
	w.NextYear = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { env.Leave(func() { w.SetYear(w.year + 1) }, nil) })
	w.CalBtn = NewCalendarButton(env)
	w.Reload()
	return w
}

// SetYear shows another year.
func (w *Wheel) SetYear(y model.HMSYear) {
	if y < model.MinHMSYear || y > model.MaxHMSYear {
		return
	}
	w.year = y
	w.Reload()
}

// Entries are the year's duties as shown.
func (w *Wheel) Entries() []model.WheelEntry { return w.entries }

// Row returns the row of a duty, or nil.
func (w *Wheel) Row(kind model.WheelKind, seq int) *WheelRow {
	return w.rowsByKind[model.WheelKey{Year: w.year, Kind: kind, Seq: seq}]
}

// Reload reads the year again.
func (w *Wheel) Reload() {
	today := w.env.Today()
	es, err := w.env.Store.ProvenWheel(w.year, today)
	if err != nil {
		w.Err.Show(err)
		return
	}
	w.Err.Show(nil)
	w.entries = es
	w.YearLabel.SetText(fmt.Sprintf(lang.L("Årshjul %s"), w.year))
	c := model.CountWheel(es, today)
	w.Summary.SetText(fmt.Sprintf(lang.L("%d av %d utført · %d forfalt · %d denne måneden"), c.Done, len(es), c.Late, c.DueNow))
	if len(es) == 0 {
		w.Summary.SetText(lang.L("Ingen plikter i årshjulet dette året: enheten startet senere."))
	}
	w.list.RemoveAll()
	w.Rows = nil
	w.rowsByKind = map[model.WheelKey]*WheelRow{}
	month := 0
	for _, e := range es {
		if m := int(e.Due.Month()); m != month {
			month = m
			h := heading(upperFirst(lang.L(model.MonthName(e.Due.Month()))))
			h.SizeName = theme.SizeNameSubHeadingText
			w.list.Add(h)
		}
		r := newWheelRow(w, e)
		w.Rows = append(w.Rows, r)
		w.rowsByKind[e.Key()] = r
		w.list.Add(r.box)
	}
	w.list.Refresh()
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// Content lays the wheel out.
func (w *Wheel) Content() fyne.CanvasObject {
	nav := container.NewBorder(nil, nil, w.PrevYear, w.NextYear, w.YearLabel)
	hint := wrapped(lang.L("Et punkt er utført når registreringen som viser det finnes, for eksempel sykefraværet for kvartalet eller en låst vernerunde. Punkter ingen registrering viser, merkes som utført med en merknad. Fristene er foreslått ut fra kommunens rutiner; Tilbakestill gir standardfristen igjen."))
	hint.Importance = widget.LowImportance
	top := container.NewVBox(nav, w.Summary, hint, w.CalBtn, w.Err.Label)
	w.scroll = container.NewVScroll(w.list)
	return container.NewBorder(top, nil, nil, nil, w.scroll)
}

// WheelRow is one duty: title, deadline and state in words, and the
// buttons to mark it done, move its deadline or reset it.
type WheelRow struct {
	w     *Wheel
	Entry model.WheelEntry

	Title   *widget.Label
	State   *widget.Label
	Hint    *widget.Label  // which record fulfils the duty, while it is not done
	Show    *widget.Button // opens the record that fulfilled the duty; nil when none
	Note    *widgets.Entry // the comment with a manual tick
	Confirm *widget.Button // ticks the duty done with the note
	Done    *widget.Button // starts a manual tick, or undoes one; nil for a duty a record proves
	Move    *widget.Button
	Reset   *widget.Button
	Open    *widget.Button
	Due     *widgets.DateEntry
	SaveDue *widget.Button
	Err     *widgets.ErrorText
	editBox *fyne.Container
	tickBox *fyne.Container
	box     *fyne.Container
	// dueLoaded is the deadline field's text as loaded, to tell a new
	// deadline typed and not saved (wheelsave.go).
	dueLoaded string
}

func newWheelRow(w *Wheel, e model.WheelEntry) *WheelRow {
	r := &WheelRow{w: w, Entry: e, Err: widgets.NewErrorText()}
	today := w.env.Today()
	r.Title = wrapped(i18n.T(e.Title))
	r.State = wrapped(stateText(e, today))
	r.State.Importance = stateImportance(e.State(today))
	// The box that opens takes the keyboard: the field to type in.
	r.Move = widget.NewButtonWithIcon(lang.L("Flytt frist"), theme.DocumentCreateIcon(), func() {
		r.editBox.Show()
		w.env.FocusField(r.Due)
	})
	r.Reset = widget.NewButton(lang.L("Tilbakestill"), r.confirmReset)
	r.Reset.Importance = widget.DangerImportance // asks first
	if e.ID == 0 {
		r.Reset.Disable()
	}
	r.Due = widgets.NewDateEntry(model.FieldWheelDue, false)
	r.Due.SetDate(e.Due)
	r.dueLoaded = r.Due.Text
	r.SaveDue = widget.NewButtonWithIcon(lang.L("Lagre frist"), theme.DocumentSaveIcon(), r.saveDue)
	r.editBox = container.NewVBox(wrapped(lang.L("Ny frist")), r.Err.Bind(model.FieldWheelDue, r.Due), r.SaveDue)
	r.editBox.Hide()
	r.Note = widgets.NewEntry()
	r.Note.SetPlaceHolder(lang.L("hva ble gjort, for eksempel «lagt fram for AMU 12.03»"))
	r.Confirm = widget.NewButtonWithIcon(lang.L("Merk utført"), theme.ConfirmIcon(), func() { r.tick(today) })
	r.tickBox = container.NewVBox(wrapped(lang.L(model.FieldWheelNote)), r.Err.Bind(model.FieldWheelNote, r.Note), r.Confirm)
	r.tickBox.Hide()
	buttons := container.NewGridWithColumns(3)
	switch {
	case e.Proof.Proven():
		page, f := ProofTarget(e.Proof, e.Year)
		r.Show = widget.NewButtonWithIcon(lang.L("Vis registreringen"), theme.VisibilityIcon(), func() { w.env.Open(page, f) })
		buttons.Add(r.Show)
	case !e.Done.IsZero():
		r.Done = widget.NewButtonWithIcon(lang.L("Ikke utført"), theme.ContentUndoIcon(), func() { r.setDone(model.Date{}, "") })
		buttons.Add(r.Done)
	case !model.ProvableByRecord(e):
		r.Done = widget.NewButtonWithIcon(lang.L("Merk utført …"), theme.ConfirmIcon(), func() {
			r.tickBox.Show()
			w.env.FocusField(r.Note)
		})
		buttons.Add(r.Done)
	}
	buttons.Add(r.Move)
	buttons.Add(r.Reset)
	r.box = container.NewVBox(r.Title, r.State)
	if e.State(today) != model.WheelDone {
		r.Hint = wrapped(i18n.T(model.WheelProofHint(e)))
		r.Hint.Importance = widget.LowImportance
		r.box.Add(r.Hint)
	}
	r.box.Add(buttons)
	r.box.Add(r.tickBox)
	r.box.Add(r.editBox)
	r.box.Add(r.Err.Label)
	if _, ok := modulePages[e.Kind]; ok && !e.Proof.Proven() {
		r.Open = widget.NewButtonWithIcon(lang.L("Gå til modulen"), theme.NavigateNextIcon(), func() { openDuty(w.env, e) })
		r.Open.Alignment = widget.ButtonAlignLeading
		r.box.Add(r.Open)
	}
	r.box.Add(widget.NewSeparator())
	return r
}

func stateImportance(s model.WheelState) widget.Importance {
	switch s {
	case model.WheelLate:
		return widget.DangerImportance
	case model.WheelDueNow:
		return widget.WarningImportance
	case model.WheelDone:
		return widget.SuccessImportance
	}
	return widget.MediumImportance
}

// ProofTarget is the page and focus that show the record of a proof.
func ProofTarget(p model.WheelProof, year model.HMSYear) (string, appctx.Focus) {
	switch p.Record {
	case model.RecordSickLeave:
		return "sykefravar", appctx.Focus{ID: p.ID}
	case model.RecordSurvey:
		return "tifaktor", appctx.Focus{ParentID: p.ID}
	case model.RecordSafetyRound:
		return "vernerunde", appctx.Focus{ParentID: p.ID}
	case model.RecordAssessment:
		return risiko.PageID, appctx.Focus{ParentID: p.ID}
	case model.RecordViolenceMapping:
		return "vold", appctx.Focus{ParentID: p.ID}
	case model.RecordViolenceTraining:
		return "vold", appctx.Focus{Filter: "opplaering"}
	case model.RecordMeeting:
		return PageID, appctx.Focus{ID: p.ID}
	case model.RecordCourse:
		return "arsgjennomgang", appctx.Focus{ID: uint64(year)}
	case model.RecordExport:
		// The report delivered is the year before the duty's.
		return "rapporter", appctx.Focus{ID: uint64(year - 1)}
	}
	return WheelPageID, appctx.Focus{ID: uint64(year)}
}

// stateText says the deadline and the state in words, so colour is not
// the only signal.
func stateText(e model.WheelEntry, today model.Date) string {
	switch e.State(today) {
	case model.WheelDone:
		if e.Proof.Proven() {
			return fmt.Sprintf(lang.L("Utført: %s (frist %s)"), i18n.T(e.Proof.Text), e.Due)
		}
		if e.Note != "" {
			return fmt.Sprintf(lang.L("Utført %s (frist %s), merket for hånd: %s"), e.Done, e.Due, e.Note)
		}
		return fmt.Sprintf(lang.L("Utført %s (frist %s), merket for hånd"), e.Done, e.Due)
	case model.WheelLate:
		return fmt.Sprintf(lang.L("! Forfalt – frist %s"), e.Due)
	case model.WheelDueNow:
		return fmt.Sprintf(lang.L("Denne måneden – frist %s"), e.Due)
	}
	return fmt.Sprintf(lang.L("Frist %s"), e.Due)
}

func (r *WheelRow) store(e model.WheelEntry) {
	if _, err := r.w.env.Store.SaveWheelEntry(e, r.w.env.Today()); err != nil {
		r.Err.Show(err)
		return
	}
	r.w.Reload()
}

func (r *WheelRow) setDone(d model.Date, note string) {
	e := r.Entry
	e.Done = d
	e.Note = note
	r.store(e)
}

// tick marks a duty no record proves done today, with the comment that
// says what was done; the comment is required.
func (r *WheelRow) tick(today model.Date) {
	note := strings.TrimSpace(r.Note.Text)
	if note == "" {
		r.Err.Show(errors.New(lang.L("Skriv en merknad om hva som ble gjort.")))
		return
	}
	r.setDone(today, note)
}

func (r *WheelRow) saveDue() {
	d, err := r.Due.Date()
	if err != nil {
		r.Err.Show(err)
		return
	}
	e := r.Entry
	e.Due = d
	r.store(e)
}

// confirmReset asks before the duty gets its standard deadline back and
// loses a tick and note made by hand (Avbryt is the default).
func (r *WheelRow) confirmReset() {
	widgets.ConfirmDanger(r.w.env.Window, lang.L("Tilbakestille punktet?"),
		fmt.Sprintf(lang.L("«%s» får standardfristen igjen, og en avkrysning og merknad gjort for hånd fjernes."), i18n.T(r.Entry.Title)),
		lang.L("Tilbakestill"), r.reset)
}

func (r *WheelRow) reset() {
	if err := r.w.env.Store.ResetWheelEntry(r.Entry.ID); err != nil {
		r.Err.Show(err)
		return
	}
	r.w.Reload()
}

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
	"hmsutvalg/ui/registerio"
	"hmsutvalg/ui/widgets"
)

// TrainingView is the log of training and drills, newest first, with an
// editor below.
type TrainingView struct {
	s       *Screen
	all     []model.ViolenceTraining // newest first
	shown   []model.ViolenceTraining // those the search finds
	query   model.SearchQuery
	current model.ViolenceTraining

	Search                *widgets.SearchEntry
	IncidentHits          *widget.Button // the search's hits among the incidents, to open
	List                  *widgets.List
	OverdueInfo           *widget.Label
	NewButton, Delete     *widget.Button
	EditorHeading         *widget.Label
	Date                  *widgets.DateEntry
	Topic, Count, Groups  *widgets.Entry
	Kind, Repeat          *widget.Select
	Notes                 *widgets.Entry
	Save                  *widget.Button
	Err                   *widgets.ErrorText
	latestDue, overdueIDs map[uint64]bool
	loaded                string // the editor as loaded or saved (see state)
}

func newTrainingView(s *Screen) *TrainingView {
	v := &TrainingView{s: s}
	v.List = widgets.NewTwoLineList(func() int { return len(v.shown) }, func(i widget.ListItemID) (string, string, widget.Importance) {
		return widgets.Lines(v.RowText(i))
	})
	v.List.OnSelected = func(i widget.ListItemID) {
		t := v.shown[i]
		if t.ID == v.current.ID && t.ID != 0 {
			return // already in the editor
		}
		s.env.Leave(func() {
			v.Edit(t)
			s.env.FocusField(v.Date)
		}, nil)
	}
	v.Search = widgets.NewSearchEntry(widgets.HiddenTextPlaceholder(v.s.env, lang.L("Søk i opplæringen og øvelsene …")))
	v.Search.List = v.List // Escape in an empty search
	v.Search.OnChanged = func(t string) { v.query = model.NewSearchQuery(t); v.apply(); v.countIncidents() }
	v.IncidentHits = widget.NewButtonWithIcon("", theme.SearchIcon(), func() { s.showIncidents(v.Search.Text) })
	v.IncidentHits.Hide()
	v.OverdueInfo = wrapped("")
	v.NewButton = widget.NewButtonWithIcon(lang.L("Ny opplæring eller øvelse"), theme.ContentAddIcon(), func() {
		s.env.Leave(func() {
			v.List.UnselectAll()
			v.Edit(model.ViolenceTraining{Date: s.env.Today(), Repeat: model.RepeatYear})
			s.env.FocusField(v.Date)
		}, nil)
	})
	v.Delete = widget.NewButtonWithIcon(lang.L("Slett"), theme.DeleteIcon(), v.confirmDelete)
	v.Delete.Importance = widget.DangerImportance // asks first
	v.EditorHeading = heading("")
	v.Date = widgets.NewDateEntry(model.FieldTrainingDate, false)
	v.Topic = widgets.NewEntry()
	v.Topic.SetPlaceHolder(lang.L("for eksempel Alarmøvelse nattevakt"))
	v.Kind = widgets.NewSelect(translated(model.TrainingKindLabels()), nil)
	v.Count = widgets.NewEntry()
	v.Count.SetPlaceHolder(lang.L("antall, ikke navn"))
	v.Groups = widgets.NewEntry()
	v.Groups.SetPlaceHolder(lang.L("for eksempel nattevakter, vikarer"))
	v.Repeat = widgets.NewSelect(translated(model.RepeatIntervalLabels()), nil)
	v.Notes = widgets.NewEntry()
	v.Save = widget.NewButtonWithIcon(lang.L("Lagre"), theme.DocumentSaveIcon(), v.SaveTraining)
	v.Save.Importance = widget.HighImportance
	v.Err = widgets.NewErrorText()
	v.reload()
	v.Edit(model.ViolenceTraining{Date: s.env.Today(), Repeat: model.RepeatYear})
	return v
}

// reload sorts the log newest first and marks the overdue topics.
func (v *TrainingView) reload() {
	v.all = slices.Clone(v.s.data.Trainings)
	slices.SortStableFunc(v.all, func(a, b model.ViolenceTraining) int {
		if c := b.Date.Compare(a.Date); c != 0 {
			return c
		}
		return int(b.ID) - int(a.ID)
	})
	today := v.s.env.Today()
	v.latestDue, v.overdueIDs = map[uint64]bool{}, map[uint64]bool{}
	for _, t := range model.LatestTrainings(v.all) {
		v.latestDue[t.ID] = true
	}
	over := model.OverdueTrainings(v.all, today)
	var topics []string
	for _, t := range over {
		v.overdueIDs[t.ID] = true
		topics = append(topics, fmt.Sprintf("%s (%s %s)", t.Topic, lang.L("frist"), t.DueDate()))
	}
	if len(over) > 0 {
		v.OverdueInfo.SetText(lang.L("! Gjentakelse forfalt:") + " " + strings.Join(topics, ", "))
		v.OverdueInfo.Importance = widget.DangerImportance
	} else {
		v.OverdueInfo.SetText(lang.L("Ingen gjentakelser er forfalt."))
		v.OverdueInfo.Importance = widget.MediumImportance
	}
	v.OverdueInfo.Refresh()
	v.apply()
}

// apply lists the trainings the search finds (all when it is blank). The
// training in the editor leaves it when they no longer include it: a
// blank one takes its place (the Guard asks first when it has changes).
func (v *TrainingView) apply() {
	v.shown = v.all
	if !v.query.Empty() {
		v.shown = nil
		for _, t := range v.all {
			if v.query.MatchTraining(t) {
				v.shown = append(v.shown, t)
			}
		}
	}
	v.List.Refresh()
	hidden := func() bool {
		return v.current.ID != 0 && !slices.ContainsFunc(v.shown, func(t model.ViolenceTraining) bool { return t.ID == v.current.ID })
	}
	if !hidden() {
		return
	}
	drop := func() {
		if hidden() {
			v.List.UnselectAll()
			v.Edit(model.ViolenceTraining{Date: v.s.env.Today(), Repeat: model.RepeatYear})
		}
	}
	if v.state() == v.loaded {
		drop()
		return
	}
	v.s.env.Leave(drop, nil)
}

// countIncidents offers the incidents the search also finds (the page's
// search covers both its lists): «2 hendelser passer også – vis dem».
func (v *TrainingView) countIncidents() {
	n := 0
	if !v.query.Empty() {
		for _, d := range v.s.data.Incidents {
			if v.query.MatchIncident(d, v.s.env.MeetingMode()) {
				n++
			}
		}
	}
	if n == 0 {
		v.IncidentHits.Hide()
		return
	}
	v.IncidentHits.SetText(fmt.Sprintf(lang.L("%d hendelser passer også – vis dem"), n))
	v.IncidentHits.Show()
}

// Shown is the log as listed.
func (v *TrainingView) Shown() []model.ViolenceTraining { return v.shown }

// RowText is a row's text: topic, then date, kind, participants and the
// repetition; an overdue repetition is said in words.
func (v *TrainingView) RowText(i int) (string, widget.Importance) {
	t := v.shown[i]
	second := fmt.Sprintf("%s · %s · %d %s", t.Date, lang.L(t.Kind.Label()), t.Participants, lang.L("deltakere"))
	if t.Groups != "" {
		second += " (" + t.Groups + ")"
	}
	switch {
	case v.overdueIDs[t.ID]:
		return t.Topic + "\n" + fmt.Sprintf(lang.L("! Gjentakelse forfalt %s"), t.DueDate()) + " · " + second, widget.DangerImportance
	case v.latestDue[t.ID] && !t.DueDate().IsZero():
		second += " · " + fmt.Sprintf(lang.L("gjentas innen %s"), t.DueDate())
	}
	return t.Topic + "\n" + second, widget.MediumImportance
}

// Edit loads a training into the editor (ID 0 = new).
func (v *TrainingView) Edit(t model.ViolenceTraining) {
	v.current = t
	if t.ID == 0 {
		v.EditorHeading.SetText(lang.L("Ny opplæring eller øvelse"))
		v.Delete.Hide()
	} else {
		v.EditorHeading.SetText(fmt.Sprintf(lang.L("Opplæring: %s"), t.Topic))
		v.Delete.Show()
	}
	v.Date.SetDate(t.Date)
	v.Topic.SetText(t.Topic)
	if t.Kind.Valid() {
		v.Kind.SetSelected(lang.L(t.Kind.Label()))
	} else {
		v.Kind.ClearSelected()
	}
	v.Count.SetText("")
	if t.Participants > 0 {
		v.Count.SetText(fmt.Sprint(t.Participants))
	}
	v.Groups.SetText(t.Groups)
	if t.Repeat.Valid() {
		v.Repeat.SetSelected(lang.L(t.Repeat.Label()))
	} else {
		v.Repeat.ClearSelected()
	}
	v.Notes.SetText(t.Notes)
	v.Err.Show(nil)
	v.loaded = v.state()
}

// state is the editor's fields in one string, to tell whether they were
// changed since they were loaded or saved.
func (v *TrainingView) state() string {
	return strings.Join([]string{v.Date.Text, v.Topic.Text, v.Kind.Selected, v.Count.Text, v.Groups.Text,
		v.Repeat.Selected, v.Notes.Text}, "\x00")
}

// SaveTraining validates and stores; refused input stays in the form.
func (v *TrainingView) SaveTraining() { v.saveTraining() }

func (v *TrainingView) saveTraining() bool {
	t := v.current
	var errs []error
	d, err := v.Date.Date()
	if err != nil {
		errs = append(errs, err)
	}
	t.Date = d
	t.Topic = v.Topic.Text
	t.Kind = ""
	if i := v.Kind.SelectedIndex(); i >= 0 {
		t.Kind = model.TrainingKinds()[i]
	}
	t.Participants = 0
	if s := strings.TrimSpace(v.Count.Text); s != "" {
		n, err := model.ParseInt(model.FieldTrainingCount, s, 1, model.MaxParticipantsCount)
		if err != nil {
			errs = append(errs, err)
		}
		t.Participants = n
	}
	t.Groups = v.Groups.Text
	t.Repeat = ""
	if i := v.Repeat.SelectedIndex(); i >= 0 {
		t.Repeat = model.RepeatIntervals()[i]
	}
	t.Notes = v.Notes.Text
	if err := errors.Join(errs...); err != nil {
		v.Err.Show(err)
		return false
	}
	saved, err := v.s.env.Store.SaveViolenceTraining(t, v.s.env.Today())
	if err != nil {
		v.Err.Show(err)
		return false
	}
	v.s.changed()
	v.reload()
	v.Edit(saved)
	if t.ID == 0 { // a new training: ready for the next
		v.s.env.FocusField(v.NewButton)
	}
	for i, x := range v.shown {
		if x.ID == saved.ID {
			v.List.Select(i)
		}
	}
	return true
}

func (v *TrainingView) confirmDelete() {
	t := v.current
	if t.ID == 0 {
		return
	}
	widgets.ConfirmDanger(v.s.env.Window, lang.L("Slette opplæringen?"), fmt.Sprintf(lang.L("«%s» %s slettes fra loggen."), t.Topic, t.Date),
		lang.L("Slett"), v.DeleteTraining)
}

// DeleteTraining removes the training in the editor.
func (v *TrainingView) DeleteTraining() {
	if err := v.s.env.Store.DeleteViolenceTraining(v.current.ID); err != nil {
		v.Err.Show(err)
		return
	}
	v.s.changed()
	v.reload()
	v.List.UnselectAll()
	v.Edit(model.ViolenceTraining{Date: v.s.env.Today(), Repeat: model.RepeatYear})
}

// Content: the list above, the editor below, in a vertical split so both
// fit a projector.
func (v *TrainingView) Content() fyne.CanvasObject {
	intro := wrapped(fmt.Sprintf(lang.L("Opplæring og øvelser i å forebygge og håndtere vold og trusler, og i bruk av alarmer og annet utstyr, skal gjentas jevnlig (%s)."),
		model.DutyTraining.Citation()))
	top := container.NewBorder(container.NewVBox(intro, v.OverdueInfo, container.NewHBox(v.NewButton, registerio.ExportButton(v.s.env, registerio.Trainings)), v.Search,
		container.NewHBox(v.IncidentHits)), nil, nil, nil, v.List)
	editor := container.NewVScroll(container.NewVBox(
		v.EditorHeading,
		labeled(lang.L(model.FieldTrainingDate), v.Err.Bind(model.FieldTrainingDate, v.Date)),
		labeled(lang.L(model.FieldTrainingTopic), v.Err.Bind(model.FieldTrainingTopic, v.Topic)),
		labeled(lang.L(model.FieldTrainingKind), v.Err.Bind(model.FieldTrainingKind, v.Kind)),
		labeled(lang.L(model.FieldTrainingCount), v.Err.Bind(model.FieldTrainingCount, v.Count)),
		labeled(lang.L(model.FieldTrainingGroups), v.Err.Bind(model.FieldTrainingGroups, v.Groups)),
		labeled(lang.L(model.FieldTrainingInterval), v.Err.Bind(model.FieldTrainingInterval, v.Repeat)),
		labeled(lang.L("Merknader"), v.Err.Bind(model.FieldNotes, v.Notes)),
		v.Err.Label,
		container.NewHBox(v.Save, v.Delete),
	))
	split := container.NewVSplit(top, editor)
	split.Offset = 0.45
	return split
}

package arsgjennomgang

import (
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/widgets"
)

// rowList is an editable list of rows of entries (regulations, goals,
// courses): each row has a button that removes it.
type rowList[R any] struct {
	Box  *fyne.Container
	rows []*R
	objs []fyne.CanvasObject
	// build makes the widgets of a new row and lays them out.
	build func(r *R) fyne.CanvasObject
}

func newRowList[R any](build func(r *R) fyne.CanvasObject) *rowList[R] {
	return &rowList[R]{Box: container.NewVBox(), build: build}
}

// Rows returns the rows in order.
func (l *rowList[R]) Rows() []*R { return l.rows }

// Add appends a new empty row and returns it.
func (l *rowList[R]) Add() *R {
	r := new(R)
	content := l.build(r)
	var row fyne.CanvasObject
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	row = container.NewBorder(nil, nil, nil, remove, content)
	remove.OnTapped = func() { l.remove(row) }
	l.rows = append(l.rows, r)
	l.objs = append(l.objs, row)
	l.Box.Add(row)
	return r
}

// Remove deletes row i.
func (l *rowList[R]) Remove(i int) { l.remove(l.objs[i]) }

func (l *rowList[R]) remove(row fyne.CanvasObject) {
	i := slices.Index(l.objs, row)
	if i < 0 {
		return
	}
	l.rows = slices.Delete(l.rows, i, i+1)
	l.objs = slices.Delete(l.objs, i, i+1)
	l.Box.Remove(row)
}

// Clear removes every row.
func (l *rowList[R]) Clear() {
	l.rows, l.objs = nil, nil
	l.Box.RemoveAll()
}

// RegulationRow is one law or regulation.
type RegulationRow struct{ Name, Where *widgets.Entry }

func buildRegulation(r *RegulationRow) fyne.CanvasObject {
	r.Name = widgets.NewEntry()
	r.Name.SetPlaceHolder(lang.L(model.FieldRegulationName))
	r.Where = widgets.NewEntry()
	r.Where.SetPlaceHolder(lang.L(model.FieldRegulationWhere))
	return container.NewGridWithColumns(2, r.Name, r.Where)
}

// GoalRow is one goal of the committee's own.
type GoalRow struct {
	Goal, Measure, Comment *widgets.Entry
	Result                 *widget.Select
}

func buildGoal(r *GoalRow) fyne.CanvasObject {
	r.Goal = widgets.NewEntry()
	r.Goal.SetPlaceHolder(lang.L(model.FieldGoal))
	r.Measure = widgets.NewEntry()
	r.Measure.SetPlaceHolder(lang.L(model.FieldGoalMeasure))
	r.Result = widgets.NewSelect(resultLabels(), nil)
	r.Result.SetSelected(lang.L(model.GoalNotAssessed.Label()))
	r.Comment = widgets.NewEntry()
	r.Comment.SetPlaceHolder(lang.L(model.FieldGoalComment))
	return container.NewVBox(container.NewGridWithColumns(2, r.Goal, r.Measure),
		container.NewBorder(nil, nil, minWidth(r.Result, 170), nil, r.Comment), widget.NewSeparator())
}

// CourseRow is one HMS course.
type CourseRow struct {
	Course       *widgets.Entry
	Date         *widgets.DateEntry
	Participants *widgets.Entry
}

func buildCourse(r *CourseRow) fyne.CanvasObject {
	r.Course = widgets.NewEntry()
	r.Course.SetPlaceHolder(lang.L(model.FieldCourse))
	r.Date = widgets.NewDateEntry(model.FieldCourseDate, false)
	r.Participants = widgets.NewEntry()
	r.Participants.SetPlaceHolder(lang.L(model.FieldCourseCount))
	return courseLayout(r.Course, r.Date, r.Participants)
}

// courseLayout puts a course's name in half the width and its date and
// participants in a quarter each (also the header).
func courseLayout(course, date, count fyne.CanvasObject) fyne.CanvasObject {
	return container.NewGridWithColumns(2, course, container.NewGridWithColumns(2, date, count))
}

// header is a row of bold labels laid out like the list's rows.
func header(layout func(...fyne.CanvasObject) fyne.CanvasObject, titles ...string) fyne.CanvasObject {
	var ls []fyne.CanvasObject
	for _, t := range titles {
		ls = append(ls, widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	spacer := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	spacer.Hide()
	return container.NewBorder(nil, nil, nil, minWidth(canvas.NewRectangle(color.Transparent), spacer.MinSize().Width), layout(ls...))
}

// minWidth gives o at least width w.
func minWidth(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(w, 0))
	return container.NewStack(r, o)
}

// resultLabels are the goal results as shown (in the UI's language).
func resultLabels() []string {
	var out []string
	for _, r := range model.GoalResults() {
		out = append(out, lang.L(r.Label()))
	}
	return out
}

// resultFromLabel maps a shown label back to the result.
func resultFromLabel(s string) model.GoalResult {
	for _, r := range model.GoalResults() {
		if lang.L(r.Label()) == s {
			return r
		}
	}
	return model.GoalNotAssessed
}

package arsgjennomgang

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/widget"
)

// The review is one long form: leaving it (another year, the sidebar,
// Møtemodus, closing the window) with changes asks «Lagre endringene?»
// (see package unsaved).

// state is everything the form shows, in one string, to tell whether it
// was changed since it was loaded or saved.
func (s *Screen) state() string {
	var b strings.Builder
	put := func(es ...*widget.Entry) {
		for _, e := range es {
			b.WriteString(e.Text)
			b.WriteByte(0)
		}
	}
	for _, r := range s.Regs.Rows() {
		put(&r.Name.Entry, &r.Where.Entry)
	}
	b.WriteByte(1)
	fmt.Fprintf(&b, "%v\x00", s.SickGoal.Checked)
	for _, r := range s.Goals.Rows() {
		put(&r.Goal.Entry, &r.Measure.Entry, &r.Comment.Entry)
		b.WriteString(r.Result.Selected)
	}
	b.WriteByte(1)
	for _, r := range s.Courses.Rows() {
		put(&r.Course.Entry, &r.Date.Entry, &r.Participants.Entry)
	}
	b.WriteByte(1)
	put(&s.Confirmed.Entry, &s.SickComment.Entry, &s.Injuries.Entry, &s.Whistle.Entry, &s.Evaluation.Entry, &s.LeaderComment.Entry,
		&s.SafetyRepComment.Entry, &s.TreatedOn.Entry, &s.CaseNumber.Entry)
	return b.String()
}

// Dirty reports whether the review holds changes not saved.
func (s *Screen) Dirty() bool { return s.state() != s.loaded }

// Discard shows the review again as stored.
func (s *Screen) Discard() { s.load() }

// yearChosen loads another year's review once this one is saved or the
// user chose to discard it; Avbryt puts the year back.
func (s *Screen) yearChosen(v string) {
	if v == s.shownYear {
		return
	}
	s.env.Leave(func() {
		s.shownYear = v
		s.load()
	}, func() { s.Year.SetSelected(s.shownYear) })
}

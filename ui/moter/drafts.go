package moter

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/lang"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

// Drafts of a meeting (unsaved.Drafter): the notes of every agenda item
// that differ from the stored, and a decision typed but not added (in the
// editor or the meeting view), labelled by item.

func notesLabel(i int, it model.AgendaItem) string {
	return fmt.Sprintf(lang.L("Sak %d: %s – notater"), i+1, it.Title)
}

func decisionLabel(i int, it model.AgendaItem) string {
	return fmt.Sprintf(lang.L("Sak %d: %s – vedtak"), i+1, it.Title)
}

// Draft is the open meeting's unsaved notes and decisions.
func (s *Screen) Draft() (storage.Draft, bool) {
	e := s.Editor
	if e == nil {
		return storage.Draft{}, false
	}
	m := e.sess.m
	d := storage.Draft{Page: PageID, ID: m.ID, Title: m.Title()}
	if m.ID == 0 {
		d.Filter = FilterNew
	}
	for i, it := range m.Agenda {
		if j := e.sess.stored.ItemIndex(it.ID); j < 0 || e.sess.stored.Agenda[j].Notes != it.Notes {
			d.Fields = append(d.Fields, storage.DraftField{Label: notesLabel(i, it), Text: it.Notes})
		}
	}
	for _, p := range e.panels() {
		if i := m.ItemIndex(p.itemID); i >= 0 && strings.TrimSpace(p.NewDecision.Text) != "" {
			d.Fields = append(d.Fields, storage.DraftField{Label: decisionLabel(i, m.Agenda[i]), Text: p.NewDecision.Text})
		}
	}
	return d, true
}

// panels are the item panels open: the editor's and the meeting view's.
func (e *Editor) panels() []*ItemPanel {
	var out []*ItemPanel
	if e.Item != nil {
		out = append(out, e.Item)
	}
	if e.View != nil && !e.View.closed && e.View.Panel != nil {
		out = append(out, e.View.Panel)
	}
	return out
}

// RestoreDraft puts a draft's notes back into the agenda items and a
// decision into the item's «Vedtak» field, shown in the editor.
func (s *Screen) RestoreDraft(d storage.Draft) bool {
	e := s.Editor
	if e == nil || e.sess.m.ID != d.ID {
		return false
	}
	n, show := 0, uint64(0)
	decisions := map[uint64]string{}
	for _, f := range d.Fields {
		for i := range e.sess.m.Agenda {
			it := &e.sess.m.Agenda[i]
			switch f.Label {
			case notesLabel(i, *it):
				it.Notes, show = f.Text, it.ID
				n++
			case decisionLabel(i, *it):
				decisions[it.ID], show = f.Text, it.ID
				n++
			}
		}
	}
	if show != 0 {
		e.SelectItem(show)
		if text, ok := decisions[show]; ok && e.Item != nil {
			e.Item.NewDecision.SetText(text)
		}
	}
	return n > 0
}

package unsaved

import (
	"reflect"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/storage"
)

// DraftEvery is how often the guard looks at the form on screen and writes
// its free text as a draft when it changed: a crash or power cut loses at
// most what was typed in these seconds.
const DraftEvery = 2 * time.Second

// Drafter is a Form with long free text (summaries, minutes,
// descriptions) that is kept as a draft while it is not saved, and offered
// back after a crash.
type Drafter interface {
	Form
	// Draft is the form's free text and the record it belongs to; ok is
	// false when the form shows nothing that has such text.
	Draft() (d storage.Draft, ok bool)
	// RestoreDraft puts d's text back into the form, which shows d's
	// record; false when it does not.
	RestoreDraft(d storage.Draft) bool
}

// DraftStore is where drafts are kept (the open unit file).
type DraftStore interface {
	SaveDraft(storage.Draft) error
	ClearDraft(key string) error
}

// drafts is the guard's draft keeping.
type drafts struct {
	store   DraftStore
	written map[string]storage.Draft // drafts in the store, by key
	ticker  *time.Ticker
	stop    chan struct{}
}

// KeepDrafts makes the guard write the free text of the form on screen to
// st while it is not saved, every `every` (DraftEvery in the app; 0: only
// when SyncDrafts is called), and remove it once saved or discarded. st
// nil stops it. Drafts already in st (from a crash) are left alone: the
// app offers them back.
func (g *Guard) KeepDrafts(st DraftStore, every time.Duration) {
	g.draftMu.Lock()
	defer g.draftMu.Unlock()
	if g.drafts.stop != nil {
		g.drafts.ticker.Stop()
		close(g.drafts.stop)
	}
	g.drafts = drafts{store: st, written: map[string]storage.Draft{}}
	if st == nil || every <= 0 {
		return
	}
	g.drafts.ticker = time.NewTicker(every)
	g.drafts.stop = make(chan struct{})
	go func(tick <-chan time.Time, stop <-chan struct{}) {
		for {
			select {
			case <-tick:
				fyne.Do(g.SyncDrafts)
			case <-stop:
				return
			}
		}
	}(g.drafts.ticker.C, g.drafts.stop)
}

// SyncDrafts brings the stored drafts in line with the form on screen at
// once: its text is written when it holds unsaved changes, and every other
// draft this window wrote is removed (saved, discarded or left). Runs on
// the UI goroutine.
func (g *Guard) SyncDrafts() {
	g.draftMu.Lock()
	defer g.draftMu.Unlock()
	dr := &g.drafts
	if dr.store == nil {
		return
	}
	want := map[string]storage.Draft{}
	// The form's text is kept while it or a sub-form open in it (the
	// follow-up of a survey round) holds changes.
	if f, ok := g.form.(Drafter); ok && g.Dirty() {
		if d, ok := f.Draft(); ok && !d.Empty() {
			want[d.Key()] = d
		}
	}
	for key := range dr.written {
		if _, keep := want[key]; !keep && dr.store.ClearDraft(key) == nil {
			delete(dr.written, key)
		}
	}
	for key, d := range want {
		if old, ok := dr.written[key]; ok && reflect.DeepEqual(old.Fields, d.Fields) {
			continue
		}
		if dr.store.SaveDraft(d) == nil {
			dr.written[key] = d
		}
	}
}

// Text is one free-text field of a form, by the label it is shown with,
// and what is stored for it ("" when the form does not say).
type Text struct {
	Label  string
	Entry  *widget.Entry
	Stored string
}

// Texts are a form's free-text fields, for Draft and RestoreDraft.
type Texts []Text

// Changed reports whether any field differs from what is stored: only
// then is there a draft worth keeping.
func (ts Texts) Changed() bool {
	for _, t := range ts {
		if t.Entry.Text != t.Stored {
			return true
		}
	}
	return false
}

// Fields is the text of every field.
func (ts Texts) Fields() []storage.DraftField {
	out := make([]storage.DraftField, 0, len(ts))
	for _, t := range ts {
		out = append(out, storage.DraftField{Label: t.Label, Text: t.Entry.Text})
	}
	return out
}

// Restore puts the draft's text into the fields with the same labels; it
// reports whether any field took text.
func (ts Texts) Restore(fields []storage.DraftField) bool {
	n := 0
	for _, f := range fields {
		for _, t := range ts {
			if t.Label == f.Label {
				t.Entry.SetText(f.Text)
				n++
			}
		}
	}
	return n > 0
}

// AdoptDraft makes a stored draft (restored from an earlier run) the
// guard's own, so it is removed like the ones it wrote once the form is
// saved or discarded.
func (g *Guard) AdoptDraft(d storage.Draft) {
	g.draftMu.Lock()
	defer g.draftMu.Unlock()
	if g.drafts.store != nil {
		g.drafts.written[d.Key()] = d
	}
}

// Rescue keeps what is typed when the program must end without asking (a
// logout or shutdown sends SIGTERM; nobody may be there to answer): the
// form on screen is saved when it autosaves, and what is still unsaved is
// written as a draft, offered back on the next start.
func (g *Guard) Rescue() {
	if f, ok := g.current().(AutoSaver); ok && f.Dirty() && f.AutoSave() {
		g.save(f)
	}
	g.SyncDrafts()
}

// NewKeyButton is a dialog button that is pressed by Enter while it has
// focus and runs escape (may be nil) on Escape, like the buttons of «Lagre
// endringene?».
func NewKeyButton(text string, icon fyne.Resource, tapped, escape func()) *KeyButton {
	b := newKeyButton(text, icon, tapped)
	b.onEnter, b.onEscape = tapped, escape
	return b
}

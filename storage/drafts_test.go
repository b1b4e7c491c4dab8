package storage

import (
	"reflect"
	"testing"
)

// A draft survives closing the file without a save (as after a crash),
// replaces an earlier draft of the same form, writes no change-log entry,
// and goes away when cleared or emptied.
func TestDraftsSurviveReopen(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	logBefore, _ := s.Changes(0)
	d := Draft{Page: "avvik", ID: 3, Title: "Avvik 3", Fields: []DraftField{{Label: "Hva skjedde", Text: "Første utkast"}}}
	if err := s.SaveDraft(d); err != nil {
		t.Fatal(err)
	}
	d.Fields[0].Text = "Andre utkast, lengre"
	if err := s.SaveDraft(d); err != nil {
		t.Fatal(err)
	}
	other := Draft{Page: "vernerunde", ID: 1, Title: "Vernerunde", Fields: []DraftField{{Label: "Oppsummering", Text: "Gulvet er glatt"}}}
	if err := s.SaveDraft(other); err != nil {
		t.Fatal(err)
	}
	if logAfter, _ := s.Changes(0); len(logAfter) != len(logBefore) {
		t.Errorf("drafts wrote %d change-log entries", len(logAfter)-len(logBefore))
	}
	s.Close()

	s, err := Open(path, testOpts(newClock()))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Drafts()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Key() != other.Key() || !reflect.DeepEqual(got[1].Fields, d.Fields) {
		t.Fatalf("drafts after reopen: %+v", got)
	}
	if err := s.ClearDraft(d.Key()); err != nil {
		t.Fatal(err)
	}
	other.Fields[0].Text = "  "
	if err := s.SaveDraft(other); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Drafts(); len(got) != 0 {
		t.Fatalf("drafts after clearing: %+v", got)
	}
	if err := s.ClearDraft("finnes/0/0"); err != nil {
		t.Fatalf("clearing a missing draft: %v", err)
	}
	s.Close()
	mustCheckOK(t, path)
}

// A read-only file refuses drafts with the usual message.
func TestDraftsReadOnly(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	s.Close()
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if err := ro.SaveDraft(Draft{Page: "x", Fields: []DraftField{{Label: "a", Text: "b"}}}); err != ErrReadOnly {
		t.Fatalf("SaveDraft on read-only: %v", err)
	}
}

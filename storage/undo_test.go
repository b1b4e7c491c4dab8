package storage

import (
	"errors"
	"strings"
	"testing"

	"hmsutvalg/model"
)

func members(t *testing.T, s *Store) []string {
	t.Helper()
	ms, err := s.Members()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range ms {
		out = append(out, m.Name)
	}
	return out
}

func TestUndo(t *testing.T) {
	kari := model.CommitteeMember{Name: "Kari", Role: model.RoleLeder, From: date(2026, 1, 1)}
	tests := []struct {
		name string
		// act runs after Kari was saved in an earlier session; it returns
		// what Members should list before the undo.
		act       func(t *testing.T, s *Store, id uint64)
		want      string // members after UndoLast
		wantErr   string // part of UndoLast's error, "" for none
		secondErr string // part of a second UndoLast's error
		second    string // members after a second UndoLast
	}{
		{name: "create", act: func(t *testing.T, s *Store, _ uint64) {
			mustSave(t, s, model.CommitteeMember{Name: "Ola", Role: model.RoleVerneombud, From: date(2026, 1, 1)})
		}, want: "Kari", secondErr: "ingenting å angre"},
		{name: "update", act: func(t *testing.T, s *Store, id uint64) {
			k := kari
			k.ID, k.Name = id, "Kari Nordmann"
			mustSave(t, s, k)
		}, want: "Kari", secondErr: "ingenting å angre"},
		{name: "delete", act: func(t *testing.T, s *Store, id uint64) {
			if err := s.DeleteMember(id); err != nil {
				t.Fatal(err)
			}
		}, want: "Kari", secondErr: "ingenting å angre"},
		{name: "undo after undo goes one further back", act: func(t *testing.T, s *Store, id uint64) {
			k := kari
			k.ID, k.Name = id, "Kari Nordmann"
			mustSave(t, s, k)
			if err := s.DeleteMember(id); err != nil {
				t.Fatal(err)
			}
		}, want: "Kari Nordmann", second: "Kari"},
		{name: "nothing this session", act: func(*testing.T, *Store, uint64) {},
			want: "Kari", wantErr: "ingenting å angre"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path, s := newDB(t, testOpts(newClock()))
			id := mustSave(t, s, kari).ID
			s.Close()
			s, err := Open(path, testOpts(newClock()))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			tc.act(t, s, id)
			_, err = s.UndoLast()
			checkErr(t, err, tc.wantErr)
			if got := strings.Join(members(t, s), ","); got != tc.want {
				t.Fatalf("after undo: members %q, want %q", got, tc.want)
			}
			if tc.wantErr != "" {
				return
			}
			_, err = s.UndoLast()
			checkErr(t, err, tc.secondErr)
			if tc.second != "" {
				if got := strings.Join(members(t, s), ","); got != tc.second {
					t.Fatalf("after second undo: members %q, want %q", got, tc.second)
				}
			}
			s.Close()
			mustCheckOK(t, path)
		})
	}
}

func mustSave(t *testing.T, s *Store, m model.CommitteeMember) model.CommitteeMember {
	t.Helper()
	m, err := s.SaveMember(m)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func checkErr(t *testing.T, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Fatalf("unexpected error: %v", err)
	case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
		t.Fatalf("error %v, want one containing %q", err, want)
	}
}

// An undo is logged, refused twice, and refused when a later change
// touched the same record; a refused undo changes nothing.
func TestUndoRefused(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	kari := mustSave(t, s, model.CommitteeMember{Name: "Kari", Role: model.RoleLeder, From: date(2026, 1, 1)})
	first, ok := s.LastUndoable()
	if !ok || first.Kind != ChangeCreated {
		t.Fatalf("LastUndoable = %+v, %v", first, ok)
	}
	kari.Name = "Kari Nordmann"
	mustSave(t, s, kari)
	before := readFile(t, path)
	_, err := s.Undo(first.Seq)
	checkErr(t, err, "endret igjen etterpå")
	assertUnchanged(t, path, before)

	undone, err := s.UndoLast()
	if err != nil || undone.Kind != ChangeUpdated {
		t.Fatalf("UndoLast = %+v, %v", undone, err)
	}
	_, err = s.Undo(undone.Seq)
	checkErr(t, err, "allerede angret")
	log, err := s.Changes(1)
	if err != nil || log[0].Kind != ChangeUndone || log[0].UndoOf != undone.Seq || !strings.HasPrefix(log[0].Summary, "Angret: Endret") {
		t.Fatalf("last log entry %+v, %v", log, err)
	}
	// Now the create is the newest undoable change and nothing supersedes it.
	if _, err := s.Undo(first.Seq); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Member(kari.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("member after undoing its creation: %v", err)
	}
	_, err = s.Undo(log[0].Seq)
	checkErr(t, err, "kan ikke angres")
}

// Undoing a delete is refused when the record put back would break a rule
// across records that a later change relies on: Kari, deleted as leader
// and added again as verneombud, would have two roles at once.
func TestUndoRefusedAcrossRecords(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	kari := mustSave(t, s, model.CommitteeMember{Name: "Kari", Role: model.RoleLeder, From: date(2026, 1, 1)})
	if err := s.DeleteMember(kari.ID); err != nil {
		t.Fatal(err)
	}
	deleted, _ := s.LastUndoable()
	mustSave(t, s, model.CommitteeMember{Name: "Kari", Role: model.RoleVerneombud, From: date(2026, 1, 1)})
	before := readFile(t, path)
	_, err := s.Undo(deleted.Seq)
	checkErr(t, err, "passer med resten av dataene")
	assertUnchanged(t, path, before)
	if got := strings.Join(members(t, s), ","); got != "Kari" {
		t.Fatalf("members %q after a refused undo", got)
	}
}

// The previous values kept for Undo are removed from the log when the file
// is opened again: a deleted record does not live on in the change log.
func TestUndoDataPrunedOnOpen(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	kari := mustSave(t, s, model.CommitteeMember{Name: "Kari Hemmelig", Role: model.RoleLeder, From: date(2026, 1, 1)})
	if err := s.DeleteMember(kari.ID); err != nil {
		t.Fatal(err)
	}
	if c, ok := s.LastUndoable(); !ok || c.Kind != ChangeDeleted || len(c.Records) == 0 {
		t.Fatalf("the delete keeps nothing to undo: %+v", c)
	}
	s.Close()
	s, err := Open(path, testOpts(newClock()))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	log, _ := s.Changes(0)
	for _, c := range log {
		if len(c.Records) > 0 {
			t.Errorf("entry %d (%s) still keeps previous values", c.Seq, c.Summary)
		}
	}
	if _, ok := s.LastUndoable(); ok {
		t.Error("a change of the earlier session can be undone")
	}
}

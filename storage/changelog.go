package storage

import (
	"fmt"
	"strings"
	"time"

	"go.etcd.io/bbolt"
)

// ChangeKind says what happened to an entity.
type ChangeKind string

const (
	ChangeCreated  ChangeKind = "opprettet"
	ChangeUpdated  ChangeKind = "endret"
	ChangeDeleted  ChangeKind = "slettet"
	ChangeMigrated ChangeKind = "migrert"
	ChangeRestored ChangeKind = "gjenopprettet"
)

// Entity names in the change log. They are shown to the user, hence
// Norwegian.
const (
	EntityDatabase = "database"
	EntityUnit     = "enhet"
	EntityMember   = "utvalgsmedlem"

	EntityMeasure    = "tiltak"
	EntityAssessment = "risikovurdering"
	EntityRiskItem   = "risikoforhold"
	EntitySettings   = "innstillinger"

	EntitySafetyRound       = "vernerunde"
	EntityChecklistTemplate = "sjekklistemal"

	EntitySurveyRound = "10-FAKTOR-runde"
)

// Change is one change-log entry.
type Change struct {
	Seq      uint64     `json:"seq"`
	Time     time.Time  `json:"time"`
	User     string     `json:"user"`
	Entity   string     `json:"entity"`
	EntityID uint64     `json:"entity_id,omitempty"`
	Kind     ChangeKind `json:"kind"`
	Summary  string     `json:"summary"`
	// Records holds what the change's transaction wrote, as it was
	// before, so Undo can put it back (only on the first entry of a
	// transaction; empty for changes that cannot be undone).
	Records []RecordState `json:"records,omitempty"`
	// UndoOf is the change an «angret» entry undid.
	UndoOf uint64 `json:"undo_of,omitempty"`
}

// appendChange writes c with the next sequence number. Only updateChanges
// calls it, so every entry shares the transaction of its change.
func appendChange(tx *bbolt.Tx, c Change) (uint64, error) {
	seq, err := nextID(tx, bucketChangelog)
	if err != nil {
		return 0, err
	}
	c.Seq = seq
	if err := putRecord(tx, bucketChangelog, seq, c); err != nil {
		return 0, fmt.Errorf("kan ikke skrive endringsloggen: %w", err)
	}
	return seq, nil
}

// Changes returns the change log, newest first; limit <= 0 means all.
func (s *Store) Changes(limit int) ([]Change, error) {
	var out []Change
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := bucketOf(tx, bucketChangelog)
		if err != nil {
			return err
		}
		c := b.Cursor()
		for k, raw := c.Last(); k != nil; k, raw = c.Prev() {
			if limit > 0 && len(out) >= limit {
				break
			}
			ch, err := decodeRecord[Change](bucketChangelog, k, raw)
			if err != nil {
				return err
			}
			ch.Summary = legacyStatusSummary(ch.Summary)
			out = append(out, ch)
		}
		return nil
	})
	return out, err
}

// legacyStatusSummary reads a status change logged before 05.12.2026
// («Endret status for tiltak «X»: planlagt → utført») as it is logged now
// («… fra planlagt til utført»): Fyne 2.8.1 draws an arrow followed by a
// space with a replacement glyph after it, so the log on screen showed
// «→�». Only the wording changes; the entry is not rewritten.
func legacyStatusSummary(s string) string {
	if !strings.HasPrefix(s, "Endret status for ") {
		return s
	}
	colon := strings.LastIndex(s, "»: ")
	arrow := strings.Index(s, " → ")
	if colon < 0 || arrow < colon {
		return s
	}
	return s[:colon] + "» fra " + s[colon+len("»: "):arrow] + " til " + s[arrow+len(" → "):]
}

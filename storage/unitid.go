package storage

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"

	"go.etcd.io/bbolt"
)

// UnitID is a stable identity of the unit's file, for identifiers that
// must survive a rename (the calendar's UIDs): a hash of the file's first
// change-log entry, which is written once when the file is made and never
// rewritten (the log is append-only; Undo adds entries). It needs no
// migration and no write, so a read-only store gives the same ID, and a
// copy or backup of the file is the same unit.
func (s *Store) UnitID() (string, error) {
	var id string
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := bucketOf(tx, bucketChangelog)
		if err != nil {
			return err
		}
		k, raw := b.Cursor().First()
		if k == nil {
			return errors.New("Databasen har ingen endringslogg og dermed ingen fast identitet")
		}
		c, err := decodeRecord[Change](bucketChangelog, k, raw)
		if err != nil {
			return err
		}
		id = unitIDOf(c)
		return nil
	})
	return id, err
}

// unitIDOf hashes the parts of the first entry that are fixed when it is
// written: its number, time to the nanosecond, user and summary.
func unitIDOf(c Change) string {
	h := sha256.New()
	var n [16]byte
	binary.BigEndian.PutUint64(n[:8], c.Seq)
	binary.BigEndian.PutUint64(n[8:], uint64(c.Time.UnixNano()))
	h.Write(n[:])
	h.Write([]byte(c.User + "\x00" + c.Summary))
	return hex.EncodeToString(h.Sum(nil))[:16]
}

package storage

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

var attachDay = date(2026, 11, 25)

// testPhoto is attachment metadata for a photo on owner; the files are
// stand-ins (storage does not look inside them).
func testPhoto(owner model.AttachmentOwner, id uint64, q int, caption string) (model.Attachment, []byte, []byte) {
	a := model.Attachment{OwnerKind: owner, OwnerID: id, Question: q, Kind: model.AttachPhoto, Caption: caption,
		Filename: "IMG_0001.jpg", Width: 1600, Height: 1200, Created: attachDay}
	return a, bytes.Repeat([]byte{0xAB}, 5000), bytes.Repeat([]byte{0xCD}, 300)
}

// parts are the stored files of a test attachment: a photo (thumb given)
// gets a list thumbnail of stand-in bytes too.
func parts(file, thumb []byte) AttachmentParts {
	p := AttachmentParts{File: file, Thumb: thumb}
	if len(thumb) > 0 {
		p.ListThumb = bytes.Repeat([]byte{0xEF}, 100)
	}
	return p
}

func mustAddAttachment(t *testing.T, s *Store, a model.Attachment, file, thumb []byte) model.Attachment {
	t.Helper()
	saved, err := s.AddAttachment(a, parts(file, thumb))
	if err != nil {
		t.Fatalf("AddAttachment: %v", err)
	}
	return saved
}

func TestAttachmentRoundTrip(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	dev := mustSaveDeviation(t, s, testDeviation("Kjøkken"))
	a, file, thumb := testPhoto(model.OwnerDeviation, dev.ID, 0, "  Vått   gulv ")
	saved := mustAddAttachment(t, s, a, file, thumb)
	if saved.ID != 1 || saved.Caption != "Vått gulv" || saved.Size != 5000 {
		t.Fatalf("saved %+v", saved)
	}
	pdf := model.Attachment{OwnerKind: model.OwnerDeviation, OwnerID: dev.ID, Kind: model.AttachPDF,
		Filename: "rapport.pdf", Created: attachDay}
	savedPDF := mustAddAttachment(t, s, pdf, []byte("%PDF-1.4 …"), nil)

	list, err := s.Attachments(model.OwnerDeviation, dev.ID, 0)
	if err != nil || len(list) != 2 || list[0].ID != saved.ID || list[1].ID != savedPDF.ID {
		t.Fatalf("list %+v %v", list, err)
	}
	if got, err := s.AttachmentFile(saved); err != nil || !bytes.Equal(got, file) {
		t.Errorf("file: %d bytes, %v", len(got), err)
	}
	if got, err := s.AttachmentThumb(saved); err != nil || !bytes.Equal(got, thumb) {
		t.Errorf("thumb: %d bytes, %v", len(got), err)
	}
	if _, err := s.AttachmentThumb(savedPDF); err == nil {
		t.Error("a PDF has no thumbnail")
	}
	// The report's batch read gives the same thumbnails, in order, and
	// refuses a list with an attachment that has none.
	if got, err := s.AttachmentThumbs([]model.Attachment{saved, saved}); err != nil || len(got) != 2 ||
		!bytes.Equal(got[0], thumb) || !bytes.Equal(got[1], thumb) {
		t.Errorf("thumbs: %d, %v", len(got), err)
	}
	if got, err := s.AttachmentThumbs([]model.Attachment{saved, savedPDF}); err == nil || got != nil {
		t.Errorf("thumbs with a PDF: %d, %v", len(got), err)
	}
	if other, _ := s.Attachments(model.OwnerRiskItem, dev.ID, 0); len(other) != 0 {
		t.Errorf("another owner kind with the same ID sees %d", len(other))
	}
	if c, _ := s.SetAttachmentCaption(saved.ID, "Sølt vann ved oppvaskmaskinen"); c.Caption != "Sølt vann ved oppvaskmaskinen" {
		t.Errorf("caption %q", c.Caption)
	}
	changes, _ := s.Changes(0)
	if c := changes[0]; c.Entity != EntityAttachment || !strings.Contains(c.Summary, "Sølt vann") {
		t.Errorf("last change %+v", c)
	}
	if !strings.Contains(changes[1].Summary, "La til vedlegg «rapport.pdf» (12 byte) til avvik") {
		t.Errorf("add summary %q", changes[1].Summary)
	}
	s.Close()
	rep := mustCheckOK(t, path)
	if rep.Counts[bucketAttachments] != 2 || rep.Counts[bucketAttachmentData] != 3 {
		t.Errorf("check counts %v", rep.Counts)
	}
	if sum := rep.Summary(); !strings.Contains(sum, "vedlegg: 2, vedleggsfiler: 3") {
		t.Errorf("summary lacks the counts:\n%s", sum)
	}
}

func TestAddAttachmentRefusals(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	dev := mustSaveDeviation(t, s, testDeviation("Kjøkken"))
	round := seedRound(t, s)
	tests := []struct {
		name string
		mod  func(a *model.Attachment, file, thumb *[]byte)
		want string
	}{
		{"no such deviation", func(a *model.Attachment, _, _ *[]byte) { a.OwnerID = 99 }, "Avviket finnes ikke lenger"},
		{"no such question", func(a *model.Attachment, _, _ *[]byte) {
			a.OwnerKind, a.OwnerID, a.Question = model.OwnerFinding, round.ID, 4
		}, "Funnet finnes ikke lenger"},
		{"empty file", func(_ *model.Attachment, file, _ *[]byte) { *file = nil }, "tomt"},
		{"photo without thumbnail", func(_ *model.Attachment, _, thumb *[]byte) { *thumb = nil }, "miniatyrbilde"},
		{"id given", func(a *model.Attachment, _, _ *[]byte) { a.ID = 5 }, "intern feil"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, file, thumb := testPhoto(model.OwnerDeviation, dev.ID, 0, "")
			tt.mod(&a, &file, &thumb)
			before := readFile(t, path)
			_, err := s.AddAttachment(a, parts(file, thumb))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			assertUnchanged(t, path, before)
		})
	}
	// A finding's question that exists is accepted.
	a, file, thumb := testPhoto(model.OwnerFinding, round.ID, 2, "Slukkeapparat")
	mustAddAttachment(t, s, a, file, thumb)
	for range model.MaxAttachmentsPerOwner {
		a, file, thumb := testPhoto(model.OwnerDeviation, dev.ID, 0, "")
		_, err := s.AddAttachment(a, parts(file, thumb))
		if err != nil {
			t.Fatal(err)
		}
	}
	a, file, thumb = testPhoto(model.OwnerDeviation, dev.ID, 0, "")
	if _, err := s.AddAttachment(a, parts(file, thumb)); err == nil || !strings.Contains(err.Error(), "Avviket har allerede 20 vedlegg") {
		t.Fatalf("over the limit: %v", err)
	}
	s.Close()
	mustCheckOK(t, path)
}

// Deleting the owner deletes its attachments and their files in the same
// transaction, says so in the log, and Undo brings all of it back.
func TestDeleteOwnerTakesAttachmentsAndUndoRestores(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	dev := mustSaveDeviation(t, s, testDeviation("Kjøkken"))
	keep := mustSaveDeviation(t, s, testDeviation("Avdeling 2"))
	for _, c := range []string{"Før", "Etter"} {
		a, file, thumb := testPhoto(model.OwnerDeviation, dev.ID, 0, c)
		mustAddAttachment(t, s, a, file, thumb)
	}
	a, file, thumb := testPhoto(model.OwnerDeviation, keep.ID, 0, "Beholdes")
	kept := mustAddAttachment(t, s, a, file, thumb)
	if n := s.AttachmentCount(model.OwnerDeviation, dev.ID); n != 2 {
		t.Fatalf("count %d", n)
	}
	if err := s.DeleteDeviation(dev.ID); err != nil {
		t.Fatal(err)
	}
	all, _ := s.AllAttachments()
	if len(all) != 1 || all[0].ID != kept.ID {
		t.Fatalf("after delete %+v", all)
	}
	if _, err := s.AttachmentFile(model.Attachment{ID: 1}); err == nil {
		t.Error("file of a deleted attachment is still there")
	}
	changes, _ := s.Changes(0)
	if !strings.Contains(changes[0].Summary, "med 2 vedlegg") {
		t.Errorf("delete summary %q", changes[0].Summary)
	}
	s.Close()
	mustCheckOK(t, path)

	s, err := Open(path, testOpts(newClock()))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// Undo works in the session that made the change: delete again here.
	if err := s.DeleteDeviation(keep.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UndoLast(); err != nil {
		t.Fatal(err)
	}
	if got, err := s.AttachmentFile(kept); err != nil || !bytes.Equal(got, file) {
		t.Errorf("undo did not bring the file back: %v", err)
	}
	if list, _ := s.Attachments(model.OwnerDeviation, keep.ID, 0); len(list) != 1 {
		t.Errorf("undo: %d attachments", len(list))
	}
	s.Close()
	mustCheckOK(t, path)
}

func TestDeleteAttachmentAndOtherOwners(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	round := seedRound(t, s)
	a, file, thumb := testPhoto(model.OwnerFinding, round.ID, 2, "Slukkeapparat")
	one := mustAddAttachment(t, s, a, file, thumb)
	a.Caption = "Nummer to"
	two := mustAddAttachment(t, s, a, file, thumb)
	if err := s.DeleteAttachment(one.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Attachments(model.OwnerFinding, round.ID, 2); len(list) != 1 || list[0].ID != two.ID {
		t.Errorf("after delete %+v", list)
	}
	if err := s.DeleteSafetyRound(round.ID); err != nil {
		t.Fatal(err)
	}
	if all, _ := s.AllAttachments(); len(all) != 0 {
		t.Errorf("round deleted, %d attachments left", len(all))
	}
	s.Close()
	rep := mustCheckOK(t, path)
	if rep.Counts[bucketAttachmentData] != 0 {
		t.Errorf("files left: %v", rep.Counts)
	}
}

func TestCheckFindsBrokenAttachments(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	dev := mustSaveDeviation(t, s, testDeviation("Kjøkken"))
	a, file, thumb := testPhoto(model.OwnerDeviation, dev.ID, 0, "Bilde")
	saved := mustAddAttachment(t, s, a, file, thumb)
	err := s.DB().Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket([]byte(bucketAttachmentData))
		if err := b.Delete(partKey(saved.ID, partThumb)); err != nil {
			return err
		}
		lt := tx.Bucket([]byte(bucketListThumbs))
		if err := lt.Delete(itob(saved.ID)); err != nil {
			return err
		}
		if err := lt.Put(itob(78), []byte("løst miniatyrbilde")); err != nil {
			return err
		}
		return b.Put(partKey(77, partFile), []byte("løs fil"))
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	rep, err := Check(path)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(rep.Problems, "\n")
	for _, want := range []string{"Vedlegg 1 («Bilde») mangler miniatyrbildet", "Fil til vedlegg 77, som ikke finnes",
		"Vedlegg 1 («Bilde») mangler miniatyrbildet til listene", "Miniatyrbilde til listene for vedlegg 78, som ikke er et lagret bilde"} {
		if !strings.Contains(got, want) {
			t.Errorf("check lacks %q:\n%s", want, got)
		}
	}
}

// A schema-6 file (before attachments) gets the buckets on open, and its
// existing risk item can take a photo at once.
func TestMigrateSchema6AddsAttachments(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hmsutvalg.db")
	copyFile(t, filepath.Join(fixtureDir, "schema-v6.db"), path)
	s, err := Open(path, Options{NoBackup: true, Now: newClock().Now})
	if err != nil {
		t.Fatal(err)
	}
	if s.SchemaVersion() != CurrentSchemaVersion {
		t.Fatalf("schema %d", s.SchemaVersion())
	}
	changes, _ := s.Changes(0)
	if !slices.ContainsFunc(changes, func(c Change) bool { return strings.Contains(c.Summary, "vedlegg: bilder og PDF-er") }) {
		t.Errorf("no migration entry for the attachments in %d changes", len(changes))
	}
	items, err := s.RiskItems(1)
	if err != nil || len(items) == 0 {
		t.Fatalf("fixture risk items: %v %v", items, err)
	}
	a, file, thumb := testPhoto(model.OwnerRiskItem, items[0].ID, 0, "Trappen")
	mustAddAttachment(t, s, a, file, thumb)
	if err := s.DeleteRiskItem(items[0].ID); err != nil {
		t.Fatal(err)
	}
	a.OwnerID = items[1].ID
	mustAddAttachment(t, s, a, file, thumb)
	s.Close()
	rep := mustCheckOK(t, path)
	if rep.Counts[bucketAttachments] != 1 || rep.Counts[bucketAttachmentData] != 2 {
		t.Errorf("counts %v", rep.Counts)
	}
}

// Issue 20: «backups … include them»: a backup copy and a file restored
// from it have every attachment with its photo, thumbnail and list
// thumbnail, byte for byte, and check clean.
func TestBackupAndRestoreKeepAttachments(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	dev := mustSaveDeviation(t, s, testDeviation("Kjøkken"))
	a, file, thumb := testPhoto(model.OwnerDeviation, dev.ID, 0, "Vått gulv")
	saved := mustAddAttachment(t, s, a, file, thumb)
	pdf := mustAddAttachment(t, s, model.Attachment{OwnerKind: model.OwnerDeviation, OwnerID: dev.ID, Kind: model.AttachPDF,
		Filename: "rapport.pdf", Created: attachDay}, []byte("%PDF-1.4 …"), nil)
	backup := filepath.Join(t.TempDir(), "kopi.db")
	if err := s.BackupTo(backup); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteDeviation(dev.ID); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if rep := mustCheckOK(t, backup); rep.Counts[bucketAttachments] != 2 || rep.Counts[bucketListThumbs] != 1 {
		t.Fatalf("backup counts %v", rep.Counts)
	}
	if err := Restore(path, backup); err != nil {
		t.Fatal(err)
	}
	r, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got, _ := r.Attachments(model.OwnerDeviation, dev.ID, 0)
	if len(got) != 2 || got[0].ID != saved.ID || got[1].ID != pdf.ID {
		t.Fatalf("restored %+v", got)
	}
	f, err1 := r.AttachmentFile(saved)
	th, err2 := r.AttachmentThumb(saved)
	lt, err3 := r.AttachmentListThumb(saved.ID)
	p, err4 := r.AttachmentFile(pdf)
	if !bytes.Equal(f, file) || !bytes.Equal(th, thumb) || len(lt) != 100 || string(p) != "%PDF-1.4 …" {
		t.Errorf("restored files differ: %v %v %v %v", err1, err2, err3, err4)
	}
}

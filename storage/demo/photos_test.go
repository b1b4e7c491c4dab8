package demo

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

// captionTopics is what a caption's topic demands of its record: a caption
// holding the key must belong to a record whose text (the deviation's
// description, the finding's question) holds one of the words. It is
// written apart from photoScenes, so a scene put on the wrong record fails.
var captionTopics = map[string][]string{
	"rømningsvei":   {"rømningsvei"},
	"branndør":      {"branndør"},
	"nødutgang":     {"ledelys", "nødutgang"},
	"slukkeapparat": {"slukk"},
	"skjøteledning": {"ledning"},
	"trappen":       {"trapp"},
	"kjemikalier":   {"kjemikal", "renholdsmiddel", "brannfarlige"},
	"vått gulv":     {"vått gulv"},
}

// captionFits reports whether the caption names exactly one known topic
// and the record's text speaks of it.
func captionFits(caption, record string) error {
	caption, record = strings.ToLower(caption), strings.ToLower(record)
	var topics []string
	for k := range captionTopics {
		if strings.Contains(caption, k) {
			topics = append(topics, k)
		}
	}
	if len(topics) != 1 {
		return fmt.Errorf("caption %q names topics %v, want exactly one", caption, topics)
	}
	for _, w := range captionTopics[topics[0]] {
		if strings.Contains(record, w) {
			return nil
		}
	}
	return fmt.Errorf("caption %q on a record about something else: %q", caption, record)
}

func TestCaptionFits(t *testing.T) {
	for _, c := range []struct {
		caption, record string
		ok              bool
	}{
		{"Rømningsveien er sperret av en tralle", "Rømningsvei var sperret av traller og utstyr.", true},
		{"Skadet trinn i trappen", "Sprut av desinfeksjonsmiddel i øyet.", false},
		{"Rømningsveien er sperret av en tralle", "Er luftkvaliteten god, uten plagsom lukt, støv eller trekk?", false},
		{"Slukkeapparatet mangler kontrollmerke", "Er håndslukkere og brannslanger på plass og kontrollert?", true},
		{"Et bilde", "Rømningsvei var sperret", false},
	} {
		if err := captionFits(c.caption, c.record); (err == nil) != c.ok {
			t.Errorf("%q on %q: %v, want ok=%v", c.caption, c.record, err, c.ok)
		}
	}
}

// TestDemoPhotosFitRecords: in demo units of several sectors every photo's
// caption fits its record, no deviation photo concerns a person, the
// annual report of every year shows deviation photos and every year with
// safety rounds finding photos, and the same seed gives the same photos.
func TestDemoPhotosFitRecords(t *testing.T) {
	sectors := map[model.Sector]bool{}
	for _, seed := range []int64{1, 2, 3, 4, 5, 6, 7} {
		atts, devs, rounds, sector := demoPhotos(t, seed)
		sectors[sector] = true
		checkPhotoRecords(t, fmt.Sprintf("seed %d (%s)", seed, sector), atts, devs, rounds)
		checkPhotosEveryYear(t, fmt.Sprintf("seed %d (%s)", seed, sector), atts, devs, rounds)
	}
	if len(sectors) < 3 {
		t.Errorf("only sectors %v tried", sectors)
	}
	a, _, _, _ := demoPhotos(t, 2)
	b, _, _, _ := demoPhotos(t, 2)
	if fmt.Sprint(photoKeys(a)) != fmt.Sprint(photoKeys(b)) {
		t.Errorf("the same seed gives different photos:\n%v\n%v", photoKeys(a), photoKeys(b))
	}
}

// checkPhotoRecords: every caption fits its record; a deviation photo is
// on a serious deviation not about a person, a finding photo on a finding.
func checkPhotoRecords(t *testing.T, unit string, atts []model.Attachment, devs []model.Deviation, rounds []model.SafetyRound) {
	t.Helper()
	devByID := map[uint64]model.Deviation{}
	for _, d := range devs {
		devByID[d.ID] = d
	}
	roundByID := map[uint64]model.SafetyRound{}
	for _, r := range rounds {
		roundByID[r.ID] = r
	}
	for _, a := range atts {
		var record string
		switch a.OwnerKind {
		case model.OwnerDeviation:
			d := devByID[a.OwnerID]
			record = d.WhatHappened
			if d.PhotoConcernsPerson() || !d.Severity.Serious() {
				t.Errorf("%s: photo on deviation %s (serious %v, about a person %v)", unit, d.Label(), d.Severity.Serious(), d.PhotoConcernsPerson())
			}
		case model.OwnerFinding:
			r := roundByID[a.OwnerID]
			q, _ := r.Question(a.Question)
			record = q.Text
			if r.AnswerFor(a.Question).Answer != model.AnswerImprove {
				t.Errorf("%s: photo on question %d of round %d, not a finding", unit, a.Question, a.OwnerID)
			}
		}
		if err := captionFits(a.Caption, record); err != nil {
			t.Errorf("%s, %s %d: %v", unit, a.OwnerKind, a.OwnerID, err)
		}
	}
}

// checkPhotosEveryYear: the annual report of every year shows deviation
// photos, and of every year with safety rounds finding photos.
func checkPhotosEveryYear(t *testing.T, unit string, atts []model.Attachment, devs []model.Deviation, rounds []model.SafetyRound) {
	t.Helper()
	for y := today.Year() - 3; y <= today.Year(); y++ {
		kinds := map[model.AttachmentOwner]int{}
		for _, a := range model.ReportPhotos(atts, devs, rounds, model.HMSYear(y)) {
			kinds[a.OwnerKind]++
		}
		if kinds[model.OwnerDeviation] == 0 {
			t.Errorf("%s: the annual report %d shows no deviation photo", unit, y)
		}
		if y >= today.Year()-2 && kinds[model.OwnerFinding] == 0 {
			t.Errorf("%s: the annual report %d shows no finding photo", unit, y)
		}
	}
}

func photoKeys(as []model.Attachment) []string {
	var out []string
	for _, a := range as {
		out = append(out, fmt.Sprintf("%s/%d/%d %s %s", a.OwnerKind, a.OwnerID, a.Question, a.Created, a.Caption))
	}
	return out
}

// demoPhotos creates the demo unit of seed and reads its photos, deviations
// and safety rounds.
func demoPhotos(t *testing.T, seed int64) ([]model.Attachment, []model.Deviation, []model.SafetyRound, model.Sector) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := Create(path, Options{Seed: seed, Scale: 1, Today: today, User: "test"}); err != nil {
		t.Fatal(err)
	}
	st, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	atts, err := st.AllAttachments()
	if err != nil {
		t.Fatal(err)
	}
	devs, err := st.Deviations()
	if err != nil {
		t.Fatal(err)
	}
	rounds, err := st.SafetyRounds()
	if err != nil {
		t.Fatal(err)
	}
	u, err := st.Unit()
	if err != nil {
		t.Fatal(err)
	}
	if len(atts) == 0 {
		t.Fatalf("seed %d: no photos", seed)
	}
	return atts, devs, rounds, u.Sector
}

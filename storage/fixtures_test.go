package storage

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"hmsutvalg/internal/attach"
	"hmsutvalg/model"
)

// Fixtures are databases written by each released schema version and kept
// in the repository, so every later program version is tested against
// real old files:
//
//	go test ./storage -run TestWriteFixtures -update-fixtures
//
// writes testdata/schema-v<CurrentSchemaVersion>.db. Files of older
// versions are history and must never be regenerated.
var updateFixtures = flag.Bool("update-fixtures", false, "skriv testdata/schema-v<N>.db for gjeldende skjemaversjon")

const fixtureDir = "../testdata"

const fixtureUser = "Testbruker"

func fixtureClock() *testClock {
	return &testClock{t: time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)}
}

// Expected fixture contents; fixture files of every version hold these.
var (
	fixtureKari = model.CommitteeMember{ID: 1, Name: "Kari Nordmann", Role: model.RoleLeder, From: model.NewDate(2026, 1, 1)}
	fixtureOla  = model.CommitteeMember{ID: 2, Name: "Ola Nordmann", Role: model.RoleVerneombud, From: model.NewDate(2026, 1, 1), To: model.NewDate(2027, 6, 30)}
)

// fixtureChange is one expected change-log entry; tick is the write (and
// so the clock second) that made it.
type fixtureChange struct {
	kind   ChangeKind
	entity string
	id     uint64
	tick   int
}

// fixtureChangesV1 is the change log written by every fixture's schema-1
// part, oldest first.
var fixtureChangesV1 = []fixtureChange{
	{ChangeMigrated, EntityDatabase, 0, 0},
	{ChangeCreated, EntityUnit, 1, 1},
	{ChangeCreated, EntityMember, 1, 2},
	{ChangeCreated, EntityMember, 2, 3},
	{ChangeCreated, EntityMember, 3, 4},
	{ChangeUpdated, EntityMember, 2, 5},
	{ChangeDeleted, EntityMember, 3, 6},
	{ChangeUpdated, EntityUnit, 1, 7},
}

// fixtureChangesV2 is what the schema-2 part adds: action plan and risk
// assessment, including the two-entry transactions.
var fixtureChangesV2 = []fixtureChange{
	{ChangeCreated, EntitySettings, 0, 8},
	{ChangeCreated, EntityMeasure, 1, 9},
	{ChangeCreated, EntityMeasure, 2, 10},
	{ChangeCreated, EntityAssessment, 1, 11},
	{ChangeCreated, EntityRiskItem, 1, 12},
	{ChangeCreated, EntityRiskItem, 2, 13},
	{ChangeCreated, EntityMeasure, 3, 14},
	{ChangeUpdated, EntityRiskItem, 1, 14},
	{ChangeCreated, EntityMeasure, 4, 15},
	{ChangeUpdated, EntityRiskItem, 2, 15},
	{ChangeDeleted, EntityMeasure, 4, 16},
	{ChangeUpdated, EntityRiskItem, 2, 16},
	{ChangeUpdated, EntityMeasure, 1, 17},
	{ChangeUpdated, EntityRiskItem, 1, 18},
}

// fixtureChangesV4 is what the schema-4 part adds: an annual review.
var fixtureChangesV4 = []fixtureChange{
	{ChangeCreated, EntityAnnualReview, 1, 19},
}

// fixtureChangesV10 is what the schema-10 part adds: a photo and a PDF
// on the risk items (files of earlier versions have no attachments;
// testdata/attachments-v9.db is a schema-9 file with them).
var fixtureChangesV10 = []fixtureChange{
	{ChangeCreated, EntityAttachment, 1, 20},
	{ChangeCreated, EntityAttachment, 2, 21},
}

// fixtureChanges returns the change log of a fixture of version v.
func fixtureChanges(v int) []fixtureChange {
	out := append([]fixtureChange(nil), fixtureChangesV1...)
	if v >= 2 {
		out = append(out, fixtureChangesV2...)
	}
	if v >= 4 {
		out = append(out, fixtureChangesV4...)
	}
	if v >= 10 {
		out = append(out, fixtureChangesV10...)
	}
	return out
}

// writeFixtureV10 adds the schema-10 part: a photo (with its thumbnails,
// as a file dialog stores it) on risk item 1 and a PDF on risk item 2.
func writeFixtureV10(s *Store) error {
	f, err := attach.Import("trapp.jpg", fixturePhoto())
	if err != nil {
		return err
	}
	if _, err := s.AddAttachment(f.Meta(model.OwnerRiskItem, 1, 0, "Trappen", fixtureDay),
		AttachmentParts{File: f.Data, Thumb: f.Thumb, ListThumb: f.ListThumb}); err != nil {
		return err
	}
	p, err := attach.Import("rapport.pdf", []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"))
	if err != nil {
		return err
	}
	_, err = s.AddAttachment(p.Meta(model.OwnerRiskItem, 2, 0, "", fixtureDay), AttachmentParts{File: p.Data})
	return err
}

// fixturePhoto is a 640×480 JPEG, a red block in its top-left corner.
func fixturePhoto() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 640, 480))
	for y := range 480 {
		for x := range 640 {
			c := color.RGBA{uint8(x * 255 / 640), uint8(y * 255 / 480), 120, 255}
			if x < 128 && y < 96 {
				c = color.RGBA{255, 0, 0, 255}
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	_ = jpeg.Encode(&b, img, &jpeg.Options{Quality: 90})
	return b.Bytes()
}

// checkFixtureAttachments: a file of version v ≥ 10 has the photo and the
// PDF, the photo its list thumbnail (a JPEG of at most
// model.ListThumbLongestSide); older files have none.
func checkFixtureAttachments(t *testing.T, s *Store, v int) {
	t.Helper()
	all, err := s.AllAttachments()
	if err != nil {
		t.Fatal(err)
	}
	if v < 10 {
		if len(all) != 0 {
			t.Errorf("%d attachments in a schema-%d fixture", len(all), v)
		}
		return
	}
	if len(all) != 2 || all[0].Kind != model.AttachPhoto || all[1].Kind != model.AttachPDF {
		t.Fatalf("attachments %+v", all)
	}
	checkListThumb(t, s, all[0].ID)
	if _, err := s.AttachmentListThumb(all[1].ID); err == nil {
		t.Error("a PDF has a list thumbnail")
	}
}

// checkListThumb: photo id's list thumbnail is a small JPEG.
func checkListThumb(t *testing.T, s *Store, id uint64) {
	t.Helper()
	raw, err := s.AttachmentListThumb(id)
	if err != nil {
		t.Fatalf("list thumbnail of %d: %v", id, err)
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(raw))
	if err != nil || max(cfg.Width, cfg.Height) != model.ListThumbLongestSide || len(raw) > 8<<10 {
		t.Errorf("list thumbnail of %d: %d×%d, %d B, %v", id, cfg.Width, cfg.Height, len(raw), err)
	}
}

// fixtureReview is the schema-4 fixture's annual review of 2025. Its
// sick-leave goal is as goals were saved before they said whose target
// they are (no TargetSetBy), as in every fixture written so far.
func fixtureReview() model.AnnualReview {
	n := 2
	sick := model.HMSGoal{Kind: model.GoalSickLeave, Target: model.DefaultSickLeaveSettings().Target}
	return model.AnnualReview{ID: 1, Year: 2025, Regulations: model.DefaultRegulations(model.SectorBarnehage),
		RegulationsConfirmed: date(2025, 2, 3), Goals: []model.HMSGoal{sick,
			{Goal: "Ingen stikkskader", Measure: "Avvik i kategorien", Result: model.GoalReached}},
		Evaluation: "Et godt år.", TreatedOn: date(2026, 1, 5), CaseNumber: "1/26",
		Trainings: []model.HMSCourse{{Course: "Førstehjelp", Date: date(2025, 4, 2), Participants: 12}}, OccupationalInjuries: &n}
}

func fixtureUnit() model.Unit {
	u := testUnit()
	u.Departments = []string{"Blåbær", "Tyttebær", "Multebær"}
	return u
}

// Schema-2 fixture contents.
var (
	fixtureDay    = model.NewDate(2026, 1, 5)
	fixtureMatrix = model.RiskMatrix{Size: 4, LowMax: 3, MediumMax: 8}
)

func fixtureMeasures() []model.Measure {
	return []model.Measure{
		{ID: 1, Title: "Opplæring i IA-arbeid for leder, verneombud og tillitsvalgt", Description: "Oppdatert opplæring fra BHT.",
			Source: model.Source{Kind: model.SourceManual}, PriorityArea: model.AreaLeadership, Responsible: "Leder, verneombud og tillitsvalgt",
			Deadline: date(2026, 3, 31), Status: model.StatusPagar, Created: date(2026, 1, 2), Updated: fixtureDay},
		{ID: 2, Title: "Sikre oppfølgingsplaner for alle med over fire ukers fravær", Source: model.Source{Kind: model.SourceManual},
			PriorityArea: model.AreaFollowUpAbsence, Topic: model.CategoryPsychosocial, Responsible: "Leder", Deadline: date(2026, 2, 28),
			Status: model.StatusUtfort, CompletedOn: date(2026, 1, 4), Created: date(2025, 12, 1), Updated: fixtureDay},
		{ID: 3, Title: "Kjøpe inn voksenstoler", Source: model.Source{Kind: model.SourceRiskAssessment, RefID: 1, ParentID: 1,
			RefLabel: "Risikovurdering: Årlig risikovurdering – Tunge løft av barn"}, PriorityArea: model.AreaPreventiveAbsence,
			Topic: model.CategoryErgonomics, Responsible: "Leder", Deadline: date(2026, 4, 30), Status: model.StatusPlanlagt,
			Created: fixtureDay, Updated: fixtureDay},
	}
}

func fixtureAssessment() model.RiskAssessment {
	return model.RiskAssessment{ID: 1, Title: "Årlig risikovurdering", Area: "Avdeling Blåbær", Kind: model.KindOrdinary,
		Date: date(2026, 1, 3), Participants: []string{"Kari Nordmann", "Ola Nordmann", "BHT-rådgiver"},
		Status: model.AssessmentDone, NextReview: date(2027, 1, 3), Matrix: fixtureMatrix}
}

func fixtureItems() []model.RiskItem {
	return []model.RiskItem{
		{ID: 1, AssessmentID: 1, Hazard: "Tunge løft av barn", Event: "Belastningsskade i rygg og skuldre", Category: model.CategoryErgonomics,
			Exposed: "Pedagoger og fagarbeidere", ExistingMeasures: "Stellebord med hev/senk", Probability: 4, Consequence: 3,
			ResidualProbability: 2, ResidualConsequence: 2, MeasureIDs: []uint64{3}},
		{ID: 2, AssessmentID: 1, Hazard: "Støy i lekerommet", Event: "Hodepine og hørselsplager", Category: model.CategoryPhysical,
			Exposed: "Alle ansatte", Probability: 3, Consequence: 2},
	}
}

// writeFixtureV2 adds the schema-2 part: a custom matrix, measures, an
// assessment with items, measures made from items (one of them deleted
// again, which unlinks it) and a status change.
func writeFixtureV2(s *Store) error {
	if err := s.SaveRiskMatrix(fixtureMatrix); err != nil {
		return err
	}
	ms := fixtureMeasures()
	m1 := ms[0]
	m1.ID, m1.Status, m1.Updated = 0, model.StatusPlanlagt, model.Date{}
	m2 := ms[1]
	m2.ID, m2.Updated = 0, model.Date{}
	for _, m := range []model.Measure{m1, m2} {
		if _, err := s.SaveMeasure(m, fixtureDay); err != nil {
			return err
		}
	}
	a := fixtureAssessment()
	a.ID, a.Matrix = 0, model.RiskMatrix{}
	if _, err := s.SaveAssessment(a, fixtureDay); err != nil {
		return err
	}
	items := fixtureItems()
	for _, it := range items {
		it.ID, it.MeasureIDs, it.ResidualProbability, it.ResidualConsequence = 0, nil, 0, 0
		if _, err := s.SaveRiskItem(it); err != nil {
			return err
		}
	}
	if _, _, err := s.AddMeasureForRiskItem(1, model.Measure{Title: "Kjøpe inn voksenstoler", Responsible: "Leder", Deadline: date(2026, 4, 30)}, fixtureDay); err != nil {
		return err
	}
	if _, _, err := s.AddMeasureForRiskItem(2, model.Measure{Title: "Lydabsorbenter i taket", Responsible: "Leder", Deadline: date(2026, 6, 30)}, fixtureDay); err != nil {
		return err
	}
	if err := s.DeleteMeasure(4); err != nil {
		return err
	}
	if _, err := s.TransitionMeasure(1, model.StatusPagar, model.TransitionInput{}, fixtureDay); err != nil {
		return err
	}
	it, err := s.RiskItem(1)
	if err != nil {
		return err
	}
	it.ResidualProbability, it.ResidualConsequence = 2, 2
	_, err = s.SaveRiskItem(it)
	return err
}

// checkFixtureContent compares the modules' data with what a fixture of
// version v holds; files older than a module have none of its data.
func checkFixtureContent(t *testing.T, s *Store, v int) {
	t.Helper()
	wantMatrix := model.DefaultRiskMatrix()
	var wantMeasures []model.Measure
	var wantAssessments []model.RiskAssessment
	var wantItems []model.RiskItem
	if v >= 2 {
		wantMatrix, wantMeasures = fixtureMatrix, fixtureMeasures()
		wantAssessments, wantItems = []model.RiskAssessment{fixtureAssessment()}, fixtureItems()
	}
	if m, err := s.RiskMatrix(); err != nil || m != wantMatrix {
		t.Errorf("risk matrix: %+v %v, want %+v", m, err, wantMatrix)
	}
	if ms, err := s.Measures(); err != nil || !reflect.DeepEqual(ms, wantMeasures) {
		t.Errorf("measures: %v\ngot  %+v\nwant %+v", err, ms, wantMeasures)
	}
	if as, err := s.Assessments(); err != nil || !reflect.DeepEqual(as, wantAssessments) {
		t.Errorf("assessments: %v\ngot  %+v\nwant %+v", err, as, wantAssessments)
	}
	if is, err := s.AllRiskItems(); err != nil || !reflect.DeepEqual(is, wantItems) {
		t.Errorf("risk items: %v\ngot  %+v\nwant %+v", err, is, wantItems)
	}
	var wantReviews []model.AnnualReview
	if v >= 4 {
		wantReviews = []model.AnnualReview{fixtureReview()}
	}
	if rs, err := s.AnnualReviews(); err != nil || !reflect.DeepEqual(rs, wantReviews) {
		t.Errorf("annual reviews: %v\ngot  %+v\nwant %+v", err, rs, wantReviews)
	}
}

func writeFixture(path string) error {
	clock := fixtureClock()
	u := fixtureUnit()
	u.Employees = 20
	s, err := Create(path, u, Options{User: fixtureUser, Now: clock.Now, NoBackup: true})
	if err != nil {
		return err
	}
	defer s.Close()
	ola := fixtureOla
	ola.ID, ola.To = 0, model.Date{}
	for _, m := range []model.CommitteeMember{{Name: fixtureKari.Name, Role: fixtureKari.Role, From: fixtureKari.From}, ola,
		{Name: "Per Hansen", Role: model.RoleTillitsvalgt, From: model.NewDate(2026, 1, 1)}} {
		if _, err := s.SaveMember(m); err != nil {
			return err
		}
	}
	if _, err := s.SaveMember(fixtureOla); err != nil {
		return err
	}
	if err := s.DeleteMember(3); err != nil {
		return err
	}
	if err := s.SaveUnit(fixtureUnit()); err != nil {
		return err
	}
	if err := writeFixtureV2(s); err != nil {
		return err
	}
	if _, err := s.SaveAnnualReview(fixtureReview(), fixtureDay); err != nil {
		return err
	}
	if err := writeFixtureV10(s); err != nil {
		return err
	}
	return s.Close()
}

func TestWriteFixtures(t *testing.T) {
	if !*updateFixtures {
		t.Skip("kjør med -update-fixtures for å skrive testdata")
	}
	path := filepath.Join(fixtureDir, fmt.Sprintf("schema-v%d.db", CurrentSchemaVersion))
	tmp := filepath.Join(t.TempDir(), "fixture.db")
	if err := writeFixture(tmp); err != nil {
		t.Fatal(err)
	}
	mustCheckOK(t, tmp)
	if err := os.MkdirAll(fixtureDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, readFile(t, tmp), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("skrev %s", path)
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestOpenFixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(fixtureDir, "schema-v*.db"))
	if err != nil {
		t.Fatal(err)
	}
	current := filepath.Join(fixtureDir, fmt.Sprintf("schema-v%d.db", CurrentSchemaVersion))
	if _, err := os.Stat(current); err != nil {
		t.Fatalf("mangler %s; kjør go test ./storage -run TestWriteFixtures -update-fixtures: %v", current, err)
	}
	re := regexp.MustCompile(`schema-v(\d+)\.db$`)
	for _, src := range files {
		version, _ := strconv.Atoi(re.FindStringSubmatch(src)[1])
		t.Run(filepath.Base(src), func(t *testing.T) {
			fixtureBefore := readFile(t, src)
			// Work on a copy: a writable open backs up and migrates, and the
			// committed fixture must stay as it is.
			path := filepath.Join(t.TempDir(), "hmsutvalg.db")
			copyFile(t, src, path)

			if rep := mustCheckOK(t, path); rep.SchemaVersion != version {
				t.Fatalf("fixture has schema %d, name says %d", rep.SchemaVersion, version)
			}
			clock := newClock()
			s, err := Open(path, Options{User: "Migrator", Now: clock.Now})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if s.SchemaVersion() != CurrentSchemaVersion {
				t.Fatalf("schema after open: %d", s.SchemaVersion())
			}
			u, err := s.Unit()
			if err != nil {
				t.Fatal(err)
			}
			if want := fixtureUnit().Normalized(); !reflect.DeepEqual(u, want) {
				t.Errorf("unit: got %+v want %+v", u, want)
			}
			members, err := s.Members()
			if err != nil {
				t.Fatal(err)
			}
			if want := []model.CommitteeMember{fixtureKari, fixtureOla}; !reflect.DeepEqual(members, want) {
				t.Errorf("members: got %+v want %+v", members, want)
			}

			changes, err := s.Changes(0)
			if err != nil {
				t.Fatal(err)
			}
			migrated := CurrentSchemaVersion - version
			if migrated > 0 {
				migrated = 1 // all steps in one entry
			}
			wantChanges := fixtureChanges(version)
			if len(changes) != len(wantChanges)+migrated {
				t.Fatalf("got %d change-log entries, want %d", len(changes), len(wantChanges)+migrated)
			}
			if migrated == 1 {
				want := fmt.Sprintf("fra versjon %d til %d", version, CurrentSchemaVersion)
				if c := changes[0]; c.Kind != ChangeMigrated || c.User != "Migrator" || !strings.Contains(c.Summary, want) {
					t.Errorf("migration entry %+v", c)
				}
			}
			start := fixtureClock().t
			for i, want := range wantChanges {
				c := changes[len(changes)-1-i]
				if c.Kind != want.kind || c.Entity != want.entity || c.EntityID != want.id ||
					c.User != fixtureUser || c.Seq != uint64(i+1) || !c.Time.Equal(start.Add(time.Duration(want.tick)*time.Second)) || c.Summary == "" {
					t.Errorf("change %d: got %+v want %+v", i+1, c, want)
				}
			}
			checkFixtureContent(t, s, version)
			checkFixtureAttachments(t, s, version)
			if list, _ := ListBackups(path); len(list) != 1 {
				t.Errorf("open made %d backups", len(list))
			}
			s.Close()
			mustCheckOK(t, path)
			assertUnchanged(t, src, fixtureBefore)
		})
	}
}

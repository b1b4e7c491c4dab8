package storage

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

var devDay = date(2026, 11, 24)

func testDeviation(place string) model.Deviation {
	return model.Deviation{
		Date:         date(2026, 11, 10),
		Place:        place,
		Category:     model.DevInjury,
		Type:         model.TypeIncident,
		Severity:     model.SeverityMinor,
		WhatHappened: "Ansatt skled på vått gulv og slo kneet.",
		Cause:        "Gulvet var ikke tørket.",
	}
}

func mustSaveDeviation(t *testing.T, s *Store, d model.Deviation) model.Deviation {
	t.Helper()
	saved, err := s.SaveDeviation(d, devDay)
	if err != nil {
		t.Fatalf("SaveDeviation: %v", err)
	}
	return saved
}

func TestDeviationRoundTrip(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	a := testDeviation("  Avdeling   2 ")
	saved := mustSaveDeviation(t, s, a)
	if saved.ID != 1 || saved.Status != model.DevRegistered || saved.Place != "Avdeling 2" {
		t.Fatalf("saved %+v", saved)
	}
	v := testDeviation("Skjermet avdeling")
	v.Category, v.ViolenceType = model.DevViolence, model.ViolencePhysical
	v.FollowUpOffered = []model.FollowUpOffer{model.FollowUpBHT, model.FollowUpConversation}
	v.ReportedToMunicipal, v.MunicipalRef = true, "AVVIK-2026-0412"
	v.Status, v.ClosedBy, v.ClosedOn = model.DevClosed, "Kari Nordmann", date(2026, 11, 20)
	v.MeasureIDs = []uint64{99} // no such measure: dropped
	closed := mustSaveDeviation(t, s, v)
	if closed.Status != model.DevClosed || closed.MeasureIDs != nil ||
		!reflect.DeepEqual(closed.FollowUpOffered, []model.FollowUpOffer{model.FollowUpConversation, model.FollowUpBHT}) {
		t.Fatalf("closed %+v", closed)
	}
	s.Close()
	mustCheckOK(t, path)

	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	all, err := s.Deviations()
	if err != nil || !reflect.DeepEqual(all, []model.Deviation{saved, closed}) {
		t.Fatalf("Deviations: %v\n%+v", err, all)
	}
	if got, err := s.Deviation(2); err != nil || !reflect.DeepEqual(got, closed) {
		t.Fatalf("Deviation(2): %+v %v", got, err)
	}
	if _, err := s.Deviation(7); !errors.Is(err, ErrNotFound) {
		t.Errorf("Deviation(7): %v, want ErrNotFound", err)
	}
	ch, _ := s.Changes(0)
	if ch[0].Entity != EntityDeviation || !strings.Contains(ch[0].Summary, "La til avvik «10.11.2026 Vold og trusler, Skjermet avdeling»") {
		t.Errorf("change log %+v", ch[0])
	}
	for _, c := range ch {
		if strings.Contains(c.Summary, "gulv") {
			t.Errorf("change log quotes the description: %q", c.Summary)
		}
	}
}

func TestSaveDeviationRefusedLeavesFileUnchanged(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	mustSaveDeviation(t, s, testDeviation("Kjøkken"))
	before := readFile(t, path)
	bad := testDeviation("Kjøkken")
	bad.Date = devDay.AddDays(1)
	_, err := s.SaveDeviation(bad, devDay)
	var v model.ValidationError
	if !errors.As(err, &v) || v.For(model.FieldDevDate) == "" {
		t.Fatalf("error %v, want a date message", err)
	}
	nid := testDeviation("Kjøkken")
	nid.WhatHappened = "Gjelder 150685 12333 på rom 4" // a valid fødselsnummer
	if _, err := s.SaveDeviation(nid, devDay); !errors.As(err, &v) || !strings.Contains(v.For(model.FieldDevWhatHappened), "fødselsnummer") {
		t.Fatalf("national ID: %v", err)
	}
	assertUnchanged(t, path, before)
}

func TestSaveDeviationEditKeepsStatusAndLinks(t *testing.T) {
	_, s := newDB(t, testOpts(newClock()))
	d := mustSaveDeviation(t, s, testDeviation("Avdeling 1"))
	m, d, err := s.AddMeasureForDeviation(d.ID, model.Measure{Title: "Rutine for tørking av gulv", Responsible: "Leder", Deadline: date(2027, 1, 31)}, devDay)
	if err != nil {
		t.Fatal(err)
	}
	closed, err := s.TransitionDeviation(d.ID, model.DevClosed, "Leder", devDay, devDay)
	if err != nil {
		t.Fatal(err)
	}
	// A form holding the copy from before the closing and the link saves
	// an edit: status, closing and link are kept.
	stale := d
	stale.MeasureIDs = nil
	stale.Status, stale.ClosedBy, stale.ClosedOn = model.DevRegistered, "", model.Date{}
	stale.Cause = "Gulvet ble ikke tørket etter dusjing."
	got, err := s.SaveDeviation(stale, devDay)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != model.DevClosed || got.ClosedBy != "Leder" || got.ClosedOn != devDay || !reflect.DeepEqual(got.MeasureIDs, []uint64{m.ID}) || got.Cause != stale.Cause {
		t.Errorf("after edit %+v (closed was %+v)", got, closed)
	}
	// Saving it unchanged writes nothing.
	n, _ := s.Changes(0)
	if _, err := s.SaveDeviation(got, devDay); err != nil {
		t.Fatal(err)
	}
	if n2, _ := s.Changes(0); len(n2) != len(n) {
		t.Error("an unchanged save was logged")
	}
}

func TestTransitionDeviation(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	d := mustSaveDeviation(t, s, testDeviation("Avdeling 1"))
	got, err := s.TransitionDeviation(d.ID, model.DevInProgress, "", model.Date{}, devDay)
	if err != nil || got.Status != model.DevInProgress {
		t.Fatalf("til behandling: %+v %v", got, err)
	}
	before := readFile(t, path)
	for _, tt := range []struct {
		to    model.DeviationStatus
		by    string
		on    model.Date
		field string
	}{
		{model.DevClosed, "", devDay, model.FieldDevClosedBy},
		{model.DevClosed, "Leder", model.Date{}, model.FieldDevClosedOn},
		{model.DevClosed, "Leder", date(2026, 11, 1), model.FieldDevClosedOn},
		{model.DevRegistered, "", model.Date{}, model.FieldStatus},
	} {
		_, err := s.TransitionDeviation(d.ID, tt.to, tt.by, tt.on, devDay)
		var v model.ValidationError
		if !errors.As(err, &v) || v.For(tt.field) == "" {
			t.Errorf("→ %s by %q on %s: %v, want a message for %s", tt.to, tt.by, tt.on, err, tt.field)
		}
	}
	assertUnchanged(t, path, before)
	if _, err := s.TransitionDeviation(42, model.DevClosed, "Leder", devDay, devDay); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing deviation: %v", err)
	}

	closed, err := s.TransitionDeviation(d.ID, model.DevClosed, " Kari  Nordmann ", date(2026, 11, 20), devDay)
	if err != nil || closed.ClosedBy != "Kari Nordmann" || closed.ClosedOn != date(2026, 11, 20) {
		t.Fatalf("lukk: %+v %v", closed, err)
	}
	ch, _ := s.Changes(1)
	if want := "Endret status for avvik «10.11.2026 Personskade, Avdeling 1» fra under behandling til lukket (lukket 20.11.2026 av Kari Nordmann)"; ch[0].Summary != want {
		t.Errorf("change log %q\nwant %q", ch[0].Summary, want)
	}
	reopened, err := s.TransitionDeviation(d.ID, model.DevInProgress, "", model.Date{}, devDay)
	if err != nil || reopened.ClosedBy != "" || !reopened.ClosedOn.IsZero() {
		t.Fatalf("gjenåpne: %+v %v", reopened, err)
	}
	s.Close()
	mustCheckOK(t, path)
}

func TestAddMeasureForDeviationAndDelete(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	d := mustSaveDeviation(t, s, testDeviation("Avdeling 1"))
	other := mustSaveDeviation(t, s, testDeviation("Kjøkken"))
	nChanges := func() int { ch, _ := s.Changes(0); return len(ch) }
	before := nChanges()
	m, linked, err := s.AddMeasureForDeviation(d.ID, model.Measure{Responsible: "Leder", Deadline: date(2027, 1, 31)}, devDay)
	if err != nil {
		t.Fatal(err)
	}
	if m.Source.Kind != model.SourceDeviation || m.Source.RefID != d.ID || m.Title != "Oppfølging av avvik 10.11.2026 Personskade, Avdeling 1" ||
		m.Topic != model.CategoryAccidentsFire || m.Status != model.StatusPlanlagt || m.Created != devDay {
		t.Errorf("measure %+v", m)
	}
	if !reflect.DeepEqual(linked.MeasureIDs, []uint64{m.ID}) {
		t.Errorf("link %v", linked.MeasureIDs)
	}
	if got := nChanges() - before; got != 2 {
		t.Errorf("%d change-log entries, want 2 (measure and link)", got)
	}
	// Invalid measure: nothing stored.
	raw := readFile(t, path)
	if _, _, err := s.AddMeasureForDeviation(d.ID, model.Measure{Title: "Uten frist", Responsible: "Leder"}, devDay); err == nil {
		t.Fatal("measure without deadline accepted")
	}
	if _, _, err := s.AddMeasureForDeviation(77, model.Measure{Title: "X", Responsible: "Leder", Deadline: date(2027, 1, 1)}, devDay); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing deviation: %v", err)
	}
	assertUnchanged(t, path, raw)

	m2, _, err := s.AddMeasureForDeviation(d.ID, model.Measure{Title: "Sklisikre matter", Responsible: "Leder", Deadline: date(2027, 2, 1)}, devDay)
	if err != nil {
		t.Fatal(err)
	}
	// Deleting a measure removes it from the deviation in the same step.
	if err := s.DeleteMeasure(m.ID); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Deviation(d.ID)
	if !reflect.DeepEqual(got.MeasureIDs, []uint64{m2.ID}) {
		t.Errorf("after deleting the measure: %v", got.MeasureIDs)
	}
	ch, _ := s.Changes(2)
	if !strings.Contains(ch[0].Summary, "Fjernet koblingen fra avvik «10.11.2026 Personskade, Avdeling 1»") {
		t.Errorf("change log %q", ch[0].Summary)
	}
	// Deleting the deviation leaves its measure in the plan.
	if err := s.DeleteDeviation(d.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Measure(m2.ID); err != nil {
		t.Errorf("measure gone with the deviation: %v", err)
	}
	if _, err := s.Deviation(d.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deviation still there: %v", err)
	}
	if err := s.DeleteDeviation(d.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
	if all, _ := s.Deviations(); len(all) != 1 || all[0].ID != other.ID {
		t.Errorf("left %+v", all)
	}
	s.Close()
	mustCheckOK(t, path)
}

func TestCheckDeviations(t *testing.T) {
	setup := func(t *testing.T) string {
		path, s := newDB(t, testOpts(newClock()))
		d := mustSaveDeviation(t, s, testDeviation("Avdeling 1"))
		if _, _, err := s.AddMeasureForDeviation(d.ID, model.Measure{Title: "Tiltak", Responsible: "Leder", Deadline: date(2027, 1, 31)}, devDay); err != nil {
			t.Fatal(err)
		}
		if _, err := s.TransitionDeviation(d.ID, model.DevClosed, "Leder", devDay, devDay); err != nil {
			t.Fatal(err)
		}
		s.Close()
		mustCheckOK(t, path)
		return path
	}
	dev := func(tx *bbolt.Tx, fn func(*model.Deviation)) error {
		d, _, err := getRecord[model.Deviation](tx, bucketDeviations, 1)
		if err != nil {
			return err
		}
		fn(&d)
		return putRecord(tx, bucketDeviations, 1, d)
	}
	cases := map[string]struct {
		fn   func(*model.Deviation)
		want string
	}{
		"invalid":         {func(d *model.Deviation) { d.WhatHappened = "" }, "«deviations» nøkkel 1: Hva skjedde må fylles ut"},
		"closed unsigned": {func(d *model.Deviation) { d.ClosedBy = "" }, "«deviations» nøkkel 1: Lukket av må fylles ut"},
		"wrong key":       {func(d *model.Deviation) { d.ID = 4 }, "«deviations» nøkkel 1: posten har ID 4"},
		"missing measure": {func(d *model.Deviation) { d.MeasureIDs = append(d.MeasureIDs, 9) }, "Avvik 1 («10.11.2026 Personskade, Avdeling 1») er koblet til tiltak 9, som ikke finnes"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			path := setup(t)
			rawWrite(t, path, func(tx *bbolt.Tx) error { return dev(tx, c.fn) })
			rep, err := Check(path)
			if err != nil {
				t.Fatal(err)
			}
			if rep.OK() || !strings.Contains(strings.Join(rep.Problems, "\n"), c.want) {
				t.Fatalf("want a problem with %q, got %q", c.want, rep.Problems)
			}
		})
	}
}

// TestOldDeviationKeepsItsNotice: a record written before PersonHarm
// existed (no "person_harm" in the stored JSON) is read with the earlier
// rule, so its outstanding § 5-2 notice does not disappear; recording the
// harm in the form replaces the read rule, and the file stays valid.
func TestOldDeviationKeepsItsNotice(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	s.Close()
	// The stored form of a svært alvorlig personal injury as the earlier
	// program wrote it: the same fields, without person_harm.
	old := `{"id":1,"date":"2026-03-10","place":"Avdeling 2","category":"personskade","type":"uonsket_hendelse",` +
		`"severity":"svaert_alvorlig","what_happened":"Ansatt falt i trappen og brakk lårhalsen.","immediate_action":"","cause":"",` +
		`"status":"under_behandling","closed_by":"","closed_on":"","measure_ids":null,"reported_to_municipal":false,"municipal_ref":"",` +
		`"authorities_notified":false,"authorities_notified_on":"","violence_type":"","follow_up_offered":null,"safety_round_id":0}`
	rawWrite(t, path, func(tx *bbolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists([]byte(bucketDeviations))
		if err != nil {
			return err
		}
		env := fmt.Sprintf(`{"v":%d,"data":%s}`, CurrentSchemaVersion, old)
		if err := b.SetSequence(1); err != nil {
			return err
		}
		if err := b.Put(itob(1), []byte(env)); err != nil {
			return err
		}
		return reindex(tx, bucketDeviations, itob(1), []byte(env)) // as every write path does
	})
	mustCheckOK(t, path)

	s, err := Open(path, testOpts(newClock()))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d, err := s.Deviation(1)
	if err != nil {
		t.Fatal(err)
	}
	if d.PersonHarm != "" || !d.NeedsAuthorityNotice() || !d.NoticeOutstanding() {
		t.Fatalf("old record read as %+v; needs notice %v", d, d.NeedsAuthorityNotice())
	}
	all, err := s.Deviations()
	if err != nil {
		t.Fatal(err)
	}
	st := model.DeviationStats(all, 2026, devDay)
	if st.NoticeNeeded != 1 || st.NoticeOutstanding != 1 || st.NoticeSent != 0 {
		t.Errorf("stats of the old record: %+v", st)
	}
	if got := model.FilterDeviations(all, model.DeviationFilter{NoticeOutstanding: true}); len(got) != 1 {
		t.Errorf("the outstanding filter finds %d", len(got))
	}

	// Recording what happened (an injury that was not serious after all)
	// replaces the read rule; then a serious one with its notice.
	d.PersonHarm = model.HarmInjury
	if d, err = s.SaveDeviation(d, devDay); err != nil {
		t.Fatal(err)
	}
	if d.NeedsAuthorityNotice() {
		t.Error("still needs notice after recording a minor injury")
	}
	d.PersonHarm, d.AuthoritiesNotified, d.AuthoritiesNotifiedOn = model.HarmSerious, true, date(2026, 3, 10)
	if _, err = s.SaveDeviation(d, devDay); err != nil {
		t.Fatal(err)
	}
	s.Close()
	mustCheckOK(t, path)
	s2, err := Open(path, testOpts(newClock()))
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	all, _ = s2.Deviations()
	st = model.DeviationStats(all, 2026, devDay)
	if len(all) != 1 || all[0].PersonHarm != model.HarmSerious || st.NoticeNeeded != 1 || st.NoticeSent != 1 || st.NoticeOutstanding != 0 {
		t.Errorf("after recording: %+v, stats %+v", all, st)
	}
}

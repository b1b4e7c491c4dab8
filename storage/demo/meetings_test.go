package demo

import (
	"path/filepath"
	"reflect"
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

func TestDemoMeetingsAndWheel(t *testing.T) {
	o := Options{Seed: 1, Scale: 1, Today: today, User: "demo"}
	ds := Generate(o)
	if !reflect.DeepEqual(ds.Meetings, Generate(o).Meetings) {
		t.Fatal("same seed gave different meetings")
	}
	if len(ds.Meetings.Meetings) < 12 {
		t.Errorf("%d meetings", len(ds.Meetings.Meetings))
	}
	if big := Generate(Options{Seed: 1, Scale: 3, Today: today}); len(big.Meetings.Meetings) < 3*len(ds.Meetings.Meetings)-3 {
		t.Errorf("scale 3 gives %d meetings", len(big.Meetings.Meetings))
	}
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := Create(path, o); err != nil {
		t.Fatal(err)
	}
	rep, err := storage.Check(path)
	if err != nil || !rep.OK() {
		t.Fatalf("check: %v\n%s", err, rep.Summary())
	}
	st, err := storage.Open(path, storage.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ms, _ := st.Meetings()
	if _, ok := model.NextMeeting(ms, today); !ok {
		t.Error("no planned meeting")
	}
	plan, _ := st.Measures()
	linked, closed := 0, 0
	for _, m := range ms {
		linked += len(model.MeasuresFromMeeting(plan, m.ID))
		closed += m.ClosedItems()
	}
	if linked == 0 || closed == 0 {
		t.Errorf("%d measures from decisions, %d closed items", linked, closed)
	}
	// The wheel shows a realistic mix: most duties proven by the records,
	// some ticked by hand, some late, something due this month.
	for _, day := range []model.Date{today, model.NewDate(2026, 12, 4)} {
		w, err := st.ProvenWheel(model.HMSYear(day.Year()), day)
		if err != nil {
			t.Fatal(err)
		}
		c := model.CountWheel(w, day)
		proven, ticked := 0, 0
		for _, e := range w {
			if e.Proof.Proven() {
				proven++
			} else if !e.Done.IsZero() {
				ticked++
			}
			t.Logf("%s %s %s %s", day, e.Title, e.State(day), e.Proof.Text)
		}
		if proven < c.Done/2 || ticked == 0 || c.Late == 0 || c.Late > c.Done/2 {
			t.Errorf("wheel on %s: %+v, %d proven, %d ticked", day, c, proven, ticked)
		}
	}
}

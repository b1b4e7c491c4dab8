package oneshot

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"hmsutvalg/model"
	"hmsutvalg/storage/demo"
)

func TestJobFromArgs(t *testing.T) {
	now := time.Date(2026, time.December, 5, 10, 0, 0, 0, time.Local)
	today := model.DateOf(now)
	tests := []struct {
		args []string
		want Job
		ok   bool
	}{
		{[]string{"report", "--db", "a.db", "--out", "a.pdf"}, Job{"a.db", 2025, today}, true},
		{[]string{"export", "-db=a.db", "-out", "a.json", "--year", "2024"}, Job{"a.db", 2024, today}, true},
		{[]string{"report", "--db", "a.db", "--out", "a.pdf", "--today", "15.01.2027"}, Job{"a.db", 2026, model.NewDate(2027, time.January, 15)}, true},
		{[]string{"report", "--db", "a.db", "--out", "a.pdf", "--today", "15.01.2027", "--year", "2025"}, Job{"a.db", 2025, model.NewDate(2027, time.January, 15)}, true},
		{nil, Job{}, false},
		{[]string{"status", "--db", "a.db"}, Job{}, false},
		{[]string{"registers", "--db", "a.db", "--out", "x"}, Job{}, false},
		{[]string{"report", "--out", "a.pdf"}, Job{}, false},
		{[]string{"report", "--db", "a.db"}, Job{}, false},
		{[]string{"report", "--db", "a.db", "--out", "a.pdf", "ekstra"}, Job{}, false},
		{[]string{"report", "--db", "a.db", "--out", "a.pdf", "--landscape"}, Job{}, false},
		{[]string{"report", "--db", "a.db", "--out", "a.pdf", "--year", "tjue"}, Job{}, false},
		{[]string{"report", "--db", "a.db", "--out", "a.pdf", "--today", "31.02.2026"}, Job{}, false},
	}
	for _, tc := range tests {
		got, ok := jobFromArgs(tc.args, now)
		if ok != tc.ok || got != tc.want {
			t.Errorf("jobFromArgs(%q) = %+v, %v; want %+v, %v", tc.args, got, ok, tc.want, tc.ok)
		}
	}
}

// TestEarlyReadTakenOnceForItsJob: the read started early is what
// ReadYear gives for the same job, once; another job, or the same one
// again, is read anew, with the same result.
func TestEarlyReadTakenOnceForItsJob(t *testing.T) {
	db := filepath.Join(t.TempDir(), "enhet.db")
	today := model.NewDate(2027, time.January, 15)
	if err := demo.Create(db, demo.Options{Seed: 2, Scale: 1, Today: today, User: "test"}); err != nil {
		t.Fatal(err)
	}
	job := Job{DB: db, Year: 2026, Today: today}
	e := &earlyRead{}
	e.start(job)
	if _, _, ok := e.take(Job{DB: db, Year: 2025, Today: today}); ok {
		t.Fatal("the early read was taken for another year")
	}
	early, err, ok := e.take(job)
	if !ok || err != nil || len(early.Deviations) == 0 {
		t.Fatalf("early read: taken %v, %v, %d deviations", ok, err, len(early.Deviations))
	}
	if _, _, ok := e.take(job); ok {
		t.Fatal("the early read was taken twice")
	}
	again, err := Read(job, model.LoadAnnualYear)
	if err != nil || !reflect.DeepEqual(early, again) {
		t.Fatalf("the early read differs from a read now (%v)", err)
	}
}

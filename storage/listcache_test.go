package storage

import (
	"testing"

	"hmsutvalg/model"
)

// The cached lists must be exactly what a fresh read gives, follow every
// write, and not be changed by a caller that sorts or edits its copy.
func TestListCacheFollowsWrites(t *testing.T) {
	_, s := newDB(t, testOpts(newClock()))
	m1 := mustSaveMeasure(t, s, testMeasure("Første tiltak"), planDay)
	a, err := s.Measures()
	if err != nil || len(a) != 1 {
		t.Fatalf("%d measures, %v", len(a), err)
	}
	// A caller editing its copy does not change the next read.
	a[0].Title = "endret i kallerens kopi"
	b, _ := s.Measures()
	if b[0].Title != "Første tiltak" {
		t.Fatalf("cached list changed by a caller: %q", b[0].Title)
	}
	// A write is seen at once.
	mustSaveMeasure(t, s, testMeasure("Andre tiltak"), planDay)
	c, _ := s.Measures()
	if len(c) != 2 {
		t.Fatalf("after a save: %d measures, want 2", len(c))
	}
	m1.Title = "Første tiltak, omdøpt"
	if _, err := s.SaveMeasure(m1, planDay); err != nil {
		t.Fatal(err)
	}
	d, _ := s.Measures()
	if d[0].Title != "Første tiltak, omdøpt" {
		t.Fatalf("after an edit: %q", d[0].Title)
	}
	if err := s.DeleteMeasure(m1.ID); err != nil {
		t.Fatal(err)
	}
	e, _ := s.Measures()
	if len(e) != 1 || e[0].Title != "Andre tiltak" {
		t.Fatalf("after a delete: %+v", e)
	}
	// A refused write leaves the cache valid and correct.
	if _, err := s.SaveMeasure(model.Measure{}, planDay); err == nil {
		t.Fatal("empty measure accepted")
	}
	f, _ := s.Measures()
	if len(f) != 1 {
		t.Fatalf("after a refused save: %d measures", len(f))
	}
}

// A read that began before a write must not store its (old) list.
func TestListCacheIgnoresReadRacingWrite(t *testing.T) {
	var c listCache
	gen := c.begin()
	c.invalidate() // a write commits while the read is under way
	storeList(&c, "k", gen, []int{1})
	if _, ok := cachedList[int](&c, "k"); ok {
		t.Fatal("a list read before a write was cached")
	}
	gen = c.begin()
	storeList(&c, "k", gen, []int{2})
	if v, ok := cachedList[int](&c, "k"); !ok || v[0] != 2 {
		t.Fatalf("cache miss after a clean read: %v %v", v, ok)
	}
}

// With NoListCache every read decodes afresh and nothing is kept.
func TestNoListCache(t *testing.T) {
	opts := testOpts(newClock())
	opts.NoListCache = true
	_, s := newDB(t, opts)
	mustSaveMeasure(t, s, testMeasure("Første tiltak"), planDay)
	a, err := s.Measures()
	if err != nil || len(a) != 1 {
		t.Fatalf("%d measures, %v", len(a), err)
	}
	if _, ok := cachedList[model.Measure](&s.lists, bucketMeasures+"\x00model.Measure"); ok || len(s.lists.lists) != 0 {
		t.Errorf("a list was cached: %v", s.lists.lists)
	}
	a[0].Title = "endret"
	if b, _ := s.Measures(); b[0].Title != "Første tiltak" {
		t.Errorf("second read %q", b[0].Title)
	}
}

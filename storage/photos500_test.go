package storage_test

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/storage/demo"
)

// Issue 20: «the file stays fast (photos never loaded for lists;
// benchmark the heavy unit with 500 photos)». The lists read the records'
// buckets and the attachments' metadata; the photos are in a bucket of
// their own that no list opens. These tests and benchmarks build a unit
// with no photos and the same unit with exactly 500, and compare what
// loading the lists costs.

// photosForTest is how many photos the heavy variant holds.
const photosForTest = 500

// testPhoto is a JPEG of w×h: a gradient with noise, so it compresses
// like a photo rather than like a flat colour.
func testPhoto(tb testing.TB, w, h int) []byte {
	tb.Helper()
	rnd := rand.New(rand.NewPCG(1, 2))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			n := uint8(rnd.IntN(48))
			img.Set(x, y, color.RGBA{uint8(x*200/w) + n, uint8(y*200/h) + n, 90 + n, 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: model.PhotoJPEGQuality}); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// photoUnits writes the demo unit at scale with its own photos removed
// (no photos) and a copy with exactly n photos of w×h spread over its
// deviations, meetings and risk items, five a record, and returns both
// paths, the bytes of photos stored and the size of one thumbnail.
func photoUnits(tb testing.TB, scale, n, w, h int) (none, with string, photoBytes int64, thumbBytes int) {
	tb.Helper()
	dir := tb.TempDir()
	none = filepath.Join(dir, "none.db")
	if err := demo.Create(none, demo.Options{Seed: 1, Scale: scale, Today: model.NewDate(2026, 11, 24), User: "test"}); err != nil {
		tb.Fatal(err)
	}
	st, err := storage.Open(none, storage.Options{NoBackup: true})
	if err != nil {
		tb.Fatal(err)
	}
	if err := st.DeleteAllAttachments(); err != nil {
		tb.Fatal(err)
	}
	st.Close()
	with = filepath.Join(dir, "with.db")
	copyFile(tb, none, with)
	st, err = storage.Open(with, storage.Options{NoBackup: true})
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	owners := photoOwners(tb, st)
	photo, thumb := testPhoto(tb, w, h), testPhoto(tb, min(w, model.ThumbLongestSide), min(h, model.ThumbLongestSide))
	list := testPhoto(tb, min(w, model.ListThumbLongestSide), min(h, model.ListThumbLongestSide*3/4))
	err = st.Batch(func(b *storage.Batch) error {
		for i := range n {
			o := owners[i/5]
			a := model.Attachment{OwnerKind: o.kind, OwnerID: o.id, Kind: model.AttachPhoto, Filename: "foto.jpg",
				Width: w, Height: h, Created: model.NewDate(2026, 11, 24)}
			if _, err := b.AddAttachment(a, storage.AttachmentParts{File: photo, Thumb: thumb, ListThumb: list}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	if all, _ := st.AllAttachments(); len(all) != n {
		tb.Fatalf("%d attachments stored, want %d", len(all), n)
	}
	return none, with, int64(n) * int64(len(photo)+len(thumb)), len(thumb)
}

type photoOwner struct {
	kind model.AttachmentOwner
	id   uint64
}

// photoOwners takes deviations, meetings and risk items in turn.
func photoOwners(tb testing.TB, st *storage.Store) []photoOwner {
	tb.Helper()
	devs, err1 := st.Deviations()
	ms, err2 := st.Meetings()
	items, err3 := st.AllRiskItems()
	if err1 != nil || err2 != nil || err3 != nil {
		tb.Fatal(err1, err2, err3)
	}
	var out []photoOwner
	for i := 0; i < len(devs) || i < len(ms) || i < len(items); i++ {
		if i < len(devs) {
			out = append(out, photoOwner{model.OwnerDeviation, devs[i].ID})
		}
		if i < len(ms) {
			out = append(out, photoOwner{model.OwnerMeeting, ms[i].ID})
		}
		if i < len(items) {
			out = append(out, photoOwner{model.OwnerRiskItem, items[i].ID})
		}
	}
	if len(out)*5 < photosForTest {
		tb.Fatalf("only %d records for %d photos", len(out), photosForTest)
	}
	return out
}

func copyFile(tb testing.TB, from, to string) {
	tb.Helper()
	in, err := os.Open(from)
	if err != nil {
		tb.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		tb.Fatal(err)
	}
	if err := out.Close(); err != nil {
		tb.Fatal(err)
	}
}

// loadRecordLists reads what the list pages of the attachable records
// read: deviations, meetings, risk items and safety rounds.
func loadRecordLists(tb testing.TB, st *storage.Store) {
	_, err1 := st.Deviations()
	_, err2 := st.Meetings()
	_, err3 := st.AllRiskItems()
	_, err4 := st.SafetyRounds()
	if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
		tb.Fatal(err1, err2, err3, err4)
	}
}

// loadCounts reads the attachment counts those lists show.
func loadCounts(tb testing.TB, st *storage.Store) {
	for _, o := range []model.AttachmentOwner{model.OwnerDeviation, model.OwnerMeeting, model.OwnerRiskItem, model.OwnerFinding} {
		if _, err := st.AttachmentCounts(o); err != nil {
			tb.Fatal(err)
		}
	}
}

// allocated is the bytes f allocates per run: the least of three
// measurements of runs runs each (a garbage collection that empties the
// decoders' pools adds to one measurement, never takes away).
func allocated(runs int, f func()) uint64 {
	f() // warm up: one-time allocations do not count
	best := uint64(math.MaxUint64)
	for range 3 {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		for range runs {
			f()
		}
		runtime.ReadMemStats(&after)
		best = min(best, (after.TotalAlloc-before.TotalAlloc)/uint64(runs))
	}
	return best
}

// openNoCache opens path read-only with no list cache, so every list
// call reads the file.
func openNoCache(tb testing.TB, path string) *storage.Store {
	tb.Helper()
	st, err := storage.Open(path, storage.Options{ReadOnly: true, NoListCache: true})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

// TestListsNeverLoadPhotos: loading the record lists allocates the same
// with 0 and with 500 photos stored, and the attachment counts the lists
// show allocate the same whether the 500 photos are small or large, and
// far less than the photos themselves. Reading a photo would show in the
// allocations (the store copies the bytes out of the memory map).
func TestListsNeverLoadPhotos(t *testing.T) {
	if testing.Short() {
		t.Skip("writes two units with 500 photos")
	}
	none, withSmall, _, _ := photoUnits(t, 1, photosForTest, 32, 24)
	_, withLarge, largeBytes, thumb := photoUnits(t, 1, photosForTest, 640, 480)
	stNone, stSmall, stLarge := openNoCache(t, none), openNoCache(t, withSmall), openNoCache(t, withLarge)

	const runs = 5
	recNone := allocated(runs, func() { loadRecordLists(t, stNone) })
	recLarge := allocated(runs, func() { loadRecordLists(t, stLarge) })
	// Reading even one thumbnail per load would add more than this; the
	// runtime's own noise between runs is a few kB. Under the race
	// detector it is tens of kB, and the test only tells reading all the
	// photos (67 MB) from reading none.
	var one uint64 = 10 << 10
	if thumb < 2*int(one) {
		t.Fatalf("the large photos' thumbnails are %d B: too small to tell", thumb)
	}
	if raceEnabled {
		one = uint64(largeBytes) / 100
	}
	t.Logf("record lists: %d B with no photos, %d B with %d photos (%d B of photos stored, thumbnails %d B)", recNone, recLarge, photosForTest, largeBytes, thumb)
	if !near(recLarge, recNone, one) {
		t.Errorf("loading the lists allocates %d B with %d photos and %d B without: the photos are read", recLarge, photosForTest, recNone)
	}
	cntSmall := allocated(runs, func() { loadCounts(t, stSmall) })
	cntLarge := allocated(runs, func() { loadCounts(t, stLarge) })
	t.Logf("attachment counts: %d B with %d small photos, %d B with %d large ones", cntSmall, photosForTest, cntLarge, photosForTest)
	if !near(cntLarge, cntSmall, one) {
		t.Errorf("the counts allocate %d B with large photos and %d B with small: the photos are read", cntLarge, cntSmall)
	}
}

// listRows is how many rows a register's list shows at 1024×768 (Avvik
// shows 6–8 with the filters above it; Vernerunde up to 10).
const listRows = 12

// readScreenOfListThumbs picks each deviation's preview from the
// attachments' metadata and reads and decodes the list thumbnails of the
// first listRows of devs that have one.
func readScreenOfListThumbs(tb testing.TB, st *storage.Store, devs []model.Deviation) int {
	all, err := st.AllAttachments()
	if err != nil {
		tb.Fatal(err)
	}
	previews := model.ListPreviews(all, model.OwnerDeviation)
	n, size := 0, 0
	for _, d := range devs {
		a, ok := previews[d.ID]
		if !ok || a.Kind != model.AttachPhoto {
			continue
		}
		raw, err := st.AttachmentListThumb(a.ID)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := jpeg.Decode(bytes.NewReader(raw)); err != nil {
			tb.Fatal(err)
		}
		size += len(raw)
		if n++; n == listRows {
			break
		}
	}
	if n != listRows {
		tb.Fatalf("only %d deviations with photos", n)
	}
	return size
}

// TestListThumbsAreSmall: a screenful of list thumbnails is a few kB
// each, and reading them allocates far less than one stored photo's
// worth per row would.
func TestListThumbsAreSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a unit with 500 photos")
	}
	_, with, photoBytes, _ := photoUnits(t, 1, photosForTest, 800, 600)
	st := openNoCache(t, with)
	devs, err := st.Deviations()
	if err != nil {
		t.Fatal(err)
	}
	size := readScreenOfListThumbs(t, st, devs)
	perPhoto := photoBytes / photosForTest
	t.Logf("%d list thumbnails: %d B in all (%d B each); a stored photo and thumbnail are %d B", listRows, size, size/listRows, perPhoto)
	if size/listRows > 8<<10 || int64(size) > perPhoto {
		t.Errorf("a screenful of list thumbnails is %d B; one photo is %d B", size, perPhoto)
	}
}

// near reports a and b closer than one: the same records decoded, give
// or take the runtime's own allocations (a few kB between runs).
func near(a, b, one uint64) bool {
	return max(a, b)-min(a, b) < one
}

// BenchmarkLists500Photos times loading the lists of the heavy unit
// (scale 50, its own photos removed) with no photos and with exactly 500
// photos of 800×600 (the demo's size), without the list cache: the record
// lists, and the attachment counts the lists show.
func BenchmarkLists500Photos(b *testing.B) {
	none, with, photoBytes, _ := photoUnits(b, 50, photosForTest, 800, 600)
	for _, c := range []struct {
		name, path string
	}{{"photos=0", none}, {"photos=500", with}} {
		st := openNoCache(b, c.path)
		b.Run(c.name+"/records", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				loadRecordLists(b, st)
			}
		})
		b.Run(c.name+"/counts", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				loadCounts(b, st)
			}
		})
	}
	// What a list shows on a 1024×768 screen: the previews picked from the
	// metadata, and a screenful (listRows) of list thumbnails read and
	// decoded, as ui/vedlegg.ListThumbs does for the rows on screen.
	b.Run("photos=500/list-thumbnails-on-screen", func(b *testing.B) {
		st := openNoCache(b, with)
		devs, err := st.Deviations() // the page has them already
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			readScreenOfListThumbs(b, st, devs)
		}
		b.ReportMetric(listRows, "rows")
	})
	b.Run("photos=500/one-thumbnail", func(b *testing.B) {
		st := openNoCache(b, with)
		all, err := st.AllAttachments()
		if err != nil || len(all) != photosForTest {
			b.Fatal(len(all), err)
		}
		b.ReportAllocs()
		for b.Loop() {
			raw, err := st.AttachmentThumb(all[0])
			if err != nil {
				b.Fatal(err)
			}
			if _, err := jpeg.Decode(bytes.NewReader(raw)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.ReportMetric(float64(photoBytes)/(1<<20), "MB-photos")
}

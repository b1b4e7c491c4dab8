package storage_test

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"hmsutvalg/storage"
)

// mappedKiB is the resident size of this process's memory map of path
// (/proc/self/smaps), in kB.
func mappedKiB(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skipf("no /proc/self/smaps: %v", err)
	}
	lines := strings.Split(string(b), "\n")
	for i, l := range lines {
		if !strings.HasSuffix(l, "/"+filepath.Base(path)) {
			continue
		}
		for _, m := range lines[i+1:] {
			if f := strings.Fields(m); len(f) == 3 && f[0] == "Rss:" {
				n, _ := strconv.Atoi(f[1])
				return n
			}
		}
	}
	t.Fatalf("%s is not mapped", path)
	return 0
}

// TestOneShotReadOfPhotosLetsGoOfTheirPages: a one-shot reader (the
// report commands) that reads 60 photos and their thumbnails one by one,
// and the thumbnails again all at once as the annual report does (over 6
// MB in all), keeps less than 2 MB of the file resident: the pages are
// let go of once copied out. A store that keeps its pages keeps them.
func TestOneShotReadOfPhotosLetsGoOfTheirPages(t *testing.T) {
	_, with, _, _ := photoUnits(t, 1, 60, 1600, 1200)
	readAll := func(s *storage.Store) (read int, resident int, err error) {
		atts, err := s.AllAttachments()
		if err != nil {
			return 0, 0, err
		}
		for _, a := range atts {
			f, err1 := s.AttachmentFile(a)
			th, err2 := s.AttachmentThumb(a)
			if err := errors.Join(err1, err2); err != nil {
				return 0, 0, err
			}
			read += len(f) + len(th)
		}
		thumbs, err := s.AttachmentThumbs(atts) // as the annual report reads them
		for _, th := range thumbs {
			read += len(th)
		}
		return read, mappedKiB(t, with), err
	}
	type got struct{ read, resident int }
	r, err := storage.ReadOnce(with, func(s *storage.Store) (got, error) {
		read, res, err := readAll(s)
		return got{read, res}, err
	})
	if err != nil || r.read < 6<<20 {
		t.Fatalf("read %d bytes of photos: %v", r.read, err)
	}
	if r.resident >= 2048 {
		t.Errorf("one-shot read of %d kB of photos keeps %d kB of the file resident", r.read>>10, r.resident)
	}
	st, err := storage.Open(with, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	read, resident, err := readAll(st)
	if err != nil || resident < read>>10/2 {
		t.Errorf("a store that keeps its pages: %d kB read, %d kB resident (%v); the measure cannot tell", read>>10, resident, err)
	}
}

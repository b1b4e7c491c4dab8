package reports

import (
	"bytes"
	"compress/zlib"
	"io"
	"strings"
	"testing"

	kzlib "github.com/klauspost/compress/zlib"
)

// TestPackedBodyIsOneZlibStream: a page's stream made of body parts
// compressed apart and the header and footer compressed last reads back,
// checksum and all, as the page's whole content (read with the standard
// library); a page with no body set aside gives exactly what the zlib
// writer of the other streams gives.
func TestPackedBodyIsOneZlibStream(t *testing.T) {
	long := strings.Repeat("BT /F1 9 Tf 10 20 Td (Tiltak 12: rutine for vold og trusler) Tj ET\n", 900)
	cases := map[string]struct {
		parts []string
		rest  string
	}{
		"no body":           {nil, "q 0 0 1 rg (Side 1 av 2) Tj Q\n"},
		"no body, no rest":  {nil, ""},
		"one part":          {[]string{long}, "(Side 2 av 9) Tj\n"},
		"three parts":       {[]string{long, "x", long[:1000]}, "(Side 3 av 9) Tj\n"},
		"body, empty rest":  {[]string{long}, ""},
		"tiny parts":        {[]string{"a", "b", "c"}, "d"},
		"repeats over part": {[]string{long[:5000], long[:5000]}, long[:3000]},
	}
	fw := flateWriters.get()
	defer flateWriters.put(fw)
	for name, c := range cases {
		var b packedBody
		for _, p := range c.parts {
			b.pack(fw, []byte(p))
		}
		got := b.finish(fw, []byte(c.rest))
		r, err := zlib.NewReader(bytes.NewReader(got))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		back, err := io.ReadAll(r) // checks the Adler-32 at the end
		if err != nil {
			t.Fatalf("%s: reading back: %v", name, err)
		}
		if want := strings.Join(c.parts, "") + c.rest; string(back) != want {
			t.Errorf("%s: read back %d bytes, want %d", name, len(back), len(want))
		}
		if body := b.inflate(); string(body) != strings.Join(c.parts, "") {
			t.Errorf("%s: the body inflates to %d bytes, want %d", name, len(body), len(strings.Join(c.parts, "")))
		}
		if len(c.parts) == 0 {
			var z bytes.Buffer
			zw, _ := kzlib.NewWriterLevel(&z, kzlib.BestSpeed)
			zw.Write([]byte(c.rest))
			zw.Close()
			if !bytes.Equal(got, z.Bytes()) {
				t.Errorf("%s: not what the zlib writer writes", name)
			}
		}
	}
}

// TestBodyPackerKeepsPagesApartAndStops: parts of several pages, added
// out of page order and some pages twice, come back per page in the
// order added, and the packer's goroutine has ended when packed returns.
func TestBodyPackerKeepsPagesApartAndStops(t *testing.T) {
	p := newBodyPacker()
	adds := []struct {
		n    int
		text string
	}{{2, "two-a "}, {1, "one "}, {4, "four "}, {2, "two-b"}, {1, ""}}
	for _, a := range adds {
		p.add(a.n, []byte(a.text))
	}
	got := p.unpacked()
	want := []string{"one ", "two-a two-b", "", "four "}
	if len(got) != len(want) {
		t.Fatalf("%d pages, want %d", len(got), len(want))
	}
	for i := range want {
		if string(got[i]) != want[i] {
			t.Errorf("page %d: %q, want %q", i+1, got[i], want[i])
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.running || len(p.queue) != 0 {
		t.Error("the packer still runs after packed returned")
	}
}

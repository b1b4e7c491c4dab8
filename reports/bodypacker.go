package reports

import (
	"bytes"
	"encoding/binary"
	"hash"
	"hash/adler32"
	"io"
	"sync"

	"github.com/klauspost/compress/flate"
)

// A page's content stream is one zlib stream: the page's body, set aside
// as the layout leaves the page, then its header and footer, drawn when
// the page count is known. The body is compressed as soon as it is set
// aside, on another goroutine while the layout goes on, and ended with a
// sync flush (an empty stored block) instead of a final block, so that
// the header and footer can follow as the stream's final blocks when they
// are drawn (packedBody.finish). A deflate stream is any run of blocks
// with the last one marked final, and each part is compressed on its own
// (no back-reference reaches across), so the stream is valid; the zlib
// checksum is carried over the parts. The whole-PDF tests read the
// streams back (TestPageStreamsSameContent).

// bodyPacker compresses page bodies in the order they are added, on one
// goroutine that runs while there is work and then ends, so an abandoned
// document leaves nothing running.
type bodyPacker struct {
	mu      sync.Mutex
	idle    sync.Cond
	queue   []bodyPart
	running bool
	bodies  []packedBody // page n's at n-1
	spares  [][]byte     // emptied buffers of parts compressed (spare)
}

// maxSpares is how many emptied buffers the packer keeps for new pages.
const maxSpares = 4

// bodyPart is content of page n set aside, to be compressed.
type bodyPart struct {
	n    int
	data []byte
}

// packedBody is a page body compressed so far: deflate blocks ending in a
// sync flush, the Adler-32 checksum of what they hold, and, kept only to
// give gofpdf the page back (restoreBodies), nothing else.
type packedBody struct {
	z   []byte
	sum hash.Hash32 // nil: nothing compressed
}

func newBodyPacker() *bodyPacker {
	p := &bodyPacker{}
	p.idle.L = &p.mu
	return p
}

// add queues page n's content data, which the packer now owns.
func (p *bodyPacker) add(n int, data []byte) {
	if len(data) == 0 {
		return
	}
	p.mu.Lock()
	p.queue = append(p.queue, bodyPart{n, data})
	start := !p.running
	p.running = true
	p.mu.Unlock()
	if start {
		go p.drain()
	}
}

// drain compresses queued parts until there are none.
func (p *bodyPacker) drain() {
	fw := flateWriters.get()
	defer flateWriters.put(fw)
	for {
		p.mu.Lock()
		if len(p.queue) == 0 {
			p.queue = nil
			p.running = false
			p.idle.Broadcast()
			p.mu.Unlock()
			return
		}
		part := p.queue[0]
		p.queue = p.queue[1:]
		for len(p.bodies) < part.n {
			p.bodies = append(p.bodies, packedBody{})
		}
		b := &p.bodies[part.n-1]
		p.mu.Unlock()
		b.pack(fw, part.data) // only this goroutine touches a body until wait
		p.mu.Lock()
		if len(p.spares) < maxSpares {
			p.spares = append(p.spares, part.data[:0])
		}
		p.mu.Unlock()
	}
}

// spare returns the emptied buffer of a part already compressed, for a
// new page's content, or nil.
func (p *bodyPacker) spare() []byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := len(p.spares)
	if n == 0 {
		return nil
	}
	b := p.spares[n-1]
	p.spares = p.spares[:n-1]
	return b
}

// packed waits for the queue to be done and returns the bodies, page n's
// at n-1 (a page never set aside has the zero packedBody).
func (p *bodyPacker) packed() []packedBody {
	p.mu.Lock()
	defer p.mu.Unlock()
	for p.running {
		p.idle.Wait()
	}
	return p.bodies
}

// unpacked returns the bodies uncompressed, page n's at n-1 (nil for a
// page never set aside).
func (p *bodyPacker) unpacked() [][]byte {
	bodies := p.packed()
	out := make([][]byte, len(bodies))
	for i, b := range bodies {
		out[i] = b.inflate()
	}
	return out
}

// pack compresses data after what b holds, ending in a sync flush.
func (b *packedBody) pack(fw *flate.Writer, data []byte) {
	if b.sum == nil {
		b.sum = adler32.New()
		b.z = make([]byte, 0, len(data)/4+64)
	}
	b.sum.Write(data) // hash writes do not fail
	w := appendWriter{&b.z}
	fw.Reset(w)
	fw.Write(data) // writes to a slice do not fail
	fw.Flush()
}

// finish returns the page's zlib stream: b's blocks, rest compressed as
// the final blocks, and the checksum of both.
func (b *packedBody) finish(fw *flate.Writer, rest []byte) []byte {
	sum := b.sum
	if sum == nil {
		sum = adler32.New()
	}
	sum.Write(rest)
	out := make([]byte, 0, 2+len(b.z)+len(rest)/2+64)
	out = append(out, zlibHeaderBestSpeed...)
	out = append(out, b.z...)
	fw.Reset(appendWriter{&out})
	fw.Write(rest)
	fw.Close()
	return binary.BigEndian.AppendUint32(out, sum.Sum32())
}

// inflate returns the content b holds, uncompressed, or nil for none.
func (b *packedBody) inflate() []byte {
	if b.sum == nil {
		return nil
	}
	// A final empty stored block ends the stream for the reader.
	r := flate.NewReader(io.MultiReader(bytes.NewReader(b.z), bytes.NewReader([]byte{1, 0, 0, 0xff, 0xff})))
	out, err := io.ReadAll(r)
	if err != nil {
		panic("reports: a page body compressed here does not read back: " + err.Error())
	}
	return out
}

// zlibHeaderBestSpeed is the two bytes a zlib writer writes before a
// stream at BestSpeed (deflate, 32 kB window, «fastest» level), so that
// a page's stream begins as the other streams do.
var zlibHeaderBestSpeed = []byte{0x78, 0x01}

// appendWriter appends what is written to a slice.
type appendWriter struct{ b *[]byte }

func (w appendWriter) Write(p []byte) (int, error) {
	*w.b = append(*w.b, p...)
	return len(p), nil
}

// flateWriters compress the page bodies (bodyPacker, one writer) and
// finish the pages (compressPages, one per processor), at gofpdf's level.
var flateWriters = writerPool[*flate.Writer]{extra: 1, newWriter: func() *flate.Writer {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return w
}}

package storage

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"io"
	"slices"
)

// bbolt page layout (go.etcd.io/bbolt/internal/common/page.go).
const (
	branchPageFlag   = 0x01
	leafPageFlag     = 0x02
	freelistPageFlag = 0x10
	bucketLeafFlag   = 0x01
	elementSize      = 16 // both branch and leaf elements
	inBucketSize     = 16 // root pgid, sequence
	noFreelist       = ^uint64(0)
	maxTreeDepth     = 64
)

// verifyPages walks bbolt's page tree straight from the file and checks
// that every page reference, element and overflow count stays inside the
// file. bbolt trusts these fields: a damaged one makes it read outside its
// memory map (a crash) or loop over billions of overflow pages (tx.Check
// then eats all memory). Only after this walk is it safe to hand the file
// to bbolt, so a damaged file is reported instead.
//
// The tree is walked a level at a time, each level's pages in file
// order, so that runs of nearby pages are read with one ReadAt into one
// reused buffer: a large unit's file has some 10 000 pages, and a read
// per page was most of the time the walk took (issue 18).
func verifyPages(r io.ReaderAt, m bboltMeta) error {
	w := pageWalker{r: r, ps: int64(m.pageSize), hwm: m.pgid, seen: make([]uint64, m.pgid/64+1)}
	if m.freelist != noFreelist {
		if err := w.freelist(m.freelist); err != nil {
			return err
		}
	}
	level := []pageRef{{id: m.root}}
	for len(level) > 0 {
		next, err := w.level(level)
		if err != nil {
			return err
		}
		level = next
	}
	return nil
}

// pageRef is a page the walk has still to check: a tree page (branch or
// leaf) at depth below the root bucket's root.
type pageRef struct {
	id    uint64
	depth int
}

// Runs of pages read with one ReadAt: at most walkChunk bytes, and a gap
// of more than walkGap bytes between two wanted pages ends a run (reading
// it would cost more than another read). A run of 256 kB stays in the
// processor's cache while its pages are checked: the heavy file's walk
// took 11 ms instead of 13.5 with 1 MB runs, and the report process
// clears and faults in a quarter of the buffer (docs/ytelse.md,
// «Åttende runde»).
const (
	walkChunk = 256 << 10
	walkGap   = 32 << 10
)

// pageWalker keeps what the walk has seen and its read buffers.
type pageWalker struct {
	r    io.ReaderAt
	ps   int64
	hwm  uint64
	seen []uint64 // a bit per page id below hwm

	chunk    []byte // the current run, from file offset chunkOff
	chunkOff int64
	big      []byte // a page with overflow pages that the run does not hold
	next     []pageRef
}

// level checks the pages of one level of the tree, in file order, and
// returns the pages they refer to (the next level).
func (w *pageWalker) level(refs []pageRef) ([]pageRef, error) {
	slices.SortFunc(refs, func(a, b pageRef) int { return cmp.Compare(a.id, b.id) })
	for _, p := range refs {
		if p.id < 2 || p.id >= w.hwm {
			return nil, fmt.Errorf("side %d ligger utenfor filen (grense %d)", p.id, w.hwm)
		}
	}
	w.next = nil
	for i := 0; i < len(refs); {
		j := w.run(refs, i)
		if err := w.read(refs[i].id, refs[j-1].id); err != nil {
			return nil, err
		}
		for _, p := range refs[i:j] {
			buf, err := w.page(p.id, branchPageFlag|leafPageFlag)
			if err != nil {
				return nil, err
			}
			if err := w.nodes(buf, p.id, p.depth); err != nil {
				return nil, err
			}
		}
		i = j
	}
	return w.next, nil
}

// run returns the end of the run of refs (sorted) that starts at i.
func (w *pageWalker) run(refs []pageRef, i int) int {
	first := refs[i].id
	j := i + 1
	for j < len(refs) {
		gap := int64(refs[j].id-refs[j-1].id-1) * w.ps
		span := int64(refs[j].id-first+1) * w.ps
		if gap > walkGap || span > walkChunk {
			break
		}
		j++
	}
	return j
}

// read loads pages first to last (both below hwm) into the chunk buffer.
func (w *pageWalker) read(first, last uint64) error {
	n := int64(last-first+1) * w.ps
	if int64(cap(w.chunk)) < n {
		w.chunk = make([]byte, max(n, min(walkChunk, int64(w.hwm)*w.ps)))
	}
	w.chunk, w.chunkOff = w.chunk[:n], int64(first)*w.ps
	if _, err := w.r.ReadAt(w.chunk, w.chunkOff); err != nil {
		return fmt.Errorf("side %d kan ikke leses: %v", first, err)
	}
	return nil
}

// page returns page id (below hwm, in the chunk) with its overflow pages
// after checking its header. The result is valid until the next call.
func (w *pageWalker) page(id uint64, wantFlags uint16) ([]byte, error) {
	off := int64(id)*w.ps - w.chunkOff
	buf := w.chunk[off : off+w.ps]
	ne := binary.NativeEndian
	if got := ne.Uint64(buf[0:8]); got != id {
		return nil, fmt.Errorf("side %d oppgir feil sidenummer %d", id, got)
	}
	if flags := ne.Uint16(buf[8:10]); flags&wantFlags == 0 || flags&^wantFlags != 0 {
		return nil, fmt.Errorf("side %d har ugyldig type 0x%x", id, flags)
	}
	overflow := uint64(ne.Uint32(buf[12:16]))
	if id+overflow >= w.hwm {
		return nil, fmt.Errorf("side %d strekker seg utenfor filen (%d oversidesider)", id, overflow)
	}
	for i := id; i <= id+overflow; i++ {
		if w.seen[i/64]&(1<<(i%64)) != 0 {
			return nil, fmt.Errorf("side %d er referert mer enn én gang", i)
		}
		w.seen[i/64] |= 1 << (i % 64)
	}
	n := int64(overflow+1) * w.ps
	if off+n <= int64(len(w.chunk)) {
		return w.chunk[off : off+n], nil
	}
	// Overflow counts are bounded by the file (checked above), so n is too.
	if int64(cap(w.big)) < n {
		w.big = make([]byte, n)
	}
	buf = w.big[:n]
	if _, err := w.r.ReadAt(buf, int64(id)*w.ps); err != nil {
		return nil, fmt.Errorf("side %d kan ikke leses: %v", id, err)
	}
	return buf, nil
}

func (w *pageWalker) freelist(id uint64) error {
	if id < 2 || id >= w.hwm {
		return fmt.Errorf("frilisten: side %d ligger utenfor filen (grense %d)", id, w.hwm)
	}
	if err := w.read(id, id); err != nil {
		return fmt.Errorf("frilisten: %w", err)
	}
	buf, err := w.page(id, freelistPageFlag)
	if err != nil {
		return fmt.Errorf("frilisten: %w", err)
	}
	ne := binary.NativeEndian
	start, count := uint64(pageHeaderSize), uint64(ne.Uint16(buf[10:12]))
	if count == 0xFFFF { // the real count is the first element
		count = ne.Uint64(buf[start : start+8])
		start += 8
	}
	if count > uint64(len(buf))/8 || start+count*8 > uint64(len(buf)) {
		return fmt.Errorf("frilisten på side %d har for mange elementer (%d)", id, count)
	}
	for i := uint64(0); i < count; i++ {
		if p := ne.Uint64(buf[start+i*8:]); p < 2 || p >= w.hwm {
			return fmt.Errorf("frilisten nevner side %d utenfor filen", p)
		}
	}
	return nil
}

// child queues the tree page id, referred to from depth, for the next level.
func (w *pageWalker) child(id uint64, depth int) error {
	if depth+1 > maxTreeDepth {
		return fmt.Errorf("sidetreet er for dypt ved side %d", id)
	}
	w.next = append(w.next, pageRef{id: id, depth: depth + 1})
	return nil
}

// nodes checks the elements of a branch or leaf page held in buf (a page
// from the file, or an inline bucket's page inside a value) and queues
// the pages they refer to.
func (w *pageWalker) nodes(buf []byte, id uint64, depth int) error {
	ne := binary.NativeEndian
	if len(buf) < pageHeaderSize {
		return fmt.Errorf("side %d er for kort", id)
	}
	flags, count := ne.Uint16(buf[8:10]), int(ne.Uint16(buf[10:12]))
	if pageHeaderSize+count*elementSize > len(buf) {
		return fmt.Errorf("side %d har for mange elementer (%d)", id, count)
	}
	for i := 0; i < count; i++ {
		off := pageHeaderSize + i*elementSize
		el := buf[off : off+elementSize]
		switch {
		case flags&branchPageFlag != 0:
			pos, ksize := int64(ne.Uint32(el[0:4])), int64(ne.Uint32(el[4:8]))
			if int64(off)+pos+ksize > int64(len(buf)) {
				return fmt.Errorf("side %d element %d peker utenfor siden", id, i)
			}
			if err := w.child(ne.Uint64(el[8:16]), depth); err != nil {
				return err
			}
		case flags&leafPageFlag != 0:
			if err := w.leafElement(buf, el, off, id, i, depth); err != nil {
				return err
			}
		default:
			return fmt.Errorf("side %d har ugyldig type 0x%x", id, flags)
		}
	}
	return nil
}

// leafElement checks element i of leaf page id (at off in buf); a bucket
// is queued, or checked in place when it is inline.
func (w *pageWalker) leafElement(buf, el []byte, off int, id uint64, i, depth int) error {
	ne := binary.NativeEndian
	eflags := ne.Uint32(el[0:4])
	pos, ksize, vsize := int64(ne.Uint32(el[4:8])), int64(ne.Uint32(el[8:12])), int64(ne.Uint32(el[12:16]))
	vstart := int64(off) + pos + ksize
	if vstart+vsize > int64(len(buf)) {
		return fmt.Errorf("side %d element %d peker utenfor siden", id, i)
	}
	if eflags&bucketLeafFlag == 0 {
		return nil
	}
	val := buf[vstart : vstart+vsize]
	if len(val) < inBucketSize {
		return fmt.Errorf("side %d element %d: ugyldig bøtte", id, i)
	}
	if root := ne.Uint64(val[0:8]); root != 0 {
		return w.child(root, depth)
	}
	// An inline bucket stores its single leaf page in the value.
	if depth+1 > maxTreeDepth {
		return fmt.Errorf("sidetreet er for dypt ved side %d", id)
	}
	return w.nodes(val[inBucketSize:], id, depth+1)
}

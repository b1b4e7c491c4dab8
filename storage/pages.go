package storage

import (
	"encoding/binary"
	"fmt"
	"io"
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
func verifyPages(r io.ReaderAt, m bboltMeta) error {
	w := pageWalker{r: r, ps: int64(m.pageSize), hwm: m.pgid, seen: make([]uint64, m.pgid/64+1)}
	if m.freelist != noFreelist {
		if err := w.freelist(m.freelist); err != nil {
			return err
		}
	}
	return w.tree(m.root, 0)
}

// pageWalker reads each page once, with one read unless it has overflow
// pages, into a buffer kept per tree depth: opening a large unit walks
// some 13 000 pages, and a read plus an allocation per page was most of
// the time it took to open the file.
type pageWalker struct {
	r    io.ReaderAt
	ps   int64
	hwm  uint64
	seen []uint64 // a bit per page id below hwm
	bufs [maxTreeDepth + 2][]byte
}

// page reads page id with its overflow pages after checking its header.
// The result is valid until the next call for the same depth.
func (w *pageWalker) page(id uint64, wantFlags uint16, depth int) ([]byte, error) {
	if id < 2 || id >= w.hwm {
		return nil, fmt.Errorf("side %d ligger utenfor filen (grense %d)", id, w.hwm)
	}
	buf := w.buffer(depth, w.ps)
	if _, err := w.r.ReadAt(buf, int64(id)*w.ps); err != nil {
		return nil, fmt.Errorf("side %d kan ikke leses: %v", id, err)
	}
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
	if overflow == 0 {
		return buf, nil
	}
	buf = w.buffer(depth, int64(overflow+1)*w.ps)
	if _, err := w.r.ReadAt(buf, int64(id)*w.ps); err != nil {
		return nil, fmt.Errorf("side %d kan ikke leses: %v", id, err)
	}
	return buf, nil
}

// buffer returns depth's buffer with length n. Overflow counts are
// bounded by the file (checked above), so n is too.
func (w *pageWalker) buffer(depth int, n int64) []byte {
	if int64(cap(w.bufs[depth])) < n {
		w.bufs[depth] = make([]byte, n)
	}
	return w.bufs[depth][:n]
}

func (w *pageWalker) freelist(id uint64) error {
	buf, err := w.page(id, freelistPageFlag, 0)
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

// tree checks the subtree rooted at page id.
func (w *pageWalker) tree(id uint64, depth int) error {
	if depth > maxTreeDepth {
		return fmt.Errorf("sidetreet er for dypt ved side %d", id)
	}
	buf, err := w.page(id, branchPageFlag|leafPageFlag, depth)
	if err != nil {
		return err
	}
	return w.nodes(buf, id, depth)
}

// nodes checks the elements of a branch or leaf page held in buf (a page
// from the file, or an inline bucket's page inside a value).
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
			if err := w.tree(ne.Uint64(el[8:16]), depth+1); err != nil {
				return err
			}
		case flags&leafPageFlag != 0:
			eflags := ne.Uint32(el[0:4])
			pos, ksize, vsize := int64(ne.Uint32(el[4:8])), int64(ne.Uint32(el[8:12])), int64(ne.Uint32(el[12:16]))
			vstart := int64(off) + pos + ksize
			if vstart+vsize > int64(len(buf)) {
				return fmt.Errorf("side %d element %d peker utenfor siden", id, i)
			}
			if eflags&bucketLeafFlag == 0 {
				continue
			}
			val := buf[vstart : vstart+vsize]
			if len(val) < inBucketSize {
				return fmt.Errorf("side %d element %d: ugyldig bøtte", id, i)
			}
			if root := ne.Uint64(val[0:8]); root != 0 {
				if err := w.tree(root, depth+1); err != nil {
					return err
				}
			} else if err := w.nodes(val[inBucketSize:], id, depth+1); err != nil {
				// An inline bucket stores its single leaf page in the value.
				return err
			}
		default:
			return fmt.Errorf("side %d har ugyldig type 0x%x", id, flags)
		}
	}
	return nil
}

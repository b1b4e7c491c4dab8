package storage

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
)

// bbolt on-disk layout of a meta page (go.etcd.io/bbolt/internal/common).
// We parse it ourselves because bbolt.Open would initialise a 0-byte file
// and may touch other broken files; the pre-check guarantees that a file
// we refuse is never written.
const (
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	pageHeaderSize = 16 // id u64, flags u16, count u16, overflow u32
	metaSize       = 64 // magic, version, pageSize, flags u32; root{pgid,seq}; freelist, pgid, txid, checksum u64
	metaPageFlag   = 0x04
)

// bboltMeta is the part of a meta page the pre-check needs.
type bboltMeta struct {
	pageSize uint32
	root     uint64 // root page of the root bucket
	freelist uint64
	pgid     uint64 // high-water mark
	txid     uint64
}

// parseMeta validates one meta page read from the start of buf.
func parseMeta(buf []byte) (bboltMeta, error) {
	if len(buf) < pageHeaderSize+metaSize {
		return bboltMeta{}, errors.New("filen er for kort")
	}
	ne := binary.NativeEndian // bbolt writes its structs in host byte order
	flags := ne.Uint16(buf[8:10])
	m := buf[pageHeaderSize : pageHeaderSize+metaSize]
	if ne.Uint32(m[0:4]) != boltMagic {
		return bboltMeta{}, errors.New("ukjent filformat")
	}
	if ne.Uint32(m[4:8]) != boltVersion {
		return bboltMeta{}, errors.New("ukjent versjon av filformatet")
	}
	h := fnv.New64a()
	h.Write(m[:56])
	if h.Sum64() != ne.Uint64(m[56:64]) {
		return bboltMeta{}, errors.New("skadet filhode")
	}
	if flags&metaPageFlag == 0 {
		return bboltMeta{}, errors.New("skadet filhode")
	}
	meta := bboltMeta{
		pageSize: ne.Uint32(m[8:12]),
		root:     ne.Uint64(m[16:24]),
		freelist: ne.Uint64(m[32:40]),
		pgid:     ne.Uint64(m[40:48]),
		txid:     ne.Uint64(m[48:56]),
	}
	if meta.pageSize < 1024 || meta.pageSize > 1<<20 || meta.pageSize&(meta.pageSize-1) != 0 {
		return bboltMeta{}, errors.New("skadet filhode")
	}
	return meta, nil
}

// precheckFile refuses files that bbolt must not be handed: missing, empty,
// garbage, foreign or truncated (*NotHMSFileError), or with a damaged page
// tree (*CorruptError). It only reads.
func precheckFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return pathErr(ErrNotExist, path)
		}
		return fmt.Errorf("kan ikke lese «%s»: %w", path, err)
	}
	defer f.Close()
	best, err := checkHead(f, path)
	if err != nil {
		return err
	}
	if err := verifyPages(f, best); err != nil {
		return &CorruptError{Path: path, Detail: err.Error()}
	}
	return nil
}

// checkHead is precheckFile without the page walk: f is a regular file
// with a valid meta page, and every page below the high-water mark of
// the meta bbolt will use (returned) is in the file.
func checkHead(f *os.File, path string) (bboltMeta, error) {
	info, err := f.Stat()
	if err != nil {
		return bboltMeta{}, fmt.Errorf("kan ikke lese «%s»: %w", path, err)
	}
	if !info.Mode().IsRegular() {
		return bboltMeta{}, &NotHMSFileError{Path: path, Reason: "ikke en vanlig fil"}
	}
	size := info.Size()
	if size == 0 {
		return bboltMeta{}, &NotHMSFileError{Path: path, Reason: "filen er tom"}
	}
	valid, firstErr := validMetas(f)
	if len(valid) == 0 {
		return bboltMeta{}, &NotHMSFileError{Path: path, Reason: firstErr.Error()}
	}

	// bbolt uses the valid meta with the highest transaction id; all pages
	// below its high-water mark must be in the file.
	best := valid[0]
	for _, m := range valid[1:] {
		if m.txid > best.txid {
			best = m
		}
	}
	need := int64(best.pgid) * int64(best.pageSize)
	if need < 2*int64(best.pageSize) || size < need {
		return bboltMeta{}, &NotHMSFileError{Path: path, Reason: fmt.Sprintf("filen er avkortet: %d byte, forventet minst %d", size, need)}
	}
	return best, nil
}

// validMetas returns the file's valid meta pages, or none and why the
// first is not valid.
func validMetas(f *os.File) (valid []bboltMeta, firstErr error) {
	readAt := func(off int64) []byte {
		buf := make([]byte, pageHeaderSize+metaSize)
		n, _ := f.ReadAt(buf, off)
		if n < len(buf) {
			return nil
		}
		return buf
	}
	m0, err0 := parseMeta(readAt(0))
	if err0 == nil {
		valid = append(valid, m0)
		if m1, err := parseMeta(readAt(int64(m0.pageSize))); err == nil && m1.pageSize == m0.pageSize {
			valid = append(valid, m1)
		}
		return valid, nil
	}
	// Meta 0 may be the one torn by a crash; bbolt then falls back to
	// meta 1, whose offset depends on the page size, so try the usual ones.
	seen := map[int]bool{}
	for _, ps := range []int{os.Getpagesize(), 4096, 8192, 16384, 32768, 65536} {
		if seen[ps] {
			continue
		}
		seen[ps] = true
		if m1, err := parseMeta(readAt(int64(ps))); err == nil && int(m1.pageSize) == ps {
			return append(valid, m1), err0
		}
	}
	return nil, err0
}

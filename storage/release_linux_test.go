package storage

import (
	"slices"
	"testing"
	"unsafe"
)

// TestMappedRanges: the pages let go of after a read are the 64 kB
// windows around the values read, joined where they touch, and never
// outside the map.
func TestMappedRanges(t *testing.T) {
	const w = releaseWindow
	buf := make([]byte, 8*w)
	// base: the first window boundary inside buf, so the cases are exact.
	at := uintptr(unsafe.Pointer(&buf[0]))
	off := int((at+w-1)&^(w-1) - at)
	base := at + uintptr(off)
	end := base + 6*w
	val := func(from, n int) []byte { return buf[off+from : off+from+n] }
	r := func(lo, hi int) addrRange { return addrRange{base + uintptr(lo), base + uintptr(hi)} }
	tests := []struct {
		name string
		raws [][]byte
		want []addrRange
	}{
		{"one value inside a window", [][]byte{val(100, 10)}, []addrRange{r(0, w)}},
		{"a value across two windows", [][]byte{val(w-5, 10)}, []addrRange{r(0, 2*w)}},
		{"neighbouring windows joined", [][]byte{val(w+1, 1), val(1, 1)}, []addrRange{r(0, 2*w)}},
		{"apart", [][]byte{val(4*w, 1), val(0, 1)}, []addrRange{r(0, w), r(4*w, 5*w)}},
		{"a window ends at the map", [][]byte{val(6*w-1, 1)}, []addrRange{r(5*w, 6*w)}},
		{"outside the map left alone", [][]byte{val(6*w, 1), {}}, []addrRange{}},
		{"same window twice", [][]byte{val(5, 1), val(50, 1)}, []addrRange{r(0, w)}},
	}
	for _, tc := range tests {
		got := mappedRanges(tc.raws, base, end)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

package storage

import (
	"reflect"
	"testing"
	"time"
)

type cloneNode struct {
	Name     string
	Kids     []cloneNode
	Next     *cloneNode
	Tags     map[string][]int
	Any      any
	Arr      [2][]int
	When     time.Time
	private  []string
	Fn       func() int
	Constant string
}

// TestCloneSharesNothing: every slice, map, pointer and interface of a
// recursive value is copied, also unexported ones; time.Time and funcs
// are kept as they are.
func TestCloneSharesNothing(t *testing.T) {
	mk := func() cloneNode {
		return cloneNode{Name: "a",
			Kids:    []cloneNode{{Name: "b", Tags: map[string][]int{"x": {1}}}},
			Next:    &cloneNode{Name: "c", Kids: []cloneNode{{Name: "d"}}},
			Tags:    map[string][]int{"y": {2, 3}},
			Any:     &cloneNode{Name: "e"},
			Arr:     [2][]int{{4}, {5}},
			When:    time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC),
			private: []string{"p"},
		}
	}
	orig := mk()
	c := Clone(orig)
	c.Kids[0].Name = "X"
	c.Kids[0].Tags["x"][0] = 9
	c.Next.Kids[0].Name = "X"
	c.Tags["y"][1] = 9
	c.Tags["z"] = nil
	c.Any.(*cloneNode).Name = "X"
	c.Arr[1][0] = 9
	c.private[0] = "X"
	if !reflect.DeepEqual(orig, mk()) {
		t.Errorf("changing the clone changed the original: %+v", orig)
	}
	list := []cloneNode{mk(), mk()}
	cl := cloneList(list)
	cl[1].Next.Name = "X"
	if list[1].Next.Name != "c" {
		t.Error("cloneList shares a pointer")
	}
	if got := cloneList([]cloneNode(nil)); got != nil {
		t.Errorf("nil list cloned to %v", got)
	}
	var nilNode cloneNode
	if got := Clone(nilNode); !reflect.DeepEqual(got, nilNode) {
		t.Errorf("zero value cloned to %+v", got)
	}
}

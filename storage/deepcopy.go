package storage

import (
	"reflect"
	"slices"
	"sync"
	"time"
	"unsafe"
)

// Deep copies for the list cache: a list handed out must share nothing
// with the cached one, or a screen changing a meeting's participants in
// place would change what every later read returns without a write.
//
// The copier for a type is built once from its reflect.Type: a function
// that, given a shallow copy, replaces every slice, map and pointer in it
// by a copy of its own. Types with nothing to replace (strings, numbers,
// dates) get none, so a list of such records costs one slices.Clone.
// time.Time is treated as a value: its location pointer is never changed.

// fixer replaces the references in the value of its type at p (a
// shallow copy the caller owns) by copies.
type fixer func(p unsafe.Pointer)

var fixers sync.Map // reflect.Type → fixer (nil: nothing to replace)

// cloneList returns a copy of list that shares no slice, map or pointer
// with it.
func cloneList[T any](list []T) []T {
	out := slices.Clone(list)
	fix := fixerFor(reflect.TypeFor[T]())
	if fix == nil {
		return out
	}
	for i := range out {
		fix(unsafe.Pointer(&out[i]))
	}
	return out
}

// fixerFor returns the fixer for t, nil when t holds no references.
func fixerFor(t reflect.Type) fixer {
	if f, ok := fixers.Load(t); ok {
		return f.(fixer)
	}
	f := buildFixer(t, map[reflect.Type]*fixer{})
	fixers.Store(t, f)
	return f
}

var timeType = reflect.TypeFor[time.Time]()

// buildFixer builds t's fixer. building holds the types being built, so a
// recursive type refers to its own fixer through a pointer.
func buildFixer(t reflect.Type, building map[reflect.Type]*fixer) fixer {
	if p, ok := building[t]; ok {
		return func(v unsafe.Pointer) {
			if *p != nil {
				(*p)(v)
			}
		}
	}
	if f, ok := fixers.Load(t); ok {
		return f.(fixer)
	}
	slot := new(fixer)
	building[t] = slot
	*slot = buildKind(t, building)
	delete(building, t)
	return *slot
}

func buildKind(t reflect.Type, building map[reflect.Type]*fixer) fixer {
	switch t.Kind() {
	case reflect.Slice:
		return sliceFixer(t, buildFixer(t.Elem(), building))
	case reflect.Pointer:
		return pointerFixer(t, buildFixer(t.Elem(), building))
	case reflect.Map:
		return mapFixer(t)
	case reflect.Interface:
		return interfaceFixer(t)
	case reflect.Array:
		return arrayFixer(t, buildFixer(t.Elem(), building))
	case reflect.Struct:
		if t == timeType {
			return nil
		}
		return structFixer(t, building)
	}
	return nil // strings, numbers, bools; funcs and channels stay shared
}

func sliceFixer(t reflect.Type, elem fixer) fixer {
	size := t.Elem().Size()
	return func(p unsafe.Pointer) {
		v := reflect.NewAt(t, p).Elem()
		if v.IsNil() {
			return
		}
		n := reflect.MakeSlice(t, v.Len(), v.Len())
		reflect.Copy(n, v)
		if elem != nil {
			base := n.UnsafePointer()
			for i := 0; i < n.Len(); i++ {
				elem(unsafe.Add(base, uintptr(i)*size))
			}
		}
		v.Set(n)
	}
}

func pointerFixer(t reflect.Type, elem fixer) fixer {
	return func(p unsafe.Pointer) {
		old := *(*unsafe.Pointer)(p)
		if old == nil {
			return
		}
		n := reflect.New(t.Elem())
		n.Elem().Set(reflect.NewAt(t.Elem(), old).Elem())
		if elem != nil {
			elem(n.UnsafePointer())
		}
		reflect.NewAt(t, p).Elem().Set(n)
	}
}

// mapFixer copies a map with reflect: maps are rare in records.
func mapFixer(t reflect.Type) fixer {
	return func(p unsafe.Pointer) {
		v := reflect.NewAt(t, p).Elem()
		if v.IsNil() {
			return
		}
		elem := fixerFor(t.Elem())
		m := reflect.MakeMapWithSize(t, v.Len())
		it := v.MapRange()
		for it.Next() {
			c := reflect.New(t.Elem())
			c.Elem().Set(it.Value())
			if elem != nil {
				elem(c.UnsafePointer())
			}
			m.SetMapIndex(it.Key(), c.Elem())
		}
		v.Set(m)
	}
}

func interfaceFixer(t reflect.Type) fixer {
	return func(p unsafe.Pointer) {
		v := reflect.NewAt(t, p).Elem()
		if v.IsNil() {
			return
		}
		e := v.Elem()
		f := fixerFor(e.Type())
		if f == nil {
			return
		}
		c := reflect.New(e.Type())
		c.Elem().Set(e)
		f(c.UnsafePointer())
		v.Set(c.Elem())
	}
}

func arrayFixer(t reflect.Type, elem fixer) fixer {
	if elem == nil {
		return nil
	}
	size := t.Elem().Size()
	return func(p unsafe.Pointer) {
		for i := 0; i < t.Len(); i++ {
			elem(unsafe.Add(p, uintptr(i)*size))
		}
	}
}

// structFixer fixes the fields that hold references, exported or not, so
// a cached value never shares them.
func structFixer(t reflect.Type, building map[reflect.Type]*fixer) fixer {
	type field struct {
		off uintptr
		fix fixer
	}
	var fields []field
	for i := 0; i < t.NumField(); i++ {
		if f := buildFixer(t.Field(i).Type, building); f != nil {
			fields = append(fields, field{t.Field(i).Offset, f})
		}
	}
	if len(fields) == 0 {
		return nil
	}
	return func(p unsafe.Pointer) {
		for _, f := range fields {
			f.fix(unsafe.Add(p, f.off))
		}
	}
}

// Clone returns a copy of v that shares no slice, map or pointer with it.
// A form holding a record read from the store edits its Clone, so nothing
// it changes before saving is visible anywhere else.
func Clone[T any](v T) T {
	if fix := fixerFor(reflect.TypeFor[T]()); fix != nil {
		fix(unsafe.Pointer(&v))
	}
	return v
}

package storage_test

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"hmsutvalg/assets"
	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/storage/demo"
)

// TestReadsBelongToCaller calls every read method of the Store (found by
// reflection, so a new one is covered without being listed here) on the
// demo unit, changes every slice element, map entry and pointer target in
// what it returned, and reads again: the second read must equal the first.
// Each method is called twice before the mutation so the second call comes
// from the list cache where there is one.
func TestReadsBelongToCaller(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := demo.Create(path, demo.Options{Seed: 1, Scale: 1, Today: model.NewDate(2026, 11, 24), User: "test"}); err != nil {
		t.Fatal(err)
	}
	st, err := storage.Open(path, storage.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// The demo has no template of the unit's own.
	tmpl := assets.ChecklistTemplateFor(model.SectorSykehjem)
	if _, err := st.SaveChecklistTemplate(model.CopyTemplate(tmpl, "Vår egen")); err != nil {
		t.Fatal(err)
	}
	sv := reflect.ValueOf(st)
	ids := map[reflect.Type][]uint64{}
	seen := map[reflect.Type]bool{}
	var second []reflect.Method
	for i := 0; i < sv.NumMethod(); i++ {
		m := sv.Type().Method(i)
		switch {
		case !isRead(m.Name, m.Type):
		case m.Type.NumIn() == 1:
			res, n := checkRead(t, sv.Method(i), m.Name, nil)
			collectIDs(ids, res)
			noteTypes(seen, res, n)
		default:
			second = append(second, m)
		}
	}
	for _, m := range second {
		for _, args := range argsFor(m.Type, ids) {
			res, n := checkRead(t, sv.MethodByName(m.Name), m.Name, args)
			noteTypes(seen, res, n)
		}
	}
	// The registry of entity types: every type stored in a bucket must
	// have come back from some read with something in it to mutate.
	for _, typ := range storage.RecordTypes() {
		if typ.PkgPath() == "hmsutvalg/model" && holdsRefs(typ) && !seen[typ] {
			t.Errorf("no read returned a %v with a slice, map or pointer filled in; the test does not cover it", typ)
		}
	}
}

// noteTypes records the type v is or lists, and the model types in the
// fields of a struct such as ViolenceData, when n values were mutated.
func noteTypes(seen map[reflect.Type]bool, v reflect.Value, n int) {
	if !v.IsValid() || n == 0 {
		return
	}
	t := v.Type()
	if t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	seen[t] = true
	if t.Kind() == reflect.Struct && t.PkgPath() != "hmsutvalg/model" {
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i).Type; f.Kind() == reflect.Slice {
				seen[f.Elem()] = true
			} else {
				seen[f] = true
			}
		}
	}
}

// writePrefixes are the exported methods that change the store although
// their arguments look like a read's.
var writePrefixes = []string{"Delete", "Reset", "Unlink", "Remove", "Complete", "Close", "Backup", "Set", "Save", "Add", "Import", "Link", "Transition", "Answer", "Batch", "Undo"}

// isRead reports a method whose arguments are IDs, years, flags or a
// limit and whose results are values and an error.
func isRead(name string, ft reflect.Type) bool {
	for _, p := range writePrefixes {
		if strings.HasPrefix(name, p) {
			return false
		}
	}
	if ft.NumOut() < 2 || ft.Out(ft.NumOut()-1) != reflect.TypeFor[error]() {
		return false
	}
	for i := 1; i < ft.NumIn(); i++ {
		switch ft.In(i).Kind() {
		case reflect.Uint64, reflect.Int, reflect.Bool:
		default:
			return false
		}
	}
	return true
}

func checkRead(t *testing.T, fn reflect.Value, name string, args []reflect.Value) (reflect.Value, int) {
	t.Helper()
	out := fn.Call(args)
	if err, _ := out[len(out)-1].Interface().(error); err != nil {
		t.Errorf("%s%v: %v", name, argText(args), err)
		return reflect.Value{}, 0
	}
	fn.Call(args) // a second read, now from the cache
	got := fn.Call(args)
	before := snapshot(t, got)
	n := 0
	for _, v := range got[:len(got)-1] {
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		n += mutate(c, false)
	}
	after := snapshot(t, fn.Call(args))
	if before != after {
		t.Errorf("%s%v: changing what it returned (%d changes) changed what it returns next", name, argText(args), n)
	}
	return out[0], n
}

func argText(args []reflect.Value) string {
	var s []string
	for _, a := range args {
		s = append(s, fmt.Sprint(a.Interface()))
	}
	return "(" + strings.Join(s, ", ") + ")"
}

func snapshot(t *testing.T, vs []reflect.Value) string {
	t.Helper()
	var parts []any
	for _, v := range vs[:len(vs)-1] {
		parts = append(parts, v.Interface())
	}
	b, err := json.Marshal(parts)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// mutate changes everything reachable through v's slices, maps and
// pointers (inRef: v itself is reached through one) and returns how many
// values it changed.
func mutate(v reflect.Value, inRef bool) int {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return 0
		}
		e := v.Elem()
		if v.Kind() == reflect.Interface {
			if e.Kind() != reflect.Pointer {
				return 0
			}
			e = e.Elem()
		}
		return mutate(e, true)
	case reflect.Slice:
		n := 0
		for i := 0; i < v.Len(); i++ {
			n += mutate(v.Index(i), true)
		}
		return n
	case reflect.Array:
		n := 0
		for i := 0; i < v.Len(); i++ {
			n += mutate(v.Index(i), inRef)
		}
		return n
	case reflect.Map:
		n := 0
		for _, k := range v.MapKeys() {
			c := reflect.New(v.Type().Elem()).Elem()
			c.Set(v.MapIndex(k))
			n += mutate(c, true)
			v.SetMapIndex(k, c)
		}
		return n
	case reflect.Struct:
		return mutateStruct(v, inRef)
	}
	return mutateLeaf(v, inRef)
}

func mutateStruct(v reflect.Value, inRef bool) int {
	n, exported := 0, false
	for i := 0; i < v.NumField(); i++ {
		if v.Type().Field(i).IsExported() {
			exported = true
			n += mutate(v.Field(i), inRef)
		}
	}
	if !exported && inRef && v.CanSet() && !v.IsZero() {
		v.Set(reflect.Zero(v.Type())) // a date or time: set it to zero
		n++
	}
	return n
}

func mutateLeaf(v reflect.Value, inRef bool) int {
	if !inRef || !v.CanSet() {
		return 0
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(v.String() + "·endret")
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(v.Int() + 7)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(v.Uint() + 7)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(v.Float() + 7)
	default:
		return 0
	}
	return 1
}

// holdsRefs reports a type with a slice, map or pointer somewhere inside.
func holdsRefs(t reflect.Type) bool {
	return holdsRefsSeen(t, map[reflect.Type]bool{})
}

func holdsRefsSeen(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Slice, reflect.Map, reflect.Pointer, reflect.Interface:
		return true
	case reflect.Array:
		return holdsRefsSeen(t.Elem(), seen)
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if t.Field(i).IsExported() && holdsRefsSeen(t.Field(i).Type, seen) {
				return true
			}
		}
	}
	return false
}

// collectIDs notes the IDs of the records a read returned, by type, for
// the reads that take an ID.
func collectIDs(ids map[reflect.Type][]uint64, v reflect.Value) {
	if !v.IsValid() {
		return
	}
	add := func(e reflect.Value) {
		if e.Kind() != reflect.Struct {
			return
		}
		if f := e.FieldByName("ID"); f.IsValid() && f.Kind() == reflect.Uint64 && f.Uint() != 0 && len(ids[e.Type()]) < 3 {
			ids[e.Type()] = append(ids[e.Type()], f.Uint())
		}
	}
	if v.Kind() == reflect.Slice {
		for i := 0; i < v.Len(); i++ {
			add(v.Index(i))
		}
		return
	}
	add(v)
}

// argsFor returns argument lists to call a read with: the IDs of records
// of its result type (every ID seen, for a read returning a list by a
// parent's ID), the demo's years, both flags and a limit.
func argsFor(ft reflect.Type, ids map[reflect.Type][]uint64) [][]reflect.Value {
	calls := [][]reflect.Value{nil}
	for i := 1; i < ft.NumIn(); i++ {
		var opts []reflect.Value
		in := ft.In(i)
		switch in.Kind() {
		case reflect.Uint64:
			for _, id := range idsFor(ft.Out(0), ids) {
				opts = append(opts, reflect.ValueOf(id).Convert(in))
			}
		case reflect.Int:
			for _, n := range []int{2024, 2025, 2026} {
				opts = append(opts, reflect.ValueOf(n).Convert(in))
			}
		case reflect.Bool:
			opts = []reflect.Value{reflect.ValueOf(false).Convert(in), reflect.ValueOf(true).Convert(in)}
		}
		var next [][]reflect.Value
		for _, c := range calls {
			for _, o := range opts {
				next = append(next, append(append([]reflect.Value{}, c...), o))
			}
		}
		calls = next
	}
	return calls
}

func idsFor(out reflect.Type, ids map[reflect.Type][]uint64) []uint64 {
	if got := ids[out]; len(got) > 0 || out.Kind() != reflect.Slice {
		return got
	}
	var all []uint64
	for _, v := range ids {
		all = append(all, v...)
	}
	return all
}

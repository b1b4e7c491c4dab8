package reports

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"hmsutvalg/model/submissionfile"
)

// compileSchema compiles a JSON Schema file of docs/ with a real JSON
// Schema validator (draft 2020-12), so the published schema is checked
// against what the program writes, not only against our Go rules.
func compileSchema(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "docs", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s does not parse: %v", name, err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(name, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(name)
	if err != nil {
		t.Fatalf("%s does not compile: %v", name, err)
	}
	return sch
}

func validateAgainst(t *testing.T, sch *jsonschema.Schema, what string, b []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return sch.Validate(inst)
}

// TestSchemaValidatesExports: the exports of the test units, the full
// submission and every aggregate fixture pass docs/innsending.schema.json;
// the version 1 file passes the version 1 schema; and files the Go reader
// refuses for a rule the schema can express are refused by the schema too.
func TestSchemaValidatesExports(t *testing.T) {
	v2 := compileSchema(t, "innsending.schema.json")
	full, _ := fullSubmission(t).Marshal()
	own, _ := testSubmission(t).Marshal()
	for what, b := range map[string][]byte{"full": full, "own": own} {
		if err := validateAgainst(t, v2, what, b); err != nil {
			t.Errorf("%s export fails the schema: %v", what, err)
		}
	}
	v1 := compileSchema(t, "innsending-v1.schema.json")
	old, err := os.ReadFile(filepath.Join("..", "testdata", "innsending", "v1-demo-2025.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := validateAgainst(t, v1, "v1", old); err != nil {
		t.Errorf("the version 1 file fails the version 1 schema: %v", err)
	}
	if validateAgainst(t, v2, "v1 as v2", old) == nil {
		t.Error("the version 1 file passes the version 2 schema")
	}
	for name, bad := range map[string]string{
		"status":  strings.Replace(string(full), `"status": "`, `"status": "x`, 1),
		"extra":   strings.Replace(string(full), `"year":`, `"navn": "Kari", "year":`, 1),
		"missing": withoutField(t, full, "summary"),
	} {
		if validateAgainst(t, v2, name, []byte(bad)) == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
		if _, err := submissionfile.Read([]byte(bad)); err == nil {
			t.Errorf("%s: submissionfile.Read accepts it", name)
		}
	}
}

func withoutField(t *testing.T, b []byte, key string) string {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	delete(v, key)
	out, _ := json.Marshal(v)
	return string(out)
}

// versionOne returns a version 1 file for the test unit under name: the
// export with the fields version 2 added removed.
func versionOne(t *testing.T, name string) []byte {
	t.Helper()
	s := testSubmission(t)
	s.Unit.Name = name
	b, _ := s.Marshal()
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	v["schema_version"] = 1
	delete(v, "summary")
	delete(v, "review")
	drop := map[string][]string{
		"action_plan": {"overdue_by_source"}, "risk": {"last_carried_out"},
		"deviations": {"open_serious", "notices_needed", "notices_sent", "notices_sent_after_year", "notices_outstanding"},
		"sick_leave": {"measures", "measures_overdue"}, "violence": {"last_training"},
		"ten_factor":    {"round_year", "results_on", "focus_without_measure", "measures_overdue"},
		"safety_rounds": {"last", "unfinished"}, "meetings": {"last", "unfinished"},
	}
	for obj, keys := range drop {
		if m, ok := v[obj].(map[string]any); ok {
			for _, k := range keys {
				delete(m, k)
			}
		}
	}
	out, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := submissionfile.Read(out); err != nil {
		t.Fatalf("the version 1 fixture does not read: %v", err)
	}
	return out
}

package submissionfile

import (
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestJSONSchemaStillChecksSchemas: the patched copy of the schema library
// (third_party/jsonschema, meta-schemas compiled on the first compile
// instead of at start-up) still checks a schema against its draft's
// meta-schema, and still validates documents.
func TestJSONSchemaStillChecksSchemas(t *testing.T) {
	c := jsonschema.NewCompiler()
	bad, err := jsonschema.UnmarshalJSON(strings.NewReader(`{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": 5}`))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("bad.json", bad); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Compile("bad.json"); err == nil {
		t.Fatal("a schema with «type»: 5 compiled: the meta-schema was not applied")
	}
	good, err := jsonschema.UnmarshalJSON(strings.NewReader(`{"type": "object", "required": ["year"]}`))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("good.json", good); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("good.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(map[string]any{}); err == nil {
		t.Error("a document without the required field passed")
	}
	if err := s.Validate(map[string]any{"year": 2025}); err != nil {
		t.Errorf("a valid document was refused: %v", err)
	}
}

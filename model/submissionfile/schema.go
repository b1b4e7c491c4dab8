package submissionfile

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"hmsutvalg/docs"
	"hmsutvalg/model"
)

// The submission file's format is described once, by the JSON Schemas in
// docs/ (embedded by package docs). Read validates each file
// against the schema of its version; Go checks only what a schema cannot
// say (Submission.Validate: counts adding up, dates within the year).

var (
	schemaOnce sync.Once
	schemas    map[int]*jsonschema.Schema
	schemaErr  error
)

// submissionSchema returns the compiled schema of version v.
func submissionSchema(v int) (*jsonschema.Schema, error) {
	schemaOnce.Do(func() {
		schemas = map[int]*jsonschema.Schema{}
		for v, src := range map[int][]byte{1: docs.SubmissionSchemaV1, 2: docs.SubmissionSchemaV2} {
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
			if err != nil {
				schemaErr = err
				return
			}
			name := fmt.Sprintf("innsending-v%d.schema.json", v)
			c := jsonschema.NewCompiler()
			if err := c.AddResource(name, doc); err != nil {
				schemaErr = err
				return
			}
			if schemas[v], err = c.Compile(name); err != nil {
				schemaErr = err
				return
			}
		}
	})
	if schemaErr != nil {
		return nil, schemaErr
	}
	return schemas[v], nil
}

// validateSchema checks the decoded document (json.Number for numbers)
// against the schema of its version and returns the first problem in
// Norwegian, with how many more there are; nil when valid.
func validateSchema(doc any, version int) error {
	sch, err := submissionSchema(version)
	if err != nil {
		return fmt.Errorf("skjemaet kan ikke leses: %v", err)
	}
	err = sch.Validate(doc)
	if err == nil {
		return nil
	}
	ve, ok := err.(*jsonschema.ValidationError)
	if !ok {
		return err
	}
	var msgs []string
	for _, leaf := range schemaLeaves(ve) {
		msgs = append(msgs, schemaMessage(leaf, version))
	}
	slices.Sort(msgs)
	msgs = slices.Compact(msgs)
	if len(msgs) == 0 {
		return fmt.Errorf("filen følger ikke skjemaet")
	}
	if len(msgs) > 1 {
		return fmt.Errorf("%s (og %d andre feil)", msgs[0], len(msgs)-1)
	}
	return fmt.Errorf("%s", msgs[0])
}

// schemaLeaves returns the errors to report: the innermost ones, except
// that a failed oneOf (a date or "", a count or null) or an unknown
// code among an object's keys is one error.
func schemaLeaves(e *jsonschema.ValidationError) []*jsonschema.ValidationError {
	switch e.ErrorKind.(type) {
	case *kind.OneOf, *kind.AnyOf, *kind.PropertyNames:
		return []*jsonschema.ValidationError{e}
	}
	if len(e.Causes) == 0 {
		return []*jsonschema.ValidationError{e}
	}
	var out []*jsonschema.ValidationError
	for _, c := range e.Causes {
		out = append(out, schemaLeaves(c)...)
	}
	return out
}

// schemaPath is "risk.before" or "checklist[7]".
func schemaPath(loc []string, more ...string) string {
	var b strings.Builder
	for _, p := range append(slices.Clone(loc), more...) {
		if _, err := strconv.Atoi(p); err == nil {
			b.WriteString("[" + p + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(p)
	}
	if b.Len() == 0 {
		return "(hele filen)"
	}
	return b.String()
}

// schemaMessage says in Norwegian what one schema error means.
func schemaMessage(e *jsonschema.ValidationError, version int) string {
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		return fmt.Sprintf("feltet «%s» mangler", schemaPath(e.InstanceLocation, k.Missing[0]))
	case *kind.AdditionalProperties:
		return fmt.Sprintf("ukjent felt «%s» (finnes ikke i versjon %d)", model.Shorten(schemaPath(e.InstanceLocation, k.Properties[0]), 60), version)
	case *kind.PropertyNames:
		return fmt.Sprintf("feltet «%s» har en ukjent kode «%s»", schemaPath(e.InstanceLocation), model.Shorten(k.Property, 40))
	}
	return valueMessage(e)
}

// valueMessage says what is wrong with a value.
func valueMessage(e *jsonschema.ValidationError) string {
	path := schemaPath(e.InstanceLocation)
	switch k := e.ErrorKind.(type) {
	case *kind.Type:
		return fmt.Sprintf("feltet «%s» har feil type (%s)", path, k.Got)
	case *kind.Enum:
		return fmt.Sprintf("feltet «%s» har en ukjent verdi «%s»", path, model.Shorten(fmt.Sprint(k.Got), 40))
	case *kind.Const:
		return fmt.Sprintf("feltet «%s» må være «%v»", path, k.Want)
	case *kind.Minimum:
		return fmt.Sprintf("feltet «%s» må være minst %s", path, k.Want.FloatString(0))
	case *kind.Maximum:
		return fmt.Sprintf("feltet «%s» kan være høyst %s", path, k.Want.FloatString(0))
	case *kind.MinLength:
		return fmt.Sprintf("feltet «%s» må fylles ut", path)
	case *kind.MaxLength:
		return fmt.Sprintf("feltet «%s» er for langt (høyst %d tegn)", path, k.Want)
	case *kind.Pattern:
		if strings.Contains(k.Want, "K[1-4]") {
			return fmt.Sprintf("feltet «%s» er ikke et kvartal (ÅÅÅÅ-K1 til ÅÅÅÅ-K4): «%s»", path, model.Shorten(k.Got, 40))
		}
		return fmt.Sprintf("feltet «%s» er ikke en dato (ÅÅÅÅ-MM-DD): «%s»", path, model.Shorten(k.Got, 40))
	case *kind.MinItems, *kind.MaxItems:
		return fmt.Sprintf("feltet «%s» har feil antall elementer", path)
	case *kind.UniqueItems:
		return fmt.Sprintf("feltet «%s» har samme verdi to ganger", path)
	}
	return fmt.Sprintf("feltet «%s» har en ugyldig verdi", path)
}

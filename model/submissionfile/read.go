// Package submissionfile reads the submission files units send to HR:
// the JSON, the JSON Schema of their version (docs/), and model's own
// checks of what a schema cannot say (model.Submission.Validate).
//
// It is apart from model so that model, which every command needs, does
// not depend on the JSON Schema library, which Go initialises late
// (after net/netip and Fyne's markdown packages): the annual report
// reads the unit's year as soon as model and storage are initialised,
// 10 ms sooner without it (docs/ytelse.md, «Sjuende runde»).
package submissionfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"hmsutvalg/model"
)

// Read parses and validates a submission file. A UTF-8 byte
// order mark is accepted. The error says in Norwegian what is wrong and
// wraps one of the ErrSubmission* values.
func Read(b []byte) (model.Submission, error) {
	var s model.Submission
	if len(b) > model.MaxSubmissionSize {
		return s, fmt.Errorf("%w (%d byte, høyst %d)", model.ErrSubmissionTooLarge, len(b), model.MaxSubmissionSize)
	}
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	if len(bytes.TrimSpace(b)) == 0 {
		return s, model.ErrSubmissionEmpty
	}
	if !utf8.Valid(b) {
		return s, fmt.Errorf("%w: teksten er ikke UTF-8", model.ErrSubmissionSyntax)
	}
	var raw any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil {
		return s, fmt.Errorf("%w (%s)", model.ErrSubmissionSyntax, jsonReason(err))
	}
	if dec.More() {
		return s, fmt.Errorf("%w (mer innhold etter slutten av dokumentet)", model.ErrSubmissionSyntax)
	}
	version, err := identity(raw)
	if err != nil {
		return s, err
	}
	if err := validateSchema(raw, int(version)); err != nil {
		return model.Submission{}, fmt.Errorf("%w: %s", model.ErrSubmissionInvalid, err.Error())
	}
	dec = json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return model.Submission{}, fmt.Errorf("%w: %s", model.ErrSubmissionInvalid, jsonReason(err))
	}
	if err := s.Validate(); err != nil {
		return model.Submission{}, fmt.Errorf("%w: %s", model.ErrSubmissionInvalid, err.Error())
	}
	return s, nil
}

// identity checks that the decoded document is a submission
// file (an object with «schema») of a version this program reads, and
// returns the version.
func identity(raw any) (int64, error) {
	top, ok := raw.(map[string]any)
	if !ok {
		return 0, fmt.Errorf("%w (ikke et JSON-objekt)", model.ErrSubmissionForeign)
	}
	if id, _ := top["schema"].(string); id != model.SubmissionSchema {
		if id == "" {
			return 0, fmt.Errorf("%w (mangler «schema»: «%s»)", model.ErrSubmissionForeign, model.SubmissionSchema)
		}
		return 0, fmt.Errorf("%w («schema» er «%s»)", model.ErrSubmissionForeign, model.Shorten(id, 60))
	}
	v, _ := top["schema_version"].(json.Number)
	version, err := v.Int64()
	if err != nil || version < model.SubmissionOldestVersion || version > model.SubmissionVersion {
		return 0, fmt.Errorf("%w (versjon %s; dette programmet leser versjon %d til %d)", model.ErrSubmissionVersion, model.OrNone(v.String()),
			model.SubmissionOldestVersion, model.SubmissionVersion)
	}
	return version, nil
}

// jsonReason turns encoding/json's errors into short Norwegian.
func jsonReason(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "filen slutter midt i dokumentet"
	case errors.As(err, &syn):
		return fmt.Sprintf("syntaksfeil ved tegn %d", syn.Offset)
	case errors.As(err, &typ):
		return fmt.Sprintf("feltet «%s» har feil type (%s)", typ.Field, typ.Value)
	}
	s := err.Error()
	if f, ok := strings.CutPrefix(s, "json: unknown field "); ok {
		return "ukjent felt «" + strings.Trim(f, `"`) + "»"
	}
	return strings.TrimPrefix(s, "json: ")
}

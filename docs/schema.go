// Package docs holds the published JSON Schemas of the submission file
// (innsendingsfil), so the program validates with the same files the
// documentation shows: they are the one description of the format.
package docs

import _ "embed"

// SubmissionSchemaV2 is innsending.schema.json, version 2 of the format.
//
//go:embed innsending.schema.json
var SubmissionSchemaV2 []byte

// SubmissionSchemaV1 is innsending-v1.schema.json, version 1 (still read).
//
//go:embed innsending-v1.schema.json
var SubmissionSchemaV1 []byte

package reports

import (
	"bytes"
	"encoding/csv"
)

// NewCSVWriter starts a spreadsheet file in buf the way the aggregate CSV
// does (semicolons, UTF-8 with a byte order mark, CRLF), for the register
// export in reports/registers.
func NewCSVWriter(buf *bytes.Buffer) *csv.Writer { return newCSV(buf) }

// Package ytelse holds what `make ytelse` needs to compare the annual
// report with the route a committee takes without this program: a
// document of the report's own tables converted to PDF by LibreOffice
// (issue 18). It writes that document as flat ODT XML (.fodt), so
// LibreOffice reads its own format with every style given and guesses
// nothing, and it times processes (wall time from start to exit, CPU time
// and peak RSS from the kernel's accounting of the child).
package ytelse

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"hmsutvalg/reports"
)

// fodtHead opens the document: A4 portrait with the report's margins
// (18 mm sides, 24/22 mm top and bottom), a sans-serif 9 pt body, bold
// headings, and table cells with a thin rule and 1.6/1.3 mm padding like
// the report's tables.
const fodtHead = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Sans" svg:font-family="'Noto Sans'" style:font-family-generic="swiss"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:text-properties style:font-name="Sans" fo:font-size="9pt" fo:language="nb" fo:country="NO"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="4mm"/>
  <style:text-properties fo:font-size="18pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="4mm" fo:margin-bottom="2mm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="12pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Cell" style:family="paragraph"/>
 <style:style style:name="HeadCell" style:family="paragraph">
  <style:text-properties fo:font-size="8.5pt" fo:font-weight="bold" fo:color="#ffffff"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="A4">
  <style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm" style:print-orientation="portrait"
   fo:margin-left="18mm" fo:margin-right="18mm" fo:margin-top="24mm" fo:margin-bottom="22mm"/>
 </style:page-layout>
 <style:style style:name="Tbl" style:family="table">
  <style:table-properties style:width="174mm" table:align="left" fo:margin-bottom="4mm"/>
 </style:style>
 <style:style style:name="Td" style:family="table-cell">
  <style:table-cell-properties fo:padding-left="1.6mm" fo:padding-right="1.6mm" fo:padding-top="1.3mm"
   fo:padding-bottom="1.3mm" fo:border="0.15mm solid #c8c8c8"/>
 </style:style>
 <style:style style:name="Th" style:family="table-cell">
  <style:table-cell-properties fo:padding-left="1.6mm" fo:padding-right="1.6mm" fo:padding-top="1.3mm"
   fo:padding-bottom="1.3mm" fo:border="0.15mm solid #c8c8c8" fo:background-color="#1f3a5f"/>
 </style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="A4"/>
</office:master-styles>
<office:body>
<office:text>
`

const fodtTail = "</office:text>\n</office:body>\n</office:document>\n"

// WriteFODT writes title and the tables as a flat ODT text document: each
// table under its caption as a heading, with its header row repeated on
// every page (as the report repeats it) and one paragraph per line of a
// cell. Columns share the width equally. It returns the number of body
// rows written.
func WriteFODT(w io.Writer, title string, tables []reports.RecordedTable) (rows int, err error) {
	bw := bufio.NewWriter(w)
	bw.WriteString(fodtHead)
	paragraph(bw, "text:p", "Title", title)
	for _, t := range tables {
		if t.Caption != "" {
			paragraph(bw, "text:h", "Heading", t.Caption)
		}
		rows += writeTable(bw, t)
	}
	bw.WriteString(fodtTail)
	return rows, bw.Flush()
}

// writeTable writes one table and returns its number of body rows.
func writeTable(bw *bufio.Writer, t reports.RecordedTable) int {
	cols := len(t.Header)
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return 0
	}
	fmt.Fprintf(bw, "<table:table table:style-name=\"Tbl\">\n<table:table-column table:number-columns-repeated=\"%d\"/>\n", cols)
	if t.Header != nil {
		bw.WriteString("<table:table-header-rows>\n")
		writeRow(bw, "Th", "HeadCell", t.Header, cols)
		bw.WriteString("</table:table-header-rows>\n")
	}
	for _, r := range t.Rows {
		writeRow(bw, "Td", "Cell", r, cols)
	}
	bw.WriteString("</table:table>\n")
	return len(t.Rows)
}

// writeRow writes cells, padded with empty ones to cols.
func writeRow(bw *bufio.Writer, cellStyle, paraStyle string, cells []string, cols int) {
	bw.WriteString("<table:table-row>")
	for c := range cols {
		fmt.Fprintf(bw, "<table:table-cell table:style-name=%q office:value-type=\"string\">", cellStyle)
		text := ""
		if c < len(cells) {
			text = cells[c]
		}
		for line := range strings.SplitSeq(strings.ReplaceAll(strings.TrimSpace(text), "\r\n", "\n"), "\n") {
			paragraph(bw, "text:p", paraStyle, line)
		}
		bw.WriteString("</table:table-cell>")
	}
	bw.WriteString("</table:table-row>\n")
}

// paragraph writes <tag text:style-name="style">text</tag>, with text
// escaped and characters XML does not allow dropped.
func paragraph(bw *bufio.Writer, tag, style, text string) {
	fmt.Fprintf(bw, "<%s text:style-name=%q>", tag, style)
	xml.EscapeText(bw, []byte(strings.Map(xmlChar, text)))
	fmt.Fprintf(bw, "</%s>\n", tag)
}

// xmlChar drops the runes XML 1.0 does not allow in a document (control
// characters other than tab, line feed and carriage return).
func xmlChar(r rune) rune {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return r
	case r < 0x20 || r == 0xFFFE || r == 0xFFFF:
		return -1
	}
	return r
}

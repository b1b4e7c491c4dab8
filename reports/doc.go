// Package reports turns the model into PDF documents: the action plan, the
// risk assessment, violence and threats, the annual internal-control report
// and whatever comes next. It builds on gofpdf and must not import ui or
// storage.
//
// A report is written top to bottom with a small set of building blocks:
//
//	d := reports.New(reports.Options{Title: "Handlingsplan 2026", Unit: "Solbakken sykehjem"})
//	d.Cover("Handlingsplan", "HMS-utvalget 2026", []string{"Solbakken sykehjem"})
//	d.Heading(1, "Tiltak")
//	d.Paragraph("…")
//	d.Table(reports.Table{Columns: …, Rows: …})
//	err := d.WriteFile("handlingsplan.pdf")
//
// The document takes care of page breaks (a table row or a chart is never
// split across pages), the header with title and unit on every page but the
// cover, and the footer "Laget 24.11.2026 … Side 2 av 9". Pagination keeps
// a heading with the start of its block (a Lead paragraph with the block it
// introduces), a table's header with two rows, and never leaves one row of
// a table alone on a page; PageBreakIfLessThan starts a section on a new
// page only when it would not fit. Table columns are at least as wide as
// their longest word, and text wraps only between words (see wrap.go), so
// no date, number or word is broken. SetMark marks every page of a part
// ("UTKAST"). Headings of level 1 and 2 are the PDF's bookmarks, and the
// catalog says the language is nb-NO. Text is embedded
// Noto Sans from Fyne, so æ, ø, å and the usual typography work; anything
// the font cannot draw (emoji, CJK, control characters) is replaced, never
// a crash. Errors are collected and returned by Bytes or WriteFile, so the
// building blocks return nothing.
//
// All text in the PDF is Norwegian bokmål: dates as 31.01.2026, numbers
// with decimal comma (FormatNumber).
package reports

// Package model holds the domain types and rules of HMS-utvalg: calendar
// dates, percentages, quarters, HMS years, the unit and its committee, and
// the national-ID guard used by every free-text field.
//
// The package uses only the standard library so that storage, ui and pdf
// code can share it without import cycles. Rules never read the clock;
// callers pass the current date explicitly, which keeps them testable.
// User-visible messages are Norwegian bokmål.
package model

package model

// For the tests of packages that read what model writes
// (model/submissionfile): the annual data most submission tests start
// from, and a valid Norwegian national identity number.
var (
	TestAnnual = testAnnual
	GenNID     = genNID
)

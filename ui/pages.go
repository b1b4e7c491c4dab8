package ui

import (
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/enhet"
	"hmsutvalg/ui/innstillinger"
	"hmsutvalg/ui/oversikt"
)

// Pages lists the sidebar's pages in order. Each module adds its own entry
// when it is built.
func Pages() []appctx.Page {
	return []appctx.Page{
		oversikt.Page(),
		enhet.Page(),
		innstillinger.Page(),
	}
}

package ui

import (
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/enhet"
	"hmsutvalg/ui/handlingsplan"
	"hmsutvalg/ui/innstillinger"
	"hmsutvalg/ui/oversikt"
	"hmsutvalg/ui/risiko"
)

// Pages lists the sidebar's pages in order. Each module adds its own entry
// when it is built.
func Pages() []appctx.Page {
	return []appctx.Page{
		oversikt.Page(),
		handlingsplan.Page(),
		risiko.Page(),
		enhet.Page(),
		innstillinger.Page(),
	}
}

// The dashboard shows each module's summary, in this order.
func init() {
	oversikt.Cards = []oversikt.Card{
		handlingsplan.Card,
		risiko.Card,
	}
}

package ui

import (
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/arsgjennomgang"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/enhet"
	"hmsutvalg/ui/handlingsplan"
	"hmsutvalg/ui/innstillinger"
	"hmsutvalg/ui/moter"
	"hmsutvalg/ui/oversikt"
	"hmsutvalg/ui/rapporter"
	"hmsutvalg/ui/risiko"
	"hmsutvalg/ui/sykefravar"
	"hmsutvalg/ui/tifaktor"
	"hmsutvalg/ui/vernerunde"
	"hmsutvalg/ui/vold"
)

// Pages lists the sidebar's pages in order: the meeting first (the
// committee's main use), then the registers reviewed at every meeting, the
// yearly work, reports, and the unit's own settings.
func Pages() []appctx.Page {
	return []appctx.Page{
		oversikt.Page(),
		moter.Page(),
		handlingsplan.Page(),
		avvik.Page(),
		sykefravar.Page(),
		risiko.Page(),
		vold.Page(),
		vernerunde.Page(),
		tifaktor.Page(),
		moter.WheelPage(),
		arsgjennomgang.Page(),
		rapporter.Page(),
		enhet.Page(),
		innstillinger.Page(),
	}
}

// The dashboard shows each module's summary, in this order: what is due
// now first.
func init() {
	oversikt.Cards = []oversikt.Card{
		moter.WheelCard,
		moter.Card,
		handlingsplan.Card,
		avvik.Card,
		sykefravar.Card,
		risiko.Card,
		vold.Card,
		vernerunde.Card,
		tifaktor.Card,
	}
}

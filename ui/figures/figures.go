// Package figures is the registry of live figures the meeting view shows
// per agenda item: each module registers a function for its agenda kind
// (sick leave, deviations, action plan …) in an init func, so the meeting
// view needs to know none of them. An item whose kind has no figure shows
// its notes only.
//
// A figure must hide free-text descriptions of deviations and incidents
// behind widgets.Sensitive, since the meeting view is the shared screen.
package figures

import (
	"sync"

	"fyne.io/fyne/v2"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
)

// Func builds the figure for an agenda item from the stored data. It is
// called each time the item is shown, so the figures are live.
type Func func(env *appctx.Env) fyne.CanvasObject

var (
	mu       sync.RWMutex
	registry = map[model.AgendaKind]Func{}
)

// Register sets the figure for an agenda kind, replacing any earlier one.
func Register(kind model.AgendaKind, f Func) {
	mu.Lock()
	defer mu.Unlock()
	registry[kind] = f
}

// For returns the figure for kind, or nil when no module has one.
func For(kind model.AgendaKind) Func {
	mu.RLock()
	defer mu.RUnlock()
	return registry[kind]
}

// Build returns the figure for kind, or nil when there is none.
func Build(env *appctx.Env, kind model.AgendaKind) fyne.CanvasObject {
	if f := For(kind); f != nil {
		return f(env)
	}
	return nil
}

// RegisterDefault sets the figure for kind unless one is registered
// already; for simple fallback figures that a module's own should win
// over, whichever package initialises first.
func RegisterDefault(kind model.AgendaKind, f Func) {
	mu.Lock()
	defer mu.Unlock()
	if _, ok := registry[kind]; !ok {
		registry[kind] = f
	}
}

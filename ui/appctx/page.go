package appctx

import "fyne.io/fyne/v2"

// Page is one entry in the sidebar. Each module contributes its own pages;
// modules that are not built yet have none (no placeholder screens).
type Page struct {
	ID    string
	Title string
	Icon  fyne.Resource
	// Build creates the page's content; it is called each time the page is
	// shown, so it always reflects the stored data.
	Build func(env *Env) fyne.CanvasObject
}

// SourcePages maps where a measure came from to the page that shows that
// source; each module registers its own kind, so the action plan can open
// the source without knowing the module.
var SourcePages = map[string]string{}

// ActionPlanPageID is the action plan's page: every module links its
// measures there (a constant here so modules need not import it).
const ActionPlanPageID = "handlingsplan"

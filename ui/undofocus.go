package ui

import (
	"hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/handlingsplan"
	"hmsutvalg/ui/moter"
	"hmsutvalg/ui/risiko"
	"hmsutvalg/ui/tifaktor"
	"hmsutvalg/ui/vernerunde"
)

// undoPages are the pages that open one record of an entity in the change
// log, with the focus request that opens it.
var undoPages = map[string]func(id uint64) (string, appctx.Focus){
	storage.EntityDeviation:   func(id uint64) (string, appctx.Focus) { return avvik.PageID, appctx.Focus{ID: id} },
	storage.EntityMeasure:     func(id uint64) (string, appctx.Focus) { return handlingsplan.PageID, appctx.Focus{ID: id} },
	storage.EntityMeeting:     func(id uint64) (string, appctx.Focus) { return moter.PageID, appctx.Focus{ID: id} },
	storage.EntitySafetyRound: func(id uint64) (string, appctx.Focus) { return vernerunde.PageID, appctx.Focus{ParentID: id} },
	storage.EntityAssessment:  func(id uint64) (string, appctx.Focus) { return risiko.PageID, appctx.Focus{ParentID: id} },
	storage.EntitySurveyRound: func(id uint64) (string, appctx.Focus) { return tifaktor.PageID, appctx.Focus{ParentID: id} },
}

// riskItemPage opens the assessment of a risk item put back, with the item.
func riskItemPage(env *appctx.Env, id uint64) (string, appctx.Focus, bool) {
	it, err := env.Store.RiskItem(id)
	if err != nil {
		return "", appctx.Focus{}, false
	}
	return risiko.PageID, appctx.Focus{ParentID: it.AssessmentID, ID: id}, true
}

// showUndone opens the record an undo put back (a deleted deviation is in
// the register again, opened); false when there is no page for it or the
// undo removed it (an undone creation).
func showUndone(env *appctx.Env, c storage.Change) bool {
	if c.EntityID == 0 || c.Kind == storage.ChangeCreated {
		return false
	}
	if c.Entity == storage.EntityRiskItem {
		id, f, ok := riskItemPage(env, c.EntityID)
		if ok {
			env.Open(id, f)
		}
		return ok
	}
	page, ok := undoPages[c.Entity]
	if !ok {
		return false
	}
	id, f := page(c.EntityID)
	env.Open(id, f)
	return true
}

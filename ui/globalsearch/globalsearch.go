// Package globalsearch is the search across every register, opened from
// the top bar: it lists the hits and opens the one chosen on its page.
package globalsearch

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/handlingsplan"
	"hmsutvalg/ui/i18n"
	"hmsutvalg/ui/moter"
	"hmsutvalg/ui/risiko"
	"hmsutvalg/ui/vernerunde"
	"hmsutvalg/ui/widgets"
)

// MaxShown is how many hits the list shows; the count says how many more
// there are.
const MaxShown = 200

// Target is the page and record a hit opens.
func Target(h model.SearchHit) (string, appctx.Focus) {
	f := appctx.Focus{ParentID: h.ParentID, ID: h.ID}
	switch h.Kind {
	case model.SearchDeviation:
		return avvik.PageID, f
	case model.SearchMeasure:
		return handlingsplan.PageID, f
	case model.SearchRiskItem:
		return risiko.PageID, f
	case model.SearchFinding:
		return vernerunde.PageID, f
	case model.SearchMeeting:
		if h.ItemID != 0 { // the meeting, at the agenda item the words are in
			return moter.PageID, appctx.Focus{ParentID: h.ID, ID: h.ItemID}
		}
		return moter.PageID, f
	}
	return "", f
}

// View is the search dialog.
type View struct {
	env   *appctx.Env
	data  model.SearchData
	Entry *widgets.Entry
	Count *widget.Label
	List  *widgets.List
	Hits  []model.SearchHit // all found; the list shows the first MaxShown
	Err   *widgets.ErrorText
	dlg   *widgets.KeyDialog
}

// Show opens the dialog, searching for text when it is not blank.
func Show(env *appctx.Env, text string) *View {
	v := &View{env: env, Err: widgets.NewErrorText()}
	v.load()
	v.Entry = widgets.NewEntry()
	v.Entry.SetPlaceHolder(widgets.HiddenTextPlaceholder(v.env, lang.L("Søk i avvik, tiltak, risikovurderinger, vernerunder og møter …")))
	v.Entry.OnChanged = v.Search
	v.Entry.OnSubmitted = func(string) { v.Open(0) }
	v.Count = widget.NewLabel("")
	v.Count.Wrapping = fyne.TextWrapWord
	v.List = widgets.NewTwoLineList(
		func() int { return min(len(v.Hits), MaxShown) },
		func(i widget.ListItemID) (string, string, widget.Importance) {
			first, second := RowText(v.Hits[i])
			return first, second, widget.MediumImportance
		},
	)
	v.List.OnSelected = func(i widget.ListItemID) { v.Open(i) }
	body := container.NewBorder(container.NewVBox(v.Entry, v.Count, v.Err.Label), nil, nil, nil, v.List)
	v.dlg = widgets.NewKeyDialog(env.Window, lang.L("Søk i alle registre"), body)
	v.dlg.SetCancel(lang.L("Lukk"), nil)
	v.dlg.First = v.Entry
	size := env.Window.Canvas().Size()
	v.dlg.Resize(fyne.NewSize(min(size.Width*0.9, 760), min(size.Height*0.85, 620)))
	v.dlg.Show()
	if text != "" {
		v.Entry.SetText(text)
	} else {
		v.Search("")
	}
	return v
}

// load reads every register once, when the dialog opens.
func (v *View) load() {
	st := v.env.Store
	var errs []error
	keep := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	var err error
	v.data.Deviations, err = st.Deviations()
	keep(err)
	v.data.Measures, err = st.Measures()
	keep(err)
	v.data.Assessments, err = st.Assessments()
	keep(err)
	v.data.RiskItems, err = st.AllRiskItems()
	keep(err)
	v.data.Rounds, err = st.SafetyRounds()
	keep(err)
	v.data.Meetings, err = st.Meetings()
	keep(err)
	if len(errs) > 0 {
		v.Err.Show(errs[0])
	}
}

// Search lists the hits for text; in Møtemodus sensitive text is neither
// searched nor shown (model.SearchAll).
func (v *View) Search(text string) {
	v.Hits = model.SearchAll(v.data, text, v.env.MeetingMode())
	switch {
	case model.NewSearchQuery(text).Empty():
		v.Count.SetText(lang.L("Skriv ett eller flere ord. Store og små bokstaver er likt, og «o» finner også «ø»."))
	case len(v.Hits) == 0:
		v.Count.SetText(lang.L("Ingen treff."))
	case len(v.Hits) > MaxShown:
		v.Count.SetText(fmt.Sprintf(lang.L("Viser %d av %d treff. Skriv flere ord for å finne færre."), MaxShown, len(v.Hits)))
	default:
		v.Count.SetText(fmt.Sprintf(lang.L("%d treff"), len(v.Hits)))
	}
	v.List.UnselectAll()
	v.List.Refresh()
	v.List.ScrollToTop()
}

// RowText is a hit's two lines: the register and the record's name, then
// where it is.
func RowText(h model.SearchHit) (first, second string) {
	parts := make([]string, 0, len(h.Facts)+1)
	for _, f := range h.Facts {
		parts = append(parts, i18n.T(f))
	}
	ctx := h.Context
	if h.Kind == model.SearchMeasure {
		ctx = handlingsplan.SourceText(h.Source) // the source's label, not free text
	}
	if ctx != "" {
		parts = append(parts, ctx)
	}
	return lang.L(h.Kind.Label()) + ": " + i18n.T(h.Title), strings.Join(parts, " · ")
}

// Open closes the dialog and opens hit i on its page (the page's open
// form is saved, or the user is asked, first).
func (v *View) Open(i int) {
	if i < 0 || i >= len(v.Hits) || i >= MaxShown {
		return
	}
	page, f := Target(v.Hits[i])
	v.dlg.Hide()
	v.env.Open(page, f)
}

// Dialog is the dialog (for tests).
func (v *View) Dialog() *widgets.KeyDialog { return v.dlg }

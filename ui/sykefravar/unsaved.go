package sykefravar

import "hmsutvalg/model"

// The target and limits («Mål og grenser») are a form of the page's
// guard too: figures typed and not saved are saved or asked about on
// leaving (see package unsaved), together with the quarter form.

// dirty reports whether the form differs from the stored settings; a
// figure that does not read counts as a change.
func (f *SettingsForm) dirty() bool {
	v, err := f.read()
	stored := f.loaded
	if stored.TargetSetBy == "" || stored.TargetSetBy == model.TargetByExample { // saved before it was asked, or never: the unit's as the form shows it
		stored.TargetSetBy = model.TargetByUnit
	}
	return err != nil || v != stored
}

// discard shows the stored settings again.
func (f *SettingsForm) discard() {
	f.set(f.loaded)
	f.Err.Show(nil)
}

package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/reports/registers"
	"hmsutvalg/ui/registerio"
	"hmsutvalg/ui/uitest"
)

// findCheck is the first check box under o.
func findCheck(o fyne.CanvasObject) *widget.Check {
	switch w := o.(type) {
	case *widget.Check:
		return w
	case *fyne.Container:
		for _, c := range w.Objects {
			if ch := findCheck(c); ch != nil {
				return ch
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			if ch := findCheck(c); ch != nil {
				return ch
			}
		}
	}
	return nil
}

// TestScreenshotsRegisterIO renders the export dialog with the
// descriptions ticked, and the import dialog with a good file (one row
// already there) and with a bad one (with -screenshots DIR).
func TestScreenshotsRegisterIO(t *testing.T) {
	path := uitest.DemoFile(t)
	for _, meeting := range []bool{false, true} {
		a := test.NewTempApp(t)
		a.Preferences().SetBool("motemodus", meeting)
		u := Start(a, Options{DBPath: path, Today: func() model.Date { return uitest.Today }})
		w := u.Window()
		w.Resize(fyne.NewSize(1024, 768))
		env := u.Env()
		env.Navigate("avvik")
		registerio.ShowExport(env, registerio.Deviations)
		top := w.Canvas().Overlays().Top()
		check := findCheck(top)
		if check == nil {
			t.Fatal("no «Ta med beskrivelser» in the export dialog")
		}
		test.Tap(check)
		if !uitest.HasText(top, "sensitive opplysninger") {
			t.Error("no warning after ticking the descriptions")
		}
		save(t, w, "eksporter-avvik", meeting)
		w.Canvas().Overlays().Remove(top)

		env.Navigate("handlingsplan")
		ms, _ := env.Store.Measures()
		good := "Nr.;Tiltak;Ansvarlig;Frist;Prioritert område;Status\n" +
			"1;" + ms[0].Title + ";" + ms[0].Responsible + ";" + ms[0].Deadline.String() + ";Ledelse;\n" +
			"2;Rydde lageret;Leder;31.03.2027;Ledelse;Planlagt\n" +
			"3;Ny rutine for nøkler;Verneombud;01.03.2027;Helsefremmende arbeid;Pågår\n"
		im := registerio.NewImporter(env, registers.RegMeasures)
		im.Show()
		im.Load("handlingsplan.csv", strings.NewReader(good))
		save(t, w, "importer-handlingsplan", meeting)
		im.Load("feil.csv", strings.NewReader("Tiltak;Ansvarlig;Frist;Farge\n"))
		im.Load("feil.csv", strings.NewReader("Tiltak;Ansvarlig;Frist;Prioritert område\nA;Leder;31.02.2027;Ledelse\nB;;01.03.2027;Lederskap\n"))
		save(t, w, "importer-feil", meeting)
		im.Dialog.Hide()

		// Deviations exported without descriptions, one linked to a
		// measure the unit does not have.
		env.Navigate("avvik")
		di := registerio.NewImporter(env, registers.RegDeviations)
		di.Show()
		di.Load("avvik.csv", strings.NewReader("Nr.;Dato;Sted;Kategori;Type;Alvorlighet;Tiltak nr.\n"+
			"3;02.05.2026;Kjøkken;Personskade;Uønsket hendelse;Mindre alvorlig;9999\n"+
			"4;03.05.2026;Inngangsparti;Branntilløp;Avvik;Alvorlig;\n"))
		save(t, w, "importer-avvik", meeting)
		di.Dialog.Hide()
		u.Close()
	}
}

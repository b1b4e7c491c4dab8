package registerio

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	fstorage "fyne.io/fyne/v2/storage"
	"github.com/xuri/excelize/v2"

	"hmsutvalg/reports/registers"
	"hmsutvalg/ui/uitest"
)

// One register as CSV, with the free text only when asked for; all of
// them as a workbook.
func TestExportOneRegisterOrAll(t *testing.T) {
	env, _, _ := uitest.NewEnv(t, false)
	dir := t.TempDir()
	plain, full := filepath.Join(dir, "avvik.csv"), filepath.Join(dir, "avvik-full.csv")
	if err := Write(env, plain, Export{Table: Deviations}); err != nil {
		t.Fatal(err)
	}
	if err := Write(env, full, Export{Table: Deviations, Descriptions: true}); err != nil {
		t.Fatal(err)
	}
	a, _ := os.ReadFile(plain)
	b, _ := os.ReadFile(full)
	if !bytes.HasPrefix(a, []byte("\uFEFFNr.;Dato;Sted")) || bytes.Contains(a, []byte("Hva skjedde")) {
		t.Errorf("without descriptions: %.80q", a)
	}
	if !bytes.Contains(b, []byte("Hva skjedde")) || bytes.Count(b, []byte("\r\n")) < 20 {
		t.Errorf("with descriptions: %d lines", bytes.Count(b, []byte("\r\n")))
	}
	book := filepath.Join(dir, "alle.xlsx")
	if err := Write(env, book, Export{Table: SickLeave, All: true}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if n := len(f.GetSheetList()); n != 7 {
		t.Errorf("%d sheets, want 7", n)
	}
	if err := Write(env, filepath.Join(dir, "x.csv"), Export{Table: "finnes-ikke"}); err == nil {
		t.Error("an unknown register was written")
	}
}

// The unit's own export finds every row there already; a bad file shows
// every problem and imports nothing; a good one imports in one step that
// «Angre» takes back.
func TestImportDialogPreviewImportUndo(t *testing.T) {
	env, _, st := uitest.NewEnv(t, false)
	dir := t.TempDir()
	own := filepath.Join(dir, "handlingsplan.csv")
	if err := Write(env, own, Export{Table: Measures, Descriptions: true}); err != nil {
		t.Fatal(err)
	}
	before, _ := st.Measures()
	im := NewImporter(env, registers.RegMeasures)
	raw, _ := os.ReadFile(own)
	im.Load("handlingsplan.csv", bytes.NewReader(raw))
	if !im.Import.Disabled() || !strings.Contains(im.File.Text, "finnes allerede") || !strings.Contains(im.Lines()[0], "hoppes over") {
		t.Errorf("own export: disabled=%v %q %q", im.Import.Disabled(), im.File.Text, im.Lines()[0])
	}

	im.Load("ny.csv", strings.NewReader("Tiltak;Ansvarlig;Frist;Prioritert område\nRydde lageret;Leder;31.03.2027;Ledelse\nNy rutine for nøkler;Verneombud;01.03.2027;Ledelse\n"))
	if im.Import.Disabled() {
		t.Fatalf("good file refused: %v", im.Lines())
	}
	if !im.DoImport() || !strings.Contains(im.Done, "Importerte 2 rader") || !strings.Contains(im.Done, "fjerner hele importen") {
		t.Fatalf("import: %q", im.Done)
	}
	after, _ := st.Measures()
	if len(after) != len(before)+2 {
		t.Errorf("%d measures after, want %d", len(after), len(before)+2)
	}
	if _, err := st.UndoLast(); err != nil {
		t.Fatal(err)
	}
	if undone, _ := st.Measures(); len(undone) != len(before) {
		t.Errorf("after Angre: %d measures, want %d", len(undone), len(before))
	}
}

// An import too large for «Angre» says so instead of promising it.
func TestImportTooLargeToUndoSaysSo(t *testing.T) {
	env, _, _ := uitest.NewEnv(t, false)
	var b strings.Builder
	b.WriteString("Tiltak;Ansvarlig;Frist;Prioritert område\n")
	for i := range 201 {
		fmt.Fprintf(&b, "Tiltak %d;Leder;31.03.2027;Ledelse\n", i+1)
	}
	im := NewImporter(env, registers.RegMeasures)
	im.Load("stor.csv", strings.NewReader(b.String()))
	if !im.DoImport() || !strings.Contains(im.Done, "Importerte 201 rader") || !strings.Contains(im.Done, "for stor til å angres") {
		t.Errorf("result %q", im.Done)
	}
}

// A bad file lists every problem and imports nothing.
func TestImportDialogRefusesBadFile(t *testing.T) {
	env, _, st := uitest.NewEnv(t, false)
	before, _ := st.Measures()
	im := NewImporter(env, registers.RegMeasures)
	im.Load("feil.csv", strings.NewReader("Tiltak;Ansvarlig;Frist;Prioritert område\nA;Leder;31.02.2027;Ledelse\nB;;01.03.2027;Ledelse\n"))
	lines := strings.Join(im.Lines(), "\n")
	if !im.Import.Disabled() || !strings.Contains(lines, "Linje 2, kolonne «Frist»") || !strings.Contains(lines, "Linje 3, kolonne «Ansvarlig»") {
		t.Errorf("bad file: disabled=%v\n%s", im.Import.Disabled(), lines)
	}
	if len(im.Problems.Objects) != 2 {
		t.Errorf("%d problem lines, want 2", len(im.Problems.Objects))
	}
	if im.DoImport() {
		t.Error("a bad file imported")
	}
	if after, _ := st.Measures(); len(after) != len(before) {
		t.Errorf("%d measures after a refused import, want %d", len(after), len(before))
	}
}

// A deviation file exported without descriptions, with a link to a
// measure the unit does not have, imports: the preview says which number
// the row gets, that «Hva skjedde» gets a note, and that the link is
// dropped unless the action plan is imported first.
func TestImportDialogDeviationsWithoutTextAndLinks(t *testing.T) {
	env, _, st := uitest.NewEnv(t, false)
	_, next, err := st.NextImportIDs()
	if err != nil {
		t.Fatal(err)
	}
	im := NewImporter(env, registers.RegDeviations)
	im.Load("avvik.csv", strings.NewReader("Nr.;Dato;Sted;Kategori;Type;Alvorlighet;Tiltak nr.\n"+
		"3;02.05.2026;Kjøkken;Personskade;Uønsket hendelse;Mindre alvorlig;9999\n"))
	lines := strings.Join(im.Lines(), "\n")
	for _, want := range []string{
		fmt.Sprintf("Ny – blir nr. %d (var nr. 3 i filen)", next),
		"Filen har ikke kolonnen «Hva skjedde»; feltet får en merknad",
		"Tiltak nr. 9999 finnes ikke i handlingsplanen; koblingen tas ikke med",
	} {
		if !strings.Contains(lines, want) {
			t.Errorf("preview lacks %q:\n%s", want, lines)
		}
	}
	if !strings.Contains(im.File.Text, "1 kobling til tiltak tas ikke med") || !strings.Contains(im.File.Text, "importer handlingsplanen") || im.Import.Disabled() {
		t.Errorf("summary %q (import disabled %v)", im.File.Text, im.Import.Disabled())
	}
	if !im.DoImport() {
		t.Fatalf("import refused: %v", im.Err.Label.Text)
	}
	d, err := st.Deviation(next)
	if err != nil || d.WhatHappened != registers.MissingText || len(d.MeasureIDs) != 0 {
		t.Errorf("imported %+v, %v", d, err)
	}
}

// A bad file says to fix it and choose it again (the screen's words).
func TestImportDialogBadFileSaysChooseAgain(t *testing.T) {
	env, _, _ := uitest.NewEnv(t, false)
	im := NewImporter(env, registers.RegMeasures)
	im.Load("feil.csv", strings.NewReader("Tiltak;Ansvarlig;Frist;Prioritert område\nA;Leder;31.02.2027;Ledelse\n"))
	if !strings.Contains(im.File.Text, "Ingenting importeres før alle radene er riktige. Rett filen og velg den på nytt.") {
		t.Errorf("summary %q", im.File.Text)
	}
}

// Issue 20: the action plan imported into the demo unit's plan (which
// has measures) gets new numbers; the deviation register of the same
// export, with handlingsplan.csv beside it, links the measure the file
// meant, and the preview says so. Without the plan the link is left out
// with a note naming the measure that has the number here.
func TestImportDialogLinksFollowRenumberedPlan(t *testing.T) {
	env, _, st := uitest.NewEnv(t, false)
	plan := "Nr.;Tiltak;Ansvarlig;Frist;Prioritert område\n3;Nye håndtak på skyvedørene;Leder;31.03.2027;Ledelse\n"
	pi := NewImporter(env, registers.RegMeasures)
	pi.Load("handlingsplan.csv", strings.NewReader(plan))
	if !pi.DoImport() {
		t.Fatalf("plan import refused: %v %q", pi.Err.Label.Text, pi.Lines())
	}
	ms, _ := st.Measures()
	var newID uint64
	for _, m := range ms {
		if m.Title == "Nye håndtak på skyvedørene" {
			newID = m.ID
		}
	}
	here3, err := st.Measure(3)
	if newID == 0 || newID == 3 || err != nil {
		t.Fatalf("the plan kept its number (%d) or the demo has no measure 3: %v", newID, err)
	}
	devs := "Nr.;Dato;Sted;Kategori;Type;Alvorlighet;Hva skjedde;Tiltak nr.\n" +
		"5;02.05.2026;Kjøkken;Personskade;Uønsket hendelse;Mindre alvorlig;Klemte fingeren i skyvedøren;3\n"

	im := NewImporter(env, registers.RegDeviations)
	im.LoadWithPlan("avvik.csv", strings.NewReader(devs), strings.NewReader(plan))
	lines := strings.Join(im.Lines(), "\n")
	if want := fmt.Sprintf("Tiltak nr. 3 i filen («Nye håndtak på skyvedørene») er nr. %d i handlingsplanen; koblingen følger tiltaket", newID); !strings.Contains(lines, want) {
		t.Errorf("preview lacks %q:\n%s", want, lines)
	}
	if !strings.Contains(im.File.Text, "kjennes igjen fra handlingsplan.csv i samme mappe") || strings.Contains(im.File.Text, "tas ikke med") {
		t.Errorf("summary %q", im.File.Text)
	}
	alone := NewImporter(env, registers.RegDeviations)
	alone.Load("avvik.csv", strings.NewReader(devs))
	if want := fmt.Sprintf("Tiltak nr. 3 er «%s» i handlingsplanen, men filen har ikke handlingsplanen med", here3.Title); !strings.Contains(strings.Join(alone.Lines(), "\n"), want) {
		t.Errorf("preview without the plan lacks %q:\n%s", want, strings.Join(alone.Lines(), "\n"))
	}
	if !im.DoImport() {
		t.Fatalf("import refused: %v", im.Err.Label.Text)
	}
	ds, _ := st.Deviations()
	for _, d := range ds {
		if d.WhatHappened == "Klemte fingeren i skyvedøren" && !slices.Equal(d.MeasureIDs, []uint64{newID}) {
			t.Errorf("imported deviation links %v, want [%d]", d.MeasureIDs, newID)
		}
	}
}

// The file dialog's avvik.csv finds handlingsplan.csv beside it; a
// workbook, the plan itself and a folder without it give none.
func TestImportDialogFindsPlanBesideFile(t *testing.T) {
	env, _, _ := uitest.NewEnv(t, false)
	dir := t.TempDir()
	for _, n := range []string{"avvik.csv", "handlingsplan.csv", "registre.xlsx"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(n), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	other := t.TempDir()
	if err := os.WriteFile(filepath.Join(other, "avvik.csv"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	devs, plans := NewImporter(env, registers.RegDeviations), NewImporter(env, registers.RegMeasures)
	for _, c := range []struct {
		im   *Importer
		path string
		want bool
	}{
		{devs, filepath.Join(dir, "avvik.csv"), true},
		{devs, filepath.Join(dir, "registre.xlsx"), false},
		{devs, filepath.Join(dir, "handlingsplan.csv"), false},
		{devs, filepath.Join(other, "avvik.csv"), false},
		{plans, filepath.Join(dir, "avvik.csv"), false},
	} {
		r := c.im.siblingPlan(fstorage.NewFileURI(c.path))
		if (r != nil) != c.want {
			t.Errorf("%s (%s): plan found %v, want %v", c.path, c.im.reg, r != nil, c.want)
		}
		if r != nil {
			b, _ := io.ReadAll(r)
			r.Close()
			if string(b) != "handlingsplan.csv" {
				t.Errorf("read %q", b)
			}
		}
	}
}

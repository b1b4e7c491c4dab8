package registerio

import (
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/reports/registers"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/widgets"
)

// ImportButton is «Importer …» for the action plan or the deviation
// register; open makes the dialog (NewImporter, with the page's
// OnImported).
func ImportButton(open func() *Importer) *widget.Button {
	return widget.NewButtonWithIcon(lang.L("Importer …"), theme.DownloadIcon(), func() { open().Show() })
}

// Importer is the import dialog: choose a file, see every row (or every
// problem) and import all of it – or nothing.
type Importer struct {
	env     *appctx.Env
	reg     registers.Register
	name    string
	preview registers.Preview
	lines   []line

	Choose *widget.Button
	File   *widget.Label // what the file holds and what an import does
	List   *widget.List  // the rows of a good file
	// Problems are the errors of a bad file, wrapped, one label each (at
	// most maxProblems).
	Problems *fyne.Container
	body     *fyne.Container
	content  *fyne.Container // the summary above the rows: laid out again when it changes
	Dialog   *widgets.KeyDialog
	Import   *widgets.KeyButton
	Err      *widgets.ErrorText
	Done     string // the last import's result, for the information dialog
	// OnImported runs after rows were stored (the page reloads its list).
	OnImported func()
	loaded     bool
	showing    bool
}

// line is one line of the list.
type line struct {
	text string
	imp  widget.Importance
}

// NewImporter builds the dialog for register reg; Show opens it.
func NewImporter(env *appctx.Env, reg registers.Register) *Importer {
	im := &Importer{env: env, reg: reg, Err: widgets.NewErrorText()}
	im.Choose = widget.NewButtonWithIcon(lang.L("Velg fil …"), theme.FolderOpenIcon(), im.chooseFile)
	im.File = widget.NewLabel(lang.L("Ingen fil valgt."))
	im.File.Wrapping = fyne.TextWrapWord
	im.List = widget.NewList(func() int { return len(im.lines) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if i < len(im.lines) {
				l.Importance = im.lines[i].imp
				l.SetText(im.lines[i].text)
			}
		})
	title := lang.L("Importer tiltak til handlingsplanen")
	help := lang.L("Velg en CSV-fil (semikolondelt) eller en Excel-arbeidsbok med de samme kolonnene som\n«Eksporter …» skriver. Tiltak, Ansvarlig, Frist og Prioritert område må være med. Ingenting lagres før\ndu har sett radene og trykket «Importer»; har én rad feil, importeres ingenting.")
	if reg == registers.RegDeviations {
		title = lang.L("Importer avvik til avviksregisteret")
		help = lang.L("Velg en CSV-fil (semikolondelt) eller en Excel-arbeidsbok med de samme kolonnene som\n«Eksporter …» skriver. Uten beskrivelsene får «Hva skjedde» en merknad om at teksten\nmangler. Importer handlingsplanen først, så blir koblingene til tiltakene med. Ingenting\nlagres før du har sett radene og trykket «Importer»; har én rad feil, importeres ingenting.")
	}
	top := container.NewVBox(widget.NewLabel(help), container.NewHBox(im.Choose), im.File, im.Err.Label)
	im.Problems = container.NewVBox()
	im.body = container.NewStack(im.List)
	im.content = container.NewBorder(top, nil, nil, nil, im.body)
	im.Dialog = widgets.NewKeyDialog(env.Window, title, im.content)
	im.Dialog.SetCancel(lang.L("Lukk"), nil)
	im.Import = im.Dialog.AddSubmit(lang.L("Importer"), theme.DownloadIcon(), widget.HighImportance, im.DoImport)
	im.Import.Disable()
	im.Dialog.Default = im.Import
	im.Dialog.First = im.Choose
	return im
}

// Show opens the dialog.
func (im *Importer) Show() {
	im.showing = true
	im.Dialog.Resize(fyne.NewSize(820, 560))
	im.Dialog.Show()
}

func (im *Importer) chooseFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			im.Err.Show(err)
			return
		}
		if r == nil {
			return
		}
		defer r.Close()
		plan := im.siblingPlan(r.URI())
		if plan != nil {
			defer plan.Close()
		}
		im.LoadWithPlan(r.URI().Name(), r, plan)
	}, im.env.Window)
	d.SetFilter(fstorage.NewExtensionFileFilter([]string{".csv", ".txt", ".xlsx"}))
	widgets.ShowFileDialog(d, im.env.Window)
}

// siblingPlan opens handlingsplan.csv beside a deviation CSV file (the
// action plan of the same export), so the links to measures follow the
// measures, not their numbers; nil when there is none.
func (im *Importer) siblingPlan(u fyne.URI) io.ReadCloser {
	if im.reg != registers.RegDeviations || strings.EqualFold(u.Extension(), ".xlsx") || strings.EqualFold(u.Name(), registers.PlanFileName) {
		return nil
	}
	dir, err := fstorage.Parent(u)
	if err != nil {
		return nil
	}
	planURI, err := fstorage.Child(dir, registers.PlanFileName)
	if err != nil {
		return nil
	}
	r, err := fstorage.Reader(planURI)
	if err != nil {
		return nil
	}
	return r
}

// Load reads a file into the preview, checked against the unit's records
// as of today. Nothing is stored until DoImport.
func (im *Importer) Load(name string, r io.Reader) { im.LoadWithPlan(name, r, nil) }

// LoadWithPlan is Load with the action plan of the same export given
// apart (handlingsplan.csv beside avvik.csv; nil: none): a deviation's
// links to measures then follow the measures (registers.ReadImportWithPlan).
func (im *Importer) LoadWithPlan(name string, r, plan io.Reader) {
	im.name, im.loaded = name, true
	im.Err.Show(nil)
	var ex registers.Existing
	var err error
	if ex.Measures, err = im.env.Store.Measures(); err == nil {
		ex.Deviations, err = im.env.Store.Deviations()
	}
	if err == nil {
		ex.NextMeasure, ex.NextDeviation, err = im.env.Store.NextImportIDs()
	}
	if err != nil {
		im.Err.Show(err)
		im.Import.Disable()
		return
	}
	im.preview = registers.ReadImportWithPlan(r, plan, im.reg, ex, im.env.Today())
	im.lines = previewLines(im.preview)
	summary := im.preview.Summary(name)
	if plan != nil {
		summary += " " + fmt.Sprintf(lang.L("Tiltakene avvikene viser til, kjennes igjen fra %s i samme mappe."), registers.PlanFileName)
	}
	im.File.Importance = widget.MediumImportance
	if len(im.preview.Errs()) > 0 {
		summary += " " + lang.L("Rett filen og velg den på nytt.")
		im.File.Importance = widget.DangerImportance
	}
	im.File.SetText(summary)
	im.File.Refresh()
	if len(im.preview.Errs()) == 0 && im.preview.NewCount() > 0 {
		im.Import.Enable()
	} else {
		im.Import.Disable()
	}
	im.showProblems()
	im.content.Refresh() // a longer summary takes more lines
	im.List.Refresh()
	im.List.ScrollToTop()
}

// maxProblems is the most errors listed; the rest are counted.
const maxProblems = 200

// showProblems puts a bad file's errors, wrapped so none is cut, in place
// of the list of rows.
func (im *Importer) showProblems() {
	errs := im.preview.Errs()
	im.Problems.Objects = nil
	im.body.Objects = []fyne.CanvasObject{im.List}
	if len(errs) > 0 {
		for i, e := range errs {
			if i == maxProblems {
				im.Problems.Add(widget.NewLabel(fmt.Sprintf(lang.L("… og %d feil til."), len(errs)-maxProblems)))
				break
			}
			l := widget.NewLabel(e.Error())
			l.Wrapping = fyne.TextWrapWord
			l.Importance = widget.DangerImportance
			im.Problems.Add(l)
		}
		im.body.Objects = []fyne.CanvasObject{container.NewVScroll(im.Problems)}
	}
	im.body.Refresh()
}

// previewLines are the problems of a bad file, or the rows of a good one
// with what happens to each.
func previewLines(p registers.Preview) []line {
	var out []line
	if errs := p.Errs(); len(errs) > 0 {
		for _, e := range errs {
			out = append(out, line{text: e.Error(), imp: widget.DangerImportance})
		}
		return out
	}
	for _, r := range p.Rows() {
		imp := widget.MediumImportance
		if r.Duplicate {
			imp = widget.WarningImportance
		}
		out = append(out, line{text: fmt.Sprintf(lang.L("Linje %d: %s – %s"), r.Line, r.What, r.Outcome), imp: imp})
		for _, n := range r.Notes {
			out = append(out, line{text: "    " + n, imp: widget.WarningImportance})
		}
	}
	return out
}

// Lines are the list's texts, for tests.
func (im *Importer) Lines() []string {
	out := make([]string, len(im.lines))
	for i, l := range im.lines {
		out[i] = l.text
	}
	return out
}

// Preview is the file read last.
func (im *Importer) Preview() registers.Preview { return im.preview }

// DoImport stores the new rows in one transaction; false (the dialog
// stays open) when there is nothing to import or the store refused.
func (im *Importer) DoImport() bool {
	p := im.preview
	if !im.loaded || len(p.Errs()) > 0 || p.NewCount() == 0 {
		return false
	}
	today := im.env.Today()
	prev, _ := im.env.Store.LastUndoable()
	var n int
	var err error
	if im.reg == registers.RegDeviations {
		var ds []model.Deviation
		ds, err = im.env.Store.ImportDeviations(p.Deviations.New(), im.name, today)
		n = len(ds)
	} else {
		var ms []model.Measure
		ms, err = im.env.Store.ImportMeasures(p.Measures.New(), im.name, today)
		n = len(ms)
	}
	if err != nil {
		im.Err.Show(fmt.Errorf(lang.L("Ingenting ble importert: %w"), err))
		return false
	}
	im.Done = im.result(n, prev.Seq)
	if im.OnImported != nil {
		im.OnImported()
	}
	im.env.DataChanged()
	if im.showing {
		widgets.ShowInformation(lang.L("Importert"), im.Done, im.env.Window)
	}
	return true
}

// result says what was imported and how to take it back: the import is
// the newest undoable change unless it was too large to keep (prev is the
// newest before it).
func (im *Importer) result(n int, prev uint64) string {
	s := fmt.Sprintf(lang.L("Importerte %d rader fra %s."), n, im.name)
	if dup := im.preview.Duplicates(); dup > 0 {
		s += " " + fmt.Sprintf(lang.L("%d rader fantes allerede og ble hoppet over."), dup)
	}
	if last, ok := im.env.Store.LastUndoable(); ok && last.Seq > prev {
		return s + " " + lang.L("«Angre» nederst i vinduet (Ctrl+Z) fjerner hele importen.")
	}
	return s + " " + lang.L("Importen er for stor til å angres med «Angre»; sikkerhetskopien fra da filen ble åpnet, har registeret slik det var.")
}

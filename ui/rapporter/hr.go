package rapporter

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/reports"
	"hmsutvalg/ui/pdfexport"
	"hmsutvalg/ui/widgets"
)

// maxListedProblems is how many unusable files the page names; the
// report names them all.
const maxListedProblems = 50

// hrWidgets is the HR part of the page: the units' submission files (a
// folder or single files) are read in the background with progress and
// a cancel button, aggregated against the expected units and the
// options, previewed, and saved as PDF and CSV.
type hrWidgets struct {
	Files        *widget.Label  // the files that cannot be used, with the reason, and the count
	Expected     *widgets.Entry // units that should send, one a line: "Navn" or "Navn;Kommune"
	Target       *widgets.Entry // the municipality's sick-leave target, percent (--target)
	TargetNote   *widget.Label  // the target the figures are measured against, and whose
	targetForm   *widget.Form   // the target and the minimum size; the target's label names whose it is
	MinEmployees *widgets.Entry // smallest unit shown alone in sick-leave figures (--min-employees)
	optErr       *widgets.ErrorText
	AddFolder    *widget.Button
	AddFile      *widget.Button
	ClearBtn     *widget.Button
	Progress     *widget.ProgressBar
	Busy         *widget.ProgressBarInfinite
	Status       *widget.Label
	CancelBtn    *widget.Button
	progressRow  *fyne.Container // the bars and the cancel button, shown while a job runs
	Preview      *fyne.Container // the summary's key figures
	AggBtn       *widget.Button
	CSVBtn       *widget.Button
	AttentionBtn *widget.Button

	files    []string // the chosen files and folders
	subs     []model.SubmissionFile
	problems []model.FileProblem // files that could not be read
	loaded   bool                // subs and problems are read from files
	agg      reports.Aggregation
	ready    bool // agg holds at least one unit and the options are valid
	cancel   context.CancelFunc
	reading  bool // the running job reads files (else it saves)
	jobs     sync.WaitGroup

	// Test hooks, called on the job's goroutine.
	afterFile   func(done int) // after each file read
	beforeWrite func()         // after the output is built, before it is written
}

func (s *Screen) newHR() {
	s.Files = wrapped(lang.L("Ingen filer valgt."))
	s.Expected = widgets.NewMultiLineEntry()
	s.Expected.SetPlaceHolder(lang.L("Én enhet per linje, for eksempel «Solsiden barnehage» eller «Solsiden barnehage;Eksempel kommune»"))
	s.Expected.Wrapping = fyne.TextWrapWord
	s.Expected.SetMinRowsVisible(3)
	s.Target = widgets.NewEntry()
	s.Target.SetPlaceHolder(lang.L("for eksempel 7,4"))
	s.TargetNote = wrapped("")
	s.TargetNote.Hide()
	s.MinEmployees = widgets.NewEntry()
	s.MinEmployees.SetText(fmt.Sprint(model.DefaultMinEmployees))
	// What HR typed here is kept in the user's settings as it is typed,
	// so leaving the page or closing the program loses none of it.
	expected, target, minSize := s.env.Settings.HROptions()
	s.Expected.SetText(expected)
	s.Target.SetText(target)
	if minSize != "" {
		s.MinEmployees.SetText(minSize)
	}
	changed := func(string) {
		s.env.Settings.SetHROptions(s.Expected.Text, s.Target.Text, s.MinEmployees.Text)
		s.refresh()
	}
	s.Expected.OnChanged, s.Target.OnChanged, s.MinEmployees.OnChanged = changed, changed, changed
	s.optErr = widgets.NewErrorText()
	s.AddFolder = widget.NewButtonWithIcon(lang.L("Velg mappe med innsendinger …"), theme.FolderOpenIcon(), s.pickFolder)
	s.AddFile = widget.NewButtonWithIcon(lang.L("Legg til innsendingsfil …"), theme.ContentAddIcon(), s.pickFile)
	s.ClearBtn = widget.NewButtonWithIcon(lang.L("Tøm listen"), theme.ContentClearIcon(), func() { s.SetFiles(nil) })
	s.Progress = widget.NewProgressBar()
	s.Busy = widget.NewProgressBarInfinite()
	s.Busy.Stop()
	s.Status = wrapped("")
	s.CancelBtn = widget.NewButtonWithIcon(lang.L("Avbryt"), theme.CancelIcon(), s.Cancel)
	s.progressRow = container.NewBorder(nil, nil, nil, s.CancelBtn, container.NewStack(s.Progress, s.Busy))
	s.Preview = container.NewVBox()
	s.AggBtn = widget.NewButtonWithIcon(lang.L("Lag samlet rapport (PDF)"), theme.DocumentPrintIcon(), s.SaveAggregate)
	s.CSVBtn = widget.NewButtonWithIcon(lang.L("Lagre som CSV"), theme.DocumentSaveIcon(), s.SaveCSV)
	s.AttentionBtn = widget.NewButtonWithIcon(lang.L("Lagre oppmerksomhetslisten som CSV"), theme.DocumentSaveIcon(), s.SaveAttentionCSV)
	s.setBusy(false, "")
}

func (s *Screen) hrCard() *widget.Card {
	form := widget.NewForm(
		widget.NewFormItem(targetLabel(s.ready && s.agg.Several()), s.Target),
		widget.NewFormItem(lang.L("Minste enhet vist alene (ansatte)"), s.MinEmployees))
	s.targetForm = form
	return widget.NewCard(lang.L("Samle enhetenes innsendinger (HR)"), "",
		container.NewVBox(
			wrapped(lang.L("Velg mappen med innsendingsfilene fra enhetene, eller enkeltfiler. Filer som ikke kan brukes, nevnes med grunnen.")),
			container.NewGridWithColumns(1, s.AddFolder, s.AddFile, s.ClearBtn),
			s.progressRow, s.Status,
			s.Files,
			wrapped(lang.L("Enheter som skal levere (valgfritt). De som mangler, nevnes her og i den samlede rapporten.")),
			s.Expected, form, s.TargetNote, s.optErr.Label,
			s.Preview,
			container.NewGridWithColumns(1, s.AggBtn, s.CSVBtn, s.AttentionBtn)))
}

// setBusy shows or hides the progress row; reading shows the bar that
// counts files, saving the one that only moves.
func (s *Screen) setBusy(busy bool, status string) {
	s.Status.SetText(status)
	s.Status.Hidden = status == ""
	s.Status.Refresh()
	for _, o := range []fyne.CanvasObject{s.progressRow, s.CancelBtn, s.Progress, s.Busy} {
		o.Hide()
	}
	s.Busy.Stop()
	for _, b := range []*widget.Button{s.AddFolder, s.AddFile, s.ClearBtn} {
		if busy {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	if !busy {
		s.updateButtons()
		return
	}
	s.progressRow.Show()
	s.CancelBtn.Show()
	if s.reading {
		s.Progress.SetValue(0)
		s.Progress.Show()
	} else {
		s.Busy.Show()
		s.Busy.Start()
	}
	s.updateButtons()
}

// startJob cancels a running job and starts one.
func (s *Screen) startJob(reading bool, status string) context.Context {
	if s.cancel != nil {
		s.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel, s.reading = cancel, reading
	s.setBusy(true, status)
	return ctx
}

// endJob marks the running job done (on the UI goroutine).
func (s *Screen) endJob(status string) {
	if s.cancel != nil {
		s.cancel()
		s.cancel = nil
	}
	s.setBusy(false, status)
}

// Cancel stops the running job: reading stops before the next file and
// nothing is aggregated; saving writes nothing.
func (s *Screen) Cancel() {
	if s.cancel == nil {
		return
	}
	if s.reading {
		s.files, s.subs, s.problems, s.loaded = nil, nil, nil, false
	}
	s.endJob(lang.L("Avbrutt. Ingenting er lest eller lagret."))
	s.refresh()
}

// WaitJobs waits for background jobs to finish (tests).
func (s *Screen) WaitJobs() { s.jobs.Wait() }

// SetFiles sets the submission files and folders to aggregate and reads
// them in the background.
func (s *Screen) SetFiles(files []string) {
	s.files = files
	s.subs, s.problems, s.loaded = nil, nil, false
	if len(files) == 0 {
		if s.cancel != nil {
			s.endJob("")
		}
		s.refresh()
		return
	}
	s.refresh()
	ctx := s.startJob(true, lang.L("Leser innsendingsfiler …"))
	paths := append([]string{}, files...)
	s.jobs.Add(1)
	go func() {
		defer s.jobs.Done()
		subs, problems, err := reports.ReadSubmissionFilesContext(ctx, paths, func(done, total int) {
			if s.afterFile != nil {
				s.afterFile(done)
			}
			if step := max(1, total/100); done%step == 0 || done == total {
				fyne.Do(func() {
					if ctx.Err() == nil {
						s.Progress.SetValue(float64(done) / float64(total))
					}
				})
			}
		})
		fyne.Do(func() {
			if err != nil || ctx.Err() != nil {
				return // cancelled: Cancel has updated the page
			}
			s.subs, s.problems, s.loaded = subs, problems, true
			s.endJob("")
			s.refresh()
		})
	}()
}

// options reads the target and the minimum size.
func (s *Screen) options() (model.AggregateOptions, error) {
	o := model.AggregateOptions{Expected: reports.ParseExpectedUnits(s.Expected.Text)}
	if t := strings.TrimSpace(s.Target.Text); t != "" {
		p, err := model.ParsePercentField(lang.L("Kommunens mål for sykefravær"), t)
		if err != nil {
			return o, err
		}
		v := p.Float()
		o.Target = &v
	}
	n, err := model.ParseInt(lang.L("Minste enhet vist alene"), s.MinEmployees.Text, 1, 100000)
	o.MinEmployees = n
	return o, err
}

// refresh aggregates what is read with the options and shows it; it
// does not read the files again.
func (s *Screen) refresh() {
	o, err := s.options()
	s.optErr.Show(err)
	s.ready = false
	s.Preview.RemoveAll()
	switch {
	case len(s.files) == 0:
		s.Files.SetText(lang.L("Ingen filer valgt."))
	case !s.loaded:
		s.Files.SetText(fmt.Sprintf(lang.L("Valgt: %s."), s.chosen()))
	default:
		s.agg = model.Aggregate(s.subs, s.problems, o)
		s.ready = err == nil && len(s.agg.Units) > 0
		s.Files.SetText(s.filesText())
		if s.ready {
			s.showPreview()
		}
	}
	s.showTargetNote()
	s.Preview.Refresh()
	s.updateButtons()
}

// showTargetNote says, under the target field, which target the figures
// are measured against: HR's own, or the municipality's as the units
// report it when the field is empty.
func (s *Screen) showTargetNote() {
	text := ""
	if s.ready {
		switch t := TargetText(s.agg); {
		case s.agg.Target != nil:
			text = fmt.Sprintf(lang.L("Rapporten måler sykefraværet mot målet du har skrevet inn: %s."), t)
		case t != "":
			text = fmt.Sprintf(lang.L("Feltet er tomt, så rapporten bruker det enhetene oppgir: %s."), t)
		default:
			text = lang.L("Feltet er tomt, og enhetene oppgir ikke kommunens mål, så sykefraværet måles ikke mot noe mål.")
		}
	}
	s.TargetNote.SetText(text)
	s.TargetNote.Hidden = text == ""
	s.TargetNote.Refresh()
	if f := s.targetForm; f != nil {
		if l := targetLabel(s.ready && s.agg.Several()); f.Items[0].Text != l {
			f.Items[0].Text = l
			f.Refresh()
		}
	}
}

// targetLabel is the target field's label: the municipality's target,
// or the target for all the units when the files come from several
// municipalities (the report then calls it the target given for it).
func targetLabel(several bool) string {
	if several {
		return lang.L("Mål for sykefravær for alle enhetene (%)")
	}
	return lang.L("Kommunens mål for sykefravær (%)")
}

// filesText names the files not used, with the reason, counts the
// usable ones and names the expected units that have not sent.
func (s *Screen) filesText() string {
	var lines []string
	for i, p := range s.agg.Problems {
		if i == maxListedProblems {
			lines = append(lines, fmt.Sprintf(lang.L("… og %d filer til; den samlede rapporten nevner alle."), len(s.agg.Problems)-i))
			break
		}
		mark := "✗ "
		if !p.Failed() {
			mark = "– "
		}
		lines = append(lines, mark+filepath.Base(p.File)+": "+p.Reason)
	}
	files := len(s.subs) + len(s.problems)
	if n := len(s.agg.PrevUnits); n > 0 {
		lines = append(lines, fmt.Sprintf(lang.L("%d av %d filer kan brukes: %d for HMS-år %s og %d for %s til sammenligning."),
			len(s.agg.Units)+n, files, len(s.agg.Units), s.agg.Year, n, s.agg.Previous))
	} else {
		lines = append(lines, fmt.Sprintf(lang.L("%d av %d filer kan brukes (HMS-år %s)."), len(s.agg.Units), files, s.agg.Year))
	}
	if len(s.agg.Missing) > 0 {
		names := make([]string, len(s.agg.Missing))
		for i, m := range s.agg.Missing {
			names[i] = m.String()
		}
		lines = append(lines, fmt.Sprintf(lang.L("Mangler innsending fra %d: %s."), len(names), strings.Join(names, ", ")))
	}
	return strings.Join(lines, "\n")
}

// showPreview shows the summary page's key figures as the report has
// them.
func (s *Screen) showPreview() {
	title := fmt.Sprintf(lang.L("Sammendrag for kommunen %s (som i rapporten)"), s.agg.Year)
	if s.agg.Several() {
		title = fmt.Sprintf(lang.L("Sammendrag for alle enhetene %s (som i rapporten)"), s.agg.Year)
	}
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	s.Preview.Add(head)
	for _, note := range []string{severalText(s.agg), comparisonText(s.agg)} {
		if note != "" {
			s.Preview.Add(wrapped(note))
		}
	}
	for _, kv := range reports.AggregateSummary(s.agg) {
		k := widget.NewLabelWithStyle(kv[0], fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		k.Wrapping = fyne.TextWrapWord
		s.Preview.Add(k)
		s.Preview.Add(wrapped(kv[1]))
	}
	for _, c := range previewCharts(s.agg) {
		s.Preview.Add(c)
	}
}

func (s *Screen) updateButtons() {
	for _, b := range []*widget.Button{s.AggBtn, s.CSVBtn, s.AttentionBtn} {
		if s.ready && s.cancel == nil {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

func (s *Screen) addSource(path string) {
	for _, f := range s.files {
		if f == path {
			return
		}
	}
	s.SetFiles(append(append([]string{}, s.files...), path))
}

func (s *Screen) pickFolder() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			widgets.ShowError(err, s.env.Window)
			return
		}
		if u != nil {
			s.addSource(u.Path())
		}
	}, s.env.Window)
	widgets.ShowFileDialog(d, s.env.Window)
}

func (s *Screen) pickFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			widgets.ShowError(err, s.env.Window)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		s.addSource(path)
	}, s.env.Window)
	d.SetFilter(fstorage.NewExtensionFileFilter([]string{".json"}))
	widgets.ShowFileDialog(d, s.env.Window)
}

// Aggregate returns the municipality's report of what is read.
func (s *Screen) Aggregate() func() *reports.Document {
	agg := s.agg
	return func() *reports.Document { return reports.AggregateReport(agg, reports.Options{}) }
}

// outputName is the suggested file name with ext.
func (s *Screen) outputName(suffix, ext string) string {
	return strings.TrimSuffix(pdfexport.FileName(lang.L("HMS-internkontroll samlet"), s.agg.Year.String()+suffix), ".pdf") + ext
}

// SaveAggregate asks where to save the municipality's report and writes
// it in the background.
func (s *Screen) SaveAggregate() {
	if !s.ready {
		return
	}
	build := s.Aggregate()
	s.saveAs(s.outputName("", ".pdf"), ".pdf", func() ([]byte, error) { return build().Bytes() }, lang.L("Lager PDF …"))
}

// SaveCSV asks where to save the units' figures as CSV.
func (s *Screen) SaveCSV() {
	if !s.ready {
		return
	}
	agg := s.agg
	s.saveAs(s.outputName("", ".csv"), ".csv", func() ([]byte, error) { return reports.AggregateCSV(agg), nil }, lang.L("Lager CSV …"))
}

// SaveAttentionCSV asks where to save the list of units that need the
// AMU's attention as CSV.
func (s *Screen) SaveAttentionCSV() {
	if !s.ready {
		return
	}
	agg := s.agg
	s.saveAs(s.outputName(" oppmerksomhet", ".csv"), ".csv", func() ([]byte, error) { return reports.AttentionCSV(agg), nil }, lang.L("Lager CSV …"))
}

func (s *Screen) saveAs(name, ext string, build func() ([]byte, error), status string) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			widgets.ShowError(err, s.env.Window)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		_ = w.Close()
		s.WriteTo(path, build, status)
	}, s.env.Window)
	d.SetFileName(name)
	d.SetFilter(fstorage.NewExtensionFileFilter([]string{ext}))
	widgets.ShowFileDialog(d, s.env.Window)
}

// WriteTo builds the output in the background and writes it to path with
// reports.WriteFileAtomic, so a file is either whole or not there.
// Cancelled, it writes nothing and removes the empty file the save
// dialog made (or the file, if the cancel came while it was written).
func (s *Screen) WriteTo(path string, build func() ([]byte, error), status string) {
	ctx := s.startJob(false, status)
	s.jobs.Add(1)
	go func() {
		defer s.jobs.Done()
		b, err := build()
		if s.beforeWrite != nil {
			s.beforeWrite()
		}
		written := false
		if err == nil && ctx.Err() == nil {
			err = reports.WriteFileAtomic(path, b)
			written = err == nil
		}
		fyne.Do(func() { s.written(ctx, path, written, err) })
	}()
}

// written ends a save job on the UI goroutine.
func (s *Screen) written(ctx context.Context, path string, written bool, err error) {
	if ctx.Err() != nil { // cancelled: leave nothing behind
		if written {
			_ = os.Remove(path)
		} else {
			removeEmpty(path)
		}
		return
	}
	s.endJob("")
	if err != nil {
		removeEmpty(path)
		if we := (*reports.WriteError)(nil); !errors.As(err, &we) {
			err = fmt.Errorf(lang.L("Filen kunne ikke lagres i %s: %w"), path, err)
		}
		widgets.ShowError(err, s.env.Window)
		return
	}
	s.Status.SetText(fmt.Sprintf(lang.L("Lagret som %s."), filepath.Base(path)))
	s.Status.Show()
	widgets.Confirm(s.env.Window, lang.L("Lagret"), fmt.Sprintf(lang.L("Lagret som %s. Vil du åpne den?"), filepath.Base(path)),
		lang.L("Åpne"), lang.L("Lukk"), func() {
			_ = s.env.App.OpenURL(&url.URL{Scheme: "file", Path: path})
		})
}

// removeEmpty removes the empty file a save dialog made; a file with
// content is never removed.
func removeEmpty(path string) {
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() && fi.Size() == 0 {
		_ = os.Remove(path)
	}
}

// chosen names the chosen folders and files.
func (s *Screen) chosen() string {
	names := make([]string, len(s.files))
	for i, f := range s.files {
		names[i] = filepath.Base(f)
	}
	return strings.Join(names, ", ")
}

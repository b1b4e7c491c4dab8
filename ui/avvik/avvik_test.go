package avvik

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/reports"
	"hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/i18n"
	"hmsutvalg/ui/pdfexport"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/widgets"
)

// nationalID is a made-up number with valid fødselsnummer check digits.
const nationalID = "15068512333"

func newScreen(t *testing.T) (*Screen, *storage.Store, *appctx.Env) {
	t.Helper()
	env, w, st := uitest.NewEnv(t, false)
	s := New(env)
	w.SetContent(s.Content())
	return s, st, env
}

// fill types a valid personal injury into a new deviation's form.
func fill(e *Editor) {
	e.Place.SetText("")
	test.Type(e.Place, "Avdeling 2 (langtid), bad")
	e.Category.SetSelected(model.DevInjury.Label())
	e.Type.SetSelected(model.TypeIncident.Label())
	e.Severity.SetSelected(model.SeverityMinor.Label())
	test.Type(e.WhatHappened, "Ansatt skled på vått gulv og slo kneet.")
	test.Type(e.Cause, "Gulvet var ikke tørket etter dusjing.")
}

func TestRegisterAndCloseDeviation(t *testing.T) {
	s, st, _ := newScreen(t)
	before, _ := st.Deviations()
	test.Tap(s.NewButton)
	e := s.Editor
	if e.Date.Text != uitest.Today.String() {
		t.Errorf("date %q, want today", e.Date.Text)
	}
	if !strings.Contains(e.Privacy.Text, "Skriv aldri navn eller andre opplysninger som identifiserer personer") || !e.Privacy.Visible() {
		t.Error("the privacy note is not shown")
	}
	fill(e)
	test.Tap(e.Reported)
	test.Type(e.MunicipalRef, "AVVIK-2026-0999")
	test.Tap(e.Save)
	if e.Err.Messages() != "" {
		t.Fatalf("refused: %s", e.Err.Messages())
	}
	all, _ := st.Deviations()
	if len(all) != len(before)+1 {
		t.Fatalf("%d deviations stored, want %d", len(all), len(before)+1)
	}
	got := all[len(all)-1]
	if got.Place != "Avdeling 2 (langtid), bad" || got.Category != model.DevInjury || got.Status != model.DevRegistered ||
		got.Date != uitest.Today || got.MunicipalRef != "AVVIK-2026-0999" || !got.ReportedToMunicipal {
		t.Fatalf("stored %+v", got)
	}
	// Newest first: the new one heads the list, open in words.
	first, second, imp := RowText(s.Shown()[0], uitest.Today)
	if s.Shown()[0].ID != got.ID || !strings.Contains(first, "Personskade · Mindre alvorlig") || !strings.Contains(second, "Åpen: registrert") || imp != widget.HighImportance {
		t.Errorf("first row %q / %q (%v), ID %d", first, second, imp, s.Shown()[0].ID)
	}
	if s.Editor != e {
		t.Error("the editor was replaced after saving")
	}

	// Til behandling, then Lukk with who and when.
	if !strings.Contains(e.StatusLabel.Text, "Registrert – åpen") {
		t.Errorf("status %q", e.StatusLabel.Text)
	}
	test.Tap(e.ToInProgress)
	if d, _ := st.Deviation(got.ID); d.Status != model.DevInProgress {
		t.Fatalf("status %s after Til behandling", d.Status)
	}
	test.Tap(e.Close)
	if !e.CloseBox.Visible() || e.ClosedOn.Text != uitest.Today.String() {
		t.Fatalf("close form visible %v, date %q", e.CloseBox.Visible(), e.ClosedOn.Text)
	}
	e.ClosedBy.SetText("")
	test.Tap(e.ConfirmClose)
	if !strings.Contains(e.TransErr.Messages(), "Lukket av må fylles ut") {
		t.Errorf("closing without who: %q", e.TransErr.Messages())
	}
	if d, _ := st.Deviation(got.ID); d.Status != model.DevInProgress {
		t.Fatal("closed without who")
	}
	test.Type(e.ClosedBy, "Avdelingsleder")
	e.ClosedOn.SetText("")
	test.Type(e.ClosedOn, "24.11.26")
	test.Tap(e.ConfirmClose)
	d, _ := st.Deviation(got.ID)
	if d.Status != model.DevClosed || d.ClosedBy != "Avdelingsleder" || d.ClosedOn != uitest.Today {
		t.Fatalf("after closing: %+v (message %q)", d, e.TransErr.Messages())
	}
	if !strings.Contains(e.StatusLabel.Text, "Lukket 24.11.2026 av Avdelingsleder") {
		t.Errorf("status %q", e.StatusLabel.Text)
	}
	// Gjenåpne clears the closing.
	test.Tap(e.Reopen)
	if d, _ := st.Deviation(got.ID); d.Status != model.DevInProgress || d.ClosedBy != "" || !d.ClosedOn.IsZero() {
		t.Errorf("after reopening: %+v", d)
	}
}

func TestBadInputKeepsTextAndFile(t *testing.T) {
	s, st, _ := newScreen(t)
	before, _ := st.Deviations()
	changes, _ := st.Changes(0)
	test.Tap(s.NewButton)
	e := s.Editor
	e.Place.SetText("")
	test.Type(e.Place, "Kjøkken")
	test.Type(e.Cause, "Ukjent")
	e.Date.SetText("")
	test.Type(e.Date, "25.11.2026") // tomorrow
	test.Tap(e.Save)
	msg := e.Err.Messages()
	for _, want := range []string{"Dato kan ikke være frem i tid", "Velg kategori", "Velg type", "Velg alvorlighetsgrad", "Hva skjedde må fylles ut"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	// A date that does not parse is reported together with the rest.
	e.Date.SetText("31.02.2026")
	test.Tap(e.Save)
	if msg := e.Err.Messages(); !strings.Contains(msg, "finnes ikke i kalenderen") || !strings.Contains(msg, "Velg kategori") {
		t.Errorf("message %q", msg)
	}
	if e.Place.Text != "Kjøkken" || e.Cause.Text != "Ukjent" || e.Date.Text != "31.02.2026" {
		t.Error("typed text lost")
	}
	after, _ := st.Deviations()
	changesAfter, _ := st.Changes(0)
	if len(after) != len(before) || len(changesAfter) != len(changes) {
		t.Error("the file was changed by a refused save")
	}
}

func TestNationalIDRefused(t *testing.T) {
	s, st, _ := newScreen(t)
	before, _ := st.Deviations()
	test.Tap(s.NewButton)
	e := s.Editor
	fill(e)
	e.WhatHappened.SetText("")
	test.Type(e.WhatHappened, "Gjelder beboer med fødselsnummer "+nationalID+".")
	test.Tap(e.Save)
	if !strings.Contains(e.Err.Messages(), "«Hva skjedde» ser ut til å inneholde et fødselsnummer") {
		t.Errorf("message %q", e.Err.Messages())
	}
	if after, _ := st.Deviations(); len(after) != len(before) {
		t.Error("a national ID was stored")
	}
	if !strings.Contains(e.WhatHappened.Text, nationalID) {
		t.Error("typed text lost")
	}
}

func TestNoticeReminder(t *testing.T) {
	s, st, _ := newScreen(t)
	outstanding := Summarize(s.all, uitest.Today).NoticeOutstanding // the demo's own
	test.Tap(s.NewButton)
	e := s.Editor
	fill(e)
	if e.NoticeBox.Visible() {
		t.Fatal("reminder shown for a minor injury")
	}
	e.Severity.SetSelected(model.SeverityVerySerious.Label())
	if !e.NoticeBox.Visible() || !uitest.HasText(e.NoticeBox, "arbeidsmiljøloven § 5-2") || !uitest.HasText(e.NoticeBox, "Meldt til Arbeidstilsynet og politiet") {
		t.Fatal("no § 5-2 reminder for a svært alvorlig personal injury")
	}
	e.Type.SetSelected(model.TypeNearMiss.Label())
	if e.NoticeBox.Visible() {
		t.Error("reminder shown for a near miss")
	}
	e.Type.SetSelected(model.TypeIncident.Label())
	// Saved without the notice: the list says it is missing.
	test.Tap(e.Save)
	if e.Err.Messages() != "" {
		t.Fatalf("refused: %s", e.Err.Messages())
	}
	id := e.Deviation().ID
	if _, second, imp := RowText(s.Shown()[0], uitest.Today); !strings.Contains(second, "Mangler melding") || imp != widget.DangerImportance {
		t.Errorf("row %q %v", second, imp)
	}
	if f := Summarize(s.all, uitest.Today); f.NoticeOutstanding != outstanding+1 {
		t.Errorf("dashboard counts %d outstanding, want %d", f.NoticeOutstanding, outstanding+1)
	}
	// Record the notice.
	test.Tap(e.Notified)
	if e.NotifiedOn.Text != uitest.Today.String() || e.NotifiedOn.Disabled() {
		t.Errorf("notice date %q (disabled %v)", e.NotifiedOn.Text, e.NotifiedOn.Disabled())
	}
	test.Tap(e.Save)
	d, _ := st.Deviation(id)
	if !d.AuthoritiesNotified || d.AuthoritiesNotifiedOn != uitest.Today || d.NoticeOutstanding() {
		t.Errorf("stored %+v (message %q)", d, e.Err.Messages())
	}
	// The violence fields show only for vold og trusler.
	if e.ViolenceBox.Visible() {
		t.Error("violence fields shown for a personal injury")
	}
	e.Category.SetSelected(model.DevViolence.Label())
	if !e.ViolenceBox.Visible() || !e.NoticeBox.Visible() {
		t.Error("violence fields or reminder hidden for svært alvorlig violence")
	}
	test.Tap(e.Save)
	if !strings.Contains(e.Err.Messages(), "Velg type vold") {
		t.Errorf("violence without type: %q", e.Err.Messages())
	}
	e.ViolenceType.SetSelected(model.ViolencePhysical.Label())
	e.FollowUp.SetSelected([]string{model.FollowUpDebriefing.Label(), model.FollowUpConversation.Label()})
	test.Tap(e.Save)
	d, _ = st.Deviation(id)
	if d.Category != model.DevViolence || d.ViolenceType != model.ViolencePhysical ||
		!slices.Equal(d.FollowUpOffered, []model.FollowUpOffer{model.FollowUpConversation, model.FollowUpDebriefing}) {
		t.Errorf("violence stored %+v (message %q)", d, e.Err.Messages())
	}
}

// TestHarmDecidesNotice: the § 5-2 reminder follows what happened to the
// person, in any category and at alvorlig as well as svært alvorlig; the
// notice is recorded with its date.
func TestHarmDecidesNotice(t *testing.T) {
	s, st, _ := newScreen(t)
	test.Tap(s.NewButton)
	e := s.Editor
	fill(e)
	if e.HarmHint.Visible() || e.NoticeBox.Visible() {
		t.Fatal("question or reminder shown for a minor injury")
	}
	// A fire at alvorlig: the form asks whether anyone was hurt.
	e.Category.SetSelected(model.DevFire.Label())
	e.Severity.SetSelected(model.SeveritySerious.Label())
	if !e.HarmHint.Visible() || !strings.Contains(e.HarmHint.Text, "§ 5-2") || e.NoticeBox.Visible() {
		t.Fatalf("hint %v %q, reminder %v", e.HarmHint.Visible(), e.HarmHint.Text, e.NoticeBox.Visible())
	}
	e.PersonHarm.SetSelected(model.HarmNone.Label())
	if e.HarmHint.Visible() || e.NoticeBox.Visible() {
		t.Error("question or reminder shown when nobody was hurt")
	}
	e.PersonHarm.SetSelected(model.HarmSerious.Label())
	if e.HarmHint.Visible() || !e.NoticeBox.Visible() || !uitest.HasText(e.NoticeBox, "Ved dødsfall eller alvorlig personskade") {
		t.Fatal("no § 5-2 reminder for a serious injury in a fire at alvorlig")
	}
	e.PersonHarm.SetSelected(model.HarmInjury.Label())
	if e.NoticeBox.Visible() {
		t.Error("reminder shown for an injury that is not serious")
	}
	e.PersonHarm.SetSelected(model.HarmDeath.Label())
	if !e.NoticeBox.Visible() {
		t.Error("no reminder for a death")
	}
	// A death at mindre alvorlig is refused, the form kept.
	e.Severity.SetSelected(model.SeverityMinor.Label())
	if !e.NoticeBox.Visible() {
		t.Error("a death needs the notice whatever the severity says")
	}
	test.Tap(e.Save)
	if !strings.Contains(e.Err.Messages(), "Dødsfall har alvorlighetsgrad") || e.Deviation().ID != 0 {
		t.Fatalf("death at mindre alvorlig: %q", e.Err.Messages())
	}
	e.Severity.SetSelected(model.SeverityVerySerious.Label())
	test.Tap(e.Save)
	if e.Err.Messages() != "" {
		t.Fatalf("refused: %s", e.Err.Messages())
	}
	id := e.Deviation().ID
	d, _ := st.Deviation(id)
	if d.PersonHarm != model.HarmDeath || d.Category != model.DevFire || !d.NoticeOutstanding() {
		t.Fatalf("stored %+v", d)
	}
	// The notice: ticked with a date that is not valid is refused; a valid
	// date is stored.
	test.Tap(e.Notified)
	e.NotifiedOn.SetText("")
	test.Tap(e.Save)
	if !strings.Contains(e.Err.Messages(), model.FieldDevNotifiedOn) {
		t.Errorf("notice without date: %q", e.Err.Messages())
	}
	e.NotifiedOn.SetDate(uitest.Today.AddDays(1))
	test.Tap(e.Save)
	if !strings.Contains(e.Err.Messages(), "frem i tid") {
		t.Errorf("notice in the future: %q", e.Err.Messages())
	}
	if d, _ = st.Deviation(id); d.AuthoritiesNotified {
		t.Error("a refused notice was stored")
	}
	e.NotifiedOn.SetDate(uitest.Today)
	test.Tap(e.Save)
	d, _ = st.Deviation(id)
	if !d.AuthoritiesNotified || d.AuthoritiesNotifiedOn != uitest.Today || d.NoticeOutstanding() {
		t.Errorf("stored %+v (message %q)", d, e.Err.Messages())
	}
	// Opened again, the form shows the harm.
	s.Open(id)
	if s.Editor.PersonHarm.Selected != model.HarmDeath.Label() || !s.Editor.NoticeBox.Visible() {
		t.Errorf("reopened: harm %q, reminder %v", s.Editor.PersonHarm.Selected, s.Editor.NoticeBox.Visible())
	}
}

func TestMeetingModeHidesDescription(t *testing.T) {
	s, _, env := newScreen(t)
	var d model.Deviation
	for _, x := range s.Shown() {
		if x.WhatHappened != "" && x.Cause != "" {
			d = x
			break
		}
	}
	s.Open(d.ID)
	content := s.Editor.Content()
	env.Window.SetContent(content)
	if !uitest.HasText(content, d.WhatHappened) || !uitest.HasText(content, d.Cause) {
		t.Fatal("description not shown outside Møtemodus")
	}
	env.SetMeetingMode(true)
	if uitest.HasText(content, d.WhatHappened) || uitest.HasText(content, d.Cause) {
		t.Error("description shown in Møtemodus")
	}
	if !uitest.HasText(content, "Skjult i møtemodus") {
		t.Error("no hint that the description is hidden")
	}
	// The list shows no description either.
	for i := range s.Shown() {
		first, second, _ := RowText(s.Shown()[i], uitest.Today)
		if strings.Contains(first+second, s.Shown()[i].WhatHappened) {
			t.Fatal("a description in the list")
		}
	}
	env.SetMeetingMode(false)
	if !uitest.HasText(content, d.WhatHappened) {
		t.Error("description still hidden after Møtemodus")
	}
}

func TestMeasureGoesToActionPlan(t *testing.T) {
	s, st, _ := newScreen(t)
	test.Tap(s.NewButton)
	e := s.Editor
	fill(e)
	test.Tap(e.Save)
	id := e.Deviation().ID
	test.Type(e.MeasureTitle, "Sklisikre matter på alle bad")
	test.Type(e.MeasureResp, "Leder")
	test.Tap(e.AddMeasure)
	if e.MeasureErr.Messages() != "" {
		t.Fatalf("refused: %s", e.MeasureErr.Messages())
	}
	d, _ := st.Deviation(id)
	if len(d.MeasureIDs) != 1 {
		t.Fatalf("links %v", d.MeasureIDs)
	}
	m, err := st.Measure(d.MeasureIDs[0])
	if err != nil || m.Title != "Sklisikre matter på alle bad" || m.Source.Kind != model.SourceDeviation || m.Source.RefID != id {
		t.Fatalf("measure %+v %v", m, err)
	}
	if strings.Contains(m.Source.RefLabel, "gulv") {
		t.Error("the description leaked into the action plan")
	}
	if !uitest.HasText(e.Content(), "Sklisikre matter på alle bad – Planlagt") {
		t.Error("the measure is not listed on the deviation")
	}
	// The action plan opens the deviation back here.
	if appctxPage := appctx.SourcePages[string(model.SourceDeviation)]; appctxPage != PageID {
		t.Errorf("source page %q", appctxPage)
	}
	s2 := New(s.env)
	s2.ApplyFocus(appctx.Focus{ID: id})
	if s2.Editor == nil || s2.Editor.Deviation().ID != id {
		t.Error("focus did not open the deviation")
	}
	// The question says the measures stay only when there are some.
	e.confirmDelete()
	q := s.env.Window.Canvas().Overlays().Top()
	if q == nil || !uitest.HasText(q, "Tiltakene i handlingsplanen blir stående") {
		t.Error("deleting a deviation with a measure does not say the measure stays")
	}
	s.env.Window.Canvas().Overlays().Remove(q)
	// Deleting the deviation (after the confirmation) leaves the measure.
	e.DeleteDeviation()
	if _, err := st.Deviation(id); err == nil {
		t.Error("deviation not deleted")
	}
	if _, err := st.Measure(m.ID); err != nil {
		t.Errorf("the measure went with the deviation: %v", err)
	}
	if s.Editor != nil || slices.ContainsFunc(s.Shown(), func(d model.Deviation) bool { return d.ID == id }) {
		t.Error("the deleted deviation is still shown")
	}
}

func TestFiltersAndCard(t *testing.T) {
	s, _, env := newScreen(t)
	total := len(s.Shown())
	s.StatusSel.SetSelected(openLabel)
	if len(s.Shown()) == 0 || len(s.Shown()) == total {
		t.Fatalf("%d open of %d", len(s.Shown()), total)
	}
	for _, d := range s.Shown() {
		if !d.Open() {
			t.Errorf("closed deviation %d under Åpne", d.ID)
		}
	}
	s.StatusSel.SetSelected(allLabel)
	s.CategorySel.SetSelected(model.DevViolence.Short())
	s.YearSel.SetSelected("2025")
	for _, d := range s.Shown() {
		if d.Category != model.DevViolence || d.Date.Year() != 2025 {
			t.Errorf("filter shows %s %s", d.Date, d.Category)
		}
	}
	if len(s.Shown()) < 5 {
		t.Errorf("%d violence incidents in 2025", len(s.Shown()))
	}
	for i := 1; i < len(s.Shown()); i++ {
		if s.Shown()[i].Date.After(s.Shown()[i-1].Date) {
			t.Fatal("not newest first")
		}
	}
	s.ResetFilter()
	if len(s.Shown()) != total {
		t.Errorf("reset shows %d of %d", len(s.Shown()), total)
	}
	// The dashboard card opens the register filtered on the open ones.
	card := Card(env)
	f := Summarize(s.all, uitest.Today)
	if !uitest.HasText(card, "åpne avvik") || !uitest.HasText(card, "registrert i 4. kvartal 2026") || f.ThisQuarter == 0 {
		t.Errorf("card texts %v", uitest.Texts(card))
	}
	s2 := New(env)
	s2.ApplyFocus(appctx.Focus{Filter: FilterOpen})
	if len(s2.Shown()) != f.Open {
		t.Errorf("open filter shows %d, card says %d", len(s2.Shown()), f.Open)
	}
}

func TestStatisticsAndPDF(t *testing.T) {
	s, _, _ := newScreen(t)
	st := s.Stats
	st.Year.SetSelected("2025")
	fig := st.Figures()
	if fig.Total == 0 || !strings.Contains(st.Summary.Text, "2025:") || !strings.Contains(st.Summary.Text, "dager fra registrering til lukking") {
		t.Fatalf("summary %q", st.Summary.Text)
	}
	if n := len(st.ByCategory.Rows); n != 8 {
		t.Errorf("%d category bars", n)
	}
	sum := 0
	for _, r := range st.ByQuarter.Rows {
		sum += r.Total()
	}
	if sum != fig.Total || len(st.ByQuarter.Rows) != 4 || !strings.Contains(st.ByQuarter.Rows[0].Text, "lukket") {
		t.Errorf("quarter bars %+v (total %d)", st.ByQuarter.Rows, fig.Total)
	}
	w := test.NewWindow(st.Content())
	defer w.Close()
	if !uitest.HasText(st.Content(), "Personskade") || !uitest.HasText(st.ByQuarter, "1. kvartal") {
		t.Error("chart labels not drawn")
	}

	in, err := st.PDFInput()
	if err != nil || in.Descriptions || in.Year != 2025 {
		t.Fatalf("input %+v %v", in.Year, err)
	}
	path := filepath.Join(t.TempDir(), "avvik.pdf")
	if err := pdfexport.Write(path, func() *reports.Document { return reports.DeviationReport(in, reports.Options{}) }); err != nil {
		t.Fatal(err)
	}
	text := uitest.PDFText(t, path)
	for _, want := range []string{"Avviksregister 2025", "Avvik per kategori, 2025", "Per kvartal og kategori", "Registeret"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	for _, d := range s.all {
		if d.Date.Year() == 2025 && d.WhatHappened != "" && strings.Contains(text, d.WhatHappened[:min(20, len(d.WhatHappened))]) {
			t.Fatalf("PDF without descriptions contains %q", d.WhatHappened)
		}
	}
}

// TestDeleteQuestionWithoutMeasures: a deviation without measures is not
// said to leave measures behind.
func TestDeleteQuestionWithoutMeasures(t *testing.T) {
	s, _, env := newScreen(t)
	test.Tap(s.NewButton)
	fill(s.Editor)
	test.Tap(s.Editor.Save)
	if s.Editor == nil || s.Editor.Deviation().ID == 0 {
		t.Fatalf("not saved: %s", s.Editor.Err.Messages())
	}
	s.Editor.confirmDelete()
	q := env.Window.Canvas().Overlays().Top()
	if q == nil || !uitest.HasText(q, "Slette avviket") {
		t.Fatal("Slett did not ask")
	}
	if uitest.HasText(q, "Tiltakene") {
		t.Error("the question mentions measures the deviation does not have")
	}
}

// TestRowTextEnglish: in English the open status is in English too
// («Open: registered», not «Open: registrert»).
func TestRowTextEnglish(t *testing.T) {
	if err := i18n.Setup(i18n.English); err != nil {
		t.Fatal(err)
	}
	defer i18n.Setup(i18n.Bokmal)
	for st, want := range map[model.DeviationStatus]string{model.DevRegistered: "Open: registered", model.DevInProgress: "Open: being handled"} {
		d := model.Deviation{Date: uitest.Today, Category: model.DevInjury, Severity: model.SeverityMinor, Place: "Bad", Status: st}
		if _, second, _ := RowText(d, uitest.Today); !strings.Contains(second, want) {
			t.Errorf("%v: second line %q, want %q", st, second, want)
		}
	}
}

// TestEditorStatusEnglish: the editor's heading and status line say the
// category and the status in English (they said «Personskade» and
// «Registrert – open»).
func TestEditorStatusEnglish(t *testing.T) {
	if err := i18n.Setup(i18n.English); err != nil {
		t.Fatal(err)
	}
	defer i18n.Setup(i18n.Bokmal)
	d := model.Deviation{ID: 7, Date: uitest.Today, Category: model.DevInjury, Severity: model.SeverityMinor, Place: "Bad", Status: model.DevInProgress}
	if got, want := StatusText(d), "Status: Being handled – open"; got != want {
		t.Errorf("status %q, want %q", got, want)
	}
	if got, want := LabelText(d), uitest.Today.String()+" Personal injury, Bad"; got != want {
		t.Errorf("label %q, want %q", got, want)
	}
	s, st, _ := newScreen(t)
	devs, _ := st.Deviations()
	var open model.Deviation
	for _, x := range devs {
		if x.Open() && x.Category == model.DevInjury {
			open = x
			break
		}
	}
	s.Open(open.ID)
	if s.Editor == nil || s.Editor.Deviation().ID != open.ID {
		t.Fatal("deviation not opened")
	}
	if got := s.Editor.Heading.Text; strings.Contains(got, "Personskade") || !strings.Contains(got, "Personal injury") {
		t.Errorf("heading %q", got)
	}
	if got := s.Editor.StatusLabel.Text; strings.Contains(got, "Registrert") || strings.Contains(got, "Under behandling") {
		t.Errorf("status line %q", got)
	}
}

// TestCategoryBarsEnglish: the statistics' and the card's bars name the
// categories in English (they said «Personskade»).
func TestCategoryBarsEnglish(t *testing.T) {
	if err := i18n.Setup(i18n.English); err != nil {
		t.Fatal(err)
	}
	defer i18n.Setup(i18n.Bokmal)
	rows := CategoryRows(model.DeviationStatistics{ByCategory: map[model.DeviationCategory]int{model.DevInjury: 2}})
	var labels []string
	for _, r := range rows {
		labels = append(labels, r.Label)
	}
	got := strings.Join(labels, " | ")
	if !strings.Contains(got, "Personal injury") || strings.Contains(got, "Personskade") || strings.Contains(got, "Vold og trusler") {
		t.Errorf("bars %q", got)
	}
	env, _, _ := uitest.NewEnv(t, false)
	card := Figure(env)
	if uitest.HasText(card, "Vold og trusler") || uitest.HasText(card, "Personskade") {
		t.Errorf("card in bokmål: %v", uitest.Texts(card))
	}
}

// TestTypeEnglish: in English the type «Avvik» reads «Deviation» (the
// page «Avvik» is «Deviations»), a deviation of that type opens with it
// chosen, and choosing it stores the type; in bokmål it reads «Avvik».
func TestTypeEnglish(t *testing.T) {
	if err := i18n.Setup(i18n.English); err != nil {
		t.Fatal(err)
	}
	defer i18n.Setup(i18n.Bokmal)
	s, st, _ := newScreen(t)
	devs, _ := st.Deviations()
	var d model.Deviation
	for _, x := range devs {
		if x.Type == model.TypeIncident && x.Open() {
			d = x
			break
		}
	}
	if d.ID == 0 {
		t.Fatal("the demo unit has no open incident to change")
	}
	s.Open(d.ID)
	e := s.Editor
	if !slices.Contains(e.Type.Options, "Deviation") || slices.Contains(e.Type.Options, "Deviations") {
		t.Fatalf("type options %q", e.Type.Options)
	}
	e.Type.SetSelected("Deviation")
	test.Tap(e.Save)
	if msg := e.Err.Messages(); msg != "" {
		t.Fatalf("refused: %s", msg)
	}
	got, err := st.Deviation(d.ID)
	if err != nil || got.Type != model.TypeDeviation {
		t.Fatalf("stored type %q (%v), want %q", got.Type, err, model.TypeDeviation)
	}
	s.Open(got.ID)
	if sel := s.Editor.Type.Selected; sel != "Deviation" {
		t.Errorf("reopened with type %q, want «Deviation»", sel)
	}
	if err := i18n.Setup(i18n.Bokmal); err != nil {
		t.Fatal(err)
	}
	if got := widgets.EnumOptionsIn(i18n.DeviationTypes, model.DeviationTypeLabels()); !slices.Contains(got, "Avvik") {
		t.Errorf("bokmål type options %q", got)
	}
}

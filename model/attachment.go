package model

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// Attachments (vedlegg): photos and PDF documents on a deviation, a
// safety-round finding, a risk item or a meeting. The rules here decide
// what is accepted; decoding and downscaling photos is the attach
// package's job, storing them the storage package's.

// AttachmentOwner is the kind of record an attachment belongs to.
type AttachmentOwner string

// The records that can have attachments.
const (
	OwnerDeviation AttachmentOwner = "avvik"
	// OwnerFinding is a safety-round finding: OwnerID is the round's ID and
	// Attachment.Question the question's number in it.
	OwnerFinding  AttachmentOwner = "funn"
	OwnerRiskItem AttachmentOwner = "risiko"
	OwnerMeeting  AttachmentOwner = "mote"
)

// Valid reports a known owner kind.
func (o AttachmentOwner) Valid() bool {
	switch o {
	case OwnerDeviation, OwnerFinding, OwnerRiskItem, OwnerMeeting:
		return true
	}
	return false
}

// Label is the owner kind as it reads in a sentence: «avviket».
func (o AttachmentOwner) Label() string {
	switch o {
	case OwnerDeviation:
		return "avviket"
	case OwnerFinding:
		return "funnet"
	case OwnerRiskItem:
		return "risikoen"
	case OwnerMeeting:
		return "møtet"
	}
	return string(o)
}

// AttachmentKind is what an attachment holds.
type AttachmentKind string

// The kinds of attachment.
const (
	AttachPhoto AttachmentKind = "foto"
	AttachPDF   AttachmentKind = "pdf"
)

// Limits on attachments.
const (
	// MaxPhotoInputBytes is the largest photo file accepted, before it is
	// downscaled (a phone photo is 2–6 MB).
	MaxPhotoInputBytes = 10 << 20
	// MaxPDFBytes is the largest PDF accepted; PDFs are stored as they are.
	MaxPDFBytes = 20 << 20
	// MaxPhotoPixels refuses decompression bombs: an image whose header
	// claims more pixels is never decoded (a 48 MP phone camera is the
	// largest ordinary case).
	MaxPhotoPixels = 50_000_000
	// PhotoLongestSide is the longest side of a stored photo in pixels.
	PhotoLongestSide = 1600
	// ThumbLongestSide is the longest side of a stored thumbnail (the
	// forms and the reports show it).
	ThumbLongestSide = 256
	// ListThumbLongestSide is the longest side of the small thumbnail the
	// lists show, stored apart from the photo and its thumbnail (a few kB).
	ListThumbLongestSide = 112
	// PhotoJPEGQuality is the JPEG quality photos are stored with.
	PhotoJPEGQuality = 85
	// MaxCaptionLen is the longest caption in characters.
	MaxCaptionLen = 200
	// MaxAttachmentsPerOwner keeps one record's attachments reasonable.
	MaxAttachmentsPerOwner = 20
)

// Field names for attachments, used as ValidationError keys.
const (
	FieldAttachCaption = "caption"
	FieldAttachFile    = "file"
	FieldAttachOwner   = "owner"
)

// Attachment is the metadata of one stored file. The bytes (the
// downscaled photo and its thumbnail, or the PDF) are stored apart from
// it, so lists never load them.
type Attachment struct {
	ID        uint64          `json:"id"`
	OwnerKind AttachmentOwner `json:"owner_kind"`
	OwnerID   uint64          `json:"owner_id"`
	// Question is the finding's question number (OwnerFinding only).
	Question int            `json:"question,omitempty"`
	Kind     AttachmentKind `json:"kind"`
	Caption  string         `json:"caption,omitempty"`
	Filename string         `json:"filename"` // the name it was added with, without folders
	Size     int64          `json:"size"`     // bytes stored (the downscaled photo)
	Width    int            `json:"width,omitempty"`
	Height   int            `json:"height,omitempty"`
	Created  Date           `json:"created"`
}

// Label is a short description for the change log and lists.
func (a Attachment) Label() string {
	if a.Caption != "" {
		return a.Caption
	}
	return a.Filename
}

// Owns reports whether a belongs to the record kind/id (and, for a
// finding, question q).
func (a Attachment) Owns(kind AttachmentOwner, id uint64, q int) bool {
	return a.OwnerKind == kind && a.OwnerID == id && (kind != OwnerFinding || a.Question == q)
}

// Normalized trims the caption and strips folders from the file name.
func (a Attachment) Normalized() Attachment {
	a.Caption = strings.Join(strings.Fields(a.Caption), " ")
	a.Filename = CleanFilename(a.Filename)
	return a
}

// CleanFilename keeps only the last element of a path (Windows or Unix)
// and drops control characters.
func CleanFilename(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, name)
	return strings.TrimSpace(name)
}

// Validate checks the metadata as it is stored.
func (a Attachment) Validate() error {
	var v ValidationError
	if !a.OwnerKind.Valid() || a.OwnerID == 0 {
		v.Add(FieldAttachOwner, "Vedlegget er ikke knyttet til noe avvik, funn, risiko eller møte.")
	}
	if a.OwnerKind == OwnerFinding && a.Question < 1 {
		v.Add(FieldAttachOwner, "Vedlegget mangler hvilket spørsmål i vernerunden det hører til.")
	}
	if a.Kind != AttachPhoto && a.Kind != AttachPDF {
		v.Add(FieldAttachFile, "Vedlegget må være et bilde eller en PDF.")
	}
	if a.Filename == "" {
		v.Add(FieldAttachFile, "Vedlegget mangler filnavn.")
	}
	if n := utf8.RuneCountInString(a.Caption); n > MaxCaptionLen {
		v.Add(FieldAttachCaption, fmt.Sprintf("Bildeteksten er for lang (%d tegn, høyst %d).", n, MaxCaptionLen))
	}
	v.addErr(FieldAttachCaption, CheckNoNationalID("Bildeteksten", a.Caption))
	v.addErr(FieldAttachFile, CheckNoNationalID("Filnavnet", a.Filename))
	if a.Size <= 0 {
		v.Add(FieldAttachFile, "Vedlegget er tomt.")
	}
	if a.Kind == AttachPhoto && (a.Width <= 0 || a.Height <= 0 || max(a.Width, a.Height) > PhotoLongestSide) {
		v.Add(FieldAttachFile, "Bildet har ugyldig størrelse.")
	}
	if a.Created.IsZero() {
		v.Add(FieldAttachFile, "Vedlegget mangler dato.")
	}
	return v.Err()
}

// SniffAttachment decides from the first bytes of a file (never its
// name) whether it is a photo (JPEG or PNG) or a PDF, and checks the
// size limit of that kind. name is only used in the message.
func SniffAttachment(name string, head []byte, size int64) (AttachmentKind, error) {
	base := CleanFilename(name)
	if size <= 0 || len(head) == 0 {
		return "", &FieldError{Field: FieldAttachFile, Message: fmt.Sprintf("«%s» er tom.", base)}
	}
	var kind AttachmentKind
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF}), bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")):
		kind = AttachPhoto
	case bytes.HasPrefix(head, []byte("%PDF-")):
		kind = AttachPDF
	default:
		return "", &FieldError{Field: FieldAttachFile, Message: fmt.Sprintf(
			"«%s» er verken et JPEG- eller PNG-bilde eller en PDF, og kan ikke legges ved%s.", base, extensionHint(base))}
	}
	limit := int64(MaxPhotoInputBytes)
	what := "Bildet"
	if kind == AttachPDF {
		limit, what = MaxPDFBytes, "PDF-en"
	}
	if size > limit {
		return "", &FieldError{Field: FieldAttachFile, Message: fmt.Sprintf(
			"%s «%s» er %s, men kan være høyst %s.", what, base, FormatBytes(size), FormatBytes(limit))}
	}
	return kind, nil
}

// extensionHint explains a refused file whose name promises an accepted
// type: the name is not what decides.
func extensionHint(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jpg", ".jpeg", ".png", ".pdf":
		return " (innholdet stemmer ikke med filendelsen)"
	case ".heic", ".heif":
		return " (HEIC-bilder støttes ikke; lagre bildet som JPEG)"
	}
	return ""
}

// FormatBytes is a size as a reader says it: «850 kB», «12,3 MB».
func FormatBytes(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d byte", n)
	case n < 1000<<10:
		return fmt.Sprintf("%d kB", (n+512)/1024)
	}
	mb := float64(n) / (1 << 20)
	return strings.Replace(fmt.Sprintf("%.1f MB", mb), ".", ",", 1)
}

// CanAddAttachment checks the per-record limit before a file is added.
func CanAddAttachment(existing int, owner AttachmentOwner) error {
	if existing >= MaxAttachmentsPerOwner {
		return &FieldError{Field: FieldAttachFile, Message: fmt.Sprintf(
			"%s har allerede %d vedlegg, som er det meste som kan legges ved.", upperFirstWord(owner.Label()), existing)}
	}
	return nil
}

func upperFirstWord(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) + s[n:]
}

// AttachmentCounts counts the attachments of each record of kind owner,
// by record ID, from their metadata only (lists never read the files);
// for OwnerFinding the record is the round, all its questions together.
func AttachmentCounts(atts []Attachment, owner AttachmentOwner) map[uint64]int {
	out := map[uint64]int{}
	for _, a := range atts {
		if a.OwnerKind == owner {
			out[a.OwnerID]++
		}
	}
	return out
}

// FindingAttachmentCounts counts the attachments of round roundID's
// findings, by question number.
func FindingAttachmentCounts(atts []Attachment, roundID uint64) map[int]int {
	out := map[int]int{}
	for _, a := range atts {
		if a.OwnerKind == OwnerFinding && a.OwnerID == roundID {
			out[a.Question]++
		}
	}
	return out
}

// ListPreviews picks, for each record of kind owner, the attachment its
// row in a list shows: the first photo added, or the first attachment
// when it has no photo (a PDF, shown as a document icon). From the
// metadata only; for OwnerFinding the record is the round.
func ListPreviews(atts []Attachment, owner AttachmentOwner) map[uint64]Attachment {
	out := map[uint64]Attachment{}
	for _, a := range atts {
		if a.OwnerKind == owner {
			pickPreview(out, a.OwnerID, a)
		}
	}
	return out
}

// FindingListPreviews is ListPreviews for the findings of round roundID,
// by question number.
func FindingListPreviews(atts []Attachment, roundID uint64) map[int]Attachment {
	out := map[int]Attachment{}
	for _, a := range atts {
		if a.OwnerKind == OwnerFinding && a.OwnerID == roundID {
			pickPreview(out, a.Question, a)
		}
	}
	return out
}

// pickPreview keeps a in m under k unless m has a photo there already
// (atts come in the order added, so the first photo wins).
func pickPreview[K comparable](m map[K]Attachment, k K, a Attachment) {
	if cur, ok := m[k]; !ok || cur.Kind != AttachPhoto && a.Kind == AttachPhoto {
		m[k] = a
	}
}

// ListThumbHidden reports whether a list row hides attachment a's
// thumbnail: in Møtemodus, for the records whose photos the forms hide
// there (AttachmentHidden). The count of attachments is still shown.
func ListThumbHidden(a Attachment, meetingMode bool) bool {
	return meetingMode && AttachmentHidden(a)
}

// AttachmentHidden reports whether Møtemodus hides the attachment's
// picture: photos of deviations show what happened, which is as
// sensitive as the description Møtemodus hides.
func AttachmentHidden(a Attachment) bool {
	return a.OwnerKind == OwnerDeviation
}

// PhotoConcernsPerson reports whether a deviation's photos may show or
// concern a person: violence and threats, or any harm to a person. The
// annual report goes to HR and AMU and says it leaves descriptions of
// incidents out, so such photos stay in the unit's file.
func (d Deviation) PhotoConcernsPerson() bool {
	return d.Category == DevViolence || (d.PersonHarm != "" && d.PersonHarm != HarmNone)
}

// ReportPhoto is a photo as a report prints it: its metadata and the
// thumbnail (JPEG). The annual report prints the first
// MaxReportPhotosPerSection of a section and counts the rest, so the
// rest are read without their thumbnail (JPEG nil).
type ReportPhoto struct {
	Attachment Attachment
	JPEG       []byte
}

// MaxReportPhotosPerSection is how many photos a report section prints,
// in ReportPhotos' order, which keeps a heavy unit's section readable; a
// note counts the rest (the safety rounds' findings and the serious
// deviations are a section each).
const MaxReportPhotosPerSection = 24

// ReportPhotos picks the photos the annual report for year shows: those
// of safety-round findings (a question still answered «Må forbedres») in
// rounds dated in the year, and of serious deviations dated in the year,
// ordered by that date, deviations first on the same day, then as added.
// PDFs and the photos of risk items and meetings are not shown, nor those
// of deviations that concern a person (PhotoConcernsPerson).
func ReportPhotos(atts []Attachment, devs []Deviation, rounds []SafetyRound, year HMSYear) []Attachment {
	picks := pickReportPhotos(atts, reportDeviationDates(devs, year), reportRounds(rounds, year))
	sort.SliceStable(picks, func(i, j int) bool {
		if c := picks[i].date.Compare(picks[j].date); c != 0 {
			return c < 0
		}
		if picks[i].kind != picks[j].kind {
			return picks[i].kind < picks[j].kind
		}
		return picks[i].a.ID < picks[j].a.ID
	})
	out := make([]Attachment, len(picks))
	for i, p := range picks {
		out[i] = p.a
	}
	return out
}

// reportPhotoPick is a photo ReportPhotos shows, with the date and kind
// it is ordered by.
type reportPhotoPick struct {
	a    Attachment
	date Date
	kind int // 0 deviation, 1 finding
}

// reportDeviationDates are the dates of the deviations whose photos the
// annual report shows: serious, dated in year, not about a person.
func reportDeviationDates(devs []Deviation, year HMSYear) map[uint64]Date {
	out := map[uint64]Date{}
	for _, d := range devs {
		if year.Contains(d.Date) && d.Severity.Serious() && !d.PhotoConcernsPerson() {
			out[d.ID] = d.Date
		}
	}
	return out
}

// reportRounds are the safety rounds dated in year, by ID.
func reportRounds(rounds []SafetyRound, year HMSYear) map[uint64]SafetyRound {
	out := map[uint64]SafetyRound{}
	for _, r := range rounds {
		if year.Contains(r.Date) {
			out[r.ID] = r
		}
	}
	return out
}

// pickReportPhotos keeps the photos of those deviations and of the
// rounds' findings still answered «Må forbedres».
func pickReportPhotos(atts []Attachment, devDate map[uint64]Date, roundByID map[uint64]SafetyRound) []reportPhotoPick {
	var picks []reportPhotoPick
	for _, a := range atts {
		if a.Kind != AttachPhoto {
			continue
		}
		switch a.OwnerKind {
		case OwnerDeviation:
			if d, ok := devDate[a.OwnerID]; ok {
				picks = append(picks, reportPhotoPick{a, d, 0})
			}
		case OwnerFinding:
			if r, ok := roundByID[a.OwnerID]; ok && r.AnswerFor(a.Question).Answer == AnswerImprove {
				picks = append(picks, reportPhotoPick{a, r.Date, 1})
			}
		}
	}
	return picks
}

// photoSource is the attachments read API (the store has it).
type photoSource interface {
	AllAttachments() ([]Attachment, error)
	AttachmentThumbs([]Attachment) ([][]byte, error)
}

// photoSteps read the photos the annual report shows (ReportPhotos) into
// d.Photos: the list of attachments beside the other lists, the photos
// once the deviations and safety rounds they belong to are read, and of
// them the thumbnails a section prints only (printedPhotos). None when
// src keeps no photos.
func photoSteps(src any, d *AnnualData) []loadStep {
	x, ok := src.(photoSource)
	if !ok {
		return nil
	}
	var atts []Attachment
	return []loadStep{
		{what: stepAttachments, fn: func() (e error) { atts, e = x.AllAttachments(); return }},
		{what: stepPhotos, after: []string{stepAttachments, stepDeviations, stepSafetyRounds}, fn: func() (e error) {
			d.Photos, e = readPhotos(x, ReportPhotos(atts, d.Deviations, d.SafetyRounds, d.Year))
			return
		}},
	}
}

// readPhotos returns photos as AnnualData.Photos holds them, with the
// thumbnails of those a section prints (printedPhotos) read: the heavy
// unit's year has 101 photos, of which the report prints 25 (and at
// scale 200, 25 of 401). Nil when there are none.
func readPhotos(x photoSource, photos []Attachment) ([]ReportPhoto, error) {
	if len(photos) == 0 {
		return nil, nil
	}
	printed := printedPhotos(photos)
	raws, err := x.AttachmentThumbs(printed)
	if err != nil {
		return nil, err
	}
	thumb := make(map[uint64][]byte, len(printed))
	for i, a := range printed {
		thumb[a.ID] = raws[i]
	}
	out := make([]ReportPhoto, len(photos))
	for i, a := range photos {
		out[i] = ReportPhoto{Attachment: a, JPEG: thumb[a.ID]}
	}
	return out, nil
}

// printedPhotos are the photos of ps (in ReportPhotos' order) a report
// prints: the first MaxReportPhotosPerSection of each owner kind, in the
// same order.
func printedPhotos(ps []Attachment) []Attachment {
	n := map[AttachmentOwner]int{}
	var out []Attachment
	for _, a := range ps {
		if n[a.OwnerKind] < MaxReportPhotosPerSection {
			n[a.OwnerKind]++
			out = append(out, a)
		}
	}
	return out
}

// ReportPhotoCount is how many of the annual report's photos belong to
// records of kind owner: the submission carries this count, never the
// photos.
func ReportPhotoCount(photos []ReportPhoto, owner AttachmentOwner) int {
	n := 0
	for _, p := range photos {
		if p.Attachment.OwnerKind == owner {
			n++
		}
	}
	return n
}

// RoundPhotos picks the photos of round r's findings for its own report,
// in question order (as added within a question).
func RoundPhotos(atts []Attachment, r SafetyRound) []Attachment {
	out := ReportPhotos(atts, nil, []SafetyRound{r}, HMSYear(r.Date.Year()))
	sort.SliceStable(out, func(i, j int) bool { return out[i].Question < out[j].Question })
	return out
}

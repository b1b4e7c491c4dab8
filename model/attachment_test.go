package model

import (
	"fmt"
	"strings"
	"testing"
)

func TestSniffAttachment(t *testing.T) {
	jpeg := []byte{0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'}
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR")
	pdf := []byte("%PDF-1.7\n")
	tests := []struct {
		name    string
		file    string
		head    []byte
		size    int64
		want    AttachmentKind
		wantMsg string // part of the message; "" = accepted
	}{
		{"jpeg", "IMG_0001.JPG", jpeg, 3 << 20, AttachPhoto, ""},
		{"png named .txt is still a png", "skjerm.txt", png, 1000, AttachPhoto, ""},
		{"pdf", "rapport.pdf", pdf, 1 << 20, AttachPDF, ""},
		{"photo at the limit", "a.jpg", jpeg, MaxPhotoInputBytes, AttachPhoto, ""},
		{"photo one byte over", "a.jpg", jpeg, MaxPhotoInputBytes + 1, "", "Bildet «a.jpg» er 10,0 MB, men kan være høyst 10,0 MB"},
		{"pdf at the limit", "a.pdf", pdf, MaxPDFBytes, AttachPDF, ""},
		{"pdf one byte over", "a.pdf", pdf, MaxPDFBytes + 1, "", "PDF-en «a.pdf» er 20,0 MB, men kan være høyst 20,0 MB"},
		{"text renamed to jpg", `C:\Bilder\notat.jpg`, []byte("Hei, dette er tekst"), 20, "", "«notat.jpg» er verken et JPEG- eller PNG-bilde eller en PDF, og kan ikke legges ved (innholdet stemmer ikke med filendelsen)."},
		{"heic", "IMG_1.HEIC", []byte("\x00\x00\x00\x18ftypheic"), 2000, "", "HEIC-bilder støttes ikke"},
		{"gif", "a.gif", []byte("GIF89a"), 100, "", "verken et JPEG"},
		{"empty", "tom.jpg", nil, 0, "", "«tom.jpg» er tom."},
		{"two bytes of jpeg magic only", "a.jpg", []byte{0xFF, 0xD8}, 2, "", "verken"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SniffAttachment(tt.file, tt.head, tt.size)
			if tt.wantMsg == "" {
				if err != nil || got != tt.want {
					t.Fatalf("got %q, %v; want %q", got, err, tt.want)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Fatalf("error %v, want it to contain %q", err, tt.wantMsg)
			}
		})
	}
}

func validPhoto() Attachment {
	return Attachment{ID: 1, OwnerKind: OwnerDeviation, OwnerID: 7, Kind: AttachPhoto, Filename: "a.jpg",
		Size: 1234, Width: 1600, Height: 1200, Created: NewDate(2025, 3, 1)}
}

func TestAttachmentValidate(t *testing.T) {
	tests := []struct {
		name    string
		mod     func(*Attachment)
		wantMsg string
	}{
		{"valid photo", func(*Attachment) {}, ""},
		{"valid pdf has no size in pixels", func(a *Attachment) { a.Kind, a.Width, a.Height = AttachPDF, 0, 0 }, ""},
		{"finding with question", func(a *Attachment) { a.OwnerKind, a.Question = OwnerFinding, 3 }, ""},
		{"finding without question", func(a *Attachment) { a.OwnerKind = OwnerFinding }, "hvilket spørsmål"},
		{"no owner id", func(a *Attachment) { a.OwnerID = 0 }, "ikke knyttet"},
		{"unknown owner", func(a *Attachment) { a.OwnerKind = "tiltak" }, "ikke knyttet"},
		{"unknown kind", func(a *Attachment) { a.Kind = "video" }, "bilde eller en PDF"},
		{"no filename", func(a *Attachment) { a.Filename = "" }, "mangler filnavn"},
		{"empty", func(a *Attachment) { a.Size = 0 }, "tomt"},
		{"photo longer than stored size", func(a *Attachment) { a.Width = PhotoLongestSide + 1 }, "ugyldig størrelse"},
		{"photo without height", func(a *Attachment) { a.Height = 0 }, "ugyldig størrelse"},
		{"caption at the limit", func(a *Attachment) { a.Caption = strings.Repeat("æ", MaxCaptionLen) }, ""},
		{"caption over the limit", func(a *Attachment) { a.Caption = strings.Repeat("æ", MaxCaptionLen+1) }, "for lang (201 tegn, høyst 200)"},
		{"caption with national id", func(a *Attachment) { a.Caption = "Gjelder " + genNID(t, 15, 6, 85, 123) }, "fødselsnummer"},
		{"no date", func(a *Attachment) { a.Created = Date{} }, "mangler dato"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := validPhoto()
			tt.mod(&a)
			err := a.Validate()
			if tt.wantMsg == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Fatalf("error %v, want it to contain %q", err, tt.wantMsg)
			}
		})
	}
}

func TestCleanFilenameAndNormalized(t *testing.T) {
	for in, want := range map[string]string{
		`C:\Users\kari\Bilder\IMG 1.jpg`: "IMG 1.jpg",
		"/home/kari/a.png":               "a.png",
		"  navn\x00med\tkontroll.pdf ":   "navnmedkontroll.pdf",
		"dir/":                           "",
	} {
		if got := CleanFilename(in); got != want {
			t.Errorf("CleanFilename(%q) = %q, want %q", in, got, want)
		}
	}
	a := Attachment{Caption: "  Sperret   rømningsvei \n", Filename: "/tmp/x.jpg"}.Normalized()
	if a.Caption != "Sperret rømningsvei" || a.Filename != "x.jpg" {
		t.Errorf("Normalized = %+v", a)
	}
}

func TestFormatBytes(t *testing.T) {
	for n, want := range map[int64]string{
		0: "0 byte", 1023: "1023 byte", 1024: "1 kB", 850 * 1024: "850 kB",
		1000<<10 - 1: "1000 kB", 1000 << 10: "1,0 MB", 12_900_000: "12,3 MB",
	} {
		if got := FormatBytes(n); got != want {
			t.Errorf("FormatBytes(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestCanAddAttachmentAndOwns(t *testing.T) {
	if err := CanAddAttachment(MaxAttachmentsPerOwner-1, OwnerDeviation); err != nil {
		t.Errorf("one below the limit: %v", err)
	}
	err := CanAddAttachment(MaxAttachmentsPerOwner, OwnerMeeting)
	if err == nil || !strings.Contains(err.Error(), "Møtet har allerede 20 vedlegg") {
		t.Errorf("at the limit: %v", err)
	}
	f := Attachment{OwnerKind: OwnerFinding, OwnerID: 4, Question: 2}
	if !f.Owns(OwnerFinding, 4, 2) || f.Owns(OwnerFinding, 4, 3) || f.Owns(OwnerDeviation, 4, 2) {
		t.Error("Owns of a finding must compare the question")
	}
	d := Attachment{OwnerKind: OwnerDeviation, OwnerID: 4}
	if !d.Owns(OwnerDeviation, 4, 0) || !d.Owns(OwnerDeviation, 4, 9) || d.Owns(OwnerDeviation, 5, 0) {
		t.Error("Owns of a deviation ignores the question")
	}
	if !AttachmentHidden(d) || AttachmentHidden(f) {
		t.Error("Møtemodus hides deviation photos only")
	}
}

func TestReportPhotos(t *testing.T) {
	y := HMSYear(2025)
	devs := []Deviation{
		{ID: 1, Date: NewDate(2025, 5, 2), Severity: SeveritySerious},
		{ID: 2, Date: NewDate(2025, 3, 1), Severity: SeverityVerySerious},
		{ID: 3, Date: NewDate(2025, 3, 1), Severity: SeverityMinor},                           // not serious
		{ID: 4, Date: NewDate(2024, 12, 31), Severity: SeverityVerySerious},                   // the year before
		{ID: 5, Date: NewDate(2025, 6, 1), Severity: SeveritySerious, Category: DevViolence},  // about a person
		{ID: 6, Date: NewDate(2025, 6, 1), Severity: SeveritySerious, PersonHarm: HarmInjury}, // about a person
	}
	rounds := []SafetyRound{
		{ID: 1, Date: NewDate(2025, 3, 1), Answers: []RoundAnswer{{Number: 1, Answer: AnswerImprove}, {Number: 2, Answer: AnswerOK}}},
		{ID: 2, Date: NewDate(2026, 1, 2), Answers: []RoundAnswer{{Number: 1, Answer: AnswerImprove}}},
	}
	att := func(id uint64, o AttachmentOwner, owner uint64, q int, k AttachmentKind) Attachment {
		return Attachment{ID: id, OwnerKind: o, OwnerID: owner, Question: q, Kind: k}
	}
	atts := []Attachment{
		att(1, OwnerDeviation, 1, 0, AttachPhoto),
		att(2, OwnerFinding, 1, 1, AttachPhoto),
		att(3, OwnerDeviation, 2, 0, AttachPhoto),
		att(4, OwnerDeviation, 3, 0, AttachPhoto), // minor
		att(5, OwnerDeviation, 4, 0, AttachPhoto), // 2024
		att(6, OwnerFinding, 1, 2, AttachPhoto),   // answered OK now
		att(7, OwnerFinding, 2, 1, AttachPhoto),   // 2026
		att(8, OwnerDeviation, 2, 0, AttachPDF),   // not a photo
		att(9, OwnerRiskItem, 1, 0, AttachPhoto),  // not shown
		att(10, OwnerMeeting, 1, 0, AttachPhoto),  // not shown
		att(11, OwnerDeviation, 2, 0, AttachPhoto),
		att(12, OwnerDeviation, 5, 0, AttachPhoto), // violence
		att(13, OwnerDeviation, 6, 0, AttachPhoto), // harm to a person
	}
	var got []uint64
	for _, a := range ReportPhotos(atts, devs, rounds, y) {
		got = append(got, a.ID)
	}
	// 1 March: deviation 2's photos (3, 11) before round 1's finding (2); then 2 May.
	want := []uint64{3, 11, 2, 1}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestPhotoConcernsPerson(t *testing.T) {
	for _, c := range []struct {
		d    Deviation
		want bool
	}{
		{Deviation{Category: DevFire}, false},
		{Deviation{Category: DevFire, PersonHarm: HarmNone}, false},
		{Deviation{Category: DevViolence}, true},
		{Deviation{Category: DevViolence, PersonHarm: HarmNone}, true},
		{Deviation{Category: DevInjury, PersonHarm: HarmInjury}, true},
		{Deviation{Category: DevEnvironment, PersonHarm: HarmSerious}, true},
		{Deviation{Category: DevFire, PersonHarm: HarmDeath}, true},
	} {
		if got := c.d.PhotoConcernsPerson(); got != c.want {
			t.Errorf("%s/%s: %v, want %v", c.d.Category, c.d.PersonHarm, got, c.want)
		}
	}
}

func TestAttachmentCounts(t *testing.T) {
	atts := []Attachment{
		{ID: 1, OwnerKind: OwnerDeviation, OwnerID: 7},
		{ID: 2, OwnerKind: OwnerDeviation, OwnerID: 7, Kind: AttachPDF},
		{ID: 3, OwnerKind: OwnerDeviation, OwnerID: 8},
		{ID: 4, OwnerKind: OwnerMeeting, OwnerID: 7},
		{ID: 5, OwnerKind: OwnerFinding, OwnerID: 3, Question: 2},
		{ID: 6, OwnerKind: OwnerFinding, OwnerID: 3, Question: 2},
		{ID: 7, OwnerKind: OwnerFinding, OwnerID: 3, Question: 5},
		{ID: 8, OwnerKind: OwnerFinding, OwnerID: 4, Question: 2},
	}
	tests := []struct {
		owner AttachmentOwner
		want  map[uint64]int
	}{
		{OwnerDeviation, map[uint64]int{7: 2, 8: 1}},
		{OwnerMeeting, map[uint64]int{7: 1}},
		{OwnerRiskItem, map[uint64]int{}},
		{OwnerFinding, map[uint64]int{3: 3, 4: 1}},
	}
	for _, tt := range tests {
		got := AttachmentCounts(atts, tt.owner)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("AttachmentCounts(%s) = %v, want %v", tt.owner, got, tt.want)
		}
	}
	rounds := []struct {
		id   uint64
		want map[int]int
	}{
		{3, map[int]int{2: 2, 5: 1}},
		{4, map[int]int{2: 1}},
		{9, map[int]int{}},
	}
	for _, tt := range rounds {
		if got := FindingAttachmentCounts(atts, tt.id); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("FindingAttachmentCounts(%d) = %v, want %v", tt.id, got, tt.want)
		}
	}
	if got := AttachmentCounts(nil, OwnerDeviation); len(got) != 0 {
		t.Errorf("no attachments counted %v", got)
	}
}

func TestListPreviews(t *testing.T) {
	photo, pdf := AttachPhoto, AttachPDF
	atts := []Attachment{
		{ID: 1, OwnerKind: OwnerDeviation, OwnerID: 7, Kind: pdf},
		{ID: 2, OwnerKind: OwnerDeviation, OwnerID: 7, Kind: photo},
		{ID: 3, OwnerKind: OwnerDeviation, OwnerID: 7, Kind: photo},
		{ID: 4, OwnerKind: OwnerDeviation, OwnerID: 8, Kind: pdf},
		{ID: 5, OwnerKind: OwnerDeviation, OwnerID: 8, Kind: pdf},
		{ID: 6, OwnerKind: OwnerMeeting, OwnerID: 7, Kind: photo},
		{ID: 7, OwnerKind: OwnerFinding, OwnerID: 3, Question: 2, Kind: photo},
		{ID: 8, OwnerKind: OwnerFinding, OwnerID: 3, Question: 5, Kind: pdf},
		{ID: 9, OwnerKind: OwnerFinding, OwnerID: 4, Question: 2, Kind: photo},
	}
	ids := func(m map[uint64]Attachment) map[uint64]uint64 {
		out := map[uint64]uint64{}
		for k, a := range m {
			out[k] = a.ID
		}
		return out
	}
	tests := []struct {
		owner AttachmentOwner
		want  map[uint64]uint64 // record → attachment shown
	}{
		{OwnerDeviation, map[uint64]uint64{7: 2, 8: 4}}, // first photo, else the first file
		{OwnerMeeting, map[uint64]uint64{7: 6}},
		{OwnerRiskItem, map[uint64]uint64{}},
		{OwnerFinding, map[uint64]uint64{3: 7, 4: 9}},
	}
	for _, tt := range tests {
		if got := ids(ListPreviews(atts, tt.owner)); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("ListPreviews(%s) = %v, want %v", tt.owner, got, tt.want)
		}
	}
	got := FindingListPreviews(atts, 3)
	if len(got) != 2 || got[2].ID != 7 || got[5].ID != 8 {
		t.Errorf("FindingListPreviews(3) = %v", got)
	}
	hidden := []struct {
		owner AttachmentOwner
		mode  bool
		want  bool
	}{
		{OwnerDeviation, true, true}, {OwnerDeviation, false, false},
		{OwnerMeeting, true, false}, {OwnerRiskItem, true, false}, {OwnerFinding, true, false},
	}
	for _, h := range hidden {
		if got := ListThumbHidden(Attachment{OwnerKind: h.owner}, h.mode); got != h.want {
			t.Errorf("ListThumbHidden(%s, møtemodus %v) = %v, want %v", h.owner, h.mode, got, h.want)
		}
	}
}

// thumbSource is a photoSource that records which thumbnails were asked
// for; a thumbnail is its photo's ID as text.
type thumbSource struct{ asked []uint64 }

func (s *thumbSource) AllAttachments() ([]Attachment, error) { return nil, nil }

func (s *thumbSource) AttachmentThumbs(as []Attachment) ([][]byte, error) {
	out := make([][]byte, len(as))
	for i, a := range as {
		s.asked = append(s.asked, a.ID)
		out[i] = []byte(fmt.Sprint(a.ID))
	}
	return out, nil
}

// The annual report prints the first MaxReportPhotosPerSection photos of
// each section and counts the rest, so the read fetches the thumbnails
// of those only; every photo is still listed, for the count.
func TestReadPhotosFetchesThePrintedThumbnailsOnly(t *testing.T) {
	photos := func(devs, findings int) []Attachment {
		var out []Attachment
		for i := range max(devs, findings) {
			if i < devs {
				out = append(out, Attachment{ID: uint64(1000 + i), OwnerKind: OwnerDeviation, Kind: AttachPhoto})
			}
			if i < findings {
				out = append(out, Attachment{ID: uint64(2000 + i), OwnerKind: OwnerFinding, Kind: AttachPhoto})
			}
		}
		return out
	}
	limit := MaxReportPhotosPerSection
	for _, c := range []struct {
		name             string
		devs, findings   int
		wantDev, wantFnd int // thumbnails read
	}{
		{"none", 0, 0, 0, 0},
		{"a few", 3, 2, 3, 2},
		{"exactly a section's", limit, limit, limit, limit},
		{"one more in one section", limit + 1, 5, limit, 5},
		{"many in both", 3 * limit, 2*limit + 7, limit, limit},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := &thumbSource{}
			in := photos(c.devs, c.findings)
			got, err := readPhotos(src, in)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(in) {
				t.Fatalf("%d photos listed, want %d", len(got), len(in))
			}
			if n := ReportPhotoCount(got, OwnerDeviation); n != c.devs {
				t.Errorf("deviation photos counted %d, want %d", n, c.devs)
			}
			if n := ReportPhotoCount(got, OwnerFinding); n != c.findings {
				t.Errorf("finding photos counted %d, want %d", n, c.findings)
			}
			seen := map[AttachmentOwner]int{}
			for i, p := range got {
				if p.Attachment != in[i] {
					t.Fatalf("photo %d is %v, want %v (the order kept)", i, p.Attachment.ID, in[i].ID)
				}
				printed := seen[p.Attachment.OwnerKind] < limit
				seen[p.Attachment.OwnerKind]++
				if printed != (p.JPEG != nil) || (printed && string(p.JPEG) != fmt.Sprint(p.Attachment.ID)) {
					t.Errorf("photo %d (%d of its section): thumbnail %q, printed %v", p.Attachment.ID, seen[p.Attachment.OwnerKind], p.JPEG, printed)
				}
			}
			if len(src.asked) != c.wantDev+c.wantFnd {
				t.Errorf("%d thumbnails read, want %d", len(src.asked), c.wantDev+c.wantFnd)
			}
		})
	}
}

package vedlegg

import (
	"testing"

	"hmsutvalg/ui/i18n"
)

// TestCountTextEnglish: one attachment is singular in English.
func TestCountTextEnglish(t *testing.T) {
	if err := i18n.Setup(i18n.English); err != nil {
		t.Fatal(err)
	}
	defer i18n.Setup(i18n.Bokmal)
	for n, want := range map[int]string{1: "1 attachment", 2: "2 attachments", 0: "0 attachments"} {
		if got := CountText(n); got != want {
			t.Errorf("CountText(%d) = %q, want %q", n, got, want)
		}
	}
	i18n.Setup(i18n.Bokmal)
	if got := CountText(1); got != "1 vedlegg" {
		t.Errorf("bokmål: %q", got)
	}
}

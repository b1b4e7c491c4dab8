package pdfexport

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/reports"
	"hmsutvalg/ui/uitest"
)

func TestWriteRealPDF(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName("HMS-handlingsplan", "Solsiden/Øst"))
	if strings.Contains(filepath.Base(path), "/") {
		t.Fatalf("unsafe file name %q", path)
	}
	err := Write(path, func() *reports.Document {
		return reports.ActionPlanReport(reports.ActionPlanInput{
			Unit:  model.Unit{Name: "Solsiden sykehjem", Municipality: "Ringsaker kommune"},
			Today: model.NewDate(2026, 11, 24),
		}, reports.Options{})
	})
	if err != nil {
		t.Fatal(err)
	}
	out := uitest.PDFText(t, path)
	if !strings.Contains(out, "Solsiden sykehjem") {
		t.Errorf("PDF text lacks the unit: %q", out)
	}
}

func TestWriteToUnwritablePlaceFails(t *testing.T) {
	err := Write(filepath.Join(t.TempDir(), "mangler", "x.pdf"), func() *reports.Document {
		return reports.New(reports.Options{})
	})
	if err == nil || !strings.Contains(err.Error(), "kunne ikke lagres") {
		t.Errorf("err = %v", err)
	}
	_ = os.Remove("x.pdf")
}

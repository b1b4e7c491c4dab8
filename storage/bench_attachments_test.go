package storage_test

import (
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

// BenchmarkAttachmentLists times what a form does on opening with the
// heavy unit's ≈700 photos stored: the deviation list and the attachment
// metadata of one deviation, without the list cache (NoListCache), so
// every iteration reads the bucket. The photos are in their own bucket,
// so neither list touches them: compare "deviations" with the same
// benchmark on a file without photos.
func BenchmarkAttachmentLists(b *testing.B) {
	path := heavyDemo(b)
	st, err := storage.Open(path, storage.Options{ReadOnly: true, NoListCache: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	all, err := st.AllAttachments()
	if err != nil || len(all) < 500 {
		b.Fatalf("%d attachments, %v", len(all), err)
	}
	owner := all[0]
	b.Run("attachments", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if list, err := st.Attachments(model.OwnerDeviation, owner.OwnerID, 0); err != nil || len(list) == 0 {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(all)), "vedlegg")
	})
	b.Run("deviations", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := st.Deviations(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

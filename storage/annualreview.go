package storage

import (
	"fmt"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// Årlig gjennomgang: the committee's own record of each HMS year
// (model.AnnualReview), one per year in "annual_reviews" (schema 4).
// Saving a review for a year that has one replaces it, so the form need
// not know the ID.

// EntityAnnualReview is the change-log name of an annual review.
const EntityAnnualReview = "årlig gjennomgang"

// bucketAnnualReviews holds the annual reviews (schema 4).
const bucketAnnualReviews = "annual_reviews"

// migrateV4 adds the empty bucket; existing records need no conversion.
func migrateV4(tx *bbolt.Tx) error {
	_, err := tx.CreateBucketIfNotExists([]byte(bucketAnnualReviews))
	return err
}

// annualReviews reads reviews; writes use annualReviewEntity with the
// day's date.
var annualReviews = annualReviewEntity(model.Date{})

func annualReviewEntity(today model.Date) entity[model.AnnualReview] {
	return entity[model.AnnualReview]{
		bucket: bucketAnnualReviews,
		name:   EntityAnnualReview,
		id:     func(r model.AnnualReview) uint64 { return r.ID },
		setID:  func(r *model.AnnualReview, id uint64) { r.ID = id },
		label:  func(r model.AnnualReview) string { return "for " + r.Year.String() },
		norm:   model.AnnualReview.Normalized,
		check:  func(r model.AnnualReview) error { return r.Validate(today) },
		across: func(others []model.AnnualReview, r model.AnnualReview) error {
			for _, o := range others {
				if o.Year == r.Year {
					var v model.ValidationError
					v.Add(model.FieldReviewYear, fmt.Sprintf("Det finnes allerede en årlig gjennomgang for %s – åpne den i stedet", r.Year))
					return v.Err()
				}
			}
			return nil
		},
	}
}

var (
	_ = registerBucket(recordSpec(bucketAnnualReviews, "årlige gjennomganger", 4, func(id uint64, r model.AnnualReview) error {
		if r.ID != id {
			return fmt.Errorf("posten har ID %d", r.ID)
		}
		// When it was saved is not recorded; checked as of the latest
		// date in it, the earliest day it can have been saved.
		return r.Validate(latestReviewDate(r))
	}))
	_ = registerInvariant(checkAnnualReviewInvariants)
)

// latestReviewDate is the latest date in r, or the start of its year.
func latestReviewDate(r model.AnnualReview) model.Date {
	d := r.Year.Start()
	for _, x := range []model.Date{r.RegulationsConfirmed, r.TreatedOn} {
		if x.After(d) {
			d = x
		}
	}
	for _, c := range r.Trainings {
		if c.Date.After(d) {
			d = c.Date
		}
	}
	return d
}

// checkAnnualReviewInvariants: at most one review per year.
func checkAnnualReviewInvariants(tx *bbolt.Tx) []string {
	var problems []string
	count := map[model.HMSYear]int{}
	_ = forEachDecodable(tx, bucketAnnualReviews, func(_ uint64, r model.AnnualReview) error {
		if count[r.Year]++; count[r.Year] == 2 {
			problems = append(problems, fmt.Sprintf("Det finnes flere årlige gjennomganger for %s; det skal være én", r.Year))
		}
		return nil
	})
	return problems
}

// AnnualReviews returns all annual reviews in ID order.
func (s *Store) AnnualReviews() ([]model.AnnualReview, error) {
	return listEntities(s, annualReviews)
}

// AnnualReview returns the review of year, and false if there is none.
// It is model.AnnualData's source of the review.
func (s *Store) AnnualReview(year model.HMSYear) (model.AnnualReview, bool, error) {
	all, err := s.AnnualReviews()
	for _, r := range all {
		if r.Year == year {
			return r, true, err
		}
	}
	return model.AnnualReview{}, false, err
}

// SaveAnnualReview stores the review of r.Year, validated as of today
// (model.AnnualReview.Validate): it replaces the year's review if there
// is one, whatever r.ID says. A refused review leaves the file as it was.
func (s *Store) SaveAnnualReview(r model.AnnualReview, today model.Date) (model.AnnualReview, error) {
	return inBatch(s, func(b *Batch) (model.AnnualReview, error) { return b.SaveAnnualReview(r, today) })
}

// SaveAnnualReview is Store.SaveAnnualReview inside the batch.
func (b *Batch) SaveAnnualReview(r model.AnnualReview, today model.Date) (model.AnnualReview, error) {
	today = b.today(today)
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		e := annualReviewEntity(today)
		all, err := e.list(tx)
		if err != nil {
			return nil, err
		}
		r.ID = 0
		for _, o := range all {
			if o.Year == r.Year {
				r.ID = o.ID
			}
		}
		var c Change
		r, c, err = e.save(tx, r)
		return single(c, err)
	})
	return r, err
}

// DeleteAnnualReview removes a review.
func (s *Store) DeleteAnnualReview(id uint64) error {
	return deleteEntity(s, annualReviews, id)
}

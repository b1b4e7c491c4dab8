package reports

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"hmsutvalg/model"
	"hmsutvalg/model/submissionfile"
)

// SubmissionJSON computes the annual figures of data and returns the
// submission file (model.Submission) as JSON.
func SubmissionJSON(data model.AnnualData, appVersion string) ([]byte, error) {
	f := model.ComputeAnnualFigures(data)
	return model.NewSubmission(data, f, appVersion).Marshal()
}

// Aggregation is the municipality's picture (model.MunicipalAggregate).
type Aggregation = model.MunicipalAggregate

// ExpectedUnit is a unit that should have sent its submission.
type ExpectedUnit = model.ExpectedUnit

// ParseExpectedUnits reads a list of units (model.ParseExpectedUnits).
func ParseExpectedUnits(text string) []ExpectedUnit { return model.ParseExpectedUnits(text) }

// AggregateFiles reads the files and aggregates them for year (0 = the
// year most files are for) against the expected units.
func AggregateFiles(paths []string, year model.HMSYear, expected []ExpectedUnit) Aggregation {
	return AggregateFilesWith(paths, model.AggregateOptions{Year: year, Expected: expected}, nil)
}

// AggregateFilesWith reads the files (a folder counts as its .json files)
// one at a time and aggregates those that are valid; progress, when not
// nil, is called after each file with the number read so far.
func AggregateFilesWith(paths []string, o model.AggregateOptions, progress func(done int)) Aggregation {
	subs, problems := ReadSubmissionFiles(paths, progress)
	return model.Aggregate(subs, problems, o)
}

// ReadSubmissionFiles reads and validates submission files. A folder
// among paths stands for the .json files directly in it, in name order.
// Files are read one at a time, each refused above
// model.MaxSubmissionSize before it is read whole, so memory stays
// bounded by the size limit and the parsed figures, however large or
// many the files. A file that cannot be used is returned as a problem
// with the reason.
func ReadSubmissionFiles(paths []string, progress func(done int)) ([]model.SubmissionFile, []model.FileProblem) {
	var subs []model.SubmissionFile
	var problems []model.FileProblem
	done := 0
	read := func(p string) {
		s, err := readSubmissionFile(p)
		if err != nil {
			problems = append(problems, model.FileProblem{File: p, Reason: err.Error(), Kind: model.ProblemUnreadable})
		} else {
			subs = append(subs, model.SubmissionFile{File: p, Submission: s})
		}
		done++
		if progress != nil {
			progress(done)
		}
	}
	for _, p := range paths {
		files, err := folderFiles(p)
		switch {
		case err != nil:
			problems = append(problems, model.FileProblem{File: p, Reason: err.Error(), Kind: model.ProblemUnreadable})
		case files == nil:
			read(p)
		default:
			for _, f := range files {
				read(f)
			}
		}
	}
	return subs, problems
}

// folderFiles returns the .json files of a folder in name order, or nil
// when path is not a folder.
func folderFiles(path string) ([]string, error) {
	fi, err := os.Stat(path)
	if err != nil || !fi.IsDir() {
		return nil, nil // a file, or the reader says what is wrong
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, fmt.Errorf("mappen kan ikke leses: %v", err)
	}
	files := []string{}
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".json") {
			files = append(files, filepath.Join(path, e.Name()))
		}
	}
	slices.Sort(files)
	return files, nil
}

func readSubmissionFile(path string) (model.Submission, error) {
	b, err := readLimited(path, model.MaxSubmissionSize)
	if err != nil {
		return model.Submission{}, err
	}
	return submissionfile.Read(b)
}

// readLimited reads a file, refusing one larger than limit without
// reading it all.
func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, fmt.Errorf("filen finnes ikke")
		}
		return nil, fmt.Errorf("filen kan ikke leses: %v", err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > limit {
		return nil, fmt.Errorf("%w (%s byte, høyst %s)", model.ErrSubmissionTooLarge, model.FormatInt(int(fi.Size())), model.FormatInt(int(limit)))
	}
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, fmt.Errorf("filen kan ikke leses: %v", err)
	}
	if int64(buf.Len()) > limit {
		return nil, fmt.Errorf("%w (høyst %s byte)", model.ErrSubmissionTooLarge, model.FormatInt(int(limit)))
	}
	return buf.Bytes(), nil
}

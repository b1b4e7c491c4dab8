package reports

import (
	"context"

	"hmsutvalg/model"
)

// ReadSubmissionFilesContext is ReadSubmissionFiles for a screen: the
// folders among paths are listed first, so progress knows the total, and
// ctx is checked between files. When ctx is cancelled it stops before
// the next file and returns ctx.Err().
func ReadSubmissionFilesContext(ctx context.Context, paths []string, progress func(done, total int)) ([]model.SubmissionFile, []model.FileProblem, error) {
	var files []string
	var problems []model.FileProblem
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		fs, err := folderFiles(p)
		switch {
		case err != nil:
			problems = append(problems, model.FileProblem{File: p, Reason: err.Error(), Kind: model.ProblemUnreadable})
		case fs == nil:
			files = append(files, p)
		default:
			files = append(files, fs...)
		}
	}
	var subs []model.SubmissionFile
	for i, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		s, p := ReadSubmissionFiles([]string{f}, nil)
		subs, problems = append(subs, s...), append(problems, p...)
		if progress != nil {
			progress(i+1, len(files))
		}
	}
	return subs, problems, nil
}

package model

import (
	"reflect"
	"testing"
)

// findingsByQuestion is Findings as it read before: each question in
// order, with the answer AnswerFor gives it.
func findingsByQuestion(r SafetyRound) []Finding {
	var out []Finding
	for _, q := range r.Questions() {
		if a := r.AnswerFor(q.Number); a.Answer == AnswerImprove {
			out = append(out, Finding{Question: q, Answer: a})
		}
	}
	return out
}

func TestFindingsReadEachAnswerOnce(t *testing.T) {
	improve := func(n int, c string) RoundAnswer { return RoundAnswer{Number: n, Answer: AnswerImprove, Comment: c} }
	ok := func(n int) RoundAnswer { return RoundAnswer{Number: n, Answer: AnswerOK} }
	cases := []struct {
		name    string
		answers []RoundAnswer
		want    []int // question numbers of the findings, in order
	}{
		{"no answers", nil, nil},
		{"none to improve", []RoundAnswer{ok(1), ok(2)}, nil},
		{"in number order", []RoundAnswer{improve(1, "a"), ok(2), improve(3, "c")}, []int{1, 3}},
		{"out of order: question order wins", []RoundAnswer{improve(3, "c"), improve(1, "a")}, []int{1, 3}},
		{"a second answer to a question does not count", []RoundAnswer{ok(2), improve(2, "later")}, nil},
		{"the first of two counts", []RoundAnswer{improve(2, "first"), ok(2)}, []int{2}},
		{"question 0 and past the last are no findings", []RoundAnswer{improve(0, "x"), improve(4, "y"), improve(-1, "z")}, nil},
		{"the last question", []RoundAnswer{improve(3, "")}, []int{3}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := NewSafetyRound(testTemplate(), NewDate(2026, 3, 10))
			r.Answers = c.answers
			got := r.Findings()
			if want := findingsByQuestion(r); !reflect.DeepEqual(got, want) {
				t.Fatalf("Findings = %+v, read question by question %+v", got, want)
			}
			var nums []int
			for _, f := range got {
				nums = append(nums, f.Question.Number)
				if q, _ := r.Question(f.Question.Number); q != f.Question {
					t.Errorf("finding %d carries question %+v, the checklist has %+v", f.Question.Number, f.Question, q)
				}
			}
			if !reflect.DeepEqual(nums, c.want) {
				t.Errorf("findings at %v, want %v", nums, c.want)
			}
		})
	}
}

func TestFindingsOfARoundWithoutQuestions(t *testing.T) {
	r := SafetyRound{Answers: []RoundAnswer{{Number: 1, Answer: AnswerImprove}}}
	if f := r.Findings(); f != nil {
		t.Fatalf("a round without questions has findings %+v", f)
	}
	if q := r.Questions(); q != nil {
		t.Fatalf("a round without questions lists %+v", q)
	}
}

package model

import (
	"fmt"
	"strings"
)

// AttentionRow is one unit in an attention list, and what is wrong.
type AttentionRow struct {
	Unit   SubmissionFile
	Detail string
}

// Attention lists the units that need the AMU's attention, one list per
// kind. Small units are left out of the sick-leave list (SmallHidden
// counts them); every other list names them.
type Attention struct {
	SickLeave   []AttentionRow // a follow-up rule for sick leave was met
	SmallHidden int            // small units over a rule, not named
	Serious     []AttentionRow // open deviations of severity alvorlig or svært alvorlig
	Notices     []AttentionRow // § 5-2 cases (death or serious injury) in the year
	Overdue     []AttentionRow // overdue measures in the action plan
	Risk        []AttentionRow // no risk assessment carried out in the year, or review overdue
	Violence    []AttentionRow // no current mapping of violence and threats (kap. 3A, tidligere 23A)
	Checklist   []AttentionRow // internal-control points (§ 5) not documented
	V1Units     int            // units with a version 1 file: serious deviations and notices unknown
}

// Count is the number of rows in all lists.
func (a Attention) Count() int {
	return len(a.SickLeave) + len(a.Serious) + len(a.Notices) + len(a.Overdue) + len(a.Risk) + len(a.Violence) + len(a.Checklist)
}

func attention(units []SubmissionFile, min int) Attention {
	var a Attention
	for _, s := range units {
		a.addSickLeave(s, min)
		if !s.HasV2() {
			a.V1Units++
		}
		add(&a.Serious, s, seriousDetail(s.Deviations))
		add(&a.Notices, s, noticeDetail(s.Deviations))
		add(&a.Overdue, s, overdueDetail(s.ActionPlan))
		add(&a.Risk, s, RiskAttention(s.Risk, s.Year))
		add(&a.Violence, s, violenceDetail(s.Violence))
		add(&a.Checklist, s, checklistDetail(s.Checklist))
	}
	return a
}

func add(list *[]AttentionRow, s SubmissionFile, detail string) {
	if detail != "" {
		*list = append(*list, AttentionRow{Unit: s, Detail: detail})
	}
}

func (a *Attention) addSickLeave(s SubmissionFile, min int) {
	sl := s.SickLeave
	if sl == nil || len(sl.Rules) == 0 {
		return
	}
	if SmallUnit(s, min) {
		a.SmallHidden++
		return
	}
	a.SickLeave = append(a.SickLeave, AttentionRow{Unit: s, Detail: rulesDetail(sl.Rules)})
}

// rulesDetail lists the rules met with their quarters, each rule once:
// "Sykefravær over BHT-grensen i ett kvartal: 2026-K1, 2026-K3".
func rulesDetail(flags []SubmissionRuleFlag) string {
	var order []string
	quarters := map[string][]string{}
	for _, f := range flags {
		if _, ok := quarters[f.Rule]; !ok {
			order = append(order, f.Rule)
		}
		quarters[f.Rule] = append(quarters[f.Rule], f.Quarter.String())
	}
	parts := make([]string, len(order))
	for i, r := range order {
		parts[i] = r + ": " + JoinAnd(quarters[r])
	}
	return strings.Join(parts, ". ")
}

func seriousDetail(d *SubmissionDeviation) string {
	if d == nil || d.OpenSerious == 0 {
		return ""
	}
	return fmt.Sprintf("%d %s med alvorlighet alvorlig eller svært alvorlig (av %d %s)", d.OpenSerious,
		pluralWord(d.OpenSerious, "åpent avvik", "åpne avvik"), d.Open, pluralWord(d.Open, "åpent", "åpne"))
}

// noticeDetail says how many § 5-2 cases the year had and whether the
// notice to Arbeidstilsynet and the police is recorded as sent.
func noticeDetail(d *SubmissionDeviation) string {
	if d == nil || d.NoticesNeeded == 0 {
		return ""
	}
	parts := []string{fmt.Sprintf("%d %s der noen døde eller ble alvorlig skadet", d.NoticesNeeded, pluralWord(d.NoticesNeeded, "tilfelle", "tilfeller"))}
	if d.NoticesSent > 0 {
		parts = append(parts, fmt.Sprintf("varslet i året: %d", d.NoticesSent))
	}
	if d.NoticesSentAfterYear > 0 {
		parts = append(parts, fmt.Sprintf("varslet etter året: %d", d.NoticesSentAfterYear))
	}
	if d.NoticesOutstanding > 0 {
		parts = append(parts, fmt.Sprintf("ikke registrert varslet til Arbeidstilsynet og politiet: %d", d.NoticesOutstanding))
	}
	return strings.Join(parts, ", ")
}

func overdueDetail(p *SubmissionPlan) string {
	if p == nil || p.Overdue == 0 {
		return ""
	}
	return fmt.Sprintf("%d %s over fristen (av %d åpne)", p.Overdue, pluralWord(p.Overdue, "tiltak", "tiltak"), p.Open)
}

// RiskAttention says what is missing in a unit's risk assessments for
// the year: none carried out in the year, or reviews overdue; "" when in
// order or the module is not in use.
func RiskAttention(r *SubmissionRisk, year int) string {
	if r == nil {
		return ""
	}
	var parts []string
	switch {
	case r.Assessments == 0:
		parts = append(parts, "Ingen risikovurdering")
	case r.CarriedOut == 0:
		parts = append(parts, fmt.Sprintf("Ingen risikovurdering gjennomført i %d", year))
	}
	if r.ReviewOverdue > 0 {
		parts = append(parts, fmt.Sprintf("%d %s har passert revisjonsdatoen", r.ReviewOverdue, pluralWord(r.ReviewOverdue, "risikovurdering", "risikovurderinger")))
	}
	out := strings.Join(parts, "; ")
	if out != "" {
		out = strings.ToUpper(out[:1]) + out[1:]
	}
	return out
}

func violenceDetail(v *SubmissionViolence) string {
	if v == nil || v.Mapped {
		return ""
	}
	if v.Mapping.IsZero() {
		return "Ingen kartlegging og risikovurdering av vold og trusler"
	}
	return "Kartleggingen fra " + v.Mapping.String() + " er ikke gjeldende"
}

// checklistDetail names the § 5 points not documented.
func checklistDetail(points []SubmissionPoint) string {
	var missing []string
	for _, p := range points {
		if !p.Documented {
			missing = append(missing, fmt.Sprint(p.Point))
		}
	}
	if len(missing) == 0 {
		return ""
	}
	return pluralWord(len(missing), "Punkt ", "Punktene ") + JoinAnd(missing)
}

// ChecklistPointText is the text of point n (1–8) of
// internkontrollforskriften § 5; "" for another n.
func ChecklistPointText(n int) string {
	if n < 1 || n > len(checklistTexts) {
		return ""
	}
	return checklistTexts[n-1].text
}

// JoinAnd joins a Norwegian list: "1, 2 og 3".
func JoinAnd(xs []string) string {
	if len(xs) <= 1 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " og " + xs[len(xs)-1]
}

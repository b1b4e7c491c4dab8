package enhet

import (
	"strings"
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/ui/i18n"
	"hmsutvalg/ui/uitest"
)

// TestMemberPeriodEnglish: a member's period reads «from 01.01.2023» in
// English (it said «fra 01.01.2023» beside an English role).
func TestMemberPeriodEnglish(t *testing.T) {
	if err := i18n.Setup(i18n.English); err != nil {
		t.Fatal(err)
	}
	defer i18n.Setup(i18n.Bokmal)
	s, _ := newScreen(t)
	var open, ended bool
	for _, m := range s.members {
		text := MemberText(m, uitest.Today)
		if strings.Contains(text, "fra ") || strings.Contains(text, "til ") {
			t.Errorf("Norwegian period: %q", text)
		}
		if m.To.IsZero() && !m.From.IsZero() {
			open = open || strings.Contains(text, "(from "+m.From.String()+")")
		}
		ended = ended || !m.To.IsZero()
	}
	if !open || !ended {
		t.Errorf("demo lacks an open-ended (%v) or ended (%v) member", open, ended)
	}
	m := model.CommitteeMember{Name: "Kari", Role: model.RoleVerneombud, To: model.NewDate(2027, 12, 31)}
	if got := MemberText(m, uitest.Today); !strings.Contains(got, "(until 31.12.2027)") {
		t.Errorf("until: %q", got)
	}
	i18n.Setup(i18n.Bokmal)
	m.From, m.To = model.NewDate(2026, 1, 1), model.Date{}
	if got := MemberText(m, uitest.Today); !strings.Contains(got, "(fra 01.01.2026)") {
		t.Errorf("bokmål: %q", got)
	}
}

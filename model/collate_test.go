package model

import (
	"slices"
	"testing"
)

func TestCompareNorwegian(t *testing.T) {
	names := []string{"Åse", "ærlig", "Øyvind", "zorro", "Anne", "anders", "Ola", "Aase"}
	slices.SortFunc(names, CompareNorwegian)
	want := []string{"Aase", "anders", "Anne", "Ola", "zorro", "ærlig", "Øyvind", "Åse"}
	if !slices.Equal(names, want) {
		t.Errorf("got %v", names)
	}
	if CompareNorwegian("Kari", "kari") == 0 || CompareNorwegian("a", "a") != 0 {
		t.Error("ties are broken bytewise; equal strings compare 0")
	}
	if CompareNorwegian("ab", "abc") != -1 || CompareNorwegian("abc", "ab") != 1 {
		t.Error("prefix sorts first")
	}
}

package widgets

import (
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/ui/i18n"
)

// Selects of model enums: the model's labels are bokmål (the PDF and the
// stored codes use them); the select shows them in the chosen language and
// gives the bokmål label back for model.…FromLabel.

// EnumOptions are model labels as the select shows them.
func EnumOptions(labels []string) []string {
	out := make([]string, len(labels))
	for i, l := range labels {
		out[i] = i18n.T(l)
	}
	return out
}

// SetEnum selects the option showing the model label label.
func SetEnum(s *widget.Select, label string) { s.SetSelected(i18n.T(label)) }

// EnumLabel is the model label (out of labels) that shown shows; shown
// itself when none does (it may be a label already, or "Alle").
func EnumLabel(shown string, labels []string) string {
	for _, l := range labels {
		if i18n.T(l) == shown {
			return l
		}
	}
	return shown
}

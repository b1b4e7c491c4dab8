package widgets

import (
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/ui/i18n"
)

// Selects of model enums: the model's labels are bokmål (the PDF and the
// stored codes use them); the select shows them in the chosen language and
// gives the bokmål label back for model.…FromLabel.

// EnumOptions are model labels as the select shows them.
func EnumOptions(labels []string) []string { return EnumOptionsIn("", labels) }

// SetEnum selects the option showing the model label label.
func SetEnum(s *widget.Select, label string) { SetEnumIn(s, "", label) }

// EnumLabel is the model label (out of labels) that shown shows; shown
// itself when none does (it may be a label already, or "Alle").
func EnumLabel(shown string, labels []string) string { return EnumLabelIn(shown, "", labels) }

// EnumOptionsIn, SetEnumIn and EnumLabelIn are EnumOptions, SetEnum and
// EnumLabel for labels that read otherwise in namespace ns
// (i18n.TIn): the deviation type «Avvik» is «Deviation», where the page
// «Avvik» is «Deviations».
func EnumOptionsIn(ns string, labels []string) []string {
	out := make([]string, len(labels))
	for i, l := range labels {
		out[i] = i18n.TIn(ns, l)
	}
	return out
}

// SetEnumIn is SetEnum in namespace ns.
func SetEnumIn(s *widget.Select, ns, label string) { s.SetSelected(i18n.TIn(ns, label)) }

// EnumLabelIn is EnumLabel in namespace ns.
func EnumLabelIn(shown, ns string, labels []string) string {
	for _, l := range labels {
		if i18n.TIn(ns, l) == shown {
			return l
		}
	}
	return shown
}

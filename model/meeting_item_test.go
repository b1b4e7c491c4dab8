package model

import "testing"

func TestMeetingItemWith(t *testing.T) {
	m := Meeting{Agenda: []AgendaItem{
		{ID: 1, Title: "Godkjenning av referat"},
		{ID: 2, Title: "Sykefravær", Decisions: []Decision{{ID: 4, Text: "Følges opp"}, {ID: 5, Text: "Ny plan"}}},
		{ID: 3, Title: "Eventuelt"},
	}}
	cases := []struct {
		name string
		id   uint64
		want uint64 // the item's ID; 0: none
	}{
		{"zero names nothing", 0, 0},
		{"an item by its ID", 3, 3},
		{"the first item", 1, 1},
		{"a decision gives its item", 4, 2},
		{"the item's last decision", 5, 2},
		{"an unknown ID", 6, 0},
	}
	for _, c := range cases {
		it, ok := m.ItemWith(c.id)
		if ok != (c.want != 0) || it.ID != c.want {
			t.Errorf("%s: got item %d %v, want %d", c.name, it.ID, ok, c.want)
		}
	}
	if _, ok := (Meeting{}).ItemWith(1); ok {
		t.Error("a meeting without agenda found an item")
	}
}

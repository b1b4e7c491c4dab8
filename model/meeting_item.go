package model

// ItemWith is the agenda item that id names: the item with that ID, or
// the item holding the decision with that ID (item and decision IDs come
// from one counter per meeting, so one ID never names both). A search hit
// in an item and a measure made from a decision open the meeting at that
// item. False when no item has it.
func (m Meeting) ItemWith(id uint64) (AgendaItem, bool) {
	if id == 0 {
		return AgendaItem{}, false
	}
	for _, it := range m.Agenda {
		if it.ID == id {
			return it, true
		}
		for _, d := range it.Decisions {
			if d.ID == id {
				return it, true
			}
		}
	}
	return AgendaItem{}, false
}

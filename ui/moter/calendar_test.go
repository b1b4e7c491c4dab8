package moter

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	ical "github.com/emersion/go-ical"

	"hmsutvalg/model"
	"hmsutvalg/ui/uitest"
)

// «Legg i kalenderen» is on both pages and writes what hmsutvalg calendar
// writes: the meetings, the wheel's duties and open measures' deadlines.
func TestCalendarButtonAndFile(t *testing.T) {
	_, env, w, _ := newScreen(t)
	if !uitest.HasText(w.Content(), "Legg i kalenderen") {
		t.Error("no «Legg i kalenderen» on Møter")
	}
	wh := NewWheel(env, model.HMSYear(env.Today().Year()))
	if !uitest.HasText(wh.Content(), "Legg i kalenderen") {
		t.Error("no «Legg i kalenderen» on Årshjul")
	}
	path := filepath.Join(t.TempDir(), "hms.ics")
	if err := WriteCalendar(env, path); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ical.NewDecoder(bytes.NewReader(b)).Decode()
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, e := range cal.Events() {
		uid, _ := e.Props.Text(ical.PropUID)
		kinds[strings.SplitN(uid, "-", 2)[0]]++
	}
	ms, _ := env.Store.Meetings()
	if kinds["mote"] != len(ms) || kinds["arshjul"] == 0 || kinds["tiltak"] == 0 {
		t.Errorf("events %v, want %d meetings and some duties and deadlines", kinds, len(ms))
	}
}

package moter

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/reports"
	"hmsutvalg/reports/calendar"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/pdfexport"
	"hmsutvalg/ui/widgets"
)

// NewCalendarButton is «Legg i kalenderen» on Møter and Årshjul: it saves
// the meetings, this year's and next year's duties and the open measures'
// deadlines as an .ics file, as hmsutvalg calendar does.
func NewCalendarButton(env *appctx.Env) *widget.Button {
	return widget.NewButtonWithIcon(lang.L("Legg i kalenderen …"), theme.CalendarIcon(), func() { saveCalendar(env) })
}

// WriteCalendar writes the calendar file for env's unit to path.
func WriteCalendar(env *appctx.Env, path string) error {
	in, err := calendar.Load(env.Store, env.Today())
	if err != nil {
		return err
	}
	in.Now = time.Now()
	return reports.WriteFileAtomic(path, calendar.ICS(in))
}

func saveCalendar(env *appctx.Env) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			if err != nil {
				widgets.ShowError(err, env.Window)
			}
			return
		}
		path := w.URI().Path()
		_ = w.Close()
		if err := WriteCalendar(env, path); err != nil {
			widgets.ShowError(fmt.Errorf(lang.L("Kalenderfilen kunne ikke lagres: %w"), err), env.Window)
			return
		}
		widgets.ShowInformation(lang.L("Kalenderfil lagret"), fmt.Sprintf(lang.L("Lagret som %s. Åpne filen i Outlook eller Google Kalender for å importere møtene, årshjulet og tiltaksfristene; en ny import oppdaterer dem."), filepath.Base(path)), env.Window)
	}, env.Window)
	u, _ := env.Store.Unit()
	d.SetFileName(strings.TrimSuffix(pdfexport.FileName(lang.L("HMS-kalender"), u.Name), ".pdf") + ".ics")
	d.SetFilter(fstorage.NewExtensionFileFilter([]string{".ics"}))
	widgets.ShowFileDialog(d, env.Window)
}

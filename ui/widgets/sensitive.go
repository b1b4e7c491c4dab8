package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ModeSource is what Sensitive needs from the app: whether Møtemodus is on
// and a way to hear when it changes (appctx.Env satisfies it).
type ModeSource interface {
	MeetingMode() bool
	OnMeetingMode(func(meeting bool))
}

// Sensitive wraps content that a module marks as sensitive (free-text
// descriptions of incidents and deviations). In Møtemodus, on the shared
// screen, it is collapsed behind a button and only shown when someone opens
// it deliberately; leaving and re-entering Møtemodus collapses it again.
func Sensitive(src ModeSource, content fyne.CanvasObject) fyne.CanvasObject {
	hidden := widget.NewLabel(lang.L("Skjult i møtemodus"))
	hidden.Importance = widget.LowImportance
	var show *widget.Button
	show = widget.NewButtonWithIcon(lang.L("Vis"), theme.VisibilityIcon(), func() {
		hiddenBox(show, hidden, false)
		content.Show()
	})
	box := container.NewVBox(container.NewHBox(hidden, show), content)
	apply := func(meeting bool) {
		hiddenBox(show, hidden, meeting)
		if meeting {
			content.Hide()
		} else {
			content.Show()
		}
	}
	apply(src.MeetingMode())
	src.OnMeetingMode(apply) // called on the UI goroutine by the toggle
	return box
}

func hiddenBox(show *widget.Button, label *widget.Label, visible bool) {
	if visible {
		show.Show()
		label.Show()
	} else {
		show.Hide()
		label.Hide()
	}
}

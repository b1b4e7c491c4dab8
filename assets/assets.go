// Package assets embeds the app's icon and the files shipped with it.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the app icon (drawn for HMS-utvalg; source in icon.svg).
var Icon = fyne.NewStaticResource("icon.png", iconPNG)

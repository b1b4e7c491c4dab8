package demo

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"strings"
	"sync"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

// The demo's photos: a few simple scenes drawn in code (a blocked escape
// route, a wedged fire door, a dark exit sign, a fire extinguisher, a loose
// cable, a broken step, chemicals in an open cabinet, a wet floor). A photo
// goes only on a record its scene fits: a serious deviation (not about a
// person, so the annual report may show it) whose description, or a
// safety-round finding whose question, names the scene's topic. Every
// year has such deviations (photoCases in deviations.go) and every round
// such a finding (photoFinding in safetyrounds.go).

// photoScene is one picture, its caption and the words that mark a record
// it fits.
type photoScene struct {
	caption string
	// match are lower-case words; a record whose text holds one of them
	// fits the scene. Scenes are tried in order, so the more specific
	// come first.
	match []string
	draw  func(c *canvas)
}

var photoScenes = []photoScene{
	{"Rømningsveien er sperret av en tralle", []string{"rømningsvei"}, drawEscapeRoute},
	{"Branndøren er kilt opp", []string{"branndør"}, drawFireDoor},
	{"Skiltet over nødutgangen lyser ikke", []string{"ledelys", "nødutgangsskilt", "skilt for nødutgang"}, drawExitSign},
	{"Slukkeapparatet mangler kontrollmerke", []string{"håndslukker", "slukkeapparat"}, drawExtinguisher},
	{"Løs skjøteledning over gangen", []string{"skjøteledning", "ledninger"}, drawCable},
	{"Skadet trinn i trappen", []string{"i trappen", "trappenese", "trinn i trapp"}, drawStairs},
	{"Kjemikalier i et ulåst skap", []string{"oppbevares kjemikalier", "kjemikalier låst", "står kjemikalier", "ulåst skap", "oppbevares brannfarlige"}, drawChemicals},
	{"Vått gulv uten varselskilt", []string{"vått gulv"}, drawWetFloor},
}

// sceneFor returns the index of the first scene that fits text, or -1.
func sceneFor(text string) int {
	text = strings.ToLower(text)
	for i, s := range photoScenes {
		for _, w := range s.match {
			if strings.Contains(text, w) {
				return i
			}
		}
	}
	return -1
}

// Sizes of the demo photos: stored size, thumbnail and list thumbnail, 4:3.
const (
	demoPhotoW, demoPhotoH = 800, 600
	demoThumbW, demoThumbH = 256, 192
	demoListW, demoListH   = model.ListThumbLongestSide, model.ListThumbLongestSide * 3 / 4
)

// encodedScene is a scene as stored: photo and thumbnails.
type encodedScene struct{ full, thumb, list []byte }

var (
	sceneOnce  sync.Once
	sceneCache []encodedScene
)

// scenes draws and encodes every scene once per program run.
func scenes() []encodedScene {
	sceneOnce.Do(func() {
		for _, s := range photoScenes {
			sceneCache = append(sceneCache, encodedScene{
				full:  renderScene(s, demoPhotoW, demoPhotoH),
				thumb: renderScene(s, demoThumbW, demoThumbH),
				list:  renderScene(s, demoListW, demoListH),
			})
		}
	})
	return sceneCache
}

func renderScene(s photoScene, w, h int) []byte {
	c := &canvas{img: image.NewRGBA(image.Rect(0, 0, w, h))}
	s.draw(c)
	var b bytes.Buffer
	if err := jpeg.Encode(&b, c.img, &jpeg.Options{Quality: model.PhotoJPEGQuality}); err != nil {
		panic(err) // cannot fail for an in-memory RGBA image
	}
	return b.Bytes()
}

// canvas draws in coordinates from 0 to 1, so a scene looks the same at
// any size.
type canvas struct{ img *image.RGBA }

func (c *canvas) px(x, y float64) (int, int) {
	b := c.img.Bounds()
	return int(x * float64(b.Dx())), int(y * float64(b.Dy()))
}

// rect fills the rectangle from (x0, y0) to (x1, y1).
func (c *canvas) rect(x0, y0, x1, y1 float64, col color.RGBA) {
	c.fill(x0, y0, x1, y1, col, func(float64, float64) bool { return true })
}

// fill paints the points of the box for which in is true.
func (c *canvas) fill(x0, y0, x1, y1 float64, col color.RGBA, in func(x, y float64) bool) {
	ax, ay := c.px(x0, y0)
	bx, by := c.px(x1, y1)
	b := c.img.Bounds()
	for py := max(ay, 0); py < min(by, b.Dy()); py++ {
		for px := max(ax, 0); px < min(bx, b.Dx()); px++ {
			if in((float64(px)+0.5)/float64(b.Dx()), (float64(py)+0.5)/float64(b.Dy())) {
				c.img.SetRGBA(px, py, col)
			}
		}
	}
}

// ellipse fills the ellipse centred at (cx, cy) with radii rx, ry.
func (c *canvas) ellipse(cx, cy, rx, ry float64, col color.RGBA) {
	c.fill(cx-rx, cy-ry, cx+rx, cy+ry, col, func(x, y float64) bool {
		dx, dy := (x-cx)/rx, (y-cy)/ry
		return dx*dx+dy*dy <= 1
	})
}

// triangle fills the triangle with its apex at (cx, top) and its base
// from cx-half to cx+half at bottom.
func (c *canvas) triangle(cx, top, half, bottom float64, col color.RGBA) {
	c.fill(cx-half, top, cx+half, bottom, col, func(x, y float64) bool {
		t := (y - top) / (bottom - top)
		return math.Abs(x-cx) <= t*half
	})
}

var (
	colWall    = color.RGBA{0xE8, 0xE2, 0xD4, 255}
	colFloor   = color.RGBA{0xA8, 0x98, 0x80, 255}
	colShadow  = color.RGBA{0x70, 0x66, 0x58, 255}
	colGreen   = color.RGBA{0x1E, 0x9E, 0x4A, 255}
	colRed     = color.RGBA{0xC8, 0x1E, 0x1E, 255}
	colYellow  = color.RGBA{0xF2, 0xC2, 0x1B, 255}
	colBlack   = color.RGBA{0x22, 0x22, 0x22, 255}
	colWhite   = color.RGBA{0xFA, 0xFA, 0xFA, 255}
	colWater   = color.RGBA{0x7F, 0xB2, 0xE0, 255}
	colTrolley = color.RGBA{0x8A, 0x5A, 0x2B, 255}
)

// room draws a wall down to horizon and the floor below it.
func (c *canvas) room(horizon float64) {
	c.rect(0, 0, 1, horizon, colWall)
	c.rect(0, horizon, 1, 1, colFloor)
	c.rect(0, horizon, 1, horizon+0.01, colShadow)
}

func drawEscapeRoute(c *canvas) {
	c.room(0.62)
	c.rect(0.40, 0.18, 0.60, 0.62, colWhite) // the exit door
	c.rect(0.415, 0.2, 0.585, 0.62, color.RGBA{0xC9, 0xC9, 0xC4, 255})
	c.rect(0.42, 0.06, 0.58, 0.14, colGreen) // exit sign
	c.rect(0.47, 0.08, 0.53, 0.12, colWhite)
	c.rect(0.30, 0.42, 0.70, 0.80, colTrolley) // the trolley in the way
	c.rect(0.30, 0.55, 0.70, 0.57, colShadow)
	c.ellipse(0.35, 0.84, 0.03, 0.04, colBlack)
	c.ellipse(0.65, 0.84, 0.03, 0.04, colBlack)
}

func drawWetFloor(c *canvas) {
	c.room(0.45)
	c.ellipse(0.5, 0.75, 0.32, 0.12, colWater)
	c.ellipse(0.42, 0.72, 0.10, 0.03, colWhite) // reflection
}

func drawExtinguisher(c *canvas) {
	c.rect(0, 0, 1, 1, colWall)
	c.rect(0, 0.88, 1, 1, colFloor)
	c.rect(0.42, 0.25, 0.58, 0.80, colRed)
	c.ellipse(0.5, 0.25, 0.08, 0.05, colRed)
	c.rect(0.46, 0.12, 0.54, 0.2, colBlack) // valve
	c.rect(0.54, 0.14, 0.66, 0.17, colBlack)
	c.rect(0.60, 0.17, 0.63, 0.55, colBlack) // hose
	c.rect(0.44, 0.40, 0.56, 0.52, colWhite) // label, without a control tag
	c.triangle(0.78, 0.3, 0.08, 0.44, colYellow)
	c.rect(0.775, 0.34, 0.785, 0.40, colBlack)
}

func drawCable(c *canvas) {
	c.room(0.40)
	for i := 0; i < 200; i++ {
		x := float64(i) / 200
		y := 0.7 + 0.08*math.Sin(x*9)
		c.ellipse(x, y, 0.012, 0.016, colBlack)
	}
	c.rect(0.05, 0.30, 0.12, 0.38, colWhite) // the socket
	c.rect(0.07, 0.32, 0.10, 0.36, colBlack)
}

func drawStairs(c *canvas) {
	c.rect(0, 0, 1, 1, colWall)
	for i := 0; i < 5; i++ {
		y := 0.25 + float64(i)*0.15
		c.rect(0.1+float64(i)*0.08, y, 1, y+0.15, colFloor)
		c.rect(0.1+float64(i)*0.08, y, 1, y+0.02, colShadow)
	}
	c.fill(0.45, 0.55, 0.75, 0.62, colBlack, func(x, y float64) bool { // the crack
		return math.Abs(y-(0.58+0.02*math.Sin(x*60))) < 0.008
	})
	c.triangle(0.2, 0.05, 0.07, 0.17, colYellow)
	c.rect(0.195, 0.08, 0.205, 0.13, colBlack)
}

func drawFireDoor(c *canvas) {
	c.room(0.70)
	c.rect(0.30, 0.10, 0.70, 0.70, colRed) // the fire door, standing open
	c.rect(0.30, 0.10, 0.42, 0.70, colShadow)
	c.rect(0.55, 0.38, 0.62, 0.41, colBlack)      // handle
	c.triangle(0.36, 0.64, 0.06, 0.76, colYellow) // the wedge
	c.rect(0.44, 0.16, 0.66, 0.24, colWhite)      // "Branndør" sign
	c.rect(0.47, 0.19, 0.63, 0.21, colRed)
}

func drawExitSign(c *canvas) {
	c.room(0.62)
	c.rect(0.40, 0.18, 0.60, 0.62, colWhite) // the exit door
	c.rect(0.415, 0.2, 0.585, 0.62, color.RGBA{0xC9, 0xC9, 0xC4, 255})
	c.rect(0.36, 0.03, 0.64, 0.15, colShadow) // the exit sign, dark
	c.rect(0.48, 0.06, 0.52, 0.12, color.RGBA{0x55, 0x5E, 0x55, 255})
	c.triangle(0.78, 0.05, 0.08, 0.19, colYellow)
	c.rect(0.775, 0.09, 0.785, 0.15, colBlack)
}

func drawChemicals(c *canvas) {
	c.room(0.85)
	c.rect(0.20, 0.10, 0.80, 0.85, colTrolley) // the cabinet, door open
	c.rect(0.24, 0.14, 0.76, 0.81, colWall)
	c.rect(0.80, 0.10, 0.92, 0.85, colShadow)
	c.rect(0.24, 0.45, 0.76, 0.47, colTrolley) // shelf
	for i, col := range []color.RGBA{colWater, colYellow, colWhite, colGreen} {
		x := 0.30 + float64(i)*0.12
		c.rect(x, 0.28, x+0.08, 0.45, col) // bottles
		c.rect(x+0.025, 0.23, x+0.055, 0.28, colBlack)
	}
	c.triangle(0.50, 0.55, 0.10, 0.75, colRed) // hazard mark
	c.triangle(0.50, 0.59, 0.07, 0.72, colWhite)
	c.rect(0.495, 0.62, 0.505, 0.68, colBlack)
}

// addPhotos puts demo photos on the stored unit, each with its caption and
// dated as its record: in every year the first serious deviations (more at
// a larger scale) that do not concern a person and that a scene fits, and
// in each safety round the first finding a scene fits.
func addPhotos(st *storage.Store, o Options) error {
	devs, err := st.Deviations()
	if err != nil {
		return err
	}
	rounds, err := st.SafetyRounds()
	if err != nil {
		return err
	}
	sc := scenes()
	perYear := map[int]int{}
	return st.Batch(func(b *storage.Batch) error {
		for _, d := range devs {
			i := sceneFor(d.WhatHappened)
			if i < 0 || !d.Severity.Serious() || d.PhotoConcernsPerson() || perYear[d.Date.Year()] >= 2*o.Scale {
				continue
			}
			perYear[d.Date.Year()]++
			if err := addPhoto(b, model.OwnerDeviation, d.ID, 0, d.Date, sc[i], photoScenes[i].caption); err != nil {
				return fmt.Errorf("bildet til avvik %d: %w", d.ID, err)
			}
		}
		for _, r := range rounds {
			q, i := photoFindingOf(r)
			if i < 0 {
				continue
			}
			if err := addPhoto(b, model.OwnerFinding, r.ID, q, r.Date, sc[i], photoScenes[i].caption); err != nil {
				return fmt.Errorf("bildet til vernerunde %d: %w", r.ID, err)
			}
		}
		return nil
	})
}

// photoFindingOf returns the number of the round's first finding a scene
// fits, and the scene; -1 for the scene if none fits.
func photoFindingOf(r model.SafetyRound) (int, int) {
	for _, f := range r.Findings() {
		if i := sceneFor(f.Question.Text); i >= 0 {
			return f.Question.Number, i
		}
	}
	return 0, -1
}

func addPhoto(b *storage.Batch, owner model.AttachmentOwner, id uint64, q int, day model.Date, s encodedScene, caption string) error {
	a := model.Attachment{OwnerKind: owner, OwnerID: id, Question: q, Kind: model.AttachPhoto, Caption: caption,
		Filename: fmt.Sprintf("IMG_%s.jpg", day.ISO()), Width: demoPhotoW, Height: demoPhotoH, Created: day}
	_, err := b.AddAttachment(a, storage.AttachmentParts{File: s.full, Thumb: s.thumb, ListThumb: s.list})
	return err
}

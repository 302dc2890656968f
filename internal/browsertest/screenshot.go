package browsertest

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
)

// Screenshot draws page (a URL) at width x height into the PNG file shot
// and fails the test unless it shows a real page: that size, and more than
// the handful of colours of a blank or failed render. Keep keeps a copy.
func (c *Chromium) Screenshot(page, shot string, width, height int) {
	c.t.Helper()
	c.Run("--screenshot="+shot, fmt.Sprintf("--window-size=%d,%d", width, height), "--hide-scrollbars", page)
	data, err := os.ReadFile(shot)
	if err != nil {
		c.t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		c.t.Fatalf("screenshot %s: %v", shot, err)
	}
	if b := img.Bounds(); b.Dx() != width || b.Dy() != height {
		c.t.Errorf("screenshot %s is %dx%d, want %dx%d", shot, b.Dx(), b.Dy(), width, height)
	}
	if n := distinctColours(img); n < 20 {
		c.t.Errorf("screenshot %s has %d colours: the page did not render", shot, n)
	}
	c.Keep(shot)
}

// Keep copies a file a browser test made (a screenshot, a PDF) into the
// folder CRISIS_SCREENSHOTS names, under its own name, for a person to
// look at; without it, nothing.
func (c *Chromium) Keep(file string) {
	dir := os.Getenv("CRISIS_SCREENSHOTS")
	if dir == "" {
		return
	}
	data, err := os.ReadFile(file)
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, filepath.Base(file)), data, 0o644)
	}
	if err != nil {
		c.t.Errorf("keeping %s: %v", file, err)
	}
}

// distinctColours counts the colours of an image, up to 1000, looking at
// every third pixel of every third row.
func distinctColours(img image.Image) int {
	seen := map[color.Color]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			seen[img.At(x, y)] = true
			if len(seen) >= 1000 {
				return len(seen)
			}
		}
	}
	return len(seen)
}

package main

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestReportInChromium opens a drill's HTML report in headless Chromium, as
// a reader would: the page must render (the DOM has the timeline picture and
// the score), a screenshot must show a real page, and it must print to PDF.
func TestReportInChromium(t *testing.T) {
	chromium := requireTool(t, "chromium")
	state, work := t.TempDir(), t.TempDir()
	env := append(os.Environ(), "XDG_STATE_HOME="+state, "NO_COLOR=1")
	run := func(args ...string) []byte {
		t.Helper()
		cmd := exec.Command(crisisBin(t), append([]string{"-m", repoRoot(t)}, args...)...)
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("crisis %v: %v\n%s", args, err, out)
		}
		return out
	}
	run("drill", "meta-outage", "--yes", "-l", "es")
	html := filepath.Join(work, "report.html")
	var runs []struct{ ID string }
	if err := json.Unmarshal(run("runs", "--format", "json"), &runs); err != nil || len(runs) != 1 {
		t.Fatalf("runs --format json: %v, %d runs", err, len(runs))
	}
	run("report", runs[0].ID, "--format", "html", "-o", html)

	browser := func(args ...string) []byte {
		t.Helper()
		base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--user-data-dir=" + filepath.Join(work, "profile")}
		out, err := exec.Command(chromium, append(base, args...)...).Output()
		if err != nil {
			t.Fatalf("chromium %v: %v", args, err)
		}
		return out
	}
	dom := browser("--dump-dom", "file://"+html)
	for _, want := range []string{"<svg", "EXERCISE", "Score", "Deadlines", "approved by"} {
		if !bytes.Contains(dom, []byte(want)) {
			t.Errorf("rendered page lacks %q", want)
		}
	}
	shot := filepath.Join(work, "report.png")
	browser("--screenshot="+shot, "--window-size=1000,1400", "--hide-scrollbars", "file://"+html)
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 1000 || b.Dy() != 1400 {
		t.Errorf("screenshot is %v", b)
	}
	if colours := distinctColours(img); colours < 20 {
		t.Errorf("screenshot has %d colours: the page did not render", colours)
	}
	pdf := filepath.Join(work, "report.pdf")
	browser("--print-to-pdf="+pdf, "--no-pdf-header-footer", "file://"+html)
	if b, err := os.ReadFile(pdf); err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Errorf("printing to PDF failed: %v", err)
	}
	if dir := os.Getenv("CRISIS_SCREENSHOTS"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, "report.png"), mustRead(t, shot), 0o644)
		_ = os.WriteFile(filepath.Join(dir, "report.pdf"), mustRead(t, pdf), 0o644)
	}
}

func mustRead(t *testing.T, path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

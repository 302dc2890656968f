package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	stdhtml "html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/browsertest"
)

// TestReportInChromium opens the HTML reports of a real incident and of a
// drill in headless Chromium, as a reader would: the page must render (the
// DOM has the summary first, every text sent, a timeline spanning the run,
// the drill's score), screenshots at desktop and phone width must show a
// real page, and it must print to PDF.
func TestReportInChromium(t *testing.T) {
	t.Parallel()
	chromium := browsertest.New(t)
	browser := chromium.Run
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
	// report writes the HTML report of the only run of a playbook and
	// returns its file and the same report as JSON.
	report := func(name string) (string, reportJSON) {
		t.Helper()
		var runs []struct{ ID, Playbook string }
		if err := json.Unmarshal(run("runs", "--format", "json"), &runs); err != nil {
			t.Fatalf("runs --format json: %v", err)
		}
		for _, r := range runs {
			if strings.HasSuffix(r.ID, name) {
				html := filepath.Join(work, name+".html")
				run("report", r.ID, "--format", "html", "-o", html)
				var rep reportJSON
				if err := json.Unmarshal(run("report", r.ID, "--format", "json"), &rep); err != nil {
					t.Fatal(err)
				}
				return html, rep
			}
		}
		t.Fatalf("no run %s in %v", name, runs)
		return "", reportJSON{}
	}
	screenshot := func(html string, width, height int) {
		t.Helper()
		chromium.Screenshot("file://"+html, strings.TrimSuffix(html, ".html")+fmt.Sprintf("-%d.png", width), width, height)
	}

	run("run", "facebook-down", "--yes", "--var", "platform=Facebook", "-l", "es")
	html, rep := report("facebook-down")
	dom := string(browser("--dump-dom", "file://"+html))
	checkSummaryFirst(t, dom)
	checkSentTexts(t, dom, rep)
	checkTimelineSpan(t, dom, rep)
	screenshot(html, 1000, 1400)
	screenshot(html, 360, 1400)

	run("drill", "meta-outage", "--yes", "-l", "es")
	html, rep = report("meta-outage-drill")
	dom = string(browser("--dump-dom", "file://"+html))
	for _, want := range []string{"<svg", "EXERCISE", "Score", "Deadlines", "approved by"} {
		if !strings.Contains(dom, want) {
			t.Errorf("rendered drill page lacks %q", want)
		}
	}
	checkSummaryFirst(t, dom)
	checkSentTexts(t, dom, rep)
	checkTimelineSpan(t, dom, rep)
	screenshot(html, 1000, 1400)
	pdf := filepath.Join(work, "report.pdf")
	browser("--print-to-pdf="+pdf, "--no-pdf-header-footer", "file://"+html)
	if b, err := os.ReadFile(pdf); err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Errorf("printing to PDF failed: %v", err)
	}
	chromium.Keep(pdf)
}

// reportJSON is what the browser checks need from `crisis report --format
// json`: the same report, read as a program would.
type reportJSON struct {
	Timeline []struct {
		At time.Time
	}
	Sent []struct {
		Channel, Locale, Text string
	}
}

// checkSummaryFirst: the summary is the first section a reader meets.
func checkSummaryFirst(t *testing.T, dom string) {
	t.Helper()
	h2 := regexp.MustCompile(`<h2[^>]*>([^<]*)</h2>`).FindAllStringSubmatch(dom, -1)
	if len(h2) == 0 || h2[0][1] != "Summary" {
		t.Errorf("the first section is not the summary: %q", h2)
	}
	if !strings.Contains(dom, "<li>Deadlines: ") || !strings.Contains(dom, "<li>Texts sent: ") {
		t.Error("the summary lacks the deadlines or the texts sent")
	}
}

// checkSentTexts: every text marked sent is on the page in full, in the
// order of the JSON report's list grouped by channel and locale.
func checkSentTexts(t *testing.T, dom string, rep reportJSON) {
	t.Helper()
	var pres []string
	for _, m := range regexp.MustCompile(`(?s)<pre>(.*?)</pre>`).FindAllStringSubmatch(dom, -1) {
		pres = append(pres, stdhtml.UnescapeString(m[1]))
	}
	if len(rep.Sent) == 0 || len(pres) != len(rep.Sent) {
		t.Fatalf("%d texts on the page, %d sent", len(pres), len(rep.Sent))
	}
	for _, s := range rep.Sent {
		if s.Text == "" || !slices.Contains(pres, s.Text) {
			t.Errorf("the text sent on %s (%s) is not on the page: %q", s.Channel, s.Locale, s.Text)
		}
	}
}

// checkTimelineSpan: the picture runs from the run's first event to its
// last, and its dots fill the plot from one end to the other.
func checkTimelineSpan(t *testing.T, dom string, rep reportJSON) {
	t.Helper()
	svg := regexp.MustCompile(`<svg[^>]*data-plot-left="([0-9.]+)" data-plot-right="([0-9.]+)" data-start="([^"]+)" data-end="([^"]+)"`).FindStringSubmatch(dom)
	if svg == nil {
		t.Fatal("no timeline picture with its bounds")
	}
	left, _ := strconv.ParseFloat(svg[1], 64)
	right, _ := strconv.ParseFloat(svg[2], 64)
	first, last := rep.Timeline[0].At, rep.Timeline[len(rep.Timeline)-1].At
	if st, err := time.Parse(time.RFC3339Nano, svg[3]); err != nil || !st.Equal(first) {
		t.Errorf("the timeline starts at %s, the run at %s", svg[3], first)
	}
	if end, err := time.Parse(time.RFC3339Nano, svg[4]); err != nil || !end.Equal(last) {
		t.Errorf("the timeline ends at %s, the run at %s", svg[4], last)
	}
	var xs []float64
	for _, m := range regexp.MustCompile(`<circle cx="([0-9.]+)"`).FindAllStringSubmatch(dom, -1) {
		x, _ := strconv.ParseFloat(m[1], 64)
		xs = append(xs, x)
	}
	if len(xs) < 2 {
		t.Fatalf("%d dots on the timeline", len(xs))
	}
	// A run of seconds against deadlines of hours: drawn to the last
	// deadline, every dot would sit at the left edge.
	if lo, hi := slices.Min(xs), slices.Max(xs); lo < left-0.1 || hi > right+0.1 || hi < left+0.75*(right-left) {
		t.Errorf("dots from x=%.1f to %.1f on a plot from %.0f to %.0f: the picture does not span the run", lo, hi, left, right)
	}
	if !strings.Contains(dom, `class="legend"`) {
		t.Error("the timeline has no legend")
	}
}

package report

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/goldentest"
	"github.com/crisis-cli/crisis/internal/lang"
	"golang.org/x/text/language"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/drill"
	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/runbook"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

type quietView struct{ runbook.NoScreen }

func (quietView) Start(*runbook.Session)                              {}
func (quietView) Step(*runbook.Session, runbook.Batch)                {}
func (quietView) Update(*runbook.Session, runbook.Batch)              {}
func (quietView) Reminder(*runbook.Session, time.Time)                {}
func (quietView) Info(string, ...any)                                 {}
func (quietView) Warn(string, ...any)                                 {}
func (quietView) Help()                                               {}
func (quietView) End(*runbook.Session)                                {}
func (quietView) Inject(*runbook.Session, int, manual.Inject, string) {}
func (quietView) Expected(manual.Inject)                              {}

func example(t *testing.T) (*manual.Manual, *message.Catalog) { return exampletest.Load(t) }

var start = time.Date(2026, 11, 23, 1, 0, 0, 0, time.UTC)

// run is a scripted run's outcome.
type run struct {
	m      *manual.Manual
	p      *manual.Playbook
	events []journal.Event
	dmg    journal.Damage
	state  *runbook.State
	dir    string // the run folder
}

// scripted runs a playbook with the given commands (a drill when isDrill;
// auto answers everything as --yes does) and reads its journal back. The
// run may end paused.
func scripted(t *testing.T, playbook string, isDrill, auto bool, lines ...string) run {
	t.Helper()
	m, cat := example(t)
	// As an English-speaking operator runs it: the expectations are English,
	// the manual's own texts (names, roles, channels) too.
	m = m.In("en")
	p := m.Playbook(playbook).In("en")
	// Reports do not change when the code reads the time once more or less:
	// only the script moves the clock.
	in := &exampletest.Script{Now: start, Lines: lines}
	s, err := runbook.Start(runbook.Options{RunsDir: t.TempDir(), Manual: m, Playbook: p, Catalog: cat,
		Drill: isDrill, Locales: []string{"es", "en"}, Now: in.Clock})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	f := &runbook.Flow{S: s, In: in, View: quietView{}, Auto: auto}
	if isDrill {
		inj := &drill.Injector{S: s, In: in, View: quietView{}, PlanOrder: auto, Auto: auto}
		f.OnCommand = inj.Deliver
	}
	if err := f.AskVars(map[string]string{"platform": "Facebook"}); err != nil {
		t.Fatal(err)
	}
	return runToEnd(t, f, m, p)
}

// runToEnd runs f's session of p until it ends or pauses and reads its
// journal back, which must be intact.
func runToEnd(t *testing.T, f *runbook.Flow, m *manual.Manual, p *manual.Playbook) run {
	t.Helper()
	if err := f.Run(); err != nil && !errors.Is(err, runbook.ErrPaused) {
		t.Fatal(err)
	}
	s := f.S
	events, dmg, err := journal.Read(filepath.Join(s.Dir, runbook.JournalFile))
	if err != nil || !dmg.Intact() {
		t.Fatalf("read the journal: %v %v", err, dmg)
	}
	return run{m: m, p: p, events: events, dmg: dmg, state: s.State, dir: s.Dir}
}

// testdataRun runs a playbook of the manual in testdata/DIR in one locale
// with the given commands and reads its journal back. The run may end
// paused.
func testdataRun(t *testing.T, dir, playbook, locale string, lines ...string) run {
	t.Helper()
	m, cat := exampletest.LoadDir(t, dir)
	p := m.Playbook(playbook)
	in := &exampletest.Script{Now: start, Lines: lines}
	s, err := runbook.Start(runbook.Options{RunsDir: t.TempDir(), Manual: m, Playbook: p, Catalog: cat,
		Locales: []string{locale}, Now: in.Clock})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	f := &runbook.Flow{S: s, In: in, View: quietView{}}
	return runToEnd(t, f, m, p)
}

// imperfectDrill rehearses facebook-down on its own clock: the inbox step is
// skipped and the run ends before the 20m and 45m injects arrive.
func imperfectDrill(t *testing.T) run {
	return scripted(t, "facebook-down", true, false, exampletest.ImperfectDrill()...)
}

// incident is a real run of facebook-down: the holding message goes out
// late, the inbox step is skipped, the first update comes 90 minutes after
// the holding message (cadence 60m), and the all-clear is sent without an
// approval.
func incident(t *testing.T) run {
	return scripted(t, "facebook-down", false, false,
		"+2m", "d", "d", // confirm, its checklist unticked: asked once, then done
		"choose 1",                    // only Facebook
		"+18m", "a", "x all all", "d", // holding, 5 minutes late
		"+3m", "n called Ana | the press office", // a note on the inbox step
		"s nothing to answer yet",
		"+90m", "state monitoring", "u Facebook vuelve a cargar en algunos móviles.", "a", "x all all", // a late update, saying what is new
		"r", "+1m", "x all all", "d", // back to the all-clear's own messages, sent unapproved
	)
}

// rendered is rep written by format (Markdown or HTML) as a reader of l
// reads it, the test failing if it cannot be written: what the tests of
// the report's words look into.
func rendered(t *testing.T, format func(io.Writer, *Report, *lang.Localizer) error, rep *Report, l *lang.Localizer) string {
	t.Helper()
	var b strings.Builder
	if err := format(&b, rep, l); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func built(t *testing.T, r run) *Report {
	t.Helper()
	rep, err := Build(r.m, r.p, r.events, r.dmg)
	if err != nil {
		t.Fatal(err)
	}
	rep.ReadTexts(os.DirFS(r.dir))
	return rep
}

func TestDeadlines(t *testing.T) {
	rep := built(t, incident(t))
	want := map[string]string{"confirm": "met", "scope": "met", "holding": "missed", "inbox": "skipped", "all-clear": "met"}
	if len(rep.Deadlines) != len(want) {
		t.Fatalf("deadlines %+v, want %d", rep.Deadlines, len(want))
	}
	for _, d := range rep.Deadlines {
		if d.Status != want[d.Step] {
			t.Errorf("step %s: %s, want %s", d.Step, d.Status, want[d.Step])
		}
		if d.At == nil {
			t.Errorf("step %s has no time", d.Step)
		}
		if (d.Late != "") != (d.Status == "missed") {
			t.Errorf("step %s: late %q with status %s", d.Step, d.Late, d.Status)
		}
	}
	if h := rep.Deadlines[2]; h.Late != "5m" || !h.Due.Equal(start.Add(15*time.Minute)) || !h.At.Equal(start.Add(20*time.Minute)) {
		t.Errorf("holding due %s, late %q; want 15m after the start, 5m late", h.Due, h.Late)
	}
	if rep.Status != "finished" || rep.AllClear == nil || rep.Drill || rep.Score != nil {
		t.Errorf("status %s, all-clear %v, drill %t, score %v", rep.Status, rep.AllClear, rep.Drill, rep.Score)
	}
}

func TestDeviations(t *testing.T) {
	rep := built(t, incident(t))
	for _, want := range []string{`step "Send the holding message" done 5m late`,
		`step "Answer every comment and message" skipped: nothing to answer yet`, "no update between",
		`all-clear (step "Announce that Facebook works again") sent without a recorded approval on X account @rioverdehogar (es), status.rioverde.example (es)`} {
		if !slices.ContainsFunc(rep.Deviations, func(s string) bool { return strings.Contains(s, want) }) {
			t.Errorf("no deviation %q in %q", want, rep.Deviations)
		}
	}
	var late []string
	for _, d := range rep.Deviations {
		if strings.HasPrefix(d, "no update between") {
			late = append(late, d)
		}
	}
	// Customers hear every 20 minutes for the first two hours, staff hourly.
	if len(late) != 2 || !strings.Contains(late[0], "between 2026-11-23 02:20:00 and 2026-11-23 03:53:00 (1h33m, cadence 20m): customers") ||
		!strings.Contains(late[1], "between 2026-11-23 02:20:00 and 2026-11-23 03:53:00 (1h33m, cadence 1h): staff") {
		t.Errorf("late updates %q, want a gap of 1h33m (93m) against the customers' 20m and the staff's 1h", late)
	}
}

func TestOnTimeUpdatesAreNoDeviation(t *testing.T) {
	r := scripted(t, "facebook-down", false, false,
		"d", "d", "choose 1", "a", "x all all", "d", "s nothing to answer", "+15m", "u", "a", "x all all", "r", "+15m", "a", "x all all", "d")
	for _, d := range built(t, r).Deviations {
		if strings.HasPrefix(d, "no update") {
			t.Errorf("updates 15 minutes apart with a cadence of 20: %q", d)
		}
	}
}

func TestSentCarriesApprovals(t *testing.T) {
	rep := built(t, incident(t))
	count := map[string]int{}
	for _, s := range rep.Sent {
		step := strings.SplitN(s.Step, "#", 2)[0]
		count[step]++
		want := "Carmen Vidal (CEO)"                           // the approver, by name
		if step == "all-clear" || s.Message == "staff-brief" { // unapproved; pre-approved
			want = ""
		}
		if s.By != want {
			t.Errorf("sent %s/%s on %s (%s) approved by %q, want %q", s.Step, s.Message, s.Channel, s.Locale, s.By, want)
		}
	}
	// holding: 5 + 1 + 2 channels, update: 5 + 1, all-clear: 5; each in es and en.
	if count["holding"] != 16 || count["updates"] != 12 || count["all-clear"] != 10 {
		t.Errorf("sent per step %v, want holding 16, updates 12, all-clear 10", count)
	}
}

func TestNotes(t *testing.T) {
	rep := built(t, incident(t))
	if len(rep.Notes) != 1 || rep.Notes[0].Step != "inbox" || rep.Notes[0].Text != "called Ana | the press office" {
		t.Fatalf("notes %+v", rep.Notes)
	}
	b := rendered(t, Markdown, rep, english)
	if !strings.Contains(b, "(Answer every comment and message): called Ana | the press office") {
		t.Errorf("the note is not in the Markdown report:\n%s", b)
	}
}

func TestUnknownPlaybook(t *testing.T) {
	r := incident(t)
	rep, err := Build(r.m, nil, r.events, r.dmg)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Deadlines) != 0 || len(rep.Timeline) != len(r.events) || len(rep.Sent) == 0 {
		t.Errorf("without the playbook: %d deadlines, %d of %d events, %d sent", len(rep.Deadlines), len(rep.Timeline), len(r.events), len(rep.Sent))
	}
}

// stable makes a report independent of the machine: the journal's hashes
// cover the run.started payload, which names the host.
func stable(t *testing.T, rep *Report, events []journal.Event) {
	t.Helper()
	if rep.LastHash == "" || rep.LastHash != events[len(events)-1].Hash {
		t.Fatalf("last hash %q, want the last event's", rep.LastHash)
	}
	rep.LastHash = "HASH"
}

func TestGolden(t *testing.T) {
	runs := map[string]func(*testing.T) (run, *Report){
		"incident": func(t *testing.T) (run, *Report) {
			r := incident(t)
			return r, built(t, r)
		},
		"drill": func(t *testing.T) (run, *Report) {
			r := imperfectDrill(t)
			rep := built(t, r)
			rep.Score = drill.Grade(r.p, r.state)
			return r, rep
		},
	}
	formats := map[string]func(io.Writer, *Report) error{
		"md":   func(w io.Writer, r *Report) error { return Markdown(w, r, english) },
		"json": JSON,
	}
	for name, mk := range runs {
		for ext, write := range formats {
			t.Run(name+"."+ext, func(t *testing.T) {
				r, rep := mk(t)
				stable(t, rep, r.events)
				var b bytes.Buffer
				if err := write(&b, rep); err != nil {
					t.Fatal(err)
				}
				goldentest.Check(t, filepath.Join("testdata", name+"."+ext+".golden"), b.Bytes(), *update)
			})
		}
	}
}

var (
	externalRef = regexp.MustCompile(`(?i)\b(src|href|xlink:href|action)\s*=\s*["']?\s*(https?:)?//`)
	cssImport   = regexp.MustCompile(`(?i)@import|url\(\s*["']?\s*(https?:)?//`)
)

func TestHTML(t *testing.T) {
	for name, r := range map[string]run{"incident": incident(t), "drill": imperfectDrill(t)} {
		t.Run(name, func(t *testing.T) {
			rep := built(t, r)
			if r.state.Drill {
				rep.Score = drill.Grade(r.p, r.state)
			}
			doc := rendered(t, HTML, rep, english)
			lower := strings.ToLower(doc)
			if !strings.HasPrefix(doc, "<!DOCTYPE html>") || strings.Count(lower, "<html") != 1 || strings.Count(lower, "</html>") != 1 ||
				strings.Count(lower, "<body") != 1 || !strings.HasSuffix(strings.TrimSpace(lower), "</html>") {
				t.Error("not one HTML document")
			}
			if strings.Contains(lower, "<script") || strings.Contains(lower, "javascript:") || regexp.MustCompile(`\son[a-z]+\s*=`).MatchString(lower) {
				t.Error("the report runs script")
			}
			if m := externalRef.FindString(doc); m != "" {
				t.Errorf("the report loads %q", m)
			}
			if m := cssImport.FindString(doc); m != "" {
				t.Errorf("the report's style loads %q", m)
			}
			if strings.Count(doc, "<svg") != 1 || strings.Count(doc, "</svg>") != 1 {
				t.Fatal("want one inline svg timeline")
			}
			svg := doc[strings.Index(doc, "<svg"):strings.Index(doc, "</svg>")]
			for _, l := range lanes {
				n := 0
				for _, e := range rep.Timeline {
					if slices.Contains(l.types, e.Type) {
						n++
					}
				}
				if got := strings.Count(svg, `r="5" fill="`+l.color+`"`); got != n {
					t.Errorf("lane %s: %d circles, want one per event (%d)", l.name, got, n)
				}
			}
			if rep.Drill && !strings.Contains(doc, "NOT A REAL INCIDENT") {
				t.Error("a drill report does not say it is an exercise")
			}
			if rep.AllClear != nil && !strings.Contains(svg, "<title>all-clear</title>") {
				t.Error("no all-clear line")
			}
		})
	}
}

func TestHTMLEscapes(t *testing.T) {
	r := scripted(t, "facebook-down", false, false, `n <img src="https://evil.example/x.png"> & <script>alert(1)</script>`, "d", "d", "p")
	rep, err := Build(r.m, r.p, r.events, r.dmg)
	if err != nil {
		t.Fatal(err)
	}
	b := rendered(t, HTML, rep, english)
	if strings.Contains(b, "<script>") || strings.Contains(b, "<img") {
		t.Errorf("a note's markup reached the HTML:\n%s", b)
	}
	if !strings.Contains(b, "&lt;script&gt;") {
		t.Error("the note is not shown escaped")
	}
	if rep.Status != "paused" {
		t.Errorf("status %q, want paused", rep.Status)
	}
}

func TestSummary(t *testing.T) {
	rep := built(t, incident(t))
	want := Summary{Deadlines: 5, Met: 3, Late: 1, Skipped: 1, Open: 0, Sent: 38, UnapprovedSends: 10, Unsent: 0, FollowUp: 3, Duration: "1h54m"}
	if rep.Summary != want {
		t.Errorf("summary %+v, want %+v", rep.Summary, want)
	}
	for name, write := range map[string]func(io.Writer, *Report, *lang.Localizer) error{"markdown": Markdown, "html": HTML} {
		doc := rendered(t, write, rep, english)
		sum := strings.Index(doc, "Summary")
		for _, later := range []string{"Deadlines", "Texts sent", "Timeline", "Deviations"} {
			if i := strings.Index(doc, later); sum < 0 || i < sum {
				t.Errorf("%s: %q comes before the summary (%d < %d)", name, later, i, sum)
			}
		}
		for _, line := range []string{"Deadlines: 3 met, 1 late, 1 skipped, 0 open, of 5", "Texts sent: 38, of which 10 without a recorded approval",
			"Duration: 1h54m (to the all-clear)", "Follow-up tasks: 3, the first due 2026-11-24 03:54:00"} {
			if !strings.Contains(doc, line) {
				t.Errorf("%s: the summary lacks %q", name, line)
			}
		}
	}
}

// A text marked sent is in the report in full, as the run folder holds it.
func TestSentTexts(t *testing.T) {
	r := incident(t)
	rep := built(t, r)
	for _, s := range rep.Sent {
		want, err := os.ReadFile(filepath.Join(r.dir, s.File))
		if s.File == "" || err != nil || s.Text != string(want) || s.Text == "" {
			t.Errorf("sent %s/%s on %s (%s): file %q, text %q, want the file's %q (%v)", s.Step, s.Message, s.Channel, s.Locale, s.File, s.Text, want, err)
		}
	}
	x := rep.Sent[0]
	if x.Channel != "x" || x.Locale != "es" || x.ChannelName != "X account @rioverdehogar" || x.StepTitle != "Send the holding message" ||
		!strings.HasPrefix(x.Text, "Facebook no funciona ahora mismo en todo el mundo.") {
		t.Errorf("first sent %+v", x)
	}
	// The e-mail's subject and its whole body, under its channel and locale.
	md := rendered(t, Markdown, rep, english)
	mail := strings.Index(md, "#### Newsletter and order e-mail (es)")
	if mail < 0 || !strings.Contains(md[mail:], "Subject: Facebook no funciona: cómo seguir en contacto con nosotros") ||
		!strings.Contains(md[mail:], "El equipo de Ríoverde Hogar") {
		t.Errorf("the Spanish e-mail is not in full under its channel:\n%s", md)
	}

	// A file rewritten after its text was sent, while the run went on, is
	// flagged; one written later, as a copy of the folder is, is not.
	for _, c := range []struct {
		written time.Time
		flagged bool
	}{{x.At.Add(time.Minute), true}, {x.At, false}, {rep.Timeline[len(rep.Timeline)-1].At.Add(time.Hour), false}} {
		if err := os.Chtimes(filepath.Join(r.dir, x.File), c.written, c.written); err != nil {
			t.Fatal(err)
		}
		s := built(t, r).Sent[0]
		if got := strings.Contains(s.TextNote, "rewritten at 2026-11-23 02:21:00, after the text was marked sent"); got != c.flagged || (s.TextNote != "") != c.flagged {
			t.Errorf("file written at %s: note %q, want flagged %t", c.written, s.TextNote, c.flagged)
		}
	}

	// A file that cannot be a rendered text is not read.
	big := filepath.Join(r.dir, rep.Sent[1].File)
	if err := os.WriteFile(big, bytes.Repeat([]byte("x"), maxText+1), 0o644); err != nil {
		t.Fatal(err)
	}
	if s := built(t, r).Sent[1]; s.Text != "" || !strings.Contains(s.TextMissing, "larger than any rendered text") {
		t.Errorf("a file of %d bytes: text of %d bytes, missing %q", maxText+1, len(s.Text), s.TextMissing)
	}

	// A file gone from the run folder is said, not guessed.
	if err := os.Remove(filepath.Join(r.dir, x.File)); err != nil {
		t.Fatal(err)
	}
	rep = built(t, r)
	if s := rep.Sent[0]; s.Text != "" || !strings.Contains(s.TextMissing, "not in the run folder") {
		t.Errorf("text %q, missing %q", s.Text, s.TextMissing)
	}
	b := rendered(t, Markdown, rep, english)
	if !strings.Contains(b, "> Text not available: "+x.File+" is not in the run folder any more.") {
		t.Error("the Markdown report does not say the text is missing")
	}
}

// People, steps, channels and checklist items go by what the manual calls
// them, never by their ids.
func TestNamesNotIds(t *testing.T) {
	r := scripted(t, "facebook-down", false, false, "c 4", "d", "d", "choose 1", "a", "x all all", "d", "p")
	rep := built(t, r)
	var lines []string
	for _, e := range rep.Timeline {
		lines = append(lines, e.Text)
	}
	all := strings.Join(lines, "\n")
	for _, want := range []string{"checked: Spokesperson and approver called", "holding approved by Carmen Vidal (CEO)",
		"step done: Confirm the outage and open the incident", "sent holding on X account @rioverdehogar (es)"} {
		if !strings.Contains(all, want) {
			t.Errorf("timeline lacks %q:\n%s", want, all)
		}
	}
	for _, id := range []string{"carmen-vidal", "item 4", "on x (", "done: confirm"} {
		if strings.Contains(all, id) {
			t.Errorf("timeline says %q:\n%s", id, all)
		}
	}
}

// A deadline missed by less than a minute says by how many seconds.
func TestLateInSeconds(t *testing.T) {
	rep := built(t, scripted(t, "facebook-down", false, false, "+5m20s", "d", "d", "p"))
	d := rep.Deadlines[0]
	if d.Status != "missed" || d.Late != "20s" || d.LateSeconds != 20 || d.Outcome(english) != "missed (20s late)" {
		t.Errorf("confirm %+v, want missed 20s late", d)
	}
	if !slices.Contains(rep.Deviations, `step "Confirm the outage and open the incident" done 20s late`) {
		t.Errorf("deviations %q", rep.Deviations)
	}
	if rep.Duration != "5m" {
		t.Errorf("duration %q", rep.Duration)
	}
	rep = built(t, scripted(t, "facebook-down", false, false, "+40s", "n short", "p"))
	if rep.Duration != "40s" || rep.Summary.Duration != "40s" {
		t.Errorf("a run of 40 seconds lasted %q", rep.Duration)
	}
}

func TestFollowUp(t *testing.T) {
	rep := built(t, incident(t))
	ac := start.Add(114 * time.Minute)
	want := []struct {
		title, owner, after string
		due                 time.Time
	}{
		{"Answer every complaint", "Marta Silva (customer care)", "1d", ac.Add(24 * time.Hour)},
		{"Compensate affected orders within the approved budget", "Marta Silva (customer care)", "3d", ac.Add(72 * time.Hour)},
		{"Post-incident review", "Lucía Moreno (communications director)", "7d", ac.Add(7 * 24 * time.Hour)},
	}
	if len(rep.FollowUp) != len(want) {
		t.Fatalf("follow-up %+v", rep.FollowUp)
	}
	for i, w := range want {
		f := rep.FollowUp[i]
		if f.Title != w.title || f.Owner != w.owner || f.After != w.after || f.Due == nil || !f.Due.Equal(w.due) {
			t.Errorf("follow-up %d: %+v, want %+v", i, f, w)
		}
	}
	if c := rep.FollowUp[0].Checklist; len(c) != 2 || c[0] != "Every complaint answered personally" {
		t.Errorf("checklist %q", c)
	}
	// Before the all-clear, a task is due a time after it.
	open := built(t, scripted(t, "facebook-down", false, false, "d", "d", "p"))
	if f := open.FollowUp[0]; f.Due != nil || open.FollowUpDue(f, english) != "1d after the all-clear" {
		t.Errorf("follow-up of an open run: %+v", f)
	}
}

// circles are the x positions of the timeline's dots.
func circles(t *testing.T, svg string) []float64 {
	t.Helper()
	var xs []float64
	for _, m := range regexp.MustCompile(`<circle cx="([0-9.]+)"`).FindAllStringSubmatch(svg, -1) {
		x, err := strconv.ParseFloat(m[1], 64)
		if err != nil {
			t.Fatal(err)
		}
		xs = append(xs, x)
	}
	return xs
}

// The picture spans the run, from its first event to its last, whatever
// the deadlines: a run of minutes against a deadline of hours is spread
// over the whole width, not squeezed into a dot.
func TestTimelineSpansTheRun(t *testing.T) {
	rep := built(t, scripted(t, "facebook-down", false, false,
		"+1m", "d", "d", "choose 1", "+2m", "a", "x all all", "d", "+1m", "s nothing yet", "+3m", "a", "x all all", "d"))
	doc := rendered(t, HTML, rep, english)
	svg := doc[strings.Index(doc, "<svg"):strings.Index(doc, "</svg>")]
	xs := circles(t, svg)
	if len(xs) == 0 {
		t.Fatal("no dots")
	}
	if lo, hi := slices.Min(xs), slices.Max(xs); lo < tlLeft || hi > tlRight || hi-lo < 0.5*(tlRight-tlLeft) {
		t.Errorf("dots from x=%.1f to x=%.1f; the plot runs from %.0f to %.0f", lo, hi, tlLeft, tlRight)
	}
	// The all-clear, the last event, is at the right end of the plot.
	if !strings.Contains(svg, fmt.Sprintf(`<line x1="%.1f"`, tlRight)) {
		t.Errorf("the all-clear is not at the end of the plot:\n%s", svg)
	}
	for _, want := range []string{"a text marked sent", "a step's deadline", "all-clear", "4 later deadlines not drawn"} {
		if !strings.Contains(doc, want) {
			t.Errorf("the legend lacks %q", want)
		}
	}
}

// english is the language of the golden reports.
var english = lang.For(language.English)

// TestJournalTruthInReport: an approval given by phone before the texts
// went out, recorded after with its time, makes them approved; a step
// completed with checklist items unticked, and a step reopened, are
// deviations naming the items and the reason; optional texts (English on
// the Spanish X account) left unsent are not.
func TestJournalTruthInReport(t *testing.T) {
	rep := built(t, scripted(t, "facebook-down", false, false,
		"c 1 2", "d", "d", // confirm, two items unticked
		"choose 1",        // only Facebook
		"+5m", "x all es", // holding sent at 02:05 Madrid, no approval recorded yet
		"+2m", "a carmen --at 02:04", // given by phone at 02:04, before the send
		"x status-page en", "x website-banner en", "x email-customers en", "d",
		"b", "o the banner text was wrong", "d", // reopened, done again
		"p"))
	all := strings.Join(rep.Deviations, "\n")
	for _, want := range []string{
		`step "Confirm the outage and open the incident" completed with checklist items not ticked: "Instagram and WhatsApp checked (if they fail too, run meta-outage instead)", "Spokesperson and approver called"`,
		`step "Send the holding message" reopened at 2026-11-23 02:07:00 after it was handled: the banner text was wrong`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("deviations lack %q:\n%s", want, all)
		}
	}
	for _, not := range []string{"without a recorded approval", "done without marking sent"} {
		if strings.Contains(all, not) {
			t.Errorf("deviations say %q:\n%s", not, all)
		}
	}
	for _, s := range rep.Sent {
		if s.Message == "staff-brief" { // pre-approved: sent on its owner's authority
			if s.By != "" {
				t.Errorf("%s on %s: approved by %q, want nobody: it is pre-approved", s.Message, s.Channel, s.By)
			}
			continue
		}
		if s.By != "Carmen Vidal (CEO)" {
			t.Errorf("%s on %s: approved by %q, want Carmen Vidal, who approved at 02:04", s.Message, s.Channel, s.By)
		}
	}
}

package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
)

//go:embed report.html.tmpl
var htmlTemplate string

// htmlTmpl is parsed when a report is first written as HTML, not when the
// program starts: every command paid its half millisecond at start-up.
var htmlTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"local": func(r *Report, t time.Time) string { return r.Local(t) },
		"localp": func(r *Report, t *time.Time) string {
			if t == nil {
				return "-"
			}
			return r.Local(*t)
		},
	}).Parse(htmlTemplate))
})

// HTML writes the report as one self-contained HTML file (inline CSS and an
// inline SVG timeline; no scripts, no external resources), laid out to read
// well on screen, on a phone and on paper.
func HTML(w io.Writer, r *Report, l *lang.Localizer) error {
	tl := newTimeline(r, l)
	return htmlTmpl().Execute(w, htmlPage{R: r, Timeline: tl.svg(), Legend: tl.legend(), Lang: l.Tag.String(), l: l})
}

// htmlPage is what the template reads: the report, its pictures, and the
// words of the page in l's language.
type htmlPage struct {
	R                *Report
	Timeline, Legend template.HTML
	Lang             string
	l                *lang.Localizer
}

// T is message id filled with data given as name, value pairs:
// {{.T "report.score.of" "Got" 3 "Of" 4}}.
func (p htmlPage) T(id string, kv ...any) string {
	data := map[string]any{}
	for i := 0; i+1 < len(kv); i += 2 {
		if k, ok := kv[i].(string); ok {
			data[k] = kv[i+1]
		}
	}
	return p.l.T(id, data)
}

func (p htmlPage) SummaryLines() []string        { return p.R.SummaryLines(p.l) }
func (p htmlPage) Outcome(d Deadline) string     { return d.Outcome(p.l) }
func (p htmlPage) FollowUpDue(f FollowUp) string { return p.R.FollowUpDue(f, p.l) }
func (p htmlPage) Approval(s Sent) string        { return s.Approval(p.l) }
func (p htmlPage) Practise() []string            { return practise(p.R.Score, p.l) }
func (p htmlPage) ScoreParts() []scorePart       { return scoreParts(p.R.Score) }
func (p htmlPage) Event(e Entry) string          { return e.Say(p.l) }
func (p htmlPage) Deviations() []string          { return p.R.DeviationLines(p.l) }
func (p htmlPage) Integrity() string             { return p.R.IntegrityLine(p.l) }
func (p htmlPage) Delivery(d Delivery) string    { return d.Say(p.l) }
func (p htmlPage) Unknowns() []string            { return p.R.Unknowns(p.l) }

// StepName is the name of the step a sent text or note belongs to.
func (p htmlPage) StepName(step, title string) string { return StepName(p.l, step, title) }

// DeliveryColumns are the deliveries table's headings.
func (p htmlPage) DeliveryColumns() []string {
	var out []string
	for _, c := range deliveryColumns {
		out = append(out, p.l.T("deliveries.col."+c, nil))
	}
	return out
}

// lane is a row of the timeline picture.
type lane struct {
	name  string
	types []string
	color string
}

// lanes are the rows of the picture; each is named by report.lane.NAME
// and explained by report.legend.NAME.
var lanes = []lane{
	{"incident", []string{journal.TypeRunStarted, journal.TypeRunPaused, journal.TypeRunResumed, journal.TypeRunReopened,
		journal.TypeRunAbandoned, journal.TypeRunFinished, journal.TypeRunState, journal.TypeUpdateNote, journal.TypeVarSet,
		journal.TypeStepReopened, journal.TypeManualChanged}, "#57606a"},
	{"steps", []string{journal.TypeStepDone, journal.TypeStepSkipped, journal.TypeStepBack}, "#1f6feb"},
	{"sent", []string{journal.TypeMessageSent}, "#1a7f37"},
	{"approvals", []string{journal.TypeMessageApproved}, "#8250df"},
	{"notes", []string{journal.TypeNote}, "#9a6700"},
	{"injects", []string{journal.TypeInjectArrived, journal.TypeInjectAnswered}, "#cf222e"},
}

// The timeline's picture, in SVG user units.
const (
	tlWidth, tlLeft, tlRight = 900.0, 110.0, 880.0 // the plot runs from tlLeft to tlRight
	tlLaneH, tlTop           = 34.0, 30.0
)

// timeline is the run drawn on a time axis from its first event to its
// last: the span of the incident, however short, and not the last
// deadline (a step done in minutes against a deadline of hours would
// otherwise squeeze the whole run into a dot).
type timeline struct {
	r          *Report
	l          *lang.Localizer
	start, end time.Time
	lanes      []lane
	later      int // deadlines after the last event, not drawn
}

func newTimeline(r *Report, l *lang.Localizer) *timeline {
	t := &timeline{r: r, l: l, start: r.Started, end: r.Started, lanes: lanes}
	if len(r.Timeline) > 0 {
		t.start, t.end = r.Timeline[0].At, r.Timeline[0].At
	}
	for _, e := range r.Timeline {
		if e.At.Before(t.start) {
			t.start = e.At
		}
		if e.At.After(t.end) {
			t.end = e.At
		}
	}
	if !t.end.After(t.start) { // everything at one instant: give the axis a width
		t.end = t.start.Add(time.Minute)
	}
	if !r.Drill {
		t.lanes = lanes[:len(lanes)-1] // a real incident has no drill injects
	}
	for _, d := range r.Deadlines {
		if d.Due.After(t.end) {
			t.later++
		}
	}
	return t
}

func (t *timeline) x(at time.Time) float64 {
	return tlLeft + (tlRight-tlLeft)*float64(at.Sub(t.start))/float64(t.end.Sub(t.start))
}

// svg draws one lane per kind of event, deadlines as dashed ticks, the
// all-clear as a green line. The plot's bounds and times are data
// attributes, so a test can check what the picture spans.
func (t *timeline) svg() template.HTML {
	r := t.r
	bottom := tlTop + tlLaneH*float64(len(t.lanes))
	height := bottom + 44
	b := &strings.Builder{}
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.0f %.0f" role="img" aria-label="%s"`+
		` data-plot-left="%.0f" data-plot-right="%.0f" data-start="%s" data-end="%s">`,
		tlWidth, height, template.HTMLEscapeString(t.l.T("report.timeline-label", nil)), tlLeft, tlRight, t.start.Format(time.RFC3339Nano), t.end.Format(time.RFC3339Nano))
	fmt.Fprintf(b, `<rect x="0" y="0" width="%.0f" height="%.0f" fill="#fff"/>`, tlWidth, height)
	for i, l := range t.lanes {
		y := tlTop + tlLaneH*float64(i) + tlLaneH/2
		fmt.Fprintf(b, `<text class="lane" x="8" y="%.1f" font-size="12" dominant-baseline="middle" fill="#333">%s</text>`, y, template.HTMLEscapeString(t.l.T("report.lane."+l.name, nil)))
		fmt.Fprintf(b, `<line x1="%.0f" y1="%.1f" x2="%.0f" y2="%.1f" stroke="#ddd"/>`, tlLeft, y, tlRight, y)
		for _, e := range r.Timeline {
			if contains(l.types, e.Type) {
				fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="5" fill="%s" fill-opacity="0.75"><title>%s %s</title></circle>`,
					t.x(e.At), y, l.color, template.HTMLEscapeString(e.Offset), template.HTMLEscapeString(e.Say(t.l)))
			}
		}
	}
	for _, d := range r.Deadlines {
		if !d.Due.Before(t.start) && !d.Due.After(t.end) {
			fmt.Fprintf(b, `<line x1="%.1f" y1="%.0f" x2="%.1f" y2="%.0f" stroke="%s" stroke-dasharray="3 3"><title>%s</title></line>`,
				t.x(d.Due), tlTop, t.x(d.Due), bottom, deadlineColor, template.HTMLEscapeString(t.l.T("reporttext.tooltip.deadline", map[string]any{"Step": d.Title})))
		}
	}
	if r.AllClear != nil {
		fmt.Fprintf(b, `<line x1="%.1f" y1="%.0f" x2="%.1f" y2="%.0f" stroke="%s" stroke-width="2"><title>%s</title></line>`,
			t.x(*r.AllClear), tlTop-10, t.x(*r.AllClear), bottom, allClearColor, template.HTMLEscapeString(t.l.T("report.legend.all-clear", nil)))
	}
	t.axis(b, bottom)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

const deadlineColor, allClearColor = "#cf222e", "#1a7f37"

// axis labels five points of the axis with the local clock and the time
// since the start, at a precision the span calls for.
func (t *timeline) axis(b *strings.Builder, y float64) {
	span := t.end.Sub(t.start)
	clock := "15:04"
	if span < 10*time.Minute {
		clock = "15:04:05"
	}
	for i := 0; i <= 4; i++ {
		at := t.start.Add(span * time.Duration(i) / 4)
		anchor := map[int]string{0: "start", 4: "end"}[i]
		if anchor == "" {
			anchor = "middle"
		}
		fmt.Fprintf(b, `<text class="clock" x="%.1f" y="%.0f" font-size="11" text-anchor="%s" fill="#555">%s</text>`,
			t.x(at), y+16, anchor, at.In(t.r.loc).Format(clock))
		fmt.Fprintf(b, `<text class="since" x="%.1f" y="%.0f" font-size="10" text-anchor="%s" fill="#888">%s</text>`,
			t.x(at), y+30, anchor, offsetLabel(at.Sub(t.r.Started), span))
	}
}

// offsetLabel is a time since the start, as T+..., to the minute on a long
// axis, to the second on a short one, to the hundredth on one of seconds.
func offsetLabel(d, span time.Duration) string {
	switch {
	case span >= 10*time.Minute:
		return "T+" + manual.FormatDuration(d.Round(time.Minute))
	case span >= 10*time.Second:
		return "T+" + manual.FormatDuration(d.Round(time.Second))
	}
	return fmt.Sprintf("T+%.2fs", d.Seconds())
}

// legend says what the marks of the picture are, in HTML so that it wraps
// on a narrow screen.
func (t *timeline) legend() template.HTML {
	b := &strings.Builder{}
	b.WriteString(`<ul class="legend">`)
	for _, l := range t.lanes {
		fmt.Fprintf(b, `<li><span class="dot" style="background:%s"></span> %s</li>`, l.color, t.l.T("report.legend."+l.name, nil))
	}
	fmt.Fprintf(b, `<li><span class="tick" style="border-left:2px dashed %s"></span> %s</li>`, deadlineColor, t.l.T("report.legend.deadline", nil))
	if t.r.AllClear != nil {
		fmt.Fprintf(b, `<li><span class="tick" style="border-left:3px solid %s"></span> %s</li>`, allClearColor, t.l.T("report.legend.all-clear", nil))
	}
	fmt.Fprintf(b, `<li>%s`, t.l.T("report.legend.span", map[string]any{"First": t.r.Local(t.start), "Last": t.r.Local(t.end)}))
	if t.later > 0 {
		fmt.Fprintf(b, `; %s`, t.l.N("report.legend.later", t.later, nil))
	}
	b.WriteString(`</li></ul>`)
	return template.HTML(b.String())
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

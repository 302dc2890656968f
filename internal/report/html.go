package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"

	"github.com/crisis-cli/crisis/internal/journal"
)

//go:embed report.html.tmpl
var htmlTemplate string

var htmlTmpl = template.Must(template.New("report").Funcs(template.FuncMap{
	"local": func(r *Report, t time.Time) string { return r.Local(t) },
	"localp": func(r *Report, t *time.Time) string {
		if t == nil {
			return "-"
		}
		return r.Local(*t)
	},
}).Parse(htmlTemplate))

// HTML writes the report as one self-contained HTML file (inline CSS and an
// inline SVG timeline; no scripts, no external resources), laid out to read
// well on screen and on paper.
func HTML(w io.Writer, r *Report) error {
	return htmlTmpl.Execute(w, struct {
		R        *Report
		Timeline template.HTML
	}{r, timelineSVG(r)})
}

// lane is a row of the timeline picture.
type lane struct {
	name  string
	types []string
	color string
}

var lanes = []lane{
	{"steps", []string{journal.TypeStepDone, journal.TypeStepSkipped, journal.TypeStepBack}, "#1f6feb"},
	{"sent", []string{journal.TypeMessageSent}, "#1a7f37"},
	{"approvals", []string{journal.TypeMessageApproved}, "#8250df"},
	{"notes", []string{journal.TypeNote}, "#9a6700"},
	{"drill injects", []string{journal.TypeInjectArrived, journal.TypeInjectAnswered}, "#cf222e"},
}

// timelineSVG draws the run on a time axis: one lane per kind of event,
// deadlines as dashed ticks, the all-clear as a green line.
func timelineSVG(r *Report) template.HTML {
	const width, left, laneH, top = 900.0, 110.0, 34.0, 30.0
	end := r.Started.Add(time.Minute)
	for _, e := range r.Timeline {
		if e.At.After(end) {
			end = e.At
		}
	}
	for _, d := range r.Deadlines {
		if d.Due.After(end) && d.At != nil {
			end = d.Due
		}
	}
	span := end.Sub(r.Started).Seconds()
	x := func(t time.Time) float64 { return left + (width-left-20)*t.Sub(r.Started).Seconds()/span }
	nlanes := len(lanes)
	if !r.Drill {
		nlanes--
	}
	height := top + laneH*float64(nlanes) + 40
	b := &strings.Builder{}
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.0f %.0f" role="img" aria-label="Timeline of the run">`, width, height)
	fmt.Fprintf(b, `<rect x="0" y="0" width="%.0f" height="%.0f" fill="#fff"/>`, width, height)
	shown := lanes
	if !r.Drill {
		shown = lanes[:len(lanes)-1] // a real incident has no drill injects
	}
	for i, l := range shown {
		y := top + laneH*float64(i) + laneH/2
		fmt.Fprintf(b, `<text x="8" y="%.1f" font-size="12" dominant-baseline="middle" fill="#333">%s</text>`, y, l.name)
		fmt.Fprintf(b, `<line x1="%.0f" y1="%.1f" x2="%.0f" y2="%.1f" stroke="#ddd"/>`, left, y, width-20, y)
		for _, e := range r.Timeline {
			if contains(l.types, e.Type) {
				fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="5" fill="%s"><title>%s %s</title></circle>`,
					x(e.At), y, l.color, template.HTMLEscapeString(e.Offset), template.HTMLEscapeString(e.Text))
			}
		}
	}
	bottom := top + laneH*float64(nlanes)
	for _, d := range r.Deadlines {
		if !d.Due.After(end) {
			fmt.Fprintf(b, `<line x1="%.1f" y1="%.0f" x2="%.1f" y2="%.0f" stroke="#cf222e" stroke-dasharray="3 3"><title>deadline %s</title></line>`,
				x(d.Due), top, x(d.Due), bottom, template.HTMLEscapeString(d.Title))
		}
	}
	if r.AllClear != nil {
		fmt.Fprintf(b, `<line x1="%.1f" y1="%.0f" x2="%.1f" y2="%.0f" stroke="#1a7f37" stroke-width="2"><title>all-clear</title></line>`,
			x(*r.AllClear), top-10, x(*r.AllClear), bottom)
	}
	axis(b, r, x, bottom, end)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// axis labels the time axis with the local clock at five points.
func axis(b *strings.Builder, r *Report, x func(time.Time) float64, y float64, end time.Time) {
	for i := 0; i <= 4; i++ {
		t := r.Started.Add(end.Sub(r.Started) * time.Duration(i) / 4)
		anchor := map[int]string{0: "start", 4: "end"}[i]
		if anchor == "" {
			anchor = "middle"
		}
		fmt.Fprintf(b, `<text x="%.1f" y="%.0f" font-size="11" text-anchor="%s" fill="#555">%s</text>`,
			x(t), y+18, anchor, t.In(r.loc).Format("15:04:05"))
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

package lint

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/render"
)

func init() {
	register(Meta{ID: "CR405", Severity: diag.Error, Scope: ScopeManual}, checkExamples)
}

// checkExamples runs each declared example, of the manual and of every
// playbook, through render.Check, the validator every value passes; then
// checks the pairs of examples the texts' windows take.
func checkExamples(c *Context) {
	check := func(vs []manual.Variable) {
		for i := range vs {
			v := &vs[i]
			if _, err := render.Check(v, v.Name, v.Example); err != nil {
				c.Report(v.Pos, "lint.CR405", "lint.CR405.hint", args{"Variable": v.Name, "Error": err.Error()})
			}
		}
	}
	check(c.Manual.Variables)
	for _, p := range c.Manual.Playbooks {
		check(p.Variables)
	}
	checkWindowExamples(c)
}

// checkWindowExamples reports two datetime examples that a text's window
// ({{window .window_start .window_end}}) takes the wrong way round: every
// text writing that window would fail to render with them, and CR404,
// CR802 and CR804 would say so at each text. It is said once, at the
// start's example, naming both values to swap; those rules leave it
// (reversedByExamples).
func checkWindowExamples(c *Context) {
	m := c.Manual
	pairs := windowPairs(m)
	seen := map[[2]diag.Pos]bool{}
	for _, p := range slices.Concat([]*manual.Playbook{nil}, m.Playbooks) {
		for _, pair := range pairs {
			from, to, ok := reversedExamples(m, p, pair)
			if !ok || seen[[2]diag.Pos{from.Pos, to.Pos}] {
				continue
			}
			seen[[2]diag.Pos{from.Pos, to.Pos}] = true
			toAt := c.examplePos(to)
			c.Report(c.examplePos(from), "lint.CR405.window", "lint.CR405.window.hint", args{
				"Window": "{{window ." + from.Name + " ." + to.Name + "}}", "From": from.Name, "To": to.Name,
				"FromValue": strconv.Quote(from.Example), "ToValue": strconv.Quote(to.Example),
				"ToAt": fmt.Sprintf("%s:%d", toAt.File, toAt.Line)})
		}
	}
}

// windowPairs are the pairs of variables the manual's texts give window,
// once each. A pair some text gives the other way round is left out: one
// of the texts is wrong whatever the examples, and CR404 says which.
func windowPairs(m *manual.Manual) [][2]string {
	var pairs [][2]string
	for _, t := range m.Templates {
		for _, msg := range t.Messages {
			for _, form := range manual.PluralForms {
				for _, pair := range message.WindowPairs(msg.Forms[form]) {
					if !slices.Contains(pairs, pair) {
						pairs = append(pairs, pair)
					}
				}
			}
		}
	}
	return slices.DeleteFunc(pairs, func(p [2]string) bool { return slices.Contains(pairs, [2]string{p[1], p[0]}) })
}

// reversedExamples returns pair's two variables as playbook p (nil: the
// manual) declares them, and whether both are datetime variables whose
// examples, read in the manual's zone as a run reads them, make the window
// end before it starts.
func reversedExamples(m *manual.Manual, p *manual.Playbook, pair [2]string) (from, to *manual.Variable, ok bool) {
	from, to = m.Variable(p, pair[0]), m.Variable(p, pair[1])
	if from == nil || to == nil || from.Type != "datetime" || to.Type != "datetime" {
		return nil, nil, false
	}
	loc := m.Location
	if loc == nil {
		loc = time.UTC
	}
	a, errA := render.ParseDatetime(from.Example, loc)
	b, errB := render.ParseDatetime(to.Example, loc)
	return from, to, errA == nil && errB == nil && b.Before(a)
}

// reversedByExamples reports whether err, a text of playbook p failing to
// render, is a reversed window that checkWindowExamples reports at the
// examples: a window of the text takes two examples the wrong way round,
// and no text takes them the other way.
// A window reversed otherwise (a market's own values) is left to the
// rule that rendered it.
func (c *Context) reversedByExamples(p *manual.Playbook, err error) bool {
	var te *message.TemplateError
	if !message.IsReversedWindow(err) || !errors.As(err, &te) {
		return false
	}
	checked := windowPairs(c.Manual) // rare: only a text that failed so
	return slices.ContainsFunc(message.WindowPairs(te.Text), func(pair [2]string) bool {
		_, _, ok := reversedExamples(c.Manual, p, pair)
		return ok && slices.Contains(checked, pair)
	})
}

// examplePos is where v's example value is written, as the loader found
// it; v's own position when it has none.
func (c *Context) examplePos(v *manual.Variable) diag.Pos {
	if v.ExamplePos.Line > 0 {
		return v.ExamplePos
	}
	return v.Pos
}

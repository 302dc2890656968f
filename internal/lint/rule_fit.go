package lint

import (
	"fmt"
	"strings"
	"time"

	"github.com/crisis-cli/crisis/internal/channel"
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/render"
)

func init() {
	register(Meta{
		ID: "CR501", Title: "A rendered announcement does not fit its channel", Severity: diag.Error, Scope: ScopePlaybook,
		Rationale: "An SMS that needs a third segment, a post over X's 280, a banner that wraps: each is found when someone pastes it during the crisis. Lint renders every announcement in every locale with each variable at its longest (its example padded to max_length) and measures it as its channel does (SMS septets or UTF-16 units and segments, X weighting, bytes ...).",
		Bad:       "# sms-staff has limit: 1 (one segment); pl text in UCS-2, 92 UTF-16 units\nannounce:\n  - message: staff-brief\n    channels: [sms-staff]\n",
		Good:      "# a shorter pl sms variant, or limit: 2 on the channel\nstaff-brief:\n  sms:\n    other: \"Awaria {{.platform}}. Info na Slacku.\"\n",
	}, checkFit)
}

// fitResult is the measured render of one message on one channel in one
// locale with one set of values; playbooks sharing all four share it.
type fitResult struct {
	// ok is false when the text did not render: CR404 renders every text
	// with the values of every playbook that sends it, these included, and
	// reports the failure there, once, not again per channel.
	ok      bool
	fits    bool
	problem string
}

func checkFit(c *Context) {
	m, p, f := c.Manual, c.Playbook, c.facts
	if f.cat == nil {
		return
	}
	given := worstCase(m, p)
	anns := announcements(p)
	for _, loc := range m.Locales.Supported {
		if m.TemplatesFor(loc) == nil {
			continue
		}
		values := map[string]*fitInput{} // per message: announcements share them
		for _, a := range anns {
			name := a.ann.Message.ID
			in, seen := values[name]
			if !seen {
				in = newFitInput(m, p, f.vars[name], given, loc)
				values[name] = in
			}
			if in == nil {
				continue
			}
			for _, ref := range a.ann.Channels {
				ch := m.Channel(ref.ID)
				if ch == nil || m.IsDown(p, ch.ID) {
					continue
				}
				req := message.Request{Message: name, Kind: ch.Kind, Locale: loc, Data: in.data, Count: in.count}
				if r := f.fit(req, ch, in.key); r.ok && !r.fits {
					c.Report(ref.Pos, "shorten the "+loc+" text of "+name+" (or its "+ch.Kind+" variant), or lower the variables' max_length",
						"%s on %s in %s does not fit: %s", name, ch.ID, loc, r.problem)
				}
			}
		}
	}
}

// fitInput is the worst-case data of one message in one locale; key
// identifies the values for the render cache.
type fitInput struct {
	data  map[string]any
	count any
	key   string
}

// worstCase gives every declared variable its longest value: the example
// padded or cut to max_length. Counts and times keep their example, which
// must stay a number or a clock time.
func worstCase(m *manual.Manual, p *manual.Playbook) map[string]string {
	out := map[string]string{}
	for _, vs := range [][]manual.Variable{m.Variables, p.Variables} {
		for _, v := range vs {
			val := v.Example
			if v.Type != "count" && v.Type != "time" && v.MaxLength > 0 {
				r := []rune(val)
				if len(r) > v.MaxLength {
					val = string(r[:v.MaxLength])
				} else {
					val += strings.Repeat("x", v.MaxLength-len(r))
				}
			}
			out[v.Name] = val
		}
	}
	return out
}

// newFitInput resolves a message's variables through render.Values,
// skipping undeclared ones (CR402 reports them); nil when they cannot be
// resolved (a count whose example is not a number).
func newFitInput(m *manual.Manual, p *manual.Playbook, used []string, given map[string]string, loc string) *fitInput {
	var names []string
	for _, v := range used {
		if manual.IsBuiltinVariable(v) || m.Variable(p, v) != nil {
			names = append(names, v)
		}
	}
	data, err := render.Values(m, p, names, render.Options{Vars: given, Clock: longestClock(m)}, loc)
	if err != nil {
		return nil
	}
	in := &fitInput{data: data}
	if cv := render.CountVariable(m, p, names); cv != "" {
		in.count = data[cv]
	}
	var key strings.Builder
	for _, n := range names {
		fmt.Fprintf(&key, "%s=%v\x00", n, data[n])
	}
	in.key = key.String()
	return in
}

// longestClock is a time whose clock text is as long as any: 12:59 PM.
func longestClock(m *manual.Manual) render.Clock {
	t := timeAt(m, 12, 59)
	return render.Clock{Start: t, NextUpdate: t}
}

// fit renders and measures, once per message, kind, locale, channel and
// values.
func (f *facts) fit(req message.Request, ch *manual.Channel, values string) *fitResult {
	key := req.Message + "\x00" + req.Locale + "\x00" + ch.ID + "\x00" + values
	if r, ok := f.renders.Load(key); ok {
		return r.(*fitResult)
	}
	r := &fitResult{}
	if prof, err := render.Profile(ch); err == nil {
		if res, err := f.cat.Render(req); err == nil {
			r.ok = true
			r.fits, r.problem = measure(prof, res)
		}
	}
	f.renders.Store(key, r)
	return r
}

// subjectProfile measures e-mail subjects, as render does.
var subjectProfile, _ = channel.Lookup("email-subject")

func measure(prof channel.Profile, res message.Result) (bool, string) {
	mt := prof.Measure(res.Text)
	var problems []string
	if !mt.Fits {
		s := fmt.Sprintf("%d %s, limit %d", mt.Length, mt.Unit, mt.Limit)
		if mt.Segments > 0 {
			s += fmt.Sprintf(" (%d segments in %s, %d allowed)", mt.Segments, mt.Encoding, prof.SegmentLimit)
		}
		problems = append(problems, s)
	}
	if res.Subject != "" {
		if sm := subjectProfile.Measure(res.Subject); !sm.Fits {
			problems = append(problems, fmt.Sprintf("subject is %d %s, limit %d", sm.Length, sm.Unit, sm.Limit))
		}
	}
	if len(problems) == 0 {
		return true, ""
	}
	return false, strings.Join(append(problems, mt.Problems...), "; ")
}

func timeAt(m *manual.Manual, hour, min int) time.Time {
	loc := m.Location
	if loc == nil {
		loc = time.UTC
	}
	return time.Date(2026, time.January, 15, hour, min, 0, 0, loc)
}

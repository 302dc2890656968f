package lint

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
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
	anns := announcements(p)
	msgs := map[string]*fitMessage{} // per message: the same in every locale
	var names []string
	for a := range anns {
		if name := a.ann.Message.ID; msgs[name] == nil {
			msgs[name] = newFitMessage(m, p, f.vars[name])
			names = append(names, msgs[name].names...)
		}
	}
	slices.Sort(names)
	vals := newFitValues(m, p, worstCase(m, p), slices.Compact(names))
	for _, loc := range m.Locales.Supported {
		if m.TemplatesFor(loc) == nil {
			continue
		}
		inputs := map[string]*fitInput{} // per message: announcements share them
		for a := range anns {
			name := a.ann.Message.ID
			in, seen := inputs[name]
			if !seen {
				in = vals.input(name, msgs[name], loc)
				if in != nil {
					in.renders = f.fitRenders(in.key)
				}
				inputs[name] = in
			}
			if in == nil {
				continue
			}
			for _, ref := range a.ann.Channels {
				ch := m.Channel(ref.ID)
				if ch == nil || m.IsDown(p, ch.ID) {
					continue
				}
				if r := f.fit(name, ch, in); r.ok && !r.fits {
					c.Report(ref.Pos, "shorten the "+loc+" text of "+name+" (or its "+ch.Kind+" variant), or lower the variables' max_length",
						"%s on %s in %s does not fit: %s", name, ch.ID, loc, r.problem)
				}
			}
		}
	}
}

// fitInput is the worst-case data of one message in one locale; key
// identifies the message, locale and values for the render cache.
type fitInput struct {
	fv      *fitValues
	fm      *fitMessage
	loc     string
	key     string
	renders *fitRenders
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

// fitMessage is what one message of a playbook renders with: its
// variables, skipping undeclared ones (CR402 reports them), and the one
// that picks the plural form.
type fitMessage struct {
	names []string
	count string
}

func newFitMessage(m *manual.Manual, p *manual.Playbook, used []string) *fitMessage {
	fm := &fitMessage{}
	for _, v := range used {
		if manual.IsBuiltinVariable(v) || m.Variable(p, v) != nil {
			fm.names = append(fm.names, v)
		}
	}
	fm.count = render.CountVariable(m, p, fm.names)
	return fm
}

// fitValues resolves the worst-case values of one playbook's variables
// through render.Values: the declared ones once, the built-in ones (dates
// and clock times) once per locale; not once per message and locale, as a
// value does not depend on the message.
type fitValues struct {
	m                 *manual.Manual
	p                 *manual.Playbook
	opts              render.Options
	declared, builtin []string                       // resolved together
	shared            map[string]fitValue            // declared variable -> value
	byLoc             map[string]map[string]fitValue // locale -> built-in variable -> value
}

// fitValue is one resolved variable; pair is its part of the render key.
type fitValue struct {
	val  any
	pair string
	bad  bool // not a valid value: messages using it are not measured
}

// newFitValues resolves names together, with the worst-case texts of p;
// others one by one when first asked for.
func newFitValues(m *manual.Manual, p *manual.Playbook, worst map[string]string, names []string) *fitValues {
	fv := &fitValues{m: m, p: p, opts: render.Options{Vars: worst, Clock: longestClock(m)},
		byLoc: map[string]map[string]fitValue{}}
	for _, n := range names {
		if manual.IsBuiltinVariable(n) {
			fv.builtin = append(fv.builtin, n)
		} else {
			fv.declared = append(fv.declared, n)
		}
	}
	return fv
}

func (fv *fitValues) value(name, loc string) fitValue {
	if !manual.IsBuiltinVariable(name) {
		if fv.shared == nil {
			fv.shared = fv.resolve(fv.declared, loc)
		}
		return fv.one(fv.shared, name, loc)
	}
	vs, ok := fv.byLoc[loc]
	if !ok {
		vs = fv.resolve(fv.builtin, loc)
		fv.byLoc[loc] = vs
	}
	return fv.one(vs, name, loc)
}

// resolve resolves names together; when one is bad, none is kept and one
// resolves each alone, to tell the bad values from the good.
func (fv *fitValues) resolve(names []string, loc string) map[string]fitValue {
	vs := make(map[string]fitValue, len(names))
	if data, err := render.Values(fv.m, fv.p, names, fv.opts, loc); err == nil {
		for _, n := range names {
			vs[n] = newFitValue(n, data[n])
		}
	}
	return vs
}

// one is name's value from vs, resolved alone the first time it is not
// there.
func (fv *fitValues) one(vs map[string]fitValue, name, loc string) fitValue {
	if v, ok := vs[name]; ok {
		return v
	}
	v := fitValue{bad: true}
	if data, err := render.Values(fv.m, fv.p, []string{name}, fv.opts, loc); err == nil {
		v = newFitValue(name, data[name])
	}
	vs[name] = v
	return v
}

// newFitValue formats the value as %v does, without fmt for the common
// texts and counts.
func newFitValue(name string, val any) fitValue {
	var s string
	switch x := val.(type) {
	case string:
		s = x
	case int:
		s = strconv.Itoa(x)
	default:
		s = fmt.Sprint(x)
	}
	return fitValue{val: val, pair: name + "=" + s + "\x00"}
}

// input is a message's data in one locale; nil when a variable cannot be
// resolved (a count whose example is not a number).
func (fv *fitValues) input(name string, fm *fitMessage, loc string) *fitInput {
	var buf [16]string
	pairs := buf[:0]
	n := len(name) + len(loc) + 2
	for _, v := range fm.names {
		val := fv.value(v, loc)
		if val.bad {
			return nil
		}
		pairs = append(pairs, val.pair)
		n += len(val.pair)
	}
	var key strings.Builder
	key.Grow(n)
	key.WriteString(name)
	key.WriteByte(0)
	key.WriteString(loc)
	key.WriteByte(0)
	for _, p := range pairs {
		key.WriteString(p)
	}
	return &fitInput{fv: fv, fm: fm, loc: loc, key: key.String()}
}

// data is the input's values by variable, built only when rendering: most
// inputs find their renders done by a playbook with the same values.
func (in *fitInput) data() (map[string]any, any) {
	data := make(map[string]any, len(in.fm.names))
	for _, n := range in.fm.names {
		data[n] = in.fv.value(n, in.loc).val
	}
	var count any
	if in.fm.count != "" {
		count = data[in.fm.count]
	}
	return data, count
}

// longestClock is a time whose clock text is as long as any: 12:59 PM.
func longestClock(m *manual.Manual) render.Clock {
	t := timeAt(m, 12, 59)
	return render.Clock{Start: t, NextUpdate: t}
}

// fitRenders are the measured renders of one message in one locale with
// one set of values, by channel; playbooks sharing all three share them.
// A list, not a map: an input goes to a channel or two, and a manual of
// 10,000 playbooks holds a few hundred thousand of these.
type fitRenders struct {
	mu        sync.Mutex
	byChannel []channelFit
}

type channelFit struct {
	channel string
	result  *fitResult
}

// find is the result for a channel, nil if not measured yet; the caller
// holds mu.
func (rs *fitRenders) find(channel string) *fitResult {
	for _, cf := range rs.byChannel {
		if cf.channel == channel {
			return cf.result
		}
	}
	return nil
}

// fitRenders finds the renders of an input's key, looked up once per input
// rather than once per channel: the key holds every value.
func (f *facts) fitRenders(key string) *fitRenders {
	if r, ok := f.renders.Load(key); ok {
		return r.(*fitRenders)
	}
	r, _ := f.renders.LoadOrStore(key, &fitRenders{})
	return r.(*fitRenders)
}

// fit renders and measures, once per message, locale, values and channel.
func (f *facts) fit(name string, ch *manual.Channel, in *fitInput) *fitResult {
	rs := in.renders
	rs.mu.Lock()
	r := rs.find(ch.ID)
	rs.mu.Unlock()
	if r != nil {
		return r
	}
	r = &fitResult{}
	if prof, err := render.Profile(ch); err == nil {
		data, count := in.data()
		req := message.Request{Message: name, Kind: ch.Kind, Locale: in.loc, Data: data, Count: count}
		if res, err := f.cat.Render(req); err == nil {
			r.ok = true
			r.fits, r.problem = measure(prof, res)
		}
	}
	rs.mu.Lock()
	if rs.find(ch.ID) == nil {
		rs.byChannel = append(rs.byChannel, channelFit{ch.ID, r})
	}
	rs.mu.Unlock()
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

package lint

import (
	"fmt"
	"slices"
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
	register(Meta{ID: "CR501", Severity: diag.Error, Scope: ScopePlaybook}, checkFit)
}

// fitResult is the measured render of one message on one channel in one
// locale with one set of values; playbooks sharing all four share it.
type fitResult struct {
	// ok is false when the text did not render: CR404 renders every text
	// with the values of every playbook that sends it, these included, and
	// reports the failure there, once, not again per channel. A text
	// proved to fit plain and as a drill is not rendered and counts as ok:
	// neither CR501 nor CR503 reports a text that fits.
	ok      bool
	fits    bool
	problem string
	// drillFits and drillProblem measure the same text marked as a drill
	// exercise (CR503): the mark is part of what the channel counts.
	drillFits    bool
	drillProblem string
}

func checkFit(c *Context) {
	reported := map[string]bool{} // "message channel locale"
	defer checkMarketFit(c, reported)
	eachFit(c, func(ref manual.Ref, name string, ch *manual.Channel, loc string, r *fitResult) {
		if r.ok && !r.fits {
			reported[name+" "+ch.ID+" "+loc] = true
			c.Report(ref.Pos, "lint.CR501", "lint.CR501.hint",
				args{"Message": name, "Channel": ch.ID, "Kind": ch.Kind, "Locale": loc, "Problem": r.problem})
		}
	})
}

// eachFit measures every announcement of the playbook on each of its
// channels that is up, in every supported locale, and calls report with
// the channel's reference in the announcement and the result. CR501 and
// CR503 both ask, one after the other: the second replays the first's
// results rather than looking every one of them up again.
func eachFit(c *Context, report func(ref manual.Ref, name string, ch *manual.Channel, loc string, r *fitResult)) {
	fc := c.fits
	if fc == nil {
		fc = &fitCalls{}
	}
	if fc.playbook != c.Playbook {
		fc.playbook, fc.calls = c.Playbook, fc.calls[:0]
		collectFits(c, fc)
	}
	for _, call := range fc.calls {
		report(*call.ref, call.name, call.ch, call.loc, call.r)
	}
}

// fitCalls are the results eachFit reports for one playbook, kept by each
// worker for the next rule of the same playbook; the list is reused from
// one playbook to the next.
type fitCalls struct {
	playbook *manual.Playbook
	calls    []fitCall
	vals     []fitValue // the inputs' values while collecting them
	ups      []fitUp    // the playbook's announcements' channels that are up
	// market are the playbook's texts as each market reads them
	// (marketRenders), for marketFor: CR501 measures them, CR503 again
	// with the drill mark where a regional catalogue wrote them.
	marketFor *manual.Playbook
	market    []render.Announcement
	marketOK  bool
}

// fitUp is a channel an announcement of message name reaches, up in the
// playbook.
type fitUp struct {
	name string
	ref  *manual.Ref
	ch   *manual.Channel
}

type fitCall struct {
	ref  *manual.Ref
	name string
	ch   *manual.Channel
	loc  string
	r    *fitResult
}

func collectFits(c *Context, fc *fitCalls) {
	m, p, f := c.Manual, c.Playbook, c.facts
	if f.cat == nil {
		return
	}
	counts := map[string]string{} // per message: the variable picking its plural form
	// The channels each announcement reaches that are up, in order: the
	// same in every locale, so looked up once.
	ups, down := fc.ups[:0], m.DownChannels(p)
	for a := range announcements(p) {
		name := a.ann.Message.ID
		if _, ok := counts[name]; !ok {
			counts[name] = render.CountVariable(m, p, f.vars[name])
		}
		for i := range a.ann.Channels {
			ref := &a.ann.Channels[i]
			if ch := m.Channel(ref.ID); ch != nil && !slices.Contains(down, ch) {
				ups = append(ups, fitUp{name, ref, ch})
			}
		}
	}
	fc.ups = ups
	inputs := make(map[string]fitInput, len(counts)) // per message: announcements share them
	var key []byte
	vals := fc.vals[:0] // every input's values, one after the other
	defer func() { fc.vals = vals[:0] }()
	tables := f.tables()
	for _, loc := range m.Locales.Supported {
		if m.TemplatesFor(loc) == nil {
			continue
		}
		lt, row := tables.row(p, loc) // once per locale, not per message
		clear(inputs)
		for _, u := range ups {
			in, seen := inputs[u.name]
			if !seen {
				in, vals = f.fitInput(p, u.name, loc, lt, row, &key, vals)
				inputs[u.name] = in
			}
			if in.renders == nil {
				continue
			}
			fc.calls = append(fc.calls, fitCall{u.ref, u.name, u.ch, loc, f.fit(u.name, counts[u.name], u.ch, &in)})
		}
	}
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

// fitInput is the worst-case data of one message in one locale, and the
// renders of every playbook that gives the message the same values.
type fitInput struct {
	loc     string
	vals    []fitValue
	renders *fitRenders
}

// fitInput is what p renders a message with in loc (row of lt, the value
// tables' row of p in loc, -1 for none), without renders when
// a value is not valid (CR405 reports it); a value, not a pointer: every
// message of every playbook in every locale has one. Its renders are looked up once per input
// rather than once per channel: the key holds every value.
// key is a buffer for the render key, reused from one input to the next;
// the values are appended to arena (returned grown), which each worker
// reuses: an input's values are needed only while its renders are made.
func (f *facts) fitInput(p *manual.Playbook, name, loc string, lt *valueTable, row int, key *[]byte, arena []fitValue) (fitInput, []fitValue) {
	start := len(arena)
	var ok bool
	if row >= 0 {
		arena, ok = lt.values(arena, row, f.valueTables.byName[name])
	} else {
		arena, ok = f.worst.values(arena, p, loc, f.vars[name])
	}
	if !ok {
		return fitInput{}, arena[:start]
	}
	vals := arena[start:len(arena):len(arena)]
	k := append(append(append(append((*key)[:0], name...), 0), loc...), 0)
	k = appendKey(k, vals)
	*key = k
	f.rendersMu.Lock()
	r := f.renders[string(k)] // looked up without copying the key
	if r == nil {
		r = &fitRenders{}
		f.renders[string(k)] = r
	}
	f.rendersMu.Unlock()
	return fitInput{loc: loc, vals: vals, renders: r}, arena
}

// fit renders and measures, once per message, locale, values and channel;
// count names the variable that picks the plural form.
func (f *facts) fit(name, count string, ch *manual.Channel, in *fitInput) *fitResult {
	rs := in.renders
	rs.mu.Lock()
	r := rs.find(ch.ID)
	rs.mu.Unlock()
	if r != nil {
		return r
	}
	r = &fitResult{}
	if prof, err := render.Profile(ch); err == nil {
		mark := f.cat.DrillMark(in.loc, ch.Kind, ch.ID)
		// A text that cannot reach the limit even marked as a drill
		// (mark, a space, the text) fits either way: no finding can come
		// of rendering it. Whether it would render is CR404's to say.
		if n, sms, ok := f.printBound(name, ch.Kind, in.loc, in.vals); ok && proveFits && (prof.FitsWithin(len(mark)+1+n) ||
			prof.SMSFitsWithin(channel.SMSUnitsOf(mark).Plus(channel.SMSUnitsOf(" ")).Plus(sms))) {
			r.ok, r.fits, r.drillFits = true, true, true
		} else {
			f.renderFit(r, prof, name, count, ch, in, mark)
		}
	}
	rs.mu.Lock()
	if rs.find(ch.ID) == nil {
		rs.byChannel = append(rs.byChannel, channelFit{ch.ID, r})
	}
	rs.mu.Unlock()
	return r
}

// renderFit renders the text and measures it, plain and marked as a drill.
func (f *facts) renderFit(r *fitResult, prof channel.Profile, name, count string, ch *manual.Channel, in *fitInput, mark string) {
	data := dataOf(in.vals)
	req := message.Request{Message: name, Kind: ch.Kind, Locale: in.loc, Data: data}
	if count != "" {
		req.Count = data[count]
	}
	if res, err := f.cat.Render(req); err == nil {
		r.ok = true
		r.fits, r.problem = measure(prof, res)
		res.MarkDrill(mark)
		r.drillFits, r.drillProblem = measure(prof, res)
	}
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

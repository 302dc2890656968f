package render

import (
	"fmt"
	"slices"
	"strings"

	"github.com/crisis-cli/crisis/internal/channel"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
)

// UpdatesStep is the step id under which the update cadence's message is
// rendered.
const UpdatesStep = "updates"

// Options select what to render.
type Options struct {
	Step     string            // one step id (or "updates"); empty for all
	Channels []string          // channel ids or kinds; empty for all
	Locales  []string          // empty for every supported locale
	Vars     map[string]string // values given by the user
	Examples bool              // fill required variables without a value with their example (previews)
	Drill    bool
	Clock    Clock
	// UpdateNotes and State are a run's: what is new, as the operator
	// typed it for an update, by locale, and where the incident stands
	// (investigating, identified, monitoring, resolved). Templates get
	// them as {{.update_note}} (the note of their locale) and {{.state}};
	// both are empty outside a run.
	UpdateNotes map[string]string
	State       string
	// Hold leaves out the texts that need a fact known later (1.1,
	// known: later) which has no value yet, as a run does until it is
	// set (see Waiting); without it such a text is a missing value.
	Hold bool
	// Market, when not empty, renders only the texts read in that market
	// (format 1.1): on the channels that reach it, in its language, with
	// its facts and its time zone.
	Market string
	// Cadences, when not empty, renders the updates of these cadences
	// alone (manual.Cadence.Name): a run offers each cadence's update when
	// it falls due, not every cadence's at once.
	Cadences []string
}

// Announcement is one message rendered for one channel in one locale.
type Announcement struct {
	Playbook string `json:"playbook"`
	Step     string `json:"step"`
	Message  string `json:"message"`
	Channel  string `json:"channel"`
	Kind     string `json:"kind"`
	Locale   string `json:"locale"`
	// Markets are the markets the text is read in (format 1.1), whose
	// facts and zones it was rendered with; none without markets.
	Markets  []string `json:"markets,omitempty"`
	Audience string   `json:"audience"`
	// Required: the channel speaks the locale (manual.Manual.Speaks), so
	// a run must send this text; the others stay available, optional.
	Required bool   `json:"required"`
	Subject  string `json:"subject,omitempty"`
	// SubjectMIME is the subject as an e-mail header carries it: RFC 2047
	// encoded-words when it is not ASCII.
	SubjectMIME string `json:"subject_mime,omitempty"`
	Header      string `json:"header,omitempty"` // WhatsApp template header
	Footer      string `json:"footer,omitempty"` // WhatsApp template footer
	Text        string `json:"text"`
	// Optional marks a text that is available but not owed (a locale its
	// channel does not speak): listed apart, never counted as unsent.
	Optional bool `json:"optional,omitempty"`
	// LocaleUsed and Chain are set when the text is not in Locale: the
	// fallback followed is reported, never silent.
	LocaleUsed string   `json:"locale_used,omitempty"`
	Chain      []string `json:"locale_chain,omitempty"`
	// Region is the regional catalogue a text was taken from (es-PE for
	// Peru's readers of an es text, format 1.1), empty for Locale's own.
	Region string `json:"region,omitempty"`
	channel.Measurement
	SubjectMeasure *channel.Measurement `json:"-"`
	Warnings       []string             `json:"warnings,omitempty"`
	// ChannelName is the channel's name as a human format heads the text
	// with it, in the operator's language (the command layer fills it):
	// JSON keys a text by its channel's id alone.
	ChannelName string `json:"-"`
}

// item is one announcement of the playbook before rendering.
type item struct {
	step string
	ann  manual.Announcement
}

// Playbook renders the playbook's announcements selected by opts.
func Playbook(m *manual.Manual, cat *message.Catalog, p *manual.Playbook, opts Options) ([]Announcement, error) {
	items, err := selectItems(p, opts.Step, opts.Cadences)
	if err != nil {
		return nil, err
	}
	if opts.Hold && !opts.Examples {
		items = slices.DeleteFunc(items, func(it item) bool {
			w, _ := Waiting(m, p, it.ann.Message.ID, opts.Vars)
			return len(w) > 0
		})
	}
	var names []string
	for _, it := range items {
		names = append(names, it.ann.Message.ID)
	}
	used, err := UsedVariables(m, names)
	if err != nil {
		return nil, err
	}
	locales := opts.Locales
	if len(locales) == 0 {
		locales = m.Locales.Supported
	}
	// An announcement is about 500 bytes: the texts are appended where
	// they stay, in a slice that holds them all (at most one a channel,
	// item and locale), not grown and copied text by text.
	most := 0
	for _, it := range items {
		most += len(it.ann.Channels)
	}
	out := make([]Announcement, 0, most*len(locales))
	for _, loc := range locales {
		data, err := Values(m, p, used, opts, loc)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			if out, err = renderItem(out, m, cat, p, it, loc, data, opts); err != nil {
				return nil, err
			}
		}
	}
	if len(out) == 0 {
		return nil, nil // none is no list, as a run journals it
	}
	return out, nil
}

func selectItems(p *manual.Playbook, step string, cadences []string) ([]item, error) {
	var items []item
	var ids []string
	for _, s := range slices.Concat(p.Steps, p.FollowUp) {
		ids = append(ids, s.ID)
		if step == "" || step == s.ID {
			for _, a := range s.Announce {
				items = append(items, item{step: s.ID, ann: a})
			}
		}
	}
	if step == "" || step == UpdatesStep {
		for _, u := range p.Updates {
			if len(cadences) > 0 && !slices.Contains(cadences, u.Name()) {
				continue
			}
			items = append(items, item{step: UpdatesStep, ann: manual.Announcement{Message: u.Message, Audiences: u.Audiences, Channels: u.Channels}})
		}
	}
	if step != "" && step != UpdatesStep && !slices.Contains(ids, step) {
		return nil, fmt.Errorf("playbook %s has no step %q; its steps are %s, %s", p.ID, step, strings.Join(ids, ", "), UpdatesStep)
	}
	return items, nil
}

// renderItem appends the item's announcements in locale loc to out.
func renderItem(out []Announcement, m *manual.Manual, cat *message.Catalog, p *manual.Playbook, it item, loc string, data map[string]any, opts Options) ([]Announcement, error) {
	var audiences []string
	for _, a := range it.ann.Audiences {
		audiences = append(audiences, a.ID)
	}
	used, _ := UsedVariables(m, []string{it.ann.Message.ID})
	count := countOf(m, p, used, data)
	for _, ref := range it.ann.Channels {
		ch := m.Channel(ref.ID)
		if ch == nil || !wanted(ch, opts.Channels) {
			continue
		}
		rs, own := readers(m, ch, loc, opts)
		if opts.Market != "" && len(rs) == 0 {
			continue // the channel does not reach that market, or it does not read loc
		}
		prof, err := Profile(ch)
		if err != nil {
			return nil, err
		}
		req := message.Request{Message: it.ann.Message.ID, Kind: ch.Kind, Locale: loc, Count: count, Drill: opts.Drill, Channel: ch.ID}
		if len(rs) == 0 {
			req.Data = withNextUpdate(m, data, used, opts.Clock, ch.ID, audiences, loc)
		} else {
			// The markets' data is made from data, next_update included
			// (cadenceOptions).
			tag := func(mk *manual.Market) string { return loc }
			if own {
				tag = func(mk *manual.Market) string { return mk.Locale }
				req.Tag = rs[0].Locale
				// Every reader of the channel, not only opts.Market's: a
				// preview for one market shows the text the channel sends.
				all := rs
				if opts.Market != "" {
					all = m.Readers(ch, loc)
				}
				req.Region = manual.SharedTag(all)
			}
			if req.Data, req.Count, err = marketData(m, p, data, rs, tag, cadenceOptions(opts, ch.ID, audiences), used); err != nil {
				return nil, renderError(it, ch, err)
			}
		}
		res, err := cat.Render(req)
		if err != nil {
			return nil, renderError(it, ch, err)
		}
		a := Announcement{Playbook: p.ID, Step: it.step, Message: it.ann.Message.ID, Channel: ch.ID, Kind: ch.Kind,
			Locale: loc, Markets: marketIDs(rs), Audience: strings.Join(audiences, ", "), Required: m.Speaks(ch, loc), Subject: res.Subject, Header: res.Header, Footer: res.Footer,
			Text: res.Text, Warnings: res.Warnings, Region: res.Region}
		if res.Locale != loc {
			a.LocaleUsed, a.Chain = res.Locale, res.Chain
		}
		measure(&a, prof)
		out = append(out, a)
	}
	return out, nil
}

// countOf is the value that chooses the plural form of a message using
// the variables used.
func countOf(m *manual.Manual, p *manual.Playbook, used []string, data map[string]any) any {
	if cv := CountVariable(m, p, used); cv != "" {
		return data[cv]
	}
	return nil
}

// Message renders one message of p that is not an announcement (a drill
// inject's reply draft) in one locale, for a channel kind ("default" when
// there is none), with the values Values gives it: the drill and lint both
// render replies here, so a reply that lints clean drafts in a drill.
func Message(m *manual.Manual, cat *message.Catalog, p *manual.Playbook, msg, kind, loc string, opts Options) (message.Result, error) {
	return draft(m, cat, p, msg, kind, loc, opts, nil, false)
}

// draft is Message for the readers of markets rs when there are any: with
// their facts and clocks, written as their full tag writes them when own
// (they read loc), as an announcement read in those markets is.
func draft(m *manual.Manual, cat *message.Catalog, p *manual.Playbook, msg, kind, loc string, opts Options, rs []*manual.Market, own bool) (message.Result, error) {
	req, err := MessageRequest(m, p, msg, kind, loc, opts)
	if err != nil {
		return message.Result{}, err
	}
	if len(rs) > 0 {
		tag := func(*manual.Market) string { return loc }
		if own {
			tag = func(mk *manual.Market) string { return mk.Locale }
			req.Tag, req.Region = rs[0].Locale, manual.SharedTag(rs)
		}
		used, err := UsedVariables(m, []string{msg})
		if err != nil {
			return message.Result{}, err
		}
		if req.Data, req.Count, err = marketData(m, p, req.Data, rs, tag, opts, used); err != nil {
			return message.Result{}, err
		}
	}
	return cat.Render(req)
}

// MessageRequest is what Message asks the catalogue to render: lint
// renders each distinct request once for every playbook making it.
func MessageRequest(m *manual.Manual, p *manual.Playbook, msg, kind, loc string, opts Options) (message.Request, error) {
	used, err := UsedVariables(m, []string{msg})
	if err != nil {
		return message.Request{}, err
	}
	return MessageRequestUsing(m, p, msg, used, kind, loc, opts)
}

// MessageRequestUsing is MessageRequest given the message's variables
// (UsedVariables), which lint finds once per message rather than once
// per playbook and locale.
func MessageRequestUsing(m *manual.Manual, p *manual.Playbook, msg string, used []string, kind, loc string, opts Options) (message.Request, error) {
	data, err := Values(m, p, used, opts, loc)
	if err != nil {
		return message.Request{}, err
	}
	return message.Request{Message: msg, Kind: kind, Locale: loc, Data: data, Count: countOf(m, p, used, data), Drill: opts.Drill}, nil
}

// measure fills the measurement of the text, and of the subject, header and
// footer where the channel has them: an announcement fits only when all do.
func measure(a *Announcement, prof channel.Profile) {
	a.Measurement = prof.Measure(a.Text)
	for _, part := range []struct{ name, text, kind string }{{"header", a.Header, "whatsapp-header"}, {"footer", a.Footer, "whatsapp-footer"}} {
		if part.text == "" {
			continue
		}
		p, _ := channel.Lookup(part.kind)
		if pm := p.Measure(part.text); !pm.Fits {
			a.Fits = false
			a.Problems = append(a.Problems, fmt.Sprintf("%s is %d %s, over %d", part.name, pm.Length, pm.Unit, pm.Limit))
		}
	}
	if a.Subject != "" {
		if a.SubjectMIME = channel.EncodeSubject(a.Subject); a.SubjectMIME == a.Subject {
			a.SubjectMIME = ""
		}
		sm := subjectProfile.Measure(a.Subject)
		a.SubjectMeasure = &sm
		if !sm.Fits {
			a.Fits = false
			a.Problems = append(a.Problems, fmt.Sprintf("subject is %d %s, over %d", sm.Length, sm.Unit, sm.Limit))
		}
		a.Problems = append(a.Problems, sm.Problems...)
	}
}

func wanted(ch *manual.Channel, filter []string) bool {
	return len(filter) == 0 || slices.Contains(filter, ch.ID) || slices.Contains(filter, ch.Kind)
}

// renderError names the step, message and channel whose text failed, in
// the interface language; errors.Is and errors.As reach err through it.
func renderError(it item, ch *manual.Channel, err error) error {
	return lang.Errorf("renderfail.item", map[string]any{"Step": it.step, "Message": it.ann.Message.ID, "Channel": ch.ID, "Reason": err})
}

// Plain is an announcement as one ready-to-paste text: the subject (or
// WhatsApp header) first, then the text, then the footer.
func Plain(a Announcement) string {
	var b strings.Builder
	if a.Subject != "" {
		b.WriteString("Subject: " + a.Subject + "\n\n")
	}
	if a.Header != "" {
		b.WriteString(a.Header + "\n\n")
	}
	b.WriteString(strings.TrimRight(a.Text, "\n") + "\n")
	if a.Footer != "" {
		b.WriteString("\n" + a.Footer + "\n")
	}
	return b.String()
}

package drill

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/crisis-cli/crisis/internal/channel"
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/render"
)

// Question is one multiple-choice question about the manual, with where the
// manual gives the answer so a wrong answer teaches something.
type Question struct {
	Text    string   `json:"text"`
	Options []string `json:"options"`
	Answer  int      `json:"answer"` // index into Options
	Source  diag.Pos `json:"source"`
	Why     string   `json:"why"` // the reason, shown with a wrong answer
}

// generator builds one kind of question; ok is false when the manual lacks
// what it needs (a playbook without fallbacks, say).
type generator func(m *manual.Manual, p *manual.Playbook, r *rand.Rand, l *lang.Localizer) (Question, bool)

var generators = []generator{firstFallback, approverDeputy, spokesperson, notUsable, holdingDeadline, smsSegments}

// Quiz generates n questions about playbook p, deterministic for a seed,
// worded in l's language (the manual's own texts as they are).
func Quiz(m *manual.Manual, p *manual.Playbook, n int, seed uint64, l *lang.Localizer) []Question {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var out []Question
	seen := map[string]bool{}
	for tries := 0; len(out) < n && tries < n*20; tries++ {
		g := generators[tries%len(generators)]
		if tries >= len(generators) {
			g = generators[r.IntN(len(generators))]
		}
		q, ok := g(m, p, r, l)
		if ok && !seen[q.Text] {
			seen[q.Text] = true
			out = append(out, q)
		}
	}
	return out
}

// choices shuffles the right answer among distractors and returns the
// options with the answer's index.
func choices(r *rand.Rand, right string, pool []string) ([]string, int) {
	var opts []string
	for _, p := range pool {
		if p != right && !slices.Contains(opts, p) {
			opts = append(opts, p)
		}
	}
	r.Shuffle(len(opts), func(i, j int) { opts[i], opts[j] = opts[j], opts[i] })
	opts = append(opts[:min(3, len(opts))], right)
	r.Shuffle(len(opts), func(i, j int) { opts[i], opts[j] = opts[j], opts[i] })
	return opts, slices.Index(opts, right)
}

func firstFallback(m *manual.Manual, p *manual.Playbook, r *rand.Rand, l *lang.Localizer) (Question, bool) {
	if len(p.Fallbacks) == 0 {
		return Question{}, false
	}
	f := p.Fallbacks[r.IntN(len(p.Fallbacks))]
	if len(f.Channels) == 0 {
		return Question{}, false
	}
	var pool []string
	for _, c := range m.Channels {
		pool = append(pool, c.ID)
	}
	opts, ans := choices(r, f.Channels[0].ID, pool)
	var order []string
	for _, c := range f.Channels {
		order = append(order, c.ID)
	}
	return Question{Text: l.T("drill.quiz.first-fallback", map[string]any{"Playbook": p.Title, "Audience": f.Audience.ID}),
		Options: opts, Answer: ans, Source: f.Channels[0].Pos,
		Why: l.T("drill.quiz.first-fallback-why", map[string]any{"Audience": f.Audience.ID, "Channels": strings.Join(order, ", ")})}, true
}

func people(m *manual.Manual) []string {
	var names []string
	for _, p := range m.People {
		names = append(names, p.Label())
	}
	return names
}

func approverDeputy(m *manual.Manual, p *manual.Playbook, r *rand.Rand, l *lang.Localizer) (Question, bool) {
	role := m.Role(p.Approver.ID)
	if role == nil || len(role.Deputies) == 0 {
		return Question{}, false
	}
	holder, deputy := m.Person(role.Person.ID), m.Person(role.Deputies[0].ID)
	if holder == nil || deputy == nil {
		return Question{}, false
	}
	opts, ans := choices(r, deputy.Label(), people(m))
	return Question{Text: l.T("drill.quiz.approver-deputy", map[string]any{"Playbook": p.Title, "Person": holder.Label()}),
		Options: opts, Answer: ans, Source: role.Deputies[0].Pos,
		Why: l.T("drill.quiz.approver-deputy-why", map[string]any{"Person": deputy.Label(), "Role": role.ID})}, true
}

func spokesperson(m *manual.Manual, p *manual.Playbook, r *rand.Rand, l *lang.Localizer) (Question, bool) {
	role := m.Role(p.Speaker.ID)
	if role == nil {
		return Question{}, false
	}
	pe := m.Person(role.Person.ID)
	if pe == nil {
		return Question{}, false
	}
	opts, ans := choices(r, pe.Label(), people(m))
	return Question{Text: l.T("drill.quiz.spokesperson", map[string]any{"Playbook": p.Title}), Options: opts, Answer: ans, Source: role.Person.Pos,
		Why: l.T("drill.quiz.spokesperson-why", map[string]any{"Person": pe.Label(), "Role": role.ID})}, true
}

func notUsable(m *manual.Manual, p *manual.Playbook, r *rand.Rand, l *lang.Localizer) (Question, bool) {
	down := m.DownChannels(p)
	if len(down) == 0 {
		return Question{}, false
	}
	d := down[r.IntN(len(down))]
	var up []string
	for _, f := range p.Fallbacks {
		for _, c := range f.Channels {
			if !m.IsDown(p, c.ID) {
				up = append(up, c.ID)
			}
		}
	}
	if len(up) < 2 {
		return Question{}, false
	}
	opts, ans := choices(r, d.ID, up)
	pos := p.At.Get("down")
	why := l.T("drill.quiz.not-usable-down", map[string]any{"Channel": d.ID})
	if m.DomainDown(p, d.Domain.ID) {
		why = l.T("drill.quiz.not-usable-domain", map[string]any{"Channel": d.ID, "Domain": d.Domain.ID})
	}
	return Question{Text: l.T("drill.quiz.not-usable", map[string]any{"Playbook": p.Title}), Options: opts, Answer: ans, Source: pos, Why: why}, true
}

func holdingDeadline(m *manual.Manual, p *manual.Playbook, r *rand.Rand, l *lang.Localizer) (Question, bool) {
	for _, s := range p.Steps {
		if s.Kind != manual.StepHolding {
			continue
		}
		right := manual.FormatDuration(s.Deadline)
		pool := []string{"5m", "10m", "15m", "30m", "1h", "2h", "4h"}
		opts, ans := choices(r, right, pool)
		return Question{Text: l.T("drill.quiz.holding", map[string]any{"Playbook": p.Title}),
			Options: opts, Answer: ans, Source: s.At.Get("deadline"),
			Why: l.T("drill.quiz.holding-why", nil)}, true
	}
	return Question{}, false
}

// smsSegments asks how many segments an SMS text of the playbook takes, as
// one market's readers get it: the variables' examples, the market's own
// facts (its phone) and its clock, rendered as the run renders it
// (render.Playbook, whose template data render.Values builds). The
// trainee learns that one accent can double the cost of a message.
func smsSegments(m *manual.Manual, p *manual.Playbook, r *rand.Rand, l *lang.Localizer) (Question, bool) {
	picks := smsPicks(m, p)
	if len(picks) == 0 {
		return Question{}, false
	}
	pk := picks[r.IntN(len(picks))]
	text, ok := smsText(m, p, pk)
	if !ok {
		return Question{}, false
	}
	sms, _ := channel.Lookup("sms")
	got := sms.Measure(text)
	right := strconv.Itoa(got.Segments)
	opts, _ := choices(r, right, []string{"1", "2", "3", "4"})
	slices.SortFunc(opts, strings.Compare)
	ans := slices.Index(opts, right)
	data := map[string]any{"Length": got.Length, "Unit": l.Unit(got.Unit, got.Length), "Encoding": got.Encoding, "Forcing": strings.Join(got.Forcing, " ")}
	why := l.T("drill.quiz.sms-why", data)
	if len(got.Forcing) > 0 {
		why = l.T("drill.quiz.sms-why-ucs2", data)
	}
	return Question{Text: l.T("drill.quiz.sms", map[string]any{"Text": strconv.Quote(text)}), Options: opts, Answer: ans, Source: pk.msg.FormPos["other"], Why: why}, true
}

// smsPick is one SMS text a market reads: a message's sms variant in a
// locale, announced at a step on an SMS channel reaching the market ("" in
// a manual without markets).
type smsPick struct {
	msg                           *manual.Message
	step, channel, locale, market string
}

// smsPicks lists the SMS texts of p, each for each market that reads it,
// in the playbook's order.
func smsPicks(m *manual.Manual, p *manual.Playbook) []smsPick {
	// SMS variants by locale tag (lowercase) and message name: the
	// supported locales' and the regional catalogues' (es-PE).
	key := func(tag, name string) string { return strings.ToLower(strings.ReplaceAll(tag, "_", "-")) + "/" + name }
	variant := map[string]*manual.Message{}
	for _, t := range m.Templates {
		for _, msg := range t.Messages {
			if name, v, _ := manual.SplitID(msg.ID); v == "sms" {
				variant[key(t.Locale, name)] = msg
			}
		}
	}
	var picks []smsPick
	for _, s := range p.Steps {
		for _, a := range s.Announce {
			for _, ref := range a.Channels {
				ch := m.Channel(ref.ID)
				if ch == nil || ch.Kind != "sms" {
					continue
				}
				for _, loc := range m.ChannelLocales(ch) {
					markets := []string{""}
					var readers []*manual.Market
					if len(m.Markets) > 0 {
						markets = nil
						readers = m.Readers(ch, loc)
						for _, mk := range readers {
							markets = append(markets, mk.ID)
						}
					}
					// The channel sends a regional catalogue's SMS when
					// every reader is of its region, as render chooses it
					// (Peru's SMS line reads es-PE's), else loc's.
					msg := variant[key(loc, a.Message.ID)]
					if tag := manual.SharedTag(readers); tag != "" && variant[key(tag, a.Message.ID)] != nil {
						msg = variant[key(tag, a.Message.ID)]
					}
					if msg == nil {
						continue
					}
					for _, mk := range markets {
						picks = append(picks, smsPick{msg: msg, step: s.ID, channel: ch.ID, locale: loc, market: mk})
					}
				}
			}
		}
	}
	return picks
}

// smsText is the text of pk as its market reads it, at a fixed instant.
func smsText(m *manual.Manual, p *manual.Playbook, pk smsPick) (string, bool) {
	cat, err := message.NewCatalog(m)
	if err != nil {
		return "", false
	}
	start := time.Date(2026, 10, 4, 17, 40, 0, 0, m.Location) // the day of the Meta outage
	anns, err := render.Playbook(m, cat, p, render.Options{Step: pk.step, Channels: []string{pk.channel}, Locales: []string{pk.locale},
		Market: pk.market, Examples: true, Clock: render.Clock{Start: start, NextUpdate: start.Add(time.Hour)}})
	if err != nil {
		return "", false
	}
	name, _, _ := manual.SplitID(pk.msg.ID)
	for _, a := range anns {
		if a.Message == name && a.Channel == pk.channel && a.Locale == pk.locale {
			return a.Text, true
		}
	}
	return "", false
}

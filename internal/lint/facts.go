package lint

import (
	"iter"
	"slices"
	"sync"

	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
)

// facts are derived once from the manual before the rules run, and only
// read afterwards: parsing every template once instead of once per
// playbook is what keeps a 1,000-playbook manual under a second.
type facts struct {
	cat        *message.Catalog // nil when the catalog cannot be built
	source     *manual.TemplateFile
	vars       map[string][]string                   // message name -> variables any form uses
	names      map[string]map[string]bool            // locale -> message names
	ids        map[string]map[string]*manual.Message // locale -> full id -> message
	parseErrs  []formError
	msgVars    map[*manual.Message][]string  // variables of one message's forms
	compiled   map[formKey]*message.Template // every form that compiled, once (CR404 executes them)
	bounds     map[string][]formBound        // message name -> every compiled form's bound (fitbound.go)
	texts      renderedTexts                 // the text each message renders from, by kind and locale (fitbound.go)
	announcers map[string][]*manual.Playbook // message name -> playbooks sending it
	// places are the announcers' places in the manual, in the same order:
	// CR404 finds their rows of the value tables by place, not by pointer.
	places      map[string][]int
	sends       [][]string      // by playbook place: the messages it sends or drafts, each once
	sms         map[string]bool // messages announced on an SMS channel
	rendersMu   sync.Mutex
	renders     map[string]*fitRenders // fit rule: input key -> renders
	worst       *worstValues           // values the rules render with
	valueTables valueTables            // the same, by playbook and locale (see tables)
	gaps        map[variantKey]string  // CR302: locales missing a kind's variant (see variantGaps)
	drafts      drafts                 // reply drafts (rule_reply.go)
	variants    []map[string]bool      // per template file: "message.variant" -> names the next update (rule_promise.go)
	news        []localeNews           // per template file: message -> carries what is new (rule_promise.go)
}

func newFacts(m *manual.Manual) *facts {
	f := &facts{vars: map[string][]string{}, names: map[string]map[string]bool{}, ids: map[string]map[string]*manual.Message{},
		msgVars: map[*manual.Message][]string{}, compiled: map[formKey]*message.Template{}, bounds: map[string][]formBound{},
		announcers: map[string][]*manual.Playbook{}, places: map[string][]int{}, sms: map[string]bool{}, renders: map[string]*fitRenders{},
		worst: newWorstValues(m)}
	if cat, err := message.NewCatalog(m); err == nil {
		f.cat = cat
	}
	f.source = m.TemplatesFor(m.Locales.Default)
	for _, t := range m.Templates {
		f.addFile(m, t)
	}
	// A regional catalogue's channels read its base locale's variant of
	// a kind before the region's generic text (message.Catalog): its
	// promises are the base's, overlaid with its own.
	base := map[string]map[string]bool{}
	for _, t := range m.Templates {
		if !m.IsRegional(t) {
			base[t.Locale] = f.addPromises(t, nil)
		}
	}
	for _, t := range m.Templates {
		if m.IsRegional(t) {
			f.addPromises(t, base[m.RegionalBase(t.Locale)])
		}
	}
	for name, vs := range f.vars {
		slices.Sort(vs)
		f.vars[name] = slices.Compact(vs)
	}
	for i, p := range m.Playbooks {
		f.addAnnouncer(m, p, i)
	}
	f.addVariantGaps(m)
	return f
}

// formKey names one plural form of one message.
type formKey struct {
	msg  *manual.Message
	form string
}

// formError is a template form that does not parse.
type formError struct {
	msg  *manual.Message
	form string
	err  error
}

func (f *facts) addFile(m *manual.Manual, t *manual.TemplateFile) {
	names, ids := map[string]bool{}, map[string]*manual.Message{}
	f.names[t.Locale], f.ids[t.Locale] = names, ids
	for _, msg := range t.Messages {
		name, _, _ := manual.SplitID(msg.ID)
		names[name] = true
		ids[msg.ID] = msg
		for _, form := range manual.PluralForms {
			text, ok := msg.Forms[form]
			if !ok {
				continue
			}
			tmpl, err := message.CompileFor(m, text, t.Locale)
			if err != nil {
				f.parseErrs = append(f.parseErrs, formError{msg: msg, form: form, err: err})
				continue
			}
			f.compiled[formKey{msg, form}] = tmpl
			f.addBound(msg, form, tmpl)
			vs := tmpl.Variables()
			f.vars[name] = append(f.vars[name], vs...)
			f.msgVars[msg] = append(f.msgVars[msg], vs...)
		}
	}
}

func (f *facts) addAnnouncer(m *manual.Manual, p *manual.Playbook, place int) {
	var seen []string // a playbook sends a few messages: a list, not a map
	for a := range announcements(p) {
		name := a.ann.Message.ID
		if !slices.Contains(seen, name) {
			seen = append(seen, name)
			f.announcers[name] = append(f.announcers[name], p)
			f.places[name] = append(f.places[name], place)
		}
		for _, ref := range a.ann.Channels {
			if ch := m.Channel(ref.ID); ch != nil && ch.Kind == "sms" {
				f.sms[name] = true
			}
		}
	}
	for _, in := range p.Drill.Injects {
		if name := in.Message.ID; name != "" && !slices.Contains(seen, name) {
			seen = append(seen, name)
			f.announcers[name] = append(f.announcers[name], p)
			f.places[name] = append(f.places[name], place)
		}
	}
	f.sends = append(f.sends, seen)
}

// announced is one announcement of a playbook with the step it belongs to;
// the update cadence counts as a step named "updates".
type announced struct {
	step string
	ann  manual.Announcement
}

// announcements yields every announcement of p: steps, follow-up steps
// and the update cadence. Every rule of every playbook walks them: nothing
// is copied or collected.
func announcements(p *manual.Playbook) iter.Seq[announced] {
	return func(yield func(announced) bool) {
		for _, steps := range [][]manual.Step{p.Steps, p.FollowUp} {
			for i := range steps {
				for _, a := range steps[i].Announce {
					if !yield(announced{step: steps[i].ID, ann: a}) {
						return
					}
				}
			}
		}
		for _, u := range p.Updates {
			if u.Message.ID != "" && !yield(announced{step: "updates", ann: manual.Announcement{
				Message: u.Message, Audiences: u.Audiences, Channels: u.Channels, Pos: u.Pos}}) {
				return
			}
		}
	}
}

// lookup finds a message by full id in a locale.
func (f *facts) lookup(locale, id string) *manual.Message { return f.ids[locale][id] }

// hasVariant reports whether a locale has a text for message on a channel
// kind, its own variant or the generic one, as rendering looks it up.
// The ids are built in a stack buffer and looked up without a copy: CR302
// asks once per announcement, channel and message file.
func (f *facts) hasVariant(locale, name, kind string) bool {
	ids := f.ids[locale]
	var buf [128]byte
	for _, v := range [...]string{kind, manual.GenericVariant} {
		id := append(append(append(buf[:0], name...), '.'), v...)
		if ids[string(id)] != nil || ids[string(append(id, ".body"...))] != nil {
			return true
		}
	}
	return false
}

// hasMessage reports whether a locale's file holds any text of a message.
func (f *facts) hasMessage(locale, name string) bool { return f.names[locale][name] }

package lint

import (
	"maps"
	"slices"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

// Cadences and the promises they keep: a text that names the next update's
// time is a promise to its readers, kept only by a cadence that sends to
// them on that channel once the text is out.
func init() {
	register(Meta{ID: "CR705", Severity: diag.Error, Scope: ScopePlaybook}, checkPromises)
	register(Meta{ID: "CR706", Severity: diag.Error, Scope: ScopePlaybook}, checkPhases)
	register(Meta{ID: "CR707", Severity: diag.Warning, Scope: ScopePlaybook}, checkCadenceOverlap)
	register(Meta{ID: "CR708", Severity: diag.Warning, Scope: ScopePlaybook}, checkUpdateNews)
}

// newsVars are the variables by which an update carries what is new.
var newsVars = []string{"update_note", "state"}

// promiseVar is the variable by which a text promises the next update.
const promiseVar = "next_update"

// checkPromises reports each (channel, audience) of a step's announcement
// whose text promises the next update when no cadence covers it from that
// step on: none at all, one that starts only after a later step, or a
// follow-up step, after the all-clear, when updates have stopped. Only a
// 1.1 playbook is checked: a 1.0 file can say one cadence for everybody,
// so the fix the rule asks for cannot be written there, and a 1.0 manual
// that linted clean keeps linting clean.
func checkPromises(c *Context) {
	p := c.Playbook
	if p.Format != manual.Format11 {
		return
	}
	order := map[string]int{}
	holding := -1
	for i, s := range p.Steps {
		order[s.ID] = i
		if s.Kind == manual.StepHolding && holding < 0 {
			holding = i
		}
	}
	for k, steps := range [][]manual.Step{p.Steps, p.FollowUp} {
		followUp := k == 1
		for si, st := range steps {
			for _, a := range st.Announce {
				for _, chRef := range a.Channels {
					ch := c.Manual.Channel(chRef.ID)
					if ch == nil || !c.facts.promises(a.Message.ID, ch.Kind) {
						continue
					}
					for _, aud := range a.Audiences {
						data := args{"Message": a.Message.ID, "Step": st.ID, "Channel": ch.ID, "Audience": aud.ID}
						cad := p.CadenceFor(ch.ID, []string{aud.ID})
						switch {
						case followUp:
							c.Report(chRef.Pos, "lint.CR705.follow-up", "lint.CR705.follow-up.hint", data)
						case cad == nil:
							c.Report(chRef.Pos, "lint.CR705.none", "lint.CR705.none.hint", data)
						default:
							start := holding
							if i, ok := order[cad.After.ID]; ok {
								start = i
							}
							if start > si {
								data["Cadence"], data["After"] = cad.Name(), p.Steps[start].ID
								c.Report(chRef.Pos, "lint.CR705.late", "lint.CR705.late.hint", data)
							}
						}
					}
				}
			}
		}
	}
}

// promises reports whether message name, as a channel of kind renders it
// (its own variant, else the generic one) in any locale, names the time of
// the next update.
func (f *facts) promises(name, kind string) bool {
	for _, loc := range f.variants {
		if uses, ok := loc[name+"."+kind]; ok {
			if uses {
				return true
			}
		} else if loc[name+"."+manual.GenericVariant] {
			return true
		}
	}
	return false
}

// addPromises notes, for each variant of each message in one locale,
// whether any of its parts names the next update's time, and for each
// message whether some variant carries what is new. A regional catalogue
// starts from its base's variants (base), which its own replace. It
// returns the variants noted.
func (f *facts) addPromises(t *manual.TemplateFile, base map[string]bool) map[string]bool {
	variants, news := maps.Clone(base), map[string]bool{}
	if variants == nil {
		variants = map[string]bool{}
	}
	own := map[string]bool{}
	for _, msg := range t.Messages {
		name, variant, _ := manual.SplitID(msg.ID)
		key := name + "." + variant
		if !own[key] {
			own[key], variants[key] = true, false
		}
		variants[key] = variants[key] || slices.Contains(f.msgVars[msg], promiseVar)
		news[name] = news[name] || slices.ContainsFunc(f.msgVars[msg], func(v string) bool { return slices.Contains(newsVars, v) })
	}
	f.variants = append(f.variants, variants)
	f.news = append(f.news, localeNews{t.Locale, news})
	return variants
}

// localeNews says, for the messages of one locale, which carry what is new.
type localeNews struct {
	locale string
	names  map[string]bool
}

// checkUpdateNews reports a cadence of a 1.1 playbook whose message, in
// some locale, has no place for what is new (update_note or state): the run
// would have to send the same canned sentence every round, which it
// refuses to do.
func checkUpdateNews(c *Context) {
	p := c.Playbook
	if p.Format != manual.Format11 {
		return
	}
	for _, u := range p.Updates {
		for _, ln := range c.facts.news {
			if carries, ok := ln.names[u.Message.ID]; ok && !carries {
				c.Report(u.Message.Pos, "lint.CR708.canned", "lint.CR708.canned.hint", args{"Message": u.Message.ID, "Locale": ln.locale, "Cadence": u.Name()})
				break
			}
		}
	}
}

// checkPhases reports phases that cannot be what was meant: a phase of
// zero, a phase without for before another (which then never starts), and
// a for on the last phase (after which nothing would be sent until the
// all-clear).
func checkPhases(c *Context) {
	for i := range c.Playbook.Updates {
		u := &c.Playbook.Updates[i]
		for j, ph := range u.Phases {
			last := j == len(u.Phases)-1
			data := args{"Cadence": u.Name(), "N": j + 1}
			switch {
			case ph.Every <= 0:
				c.Report(atOr(ph.At, "every", ph.Pos), "lint.CR706.zero", "lint.CR706.zero.hint", data)
			case !last && ph.For <= 0 && hasKey(ph.At, "for"):
				c.Report(atOr(ph.At, "for", ph.Pos), "lint.CR706.zero-for", "lint.CR706.zero-for.hint", data)
			case !last && ph.For <= 0:
				c.Report(ph.Pos, "lint.CR706.endless", "lint.CR706.endless.hint", data)
			case last && hasKey(ph.At, "for"):
				c.Report(atOr(ph.At, "for", ph.Pos), "lint.CR706.last-for", "lint.CR706.last-for.hint", data)
			}
		}
	}
}

func hasKey(at manual.Positions, key string) bool {
	_, ok := at.Lookup(key)
	return ok
}

// checkCadenceOverlap reports a channel and audience that two cadences
// both cover: the readers would be promised the first one's time and get
// both.
func checkCadenceOverlap(c *Context) {
	ups := c.Playbook.Updates
	for i := 1; i < len(ups); i++ {
		for _, ch := range ups[i].Channels {
			for _, aud := range ups[i].Audiences {
				for j := 0; j < i; j++ {
					if ups[j].Covers(ch.ID, []string{aud.ID}) {
						c.Report(ch.Pos, "lint.CR707.overlap", "lint.CR707.overlap.hint",
							args{"Cadence": ups[i].Name(), "Other": ups[j].Name(), "Channel": ch.ID, "Audience": aud.ID})
						break
					}
				}
			}
		}
	}
}

package manual

import (
	"maps"
	"slices"
	"strings"

	"github.com/crisis-cli/crisis/internal/diag"
)

// index maps the ids of one kind of thing to where each was declared.
type index struct {
	what string // "role", "channel" ... for messages
	pos  map[string]Pos
	ids  []string
	// others are the indexes of the other kinds of things, to tell a
	// reference to the wrong kind ("spokesperson" is a role, not a person)
	// from a misspelling.
	others []*index
	// unknown means the ids could not be read (the default locale's
	// message file is missing or broken): references are not checked, as
	// the cause is already reported.
	unknown bool
}

func newIndex(what string) *index { return &index{what: what, pos: map[string]Pos{}} }

// add declares id, reporting a duplicate.
func (x *index) add(id string, pos Pos, diags *diag.List) {
	if id == "" {
		return
	}
	if prev, dup := x.pos[id]; dup {
		report(diags, pos, RuleDuplicate, say(nounFor(x.what).twice, args{"ID": q(id), "What": x.what}), say("loader.declared-twice.hint", args{"Pos": prev.String()}))
		return
	}
	x.pos[id] = pos
	x.ids = append(x.ids, id)
}

// check reports a reference to an id that was never declared.
func (x *index) check(r Ref, diags *diag.List) {
	if r.ID == "" || x.unknown {
		return
	}
	if _, ok := x.pos[r.ID]; ok {
		return
	}
	hint := didYouMean(r.ID, x.ids)
	for _, o := range x.others {
		if _, ok := o.pos[r.ID]; ok && o != x {
			data := args{"ID": q(r.ID), "Is": say(nounFor(o.what).a, args{"What": o.what}), "Want": say(nounFor(x.what).a, args{"What": x.what})}
			hint = say("loader.other-kind.hint", data)
			if len(x.ids) > 0 && len(x.ids) <= 10 {
				data["List"] = strings.Join(x.ids, ", ")
				hint = say("loader.other-kind.list.hint", data)
			}
			break
		}
	}
	if hint == nil {
		the := say(nounFor(x.what).the, args{"What": x.what})
		switch {
		case len(x.ids) == 0:
			hint = say("loader.declare.none.hint", args{"What": the})
		case len(x.ids) <= 10:
			hint = say("loader.declare.list.hint", args{"What": the, "List": strings.Join(x.ids, ", ")})
		default:
			hint = sayN("loader.declare.many.hint", len(x.ids), args{"What": the})
		}
	}
	report(diags, r.Pos, RuleDangling, say(nounFor(x.what).unknown, args{"ID": q(r.ID), "What": x.what}), hint)
}

func (x *index) checkAll(refs []Ref, diags *diag.List) {
	for _, r := range refs {
		x.check(r, diags)
	}
}

// indexes of everything a manual declares.
type indexes struct {
	audiences, domains, channels, roles, people, messages *index
}

// resolve checks every reference in the manual against what is declared.
func resolve(m *Manual, diags *diag.List) {
	ix := indexes{
		audiences: newIndex("audience"), domains: newIndex("failure domain"), channels: newIndex("channel"),
		roles: newIndex("role"), people: newIndex("person"), messages: newIndex("message"),
	}
	all := []*index{ix.audiences, ix.domains, ix.channels, ix.roles, ix.people}
	for _, x := range all {
		x.others = all
		// When the manual file could not be read at all, its problem is
		// reported; every playbook's references to it are not.
		x.unknown = m.At.Len() == 0
	}
	for _, a := range m.Audiences {
		ix.audiences.add(a.ID, a.Pos, diags)
	}
	for _, d := range m.Domains {
		ix.domains.add(d.ID, d.Pos, diags)
	}
	for _, c := range m.Channels {
		ix.channels.add(c.ID, c.Pos, diags)
	}
	for _, r := range m.Roles {
		ix.roles.add(r.ID, r.Pos, diags)
	}
	for _, p := range m.People {
		ix.people.add(p.ID, p.Pos, diags)
	}
	resolveManual(m, ix, diags)
	checkDrillMarks(m, ix, diags)
	resolveMarkets(m, diags)
	resolveLocales(m, ix, diags)
	resolveReplies(m, ix, diags)
	vars := map[string]Pos{}
	for _, v := range m.Variables {
		checkVariable(v, vars, diags)
	}
	for _, p := range m.Playbooks {
		resolvePlaybook(p, ix, vars, diags)
	}
	resolveTranslations(m, diags)
}

// resolveTranslations gives each playbook its translations, and reports a
// translation of nothing: a playbook the manual lacks, a step it lacks, an
// inject past its last, or the locale the playbook is written in.
func resolveTranslations(m *Manual, diags *diag.List) {
	for _, t := range m.Translations {
		top := Pos{File: t.File, Line: 1, Col: 1}
		if t.Playbook == ManualID {
			resolveManualTranslation(m, t, diags)
			continue
		}
		p := m.Playbook(t.Playbook)
		if p == nil {
			report(diags, top, RuleDangling, say("loader.translation-orphan", args{"Playbook": q(t.Playbook)}),
				say("loader.translation-orphan.hint", args{"Dir": PlaybooksDir, "Locale": t.Locale}))
			continue
		}
		if t.Locale == m.Locales.Default {
			report(diags, top, RuleDangling, say("loader.translation-default", args{"File": p.File, "Locale": t.Locale}),
				say("loader.translation-default.hint", args{"File": p.File}))
			continue
		}
		if prev := p.Translation(t.Locale); prev != nil {
			report(diags, top, RuleDuplicate, say("loader.translation-twice", args{"File": p.File, "Locale": t.Locale, "Other": prev.File}),
				say("loader.translation-twice.hint", nil))
			continue
		}
		if len(m.Locales.Supported) > 0 && !slices.Contains(m.Locales.Supported, t.Locale) {
			warn(diags, top, RuleDangling, say("loader.unsupported-locale", args{"File": t.File, "Locale": q(t.Locale)}),
				say("loader.unsupported-locale.hint", args{"File": ManualFile}))
		}
		p.Translations = append(p.Translations, t)
		steps := map[string]bool{}
		for _, s := range p.Steps {
			steps[s.ID] = false
		}
		for _, s := range p.FollowUp {
			steps[s.ID] = true
		}
		for id, st := range t.Steps {
			followUp, ok := steps[id]
			switch {
			case !ok:
				report(diags, st.Pos, RuleDangling, say("loader.no-such-step", args{"File": p.File, "ID": q(id)}),
					didYouMean(id, slices.Sorted(maps.Keys(steps))))
			case followUp != st.FollowUp:
				where := map[bool]string{false: "steps", true: "follow_up"}
				report(diags, st.Pos, RuleDangling, say("loader.step-group", args{"ID": q(id), "Group": where[followUp], "File": p.File, "Here": where[st.FollowUp]}),
					say("loader.step-group.hint", args{"Group": where[followUp]}))
			}
		}
		resolveVarTexts(p.File, p.Variables, t, diags)
		if n := len(p.Drill.Injects); len(t.Injects) > n {
			report(diags, t.Injects[n].Pos, RuleDangling, sayN("loader.inject-extra", n, args{"File": p.File, "Number": n + 1}),
				say("loader.inject-extra.hint", nil))
		}
	}
}

func resolveManual(m *Manual, ix indexes, diags *diag.List) {
	ix.people.checkAll(m.Approval.ApprovedBy, diags)
	for _, c := range m.Channels {
		ix.audiences.checkAll(c.Audiences, diags)
		ix.domains.check(c.Domain, diags)
		ix.roles.check(c.Owner, diags)
	}
	for _, r := range m.Roles {
		ix.people.check(r.Person, diags)
		ix.people.checkAll(r.Deputies, diags)
	}
	for _, p := range m.People {
		for _, c := range p.Contacts {
			ix.domains.check(c.Domain, diags)
		}
	}
}

// resolveLocales checks that the default locale is supported and that every
// supported locale has its message file, and indexes the messages of the
// default locale: the source every playbook refers to.
func resolveLocales(m *Manual, ix indexes, diags *diag.List) {
	loc := m.Locales
	if loc.Default != "" && !slices.Contains(loc.Supported, loc.Default) {
		report(diags, loc.Pos, RuleDangling, say("loader.default-unsupported", args{"Locale": q(loc.Default)}), say("loader.default-unsupported.hint", nil))
	}
	files := map[string]*TemplateFile{}
	for _, t := range m.Templates {
		files[t.Locale] = t
	}
	for _, l := range loc.Supported {
		if files[l] == nil {
			report(diags, loc.Pos, RuleDangling, say("loader.no-message-file", args{"Locale": q(l)}),
				say("loader.no-message-file.hint", args{"File": TemplatesDir + "/" + l + ".yaml", "Locale": q(l)}))
		}
	}
	for _, t := range m.Templates {
		// A regional catalogue (es-PE beside es) is read by its markets
		// without being a locale of its own; lint checks it (CR320-CR322).
		if len(loc.Supported) > 0 && !slices.Contains(loc.Supported, t.Locale) && !m.IsRegional(t) {
			warn(diags, t.Pos, RuleDangling, say("loader.unsupported-locale", args{"File": t.File, "Locale": q(t.Locale)}),
				say("loader.unsupported-locale.hint", args{"File": ManualFile}))
		}
	}
	// Messages are checked against the default locale's file; when it is
	// missing or could not be read, that is reported once, not once per
	// announcement.
	src := files[loc.Default]
	ix.messages.unknown = src == nil || src.Pos.IsZero()
	if src != nil {
		for _, msg := range src.Messages {
			name, _, _ := SplitID(msg.ID)
			if _, ok := ix.messages.pos[name]; !ok {
				ix.messages.add(name, msg.Pos, diags)
			}
		}
	}
}

func checkVariable(v Variable, seen map[string]Pos, diags *diag.List) {
	if v.Name == "" {
		return
	}
	if prev, dup := seen[v.Name]; dup {
		report(diags, v.Pos, RuleDuplicate, say("loader.variable-twice", args{"Name": q(v.Name)}), say("loader.variable-twice.hint", args{"Pos": prev.String()}))
		return
	}
	if IsBuiltinVariable(v.Name) {
		report(diags, v.Pos, RuleDuplicate, say("loader.variable-builtin", args{"Name": q(v.Name)}), say("loader.variable-builtin.hint", nil))
		return
	}
	seen[v.Name] = v.Pos
}

func resolvePlaybook(p *Playbook, ix indexes, manualVars map[string]Pos, diags *diag.List) {
	ix.domains.checkAll(p.Down.Domains, diags)
	ix.channels.checkAll(p.Down.Channels, diags)
	for _, f := range p.Fallbacks {
		ix.audiences.check(f.Audience, diags)
		ix.channels.checkAll(f.Channels, diags)
	}
	ix.roles.check(p.Speaker, diags)
	ix.roles.check(p.Approver, diags)
	vars := make(map[string]Pos, len(manualVars)+len(p.Variables))
	for k, v := range manualVars {
		vars[k] = v
	}
	for _, v := range p.Variables {
		checkVariable(v, vars, diags)
	}
	// Sized once: every playbook has one, and growing its map and list
	// step by step was five allocations a playbook.
	n := len(p.Steps) + len(p.FollowUp)
	steps := &index{what: "step", pos: make(map[string]Pos, n), ids: make([]string, 0, n)}
	for _, group := range [][]Step{p.Steps, p.FollowUp} {
		for _, s := range group {
			steps.add(s.ID, s.Pos, diags)
			ix.roles.check(s.Owner, diags)
			checkGate(s.Approval, ix, diags)
			for _, a := range s.Announce {
				checkGate(a.Approval, ix, diags)
				ix.messages.check(a.Message, diags)
				ix.audiences.checkAll(a.Audiences, diags)
				ix.channels.checkAll(a.Channels, diags)
			}
		}
	}
	resolveDecisions(p, diags)
	for _, u := range p.Updates {
		steps.check(u.After, diags)
		ix.messages.check(u.Message, diags)
		ix.audiences.checkAll(u.Audiences, diags)
		ix.channels.checkAll(u.Channels, diags)
	}
	for _, in := range p.Drill.Injects {
		ix.messages.check(in.Message, diags)
		ix.channels.check(in.Channel, diags)
	}
}

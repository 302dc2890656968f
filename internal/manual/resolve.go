package manual

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/suggest"
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
		diags.Errorf(pos, RuleDuplicate, "ids must be unique; the first is at "+prev.String(), "%s %q is declared twice", x.what, id)
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
	hint := suggest.Hint(r.ID, x.ids)
	for _, o := range x.others {
		if _, ok := o.pos[r.ID]; ok && o != x {
			hint = fmt.Sprintf("%q is a %s, not a %s", r.ID, o.what, x.what)
			if len(x.ids) > 0 && len(x.ids) <= 10 {
				hint += "; use one of: " + strings.Join(x.ids, ", ")
			}
			break
		}
	}
	if hint == "" {
		switch {
		case len(x.ids) == 0:
			hint = fmt.Sprintf("declare the %s first; none is declared", x.what)
		case len(x.ids) <= 10:
			hint = fmt.Sprintf("declare the %s first, or use one of: %s", x.what, strings.Join(x.ids, ", "))
		default:
			hint = fmt.Sprintf("declare the %s first, or use one of the %d declared", x.what, len(x.ids))
		}
	}
	diags.Errorf(r.Pos, RuleDangling, hint, "unknown %s %q", x.what, r.ID)
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
		x.unknown = len(m.At) == 0
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
		p := m.Playbook(t.Playbook)
		if p == nil {
			diags.Errorf(top, RuleDangling, fmt.Sprintf("rename it after its playbook (%s/ID.%s.yaml), or remove it", PlaybooksDir, t.Locale),
				"translation of playbook %q, which the manual does not have", t.Playbook)
			continue
		}
		if t.Locale == m.Locales.Default {
			diags.Errorf(top, RuleDangling, "write these texts in "+p.File+", or remove the file",
				"%s is written in %s, the manual's default locale: it has no translation into it", p.File, t.Locale)
			continue
		}
		if prev := p.Translation(t.Locale); prev != nil {
			diags.Errorf(top, RuleDuplicate, "keep one of them", "%s is translated into %s twice: here and in %s", p.File, t.Locale, prev.File)
			continue
		}
		if len(m.Locales.Supported) > 0 && !slices.Contains(m.Locales.Supported, t.Locale) {
			diags.Add(top, RuleDangling, diag.Warning, "add it to locales.supported in "+ManualFile+", or remove the file",
				"%s holds locale %q, which the manual does not list as supported", t.File, t.Locale)
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
				diags.Errorf(st.Pos, RuleDangling, suggest.Hint(id, slices.Sorted(maps.Keys(steps))),
					"%s has no step %q to translate", p.File, id)
			case followUp != st.FollowUp:
				where := map[bool]string{false: "steps", true: "follow_up"}
				diags.Errorf(st.Pos, RuleDangling, "move it under "+where[followUp]+":",
					"step %q is under %s in %s, not under %s", id, where[followUp], p.File, where[st.FollowUp])
			}
		}
		if n := len(p.Drill.Injects); len(t.Injects) > n {
			diags.Errorf(t.Injects[n].Pos, RuleDangling, "translate the injects in the playbook's order, one item each",
				"%s has %d drill injects; this is number %d", p.File, n, n+1)
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
		diags.Errorf(loc.Pos, RuleDangling, "add it to locales.supported", "the default locale %q is not in locales.supported", loc.Default)
	}
	files := map[string]*TemplateFile{}
	for _, t := range m.Templates {
		files[t.Locale] = t
	}
	for _, l := range loc.Supported {
		if files[l] == nil {
			diags.Errorf(loc.Pos, RuleDangling, fmt.Sprintf("create %s/%s.yaml with the messages translated, or remove %q from locales.supported", TemplatesDir, l, l),
				"locale %q has no message file", l)
		}
	}
	for _, t := range m.Templates {
		if len(loc.Supported) > 0 && !slices.Contains(loc.Supported, t.Locale) {
			diags.Add(t.Pos, RuleDangling, diag.Warning, "add it to locales.supported in "+ManualFile+", or remove the file",
				"%s holds locale %q, which the manual does not list as supported", t.File, t.Locale)
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
		diags.Errorf(v.Pos, RuleDuplicate, "the first is at "+prev.String(), "variable %q is declared twice", v.Name)
		return
	}
	if IsBuiltinVariable(v.Name) {
		diags.Errorf(v.Pos, RuleDuplicate, "crisis provides it; remove the declaration", "variable %q is provided by crisis itself", v.Name)
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
	steps := newIndex("step")
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
	}
}

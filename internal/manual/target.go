package manual

import (
	"regexp"

	"gopkg.in/yaml.v3"

	"github.com/crisis-cli/crisis/internal/lang"
)

var envNameRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// Target is where a channel's announcements are delivered by `send` in a
// run (internal/dispatch does the sending). Nothing in it is secret: the
// secret is a reference to an environment variable or a file. Which
// providers exist and which channel kinds each serves is internal/dispatch's
// knowledge; lint checks it, the loader only reads the shape.
type Target struct {
	Provider   string
	URL        string
	Secret     SecretRef
	Options    map[string]string
	Recipients *Recipients
	// Drill replaces this target in a drill (a sandbox webhook, a test
	// mailbox); without one, a drill captures its texts in the run folder.
	// Only a channel's target has one.
	Drill *Target
	Pos   Pos
	At    Positions
}

// SecretRef names where a target's secret lives: exactly one of an
// environment variable or a file readable by its owner only.
type SecretRef struct {
	Env  string
	File string
	Pos  Pos
}

// Recipients is a recipient list: a CSV file outside the manual's
// repository, for e-mail, SMS and WhatsApp targets.
type Recipients struct {
	Path   string
	Column string // the address column's header; the provider's default when empty
	OptOut string // the opt-out column's header; opt_out when empty
	Pos    Pos
}

var targetKeys = []string{"provider", "url", "secret", "options", "recipients", "drill"}

// decodeTarget reads a channel's target; drill says whether it may hold a
// drill target of its own (a drill target may not).
func (d *decoder) decodeTarget(n *yaml.Node, what string, drill bool) *Target {
	if n == nil {
		return nil
	}
	keys := targetKeys
	if !drill {
		keys = keys[:len(keys)-1]
	}
	o := d.object(n, what, keys...)
	t := &Target{
		Provider: o.str("provider", true),
		URL:      o.str("url", false),
		Pos:      d.pos(n),
		At:       o.at(),
	}
	if s := o.get("secret", false); s != nil {
		so := d.object(s, "a secret reference", "env", "file")
		t.Secret = SecretRef{Env: so.str("env", false), File: so.str("file", false), Pos: d.pos(s)}
		switch {
		case t.Secret.Env != "" && !envNameRE.MatchString(t.Secret.Env):
			d.report(so.value("env"), RuleType, say("loader.env-name", args{"Name": q(t.Secret.Env)}), say("loader.env-name.hint", nil))
		case t.Secret.Env != "" && t.Secret.File != "":
			d.report(s, RuleType, say("loader.secret-both", nil), say("loader.secret-both.hint", nil))
		case t.Secret.Env == "" && t.Secret.File == "" && s.Kind == yaml.MappingNode:
			d.report(s, RuleMissing, say("loader.secret-neither", nil), say("loader.secret-neither.hint", nil))
		}
	}
	if on := o.get("options", false); on != nil {
		t.Options = map[string]string{}
		read := d.ids(on, idMap{key: "options key",
			shape: func(found *lang.Error) (*lang.Error, *lang.Error) {
				return say("loader.options", args{"Found": found}), say("loader.options.hint", nil)
			},
			twice: func(name string, _ Pos) (*lang.Error, *lang.Error) {
				return say("loader.option-twice", args{"Name": q(name)}), say("loader.option-twice.hint", nil)
			},
		}, func(_, v *yaml.Node, name string) bool {
			s, ok := d.scalar(v, "option "+name)
			if ok {
				t.Options[name] = s
			}
			return ok
		})
		if !read {
			t.Options = nil
		}
	}
	if rn := o.get("recipients", false); rn != nil {
		ro := d.object(rn, "a recipient list", "path", "column", "opt_out")
		t.Recipients = &Recipients{Path: ro.str("path", true), Column: ro.str("column", false), OptOut: ro.str("opt_out", false), Pos: d.pos(rn)}
	}
	if drill {
		t.Drill = d.decodeTarget(o.get("drill", false), "a drill target", false)
	}
	return t
}

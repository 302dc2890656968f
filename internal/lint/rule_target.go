package lint

import (
	"slices"
	"strings"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/dispatch"
	"github.com/crisis-cli/crisis/internal/manual"
)

// Delivery targets: which providers exist, which channel kinds each serves
// and what each needs are internal/dispatch's knowledge; these rules ask it
// rather than keeping a second list here.

func init() {
	register(Meta{ID: "CR105", Severity: diag.Error, Scope: ScopeManual}, checkTargetProvider)
	register(Meta{ID: "CR106", Severity: diag.Error, Scope: ScopeManual}, checkTargetSecret)
	register(Meta{ID: "CR107", Severity: diag.Error, Scope: ScopeManual}, checkTargetKind)
	register(Meta{ID: "CR108", Severity: diag.Error, Scope: ScopePlaybook}, checkWhatsAppDown)
	register(Meta{ID: "CR109", Severity: diag.Warning, Scope: ScopePlaybook}, checkStatusStoreDown)
}

// forEachTarget calls fn for every channel's target and drill target.
func forEachTarget(m *manual.Manual, fn func(ch *manual.Channel, t *manual.Target, drill bool)) {
	for i := range m.Channels {
		ch := &m.Channels[i]
		if ch.Target == nil {
			continue
		}
		fn(ch, ch.Target, false)
		if ch.Target.Drill != nil {
			fn(ch, ch.Target.Drill, true)
		}
	}
}

// either is the message about a channel's target, or the one about its
// drill target.
func either(drill bool, target, drillTarget string) string {
	if drill {
		return drillTarget
	}
	return target
}

func checkTargetProvider(c *Context) {
	names := make([]string, 0, 12)
	for _, p := range dispatch.Providers() {
		names = append(names, p.Name)
	}
	forEachTarget(c.Manual, func(ch *manual.Channel, t *manual.Target, drill bool) {
		if _, ok := dispatch.LookupProvider(t.Provider); ok || t.Provider == "" {
			return
		}
		hint, suggestion := "lint.CR105.list.hint", closest(t.Provider, names)
		if suggestion != "" {
			hint = "lint.CR105.hint"
		}
		c.Report(atOr(t.At, "provider", t.Pos), either(drill, "lint.CR105", "lint.CR105.drill"), hint,
			args{"Channel": ch.ID, "Provider": t.Provider, "Providers": strings.Join(names, ", "), "Suggestion": suggestion})
	})
}

func checkTargetSecret(c *Context) {
	forEachTarget(c.Manual, func(ch *manual.Channel, t *manual.Target, drill bool) {
		p, ok := dispatch.LookupProvider(t.Provider)
		if !ok {
			return
		}
		data := args{"Channel": ch.ID, "Provider": p.Name, "Secret": p.Secret, "Body": "{{1}}"}
		// A relay on this machine may take mail without a login: SMTP
		// needs its password only with a username.
		// The status site's store finds its own credentials: it takes none.
		needless := (p.Name == "smtp" && t.Options["username"] == "") || p.Secret == ""
		if t.Secret.Env == "" && t.Secret.File == "" && !needless {
			c.Report(atOr(t.At, "provider", t.Pos), either(drill, "lint.CR106.secret", "lint.CR106.secret.drill"), "lint.CR106.secret.hint", data)
		}
		if p.Name == "whatsapp" && strings.TrimSpace(t.Options[dispatch.OptTemplate]) == "" {
			c.Report(atOr(t.At, "provider", t.Pos), either(drill, "lint.CR106.template", "lint.CR106.template.drill"), "lint.CR106.template.hint", data)
		}
		switch {
		case p.Bulk && t.Recipients == nil:
			c.Report(atOr(t.At, "provider", t.Pos), either(drill, "lint.CR106.list", "lint.CR106.list.drill"), "lint.CR106.list.hint", data)
		case !p.Bulk && t.Recipients != nil:
			c.Report(t.Recipients.Pos, either(drill, "lint.CR106.unused", "lint.CR106.unused.drill"), "lint.CR106.unused.hint", data)
		}
	})
}

func checkTargetKind(c *Context) {
	forEachTarget(c.Manual, func(ch *manual.Channel, t *manual.Target, drill bool) {
		p, ok := dispatch.LookupProvider(t.Provider)
		if !ok || p.Serves(ch.Kind) {
			return
		}
		var fit []string
		for _, q := range dispatch.Providers() {
			if q.Kinds != nil && q.Serves(ch.Kind) {
				fit = append(fit, q.Name)
			}
		}
		hint := "lint.CR107.webhook.hint"
		if len(fit) > 0 {
			hint = "lint.CR107.hint"
		}
		c.Report(atOr(t.At, "provider", t.Pos), either(drill, "lint.CR107", "lint.CR107.drill"), hint, args{"Channel": ch.ID, "Provider": p.Name,
			"Kind": ch.Kind, "Kinds": strings.Join(p.Kinds, ", "), "Providers": strings.Join(fit, ", ")})
	})
}

func checkWhatsAppDown(c *Context) {
	m, p := c.Manual, c.Playbook
	if !m.KindDown(p, "whatsapp") {
		return
	}
	for _, u := range c.usedChannels() {
		if ch := u.ch; ch == nil || ch.Target == nil || ch.Target.Provider != "whatsapp" || u.down {
			continue // a channel that is down itself is CR102's
		}
		c.Report(u.ref.Pos, "lint.CR108", "lint.CR108.hint", args{"Channel": u.ch.ID})
	}
}

// checkStatusStoreDown warns when a playbook publishes its status page to a
// store whose failure domain (the statussite target's domain option,
// statussite.OptDomain) is down in that playbook: the page would go dark
// with the very outage it announces.
func checkStatusStoreDown(c *Context) {
	m, p := c.Manual, c.Playbook
	for _, u := range c.usedChannels() {
		ch := u.ch
		if ch == nil || ch.Target == nil || ch.Target.Provider != "statussite" || u.down {
			continue // a channel that is down itself is CR102's
		}
		d := ch.Target.Options["domain"]
		if d == "" {
			continue
		}
		shared := m.DomainDown(p, d) || slices.ContainsFunc(m.DownChannels(p), func(dc *manual.Channel) bool { return dc.Domain.ID == d })
		if shared {
			c.Report(u.ref.Pos, "lint.CR109", "lint.CR109.hint", args{"Channel": ch.ID, "Domain": d})
		}
	}
}

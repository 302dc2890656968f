package lint

import (
	"strings"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/dispatch"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/suggest"
)

// Delivery targets: which providers exist, which channel kinds each serves
// and what each needs are internal/dispatch's knowledge; these rules ask it
// rather than keeping a second list here.

func init() {
	register(Meta{
		ID: "CR105", Title: "A delivery target names an unknown provider", Severity: diag.Error, Scope: ScopeManual,
		Rationale: "send cannot deliver through a provider crisis does not have: the channel would fall back to copy and paste in the middle of the crisis, without anyone having planned for it.",
		Bad:       "target:\n  provider: telegrm\n  secret: {env: TELEGRAM_BOT_TOKEN}\n",
		Good:      "target:\n  provider: telegram\n  secret: {env: TELEGRAM_BOT_TOKEN}\n  options: {chat_id: \"@rioverdehogar\"}\n",
	}, checkTargetProvider)
	register(Meta{
		ID: "CR106", Title: "A delivery target lacks its secret reference, recipient list or template", Severity: diag.Error, Scope: ScopeManual,
		Rationale: "Every provider needs a token, password or webhook URL, read at send time from an environment variable or a 0600 file; e-mail, SMS and WhatsApp also need the list of whom to send to, and WhatsApp an approved template. Found missing during a crisis, any of them stops the send.",
		Bad:       "target:\n  provider: smtp\n  url: smtp://smtp.example.com:587\n",
		Good:      "target:\n  provider: smtp\n  url: smtp://smtp.example.com:587\n  secret: {env: SMTP_PASSWORD}\n  recipients: {path: /srv/crisis/customers.csv}\n",
	}, checkTargetSecret)
	register(Meta{
		ID: "CR107", Title: "A delivery target cannot serve its channel's kind", Severity: diag.Error, Scope: ScopeManual,
		Rationale: "Texts are written and measured for the channel's kind: an SMS-sized text posted by an e-mail provider, or a Slack webhook on an SMS channel, is a configuration mistake that would deliver the wrong thing.",
		Bad:       "- id: sms-staff\n  kind: sms\n  target: {provider: slack, secret: {env: SLACK_WEBHOOK}}\n",
		Good:      "- id: sms-staff\n  kind: sms\n  target: {provider: twilio, secret: {env: TWILIO_AUTH_TOKEN}, recipients: {path: /srv/staff.csv}}\n",
	}, checkTargetKind)
	register(Meta{
		ID: "CR108", Title: "A WhatsApp target is used while WhatsApp is down", Severity: diag.Error, Scope: ScopePlaybook,
		Rationale: "The WhatsApp Business Cloud API is Meta's whichever channel reaches it: in a scenario where a WhatsApp channel is down, a WhatsApp target will fail too, and send does not offer it.",
		Bad:       "down:\n  domains: [meta]\nfallbacks:\n  suppliers: [whatsapp-bsp]   # its target is provider: whatsapp\n",
		Good:      "down:\n  domains: [meta]\nfallbacks:\n  suppliers: [email-suppliers]\n",
	}, checkWhatsAppDown)
}

// forEachTarget calls fn for every channel's target and drill target.
func forEachTarget(m *manual.Manual, fn func(ch *manual.Channel, t *manual.Target, what string)) {
	for i := range m.Channels {
		ch := &m.Channels[i]
		if ch.Target == nil {
			continue
		}
		fn(ch, ch.Target, "target")
		if ch.Target.Drill != nil {
			fn(ch, ch.Target.Drill, "drill target")
		}
	}
}

func checkTargetProvider(c *Context) {
	names := make([]string, 0, 12)
	for _, p := range dispatch.Providers() {
		names = append(names, p.Name)
	}
	forEachTarget(c.Manual, func(ch *manual.Channel, t *manual.Target, what string) {
		if _, ok := dispatch.LookupProvider(t.Provider); ok || t.Provider == "" {
			return
		}
		hint := suggest.Hint(t.Provider, names)
		if hint == "" {
			hint = "providers: " + strings.Join(names, ", ")
		}
		c.Report(atOr(t.At, "provider", t.Pos), hint, "the %s of channel %s names unknown provider %q", what, ch.ID, t.Provider)
	})
}

func checkTargetSecret(c *Context) {
	forEachTarget(c.Manual, func(ch *manual.Channel, t *manual.Target, what string) {
		p, ok := dispatch.LookupProvider(t.Provider)
		if !ok {
			return
		}
		// A relay on this machine may take mail without a login: SMTP
		// needs its password only with a username.
		needless := p.Name == "smtp" && t.Options["username"] == ""
		if t.Secret.Env == "" && t.Secret.File == "" && !needless {
			c.Report(atOr(t.At, "provider", t.Pos), "add secret: {env: NAME} or secret: {file: PATH} holding "+p.Secret+"; never the secret itself",
				"the %s of channel %s has no secret reference", what, ch.ID)
		}
		if p.Name == "whatsapp" && strings.TrimSpace(t.Options[dispatch.OptTemplate]) == "" {
			c.Report(atOr(t.At, "provider", t.Pos), "add options: {template: NAME}, a template Meta approved whose body is {{1}}",
				"the %s of channel %s sends WhatsApp messages and names no approved template", what, ch.ID)
		}
		switch {
		case p.Bulk && t.Recipients == nil:
			c.Report(atOr(t.At, "provider", t.Pos), "add recipients: {path: FILE.csv}, a list kept outside the repository",
				"the %s of channel %s sends with %s to a recipient list, and names none", what, ch.ID, p.Name)
		case !p.Bulk && t.Recipients != nil:
			c.Report(t.Recipients.Pos, "remove recipients: "+p.Name+" posts to one place",
				"the %s of channel %s has a recipient list, which %s does not use", what, ch.ID, p.Name)
		}
	})
}

func checkTargetKind(c *Context) {
	forEachTarget(c.Manual, func(ch *manual.Channel, t *manual.Target, what string) {
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
		hint := "use the signed webhook (provider: webhook) for anything else"
		if len(fit) > 0 {
			hint = "a " + ch.Kind + " channel is served by " + strings.Join(fit, ", ") + " (or the signed webhook)"
		}
		c.Report(atOr(t.At, "provider", t.Pos), hint, "the %s of channel %s is %s, which cannot serve channels of kind %s (it serves %s)",
			what, ch.ID, p.Name, ch.Kind, strings.Join(p.Kinds, ", "))
	})
}

func checkWhatsAppDown(c *Context) {
	m, p := c.Manual, c.Playbook
	if !m.KindDown(p, "whatsapp") {
		return
	}
	forEachUsedChannel(p, func(ref manual.Ref) {
		ch := m.Channel(ref.ID)
		if ch == nil || ch.Target == nil || ch.Target.Provider != "whatsapp" || m.IsDown(p, ch.ID) {
			return // a channel that is down itself is CR102's
		}
		c.Report(ref.Pos, "pick a channel outside Meta here; send will not offer "+ch.ID+" in this scenario",
			"channel %s sends through the WhatsApp Cloud API, and WhatsApp is down in this playbook", ch.ID)
	})
}

package dispatch

import (
	"maps"
	"strings"

	"github.com/crisis-cli/crisis/internal/manual"
)

// Options of a whatsapp target in the manual that name its approved
// template: they describe the message, not the provider, so FromManual
// takes them out of the provider's options and Template reads them.
const (
	OptTemplate         = "template"
	OptTemplateLanguage = "template_language"
)

// FromManual is the configuration of a target as the manual declares it
// on a channel (its drill target is a target of its own: pass it as t).
func FromManual(channel string, t *manual.Target) Config {
	cfg := Config{Name: channel, Provider: t.Provider, URL: t.URL,
		Secret: SecretRef{Env: t.Secret.Env, File: t.Secret.File}, Options: t.Options}
	if t.Provider == "whatsapp" && t.Options != nil {
		cfg.Options = maps.Clone(t.Options)
		delete(cfg.Options, OptTemplate)
		delete(cfg.Options, OptTemplateLanguage)
	}
	if t.Recipients != nil {
		cfg.Recipients = &RecipientList{Path: t.Recipients.Path, Column: t.Recipients.Column, OptOut: t.Recipients.OptOut}
	}
	return cfg
}

// TemplateFor is the WhatsApp template a target names for a text in a
// locale: the approved template whose body is one parameter, {{1}}, filled
// with the text as approved and measured. The language is the option
// template_language, else the locale as Meta writes it (pt-BR: pt_BR).
// Nil when the target names no template (the send is refused).
func TemplateFor(t *manual.Target, locale, text string) *Template {
	name := strings.TrimSpace(t.Options[OptTemplate])
	if t.Provider != "whatsapp" || name == "" {
		return nil
	}
	lang := strings.TrimSpace(t.Options[OptTemplateLanguage])
	if lang == "" {
		lang = strings.ReplaceAll(locale, "-", "_")
	}
	return &Template{Name: name, Language: lang, Params: []string{text}}
}

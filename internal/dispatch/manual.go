package dispatch

import "github.com/crisis-cli/crisis/internal/manual"

// FromManual is the configuration of a target as the manual declares it
// on a channel (its drill target is a target of its own: pass it as t).
func FromManual(channel string, t *manual.Target) Config {
	cfg := Config{Name: channel, Provider: t.Provider, URL: t.URL,
		Secret: SecretRef{Env: t.Secret.Env, File: t.Secret.File}, Options: t.Options}
	if t.Recipients != nil {
		cfg.Recipients = &RecipientList{Path: t.Recipients.Path, Column: t.Recipients.Column, OptOut: t.Recipients.OptOut}
	}
	return cfg
}

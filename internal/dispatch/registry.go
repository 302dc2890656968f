package dispatch

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Provider describes one kind of target.
type Provider struct {
	Name string
	// Kinds are the channel kinds it can serve; nil means any (the signed
	// webhook carries whatever text it is given). A lint rule refuses a
	// target on a channel whose kind is not here.
	Kinds []string
	// Bulk providers send to a recipient list, one message per recipient.
	Bulk bool
	// Dedup providers recognise a resent request (idempotency key, record
	// key), so an unknown outcome may be resent automatically.
	Dedup bool
	// Secret is what the secret reference must hold.
	Secret  string
	address addressKind // bulk providers: what the list's addresses are
	open    func(Config, Env) (Target, error)
}

// Serves reports whether p can serve a channel of this kind.
func (p Provider) Serves(kind string) bool {
	return p.Kinds == nil || slices.Contains(p.Kinds, strings.ToLower(strings.TrimSpace(kind)))
}

var providers = map[string]Provider{}

func register(p Provider) { providers[p.Name] = p }

// Providers returns every provider, sorted by name.
func Providers() []Provider {
	out := make([]Provider, 0, len(providers))
	for _, p := range providers {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// LookupProvider finds a provider by name.
func LookupProvider(name string) (Provider, bool) {
	p, ok := providers[strings.ToLower(strings.TrimSpace(name))]
	return p, ok
}

// Open checks a target's configuration, resolves its secret and returns
// it ready to send or check. Errors name what to fix and never the secret.
func Open(cfg Config, env Env) (Target, error) {
	p, ok := LookupProvider(cfg.Provider)
	if !ok {
		names := make([]string, 0, len(providers))
		for _, p := range Providers() {
			names = append(names, p.Name)
		}
		return nil, fmt.Errorf("target %s: unknown provider %q (known: %s)", cfg.Name, cfg.Provider, strings.Join(names, ", "))
	}
	if p.Bulk && (cfg.Recipients == nil || cfg.Recipients.Path == "") {
		return nil, fmt.Errorf("target %s: %s sends to a recipient list: add recipients: {path: FILE.csv}", cfg.Name, p.Name)
	}
	if !p.Bulk && cfg.Recipients != nil {
		return nil, fmt.Errorf("target %s: %s posts to one place and takes no recipient list", cfg.Name, p.Name)
	}
	return p.open(cfg, env.withDefaults())
}

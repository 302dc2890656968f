package dispatch

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// Helpers shared by the providers that make one post per announcement.

func newAPI(provider string, env Env, secrets ...string) httpAPI {
	return httpAPI{provider: provider, env: env, scrub: scrubber(secrets)}
}

// posted is the outcome of a post the provider accepted.
func posted(provider, id, link string) (Outcome, error) {
	return Outcome{Provider: provider, ID: id, URL: link, Delivered: 1}, nil
}

// notPosted is the outcome of a post that failed.
func notPosted(provider string, e *Error) (Outcome, error) {
	o := Outcome{Provider: provider}
	o.fail(Failure{Err: e})
	return o, e
}

// resolveSecret resolves a target's secret, naming the target on error.
func resolveSecret(cfg Config, env Env) (Secret, error) {
	s, err := cfg.Secret.Resolve(env.LookupEnv)
	if err != nil {
		return Secret{}, fmt.Errorf("target %s: %w", cfg.Name, err)
	}
	return s, nil
}

// checkEndpoint accepts an https URL, or http on this machine (a local
// double, a relay on localhost): anything else would send a token in clear.
func checkEndpoint(raw, what string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return fmt.Errorf("%s is not a URL", what)
	}
	switch {
	case u.Scheme == "https":
		return nil
	case u.Scheme == "http" && isLoopbackHost(u.Hostname()):
		return nil
	}
	return fmt.Errorf("%s must be https (http only on localhost), not %s", what, redactURL(raw))
}

func isLoopbackHost(h string) bool {
	if h == "localhost" {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// apiBase is the provider's public API, or the target's URL when set.
func apiBase(cfg Config, public string) (string, error) {
	base := public
	if cfg.URL != "" {
		base = cfg.URL
	}
	if err := checkEndpoint(base, "target "+cfg.Name+": url"); err != nil {
		return "", err
	}
	return strings.TrimRight(base, "/"), nil
}

// unverifiedWebhook is the check of an incoming webhook that cannot be
// called without posting.
func unverifiedWebhook(cfg Config, provider, host string) CheckReport {
	r := CheckReport{Target: cfg.Name, Provider: provider,
		Unverified: []string{provider + " offers no way to call an incoming webhook without posting: that it is live is not verified"}}
	r.Verified = append(r.Verified, "secret resolved: a webhook URL on "+host)
	return r
}

// webhookURL resolves a secret that is a webhook URL, which must be https;
// webhooks take no options.
func webhookURL(cfg Config, env Env) (Secret, string, error) {
	if err := newOptions(cfg).err(); err != nil {
		return Secret{}, "", err
	}
	s, err := resolveSecret(cfg, env)
	if err != nil {
		return Secret{}, "", err
	}
	if err := checkEndpoint(s.reveal(), "target "+cfg.Name+": the webhook URL in the "+cfg.Secret.String()); err != nil {
		return Secret{}, "", err
	}
	u, _ := url.Parse(s.reveal())
	return s, u.Host, nil
}

// errorf is a configuration error of a target.
func errorf(cfg Config, format string, args ...any) error {
	return fmt.Errorf("target %s: "+format, append([]any{cfg.Name}, args...)...)
}

// apiTarget is what every API provider holds.
type apiTarget struct {
	cfg    Config
	base   string
	secret Secret
	api    httpAPI
}

// openAPI reports the options' problems, then resolves the API base
// (public, or the target's URL) and the secret.
func openAPI(cfg Config, env Env, o *options, provider, public string) (apiTarget, error) {
	if err := o.err(); err != nil {
		return apiTarget{}, err
	}
	base, err := apiBase(cfg, public)
	if err != nil {
		return apiTarget{}, err
	}
	s, err := resolveSecret(cfg, env)
	if err != nil {
		return apiTarget{}, err
	}
	return apiTarget{cfg: cfg, base: base, secret: s, api: newAPI(provider, env, s.reveal())}, nil
}

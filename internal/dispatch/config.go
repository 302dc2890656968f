package dispatch

import (
	"context"
	"crypto/x509"
	"fmt"
	"net/http"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/crisis-cli/crisis/internal/manual"
)

// Config is a delivery target as the manual will declare it. Nothing in it
// is secret: the secret is a reference.
type Config struct {
	Name     string // the target's id, for messages
	Provider string // a name from Providers()
	// URL is the endpoint when it is not itself a secret: the SMTP relay
	// (smtp://host:587 for STARTTLS, smtps://host:465 for TLS), the
	// Mastodon instance, the Bluesky PDS, the signed webhook. Incoming
	// webhook URLs of Slack, Mattermost, Discord and Teams embed their
	// token, so for them the URL is the secret and this stays empty. For
	// API providers it overrides the public API base (tests, proxies).
	URL    string
	Secret SecretRef
	// Options are the provider's settings (from, chat_id,
	// messaging_service_sid, ...); each provider documents its own and
	// refuses unknown ones.
	Options map[string]string
	// Recipients is the recipient list of a bulk provider.
	Recipients *RecipientList
	// Parallel is how many connections or requests a bulk send uses at
	// once (default 4).
	Parallel int
	// Batch is how many rows of the list make one acknowledged batch
	// (default 100): a crash leaves at most the batches in flight (one
	// per connection) with an intent and no acknowledgement.
	Batch int
}

// Env is what targets take from the outside world, injected so tests run
// them against local doubles and nothing reads os or time directly.
type Env struct {
	LookupEnv func(string) (string, bool) // default os.LookupEnv
	HTTP      *http.Client                // default: 30 s timeout
	RootCAs   *x509.CertPool              // SMTP TLS roots; nil: the system's
	Now       func() time.Time
	Sleep     func(context.Context, time.Duration) error
	Retry     RetryPolicy
	// RunsDir and Manual are the runs folder and the manual of the run
	// that sends: the status site target rebuilds the site from them.
	// Other providers ignore them.
	RunsDir string
	Manual  *manual.Manual
}

// RetryPolicy bounds retries of errors that are safe to retry.
type RetryPolicy struct {
	Attempts int           // tries in all, default 4
	Base     time.Duration // first backoff, doubled each time, default 500 ms
	// MaxWait is the longest a Retry-After is honoured inside Send
	// (default 60 s); a longer one is returned to the caller as an error
	// with RetryAfter, to resend later.
	MaxWait time.Duration
}

func (e Env) withDefaults() Env {
	if e.LookupEnv == nil {
		e.LookupEnv = os.LookupEnv
	}
	if e.HTTP == nil {
		e.HTTP = &http.Client{Timeout: 30 * time.Second}
	}
	if e.Now == nil {
		e.Now = time.Now
	}
	if e.Sleep == nil {
		e.Sleep = sleepCtx
	}
	if e.Retry.Attempts <= 0 {
		e.Retry.Attempts = 4
	}
	if e.Retry.Base <= 0 {
		e.Retry.Base = 500 * time.Millisecond
	}
	if e.Retry.MaxWait <= 0 {
		e.Retry.MaxWait = 60 * time.Second
	}
	return e
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// options reads a target's options, refusing unknown names so a typo
// ("chatid") is an error rather than a silent default.
type options struct {
	target string
	m      map[string]string
	used   map[string]bool
	errs   []string
}

func newOptions(cfg Config) *options {
	return &options{target: cfg.Name, m: cfg.Options, used: map[string]bool{}}
}

func (o *options) get(name, def string) string {
	o.used[name] = true
	if v, ok := o.m[name]; ok && strings.TrimSpace(v) != "" {
		return strings.TrimSpace(v)
	}
	return def
}

func (o *options) need(name, why string) string {
	v := o.get(name, "")
	if v == "" {
		o.errs = append(o.errs, fmt.Sprintf("option %s is required (%s)", name, why))
	}
	return v
}

// err returns every problem at once, unknown options included.
func (o *options) err() error {
	var unknown []string
	for k := range o.m {
		if !o.used[k] {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	errs := o.errs
	for _, k := range unknown {
		known := make([]string, 0, len(o.used))
		for u := range o.used {
			known = append(known, u)
		}
		sort.Strings(known)
		errs = append(errs, fmt.Sprintf("unknown option %s (known: %s)", k, strings.Join(known, ", ")))
	}
	if len(errs) == 0 {
		return nil
	}
	return fmt.Errorf("target %s: %s", o.target, strings.Join(errs, "; "))
}

package statussite

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/crisis-cli/crisis/internal/dispatch"
)

// The status-page channel kind as a delivery target of the run's send
// command: sending an announcement to it rebuilds this site from the runs
// and publishes it where Publish does (a bucket, or a git branch). The
// send's intent, journaled before Send is called, is what puts the
// announcement being sent on the page (readUpdates).
//
// In the manual:
//
//	target:
//	  provider: statussite
//	  url: s3://status-rioverde?region=eu-west-1    # or file:///srv/status, git+https://...#pages
//	  options: {base_url: https://status.rioverde.example/}   # default: the channel's name as a host
//
// Option domain names the manual's failure domain the store depends on
// (the cloud account, the git host), for the record: sending ignores it
// and no lint rule reads it yet.
//
// No secret reference: the store's own client finds its credentials
// (AWS_*, Google's application default credentials, AZURE_*, the git
// URL or the SSH agent). A resend is harmless: it publishes the same site
// again, which is why the provider counts as deduplicating.
func init() { dispatch.ImplementSite(openTarget) }

type siteTarget struct {
	cfg  dispatch.Config
	base string
	env  dispatch.Env
}

// OptDomain is the option naming the failure domain of the store.
const OptDomain = "domain"

var targetOptions = []string{"base_url", OptDomain}

func openTarget(cfg dispatch.Config, env dispatch.Env) (dispatch.Target, error) {
	var problems []string
	for k := range cfg.Options {
		if !slices.Contains(targetOptions, k) {
			problems = append(problems, fmt.Sprintf("unknown option %s (known: %s)", k, strings.Join(targetOptions, ", ")))
		}
	}
	sort.Strings(problems)
	if err := checkDestination(cfg.URL); err != nil {
		problems = append([]string{err.Error()}, problems...)
	}
	if cfg.Secret.Env != "" || cfg.Secret.File != "" {
		problems = append(problems, "a status site target takes no secret: the store's client finds its own credentials")
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("target %s: %s", cfg.Name, strings.Join(problems, "; "))
	}
	return &siteTarget{cfg: cfg, base: strings.TrimSpace(cfg.Options["base_url"]), env: env}, nil
}

// checkDestination accepts what Publish can publish to.
func checkDestination(to string) error {
	const want = "url is where to publish: file:///srv/status, s3://bucket?region=..., gs://bucket, azblob://container or git+REMOTE#BRANCH"
	if to == "" {
		return fmt.Errorf("%s", want)
	}
	if strings.HasPrefix(to, "git+") {
		return nil
	}
	if u, err := url.Parse(to); err != nil || u.Scheme == "" {
		return fmt.Errorf("%s, not %q", want, to)
	}
	return nil
}

// sends serialises this process's sends to one destination: the sends of
// one step in several languages run at once, and the last to publish must
// build after every one of them journaled its intent. Other processes are
// kept apart by the bucket's lock or git's fast-forward rule.
var sends sync.Map // destination -> *sync.Mutex

func (t *siteTarget) Send(ctx context.Context, req dispatch.Request) (dispatch.Outcome, error) {
	out := dispatch.Outcome{Provider: TargetProvider}
	fail := func(r dispatch.Retry, format string, args ...any) (dispatch.Outcome, error) {
		e := &dispatch.Error{Provider: TargetProvider, Op: "publish", Retry: r, Msg: fmt.Sprintf(format, args...)}
		out.Failed, out.FailedCount = append(out.Failed, dispatch.Failure{Err: e}), 1
		return out, e
	}
	m := t.env.Manual
	if m == nil || t.env.RunsDir == "" {
		return fail(dispatch.Refused, "the status site is rebuilt from the runs: send to it from a run")
	}
	mu, _ := sends.LoadOrStore(t.cfg.URL, &sync.Mutex{})
	mu.(*sync.Mutex).Lock()
	defer mu.(*sync.Mutex).Unlock()
	incidents, err := Read(t.env.RunsDir, m, req.Drill)
	if err != nil {
		return fail(dispatch.Refused, "reading the runs: %v", err)
	}
	base := t.base
	if base == "" {
		base = DefaultBaseURL(m)
	}
	now := t.env.Now()
	files, err := Build(Options{Manual: m, Incidents: incidents, Now: now, BaseURL: base, Drill: req.Drill})
	if err != nil {
		return fail(dispatch.Refused, "building the site: %v", err)
	}
	res, err := Publish(ctx, files, t.cfg.URL, PublishOptions{Now: now})
	if err != nil {
		// Every object written is whole and publishing again rebuilds the
		// same site: a resend can only complete it.
		return fail(dispatch.Safe, "%v", err)
	}
	out.Delivered = 1
	out.ID, out.URL = publishedUpdate(incidents, req, base)
	out.Notes = append(out.Notes, fmt.Sprintf("site published to %s: %d objects written, %d unchanged, %d deleted", t.cfg.URL, res.Written, res.Unchanged, res.Deleted))
	return out, nil
}

// publishedUpdate names the update the send put on the page: its id (the
// same in the feeds) and its link on the locale's page. Empty when the
// announcement is not one the page shows.
func publishedUpdate(incidents []*Incident, req dispatch.Request, base string) (id, link string) {
	for _, inc := range incidents {
		if !strings.HasPrefix(req.Key, inc.RunID+"/") {
			continue
		}
		for _, u := range inc.Updates {
			if _, ok := u.Texts[req.Locale]; ok && strings.HasPrefix(req.Key, inc.RunID+"/"+u.Step+"/"+u.Message+"/") {
				return u.ID, base + req.Locale + "/#u-" + fmt.Sprintf("%s-%d", inc.RunID, u.Seq)
			}
		}
	}
	return "", ""
}

// Check builds nothing and publishes nothing: it says where the site would
// go, which can only be verified by publishing.
func (t *siteTarget) Check(context.Context) dispatch.CheckReport {
	return dispatch.CheckReport{Target: t.cfg.Name, Provider: TargetProvider,
		Verified:   []string{"destination " + redacted(t.cfg.URL)},
		Unverified: []string{"that the store accepts writes: crisis status publish --to " + redacted(t.cfg.URL) + " tries it with the current site"}}
}

// redacted drops a password from a destination URL.
func redacted(to string) string {
	raw := strings.TrimPrefix(to, "git+")
	if u, err := url.Parse(raw); err == nil && u.User != nil {
		return strings.TrimSuffix(to, raw) + u.Redacted()
	}
	return to
}

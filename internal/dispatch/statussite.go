package dispatch

// The status site: crisis's own status page, rebuilt from the runs and
// published to a bucket or a git branch (see internal/statussite). It is
// described here with every other provider, so lint and send know it, and
// implemented in internal/statussite, because it reads the runs and the
// runs' package depends on this one.
func init() {
	register(Provider{Name: SiteProvider, Kinds: []string{StatusPageKind}, Dedup: true, open: openSite})
}

// SiteProvider is the status site's provider name.
const SiteProvider = "statussite"

var siteOpen func(Config, Env) (Target, error)

// ImplementSite is how internal/statussite gives the status site its
// implementation, from its init.
func ImplementSite(open func(Config, Env) (Target, error)) { siteOpen = open }

func openSite(cfg Config, env Env) (Target, error) {
	if siteOpen == nil {
		return nil, errorf(cfg, "this program was built without the status site (internal/statussite)")
	}
	return siteOpen(cfg, env)
}

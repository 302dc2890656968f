package lint

import (
	"fmt"
	"slices"
	"strings"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/suggest"
)

// Config changes rules from their defaults: .crisis.yaml's
// lint: {rules: {CR101: off, CR205: warning}}.
type Config struct {
	// Rules maps a rule id to its severity; 0 turns the rule off.
	Rules map[string]diag.Severity
}

// ParseConfig checks the lint.rules section of the configuration. Unknown
// ids and severities are errors with a suggestion: a typo there would
// otherwise silently keep a rule on (or off).
func ParseConfig(rules map[string]string) (Config, error) {
	cfg := Config{Rules: map[string]diag.Severity{}}
	ids := make([]string, 0, len(rules))
	for id := range rules {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		val := strings.ToLower(strings.TrimSpace(rules[id]))
		up := strings.ToUpper(id)
		if Lookup(up) == nil {
			hint := suggest.Hint(up, IDs())
			if hint == "" {
				hint = "crisis lint --list-rules lists them"
			}
			return cfg, fmt.Errorf("lint.rules: unknown rule %q; %s", up, hint)
		}
		if val == "false" {
			val = "off"
		}
		sev, ok := diag.ParseSeverity(val)
		if !ok {
			return cfg, fmt.Errorf("lint.rules.%s: unknown severity %q; use error, warning, info or off", up, rules[id])
		}
		cfg.Rules[up] = sev
	}
	return cfg, nil
}

// severity is a rule's configured severity, else its default.
func (c Config) severity(id string) diag.Severity {
	if s, ok := c.Rules[id]; ok {
		return s
	}
	if r := Lookup(id); r != nil {
		return r.Meta().Severity
	}
	return diag.Error
}

// apply sets configured severities and drops findings of rules turned off.
// Findings of rules not configured keep their own severity: the loader
// reports some of its rules as warnings.
func (c Config) apply(l diag.List) diag.List {
	if len(c.Rules) == 0 {
		return l
	}
	out := l[:0]
	for _, d := range l {
		if s, ok := c.Rules[d.Rule]; ok {
			if s == 0 {
				continue
			}
			d.Severity = s
		}
		out = append(out, d)
	}
	return out
}

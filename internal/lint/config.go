package lint

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/suggest"
)

// Config changes rules from their defaults: .crisis.yaml's
// lint: {rules: {CR101: off, CR205: warning}}.
type Config struct {
	// Rules maps a rule id to its severity; 0 turns the rule off.
	Rules map[string]diag.Severity
}

// ReadConfig reads the lint section of a configuration file (.crisis.yaml
// or the user's config.yaml): lint: {rules: {CR101: off, CR205: warning}}.
// Other sections are not lint's and are left alone. Every mistake is an
// error at file:line:col with how to fix it: unknown ids and severities
// get a suggestion, since a typo there would otherwise silently keep a
// rule on (or off).
func ReadConfig(file string, data []byte) (Config, error) {
	cfg := Config{Rules: map[string]diag.Severity{}}
	// YAML also breaks lines at a lone carriage return, editors do not:
	// positions stay within the lines an editor shows.
	lines := bytes.Count(data, []byte("\n")) + 1
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg := 1, strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		return cfg, fmt.Errorf("%s:%d:1: invalid YAML: %s", file, min(line, lines), msg)
	}
	at := func(n *yaml.Node, format string, args ...any) error {
		return fmt.Errorf("%s:%d:%d: %s", file, min(n.Line, lines), n.Column, fmt.Sprintf(format, args...))
	}
	if len(doc.Content) == 0 {
		return cfg, nil // an empty file configures nothing
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return cfg, at(root, "the configuration must be key: value lines")
	}
	section := value(root, "lint")
	if section == nil {
		return cfg, nil
	}
	if section.Kind != yaml.MappingNode {
		return cfg, at(section, "lint must be a mapping: lint: {rules: {CR101: off}}")
	}
	rules := value(section, "rules")
	if rules == nil {
		return cfg, nil
	}
	if rules.Kind != yaml.MappingNode {
		return cfg, at(rules, "lint.rules must map rule ids to severities: rules: {CR101: off, CR203: error}")
	}
	for i := 0; i+1 < len(rules.Content); i += 2 {
		k, v := rules.Content[i], rules.Content[i+1]
		up := strings.ToUpper(k.Value)
		if k.Kind != yaml.ScalarNode || Lookup(up) == nil {
			hint := suggest.Hint(up, IDs())
			if hint == "" {
				hint = "crisis lint --list-rules lists them"
			}
			return cfg, at(k, "lint.rules: unknown rule %q; %s", k.Value, hint)
		}
		if _, dup := cfg.Rules[up]; dup {
			return cfg, at(k, "lint.rules: %s is given twice; keep one", up)
		}
		val := strings.ToLower(strings.TrimSpace(v.Value))
		if val == "false" {
			val = "off"
		}
		sev, ok := diag.ParseSeverity(val)
		if v.Kind != yaml.ScalarNode || !ok {
			return cfg, at(v, "lint.rules.%s: unknown severity %q; use error, warning, info or off", up, v.Value)
		}
		cfg.Rules[up] = sev
	}
	return cfg, nil
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// value returns the value of key in a mapping node, nil when absent.
func value(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// severity is a rule's configured severity, else its default.
func (c Config) severity(id string) diag.Severity {
	if r := Lookup(id); r != nil {
		return c.severityOf(r.Meta())
	}
	if s, ok := c.Rules[id]; ok {
		return s
	}
	return diag.Error
}

// severityOf is severity for a rule at hand, without looking it up: the
// engine asks once per rule and playbook.
func (c Config) severityOf(meta Meta) diag.Severity {
	if s, ok := c.Rules[meta.ID]; ok {
		return s
	}
	return meta.Severity
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

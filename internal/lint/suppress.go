package lint

import (
	"bytes"
	"regexp"
	"slices"
	"strings"

	"github.com/crisis-cli/crisis/internal/diag"
)

// Rule ids of the engine's own findings about suppression comments.
const (
	RuleNoReason   = "CR901"
	RuleUnusedIgno = "CR902"
)

// suppression is one `# crisis:ignore ID... -- reason` comment.
type suppression struct {
	pos    diag.Pos
	ids    []string
	reason string
	used   map[string]bool
}

var ignoreMarker = []byte("crisis:ignore")

// ignoreRE matches the comment where YAML starts one: at the start of a line
// or after a space, so "#" inside a URL or a word is left alone.
var ignoreRE = regexp.MustCompile(`(?:^|\s)#\s*crisis:ignore\b(.*)$`)

// scanSuppressions finds every suppression comment in a file.
func scanSuppressions(file string, data []byte) []*suppression {
	if !bytes.Contains(data, ignoreMarker) {
		return nil
	}
	var out []*suppression
	for i, line := range strings.Split(string(data), "\n") {
		m := ignoreRE.FindStringSubmatchIndex(line)
		if m == nil {
			continue
		}
		col := strings.Index(line[m[0]:], "#") + m[0]
		ids, reason, _ := strings.Cut(line[m[2]:m[3]], "--")
		s := &suppression{pos: diag.Pos{File: file, Line: i + 1, Col: len([]rune(line[:col])) + 1},
			reason: strings.TrimSpace(reason), used: map[string]bool{}}
		for _, id := range strings.FieldsFunc(ids, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\r' }) {
			s.ids = append(s.ids, strings.ToUpper(id))
		}
		out = append(out, s)
	}
	return out
}

// covers reports whether s suppresses d: same file, on d's line or the line
// above, naming d's rule.
func (s *suppression) covers(d diag.Diagnostic) bool {
	return s.pos.File == d.Pos.File && (s.pos.Line == d.Pos.Line || s.pos.Line == d.Pos.Line-1) &&
		slices.Contains(s.ids, d.Rule)
}

// applySuppressions drops suppressed findings and reports suppressions
// without a reason or that suppress nothing. Rules that are off are not
// held against a suppression: turning a rule off must not make every
// comment about it a finding.
func applySuppressions(findings diag.List, sups []*suppression, cfg Config) diag.List {
	if len(sups) == 0 {
		return findings
	}
	kept := findings[:0]
	for _, d := range findings {
		suppressed := false
		for _, s := range sups {
			if s.covers(d) && d.Rule != RuleNoReason && d.Rule != RuleUnusedIgno {
				s.used[d.Rule], suppressed = true, true
			}
		}
		if !suppressed {
			kept = append(kept, d)
		}
	}
	for _, s := range sups {
		kept = append(kept, s.problems(cfg)...)
	}
	return kept
}

func (s *suppression) problems(cfg Config) diag.List {
	var out diag.List
	add := func(rule, message, hint string, data args) {
		if sev := cfg.severity(rule); sev != 0 {
			out = append(out, finding(s.pos, rule, sev, message, hint, data))
		}
	}
	if s.reason == "" {
		add(RuleNoReason, "lint.CR901", "lint.CR901.hint", nil)
	}
	if len(s.ids) == 0 {
		add(RuleUnusedIgno, "lint.CR902.norule", "lint.CR902.norule.hint", nil)
	}
	for _, id := range s.ids {
		switch {
		case Lookup(id) == nil:
			if c := closest(id, IDs()); c != "" {
				add(RuleUnusedIgno, "lint.CR902.unknown", "lint.CR902.unknown.hint", args{"Rule": id, "Suggestion": c})
			} else {
				add(RuleUnusedIgno, "lint.CR902.unknown", "lint.CR902.list.hint", args{"Rule": id})
			}
		case cfg.severity(id) == 0 || s.used[id]:
		default:
			add(RuleUnusedIgno, "lint.CR902.unused", "lint.CR902.unused.hint", args{"Rule": id})
		}
	}
	return out
}

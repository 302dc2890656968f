package manual

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/suggest"
)

// decoder turns yaml.v3 nodes of one file into model values, recording every
// problem instead of stopping at the first.
type decoder struct {
	file  string
	diags *diag.List
	// format is the version the file says it is written in (Format10
	// until its header is read): what 1.1 adds is refused in a 1.0 file.
	format string
	// strs shares the short texts (ids, references, keys) decoded by one
	// loader goroutine: a manual names the same channels and roles in
	// every playbook, and one copy of each is held instead of thousands.
	// nil shares nothing.
	strs map[string]string
}

// maxShared bounds the texts shared: ids and keys are short, and hashing
// long texts (instructions, messages) would cost more than it saves.
const maxShared = 40

// share returns the one copy of a short text.
func (d *decoder) share(s string) string {
	if d.strs == nil || len(s) > maxShared {
		return s
	}
	if t, ok := d.strs[s]; ok {
		return t
	}
	d.strs[s] = s
	return s
}

func (d *decoder) pos(n *yaml.Node) Pos {
	if n == nil {
		return Pos{File: d.file}
	}
	return Pos{File: d.file, Line: n.Line, Col: n.Column}
}

func (d *decoder) errorf(n *yaml.Node, rule, hint, format string, args ...any) {
	d.diags.Errorf(d.pos(n), rule, hint, format, args...)
}

// kindName says what a node is, in the words a YAML author uses.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return "a scalar (" + strconv.Quote(n.Value) + ")"
	}
	return "an alias"
}

// object is a YAML mapping checked against the keys a part of the format has.
type object struct {
	d    *decoder
	node *yaml.Node
	what string // as messages name it: "a step", "the manual"
	// pairs holds the known keys present and their values, in the file's
	// order (key, value, key, value...). A mapping has a handful of keys:
	// searching a slice is faster than two maps per mapping, and every
	// playbook has hundreds of mappings.
	pairs []*yaml.Node
	// typos holds the known keys that an unknown key was probably meant
	// to be: "ownr" is reported once, not again as a missing "owner".
	typos map[string]bool
}

// object checks that n is a mapping holding only known keys, reporting
// unknown keys (with a suggestion) and keys written twice.
func (d *decoder) object(n *yaml.Node, what string, known ...string) *object {
	o := &object{d: d, node: n, what: what}
	if n == nil {
		return o
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, RuleType, "write it as key: value lines", "%s must be a mapping, found %s", what, kindName(n))
		return o
	}
	o.pairs = make([]*yaml.Node, 0, len(n.Content))
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, RuleType, "keys are plain words such as title or steps", "a key in %s must be a plain word, found %s", what, kindName(k))
			continue
		}
		if prev := o.key(k.Value); prev != nil {
			d.errorf(k, RuleDuplicate, fmt.Sprintf("remove one of them; the first is at line %d", prev.Line), "key %q is given twice in %s", k.Value, what)
			continue
		}
		if !slices.Contains(known, k.Value) {
			hint := suggest.Hint(k.Value, known)
			if close := suggest.Closest(k.Value, known); len(close) == 1 {
				if o.typos == nil {
					o.typos = map[string]bool{}
				}
				o.typos[close[0]] = true
			}
			if hint == "" {
				hint = "the keys of " + what + " are: " + strings.Join(known, ", ")
			}
			d.errorf(k, RuleUnknownKey, hint, "unknown key %q in %s", k.Value, what)
			continue
		}
		o.pairs = append(o.pairs, k, v)
	}
	return o
}

// key returns the node of a known key present, nil when absent.
func (o *object) key(name string) *yaml.Node {
	for i := 0; i+1 < len(o.pairs); i += 2 {
		if o.pairs[i].Value == name {
			return o.pairs[i]
		}
	}
	return nil
}

// value returns the value of a known key present, nil when absent.
func (o *object) value(name string) *yaml.Node {
	for i := 0; i+1 < len(o.pairs); i += 2 {
		if o.pairs[i].Value == name {
			return o.pairs[i+1]
		}
	}
	return nil
}

// get returns the value of key, reporting it as missing when required.
func (o *object) get(key string, required bool) *yaml.Node {
	v := o.value(key)
	if v == nil && required && o.node != nil && o.node.Kind == yaml.MappingNode && !o.typos[key] {
		o.d.errorf(o.node, RuleMissing, missingHint(o.what, key), "missing required key %q", key)
	}
	if v != nil && v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		if required {
			o.d.errorf(v, RuleMissing, "give "+key+" a value", "key %q is empty", key)
		}
		return nil
	}
	return v
}

// at records the position of every value present, keyed by its key.
func (o *object) at() map[string]Pos {
	m := make(map[string]Pos, len(o.pairs)/2)
	for i := 0; i+1 < len(o.pairs); i += 2 {
		m[o.d.share(o.pairs[i].Value)] = o.d.pos(o.pairs[i+1])
	}
	return m
}

// scalar returns the text of a scalar node, reporting any other shape.
func (d *decoder) scalar(n *yaml.Node, what string) (string, bool) {
	if n == nil {
		return "", false
	}
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, RuleType, "write a single value on the same line", "%s must be a single value, found %s", what, kindName(n))
		return "", false
	}
	d.checkControl(n)
	return d.share(n.Value), true
}

func (o *object) str(key string, required bool) string {
	s, _ := o.d.scalar(o.get(key, required), key)
	return s
}

func (o *object) integer(key string) int {
	n := o.get(key, false)
	s, ok := o.d.scalar(n, key)
	if !ok {
		return 0
	}
	i, err := strconv.Atoi(s)
	if err != nil || i < 0 {
		o.d.errorf(n, RuleType, "write a whole number such as 3", "%s must be a whole number, found %q", key, s)
		return 0
	}
	return i
}

func (o *object) boolean(key string) bool {
	n := o.get(key, false)
	s, ok := o.d.scalar(n, key)
	if !ok {
		return false
	}
	switch strings.ToLower(s) {
	case "true", "yes":
		return true
	case "false", "no":
		return false
	}
	o.d.errorf(n, RuleType, "write true or false", "%s must be true or false, found %q", key, s)
	return false
}

func (o *object) oneOf(key string, required bool, def string, allowed ...string) string {
	n := o.get(key, required)
	s, ok := o.d.scalar(n, key)
	if !ok {
		return def
	}
	if !slices.Contains(allowed, s) {
		hint := suggest.Hint(s, allowed)
		if hint == "" {
			hint = "use one of: " + strings.Join(allowed, ", ")
		}
		o.d.errorf(n, RuleType, hint, "%s %q is not one of %s", key, s, strings.Join(allowed, ", "))
		return def
	}
	return s
}

var durationRE = regexp.MustCompile(`^(\d+)(s|m|h|d)$`)

// parseDuration reads the manual's durations: a whole number and one unit.
// Days are allowed because review and drill intervals are written in days.
func parseDuration(s string) (time.Duration, bool) {
	m := durationRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, false
	}
	n, err := strconv.Atoi(m[1])
	if err != nil || n > 100000 {
		return 0, false
	}
	unit := map[string]time.Duration{"s": time.Second, "m": time.Minute, "h": time.Hour, "d": 24 * time.Hour}[m[2]]
	return time.Duration(n) * unit, true
}

func (o *object) duration(key string, required bool) time.Duration {
	n := o.get(key, required)
	s, ok := o.d.scalar(n, key)
	if !ok {
		return 0
	}
	dur, ok := parseDuration(s)
	if !ok {
		o.d.errorf(n, RuleType, "write a number and a unit: 90s, 15m, 6h or 180d", "%s %q is not a duration", key, s)
	}
	return dur
}

func (o *object) date(key string, required bool) time.Time {
	n := o.get(key, required)
	s, ok := o.d.scalar(n, key)
	if !ok {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		o.d.errorf(n, RuleType, "write the date as YYYY-MM-DD, e.g. 2026-09-14", "%s %q is not a date", key, s)
	}
	return t
}

var idRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// ref reads a reference to an id declared elsewhere.
func (d *decoder) ref(n *yaml.Node, what string) Ref {
	s, ok := d.scalar(n, what)
	if !ok {
		return Ref{}
	}
	return Ref{ID: s, Pos: d.pos(n)}
}

func (o *object) ref(key string, required bool) Ref {
	return o.d.ref(o.get(key, required), key)
}

// list returns the items of a sequence; a single scalar is refused rather
// than silently taken as a one-item list, so "channels: x" is caught.
func (o *object) list(key string, required bool) []*yaml.Node {
	n := o.get(key, required)
	if n == nil {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		o.d.errorf(n, RuleType, "write a list: "+key+": [a, b] or one '- item' per line", "%s must be a list, found %s", key, kindName(n))
		return nil
	}
	if required && len(n.Content) == 0 {
		o.d.errorf(n, RuleMissing, "add at least one item", "%s is empty", key)
	}
	return n.Content
}

func (o *object) refs(key string, required bool) []Ref {
	list := o.list(key, required)
	if len(list) == 0 {
		return nil
	}
	out := make([]Ref, 0, len(list)) // sized once: a manual holds thousands
	for _, n := range list {
		if r := o.d.ref(n, key+" item"); r.ID != "" {
			out = append(out, r)
		}
	}
	return out
}

func (o *object) strings(key string) []string {
	var out []string
	for _, n := range o.list(key, false) {
		if s, ok := o.d.scalar(n, key+" item"); ok {
			out = append(out, s)
		}
	}
	return out
}

// id reads an identifier and checks its spelling, so ids stay typeable on a
// command line and usable in file names.
func (o *object) id(key string) string {
	n := o.get(key, true)
	s, ok := o.d.scalar(n, key)
	if ok && !idRE.MatchString(s) {
		o.d.errorf(n, RuleType, "use lowercase letters, digits and dashes, e.g. store-closure", "id %q has characters an id cannot have", s)
	}
	return s
}

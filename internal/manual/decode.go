package manual

import (
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
	strs *texts
	// blk holds the blocks the small slices the decoder keeps are taken
	// from (see blocks), shared by the decoders of one loader goroutine.
	// nil: the decoder's own.
	blk *blocks
}

// maxShared bounds the texts shared: ids and keys are short, and hashing
// long texts (instructions, messages) would cost more than it saves.
const maxShared = 40

// texts holds the one copy of each short text a loader goroutine has
// decoded. A manual of 1,000 playbooks has some 800 distinct ones, each
// read a hundred times: recent, indexed by a hash of a text's length and
// three of its bytes, finds most of them with one comparison, faster
// than hashing the whole text for the map.
type texts struct {
	all    map[string]string
	recent [256]string
}

func newTexts() *texts { return &texts{all: map[string]string{}} }

// share returns the one copy of a short text.
func (d *decoder) share(s string) string {
	if d.strs == nil || len(s) > maxShared || s == "" {
		return s
	}
	h := (uint(len(s))*131 + uint(s[0])*31 + uint(s[len(s)/2])*7 + uint(s[len(s)-1])) % uint(len(d.strs.recent))
	if t := d.strs.recent[h]; t == s {
		return t
	}
	t, ok := d.strs.all[s]
	if !ok {
		d.strs.all[s] = s
		t = s
	}
	d.strs.recent[h] = t
	return t
}

func (d *decoder) pos(n *yaml.Node) Pos {
	if n == nil {
		return Pos{File: d.file}
	}
	return Pos{File: d.file, Line: n.Line, Col: n.Column}
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
	// known is the keys this part of the format has, as the decoder
	// spells them: Positions keep indexes into it.
	known []string
	// typos holds the known keys that an unknown key was probably meant
	// to be: "ownr" is reported once, not again as a missing "owner".
	typos map[string]bool
}

// object checks that n is a mapping holding only known keys, reporting
// unknown keys (with a suggestion) and keys written twice.
//
// It returns the object itself, not a pointer: a manual has some 40 mappings
// per playbook, and an object kept on the decoding function's stack is one
// allocation fewer for each.
func (d *decoder) object(n *yaml.Node, what string, known ...string) (o object) {
	o = object{d: d, node: n, what: what, known: known}
	if n == nil {
		return o
	}
	if n.Kind != yaml.MappingNode {
		d.report(n, RuleType, say("loader.not-mapping", args{"What": subject(what), "Found": kindOf(n)}), say("loader.not-mapping.hint", nil))
		return o
	}
	if plain(n.Content, known) {
		// The usual case: nothing to report and nothing to drop, so the
		// mapping's own list serves, one allocation fewer per mapping.
		o.pairs = n.Content[: len(n.Content)&^1 : len(n.Content)&^1]
		return o
	}
	o.pairs = make([]*yaml.Node, 0, len(n.Content))
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.report(k, RuleType, say("loader.key-not-word", args{"In": inside(what), "Found": kindOf(k)}), say("loader.key-not-word.hint", nil))
			continue
		}
		if prev := o.key(k.Value); prev != nil {
			d.report(k, RuleDuplicate, say("loader.duplicate-key", args{"Key": q(k.Value), "In": inside(what)}), say("loader.duplicate-key.hint", args{"Line": prev.Line}))
			continue
		}
		if !slices.Contains(known, k.Value) {
			hint := didYouMean(k.Value, known)
			if close := suggest.Closest(k.Value, known); len(close) == 1 {
				if o.typos == nil {
					o.typos = map[string]bool{}
				}
				o.typos[close[0]] = true
			}
			hint = orElse(hint, say("loader.unknown-key.hint", args{"What": subject(what), "In": inside(what), "Keys": strings.Join(known, ", ")}))
			d.report(k, RuleUnknownKey, say("loader.unknown-key", args{"Key": q(k.Value), "In": inside(what)}), hint)
			continue
		}
		o.pairs = append(o.pairs, k, v)
	}
	return o
}

// plain tells whether every key of a mapping's content is a known word
// written once, so that object has nothing to report or leave out.
func plain(content []*yaml.Node, known []string) bool {
	for i := 0; i+1 < len(content); i += 2 {
		k := content[i]
		if k.Kind != yaml.ScalarNode || !slices.Contains(known, k.Value) {
			return false
		}
		for j := 0; j < i; j += 2 {
			if content[j].Value == k.Value {
				return false
			}
		}
	}
	return true
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
		o.d.report(o.node, RuleMissing, say("loader.missing-key", args{"Key": q(key)}), missingHint(o.what, key))
	}
	if v != nil && v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		if required {
			o.d.report(v, RuleMissing, say("loader.empty-key", args{"Key": q(key)}), say("loader.empty-key.hint", args{"Name": key}))
		}
		return nil
	}
	return v
}

// scalar returns the text of a scalar node, reporting any other shape.
func (d *decoder) scalar(n *yaml.Node, what string) (string, bool) {
	if n == nil {
		return "", false
	}
	if n.Kind != yaml.ScalarNode {
		d.report(n, RuleType, say("loader.not-scalar", args{"What": subject(what), "Found": kindOf(n)}), say("loader.not-scalar.hint", nil))
		return "", false
	}
	d.checkControl(n)
	return d.share(n.Value), true
}

// item returns the text of an item of the list under key, reporting any
// other shape as a "KEY item". scalar names what it reads only in that
// report, so the name is built for an item that is not a text alone,
// rather than once per list: lists are most of a manual's values.
func (d *decoder) item(n *yaml.Node, key string) (string, bool) {
	if n != nil && n.Kind != yaml.ScalarNode {
		return d.scalar(n, key+" item")
	}
	return d.scalar(n, key)
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
		o.d.report(n, RuleType, say("loader.not-integer", args{"Key": key, "Value": q(s)}), say("loader.not-integer.hint", nil))
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
	o.d.report(n, RuleType, say("loader.not-boolean", args{"Key": key, "Value": q(s)}), say("loader.not-boolean.hint", nil))
	return false
}

func (o *object) oneOf(key string, required bool, def string, allowed ...string) string {
	n := o.get(key, required)
	s, ok := o.d.scalar(n, key)
	if !ok {
		return def
	}
	if !slices.Contains(allowed, s) {
		list := strings.Join(allowed, ", ")
		hint := orElse(didYouMean(s, allowed), say("loader.use-one-of", args{"List": list}))
		o.d.report(n, RuleType, say("loader.not-one-of", args{"Key": key, "Value": q(s), "List": list}), hint)
		return def
	}
	return s
}

// maxDurationCount bounds the number of a duration: no review, drill or
// deadline of a manual is 100,000 units long, and the bound keeps the
// product far from overflowing.
const maxDurationCount = 100000

// parseDuration reads the manual's durations: a whole number and one unit
// (s, m, h or d), spaces around them allowed. Days are allowed because
// review and drill intervals are written in days. Hours and minutes (1h30m,
// 9h05m) are allowed because crisis writes a duration past an hour so
// (FormatDuration), and what lint quotes can be pasted back. Read by hand
// rather than by a regular expression: every step, cadence and inject of
// every playbook has one, and the expression's match was a tenth of decoding.
func parseDuration(s string) (time.Duration, bool) {
	s = strings.TrimSpace(s)
	if h, m, ok := strings.Cut(s, "h"); ok && m != "" {
		return parseHoursMinutes(h, m)
	}
	if len(s) < 2 {
		return 0, false
	}
	var unit time.Duration
	switch s[len(s)-1] {
	case 's':
		unit = time.Second
	case 'm':
		unit = time.Minute
	case 'h':
		unit = time.Hour
	case 'd':
		unit = 24 * time.Hour
	default:
		return 0, false
	}
	n, ok := durationCount(s[:len(s)-1])
	return time.Duration(n) * unit, ok
}

func (o *object) duration(key string, required bool) time.Duration {
	n := o.get(key, required)
	s, ok := o.d.scalar(n, key)
	if !ok {
		return 0
	}
	dur, ok := parseDuration(s)
	if !ok {
		o.d.report(n, RuleType, say("loader.not-duration", args{"Key": key, "Value": q(s)}), say("loader.not-duration.hint", nil))
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
		o.d.report(n, RuleType, say("loader.not-date", args{"Key": key, "Value": q(s)}), say("loader.not-date.hint", nil))
	}
	return t
}

// isID tells whether s is spelt as an id: a lower-case letter or digit,
// then lower-case letters, digits and hyphens (`^[a-z0-9][a-z0-9-]*$`).
// Checked by hand rather than by a regular expression: every id and
// every file name of a manual is checked, and the expression's match
// was a tenth of decoding a playbook.
func isID(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' && i > 0:
		default:
			return false
		}
	}
	return s != ""
}

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
		o.d.report(n, RuleType, say("loader.not-list", args{"Key": key, "Found": kindOf(n)}), say("loader.not-list.hint", args{"Key": key}))
		return nil
	}
	if required && len(n.Content) == 0 {
		o.d.report(n, RuleMissing, say("loader.empty-list", args{"Key": key}), say("loader.empty-list.hint", nil))
	}
	return n.Content
}

func (o *object) refs(key string, required bool) []Ref {
	list := o.list(key, required)
	if len(list) == 0 {
		return nil
	}
	b := &o.d.blocks().refs
	start := reserve(b, len(list), refBlock)
	for _, n := range list {
		if s, ok := o.d.item(n, key); ok && s != "" {
			*b = append(*b, Ref{ID: s, Pos: o.d.pos(n)})
		}
	}
	return since(*b, start)
}

func (o *object) strings(key string) []string {
	list := o.list(key, false)
	if len(list) == 0 {
		return nil
	}
	b := &o.d.blocks().texts
	start := reserve(b, len(list), textBlock)
	for _, n := range list {
		if s, ok := o.d.item(n, key); ok {
			*b = append(*b, s)
		}
	}
	if len(*b) == start {
		return nil // as before blocks: no text read, no list
	}
	return since(*b, start)
}

// id reads an identifier and checks its spelling, so ids stay typeable on a
// command line and usable in file names.
func (o *object) id(key string) string {
	n := o.get(key, true)
	s, ok := o.d.scalar(n, key)
	if ok && !isID(s) {
		o.d.report(n, RuleType, say("loader.bad-id", args{"Value": q(s)}), say("loader.bad-id.hint", nil))
	}
	return s
}

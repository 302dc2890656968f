package manual

import (
	"gopkg.in/yaml.v3"

	"github.com/crisis-cli/crisis/internal/lang"
)

// idMap is what differs between the mappings keyed by id that the format
// has (a translation's steps, a step's option titles, a translation's
// variables, a market's values, ...): what a key is called and the
// findings for a mapping of another shape, a malformed id and an id
// written twice. decoder.ids reads them all the same way, so that a
// mistake in one reads as the same mistake in another.
type idMap struct {
	// key is what a key is, as the finding for a key that is not a word
	// names it: "an option id".
	key string
	// shape is the finding for a node that is not a mapping, given what
	// it is instead.
	shape func(found *lang.Error) (message, hint *lang.Error)
	// check is the finding for a malformed id, nil for a good one. A nil
	// check takes every word.
	check func(id string) (message, hint *lang.Error)
	// twice is the finding for an id read before, at first.
	twice func(id string, first Pos) (message, hint *lang.Error)
	// seen is where each id was read. Given, it spans several mappings
	// (a translation's steps: and follow_up: share their ids); nil, the
	// ids of this mapping alone.
	seen map[string]Pos
}

// ids reads the mapping n (not nil) keyed by id. Each key must be a word,
// pass m.check and not be an id read before, in that order; a key that
// does not is reported where it stands and its pair skipped. read is given
// the others and tells whether it read the value: only an id whose value
// was read counts as read, so that an id written again after a value of
// the wrong shape is read then rather than reported as written twice. A
// node that is not a mapping is reported (m.shape) and ids returns false.
func (d *decoder) ids(n *yaml.Node, m idMap, read func(k, v *yaml.Node, id string) bool) bool {
	if n.Kind != yaml.MappingNode {
		message, hint := m.shape(kindOf(n))
		d.report(n, RuleType, message, hint)
		return false
	}
	if m.seen == nil {
		m.seen = map[string]Pos{}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		id, ok := d.scalar(k, m.key)
		if !ok {
			continue
		}
		if m.check != nil {
			if message, hint := m.check(id); message != nil {
				d.report(k, RuleType, message, hint)
				continue
			}
		}
		if first, dup := m.seen[id]; dup {
			message, hint := m.twice(id, first)
			d.report(k, RuleDuplicate, message, hint)
			continue
		}
		if read(k, v, id) {
			m.seen[id] = d.pos(k)
		}
	}
	return true
}

// badID is the check of a mapping keyed by ids (isID): "loader.bad-id"
// with hint, which says what the id names.
func badID(hint string) func(id string) (*lang.Error, *lang.Error) {
	return func(id string) (*lang.Error, *lang.Error) {
		if isID(id) {
			return nil, nil
		}
		return say("loader.bad-id", args{"Value": q(id)}), say(hint, nil)
	}
}

// firstAt is the finding for an id written twice that names where it was
// first: message, with the id quoted as name, and "loader.first-at.hint".
func firstAt(message, name string) func(id string, first Pos) (*lang.Error, *lang.Error) {
	return func(id string, first Pos) (*lang.Error, *lang.Error) {
		return say(message, args{name: q(id)}), say("loader.first-at.hint", args{"Pos": first.String()})
	}
}

// badVarName is the check of a mapping keyed by variable names: message,
// with the name, and its hint (message + ".hint").
func badVarName(message string) func(name string) (*lang.Error, *lang.Error) {
	return func(name string) (*lang.Error, *lang.Error) {
		if varNameRE.MatchString(name) {
			return nil, nil
		}
		return say(message, args{"Name": q(name)}), say(message+".hint", nil)
	}
}

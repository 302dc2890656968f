package manual

import (
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/crisis-cli/crisis/internal/channel"
	"github.com/crisis-cli/crisis/internal/suggest"
)

// PluralForms are the CLDR plural categories a go-i18n message may hold.
var PluralForms = []string{"zero", "one", "two", "few", "many", "other"}

// messageKeys are go-i18n's reserved keys: a mapping holding any of them is
// a message, any other mapping nests ids (holding: {sms: ...} is holding.sms).
var messageKeys = append([]string{"id", "description", "hash", "leftdelim", "rightdelim"}, PluralForms...)

func isMessage(n *yaml.Node) bool {
	if n.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i < len(n.Content); i += 2 {
		if slices.Contains(messageKeys, n.Content[i].Value) {
			return true
		}
	}
	return false
}

// decodeTemplates reads a go-i18n message file, nested or flat.
func (d *decoder) decodeTemplates(root *yaml.Node, t *TemplateFile) {
	t.Pos = d.pos(root)
	if root.Kind != yaml.MappingNode {
		d.errorf(root, RuleType, "a message file maps message ids to texts (see docs/format.md)", "the message file must be a mapping, found %s", kindName(root))
		return
	}
	seen := map[string]Pos{}
	d.walkTemplates(root, "", t, seen)
}

func (d *decoder) walkTemplates(n *yaml.Node, prefix string, t *TemplateFile, seen map[string]Pos) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		id := k.Value
		if prefix != "" {
			id = prefix + "." + k.Value
		}
		switch {
		case v.Kind == yaml.ScalarNode:
			d.checkControl(v)
			d.addMessage(t, seen, &Message{ID: id, Forms: map[string]string{"other": v.Value},
				Pos: d.pos(k), FormPos: map[string]Pos{"other": d.pos(v)}})
		case isMessage(v):
			d.addMessage(t, seen, d.decodeMessage(id, k, v))
		case v.Kind == yaml.MappingNode:
			d.walkTemplates(v, id, t, seen)
		default:
			d.errorf(v, RuleType, "give the message a text, or other: ... with plural forms", "message %q must be a text or a mapping, found %s", id, kindName(v))
		}
	}
}

func (d *decoder) decodeMessage(id string, k, v *yaml.Node) *Message {
	o := d.object(v, "message "+id, messageKeys...)
	m := &Message{ID: id, Description: o.str("description", false), Hash: o.str("hash", false),
		Forms: map[string]string{}, FormPos: map[string]Pos{}, Pos: d.pos(k)}
	for _, form := range PluralForms {
		if n := o.get(form, false); n != nil {
			if s, ok := d.scalar(n, form); ok {
				m.Forms[form] = s
				m.FormPos[form] = d.pos(n)
			}
		}
	}
	if _, ok := m.Forms["other"]; !ok {
		var found []string
		for _, form := range PluralForms {
			if _, ok := m.Forms[form]; ok {
				found = append(found, form+":")
			}
		}
		msg := fmt.Sprintf("message %q has no other: text", id)
		if len(found) > 0 {
			msg = fmt.Sprintf("message %q has %s but no other: text", id, strings.Join(found, " and "))
		}
		d.errorf(k, RuleMissing, "every message needs an other: form, the one CLDR falls back to", "%s", msg)
	}
	return m
}

// addMessage checks the id against the naming scheme message.variant[.part]
// and records it.
func (d *decoder) addMessage(t *TemplateFile, seen map[string]Pos, m *Message) {
	if prev, dup := seen[m.ID]; dup {
		d.diags.Errorf(m.Pos, RuleDuplicate, "remove one of them; the first is at "+prev.String(), "message %q is given twice", m.ID)
		return
	}
	seen[m.ID] = m.Pos
	name, variant, part := SplitID(m.ID)
	switch {
	case !idRE.MatchString(name):
		d.diags.Errorf(m.Pos, RuleType, "use lowercase letters, digits and dashes", "message id %q has characters an id cannot have", name)
	case variant == "":
		d.diags.Errorf(m.Pos, RuleType, "put the text under a variant: "+name+": {default: {other: ...}}",
			"message %q has no variant; write its text under default: or a channel kind", name)
	case variant != GenericVariant && !KnownKind(variant):
		d.diags.Errorf(m.Pos, RuleType, suggest.Hint(variant, append([]string{GenericVariant}, channel.Kinds()...)),
			"message %q: %q is not a channel kind nor default", name, variant)
	case strings.Contains(part, ".") || (part != "" && !slices.Contains(Parts, part)):
		hint := suggest.Hint(part, append(append([]string{}, Parts...), PluralForms...))
		if hint == "" {
			hint = "parts are " + strings.Join(Parts, ", ")
		}
		d.diags.Errorf(m.Pos, RuleType, hint, "message %q: %q is not a part of a variant", name, part)
	}
	t.Messages = append(t.Messages, m)
}

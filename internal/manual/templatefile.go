package manual

import (
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/crisis-cli/crisis/internal/channel"
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
		d.report(root, RuleType, say("loader.messages-not-mapping", args{"Found": kindOf(root)}), say("loader.messages-not-mapping.hint", nil))
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
			d.report(v, RuleType, say("loader.message-shape", args{"ID": q(id), "Found": kindOf(v)}), say("loader.message-shape.hint", nil))
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
		msg := say("loader.no-other", args{"ID": q(id)})
		if len(found) > 0 {
			msg = say("loader.no-other.but", args{"ID": q(id), "Forms": andList(found)})
		}
		d.report(k, RuleMissing, msg, say("loader.no-other.hint", nil))
	}
	return m
}

// addMessage checks the id against the naming scheme message.variant[.part]
// and records it.
func (d *decoder) addMessage(t *TemplateFile, seen map[string]Pos, m *Message) {
	if prev, dup := seen[m.ID]; dup {
		report(d.diags, m.Pos, RuleDuplicate, say("loader.message-twice", args{"ID": q(m.ID)}), say("loader.first-at.hint", args{"Pos": prev.String()}))
		return
	}
	seen[m.ID] = m.Pos
	name, variant, part := SplitID(m.ID)
	switch {
	case !isID(name):
		report(d.diags, m.Pos, RuleType, say("loader.message-id", args{"ID": q(name)}), say("loader.message-id.hint", nil))
	case variant == "":
		report(d.diags, m.Pos, RuleType, say("loader.no-variant", args{"ID": q(name)}), say("loader.no-variant.hint", args{"Name": name}))
	case variant != GenericVariant && !KnownKind(variant):
		report(d.diags, m.Pos, RuleType, say("loader.variant", args{"ID": q(name), "Variant": q(variant)}),
			didYouMean(variant, append([]string{GenericVariant}, channel.Kinds()...)))
	case strings.Contains(part, ".") || (part != "" && !slices.Contains(Parts, part)):
		hint := orElse(didYouMean(part, append(append([]string{}, Parts...), PluralForms...)), say("loader.parts", args{"List": strings.Join(Parts, ", ")}))
		report(d.diags, m.Pos, RuleType, say("loader.part", args{"ID": q(name), "Part": q(part)}), hint)
	}
	t.Messages = append(t.Messages, m)
}

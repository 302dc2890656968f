package genmanual

import (
	"bytes"
	"strings"

	"gopkg.in/yaml.v3"
)

// The generator builds yaml.v3 node trees rather than text, so quoting
// (texts with ": ", "#", leading "{{" ...) is always right and the files
// read as a person would write them: block mappings, flow lists for short
// id lists, literal blocks for multi-line instructions and e-mails.

// mapping is an ordered YAML mapping under construction.
type mapping struct{ node *yaml.Node }

func newMapping() mapping { return mapping{&yaml.Node{Kind: yaml.MappingNode}} }

// flowMapping is written on one line: {via: phone, value: "+34 ..."}.
func newFlowMapping() mapping {
	return mapping{&yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}}
}

func (m mapping) set(key string, v *yaml.Node) mapping {
	m.node.Content = append(m.node.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, v)
	return m
}

func (m mapping) str(key, s string) mapping { return m.set(key, str(s)) }

// raw sets a value whose YAML type is meant to be resolved (numbers,
// dates, durations), written plain.
func (m mapping) raw(key, s string) mapping {
	return m.set(key, &yaml.Node{Kind: yaml.ScalarNode, Value: s})
}

func (m mapping) ids(key string, ids ...string) mapping { return m.set(key, flowList(ids...)) }

// str is a string scalar; multi-line texts become literal blocks.
func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.Contains(s, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
}

func flowList(items ...string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, s := range items {
		n.Content = append(n.Content, str(s))
	}
	return n
}

func blockList(items ...*yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.SequenceNode, Content: items}
}

func strList(items ...string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode}
	for _, s := range items {
		n.Content = append(n.Content, str(s))
	}
	return n
}

// encode writes a document with a leading comment, indented by two spaces
// like the example manual.
func encode(comment string, root mapping) ([]byte, error) {
	root.node.HeadComment = comment
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(root.node); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

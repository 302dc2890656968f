package manual

import (
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/crisis-cli/crisis/internal/diag"
)

// checkNodes reports the first alias in the file's order, however deep,
// and the node that passes the bound on a document's nodes.
func TestCheckNodesOrder(t *testing.T) {
	var diags diag.List
	doc, err := parseNode("a:\n  - &one x\n  - [y, *one]\nb: &two c\nd: *two\n")
	if err != nil {
		t.Fatal(err)
	}
	if checkNodes("f.yaml", doc, &diags) || len(diags) != 1 || diags[0].Pos.String() != "f.yaml:3:9" {
		t.Errorf("got %v, want the alias *one at f.yaml:3:9", diags)
	}

	list := &yaml.Node{Kind: yaml.SequenceNode, Line: 1, Column: 1}
	for i := range maxNodes {
		list.Content = append(list.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "a", Line: i + 1, Column: 3})
	}
	diags = nil
	// The document node, the list, then its items: item 199,998 (from
	// 0) is node 200,001, the first past the bound, on line 199,999.
	if checkNodes("f.yaml", &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{list}}, &diags) ||
		len(diags) != 1 || diags[0].Pos.String() != "f.yaml:199999:3" {
		t.Errorf("got %v, want one finding at f.yaml:199999:3", diags)
	}
}

// parseNode parses a document into nodes, its aliases left as written.
func parseNode(src string) (*yaml.Node, error) {
	var doc yaml.Node
	err := yaml.Unmarshal([]byte(src), &doc)
	return &doc, err
}

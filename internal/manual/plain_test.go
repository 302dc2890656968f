package manual

import (
	"testing"

	"gopkg.in/yaml.v3"
)

// plain lets object reuse a mapping's own list only when nothing in it is
// to be reported or left out.
func TestPlainMapping(t *testing.T) {
	known := []string{"id", "owner", "steps"}
	for _, c := range []struct {
		src  string
		want bool
	}{
		{"id: a\nowner: b\n", true},
		{"{}", true},
		{"id: a\nid: b\n", false},        // written twice
		{"id: a\nownr: b\n", false},      // unknown
		{"id: a\n[x]: b\n", false},       // not a word
		{"id: &k a\n*k : b\n", false},    // an alias as a key
		{"steps: [a]\nowner: b\n", true}, // order does not matter
	} {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(c.src), &doc); err != nil {
			t.Fatalf("%q: %v", c.src, err)
		}
		if got := plain(doc.Content[0].Content, known); got != c.want {
			t.Errorf("plain(%q) = %v, want %v", c.src, got, c.want)
		}
	}
}

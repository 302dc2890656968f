package schema

import (
	"encoding/json"
	"io/fs"
	"net/url"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Editors show a property's description on hover and offer its examples
// (and enum values) on completion. These tests keep every property
// described and every example valid against the property it illustrates:
// a completion that the same schema then underlines would teach a mistake.
func TestPropertiesAreDescribedAndExamplesValid(t *testing.T) {
	names, err := fs.Glob(FS, "*.schema.json")
	if err != nil || len(names) != 4 {
		t.Fatalf("schemas: %v %v", names, err)
	}
	for _, name := range names {
		data, err := fs.ReadFile(FS, name)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		abs, err := filepath.Abs(name)
		if err != nil {
			t.Fatal(err)
		}
		c := jsonschema.NewCompiler()
		c.DefaultDraft(jsonschema.Draft2020)
		c.AssertFormat()
		examples := 0
		walkProperties(doc, "", func(ptr string, prop map[string]any) {
			if _, ok := prop["$ref"]; !ok && prop["description"] == nil {
				t.Errorf("%s#%s has no description to show on hover", name, ptr)
			}
			list, _ := prop["examples"].([]any)
			if len(list) == 0 {
				return
			}
			sch, err := c.Compile("file://" + filepath.ToSlash(abs) + "#" + escapePtr(ptr))
			if err != nil {
				t.Fatalf("%s#%s: %v", name, ptr, err)
			}
			for _, ex := range list {
				examples++
				if err := sch.Validate(ex); err != nil {
					t.Errorf("%s#%s: example %v is invalid: %v", name, ptr, ex, err)
				}
			}
		})
		if examples < 5 {
			t.Errorf("%s has %d examples; completion needs them", name, examples)
		}
	}
}

// walkProperties calls fn for every schema under a "properties" keyword,
// with its JSON pointer.
func walkProperties(n any, ptr string, fn func(string, map[string]any)) {
	switch v := n.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			child := ptr + "/" + strings.NewReplacer("~", "~0", "/", "~1").Replace(k)
			if k == "properties" {
				if props, ok := v[k].(map[string]any); ok {
					for pk, pv := range props {
						if m, ok := pv.(map[string]any); ok {
							p := child + "/" + strings.NewReplacer("~", "~0", "/", "~1").Replace(pk)
							fn(p, m)
						}
					}
				}
			}
			walkProperties(v[k], child, fn)
		}
	case []any:
		for i, x := range v {
			walkProperties(x, ptr+"/"+strconv.Itoa(i), fn)
		}
	}
}

func escapePtr(ptr string) string { return (&url.URL{Fragment: ptr}).EscapedFragment() }

package manual

import (
	"io/fs"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"gopkg.in/yaml.v3"
)

// exampleCase puts a key's example in place in the built-in manual: the
// mapping reached by path (keys and list indexes) in file.
type exampleCase struct {
	entry string // the key of examples
	file  string
	path  []string
}

var exampleCases = []exampleCase{
	{"crisis", "playbooks/website-down.en.yaml", nil}, // a file still in format 1.0: the example is 1
	{"the manual/kind", "playbooks/manual.yaml", nil},
	{"a playbook/kind", "playbooks/facebook-down.yaml", nil},
	{"a channel/kind", "playbooks/manual.yaml", []string{"channels", "0"}},
	{"organisation", "playbooks/manual.yaml", nil},
	{"version", "playbooks/manual.yaml", nil},
	{"timezone", "playbooks/manual.yaml", nil},
	{"locales", "playbooks/manual.yaml", nil},
	{"default", "playbooks/manual.yaml", []string{"locales"}},
	{"approval", "playbooks/manual.yaml", nil},
	{"approved_by", "playbooks/manual.yaml", []string{"approval"}},
	{"approved_on", "playbooks/manual.yaml", []string{"approval"}},
	{"review_every", "playbooks/manual.yaml", []string{"approval"}},
	{"the manual/audiences", "playbooks/manual.yaml", nil},
	{"audiences", "playbooks/facebook-down.yaml", []string{"updates", "0"}},
	{"the manual/domains", "playbooks/manual.yaml", nil},
	{"the manual/channels", "playbooks/manual.yaml", nil},
	{"channels", "playbooks/facebook-down.yaml", []string{"updates", "0"}},
	{"roles", "playbooks/manual.yaml", nil},
	{"people", "playbooks/manual.yaml", nil},
	{"id", "playbooks/facebook-down.yaml", []string{"steps", "0"}},
	{"domain", "playbooks/manual.yaml", []string{"channels", "0"}},
	{"person", "playbooks/manual.yaml", []string{"roles", "0"}},
	{"name", "playbooks/manual.yaml", []string{"people", "0"}},
	{"contacts", "playbooks/manual.yaml", []string{"people", "0"}},
	{"via", "playbooks/manual.yaml", []string{"people", "0", "contacts", "0"}},
	{"value", "playbooks/manual.yaml", []string{"people", "0", "contacts", "0"}},
	{"a variable/name", "playbooks/facebook-down.yaml", []string{"variables", "0"}},
	{"description", "playbooks/facebook-down.yaml", []string{"variables", "0"}},
	{"example", "playbooks/facebook-down.yaml", []string{"variables", "0"}},
	{"title", "playbooks/facebook-down.yaml", nil},
	{"a step/title", "playbooks/facebook-down.yaml", []string{"steps", "0"}},
	{"severity", "playbooks/facebook-down.yaml", nil},
	{"detection", "playbooks/facebook-down.yaml", nil},
	{"down", "playbooks/facebook-down.yaml", nil},
	{"fallbacks", "playbooks/facebook-down.yaml", nil},
	{"spokesperson", "playbooks/facebook-down.yaml", nil},
	{"approver", "playbooks/facebook-down.yaml", nil},
	{"owner", "playbooks/facebook-down.yaml", []string{"steps", "0"}},
	{"steps", "playbooks/facebook-down.yaml", nil},
	{"deadline", "playbooks/facebook-down.yaml", []string{"steps", "0"}},
	{"message", "playbooks/facebook-down.yaml", []string{"updates", "0"}},
	{"updates", "playbooks/facebook-down.yaml", nil},
	{"every", "playbooks/facebook-down.yaml", []string{"updates", "1"}},
	{"at", "playbooks/facebook-down.yaml", []string{"drill", "injects", "0"}},
	{"event", "playbooks/facebook-down.yaml", []string{"drill", "injects", "0"}},
	{"expect", "playbooks/facebook-down.yaml", []string{"drill", "injects", "0"}},
}

// TestMissingKeyExamples writes each example of a missing key's hint in
// place of the key's value in the built-in manual: the manual must still
// decode without an error of shape (a placeholder id naming nothing
// declared, CR005, is expected).
func TestMissingKeyExamples(t *testing.T) {
	covered := map[string]bool{}
	for _, tc := range exampleCases {
		covered[tc.entry] = true
		ex, ok := examples[tc.entry]
		if !ok {
			t.Errorf("%s: no such example", tc.entry)
			continue
		}
		key := tc.entry[strings.LastIndex(tc.entry, "/")+1:]
		fsys := builtinCopy(t)
		var doc yaml.Node
		if err := yaml.Unmarshal(fsys[tc.file].Data, &doc); err != nil {
			t.Fatal(err)
		}
		var exDoc yaml.Node
		if err := yaml.Unmarshal([]byte(key+": "+ex), &exDoc); err != nil {
			t.Errorf("%s: the example %q is not YAML: %v", tc.entry, ex, err)
			continue
		}
		m := doc.Content[0]
		for _, step := range tc.path {
			m = child(t, m, step)
		}
		set := false
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == key {
				m.Content[i+1], set = exDoc.Content[0].Content[1], true
			}
		}
		if !set {
			t.Fatalf("%s: %s has no %s at %v to replace", tc.entry, tc.file, key, tc.path)
		}
		out, err := yaml.Marshal(&doc)
		if err != nil {
			t.Fatal(err)
		}
		fsys[tc.file] = &fstest.MapFile{Data: out}
		_, diags, err := Load(fsys, BuiltinRoot)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range diags {
			if d.Rule != RuleDangling {
				t.Errorf("%s: %s decodes with %s: %s", tc.entry, ex, d.Rule, d.Message)
			}
		}
	}
	for entry := range examples {
		if !covered[entry] {
			t.Errorf("example %s is not decoded by this test", entry)
		}
	}
}

// builtinCopy is the built-in manual as files the test may change.
func builtinCopy(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, top := range []string{PlaybooksDir, TemplatesDir} {
		if err := fs.WalkDir(Builtin(), top, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(Builtin(), p)
			fsys[p] = &fstest.MapFile{Data: data}
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	return fsys
}

func child(t *testing.T, n *yaml.Node, step string) *yaml.Node {
	t.Helper()
	if i, err := strconv.Atoi(step); err == nil && n.Kind == yaml.SequenceNode {
		return n.Content[i]
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == step {
			return n.Content[i+1]
		}
	}
	t.Fatalf("no %s", step)
	return nil
}

// TestMissingKeyHintShowsShape: the hint of a missing key gives a value of
// the right shape, not "...".
func TestMissingKeyHintShowsShape(t *testing.T) {
	data, err := fs.ReadFile(Builtin(), "playbooks/facebook-down.yaml")
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(string(data), "\nupdates:\n")
	end := strings.Index(string(data), "\nfollow_up:")
	fsys := builtinCopy(t)
	fsys["playbooks/facebook-down.yaml"] = &fstest.MapFile{Data: []byte(string(data[:start]) + string(data[end:]))}
	_, diags, err := Load(fsys, BuiltinRoot)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		if d.Rule == RuleMissing && strings.Contains(d.Message, `"updates"`) {
			if want := "add updates: {every: 60m, message: update, audiences: [customers], channels: [status-page]}"; d.Hint != want {
				t.Errorf("hint %q, want %q", d.Hint, want)
			}
			return
		}
	}
	t.Errorf("no missing updates reported: %v", diags)
}

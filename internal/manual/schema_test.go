package manual_test

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/crisis-cli/crisis/internal/channel"
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/genmanual"
	"github.com/crisis-cli/crisis/internal/manual"
)

// The JSON Schemas in docs/schema let editors (redhat yaml-language-server,
// through the modeline on each file's first line) check a manual as it is
// typed. These tests keep them honest against the loader: every manual the
// loader accepts must validate, and the shape mistakes the loader refuses
// (unknown keys, wrong types, bad enums and patterns) must not.

var schemaDir = filepath.Join("..", "..", "docs", "schema")

// compileSchema compiles docs/schema/<name>.schema.json as draft 2020-12,
// asserting formats (approved_on is a date) as the loader does.
func compileSchema(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	sch, err := c.Compile(filepath.Join(schemaDir, name+".schema.json"))
	if err != nil {
		t.Fatalf("compile %s schema: %v", name, err)
	}
	return sch
}

type schemas struct{ manual, playbook, translation, messages *jsonschema.Schema }

func compileSchemas(t *testing.T) schemas {
	return schemas{compileSchema(t, "manual"), compileSchema(t, "playbook"), compileSchema(t, "translation"), compileSchema(t, "messages")}
}

// isTranslation tells a playbook's translation, playbooks/ID.LOCALE.yaml.
func isTranslation(rel string) bool {
	return strings.HasPrefix(rel, "playbooks/") && strings.Count(path.Base(rel), ".") == 2
}

// forFile picks the schema of a manual file by its place in the manual, as
// the modelines do.
func (s schemas) forFile(rel string) *jsonschema.Schema {
	switch {
	case rel == "playbooks/manual.yaml":
		return s.manual
	case strings.HasPrefix(rel, "templates/"):
		return s.messages
	case isTranslation(rel):
		return s.translation
	}
	return s.playbook
}

// yamlToJSON parses YAML into the value a JSON Schema validator expects.
// It goes through yaml.Node and converts scalars by their resolved tag, so
// the types are those an editor's YAML 1.2 parser sees: 2026-09-14 stays a
// string (yaml.v3 would make it a time.Time), 3.2 is a number, true a bool.
func yamlToJSON(data []byte) (any, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return nodeToJSON(doc.Content[0])
}

func nodeToJSON(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("line %d: a key that is not a scalar", k.Line)
			}
			if _, dup := m[k.Value]; dup {
				return nil, fmt.Errorf("line %d: key %q given twice", k.Line, k.Value)
			}
			val, err := nodeToJSON(v)
			if err != nil {
				return nil, err
			}
			m[k.Value] = val
		}
		return m, nil
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			val, err := nodeToJSON(c)
			if err != nil {
				return nil, err
			}
			out = append(out, val)
		}
		return out, nil
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return nil, nil
		case "!!bool":
			var b bool
			err := n.Decode(&b)
			return b, err
		case "!!int":
			var i int64
			if err := n.Decode(&i); err != nil {
				return nil, err
			}
			return i, nil
		case "!!float":
			var f float64
			if err := n.Decode(&f); err != nil {
				return nil, err
			}
			if math.IsInf(f, 0) || math.IsNaN(f) {
				return nil, fmt.Errorf("line %d: %s has no JSON value", n.Line, n.Value)
			}
			return f, nil
		default: // !!str, !!timestamp (a string in YAML 1.2), !!binary
			return n.Value, nil
		}
	}
	return nil, fmt.Errorf("line %d: an alias", n.Line)
}

// validateFile validates one file of a manual folder against its schema.
func validateFile(t *testing.T, s schemas, fsys fs.FS, rel string) error {
	t.Helper()
	data, err := fs.ReadFile(fsys, rel)
	if err != nil {
		t.Fatal(err)
	}
	v, err := yamlToJSON(data)
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return s.forFile(rel).Validate(v)
}

// validManual reads the valid manual of testdata/broken into memory, for
// the agreement tests to change one file of it at a time (see withFile).
func validManual(t *testing.T) fstest.MapFS {
	t.Helper()
	valid := os.DirFS(filepath.Join("..", "..", "testdata", "broken", "_valid"))
	base := fstest.MapFS{}
	for _, rel := range manualFiles(t, valid) {
		data, err := fs.ReadFile(valid, rel)
		if err != nil {
			t.Fatal(err)
		}
		base[rel] = &fstest.MapFile{Data: data}
	}
	return base
}

// withFile is a copy of base with one file's text replaced: the subtests
// share base, so none may change it.
func withFile(base fstest.MapFS, file, text string) fstest.MapFS {
	fsys := make(fstest.MapFS, len(base)+1)
	for k, v := range base {
		fsys[k] = v
	}
	fsys[file] = &fstest.MapFile{Data: []byte(text)}
	return fsys
}

// manualFiles lists the YAML files of a manual folder.
func manualFiles(t *testing.T, fsys fs.FS) []string {
	t.Helper()
	var files []string
	for _, dir := range []string{"playbooks", "templates"} {
		m, err := fs.Glob(fsys, dir+"/*.yaml")
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no manual files found")
	}
	return files
}

func TestSchemaShippedManual(t *testing.T) {
	s := compileSchemas(t)
	fsys := os.DirFS(filepath.Join("..", ".."))
	for _, rel := range manualFiles(t, fsys) {
		if err := validateFile(t, s, fsys, rel); err != nil {
			t.Errorf("%s does not validate against its schema:\n%v", rel, err)
		}
	}
}

// TestSchemaModelines checks that every playbook names its schema on its
// first line, so editors pick it up without any set-up.
func TestSchemaModelines(t *testing.T) {
	fsys := os.DirFS(filepath.Join("..", ".."))
	files, err := fs.Glob(fsys, "playbooks/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, rel := range files {
		want := "# yaml-language-server: $schema=../docs/schema/playbook.schema.json"
		switch {
		case rel == "playbooks/manual.yaml":
			want = "# yaml-language-server: $schema=../docs/schema/manual.schema.json"
		case isTranslation(rel):
			want = "# yaml-language-server: $schema=../docs/schema/translation.schema.json"
		}
		data, err := fs.ReadFile(fsys, rel)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(data), "\n")
		if strings.TrimRight(first, "\r") != want {
			t.Errorf("%s: first line is %q, want %q", rel, first, want)
		}
	}
}

func TestSchemaGeneratedManual(t *testing.T) {
	s := compileSchemas(t)
	dir := t.TempDir()
	if err := genmanual.Generate(genmanual.Dir(dir), genmanual.Options{Playbooks: 40, Locales: genmanual.MaxLocales}); err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(dir)
	for _, rel := range manualFiles(t, fsys) {
		if err := validateFile(t, s, fsys, rel); err != nil {
			t.Errorf("generated %s does not validate:\n%v", rel, err)
		}
	}
}

// TestSchemaBrokenCorpus runs the schemas over testdata/broken. The cases
// whose mistake is one of shape must be rejected, in the file the loader
// blames; the cases whose mistake is a reference to something undeclared
// (or a time zone) are lint's business and must still validate: the schema
// checks shape only. Cases that are not parseable YAML are left to the
// loader's own tests.
func TestSchemaBrokenCorpus(t *testing.T) {
	s := compileSchemas(t)
	root := filepath.Join("..", "..", "testdata", "broken")
	// rejected gives, for each case, the file the loader blames and the
	// place in it (a JSON pointer) the schema must point at.
	rejected := map[string]struct{ file, at string }{
		"bad-date":                {"playbooks/manual.yaml", "/approval/approved_on"},
		"bad-duration":            {"playbooks/facebook-down.yaml", "/steps/1/deadline"},
		"empty-list":              {"playbooks/facebook-down.yaml", "/steps/1/announce/0/channels"},
		"format-version-2":        {"playbooks/facebook-down.yaml", "/crisis"},
		"key-typo-deadlnie":       {"playbooks/facebook-down.yaml", "/steps/1"},
		"key-typo-ownr":           {"playbooks/facebook-down.yaml", "/steps/0"},
		"kind-manual-in-playbook": {"playbooks/facebook-down.yaml", "/kind"},
		"list-for-string":         {"playbooks/facebook-down.yaml", "/steps/0/owner"},
		"missing-steps":           {"playbooks/facebook-down.yaml", ""},
		"no-other-form":           {"templates/es.yaml", "/all-clear/default"},
		"plural-typo":             {"templates/es.yaml", "/holding/sms"},
		"string-for-list":         {"playbooks/facebook-down.yaml", "/steps/1/announce/0/channels"},
		"unknown-channel-kind":    {"playbooks/manual.yaml", "/channels/0/kind"},
		"unknown-severity":        {"playbooks/facebook-down.yaml", "/severity"},
		"variable-dash":           {"playbooks/manual.yaml", "/variables/0/name"},
	}
	accepted := []string{"_valid", "deputy-not-person", "duplicate-step-id", "missing-locale-file",
		"unknown-fallback-channel", "unknown-message", "unknown-owner", "unknown-timezone"}
	check := func(name, bad, at string) {
		t.Run(name, func(t *testing.T) {
			fsys := os.DirFS(filepath.Join(root, name))
			for _, rel := range manualFiles(t, fsys) {
				err := validateFile(t, s, fsys, rel)
				switch {
				case rel == bad && err == nil:
					t.Errorf("%s validates; the schema should reject it as the loader does", rel)
				case rel == bad && !strings.Contains(err.Error(), "at '"+at+"'"):
					t.Errorf("%s is rejected, but not at %q:\n%v", rel, at, err)
				case rel != bad && err != nil:
					t.Errorf("%s does not validate:\n%v", rel, err)
				}
			}
		})
	}
	for name, want := range rejected {
		check(name, want.file, want.at)
	}
	for _, name := range accepted {
		check(name, "", "")
	}
}

// TestSchemaAgreesWithLoader makes one change at a time to the valid manual
// of testdata/broken and checks that the schema and the loader agree on it:
// both accept it, or both refuse it. The changes probe the edges of each
// value shape (empty values, numbers where text is expected, duration and
// date limits, yes/no booleans).
func TestSchemaAgreesWithLoader(t *testing.T) {
	s := compileSchemas(t)
	base := validManual(t)
	const pb, mf, es = "playbooks/facebook-down.yaml", "playbooks/manual.yaml", "templates/es.yaml"
	for _, rel := range []string{pb, mf, es} {
		if base[rel] == nil {
			t.Fatalf("testdata/broken/_valid has no %s", rel)
		}
	}
	// A translation of the playbook, with every key the format has.
	const tr = "playbooks/facebook-down.en.yaml"
	base[tr] = &fstest.MapFile{Data: []byte(`crisis: 1
kind: translation
hash: sha1-0000000000000000000000000000000000000000
title: Our Facebook page is down
detection: |
  The page does not load.
steps:
  confirm:
    hash: sha1-0000000000000000000000000000000000000000
    title: Confirm the outage
    instructions: Check it.
    checklist:
      - Page checked from a phone and from a laptop
follow_up:
drill:
  injects: []
`)}
	// A translation of the manual file: its variables' descriptions (1.1).
	const mt = "playbooks/manual.en.yaml"
	base[mt] = &fstest.MapFile{Data: []byte("crisis: 1\nkind: translation\n")}
	cases := []editAgreement{
		// Durations: a whole number and one unit, at most 100000 of it.
		{"duration 100000m", pb, "deadline: 10m", "deadline: 100000m", true},
		{"duration 100001m", pb, "deadline: 10m", "deadline: 100001m", false},
		{"duration 1.5h", pb, "deadline: 10m", "deadline: 1.5h", false},
		{"duration number", pb, "deadline: 10m", "deadline: 10", false},
		{"duration empty", pb, "deadline: 10m", "deadline:", false},
		{"duration 10min", pb, "deadline: 10m", "deadline: 10min", false},
		// Or hours and minutes, as crisis writes a duration past an hour.
		{"duration 1h30m", pb, "deadline: 10m", "deadline: 1h30m", true},
		{"duration 9h5m", pb, "deadline: 10m", "deadline: 9h5m", true},
		{"duration 1h60m", pb, "deadline: 10m", "deadline: 1h60m", false},
		{"duration 1h075m", pb, "deadline: 10m", "deadline: 1h075m", false},
		{"duration 1d6h", pb, "deadline: 10m", "deadline: 1d6h", false},
		{"duration 100001h05m", pb, "deadline: 10m", "deadline: 100001h05m", false},
		// Dates: YYYY-MM-DD and a real day.
		{"date leap day", mf, "approved_on: 2026-01-10", "approved_on: 2028-02-29", true},
		{"date no leap day", mf, "approved_on: 2026-01-10", "approved_on: 2026-02-29", false},
		{"date short", mf, "approved_on: 2026-01-10", "approved_on: 2026-1-10", false},
		{"date quoted", mf, "approved_on: 2026-01-10", `approved_on: "2026-01-10"`, true},
		// Format version.
		{"version quoted", pb, "crisis: 1", `crisis: "1"`, true},
		{"version 2", pb, "crisis: 1", "crisis: 2", false},
		// Text may be any scalar; required text may not be empty.
		{"title number", pb, "title: Our Facebook page is down", "title: 404", true},
		{"title empty", pb, "title: Our Facebook page is down", "title:", false},
		{"title list", pb, "title: Our Facebook page is down", "title: [a, b]", false},
		{"version number", mf, `version: "1"`, "version: 1.0", true},
		// An empty optional key counts as absent.
		{"checklist empty", pb, "checklist:\n      - Page checked from a phone and from a laptop", "checklist:", true},
		// Enums.
		{"severity critical", pb, "severity: high", "severity: critical", true},
		{"severity capitalised", pb, "severity: high", "severity: High", false},
		{"step kind unknown", pb, "kind: holding", "kind: hold", false},
		// Ids.
		{"id uppercase", pb, "id: confirm", "id: Confirm", false},
		{"id underscore", pb, "id: confirm", "id: con_firm", false},
		{"id leading dash", pb, "id: confirm", "id: -confirm", false},
		// Required lists must not be empty.
		{"updates channels empty", pb, "  channels: [sms-customers]\n", "  channels: []\n", false},
		// down must name something.
		{"down empty", pb, "down:\n  channels: [facebook-page]", "down: {}", false},
		{"down empty list", pb, "down:\n  channels: [facebook-page]", "down:\n  channels: []", false},
		{"down null", pb, "down:\n  channels: [facebook-page]", "down:", false},
		// Unknown keys anywhere.
		{"unknown top key", pb, "title:", "titel: x\ntitle:", false},
		// Variables: whole numbers, yes/no, the four types.
		{"max_length quoted", mf, "max_length: 15", `max_length: "15"`, true},
		{"max_length negative", mf, "max_length: 15", "max_length: -1", false},
		{"max_length text", mf, "max_length: 15", "max_length: fifteen", false},
		{"required yes", mf, "max_length: 15", "max_length: 15\n    required: yes", true},
		{"required true", mf, "max_length: 15", "max_length: 15\n    required: true", true},
		{"required maybe", mf, "max_length: 15", "max_length: 15\n    required: maybe", false},
		{"type count", mf, "max_length: 15", "max_length: 15\n    type: count", true},
		{"type number", mf, "max_length: 15", "max_length: 15\n    type: number", false},
		{"type datetime", mf, "max_length: 15", "max_length: 15\n    type: datetime", true},
		{"type date", mf, "max_length: 15", "max_length: 15\n    type: date", false},
		// Channel locales: a list of locale codes, or nothing.
		{"channel locales list", mf, "    name: Facebook page\n", "    name: Facebook page\n    locales: [es]\n", true},
		{"channel locales empty", mf, "    name: Facebook page\n", "    name: Facebook page\n    locales:\n", true},
		{"channel locales scalar", mf, "    name: Facebook page\n", "    name: Facebook page\n    locales: es\n", false},
		{"channel locales map", mf, "    name: Facebook page\n", "    name: Facebook page\n    locales: {es: yes}\n", false},
		{"channel locales nested", mf, "    name: Facebook page\n", "    name: Facebook page\n    locales: [[es]]\n", false},
		// Markets (format 1.1): declared, referred to, and per-market facts.
		{"markets", mf, "crisis: 1\nkind: manual\n", "crisis: 1.1\nkind: manual\nmarkets:\n  - {id: pt-pt, name: Portugal, locale: pt-PT, timezone: Europe/Lisbon, values: {support_phone: 800 100 200}}\n", true},
		{"markets null", mf, "crisis: 1\nkind: manual\n", "crisis: 1.1\nkind: manual\nmarkets:\n", true},
		{"market no name", mf, "crisis: 1\nkind: manual\n", "crisis: 1.1\nkind: manual\nmarkets: [{id: pt-pt, locale: pt-PT, timezone: Europe/Lisbon}]\n", false},
		{"market no locale", mf, "crisis: 1\nkind: manual\n", "crisis: 1.1\nkind: manual\nmarkets: [{id: pt-pt, name: Portugal, timezone: Europe/Lisbon}]\n", false},
		{"market no timezone", mf, "crisis: 1\nkind: manual\n", "crisis: 1.1\nkind: manual\nmarkets: [{id: pt-pt, name: Portugal, locale: pt-PT}]\n", false},
		{"market id uppercase", mf, "crisis: 1\nkind: manual\n", "crisis: 1.1\nkind: manual\nmarkets: [{id: PT, name: Portugal, locale: pt-PT, timezone: Europe/Lisbon}]\n", false},
		{"market unknown key", mf, "crisis: 1\nkind: manual\n", "crisis: 1.1\nkind: manual\nmarkets: [{id: pt-pt, name: Portugal, locale: pt-PT, timezone: Europe/Lisbon, currency: EUR}]\n", false},
		{"market values list", mf, "crisis: 1\nkind: manual\n", "crisis: 1.1\nkind: manual\nmarkets: [{id: pt-pt, name: Portugal, locale: pt-PT, timezone: Europe/Lisbon, values: [a]}]\n", false},
		{"market value nested", mf, "crisis: 1\nkind: manual\n", "crisis: 1.1\nkind: manual\nmarkets: [{id: pt-pt, name: Portugal, locale: pt-PT, timezone: Europe/Lisbon, values: {support_phone: [a]}}]\n", false},
		{"market value bad name", mf, "crisis: 1\nkind: manual\n", "crisis: 1.1\nkind: manual\nmarkets: [{id: pt-pt, name: Portugal, locale: pt-PT, timezone: Europe/Lisbon, values: {Support-Phone: x}}]\n", false},
		{"1.1 drill marks", mf, "  default: es\n", "  default: es\n  drill_marks: {es: \"[ENSAYO]\", pl: \"[CWICZENIA]\"}\n", true},
		{"1.1 drill mark blank", mf, "  default: es\n", "  default: es\n  drill_marks: {es: \" \"}\n", false},
		{"1.1 drill marks list", mf, "  default: es\n", "  default: es\n  drill_marks: [x]\n", false},
		{"1.1 drill marks by kind", mf, "  default: es\n", "  default: es\n  drill_marks: {es: \"[ENSAYO]\", pl: {default: \"[ĆWICZENIA]\", sms: \"[CWICZENIA]\", sms-customers: \"[CW]\"}}\n", true},
		{"1.1 drill marks by kind blank", mf, "  default: es\n", "  default: es\n  drill_marks: {pl: {sms: \" \"}}\n", false},
		{"1.1 drill marks by kind nested", mf, "  default: es\n", "  default: es\n  drill_marks: {pl: {sms: [x]}}\n", false},
		{"1.1 drill marks by kind empty", mf, "  default: es\n", "  default: es\n  drill_marks: {pl: {}}\n", false},
		{"1.1 per_market yes", mf, "max_length: 15", "max_length: 15\n    per_market: yes", true},
		{"1.1 per_market maybe", mf, "max_length: 15", "max_length: 15\n    per_market: maybe", false},
		{"1.1 channel markets", mf, "    name: Facebook page\n", "    name: Facebook page\n    markets: [pt-pt]\n", true},
		{"1.1 channel markets scalar", mf, "    name: Facebook page\n", "    name: Facebook page\n    markets: pt-pt\n", false},
		{"1.1 audience markets", mf, "    description: People who buy from us\n", "    description: People who buy from us\n    markets: [pt-pt]\n", true},
		{"1.1 audience markets nested", mf, "    description: People who buy from us\n", "    description: People who buy from us\n    markets: [[pt]]\n", false},
		// Messages: variants are channel kinds or default; parts are known.
		{"message flat", es, "holding:\n", "spare.sms: x\nholding:\n", true},
		{"message flat part", es, "holding:\n", "spare.email.subject: x\nholding:\n", true},
		{"message flat form", es, "holding:\n", "spare.default:\n  other: x\nholding:\n", true},
		{"message no variant", es, "holding:\n", "spare: x\nholding:\n", false},
		{"message unknown variant", es, "holding:\n", "spare.smss: x\nholding:\n", false},
		{"message unknown part", es, "holding:\n", "spare.email.title: x\nholding:\n", false},
		{"message unknown key", es, "  sms:\n    other:", "  sms:\n    note: x\n    other:", false},
		// Delivery targets: the shape only (providers are lint's, CR105).
		{"target env", mf, "    owner: spokesperson\nroles:", "    owner: spokesperson\n    target: {provider: twilio, secret: {env: TWILIO_TOKEN}, recipients: {path: /srv/sms.csv}}\nroles:", true},
		{"target file and drill", mf, "    owner: spokesperson\nroles:", "    owner: spokesperson\n    target:\n      provider: twilio\n      secret: {file: /etc/crisis/twilio}\n      options: {account_sid: AC1, messaging_service_sid: MG1}\n      recipients: {path: /srv/sms.csv, column: mobile, opt_out: baja}\n      drill: {provider: webhook, url: https://drill.example, secret: {env: DRILL_KEY}}\nroles:", true},
		{"target no secret", mf, "    owner: spokesperson\nroles:", "    owner: spokesperson\n    target: {provider: twilio}\nroles:", true},
		{"target null secret", mf, "    owner: spokesperson\nroles:", "    owner: spokesperson\n    target: {provider: twilio, secret: }\nroles:", true},
		{"target no provider", mf, "    owner: spokesperson\nroles:", "    owner: spokesperson\n    target: {secret: {env: T}}\nroles:", false},
		{"target unknown key", mf, "    owner: spokesperson\nroles:", "    owner: spokesperson\n    target: {provider: twilio, token: abc}\nroles:", false},
		{"target env and file", mf, "    owner: spokesperson\nroles:", "    owner: spokesperson\n    target: {provider: twilio, secret: {env: T, file: /x}}\nroles:", false},
		{"target empty secret", mf, "    owner: spokesperson\nroles:", "    owner: spokesperson\n    target: {provider: twilio, secret: {}}\nroles:", false},
		{"target env name", mf, "    owner: spokesperson\nroles:", "    owner: spokesperson\n    target: {provider: twilio, secret: {env: 1TOKEN}}\nroles:", false},
		{"target secret value", mf, "    owner: spokesperson\nroles:", "    owner: spokesperson\n    target: {provider: twilio, secret: abc123}\nroles:", false},
		{"target options list", mf, "    owner: spokesperson\nroles:", "    owner: spokesperson\n    target: {provider: twilio, options: [a]}\nroles:", false},
		{"target option nested", mf, "    owner: spokesperson\nroles:", "    owner: spokesperson\n    target: {provider: twilio, options: {from: {a: b}}}\nroles:", false},
		{"target recipients no path", mf, "    owner: spokesperson\nroles:", "    owner: spokesperson\n    target: {provider: twilio, recipients: {column: phone}}\nroles:", false},
		{"target drill in drill", mf, "    owner: spokesperson\nroles:", "    owner: spokesperson\n    target: {provider: webhook, drill: {provider: webhook, drill: {provider: webhook}}}\nroles:", false},
		{"message plural forms", es, "  sms:\n    other:", "  sms:\n    one: x\n    few: y\n    other:", true},
		// Playbook translations: any scalar text, steps by id, injects as a list.
		{"translation as is", tr, "crisis: 1", "crisis: 1", true},
		{"translation title number", tr, "title: Our Facebook page is down", "title: 404", true},
		{"translation title list", tr, "title: Our Facebook page is down", "title: [a, b]", false},
		{"translation hash number", tr, "hash: sha1-0000000000000000000000000000000000000000\ntitle", "hash: 12\ntitle", true},
		{"translation kind playbook", tr, "kind: translation", "kind: playbook", false},
		{"translation version 2", tr, "crisis: 1", "crisis: 2", false},
		{"translation unknown key", tr, "title:", "titel: x\ntitle:", false},
		{"translation steps list", tr, "steps:\n  confirm:", "steps:\n  - confirm:", false},
		{"translation steps null", tr, "follow_up:\n", "follow_up: {}\n", true},
		{"translation step id uppercase", tr, "  confirm:", "  Confirm:", false},
		{"translation step empty", tr, "  confirm:\n    hash: sha1-0000000000000000000000000000000000000000\n    title: Confirm the outage\n    instructions: Check it.\n    checklist:\n      - Page checked from a phone and from a laptop\n", "  confirm:\n", false},
		{"translation step unknown key", tr, "    instructions: Check it.", "    instructoins: Check it.", false},
		{"translation checklist text", tr, "    checklist:\n      - Page checked from a phone and from a laptop", "    checklist: Page checked", false},
		{"translation checklist empty", tr, "    checklist:\n      - Page checked from a phone and from a laptop", "    checklist:", true},
		{"translation instructions empty", tr, "    instructions: Check it.", "    instructions:", true},
		{"translation inject scalar", tr, "  injects: []", "  injects: [x]", false},
		{"translation inject unknown key", tr, "  injects: []", "  injects: [{evnt: x}]", false},
		// Variables' descriptions: by name, each a hash and a text.
		{"1.1 manual translation variables", mt, "kind: translation\n", "kind: translation\nvariables:\n  support_phone: {hash: sha1-0000000000000000000000000000000000000000, description: The phone}\n", true},
		{"1.1 manual translation description number", mt, "kind: translation\n", "kind: translation\nvariables:\n  support_phone: {description: 12}\n", true},
		{"1.1 manual translation variables list", mt, "kind: translation\n", "kind: translation\nvariables: [support_phone]\n", false},
		{"1.1 manual translation variable uppercase", mt, "kind: translation\n", "kind: translation\nvariables:\n  Support_phone: {description: The phone}\n", false},
		{"1.1 manual translation variable unknown key", mt, "kind: translation\n", "kind: translation\nvariables:\n  support_phone: {descripton: The phone}\n", false},
		{"1.1 manual translation variable text list", mt, "kind: translation\n", "kind: translation\nvariables:\n  support_phone: {description: [a, b]}\n", false},
		// The manual file's own texts (1.1): by id, each a hash and a text;
		// an id the manual file does not declare is refused by the loader
		// and cannot be told by the schema, so the cases use declared ones.
		{"1.1 manual translation own texts", mt, "kind: translation\n", "kind: translation\nroles:\n  spokesperson: {hash: sha1-0000000000000000000000000000000000000000, title: Rzecznik}\npeople:\n  ana: {hash: sha1-0, role: rzeczniczka}\naudiences:\n  customers: {description: Klienci}\ndomains:\n  meta: {description: Meta}\nchannels:\n  sms-customers: {name: SMS do klientów}\n", true},
		{"1.1 manual translation roles list", mt, "kind: translation\n", "kind: translation\nroles: [spokesperson]\n", false},
		{"1.1 manual translation role unknown key", mt, "kind: translation\n", "kind: translation\nroles:\n  spokesperson: {name: Rzecznik}\n", false},
		{"1.1 manual translation channel text list", mt, "kind: translation\n", "kind: translation\nchannels:\n  sms-customers: {name: [a, b]}\n", false},
		{"1.1 manual translation person unknown key", mt, "kind: translation\n", "kind: translation\npeople:\n  ana: {title: rzeczniczka}\n", false},
		{"1.1 person role", mf, "name: Ana García", "name: Ana García\n    role: CEO", true},
		{"1.1 person role list", mf, "name: Ana García", "name: Ana García\n    role: [CEO]", false},
		// Format 1.1 (a case named "1.1 ..." is run on files that say
		// crisis: 1.1): facts learned later and approval gates.
		{"1.1 known later", mf, "max_length: 15", "max_length: 15\n    known: later\n    by: holding", true},
		{"1.1 known soon", mf, "max_length: 15", "max_length: 15\n    known: soon\n    by: holding", false},
		{"1.1 by not an id", mf, "max_length: 15", "max_length: 15\n    known: later\n    by: Holding", false},
		{"1.1 pre-approved", pb, "    kind: holding\n", "    kind: holding\n    approval: pre-approved\n", true},
		{"1.1 approval other word", pb, "    kind: holding\n", "    kind: holding\n    approval: approved\n", false},
		{"1.1 approval roles", pb, "    kind: holding\n", "    kind: holding\n    approval: {roles: [spokesperson], two_person: yes, escalate_after: 10m}\n", true},
		{"1.1 approval no roles", pb, "    kind: holding\n", "    kind: holding\n    approval: {two_person: true}\n", false},
		{"1.1 approval bad duration", pb, "    kind: holding\n", "    kind: holding\n    approval: {roles: [spokesperson], escalate_after: 10}\n", false},
		{"1.1 approval unknown key", pb, "    kind: holding\n", "    kind: holding\n    approval: {roles: [spokesperson], legal: true}\n", false},
		{"1.1 announcement approval", pb, "        channels: [sms-customers]\n  - id: all-clear", "        channels: [sms-customers]\n        approval: {roles: [spokesperson]}\n  - id: all-clear", true},
		{"1.1 gate step", pb, "    deadline: 10m\n", "    deadline: 10m\n  - id: notify\n    title: Notify the authority\n    kind: gate\n    owner: spokesperson\n    deadline: 72h\n    from: confirm\n", true},
		{"1.1 gate from not an id", pb, "    deadline: 10m\n", "    deadline: 10m\n  - id: notify\n    title: Notify the authority\n    kind: gate\n    owner: spokesperson\n    deadline: 72h\n    from: [confirm]\n", false},
		// Decision steps (1.1).
		{"1.1 decision", pb, "  - id: holding\n", "  - id: verify\n    title: Is it only our page?\n    kind: decision\n    owner: spokesperson\n    deadline: 10m\n    options:\n      - id: ours\n        title: Only our page\n        next: holding\n        severity: critical\n      - id: wider\n        title: All of Meta is down\n        escalate: meta-outage\n  - id: holding\n", true},
		{"1.1 option without next", pb, "  - id: holding\n", "  - id: verify\n    title: Is it only our page?\n    kind: decision\n    owner: spokesperson\n    deadline: 10m\n    options:\n      - id: ours\n        title: Only our page\n        severity: critical\n      - id: wider\n        title: All of Meta is down\n        escalate: meta-outage\n  - id: holding\n", true},
		{"1.1 option null title", pb, "  - id: holding\n", "  - id: verify\n    title: Is it only our page?\n    kind: decision\n    owner: spokesperson\n    deadline: 10m\n    options:\n      - id: ours\n        title:\n        next: holding\n        severity: critical\n      - id: wider\n        title: All of Meta is down\n        escalate: meta-outage\n  - id: holding\n", false},
		{"1.1 option unknown key", pb, "  - id: holding\n", "  - id: verify\n    title: Is it only our page?\n    kind: decision\n    owner: spokesperson\n    deadline: 10m\n    options:\n      - id: ours\n        title: Only our page\n        nxt: holding\n        severity: critical\n      - id: wider\n        title: All of Meta is down\n        escalate: meta-outage\n  - id: holding\n", false},
		{"1.1 option id uppercase", pb, "  - id: holding\n", "  - id: verify\n    title: Is it only our page?\n    kind: decision\n    owner: spokesperson\n    deadline: 10m\n    options:\n      - id: Ours\n        title: Only our page\n        next: holding\n        severity: critical\n      - id: wider\n        title: All of Meta is down\n        escalate: meta-outage\n  - id: holding\n", false},
		{"1.1 option severity unknown", pb, "  - id: holding\n", "  - id: verify\n    title: Is it only our page?\n    kind: decision\n    owner: spokesperson\n    deadline: 10m\n    options:\n      - id: ours\n        title: Only our page\n        next: holding\n        severity: dire\n      - id: wider\n        title: All of Meta is down\n        escalate: meta-outage\n  - id: holding\n", false},
		{"1.1 option next and escalate", pb, "  - id: holding\n", "  - id: verify\n    title: Is it only our page?\n    kind: decision\n    owner: spokesperson\n    deadline: 10m\n    options:\n      - id: ours\n        title: Only our page\n        next: holding\n        severity: critical\n      - id: wider\n        title: All of Meta is down\n        next: holding\n        escalate: meta-outage\n  - id: holding\n", false},
		{"1.1 option scalar", pb, "  - id: holding\n", "  - id: verify\n    title: Is it only our page?\n    kind: decision\n    owner: spokesperson\n    deadline: 10m\n    options:\n      - id: ours\n        title: Only our page\n        next: holding\n        severity: critical\n      - wider\n      - id: wider\n        title: All of Meta is down\n        escalate: meta-outage\n  - id: holding\n", false},
		{"1.1 translation options", tr, "    instructions: Check it.\n", "    instructions: Check it.\n    options:\n      ours: Only our page\n", true},
		{"1.1 translation options list", tr, "    instructions: Check it.\n", "    instructions: Check it.\n    options:\n      - Only our page\n", false},
		{"1.1 translation option list", tr, "    instructions: Check it.\n", "    instructions: Check it.\n    options:\n      ours: [Only our page]\n", false},
		{"1.1 translation option id uppercase", tr, "    instructions: Check it.\n", "    instructions: Check it.\n    options:\n      Ours: Only our page\n", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := base
			if strings.HasPrefix(c.name, "1.1 ") {
				// The file made 1.1 before the edit, whose text does
				// not hold the version line.
				data := strings.Replace(string(base[c.file].Data), "crisis: 1\n", "crisis: 1.1\n", 1)
				if c.file == mf {
					// A 1.1 manual has one market, pt-pt, its cases may name.
					data += "markets: [{id: pt-pt, name: Portugal, locale: pt-PT, timezone: Europe/Lisbon, values: {support_phone: 800 100 200}}]\n"
				}
				b = withFile(base, c.file, data)
			}
			c.check(t, s, b)
		})
	}
}

// editAgreement is one edit of a file of the valid manual: the first old in
// it made new, and what the loader and the schema must both say of it.
type editAgreement struct {
	name, file, old, new string
	ok                   bool
}

// check makes the edit in a copy of base and checks the loader and the
// schema agree on it. An old the file lacks stops the test: the edit would
// test nothing.
func (c editAgreement) check(t *testing.T, s schemas, base fstest.MapFS) {
	t.Helper()
	data := string(base[c.file].Data)
	if !strings.Contains(data, c.old) {
		t.Fatalf("%s holds no %q", c.file, c.old)
	}
	checkAgreement(t, s, withFile(base, c.file, strings.Replace(data, c.old, c.new, 1)), c.file, c.ok)
}

// checkAgreement loads the manual in fsys and validates file against its
// schema: both must accept it (ok), or both refuse it.
func checkAgreement(t *testing.T, s schemas, fsys fs.FS, file string, ok bool) {
	t.Helper()
	_, diags, err := manual.Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	var errs []string
	for _, d := range diags {
		if d.Severity == diag.Error {
			errs = append(errs, d.Error())
		}
	}
	if loaderOK := len(errs) == 0; loaderOK != ok {
		t.Errorf("loader ok=%v, want %v: %s", loaderOK, ok, strings.Join(errs, "\n"))
	}
	if serr := validateFile(t, s, fsys, file); (serr == nil) != ok {
		t.Errorf("schema ok=%v, want %v: %v", serr == nil, ok, serr)
	}
}

// TestSchemaChannelKinds fails when the channel kinds the schemas list
// differ from channel.Kinds(): a kind added to internal/channel must be
// added to docs/schema too (and a description with it).
func TestSchemaChannelKinds(t *testing.T) {
	kinds := channel.Kinds()
	read := func(name string) map[string]any {
		data, err := os.ReadFile(filepath.Join(schemaDir, name+".schema.json"))
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	strs := func(v any) []string {
		var out []string
		for _, x := range v.([]any) {
			out = append(out, x.(string))
		}
		return out
	}
	defs := read("manual")["$defs"].(map[string]any)
	ck := defs["channelKind"].(map[string]any)
	if got := strs(ck["enum"]); !slices.Equal(got, kinds) {
		t.Errorf("manual.schema.json $defs.channelKind.enum:\n got %v\nwant %v (channel.Kinds())", got, kinds)
	}
	if d := ck["enumDescriptions"].([]any); len(d) != len(kinds) {
		t.Errorf("channelKind has %d enumDescriptions for %d kinds", len(d), len(kinds))
	}

	msgs := read("messages")
	variants := msgs["$defs"].(map[string]any)["variants"].(map[string]any)["properties"].(map[string]any)
	var got []string
	for k := range variants {
		if k != manual.GenericVariant {
			got = append(got, k)
		}
	}
	sort.Strings(got)
	if !slices.Equal(got, kinds) || variants[manual.GenericVariant] == nil {
		t.Errorf("messages.schema.json $defs.variants.properties:\n got %v\nwant default and %v", got, kinds)
	}
	alt := "(" + strings.Join(append([]string{manual.GenericVariant}, kinds...), "|") + ")"
	n := 0
	for p := range msgs["patternProperties"].(map[string]any) {
		if strings.Contains(p, `\.`) {
			n++
			if !strings.Contains(p, alt) {
				t.Errorf("messages.schema.json pattern %s does not list exactly default and channel.Kinds()", p)
			}
		}
	}
	if n != 2 {
		t.Errorf("messages.schema.json has %d flat-id patterns, want 2", n)
	}
	parts := "(" + strings.Join(manual.Parts, "|") + ")"
	for p := range msgs["patternProperties"].(map[string]any) {
		if strings.Count(p, `\.`) == 2 && !strings.HasSuffix(p, `\.`+parts+"$") {
			t.Errorf("messages.schema.json pattern %s does not list exactly manual.Parts", p)
		}
	}

	// And the compiled schemas accept every kind where a kind goes.
	s := compileSchemas(t)
	for _, k := range kinds {
		for _, doc := range []map[string]any{
			{"holding": map[string]any{k: "text"}},
			{"holding." + k: map[string]any{"other": "text"}},
			{"holding." + k + ".body": "text"},
		} {
			if err := s.messages.Validate(doc); err != nil {
				t.Errorf("messages schema refuses kind %s in %v: %v", k, doc, err)
			}
		}
	}
}

// TestSchemaAgreesWithLoaderRegional: a regional catalogue
// (templates/es-PE.yaml) has a message file's shape, with no hash: the
// schema and the loader accept and refuse the same ones.
func TestSchemaAgreesWithLoaderRegional(t *testing.T) {
	s := compileSchemas(t)
	base := validManual(t)
	for _, c := range []struct {
		name, text string
		ok         bool
	}{
		{"regional text", "holding:\n  sms:\n    other: \"Lo sabemos.\"\n", true},
		{"regional plural forms", "holding:\n  sms:\n    one: x\n    many: y\n    other: z\n", true},
		{"regional flat id", "holding.sms: x\n", true},
		{"regional unknown variant", "holding:\n  smss:\n    other: x\n", false},
		{"regional unknown key", "holding:\n  sms:\n    note: x\n    other: y\n", false},
		{"regional no other form", "holding:\n  sms:\n    one: x\n", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			checkAgreement(t, s, withFile(base, "templates/es-PE.yaml", c.text), "templates/es-PE.yaml", c.ok)
		})
	}
}

package manual

import (
	"strings"
	"testing"
	"testing/fstest"
)

const minimalManual = `crisis: 1
kind: manual
organisation: Test S.L.
version: "1"
timezone: Europe/Madrid
locales: {default: es, supported: [es]}
approval: {approved_by: [ana], approved_on: 2026-01-10, review_every: 180d}
audiences: [{id: customers}, {id: staff}]
domains: [{id: meta}, {id: telecom}]
channels:
  - {id: fb, kind: facebook, audiences: [customers], domain: meta, owner: speaker}
  - {id: sms, kind: sms, audiences: [customers, staff], domain: telecom, owner: speaker}
roles:
  - {id: speaker, person: ana, deputies: [bo]}
people:
  - {id: ana, name: Ana, contacts: [{via: phone, value: "1"}]}
  - {id: bo, name: Bo, contacts: [{via: phone, value: "2"}]}
`

const minimalPlaybook = "crisis: 1\n" + fbDownHead + holdStep + `updates: {every: 30m, message: holding, audiences: [customers], channels: [sms]}
`

const minimalTemplates = `holding:
  default:
    other: "We know."
`

// mapFS is a manual's files, by path, as a file system to load.
func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return fsys
}

func load(t *testing.T, files map[string]string) (*Manual, []string) {
	t.Helper()
	m, diags, err := Load(mapFS(files), "test")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	var out []string
	for _, d := range diags {
		out = append(out, d.Error())
	}
	return m, out
}

func valid() map[string]string {
	return map[string]string{
		ManualFile:               minimalManual,
		"playbooks/fb-down.yaml": minimalPlaybook,
		"templates/es.yaml":      minimalTemplates,
		"playbooks/README.md":    "not part of the manual",
	}
}

// loadEdited loads the valid manual with the first from in file replaced
// by to, and returns its problems.
func loadEdited(t *testing.T, file, from, to string) []string {
	t.Helper()
	return loadEditedIn(t, valid(), file, from, to)
}

func TestLoadValid(t *testing.T) {
	m := loadClean(t, valid())
	if len(m.Playbooks) != 1 || m.Playbooks[0].ID != "fb-down" {
		t.Fatalf("playbooks = %+v", m.Playbooks)
	}
	p := m.Playbooks[0]
	if p.Steps[0].Owner.Pos.Line != 15 || p.Steps[0].Owner.Pos.Col != 12 {
		t.Errorf("owner position = %v, want line 15 col 12", p.Steps[0].Owner.Pos)
	}
	if got := m.Templates[0].Lookup("holding.default").Text(); got != "We know." {
		t.Errorf("template text = %q", got)
	}
}

func TestLoadProblems(t *testing.T) {
	tests := []struct {
		name string
		file string
		from string
		to   string
		want string // substring of one diagnostic
	}{
		{"typo in key", "playbooks/fb-down.yaml", "owner: speaker", "ownr: speaker", `fb-down.yaml:15:5: error: unknown key "ownr" in a step [CR002] (did you mean "owner"?)`},
		{"dangling owner", "playbooks/fb-down.yaml", "owner: speaker", "owner: speeker", `fb-down.yaml:15:12: error: unknown role "speeker" [CR005] (did you mean "speaker"?)`},
		{"string for list", "playbooks/fb-down.yaml", "customers: [sms]", "customers: sms", `must be a list of channels`},
		{"tab indentation", "playbooks/fb-down.yaml", "  customers: [sms]", "\tcustomers: [sms]", `fb-down.yaml:8:1: error: invalid YAML: a tab character is used for indentation`},
		{"bad duration", "playbooks/fb-down.yaml", "deadline: 10m", "deadline: ten minutes", `"ten minutes" is not a duration`},
		{"duplicate key", "playbooks/fb-down.yaml", "severity: high", "severity: high\nseverity: low", `key "severity" is given twice`},
		{"bad severity", "playbooks/fb-down.yaml", "severity: high", "severity: hihg", `did you mean "high"?`},
		{"unknown message", "playbooks/fb-down.yaml", "message: holding, audiences", "message: holdin, audiences", `unknown message "holdin"`},
		{"alias", "playbooks/fb-down.yaml", "approver: speaker", "approver: &x speaker\nx: *x", `YAML aliases (*x) are not allowed`},
		{"empty file", "playbooks/fb-down.yaml", minimalPlaybook, "", `the file is empty`},
		{"binary", "playbooks/fb-down.yaml", "title: Facebook down", "title: \x00\x01", `control character`},
		{"version", "playbooks/fb-down.yaml", "crisis: 1", "crisis: 2", `format version "2" is not supported`},
		{"missing locale file", ManualFile, "supported: [es]", "supported: [es, pl]", `locale "pl" has no message file`},
		{"unknown kind", ManualFile, "kind: sms", "kind: smss", `unknown channel kind`},
		{"upper-case kind", ManualFile, "kind: sms", "kind: SMS", `unknown channel kind "SMS" [CR003] (did you mean "sms"?)`},
		{"plural typo", "templates/es.yaml", "other:", "otehr:", `"otehr" is not a part of a variant [CR003] (did you mean "other"?)`},
		{"duplicate channel", ManualFile, "id: sms, kind", "id: fb, kind", `channel "fb" is declared twice`},
		{"bad zone", ManualFile, "Europe/Madrid", "Europe/Madird", `unknown time zone`},
		{"bad date", ManualFile, "2026-01-10", "10/01/2026", `is not a date`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diags := loadEdited(t, tt.file, tt.from, tt.to)
			for _, d := range diags {
				if strings.Contains(d, tt.want) {
					return
				}
			}
			t.Errorf("no problem containing %q; got:\n%s", tt.want, strings.Join(diags, "\n"))
		})
	}
}

func TestLoadTooBig(t *testing.T) {
	files := valid()
	files["playbooks/huge.yaml"] = strings.Repeat("# padding\n", MaxFileSize/10+1)
	_, diags := load(t, files)
	if len(diags) != 1 || !strings.Contains(diags[0], "a manual file may be at most") {
		t.Fatalf("got %v", diags)
	}
}

func TestBuiltinLoads(t *testing.T) {
	m, diags, err := Load(Builtin(), BuiltinRoot)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		if d.Severity >= 3 {
			t.Errorf("example manual: %s", d.Error())
		}
	}
	if len(m.Playbooks) == 0 {
		t.Fatal("no playbooks in the built-in manual")
	}
}

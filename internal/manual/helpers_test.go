package manual

import (
	"strings"
	"testing"
)

// The little playbooks of these tests are all Facebook going down, the
// customers hearing by SMS and one speaker who speaks and approves. Their
// common parts are written once here; each playbook puts together the parts
// it needs, so its text, and the line numbers its positions count, stay as
// they were: after a crisis: line, fbDownHead is lines 2 to 10 and holdStep
// lines 11 to 17, so what a playbook adds after them starts on line 18.

// fbDownHead is a playbook's head after its crisis: line, up to its steps
// or variables.
const fbDownHead = `kind: playbook
title: Facebook down
severity: high
detection: the page fails
` + fbDownFallback

// fbDownFallback says what is down, the fallback, who speaks and who
// approves.
const fbDownFallback = `down: {channels: [fb]}
fallbacks:
  customers: [sms]
spokesperson: speaker
approver: speaker
`

// holdStep is the steps: list opening with the holding message.
const holdStep = `steps:
  - id: hold
    title: Hold
    kind: holding
    owner: speaker
    deadline: 10m
    announce: [{message: holding, audiences: [customers], channels: [sms]}]
`

// withPlaybook is the minimal valid manual with playbook as its one
// playbook, playbooks/fb-down.yaml.
func withPlaybook(playbook string) map[string]string {
	files := valid()
	files["playbooks/fb-down.yaml"] = playbook
	return files
}

// loadClean loads files that must load without a problem.
func loadClean(t *testing.T, files map[string]string) *Manual {
	t.Helper()
	m, diags := load(t, files)
	if len(diags) != 0 {
		t.Fatalf("unexpected problems:\n%s", strings.Join(diags, "\n"))
	}
	return m
}

// editedIn is files with the first from in file replaced by to. A from the
// fixture lacks stops the test: else the edit would test nothing.
func editedIn(t *testing.T, files map[string]string, file, from, to string) map[string]string {
	t.Helper()
	if !strings.Contains(files[file], from) {
		t.Fatalf("fixture has no %q", from)
	}
	files[file] = strings.Replace(files[file], from, to, 1)
	return files
}

// loadEditedIn loads files with the first from in file replaced by to,
// and returns its problems.
func loadEditedIn(t *testing.T, files map[string]string, file, from, to string) []string {
	t.Helper()
	_, diags := load(t, editedIn(t, files, file, from, to))
	return diags
}

// wantProblem loads files and fails unless one problem starts with want.
func wantProblem(t *testing.T, files map[string]string, want string) {
	t.Helper()
	_, diags := load(t, files)
	for _, d := range diags {
		if strings.HasPrefix(d, want) {
			return
		}
	}
	t.Errorf("no problem %q; got:\n%s", want, strings.Join(diags, "\n"))
}

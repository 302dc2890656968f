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

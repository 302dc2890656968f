package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestNewPlaybookExitCodes: a mistake in the command line (an id that is
// no id, an unknown --like, a playbook init cannot write) is a usage
// error, exit 2; a playbook already there is refused by name.
func TestNewPlaybookExitCodes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "shop")
	initManual(t, dir)
	run := func(args ...string) (int, string) {
		code, stdout, stderr := crisisAt(t, dir, t.TempDir(), append([]string{"new", "playbook"}, args...)...)
		return code, stdout + stderr
	}
	for _, tc := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"x-down", "--like", "nothing"}, 2, `there is no playbook "nothing"`},
		{[]string{"x-down", "--like", "../playbooks/whatsapp-down"}, 2, "there is no playbook"},
		{[]string{"Bad_Id", "--like", "whatsapp-down"}, 2, "is not a playbook id"},
		{[]string{"Bad_Id"}, 2, "is not a playbook id"},
		{[]string{"store-fire"}, 2, "start from a playbook the manual has: --like OTHER"},
		{[]string{"whatsapp-down", "--like", "instagram-down"}, 1, "playbook whatsapp-down already exists"},
		{[]string{"whatsapp-down"}, 1, "playbook whatsapp-down already exists"},
		{[]string{"telegram-down", "--like", "whatsapp-down"}, 0, "wrote playbooks/telegram-down.yaml"},
	} {
		code, out := run(tc.args...)
		if code != tc.code || !strings.Contains(out, tc.says) {
			t.Errorf("new playbook %s: exit %d, %q; want exit %d saying %q", strings.Join(tc.args, " "), code, out, tc.code, tc.says)
		}
	}
}

package lint

import (
	"strings"
	"testing"
)

// TestFitEveryAnnouncer: CR501 measures a message with the values of each
// playbook that sends it: the playbook whose longer value makes the SMS
// overflow is reported, at its own announcement, in each locale; the one
// whose value fits is not.
func TestFitEveryAnnouncer(t *testing.T) {
	files := build(t)
	files["playbooks/zz-down.yaml"] = strings.Replace(strings.Replace(basePlaybook,
		"title: Facebook is down", "title: Zed is down", 1),
		"    example: Facebook\n    max_length: 10", "    example: Zed\n    max_length: 150", 1)
	res := lintFiles(t, files, nil, Config{})
	var got []string
	for _, d := range res.Findings {
		if d.Rule == "CR501" {
			got = append(got, d.Pos.String()+" "+d.Message)
		}
	}
	want := []string{
		// "Zed" padded to 150 characters, and " is down. Use SMS."
		"playbooks/zz-down.yaml:30:20 staff-brief on sms-staff in en does not fit: 168 GSM-7 septets, limit 160 (2 segments in GSM-7, 1 allowed)",
		// and " nie dziala. SMS."
		"playbooks/zz-down.yaml:30:20 staff-brief on sms-staff in pl does not fit: 167 GSM-7 septets, limit 160 (2 segments in GSM-7, 1 allowed)",
	}
	if len(got) != len(want) {
		t.Fatalf("CR501 findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("finding %d: %s\nwant: %s", i, got[i], want[i])
		}
	}
}

package manual

import (
	"strconv"
	"strings"
	"testing"
)

// injectFiles is replyFiles with a drill whose reply inject is answered
// on a channel, for a market (format 1.1), on the playbook's last line.
func injectFiles(inject string) map[string]string {
	files := replyFiles()
	files["playbooks/fb-down.yaml"] += "drill:\n  injects:\n    - {at: 5m, event: A customer asks, expect: Apologise, respond: reply, message: holding, " + inject + "}\n"
	return files
}

func TestInjectChannelAndMarket(t *testing.T) {
	files := injectFiles("channel: sms")
	m, diags := load(t, files)
	if len(diags) != 0 {
		t.Fatalf("unexpected problems:\n%s", strings.Join(diags, "\n"))
	}
	line := strings.Count(files["playbooks/fb-down.yaml"], "\n") // the inject's line
	in := m.Playbooks[0].Drill.Injects[0]
	// "    - {at: 5m, event: A customer asks, expect: Apologise, respond: reply, message: holding, channel: sms}"
	if in.Channel.ID != "sms" || in.Channel.Pos.Line != line || in.Channel.Pos.Col != 102 {
		t.Errorf("inject channel = %+v, want sms at %d:102", in.Channel, line)
	}
	for _, tt := range []struct{ name, inject, version, want string }{
		{"unknown channel", "channel: smss", "crisis: 1.1\n",
			`playbooks/fb-down.yaml:%d:102: error: unknown channel "smss" [CR005] (did you mean "sms"?)`},
		{"unknown market", "channel: sms, market: es-pe", "crisis: 1.1\n",
			`playbooks/fb-down.yaml:%d:115: error: unknown market "es-pe" [CR005]`},
		{"channel in 1.0", "channel: sms", "crisis: 1\n",
			"playbooks/fb-down.yaml:%d:93: error: an inject's channel is part of format 1.1, and this file says crisis: 1 [CR008]"},
	} {
		files := injectFiles(tt.inject)
		files["playbooks/fb-down.yaml"] = strings.Replace(files["playbooks/fb-down.yaml"], "crisis: 1.1\n", tt.version, 1)
		_, diags := load(t, files)
		if want := strings.Replace(tt.want, "%d", strconv.Itoa(line), 1); !containsDiag(diags, want) {
			t.Errorf("%s: no %q in\n%s", tt.name, want, strings.Join(diags, "\n"))
		}
	}
}

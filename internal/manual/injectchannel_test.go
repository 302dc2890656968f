package manual

import (
	"fmt"
	"os"
	"path/filepath"
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
	m := loadClean(t, files)
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

// An inject's market its channel does not reach is refused at the market:
// the draft would give Spain's facts to someone on Peru's SMS list.
func TestInjectMarketNotReached(t *testing.T) {
	files := map[string]string{}
	for _, name := range []string{ManualFile, "playbooks/fb-down.yaml", "templates/es.yaml"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "replymarkets", name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = string(b)
	}
	pb := files["playbooks/fb-down.yaml"]
	from := "      channel: sms-customers-pe\n"
	i := strings.Index(pb, from)
	if i < 0 {
		t.Fatalf("the fixture has no %q", from)
	}
	files["playbooks/fb-down.yaml"] = pb[:i] + from + "      market: es-es\n" + pb[i+len(from):]
	line := strings.Count(pb[:i], "\n") + 2 // the line after the channel's
	_, diags := load(t, files)
	want := fmt.Sprintf(`playbooks/fb-down.yaml:%d:15: error: channel "sms-customers-pe" does not reach market "es-es" [CR005]`, line)
	if !containsDiag(diags, want) {
		t.Errorf("no %q in\n%s", want, strings.Join(diags, "\n"))
	}
	if len(diags) != 1 {
		t.Errorf("%d findings, want 1:\n%s", len(diags), strings.Join(diags, "\n"))
	}
}

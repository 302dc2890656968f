package runbook

import (
	"strings"
	"testing"

	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/render"
)

// replyView records the replies shown and what was copied.
type replyView struct {
	quietView
	shown  []render.Announcement
	copied []string
}

func (v *replyView) Reply(_ *Session, _ *manual.Reply, a render.Announcement) {
	v.shown = append(v.shown, a)
}
func (v *replyView) Copy(text string) (string, error) {
	v.copied = append(v.copied, text)
	return "test", nil
}

// replySession starts fb-down of testdata/replies (a 1.1 manual with a
// reply library) at 02:00 UTC, 02:00 in Lisbon, with platform=Instagram (its example is Facebook:
// a reply drafted from the examples would say so).
func replySession(t *testing.T, drill bool) *Session {
	t.Helper()
	m, cat := exampletest.LoadDir(t, "replies")
	clock := newClock()
	s := mustStart(t, Options{RunsDir: t.TempDir(), Manual: m, Playbook: m.Playbook("fb-down"), Catalog: cat,
		Locales: []string{"en", "pt"}, Now: clock.now, Drill: drill})
	t.Cleanup(func() { s.Close() })
	for name, val := range map[string]string{"platform": "Instagram", "status_url": "status.acme.example"} {
		if err := s.SetVar(name, val); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func TestReplyDrafted(t *testing.T) {
	s := replySession(t, false)
	v := &replyView{}
	in := lines{"reply apology x pt", "y", "reply apology email-customers en", "y subject", "y", "l", "y"}
	f := &Flow{S: s, In: &in, View: v, Strict: true}
	err := f.Run()
	// The last y, after l, is a step's y again: it names no text.
	if err == nil || !strings.Contains(err.Error(), `"y"`) {
		t.Fatalf("run: %v", err)
	}
	// The run's values: its platform, and the next update the cadence
	// (30m) promises from the start at 02:00 Lisbon time.
	want := []struct{ channel, locale, subject, text string }{
		{"x", "pt", "", "Pedimos desculpa: Instagram está em baixo e não lhe pudemos responder aí. Voltamos a escrever às 02:30."},
		{"email-customers", "en", "We are sorry", "We are sorry: Instagram is down and we could not answer you there. We will write again at 2:30 AM."},
	}
	if len(v.shown) != len(want) {
		t.Fatalf("shown %d replies, want %d", len(v.shown), len(want))
	}
	for i, w := range want {
		a := v.shown[i]
		if a.Channel != w.channel || a.Locale != w.locale || a.Subject != w.subject || a.Text != w.text || !a.Fits {
			t.Errorf("reply %d = %s %s %q %q fits=%v, want %+v", i, a.Channel, a.Locale, a.Subject, a.Text, a.Fits, w)
		}
	}
	if n := v.shown[0].Length; n != 103 || v.shown[0].Unit != "weighted characters" {
		t.Errorf("x reply measured %d %s, want 103 weighted characters", n, v.shown[0].Unit)
	}
	wantCopied := []string{want[0].text + "\n", "We are sorry", want[1].text + "\n"}
	if strings.Join(v.copied, "|") != strings.Join(wantCopied, "|") {
		t.Errorf("copied %q, want %q", v.copied, wantCopied)
	}
	drafted := journaled[ReplyDrafted](t, s.Dir, journal.TypeReplyDrafted)
	copies := len(journaled[Copied](t, s.Dir, journal.TypeMessageCopied))
	wantDrafted := []ReplyDrafted{
		{Reply: "apology", Message: "reply-apology", Channel: "x", Locale: "pt", Step: "holding", Fits: true},
		{Reply: "apology", Message: "reply-apology", Channel: "email-customers", Locale: "en", Step: "holding", Fits: true},
	}
	if len(drafted) != 2 || drafted[0] != wantDrafted[0] || drafted[1] != wantDrafted[1] {
		t.Errorf("journaled %+v, want %+v", drafted, wantDrafted)
	}
	if copies != 3 {
		t.Errorf("%d copies journaled, want 3", copies)
	}
}

// In a drill a reply carries the exercise mark, as every text of it.
func TestReplyDraftedInADrill(t *testing.T) {
	s := replySession(t, true)
	v := &replyView{}
	f := &Flow{S: s, In: &lines{}, View: v}
	if err := f.do("reply order-check x"); err != nil {
		t.Fatal(err)
	}
	if len(v.shown) != 1 || v.shown[0].Text != "[DRILL] Your order is safe: Instagram being down does not touch it. Follow status.acme.example." {
		t.Errorf("drill reply = %+v", v.shown)
	}
}

func TestReplyRefused(t *testing.T) {
	s := replySession(t, false)
	f := &Flow{S: s, In: &lines{}, View: &replyView{}}
	for cmd, want := range map[string]string{
		"reply apolgy x":                 `unknown reply "apolgy"; the manual's replies are apology, order-check`,
		"reply apology sms":              `unknown channel "sms"; the manual's channels are facebook-page, x, email-customers, sms-staff`,
		"reply apology x es":             `this run speaks en, pt, not "es"`,
		"reply apology":                  `reply ID CH [LOC] drafts a reply of the manual's library (e.g. reply apology x pt):`,
		"reply a b c d":                  `reply ID CH [LOC] drafts a reply of the manual's library (e.g. reply apology x pt):`,
		"reply order-check x\ny subject": "",
	} {
		var err error
		for _, line := range strings.Split(cmd, "\n") {
			err = f.do(line)
		}
		if want == "" {
			want = "reply order-check on x has no subject"
		}
		if err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %q", cmd, err, want)
		}
	}
}

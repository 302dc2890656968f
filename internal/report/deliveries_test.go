package report

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// TestDeliveries: a journal with one send acknowledged, one whose process
// died between intent and outcome, and a bulk send with a batch in flight
// at the crash. The expected rows are written from the events by hand.
func TestDeliveries(t *testing.T) {
	rep := sendsReport(t, "en")
	if len(rep.Deliveries) != 3 {
		t.Fatalf("deliveries: %+v", rep.Deliveries)
	}
	byChannel := map[string]Delivery{}
	for _, d := range rep.Deliveries {
		byChannel[d.Channel] = d
	}
	tg := byChannel["telegram-channel"]
	if tg.SentAt == nil || tg.By != "lucia" || tg.ApprovedBy != "Carmen Vidal (CEO)" || strings.Join(tg.ProviderIDs, ",") != "4242" ||
		tg.Reached != 1 || tg.Failed != 0 || tg.Unknown != 0 || tg.Status != "sent" {
		t.Errorf("telegram: %+v", tg)
	}
	sp := byChannel["status-page"]
	if sp.SentAt != nil || sp.Unknown != 1 || sp.Status != "outcome unknown: check before resending" {
		t.Errorf("status-page: %+v", sp)
	}
	em := byChannel["email-customers"]
	if em.Reached != 98 || em.Failed != 1 || em.Unknown != 100 || em.SentAt != nil {
		t.Errorf("email: reached %d failed %d unknown %d: %+v", em.Reached, em.Failed, em.Unknown, em)
	}
	md := rendered(t, Markdown, rep, english)
	for _, want := range []string{
		"## Deliveries",
		"| Telegram channel t.me/rioverdehogar | es | 2026-11-23 ",
		"| lucia | Carmen Vidal (CEO) | telegram | 4242 | 1 | 0 | 0 | sent |",
		"Unknown outcomes:",
		"status.rioverde.example (es), message meta-holding via slack: 1 outcome unknown; check where slack posts before resending",
		"Newsletter and order e-mail (es), message meta-holding via smtp: 100 outcomes unknown; check /srv/c.csv",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "send batch") {
		t.Error("bulk batches flood the timeline")
	}
}

func seq(from, to int) []int {
	var out []int
	for i := from; i <= to; i++ {
		out = append(out, i)
	}
	return out
}

// sendsReport is the report of a journal with one send acknowledged, one
// whose process died between intent and outcome, and a bulk send with a
// batch in flight at the crash, made with the manual's own texts (names,
// roles, channels) in locale, as a reader of that language gets it.
func sendsReport(t *testing.T, locale string) *Report {
	t.Helper()
	m, _ := example(t)
	m = m.In(locale)
	c := &exampletest.Script{Now: start} // no answers: a clock the journal's events move
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j, _, err := journal.Create(path, c.Clock, time.UTC, journal.TypeRunStarted,
		runbook.Started{RunID: "r1", Playbook: "meta-outage", Title: "Meta", Locales: []string{"es"}})
	if err != nil {
		t.Fatal(err)
	}
	at := start.Add(3 * time.Minute)
	steps := []struct {
		typ  string
		data any
	}{
		{journal.TypeMessageApproved, runbook.Message{Step: "holding", Message: "meta-holding", By: "carmen-vidal"}},
		{journal.TypeSendIntent, runbook.SendIntent{Key: "r1/holding/meta-holding/telegram-channel/es", Step: "holding", Message: "meta-holding",
			Channel: "telegram-channel", Locale: "es", Provider: "telegram", Where: "chat_id=@rioverdehogar", Count: 1, By: "lucia", At: at}},
		{journal.TypeSendOutcome, runbook.SendOutcome{Key: "r1/holding/meta-holding/telegram-channel/es", ID: "4242", Delivered: 1}},
		{journal.TypeMessageSent, runbook.Message{Step: "holding", Message: "meta-holding", Channel: "telegram-channel", Locale: "es"}},
		{journal.TypeSendIntent, runbook.SendIntent{Key: "r1/holding/meta-holding/status-page/es", Step: "holding", Message: "meta-holding",
			Channel: "status-page", Locale: "es", Provider: "slack", Count: 1, By: "lucia", At: at}},
		{journal.TypeSendIntent, runbook.SendIntent{Key: "r1/holding/meta-holding/email-customers/es", Step: "holding", Message: "meta-holding",
			Channel: "email-customers", Locale: "es", Provider: "smtp", Where: "/srv/c.csv", RecipientsSHA256: "ab", Count: 300, By: "lucia", At: at}},
		{journal.TypeSendBatchIntent, runbook.SendBatch{Key: "r1/holding/meta-holding/email-customers/es", Seq: 0, First: 2, Last: 101}},
		{journal.TypeSendBatchIntent, runbook.SendBatch{Key: "r1/holding/meta-holding/email-customers/es", Seq: 1, First: 102, Last: 201}},
		{journal.TypeSendBatch, runbook.SendBatch{Key: "r1/holding/meta-holding/email-customers/es", Seq: 0, First: 2, Last: 101,
			Delivered: seq(2, 99), Failed: []int{101}, Settled: 100}},
	}
	for _, s := range steps {
		c.Now = c.Now.Add(time.Second)
		if _, err := j.Append(s.typ, s.data); err != nil {
			t.Fatal(err)
		}
	}
	j.Close()
	events, dmg, err := journal.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Build(m, m.Playbook("meta-outage"), events, dmg)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

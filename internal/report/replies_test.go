package report

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/runbook"
	"golang.org/x/text/language"
)

func TestRepliesCounted(t *testing.T) {
	var events []journal.Event
	for _, d := range []runbook.ReplyDrafted{
		{Reply: "apology", Message: "reply-apology", Channel: "x", Locale: "es", Fits: true},
		{Reply: "order-check", Message: "reply-order", Channel: "sms-customers", Locale: "pl", Fits: false},
		{Reply: "apology", Message: "reply-apology", Channel: "email-customers", Locale: "es", Fits: true},
		{Reply: "apology", Message: "reply-apology", Channel: "x", Locale: "pt", Fits: true},
	} {
		data, _ := json.Marshal(d)
		events = append(events, journal.Event{Type: journal.TypeReplyDrafted, Data: data}, journal.Event{Type: journal.TypeNote, Data: []byte(`{"text":"x"}`)})
	}
	r := &Report{}
	r.replies(events)
	want := []ReplyCount{
		{Reply: "apology", Message: "reply-apology", Drafted: 3, Channels: []string{"x", "email-customers"}, Locales: []string{"es", "pt"}},
		{Reply: "order-check", Message: "reply-order", Drafted: 1, TooLong: 1, Channels: []string{"sms-customers"}, Locales: []string{"pl"}},
	}
	if !reflect.DeepEqual(r.Replies, want) {
		t.Errorf("replies = %+v, want %+v", r.Replies, want)
	}
	wantMD := "## Respuestas preparadas\n\n| respuesta | mensaje | preparadas | demasiado largas | canales | idiomas |\n| --- | --- | --- | --- | --- | --- |\n" +
		"| apology | `reply-apology` | 3 | 0 | x, email-customers | es, pt |\n| order-check | `reply-order` | 1 | 1 | sms-customers | pl |\n\n"
	if got := repliesMD(r, language.Spanish); got != wantMD {
		t.Errorf("markdown:\n%s\nwant:\n%s", got, wantMD)
	}
	// No reply drafted: no section, and no key in the JSON.
	empty := &Report{}
	empty.replies(nil)
	md := repliesMD(empty, language.English)
	if js, _ := json.Marshal(empty); md != "" || strings.Contains(string(js), `"replies"`) {
		t.Errorf("empty: %q %s", md, js)
	}
}

// repliesMD is the report's section of drafted replies in Markdown, in
// the language of tag.
func repliesMD(r *Report, tag language.Tag) string {
	var b strings.Builder
	writeRepliesMD(&b, r, lang.For(tag))
	return b.String()
}

// Replies written for a market (format 1.1) are counted per market.
func TestRepliesCountedPerMarket(t *testing.T) {
	var events []journal.Event
	for _, d := range []runbook.ReplyDrafted{
		{Reply: "apology", Message: "reply-apology", Channel: "sms-customers-pe", Locale: "es", Fits: true, Market: "es-pe"},
		{Reply: "apology", Message: "reply-apology", Channel: "email-customers", Locale: "es", Fits: true, Market: "es-pe"},
		{Reply: "apology", Message: "reply-apology", Channel: "sms-customers-es", Locale: "es", Fits: true, Market: "es-es"},
	} {
		data, _ := json.Marshal(d)
		events = append(events, journal.Event{Type: journal.TypeReplyDrafted, Data: data})
	}
	r := &Report{}
	r.replies(events)
	js, _ := json.Marshal(r.Replies)
	if !strings.Contains(string(js), `"markets":{"es-es":1,"es-pe":2}`) {
		t.Errorf("replies = %s, want markets es-es 1 and es-pe 2", js)
	}
	// The Markdown and HTML reports count them too, in the reader's language.
	wantMD := "## Przygotowane odpowiedzi\n\n| odpowiedź | wiadomość | szkice | za długie | kanały | języki | szkice według rynku |\n| --- | --- | --- | --- | --- | --- | --- |\n" +
		"| apology | `reply-apology` | 3 | 0 | sms-customers-pe, email-customers, sms-customers-es | es | es-es 1, es-pe 2 |\n\n"
	if got := repliesMD(r, language.Polish); got != wantMD {
		t.Errorf("markdown:\n%s\nwant:\n%s", got, wantMD)
	}
	rep := sendsReport(t, "es")
	rep.Replies = r.Replies
	h := rendered(t, HTML, rep, lang.For(language.Spanish))
	for _, want := range []string{"<th>preparadas por mercado</th>", "<td>es-es 1, es-pe 2</td>"} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML has no %s", want)
		}
	}
}

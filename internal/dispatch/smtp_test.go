package dispatch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/emersion/go-smtp"
)

func writeList(t testing.TB, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "customers.csv")
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

const holdingSubject = "Facebook no funciona: cómo contactarnos"
const holdingBody = "Hola:\nFacebook no funciona. Escríbenos a ayuda@rioverde.example o llama al +34 910 200 400.\nPróxima actualización: 03:43."

func holding() Announcement {
	return Announcement{Channel: "email-customers", Kind: "email", Locale: "es", Subject: holdingSubject, Text: holdingBody, Key: "20261123-014315-facebook-down/holding/email-customers/es"}
}

func TestSMTPSendsOneRealMIMEMessagePerRecipient(t *testing.T) {
	srv := startSMTP(t, nil)
	list := writeList(t, "name,email,opt_out\n"+
		"Ana,ana@example.com,\n"+
		"Bartek,bartek@example.pl,tak\n"+
		"Carmen,not-an-address,\n"+
		"Dario,dario@example.com,no\n"+
		"Ana again,ANA@example.com,\n"+
		"Eva,eva@example.com,maybe\n")
	cfg, env := srv.config(list)
	target, err := Open(cfg, env)
	if err != nil {
		t.Fatal(err)
	}
	var batches []Batch
	out, err := target.Send(context.Background(), Request{Announcement: holding(), OnBatch: func(b Batch) error { batches = append(batches, b); return nil }})
	if err != nil {
		t.Fatal(err)
	}
	if out.Delivered != 2 || out.OptedOut != 1 || out.FailedCount != 3 || out.Settled != 6 {
		t.Fatalf("outcome = delivered %d, opted out %d, failed %d, settled %d; want 2, 1, 3, 6", out.Delivered, out.OptedOut, out.FailedCount, out.Settled)
	}
	wantFailed := []string{
		list + `:4:8: "not-an-address" is not an e-mail address (write it as name@example.com)`,
		list + `:6:11: duplicate of line 2: sent once, there`,
		list + `:7:21: opt-out value "maybe": write yes or no (not sent until it is clear)`,
	}
	for i, f := range out.Failed {
		if f.Err.Error() != wantFailed[i] {
			t.Errorf("failure %d = %q, want %q", i, f.Err, wantFailed[i])
		}
	}
	for _, addr := range []string{"ana@example.com", "dario@example.com"} {
		if n := srv.received(addr); n != 1 {
			t.Errorf("%s received %d messages, want 1", addr, n)
		}
	}
	for _, addr := range []string{"bartek@example.pl", "eva@example.com", "ANA@example.com"} {
		if n := srv.received(addr); n != 0 {
			t.Errorf("%s received %d messages, want 0", addr, n)
		}
	}
	if len(batches) != 1 || batches[0].FirstLine != 2 || batches[0].LastLine != 7 || batches[0].Settled != 6 || len(batches[0].Delivered) != 2 {
		t.Errorf("batches = %+v", batches)
	}
	ids := map[string]string{}
	for _, d := range batches[0].Delivered {
		ids[d.Recipient] = d.ID
	}
	for _, m := range srv.messages() {
		checkMIME(t, m, ids)
	}
}

// checkMIME checks one received message as RFC 5322, RFC 2045 and RFC 2047
// define it, decoding with the standard library's readers.
func checkMIME(t *testing.T, m received, ids map[string]string) {
	t.Helper()
	rcpt := m.to[0]
	if len(m.to) != 1 || !m.tls || m.user != "avisos@rioverde.example" || m.from != "avisos@rioverde.example" {
		t.Errorf("envelope: from %q to %v, tls %v, user %q", m.from, m.to, m.tls, m.user)
	}
	head, _, _ := strings.Cut(string(m.data), "\r\n\r\n")
	for i := 0; i < len(head); i++ {
		if head[i] >= 0x80 {
			t.Fatalf("%s: 8-bit byte in the header: %q", rcpt, head)
		}
	}
	msg, err := mail.ReadMessage(strings.NewReader(string(m.data)))
	if err != nil {
		t.Fatal(err)
	}
	h := msg.Header
	raw := h.Get("Subject")
	if !strings.HasPrefix(strings.ToUpper(raw), "=?UTF-8?") {
		t.Errorf("%s: subject %q is not an RFC 2047 encoded-word", rcpt, raw)
	}
	if got, err := new(mime.WordDecoder).DecodeHeader(raw); err != nil || got != holdingSubject {
		t.Errorf("%s: subject decodes to %q (%v), want %q", rcpt, got, err, holdingSubject)
	}
	to, err := mail.ParseAddressList(h.Get("To"))
	if err != nil || len(to) != 1 || to[0].Address != rcpt {
		t.Errorf("%s: To %q: each message names only its own recipient", rcpt, h.Get("To"))
	}
	mt, params, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil || mt != "text/plain" || !strings.EqualFold(params["charset"], "utf-8") {
		t.Errorf("%s: Content-Type %q", rcpt, h.Get("Content-Type"))
	}
	if h.Get("MIME-Version") != "1.0" || !strings.EqualFold(h.Get("Content-Transfer-Encoding"), "quoted-printable") {
		t.Errorf("%s: MIME-Version %q, Content-Transfer-Encoding %q", rcpt, h.Get("MIME-Version"), h.Get("Content-Transfer-Encoding"))
	}
	body, err := io.ReadAll(quotedprintable.NewReader(msg.Body))
	if err != nil || strings.TrimSuffix(strings.ReplaceAll(string(body), "\r\n", "\n"), "\n") != holdingBody {
		t.Errorf("%s: body %q (%v), want %q", rcpt, body, err, holdingBody)
	}
	wantUnsub := fmt.Sprintf("<mailto:baja@rioverde.example?subject=baja>, <https://rioverde.example/baja?u=%s>", strings.ReplaceAll(rcpt, "@", "%40"))
	if h.Get("List-Unsubscribe") != wantUnsub || h.Get("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" {
		t.Errorf("%s: List-Unsubscribe %q / %q, want %q", rcpt, h.Get("List-Unsubscribe"), h.Get("List-Unsubscribe-Post"), wantUnsub)
	}
	if h.Get("Message-Id") != "<"+ids[rcpt]+">" || ids[rcpt] == "" {
		t.Errorf("%s: Message-ID %q, outcome id %q", rcpt, h.Get("Message-Id"), ids[rcpt])
	}
	if h.Get("Content-Language") != "es" {
		t.Errorf("%s: Content-Language %q", rcpt, h.Get("Content-Language"))
	}
}

func TestSMTPFaults(t *testing.T) {
	srv := startSMTP(t, func(s *smtpServer) {
		s.rcptFault = func(addr string, attempt int) error {
			switch {
			case addr == "gone@example.com":
				return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "mailbox unavailable"}
			case addr == "busy@example.com" && attempt == 1:
				return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "try again later"}
			}
			return nil
		}
		s.dropAfterData = "drop@example.com"
	})
	list := writeList(t, "email\ngone@example.com\nbusy@example.com\ndrop@example.com\nafter@example.com\n")
	cfg, env := srv.config(list)
	cfg.Parallel = 1
	target, err := Open(cfg, env)
	if err != nil {
		t.Fatal(err)
	}
	out, err := target.Send(context.Background(), Request{Announcement: holding()})
	if err != nil {
		t.Fatal(err)
	}
	byAddr := map[string]*Error{}
	for _, f := range out.Failed {
		var e *Error
		if errors.As(f.Err, &e) {
			byAddr[f.Recipient] = e
		}
	}
	if e := byAddr["gone@example.com"]; e == nil || e.Status != 550 || e.Retry != Refused {
		t.Errorf("gone: %v, want 550 refused", e)
	}
	if e := byAddr["drop@example.com"]; e == nil || e.Retry != Unknown {
		t.Errorf("drop: %v, want unknown (the dot was sent, no reply came)", e)
	}
	if out.Delivered != 2 || out.Unknown != 1 || out.FailedCount != 2 {
		t.Errorf("delivered %d, unknown %d, failed %d; want 2, 1, 2", out.Delivered, out.Unknown, out.FailedCount)
	}
	// busy got a 451 and was sent again; drop was never resent; after
	// went out on a new connection once the old one was dropped.
	want := map[string]int{"gone@example.com": 0, "busy@example.com": 1, "drop@example.com": 1, "after@example.com": 1}
	for addr, n := range want {
		if got := srv.received(addr); got != n {
			t.Errorf("%s received %d, want %d", addr, got, n)
		}
	}
}

func TestSMTPCheckLogsInWithoutSending(t *testing.T) {
	srv := startSMTP(t, nil)
	list := writeList(t, "email,opt_out\na@example.com,\nb@example.com,yes\nbad,\n")
	cfg, env := srv.config(list)
	target, err := Open(cfg, env)
	if err != nil {
		t.Fatal(err)
	}
	r := target.Check(context.Background())
	want := []string{
		"connected to 127.0.0.1:" + strings.Split(srv.addr, ":")[1] + " with STARTTLS, EHLO accepted",
		"AUTH accepted for avisos@rioverde.example",
		"recipient list " + list + ": 1 to send, 1 opted out, 1 malformed",
	}
	if fmt.Sprint(r.Verified) != fmt.Sprint(want) {
		t.Errorf("verified %q, want %q", r.Verified, want)
	}
	if r.Err == nil || !strings.Contains(r.Err.Error(), list+":4:1: \"bad\" is not an e-mail address") {
		t.Errorf("err = %v, want the malformed row with file:line", r.Err)
	}
	if srv.logins != 1 || len(srv.messages()) != 0 {
		t.Errorf("logins %d, messages %d; want 1, 0", srv.logins, len(srv.messages()))
	}

	// A wrong password is refused, and the error does not quote it.
	srv.pass = "another-password"
	cfg2, env2 := srv.config(list)
	target, _ = Open(cfg2, env2)
	srv.pass = "s3cret-smtp-pass"
	r = target.Check(context.Background())
	var e *Error
	if !errors.As(r.Err, &e) || e.Retry != Refused || strings.Contains(e.Error(), "another-password") {
		t.Errorf("wrong password: %v, want refused without the password", r.Err)
	}
}

// A relay that is not listening did nothing: safe to retry, even on a port
// number that looks like a reply code.
func TestSMTPUnreachableRelayIsSafe(t *testing.T) {
	list := writeList(t, "email\na@example.com\n")
	target, err := Open(Config{Name: "mail", Provider: "smtp", URL: "smtp://127.0.0.1:587", Recipients: &RecipientList{Path: list},
		Options: map[string]string{"from": "a@example.com", "list_unsubscribe": "<mailto:u@example.com>"}}, Env{})
	if err != nil {
		t.Fatal(err)
	}
	r := target.Check(context.Background())
	var e *Error
	if !errors.As(r.Err, &e) || e.Retry != Safe || e.Status != 0 {
		t.Errorf("check: %v, want safe to retry with no reply code", r.Err)
	}
}

func TestSMTPImplicitTLS(t *testing.T) {
	srv := startSMTP(t, func(s *smtpServer) { s.implicitTLS = true })
	cfg, env := srv.config(writeList(t, "email\na@example.com\n"))
	cfg.URL = "smtps://" + srv.addr
	target, err := Open(cfg, env)
	if err != nil {
		t.Fatal(err)
	}
	r := target.Check(context.Background())
	if r.Err != nil || len(r.Verified) == 0 || !strings.HasSuffix(r.Verified[0], " with TLS, EHLO accepted") {
		t.Fatalf("check %q, %v", r.Verified, r.Err)
	}
	out, err := target.Send(context.Background(), Request{Announcement: holding()})
	if err != nil || out.Delivered != 1 || srv.received("a@example.com") != 1 || !srv.messages()[0].tls {
		t.Errorf("send over TLS: %+v, %v", out, err)
	}
}

// A relay without STARTTLS, or with a certificate we do not trust, is
// refused: the password never goes out in clear, and retrying cannot help.
func TestSMTPRefusesAnInsecureRelay(t *testing.T) {
	plain := startSMTP(t, func(s *smtpServer) { s.noTLS = true })
	cfg, env := plain.config(writeList(t, "email\na@example.com\n"))
	untrusted := startSMTP(t, nil)
	cfg2, env2 := untrusted.config(writeList(t, "email\na@example.com\n"))
	env2.RootCAs = nil
	for name, c := range map[string]struct {
		cfg  Config
		env  Env
		want string
	}{"no STARTTLS": {cfg, env, "does not support STARTTLS"}, "untrusted certificate": {cfg2, env2, "certificate"}} {
		target, err := Open(c.cfg, c.env)
		if err != nil {
			t.Fatal(err)
		}
		r := target.Check(context.Background())
		var e *Error
		if !errors.As(r.Err, &e) || e.Retry != Refused || !strings.Contains(e.Msg, c.want) {
			t.Errorf("%s: %v, want refused mentioning %q", name, r.Err, c.want)
		}
	}
	if plain.logins+untrusted.logins != 0 {
		t.Errorf("logged in over an insecure connection")
	}
}

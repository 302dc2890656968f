package dispatch

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/textproto"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/wneessen/go-mail"
)

// E-mail over SMTP, on github.com/wneessen/go-mail (v0.8.1; v0.8.2 needs a
// newer Go): it writes correct MIME (quoted-printable UTF-8 bodies, RFC
// 2047 subjects), does STARTTLS, implicit TLS and every common AUTH
// mechanism, keeps a connection for many messages and tells, per message,
// whether it was delivered and with which SMTP reply code it was not.
// net/smtp would leave all of that to us.
//
// Options: from (required), list_unsubscribe (required: the
// List-Unsubscribe value, e.g. "<mailto:baja@example.com>,
// <https://example.com/baja>"; an https URL also adds the RFC 8058
// one-click List-Unsubscribe-Post), username (AUTH is used when set; the
// secret is the password), tls ("starttls", the default for smtp://, or
// "none", allowed only for a relay on this machine), helo.
func init() {
	register(Provider{Name: "smtp", Kinds: []string{"email"}, Bulk: true, address: emailAddress,
		Secret: "the SMTP password (with option username)", open: openSMTP})
}

type smtpTarget struct {
	cfg                    Config
	env                    Env
	host                   string
	port                   int
	implicitTLS, plain     bool
	from, unsubscribe      string
	username, helo, domain string
	password               Secret
}

func openSMTP(cfg Config, env Env) (Target, error) {
	o := newOptions(cfg)
	t := &smtpTarget{cfg: cfg, env: env}
	t.from = o.need("from", "the sender address")
	t.unsubscribe = o.need("list_unsubscribe", "RFC 2369 List-Unsubscribe: bulk mail without it is refused by large mailbox providers")
	t.username = o.get("username", "")
	t.helo = o.get("helo", "")
	tlsMode := o.get("tls", "starttls")
	if err := o.err(); err != nil {
		return nil, err
	}
	if _, err := parseEmail(t.from); err != nil {
		return nil, fmt.Errorf("target %s: option from: %v", cfg.Name, err)
	}
	t.domain = t.from[strings.LastIndexByte(t.from, '@')+1:]
	u, err := url.Parse(cfg.URL)
	if err != nil || u.Hostname() == "" || (u.Scheme != "smtp" && u.Scheme != "smtps") {
		return nil, fmt.Errorf("target %s: url %q: write smtp://HOST:587 (STARTTLS) or smtps://HOST:465 (TLS)", cfg.Name, cfg.URL)
	}
	t.host, t.implicitTLS = u.Hostname(), u.Scheme == "smtps"
	t.port = 587
	if t.implicitTLS {
		t.port = 465
	}
	if p := u.Port(); p != "" {
		t.port, _ = strconv.Atoi(p)
	}
	switch tlsMode {
	case "starttls":
	case "none":
		if !isLoopback(t.host) || t.implicitTLS {
			return nil, fmt.Errorf("target %s: tls none is allowed only for a relay on this machine (localhost), not %s", cfg.Name, t.host)
		}
		t.plain = true
	default:
		return nil, fmt.Errorf("target %s: option tls %q: write starttls or none", cfg.Name, tlsMode)
	}
	if t.username != "" {
		if t.password, err = cfg.Secret.Resolve(env.LookupEnv); err != nil {
			return nil, fmt.Errorf("target %s: %w", cfg.Name, err)
		}
	}
	return t, nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (t *smtpTarget) bulk() bulk {
	return bulk{provider: "smtp", list: *t.cfg.Recipients, kind: emailAddress, parallel: t.cfg.Parallel, batchSize: t.cfg.Batch,
		open: func(ctx context.Context) (batchSender, *Error) {
			c, err := t.dial(ctx)
			if err != nil {
				return nil, err
			}
			return &smtpConn{t: t, c: c}, nil
		}}
}

func (t *smtpTarget) Send(ctx context.Context, req Request) (Outcome, error) {
	return t.bulk().run(ctx, req)
}

// dial connects, says EHLO, secures the connection and logs in.
func (t *smtpTarget) dial(ctx context.Context) (*mail.Client, *Error) {
	// No RSET after each message: a completed DATA already ends the
	// transaction (RFC 5321 s4.1.1.4), and go-mail still resets after a
	// refused recipient. No NOOP before each message either: a dead
	// connection shows at MAIL FROM, before anything is sent, which is
	// safe to retry. Two round trips less per message.
	opts := []mail.Option{mail.WithPort(t.port), mail.WithTimeout(30 * time.Second), mail.WithoutRset(), mail.WithoutNoop(),
		mail.WithTLSConfig(&tls.Config{ServerName: t.host, RootCAs: t.env.RootCAs, MinVersion: tls.VersionTLS12})}
	switch {
	case t.implicitTLS:
		opts = append(opts, mail.WithSSL())
	case t.plain:
		opts = append(opts, mail.WithTLSPolicy(mail.NoTLS))
	default:
		opts = append(opts, mail.WithTLSPolicy(mail.TLSMandatory))
	}
	if t.helo != "" {
		opts = append(opts, mail.WithHELO(t.helo))
	}
	if t.username != "" {
		opts = append(opts, mail.WithSMTPAuth(mail.SMTPAuthAutoDiscover),
			mail.WithUsername(t.username), mail.WithPassword(t.password.reveal()))
	}
	c, err := mail.NewClient(t.host, opts...)
	if err == nil {
		err = c.DialWithContext(ctx)
	}
	if err != nil {
		return nil, t.connError(err)
	}
	return c, nil
}

// connError classifies a failure to connect or log in: a 5xx reply (a
// refused login) is refused and a 4xx temporary; a relay that cannot be
// reached or drops the connection did nothing, so retrying is safe; the
// rest (no STARTTLS, an untrusted certificate, no common AUTH mechanism)
// fails the same way until the configuration changes.
func (t *smtpTarget) connError(err error) *Error {
	msg := scrubber{t.password.reveal()}.scrub(err.Error())
	e := &Error{Provider: "smtp", Op: "connect", Msg: fmt.Sprintf("%s:%d: %s", t.host, t.port, msg), Retry: Refused}
	var reply *textproto.Error
	var opErr *net.OpError
	switch {
	case errors.As(err, &reply):
		e.Status = reply.Code
		if reply.Code < 500 {
			e.Retry = Safe
		}
	case errors.As(err, &opErr), errors.Is(err, io.EOF), isTimeout(err):
		e.Retry = Safe
	}
	return e
}

// messageID is derived from the send's key and the recipient, so the same
// message to the same person always has the same Message-ID: the journal
// can name it, and a receiving system may deduplicate on it.
func (t *smtpTarget) messageID(key, addr string) string {
	h := sha256.Sum256([]byte(key + "\x00" + strings.ToLower(addr)))
	return hex.EncodeToString(h[:16]) + "@" + t.domain
}

func (t *smtpTarget) message(a Announcement, to string) (*mail.Msg, error) {
	m := mail.NewMsg(mail.WithNoDefaultUserAgent())
	if err := m.From(t.from); err != nil {
		return nil, err
	}
	if err := m.To(to); err != nil {
		return nil, err
	}
	m.Subject(a.Subject)
	m.SetMessageIDWithValue(t.messageID(a.Key, to))
	m.SetDateWithValue(t.env.Now())
	unsub := strings.ReplaceAll(t.unsubscribe, "{address}", url.QueryEscape(to))
	m.SetGenHeader(mail.HeaderListUnsubscribe, unsub)
	if strings.Contains(unsub, "<https://") {
		m.SetGenHeader(mail.HeaderListUnsubscribePost, "List-Unsubscribe=One-Click")
	}
	if a.Locale != "" {
		m.SetGenHeader(mail.HeaderContentLang, a.Locale)
	}
	m.SetBodyString(mail.TypeTextPlain, a.Text)
	return m, nil
}

// smtpConn is one worker's connection.
type smtpConn struct {
	t *smtpTarget
	c *mail.Client
}

func (s *smtpConn) close() { _ = s.c.Close() }

// send sends a batch over the connection, one message at a time so an
// interruption stops between two messages. Messages whose failure is safe
// to retry (a 4xx reply, a connection lost before the final dot) are sent
// again, after a reconnect when the connection died, up to the retry
// policy's attempts; a message whose final dot got no reply is unknown and
// never resent.
func (s *smtpConn) send(ctx context.Context, a Announcement, to []recipient) ([]result, *Error) {
	results := make([]result, len(to))
	pending := make([]int, len(to))
	for i := range to {
		pending[i] = i
	}
	env := s.t.env
	for attempt := 1; len(pending) > 0; attempt++ {
		var retry []int
		for _, i := range pending {
			if ctx.Err() != nil {
				// Interrupted: the rest stay unattempted, so the batch is
				// not settled and a resume sends them.
				return results, nil
			}
			m, err := s.t.message(a, to[i].addr)
			if err != nil {
				results[i] = result{attempted: true, err: &Error{Provider: "smtp", Op: "send", Msg: err.Error(), Retry: Refused}}
				continue
			}
			_ = s.c.Send(m)
			results[i] = s.outcome(m)
			if e := results[i].err; e != nil && e.Retry == Safe && attempt < env.Retry.Attempts {
				retry = append(retry, i)
			}
		}
		pending = retry
		if len(pending) == 0 {
			break
		}
		if env.Sleep(ctx, env.Retry.Base<<(attempt-1)) != nil {
			break
		}
		if err := s.reconnect(ctx); err != nil {
			return results, err
		}
	}
	return results, nil
}

// reconnect starts a new connection before a retry: the old one may have
// died with the failure (retries are rare, a new connection is cheap).
func (s *smtpConn) reconnect(ctx context.Context) *Error {
	_ = s.c.Close()
	c, err := s.t.dial(ctx)
	if err != nil {
		return err
	}
	s.c = c
	return nil
}

// outcome reads what happened to one message.
func (s *smtpConn) outcome(m *mail.Msg) result {
	id := strings.Trim(m.GetGenHeader(mail.HeaderMessageID)[0], "<>")
	if m.IsDelivered() {
		return result{attempted: true, id: id}
	}
	err := m.SendError()
	if err == nil {
		// Never tried: the connection check before the batch failed.
		return result{attempted: true, err: &Error{Provider: "smtp", Op: "send", Msg: "the connection was lost before this message", Retry: Safe}}
	}
	e := &Error{Provider: "smtp", Op: "send", Msg: scrubber{s.t.password.reveal()}.scrub(err.Error()), Retry: Safe}
	var se *mail.SendError
	if errors.As(err, &se) {
		e.Status = se.ErrorCode()
		switch {
		case e.Status >= 500:
			e.Retry = Refused
		case e.Status >= 400:
			e.Retry = Safe
		case se.Reason == mail.ErrSMTPDataClose:
			// The final dot was sent and no reply came: the relay may
			// have accepted the message.
			e.Retry = Unknown
		}
	}
	return result{attempted: true, err: e}
}

// Check connects, says EHLO, secures the connection and logs in, then
// reads the recipient list through; it sends nothing.
func (t *smtpTarget) Check(ctx context.Context) CheckReport {
	r := CheckReport{Target: t.cfg.Name, Provider: "smtp",
		Unverified: []string{"that the relay delivers to the recipients' mailboxes (only a sent message shows it)"}}
	c, err := t.dial(ctx)
	if err != nil {
		r.Err = err
		return r
	}
	_ = c.Close()
	how := "STARTTLS"
	switch {
	case t.implicitTLS:
		how = "TLS"
	case t.plain:
		how = "no TLS (local relay)"
	}
	r.Verified = append(r.Verified, fmt.Sprintf("connected to %s:%d with %s, EHLO accepted", t.host, t.port, how))
	if t.username != "" {
		r.Verified = append(r.Verified, "AUTH accepted for "+t.username)
	}
	checkList(&r, *t.cfg.Recipients, emailAddress)
	return r
}

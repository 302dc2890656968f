package dispatch

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"io"
	"math/big"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// received is one message as the test SMTP server got it.
type received struct {
	from string
	to   []string
	data []byte
	tls  bool
	user string
}

// smtpServer is a real SMTP server (github.com/emersion/go-smtp) on a
// loopback port, with STARTTLS on a certificate made for the test, AUTH
// PLAIN, and faults chosen per recipient.
type smtpServer struct {
	addr  string
	roots *x509.CertPool
	user  string
	pass  string
	// rcptFault answers RCPT TO for an address with an error (nil: accept);
	// attempt counts from 1 per address.
	rcptFault func(addr string, attempt int) error
	// dropAfterData closes the connection, without a reply, after reading
	// the message for this address.
	dropAfterData string
	// discard keeps counts per recipient, not messages; totalOnly keeps
	// one count (benchmarks: the double's memory is in the same heap).
	discard, totalOnly bool
	total              int
	// noTLS offers no STARTTLS.
	noTLS bool
	// implicitTLS serves TLS from the first byte (port 465 style)
	// instead of STARTTLS.
	implicitTLS bool
	// rtt delays every reply to MAIL, RCPT and DATA, as a relay across a
	// network would.
	rtt time.Duration

	mu       sync.Mutex
	msgs     []received
	count    map[string]int
	attempts map[string]int
	logins   int
}

func startSMTP(t testing.TB, configure func(*smtpServer)) *smtpServer {
	t.Helper()
	s := &smtpServer{user: "avisos@rioverde.example", pass: "s3cret-smtp-pass", count: map[string]int{}, attempts: map[string]int{}}
	if configure != nil {
		configure(s)
	}
	cert, roots := testCert(t)
	s.roots = roots
	srv := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		return &smtpSession{s: s, c: c}, nil
	}))
	srv.Domain = "localhost"
	if !s.noTLS {
		srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}}
	}
	srv.MaxRecipients = 50
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	srv.ErrorLog = discardLogger{}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.addr = l.Addr().String()
	if s.implicitTLS {
		l = tls.NewListener(l, srv.TLSConfig)
	}
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return s
}

type discardLogger struct{}

func (discardLogger) Printf(string, ...any) {}
func (discardLogger) Println(...any)        {}

func (s *smtpServer) received(addr string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.count[addr]
}

func (s *smtpServer) messages() []received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]received(nil), s.msgs...)
}

type smtpSession struct {
	s    *smtpServer
	c    *smtp.Conn
	from string
	to   []string
	user string
}

func (x *smtpSession) AuthMechanisms() []string { return []string{sasl.Plain} }

func (x *smtpSession) Auth(mech string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(identity, user, pass string) error {
		if user != x.s.user || pass != x.s.pass {
			return smtp.ErrAuthFailed
		}
		x.user = user
		x.s.mu.Lock()
		x.s.logins++
		x.s.mu.Unlock()
		return nil
	}), nil
}

func (x *smtpSession) Mail(from string, _ *smtp.MailOptions) error {
	time.Sleep(x.s.rtt)
	if x.s.pass != "" && x.user == "" {
		return smtp.ErrAuthRequired
	}
	x.from = from
	return nil
}

func (x *smtpSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	time.Sleep(x.s.rtt)
	n := 1
	if !x.s.totalOnly {
		x.s.mu.Lock()
		x.s.attempts[to]++
		n = x.s.attempts[to]
		x.s.mu.Unlock()
	}
	if x.s.rcptFault != nil {
		if err := x.s.rcptFault(to, n); err != nil {
			return err
		}
	}
	x.to = append(x.to, to)
	return nil
}

func (x *smtpSession) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	time.Sleep(x.s.rtt)
	_, isTLS := x.c.TLSConnectionState()
	x.s.mu.Lock()
	x.s.total += len(x.to)
	for _, to := range x.to {
		if x.s.totalOnly {
			break
		}
		x.s.count[to]++
	}
	if !x.s.discard && !x.s.totalOnly {
		x.s.msgs = append(x.s.msgs, received{from: x.from, to: x.to, data: data, tls: isTLS, user: x.user})
	}
	drop := len(x.to) == 1 && x.to[0] == x.s.dropAfterData
	x.s.mu.Unlock()
	if drop {
		x.c.Conn().Close()
	}
	return nil
}

func (x *smtpSession) Reset()        { x.from, x.to = "", nil }
func (x *smtpSession) Logout() error { return nil }

// testCert makes a self-signed certificate for 127.0.0.1 and the pool that
// trusts it.
func testCert(t testing.TB) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, DNSNames: []string{"localhost"},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true, IsCA: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	leaf, _ := x509.ParseCertificate(der)
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, pool
}

// smtpConfig is a target on the test server, its password in an
// environment variable of the test.
func (s *smtpServer) config(list string) (Config, Env) {
	cfg := Config{
		Name: "email-customers", Provider: "smtp", URL: "smtp://" + s.addr,
		Secret: SecretRef{Env: "CRISIS_TEST_SMTP_PASSWORD"},
		Options: map[string]string{
			"from": "avisos@rioverde.example", "username": s.user,
			"list_unsubscribe": "<mailto:baja@rioverde.example?subject=baja>, <https://rioverde.example/baja?u={address}>",
		},
		Recipients: &RecipientList{Path: list},
	}
	env := Env{
		RootCAs: s.roots,
		LookupEnv: func(k string) (string, bool) {
			return map[string]string{"CRISIS_TEST_SMTP_PASSWORD": s.pass}[k], k == "CRISIS_TEST_SMTP_PASSWORD"
		},
		Now:   func() time.Time { return time.Date(2026, 11, 23, 1, 58, 0, 0, time.UTC) },
		Sleep: func(context.Context, time.Duration) error { return nil },
	}
	return cfg, env
}

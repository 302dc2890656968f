package dispatch

import (
	"context"
	"crypto/tls"
	"encoding/csv"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wneessen/go-mail"
)

// writeBigList writes a list of n recipients, every 50th opted out.
func writeBigList(b testing.TB, n int) string {
	var sb strings.Builder
	sb.WriteString("name,email,opt_out\n")
	for i := range n {
		opt := ""
		if i%50 == 49 {
			opt = "yes"
		}
		fmt.Fprintf(&sb, "Cliente %d,c%07d@example.com,%s\n", i, i, opt)
	}
	return writeList(b, sb.String())
}

// peakHeap samples the live heap while f runs.
func peakHeap(f func()) uint64 {
	runtime.GC()
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		var m runtime.MemStats
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak.Load() {
				peak.Store(m.HeapAlloc)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	f()
	close(done)
	return peak.Load()
}

// BenchmarkEmail10k sends 10,000 e-mails (every 50th recipient opted out)
// to the in-process SMTP server over STARTTLS with AUTH: the bulk engine
// (4 connections, batches of 100, list streamed) against a naive loop
// (the list read whole, one connection, one message after another). On
// loopback both are bound by the two CPUs the client and the server share;
// with 1 ms per reply, as on a network, the connections in parallel count.
func BenchmarkEmail10k(b *testing.B) {
	for _, rtt := range []time.Duration{0, time.Millisecond} {
		b.Run("rtt="+rtt.String(), func(b *testing.B) { benchEmail(b, rtt) })
	}
}

func benchEmail(b *testing.B, rtt time.Duration) {
	const n = 10_000
	srv := startSMTP(b, func(s *smtpServer) { s.totalOnly, s.rtt = true, rtt })
	list := writeBigList(b, n)
	cfg, env := srv.config(list)
	b.Run("dispatch", func(b *testing.B) { benchDispatch(b, cfg, env, n) })
	b.Run("naive", func(b *testing.B) {
		var peak uint64
		start := time.Now()
		for range b.N {
			peak = max(peak, peakHeap(func() { naiveSend(b, srv, list) }))
		}
		report(b, n-n/50, start, peak)
	})
}

func report(b *testing.B, msgs int, start time.Time, peak uint64) {
	b.ReportMetric(float64(msgs*b.N)/time.Since(start).Seconds(), "msgs/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
}

// naiveSend is what a first version would do: read the list whole, then
// one connection, one message at a time.
func naiveSend(b *testing.B, srv *smtpServer, list string) {
	f, err := os.Open(list)
	if err != nil {
		b.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	host, port, _ := strings.Cut(srv.addr, ":")
	p, _ := strconv.Atoi(port)
	c, err := mail.NewClient(host, mail.WithPort(p), mail.WithTLSPolicy(mail.TLSMandatory),
		mail.WithTLSConfig(&tls.Config{ServerName: host, RootCAs: srv.roots}),
		mail.WithSMTPAuth(mail.SMTPAuthAutoDiscover), mail.WithUsername(srv.user), mail.WithPassword(srv.pass))
	if err != nil {
		b.Fatal(err)
	}
	if err := c.DialWithContext(context.Background()); err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	for _, r := range rows[1:] {
		if r[2] == "yes" {
			continue
		}
		m := mail.NewMsg()
		_ = m.From("avisos@rioverde.example")
		_ = m.To(r[1])
		m.Subject(holdingSubject)
		m.SetBodyString(mail.TypeTextPlain, holdingBody)
		if err := c.Send(m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRecipientList1M streams a list of a million rows: the rows are
// never held, only the 64-bit hashes that catch duplicates.
func BenchmarkRecipientList1M(b *testing.B) {
	const n = 1_000_000
	list := writeBigList(b, n)
	var peak uint64
	for range b.N {
		peak = max(peak, peakHeap(func() {
			rows := 0
			if err := (RecipientList{Path: list}).stream(emailAddress, func(row) error { rows++; return nil }); err != nil || rows != n {
				b.Fatalf("%d rows: %v", rows, err)
			}
		}))
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
}

// BenchmarkEmail100k sends ten times as many e-mails as BenchmarkEmail10k:
// the peak heap of the bulk engine stays where it was (only the duplicate
// hashes grow, by about 40 bytes a recipient).
func BenchmarkEmail100k(b *testing.B) {
	const n = 100_000
	srv := startSMTP(b, func(s *smtpServer) { s.totalOnly = true })
	cfg, env := srv.config(writeBigList(b, n))
	benchDispatch(b, cfg, env, n)
}

// benchDispatch sends to the list of n rows (every 50th opted out), b.N
// times, and reports the rate and the peak heap.
func benchDispatch(b *testing.B, cfg Config, env Env, n int) {
	target, err := Open(cfg, env)
	if err != nil {
		b.Fatal(err)
	}
	var peak uint64
	start := time.Now()
	for range b.N {
		peak = max(peak, peakHeap(func() {
			out, err := target.Send(context.Background(), Request{Announcement: holding(), OnBatch: func(Batch) error { return nil }})
			if err != nil || out.Delivered != n-n/50 {
				b.Fatalf("delivered %d: %v", out.Delivered, err)
			}
		}))
	}
	report(b, n-n/50, start, peak)
}

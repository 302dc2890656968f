package runbook

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/manual"
)

// twilioCounter stands in for Twilio's Messages API without a socket: a
// million loopback requests would measure the network stack, not what the
// send holds. It checks each request as Twilio documents it (path, Basic
// auth, form) and counts the messages each number got, in one byte per
// recipient so the double's own memory stays out of the figure.
type twilioCounter struct {
	base  int64 // the list's numbers are +base+i
	count []uint8
	// garbage, when set, says which numbers (by index) are answered with
	// a page that is not Twilio's JSON, after the message is counted.
	garbage func(i int64) bool
	bad     atomic.Int64
	mu      sync.Mutex
	total   int
}

func (c *twilioCounter) RoundTrip(r *http.Request) (*http.Response, error) {
	body, _ := io.ReadAll(r.Body)
	r.Body.Close()
	form, err := url.ParseQuery(string(body))
	user, pass, ok := r.BasicAuth()
	n, nerr := strconv.ParseInt(strings.TrimPrefix(form.Get("To"), "+"), 10, 64)
	i := n - c.base
	if err != nil || nerr != nil || !ok || user != "AC1" || pass != "twilio-token" || r.Method != http.MethodPost ||
		r.URL.Path != "/2010-04-01/Accounts/AC1/Messages.json" || form.Get("MessagingServiceSid") != "MG1" || i < 0 || i >= int64(len(c.count)) {
		c.bad.Add(1)
		return answer(r, 400, `{"code":21211,"message":"invalid request"}`), nil
	}
	c.mu.Lock()
	c.count[i]++
	c.total++
	sid := c.total
	c.mu.Unlock()
	if c.garbage != nil && c.garbage(i) {
		return answer(r, 201, `<html><body>Service Unavailable</body></html>`), nil
	}
	return answer(r, 201, fmt.Sprintf(`{"sid":"SM%032d","num_segments":"0"}`, sid)), nil
}

func answer(r *http.Request, status int, body string) *http.Response {
	return &http.Response{StatusCode: status, Header: http.Header{"Content-Type": {"application/json"}}, Body: io.NopCloser(strings.NewReader(body)),
		ContentLength: int64(len(body)), Request: r, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1}
}

// phoneList writes a list of n numbers, +base, +base+1, ...
func phoneList(t testing.TB, n int, base int64) string {
	path := filepath.Join(t.TempDir(), "staff.csv")
	fh, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(fh)
	w.WriteString("phone,opt_out\n")
	for i := range n {
		fmt.Fprintf(w, "+%d,\n", base+int64(i))
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := fh.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// sendToList sends meta-outage's holding step in Spanish, whose only
// target is SMS through Twilio to a list of n numbers, and returns what
// the double counted, the run, the peak live heap during the run, and the
// journal's size.
func sendToList(t testing.TB, n int) (c *twilioCounter, f *Flow, peak uint64, journalBytes int64) {
	const base = 34600000000
	list := phoneList(t, n, base)
	c = &twilioCounter{base: base, count: make([]uint8, n)}
	f, view := twilioRun(t, c, list, "c 1 2 3 4", "d", "a", "send all", "yes")
	peak = peakHeap(func() {
		if err := f.Run(); err != ErrPaused && !strings.Contains(fmt.Sprint(err), "input ended") {
			t.Fatalf("run: %v\n%s", err, view.all())
		}
	})
	fi, err := os.Stat(filepath.Join(f.S.Dir, JournalFile))
	if err != nil {
		t.Fatal(err)
	}
	return c, f, peak, fi.Size()
}

// twilioRun starts a meta-outage run in Spanish whose sms-staff channel
// sends through Twilio, answered by c, to the list; the answers drive it.
func twilioRun(t testing.TB, c *twilioCounter, list string, answers ...string) (*Flow, *quietViewLog) {
	testSecrets.Store("TWILIO_TOKEN", "twilio-token")
	targets := map[string]*manual.Target{"sms-staff": {Provider: "twilio", URL: "http://localhost", Secret: manual.SecretRef{Env: "TWILIO_TOKEN"},
		Options: map[string]string{"account_sid": "AC1", "messaging_service_sid": "MG1"}, Recipients: &manual.Recipients{Path: list}}}
	f, view := metaRun(t, t.TempDir(), false, []string{"es"}, targets, answers...)
	f.Dispatch.Env.HTTP = &http.Client{Transport: c}
	return f, view
}

// peakHeap samples the live heap while fn runs and returns its peak above
// what was live before.
func peakHeap(fn func()) uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	before := m.HeapAlloc
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > before && m.HeapAlloc-before > peak.Load() {
				peak.Store(m.HeapAlloc - before)
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	fn()
	close(done)
	wg.Wait()
	return peak.Load()
}

// checkOncePerRecipient fails unless every number got exactly the step's
// messages on sms-staff, once each, and the run recorded them sent.
func checkOncePerRecipient(t testing.TB, c *twilioCounter, f *Flow, n int) {
	texts := 0
	for _, a := range f.batch.Items {
		if a.Channel == "sms-staff" {
			texts++
		}
	}
	if texts == 0 {
		t.Fatal("the holding step has no text on sms-staff")
	}
	if c.bad.Load() > 0 {
		t.Errorf("%d requests were not Twilio's documented message create", c.bad.Load())
	}
	wrong := 0
	for i, got := range c.count {
		if int(got) != texts {
			if wrong < 5 {
				t.Errorf("+%d got %d messages, want %d", c.base+int64(i), got, texts)
			}
			wrong++
		}
	}
	if wrong > 0 || c.total != texts*n {
		t.Errorf("%d recipients without exactly %d messages; %d messages in all, want %d", wrong, texts, c.total, texts*n)
	}
	if got := countEvents(t, f.S.Dir, journal.TypeMessageSent); got != texts {
		t.Errorf("%d texts marked sent, want %d", got, texts)
	}
}

// journalBytesPerRecipient bounds what a bulk send adds to the journal:
// two events per batch of 100 (its intent and its acknowledgement, about
// 750 bytes with their hashes), not a line number per recipient.
const journalBytesPerRecipient = 10

// TestSendLargeListJournalsRanges sends to 30,000 numbers: each gets the
// text once, and the journal grows by a few bytes per recipient. The
// million-line figure is BenchmarkSend1M's.
func TestSendLargeListJournalsRanges(t *testing.T) {
	const n = 30_000
	c, f, _, size := sendToList(t, n)
	checkOncePerRecipient(t, c, f, n)
	if per := float64(size) / n; per > journalBytesPerRecipient {
		t.Errorf("the journal is %d bytes, %.1f per recipient, want at most %d", size, per, journalBytesPerRecipient)
	}
	r := f.S.State.Sends[AnnouncementKey{"holding", "staff-shifts", "sms-staff", "es"}]
	if r == nil || r.Delivered != n || r.Settled != n || len(r.Ranges) != 1 || len(r.Done) != 0 {
		t.Errorf("the send's record: %+v; want %d delivered and settled, one range of lines", r, n)
	}
}

// maxHeapPerRecipient bounds the peak live heap of a send per row of its
// list. The rows are never held: what grows is the set of 64-bit hashes
// that catches duplicate addresses (about 40 bytes a recipient, twice that
// at the garbage collector's peak). A send that held its rows (an address
// and a line, some 50 bytes more each) would go over.
const maxHeapPerRecipient = 100

// BenchmarkSend1M sends meta-outage's holding step by SMS to a list of a
// million numbers: every one gets each text exactly once, the peak live
// heap stays under maxHeapPerRecipient a row, and the journal's size is
// reported.
func BenchmarkSend1M(b *testing.B) {
	const n = 1_000_000
	for b.Loop() {
		start := time.Now()
		c, f, peak, size := sendToList(b, n)
		wall := time.Since(start)
		checkOncePerRecipient(b, c, f, n)
		if peak > maxHeapPerRecipient*n {
			b.Errorf("peak heap %.1f MiB for %d recipients, want under %.1f MiB", float64(peak)/(1<<20), n, float64(maxHeapPerRecipient*n)/(1<<20))
		}
		if size > journalBytesPerRecipient*n {
			b.Errorf("the journal is %d bytes for %d recipients", size, n)
		}
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
		b.ReportMetric(float64(size)/(1<<20), "journal-MiB")
		b.ReportMetric(wall.Seconds(), "wall-s")
		f.S.Close()
	}
}

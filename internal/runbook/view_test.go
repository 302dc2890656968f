package runbook

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/render"
)

// TestAlertRingsOnceAcrossResume: a step falling due rings once; resuming
// the run with the step still overdue does not ring again, because the
// journal says it rang. The next step's deadline rings once more.
func TestAlertRingsOnceAcrossResume(t *testing.T) {
	s, clock := start(t)
	opts := options(t, filepath.Dir(s.Dir), clock)
	if err := s.SetVar("platform", "Facebook"); err != nil {
		t.Fatal(err)
	}
	view := &quietView{}
	in := lines{"n still checking", "n still", "p"}
	clock.t = clock.t.Add(6 * time.Minute) // confirm is due at T+5m
	f := &Flow{S: s, In: &in, View: view, Notify: true}
	if err := f.Run(); !errors.Is(err, ErrPaused) {
		t.Fatal(err)
	}
	if !slices.Equal(view.alerts, []string{"step:confirm"}) {
		t.Fatalf("alerts %q, want one for confirm", view.alerts)
	}

	r := reopen(t, s, opts)
	view2 := &quietView{}
	in2 := lines{"n back", "p"}
	if err := (&Flow{S: r, In: &in2, View: view2, Notify: true}).Run(); !errors.Is(err, ErrPaused) {
		t.Fatal(err)
	}
	if len(view2.alerts) != 0 {
		t.Errorf("a resumed run rang again for %q", view2.alerts)
	}

	r2 := reopen(t, r, opts)
	view3 := &quietView{}
	in3 := lines{"c 1 2 3 4", "d", "choose 1", "n waiting", "p"}
	clock.t = clock.t.Add(20 * time.Minute) // holding is due at T+15m
	if err := (&Flow{S: r2, In: &in3, View: view3, Notify: true}).Run(); !errors.Is(err, ErrPaused) {
		t.Fatal(err)
	}
	// The scope decision (T+10m) and holding (T+15m) are both overdue.
	if !slices.Equal(view3.alerts, []string{"step:scope", "step:holding"}) {
		t.Errorf("alerts %q, want one for scope and one for holding", view3.alerts)
	}
	n := 0
	for _, typ := range types(t, r2.Dir) {
		if typ == journal.TypeAlerted {
			n++
		}
	}
	if n != 3 {
		t.Errorf("%d alerts journaled, want 3", n)
	}
}

// TestNoNotifyRingsNothing: with notifications off nothing rings and
// nothing is journaled as rung.
func TestNoNotifyRingsNothing(t *testing.T) {
	s, clock := start(t)
	view := &quietView{}
	in := lines{"Facebook", "n late", "p"}
	clock.t = clock.t.Add(6 * time.Minute)
	f := &Flow{S: s, In: &in, View: view}
	if err := f.AskVars(nil); err != nil {
		t.Fatal(err)
	}
	if err := f.Run(); !errors.Is(err, ErrPaused) {
		t.Fatal(err)
	}
	if len(view.alerts) != 0 || slices.Contains(types(t, s.Dir), journal.TypeAlerted) {
		t.Errorf("rang with notifications off: %q", view.alerts)
	}
}

// TestCopyIsJournaledAsCopiedNotSent: y puts a text on the clipboard and
// the journal says copied; nothing is marked sent.
func TestCopyIsJournaledAsCopiedNotSent(t *testing.T) {
	s, _ := start(t)
	view := &copyView{}
	in := lines{"c 1 2 3 4", "d", "choose 1", "y 1", "y email-customers subject", "y email-customers en", "p"}
	f := &Flow{S: s, In: &in, View: view}
	if err := f.AskVars(map[string]string{"platform": "Facebook"}); err != nil {
		t.Fatal(err)
	}
	if err := f.Run(); !errors.Is(err, ErrPaused) {
		t.Fatal(err)
	}
	if len(view.warnings) > 0 {
		t.Fatalf("warnings: %q", view.warnings)
	}
	got := types(t, s.Dir)
	if slices.Contains(got, journal.TypeMessageSent) {
		t.Errorf("a copy was journaled as sent: %v", got)
	}
	copied := journaled[Copied](t, s.Dir, journal.TypeMessageCopied)
	want := []string{"x es text", "email-customers es subject", "email-customers en body"}
	var have []string
	for _, c := range copied {
		have = append(have, c.Channel+" "+c.Locale+" "+c.Part)
	}
	if !slices.Equal(have, want) {
		t.Errorf("copied %q, want %q", have, want)
	}
	if len(view.copies) != 3 || strings.HasPrefix(view.copies[2], "Subject:") || strings.Contains(view.copies[1], "\n") {
		t.Errorf("an e-mail's subject and body are not copied apart: %q", view.copies)
	}
}

// copyView keeps what was copied.
type copyView struct {
	quietView
	copies []string
}

func (v *copyView) Copy(text string) (string, error) {
	v.copies = append(v.copies, text)
	return "test", nil
}

// TestPickAsksWhenAChannelCarriesTwoTexts: a channel with two texts (the
// status page for customers and for suppliers) is never guessed, and
// numbers are the announcements' own, locale by locale.
func TestPickAsksWhenAChannelCarriesTwoTexts(t *testing.T) {
	b := Batch{Step: "holding"}
	for _, loc := range []string{"es", "pt"} {
		for _, a := range [][3]string{{"meta-holding", "status-page", "customers"}, {"meta-holding", "x", "customers"}, {"supplier", "status-page", "suppliers"}} {
			b.Items = append(b.Items, annOf(a[0], a[1], a[2], loc))
		}
	}
	rows := b.Rows()
	if len(rows) != 3 || len(rows[0].Items) != 2 || rows[2].N != 3 {
		t.Fatalf("rows %+v, want 3 of two locales, numbered 1 to 3", rows)
	}
	if _, _, err := b.pickRow("status-page"); err == nil || !strings.Contains(err.Error(), "1 (meta-holding, to customers) or 3 (supplier, to suppliers)") {
		t.Errorf("ambiguous channel: %v", err)
	}
	if r, _, err := b.pickRow("status-page", "suppliers"); err != nil || r.N != 3 {
		t.Errorf("status-page suppliers is %d: %v", r.N, err)
	}
	if r, loc, err := b.pickRow("2"); err != nil || r.Channel != "x" || loc != "es" {
		t.Errorf("2 is %q in %q: %v", r.Channel, loc, err)
	}
	if r, loc, err := b.pickRow("5"); err != nil || r.Channel != "x" || loc != "pt" {
		t.Errorf("5 is %q in %q, want x in pt: %v", r.Channel, loc, err)
	}
	if _, _, err := b.pickRow("7"); err == nil {
		t.Error("7 of 6 accepted")
	}
}

func annOf(message, channel, audience, locale string) render.Announcement {
	return render.Announcement{Message: message, Channel: channel, Audience: audience, Locale: locale}
}

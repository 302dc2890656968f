package statussite

import (
	"crypto/sha1"
	"encoding/hex"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// frozen is the clock the tests build with: 24 November 2026, 10:30 in
// Madrid (CET, UTC+1).
var frozen = time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)

// clock is a run's clock, moved by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time     { return c.t }
func (c *clock) at(d time.Duration) { c.t = c.t.Add(d) }

// script drives a run the way an operator does, through runbook's public
// API: each call of send renders the current step, approves it, marks it
// sent everywhere (or in one locale) and marks the step done.
type script struct {
	t   testing.TB
	s   *runbook.Session
	clk *clock
}

func (sc *script) step(locale string) {
	sc.t.Helper()
	b, err := sc.s.RenderStep()
	if err != nil {
		sc.t.Fatal(err)
	}
	if len(b.Items) > 0 {
		if err := sc.s.Approve(b, "carmen-vidal"); err != nil {
			sc.t.Fatal(err)
		}
		if _, _, err := sc.s.Sent(b, "all", locale); err != nil {
			sc.t.Fatal(err)
		}
	}
	if err := sc.s.Done(); err != nil {
		sc.t.Fatal(err)
	}
}

// choose answers the current decision step, as the person by.
func (sc *script) choose(which, by string) {
	sc.t.Helper()
	if _, err := sc.s.Choose(which, by); err != nil {
		sc.t.Fatal(err)
	}
}

func (sc *script) update(locale string) {
	sc.t.Helper()
	b, err := sc.s.RenderUpdate()
	if err != nil {
		sc.t.Fatal(err)
	}
	if err := sc.s.Approve(b, "carmen-vidal"); err != nil {
		sc.t.Fatal(err)
	}
	if _, _, err := sc.s.Sent(b, "all", locale); err != nil {
		sc.t.Fatal(err)
	}
}

// run starts a run of a playbook at a time and hands it to fn; the run is
// closed (as after Ctrl-C) when fn returns.
func run(t testing.TB, m *manual.Manual, cat *message.Catalog, runs, playbook string, start time.Time, drill bool, locales []string, vars map[string]string, fn func(*script)) {
	t.Helper()
	clk := &clock{t: start}
	// As an English-speaking operator runs it: the expectations are English.
	s, err := runbook.Start(runbook.Options{RunsDir: runs, Manual: m, Playbook: m.Playbook(playbook).In("en"), Catalog: cat,
		Drill: drill, Locales: locales, Now: clk.now})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.SetVars(vars); err != nil {
		t.Fatal(err)
	}
	fn(&script{t: t, s: s, clk: clk})
}

var all = []string{"es", "en", "pl", "pt"}

// exampleRuns makes the runs folder every test reads:
//   - meta-outage on 23 November: holding, one update, all-clear (resolved);
//   - facebook-down this morning: holding in every locale, then one update
//     sent in Spanish only (monitoring, next update due);
//   - website-down just now: started, nothing sent yet (investigating);
//   - a drill of payment-outage, which must never appear on the site.
func exampleRuns(t testing.TB) (string, *manual.Manual) {
	m, cat := exampletest.Load(t)
	runs := t.TempDir()
	run(t, m, cat, runs, "meta-outage", time.Date(2026, 11, 23, 1, 43, 0, 0, time.UTC), false, all, nil, func(sc *script) {
		sc.clk.at(4 * time.Minute)
		sc.step("all") // confirm
		sc.clk.at(8 * time.Minute)
		sc.step("all") // holding
		sc.clk.at(60 * time.Minute)
		sc.update("all")
		for sc.s.Current() != nil && sc.s.Current().Kind != manual.StepAllClear {
			sc.clk.at(10 * time.Minute)
			sc.step("all")
		}
		sc.clk.at(3 * time.Hour)
		sc.step("all") // all-clear
	})
	run(t, m, cat, runs, "facebook-down", time.Date(2026, 11, 24, 7, 55, 0, 0, time.UTC), false, all, map[string]string{"platform": "Facebook"}, func(sc *script) {
		sc.clk.at(3 * time.Minute)
		sc.step("all")                             // confirm
		sc.choose("facebook-only", "diego-santos") // scope: only Facebook
		sc.clk.at(9 * time.Minute)
		sc.step("all") // holding
		sc.clk.at(58 * time.Minute)
		sc.update("es")
	})
	run(t, m, cat, runs, "website-down", frozen.Add(-2*time.Minute), false, all, nil, func(sc *script) {})
	run(t, m, cat, runs, "payment-outage", frozen.Add(-time.Hour), true, all, nil, func(sc *script) {
		sc.clk.at(time.Minute)
		sc.step("all")
		sc.step("all")
	})
	return runs, m
}

// resumeFacebook reopens the facebook-down run to send one more update.
func resumeFacebook(t testing.TB, runs string, m *manual.Manual, clk *clock) *runbook.Session {
	t.Helper()
	list, err := runbook.List(runs)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range list {
		if r.Playbook == "facebook-down" && !r.Drill {
			cat, err := message.NewCatalog(m)
			if err != nil {
				t.Fatal(err)
			}
			run, err := runbook.ReadRun(r.Dir, false)
			if err != nil {
				t.Fatal(err)
			}
			s, err := runbook.Resume(run, runbook.Options{RunsDir: runs, Manual: m, Catalog: cat, Now: clk.now})
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
	}
	t.Fatal("no facebook-down run")
	return nil
}

// uuid5Reference computes a version-5 UUID as RFC 9562 section 5.5 spells
// it out, from the URL namespace 6ba7b811-9dad-11d1-80b4-00c04fd430c8, to
// check updateID against.
func uuid5Reference(name string) string {
	ns, _ := hex.DecodeString("6ba7b8119dad11d180b400c04fd430c8")
	sum := sha1.Sum(append(ns, name...))
	u := sum[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	h := hex.EncodeToString(u)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

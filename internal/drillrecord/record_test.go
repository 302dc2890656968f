package drillrecord_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/crisis-cli/crisis/internal/drillrecord"
)

func TestRecordRoundTrip(t *testing.T) {
	runs := t.TempDir()
	if _, ok, err := drillrecord.Load(runs, "meta-outage"); ok || err != nil {
		t.Fatalf("a playbook never rehearsed: ok %t, err %v; want false, nil", ok, err)
	}
	first := drillrecord.Record{Playbook: "meta-outage", RunID: "20261123-020000-meta-outage-drill",
		FinishedAt: time.Date(2026, 11, 23, 2, 40, 0, 0, time.UTC), Score: 85}
	second := first
	second.RunID, second.Score = "20261201-090000-meta-outage-drill", 100
	second.FinishedAt = time.Date(2026, 12, 1, 9, 30, 0, 0, time.FixedZone("CET", 3600))
	for _, want := range []drillrecord.Record{first, second} {
		if err := drillrecord.Save(runs, want); err != nil {
			t.Fatal(err)
		}
		got, ok, err := drillrecord.Load(runs, want.Playbook)
		if err != nil || !ok {
			t.Fatalf("load: ok %t, err %v", ok, err)
		}
		if got.Playbook != want.Playbook || got.RunID != want.RunID || got.Score != want.Score || !got.FinishedAt.Equal(want.FinishedAt) {
			t.Errorf("loaded %+v, want %+v", got, want)
		}
	}
	if _, ok, _ := drillrecord.Load(runs, "facebook-down"); ok {
		t.Error("another playbook's record counts as this one's")
	}
	entries, err := os.ReadDir(filepath.Dir(drillrecord.Path(runs, "meta-outage")))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "meta-outage.json" {
		t.Errorf("drills folder holds %v, want only meta-outage.json (no temporary file)", entries)
	}
}

func TestRecordDamaged(t *testing.T) {
	runs := t.TempDir()
	path := drillrecord.Path(runs, "x-down")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(`{"playbook": "x-down", "score": `), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := drillrecord.Load(runs, "x-down"); err == nil || ok {
		t.Errorf("a half-written record: ok %t, err %v; want an error", ok, err)
	}
}

// TestRecordWithoutFinish: a record that decodes but says nothing of when
// the drill ended cannot prove a rehearsal; it is an error naming the file.
func TestRecordWithoutFinish(t *testing.T) {
	runs := fstest.MapFS{"x-down.json": {Data: []byte(`{"playbook": "x-down", "score": 90}`)}}
	_, ok, err := drillrecord.Read(runs, "x-down")
	if err == nil || ok || !strings.Contains(err.Error(), "x-down.json") {
		t.Errorf("record without finished_at: ok %t, err %v; want an error naming x-down.json", ok, err)
	}
}

// TestUnattendedKeepsRehearsal: a drill nobody walked through (--yes) is
// recorded as such, but never replaces an attended rehearsal.
func TestUnattendedKeepsRehearsal(t *testing.T) {
	dir := t.TempDir()
	at := time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC)
	if err := drillrecord.Save(dir, drillrecord.Record{Playbook: "x-down", RunID: "unattended-1", FinishedAt: at, Unattended: true}); err != nil {
		t.Fatal(err)
	}
	if got, ok, err := drillrecord.Load(dir, "x-down"); err != nil || !ok || !got.Unattended {
		t.Fatalf("an unattended drill: %+v %t %v; want it recorded as unattended", got, ok, err)
	}
	attended := drillrecord.Record{Playbook: "x-down", RunID: "attended", FinishedAt: at.Add(time.Hour)}
	if err := drillrecord.Save(dir, attended); err != nil {
		t.Fatal(err)
	}
	if err := drillrecord.Save(dir, drillrecord.Record{Playbook: "x-down", RunID: "unattended-2", FinishedAt: at.Add(2 * time.Hour), Unattended: true}); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := drillrecord.Load(dir, "x-down"); got.RunID != "attended" || got.Unattended {
		t.Errorf("after an unattended drill the record is %+v; want the attended rehearsal kept", got)
	}
}

// TestLocalDirPerManual: two manuals with the same playbook ids keep their
// drills apart on this machine.
func TestLocalDirPerManual(t *testing.T) {
	runs, base := t.TempDir(), t.TempDir()
	a, b := filepath.Join(base, "a", "handbook"), filepath.Join(base, "b", "handbook")
	if drillrecord.LocalDir(runs, a) == drillrecord.LocalDir(runs, b) {
		t.Fatalf("two manuals share %s", drillrecord.LocalDir(runs, a))
	}
	if drillrecord.LocalDir(runs, a) != drillrecord.LocalDir(runs, a+"/.") {
		t.Error("the same manual named two ways gets two folders")
	}
}

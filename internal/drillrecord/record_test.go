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
	runs := fstest.MapFS{"drills/x-down.json": {Data: []byte(`{"playbook": "x-down", "score": 90}`)}}
	_, ok, err := drillrecord.Read(runs, "x-down")
	if err == nil || ok || !strings.Contains(err.Error(), "drills/x-down.json") {
		t.Errorf("record without finished_at: ok %t, err %v; want an error naming drills/x-down.json", ok, err)
	}
}

// Package drillrecord keeps the record of each playbook's last finished
// drill, <runs>/drills/<playbook>.json. `crisis drill` writes it and lint
// reads it (rule CR801). It is a leaf, depending on no other part of crisis
// but fsutil, so that lint can read drill records without pulling in the
// run machinery (runbook, journal).
package drillrecord

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/crisis-cli/crisis/internal/fsutil"
)

// Dir is the folder of drill records inside a runs folder; it holds no runs.
const Dir = "drills"

// Record is the last finished drill of a playbook.
type Record struct {
	Playbook   string    `json:"playbook"`
	RunID      string    `json:"run_id"`
	FinishedAt time.Time `json:"finished_at"`
	Score      int       `json:"score"`
}

// File is a playbook's drill record, relative to the runs folder and
// slash-separated, as an fs.FS names it.
func File(playbook string) string { return Dir + "/" + playbook + ".json" }

// Path is where a playbook's last drill is recorded.
func Path(runsDir, playbook string) string {
	return filepath.Join(runsDir, filepath.FromSlash(File(playbook)))
}

// Save writes the record atomically: a crash leaves the previous record or
// the new one, never half of either.
func Save(runsDir string, r Record) error {
	path := Path(runsDir, r.Playbook)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return fsutil.WriteFile(path, append(b, '\n'), 0o644)
}

// Load reads a playbook's last drill from a runs folder; ok is false when
// it was never rehearsed.
func Load(runsDir, playbook string) (Record, bool, error) {
	return Read(os.DirFS(runsDir), playbook)
}

// Read reads a playbook's last drill from a runs folder seen as an fs.FS;
// ok is false when it was never rehearsed. A record that does not decode,
// or says no finishing time, is an error naming the file.
func Read(runs fs.FS, playbook string) (Record, bool, error) {
	name := File(playbook)
	b, err := fs.ReadFile(runs, name)
	if errors.Is(err, fs.ErrNotExist) {
		return Record{}, false, nil
	}
	if err != nil {
		return Record{}, false, err
	}
	var r Record
	if err := json.Unmarshal(b, &r); err != nil {
		return Record{}, false, fmt.Errorf("%s: %w", name, err)
	}
	if r.FinishedAt.IsZero() {
		return Record{}, false, fmt.Errorf("%s: no finished_at", name)
	}
	return r, true, nil
}

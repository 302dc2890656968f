package drill

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/crisis-cli/crisis/internal/fsutil"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// Record is the last finished drill of a playbook, kept at
// <runs>/drills/<playbook>.json. Lint reads it to report playbooks never
// rehearsed, or not within the manual's drill_every.
type Record struct {
	Playbook   string    `json:"playbook"`
	RunID      string    `json:"run_id"`
	FinishedAt time.Time `json:"finished_at"`
	Score      int       `json:"score"`
}

// RecordFile is a playbook's drill record, relative to the runs folder and
// slash-separated, for readers that see the runs folder as an fs.FS (lint).
func RecordFile(playbook string) string { return runbook.DrillsDir + "/" + playbook + ".json" }

// RecordPath is where a playbook's last drill is recorded.
func RecordPath(runsDir, playbook string) string {
	return filepath.Join(runsDir, filepath.FromSlash(RecordFile(playbook)))
}

// Save writes the record atomically: a crash leaves the previous record or
// the new one, never half of either.
func Save(runsDir string, r Record) error {
	path := RecordPath(runsDir, r.Playbook)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return fsutil.WriteFile(path, append(b, '\n'), 0o644)
}

// Load reads a playbook's last drill; ok is false when it was never
// rehearsed.
func Load(runsDir, playbook string) (Record, bool, error) {
	b, err := os.ReadFile(RecordPath(runsDir, playbook))
	if errors.Is(err, fs.ErrNotExist) {
		return Record{}, false, nil
	}
	if err != nil {
		return Record{}, false, err
	}
	var r Record
	if err := json.Unmarshal(b, &r); err != nil {
		return Record{}, false, err
	}
	return r, true, nil
}

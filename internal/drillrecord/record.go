// Package drillrecord keeps the record of each playbook's last finished
// drill, <folder>/<playbook>.json, in a records folder: the manual's own
// drills/ (committed) or, on this machine, <runs>/drills/<manual key>/.
// `crisis drill` writes it and lint reads it (rule CR801). It is a leaf, depending on no other part of crisis
// but fsutil, so that lint can read drill records without pulling in the
// run machinery (runbook, journal).
package drillrecord

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/crisis-cli/crisis/internal/fsutil"
)

// Dir is the folder of drill records beside a manual's playbooks/, and the
// folder of every manual's local records inside a runs folder; it holds no
// runs.
const Dir = "drills"

// Record is the last finished drill of a playbook.
type Record struct {
	Playbook   string    `json:"playbook"`
	RunID      string    `json:"run_id"`
	FinishedAt time.Time `json:"finished_at"`
	Score      int       `json:"score"`
	// Unattended is a drill completed by --yes or --answers: nobody
	// walked through it, so it proves no rehearsal (lint says so).
	Unattended bool `json:"unattended,omitempty"`
}

// LocalDir is this machine's records folder for the manual at root, inside
// the runs folder: keyed by the manual's absolute path, so that a drill of
// one manual never counts for another whose playbooks have the same ids.
func LocalDir(runsDir, root string) string {
	if abs, err := filepath.Abs(root); err == nil {
		root = abs
	}
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	sum := sha256.Sum256([]byte(root))
	return filepath.Join(runsDir, Dir, filepath.Base(root)+"-"+hex.EncodeToString(sum[:6]))
}

// File is a playbook's drill record, relative to its records folder, as an
// fs.FS names it.
func File(playbook string) string { return playbook + ".json" }

// Path is where a playbook's last drill is recorded in a records folder.
func Path(dir, playbook string) string {
	return filepath.Join(dir, File(playbook))
}

// Save writes the record into the records folder dir atomically: a crash
// leaves the previous record or the new one, never half of either. An
// unattended drill never replaces an attended one: that rehearsal still
// stands.
func Save(dir string, r Record) error {
	if r.Unattended {
		if old, ok, err := Load(dir, r.Playbook); err == nil && ok && !old.Unattended {
			return nil
		}
	}
	path := Path(dir, r.Playbook)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return fsutil.WriteFile(path, append(b, '\n'), 0o644)
}

// Load reads a playbook's last drill from a records folder; ok is false
// when it was never rehearsed.
func Load(dir, playbook string) (Record, bool, error) {
	return Read(os.DirFS(dir), playbook)
}

// Read reads a playbook's last drill from a records folder seen as an fs.FS;
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

package journal

import (
	"errors"
	"os"
	"path/filepath"
)

// Peek reads the playbook's lock in dir without taking it, for listings: it
// returns the holder and whether that holder is live (a stale, malformed or
// missing lock is not).
func Peek(dir, playbook string) (LockInfo, bool) {
	host, err := os.Hostname()
	if err != nil {
		return LockInfo{}, false
	}
	_, _, err = judge(filepath.Join(dir, playbook+".lock"), host)
	var locked *LockedError
	if errors.As(err, &locked) {
		return LockInfo{Playbook: locked.Playbook, RunID: locked.RunID, Host: locked.Host, PID: locked.PID, Since: locked.Since}, true
	}
	return LockInfo{}, false
}

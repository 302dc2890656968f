//go:build !unix

package journal

import "os"

// pidAlive reports whether a process with this PID exists. On non-Unix
// systems os.FindProcess fails for processes that do not exist.
func pidAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}

// guard is a no-op where flock is unavailable; O_EXCL creation still
// keeps fresh locks exclusive, only stale takeover can race.
func guard(string) (func(), error) { return func() {}, nil }

func bootID() string { return "" }

package scaffold

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/crisis-cli/crisis/internal/suggest"
)

// zoneinfoDir is where Debian, macOS and most systems keep the tz
// database; its file names are the zone names.
const zoneinfoDir = "/usr/share/zoneinfo"

// SystemZone is the machine's time zone as an IANA name, and where it was
// read: $TZ when it names a zone, else the zoneinfo file /etc/localtime
// links to, else UTC. time.Local has no name to write into a manual
// ("Local"), hence the link.
func SystemZone() (zone, from string) {
	return systemZone(os.Getenv("TZ"), "/etc/localtime")
}

func systemZone(tz, localtime string) (string, string) {
	if tz = strings.TrimPrefix(tz, ":"); validZone(tz) {
		return tz, "$TZ"
	}
	if target, err := filepath.EvalSymlinks(localtime); err == nil {
		if _, name, ok := strings.Cut(filepath.ToSlash(target), "/zoneinfo/"); ok {
			name = strings.TrimPrefix(strings.TrimPrefix(name, "posix/"), "right/")
			if validZone(name) {
				return name, localtime
			}
		}
	}
	return "UTC", "default"
}

// validZone says whether name is an IANA zone the manual can name.
func validZone(name string) bool {
	if name == "" || name == "Local" {
		return false
	}
	_, err := time.LoadLocation(name)
	return err == nil
}

// zoneHint is a did-you-mean for a misspelt zone (Europe/Warsow), from
// the system's tz database; "" without one or without a close name.
func zoneHint(name string) string {
	var names []string
	_ = filepath.WalkDir(zoneinfoDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(zoneinfoDir, p)
		rel = filepath.ToSlash(rel)
		// Zone names start with a capital; posix/, right/ and the
		// database's own files (zone.tab, leapseconds) do not.
		if rel[0] >= 'A' && rel[0] <= 'Z' && !strings.Contains(rel, ".") {
			names = append(names, rel)
		}
		return nil
	})
	// The nearest only: Europe/Warsow means Warsaw, not Jersey.
	close := suggest.Closest(name, names)
	best := -1
	for _, c := range close {
		if d := suggest.Distance(name, c); best < 0 || d < best {
			best = d
		}
	}
	close = slices.DeleteFunc(close, func(c string) bool { return suggest.Distance(name, c) > best })
	return suggest.Hint(name, close)
}

// zoneError says a zone is not one, with a did-you-mean when one is close.
func zoneError(name string) string {
	msg := "time zone \"" + name + "\" is not an IANA zone name such as Europe/Madrid, America/Lima or UTC"
	if h := zoneHint(name); h != "" {
		msg += ": " + h
	}
	return msg
}

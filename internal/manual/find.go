package manual

import (
	"fmt"
	"os"
	"path/filepath"
)

// Find returns the manual folder to use: dir when given (it must hold a
// manual), else start or the nearest parent holding playbooks/manual.yaml,
// the way git finds its repository. ok is false when none is found.
func Find(dir, start string) (root string, ok bool, err error) {
	if dir != "" {
		if !IsManual(dir) {
			return "", false, fmt.Errorf("%s: %w", dir, notManual(say("loader.not-manual", args{"File": ManualFile})))
		}
		return dir, true, nil
	}
	abs, err := filepath.Abs(start)
	if err != nil {
		return "", false, err
	}
	for d := abs; ; d = filepath.Dir(d) {
		if IsManual(d) {
			return d, true, nil
		}
		if filepath.Dir(d) == d {
			return "", false, nil
		}
	}
}

// IsManual reports whether dir holds a manual.
func IsManual(dir string) bool {
	st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(ManualFile)))
	return err == nil && st.Mode().IsRegular()
}

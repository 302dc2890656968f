package runbook

import (
	"fmt"
	"regexp"
	"strings"
)

// runIDRE is what a run id (or the prefix of one) may be: the ids crisis
// makes (20261123-020000-facebook-down-drill-2) are letters, digits, dots,
// hyphens and underscores, starting with a letter or digit.
var runIDRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// CheckRunID refuses what is not a run id before it is used in a path: a
// run id names a folder inside the runs folder, and must not reach outside
// it (../, an absolute path).
func CheckRunID(id string) error {
	if !runIDRE.MatchString(id) || strings.Contains(id, "..") {
		return fmt.Errorf("%q is not a run id (crisis runs lists them: letters, digits, dots and hyphens, such as 20261123-020000-facebook-down)", id)
	}
	return nil
}

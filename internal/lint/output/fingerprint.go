package output

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// fingerprint identifies a finding across runs, so code scanning and GitLab
// match it to the alert they already have instead of opening a new one.
type fingerprint struct {
	hash       string // hex sha256 of rule, file and line text
	occurrence int    // 1 for the first finding with this hash in the report, 2 for the next...
}

// fingerprints computes one fingerprint per finding, in report order. The
// hash leaves out the line number so a finding keeps its identity when
// lines are added above it; the occurrence counter keeps two findings on
// identical lines (or with identical messages) apart.
func (r Report) fingerprints() []fingerprint {
	seen := map[string]int{}
	out := make([]fingerprint, len(r.Findings))
	for i, d := range r.Findings {
		text := ""
		if r.Source != nil && d.Pos.Line > 0 {
			text = strings.TrimSpace(r.Source(d.Pos.File, d.Pos.Line))
		}
		if text == "" {
			text = d.Message
		}
		sum := sha256.Sum256([]byte(d.Rule + "\x00" + d.Pos.File + "\x00" + text))
		h := hex.EncodeToString(sum[:])
		seen[h]++
		out[i] = fingerprint{hash: h, occurrence: seen[h]}
	}
	return out
}

// full is one opaque string: GitLab's fingerprint, and SARIF's
// crisisFingerprint/v1.
func (f fingerprint) full() string {
	sum := sha256.Sum256([]byte(f.hash + ":" + strconv.Itoa(f.occurrence)))
	return hex.EncodeToString(sum[:])
}

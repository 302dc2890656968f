package output

import (
	"slices"
	"testing"
)

// TestFingerprintsStableWhenLinesMove inserts three lines above every
// finding: the fingerprints must not change, or code scanning and GitLab
// would close every alert and open it again.
func TestFingerprintsStableWhenLinesMove(t *testing.T) {
	before := sampleReport()
	after := sampleReport()
	for i := range after.Findings {
		after.Findings[i].Pos.Line += 3
	}
	after.Source = func(file string, line int) string { return sourceLine(file, line-3) }
	if a, b := before.fingerprints(), after.fingerprints(); !slices.Equal(a, b) {
		t.Errorf("fingerprints changed when lines moved:\n%v\n%v", a, b)
	}
}

// TestFingerprintsOccurrence: two findings of one rule on one line differ
// only by their occurrence counter.
func TestFingerprintsOccurrence(t *testing.T) {
	fps := sampleReport().fingerprints()
	// Findings 2 and 3 are the two CL102 at 20:19.
	if fps[2].hash != fps[3].hash || fps[2].occurrence != 1 || fps[3].occurrence != 2 {
		t.Errorf("same-line fingerprints = %+v, %+v", fps[2], fps[3])
	}
	if fps[2].full() == fps[3].full() {
		t.Error("same-line findings share a fingerprint")
	}
}

// TestFingerprintsWithoutSource fall back to the message, and a finding
// whose line text changes gets a new fingerprint.
func TestFingerprintsWithoutSource(t *testing.T) {
	r := sampleReport()
	r.Source = nil
	with, without := sampleReport().fingerprints(), r.fingerprints()
	if with[0] == without[0] {
		t.Error("fingerprint ignores the line text")
	}
	r.Source = func(string, int) string { return "" }
	if empty := r.fingerprints(); !slices.Equal(empty, without) {
		t.Error("an unknown line should fall back to the message like a nil Source")
	}
}

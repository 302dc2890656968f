package manual

import "testing"

// TestIsID checks the spelling of ids against cases written out by hand:
// what `^[a-z0-9][a-z0-9-]*$` accepts and nothing else.
func TestIsID(t *testing.T) {
	for s, want := range map[string]bool{
		"data-breach": true, "a": true, "7": true, "2fa-reset": true, "a-": true, "a--b": true,
		"": false, "-a": false, "Data": false, "data_breach": false, "data breach": false,
		"data-breach\n": false, "café": false, "a.b": false, "a/b": false, "../x": false,
	} {
		if got := isID(s); got != want {
			t.Errorf("isID(%q) = %v, want %v", s, got, want)
		}
	}
}

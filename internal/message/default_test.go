package message

import "testing"

// TestDefaultKeepsACount: default falls back only when its value is an
// empty text; a count given to it is printed, not replaced by the
// fallback ("20 minutes", never "soon minutes").
func TestDefaultKeepsACount(t *testing.T) {
	data := map[string]any{"update_minutes": 20, "zero": 0, "store": ""}
	for text, want := range map[string]string{
		`{{default "soon" .update_minutes}} minutes`: "20 minutes",
		`{{default "soon" .zero}} minutes`:           "0 minutes",
		`{{default "our shop" .store}}`:              "our shop",
	} {
		got, err := Execute(text, "en", data)
		if err != nil || got != want {
			t.Errorf("Execute(%q) = %q, %v; want %q", text, got, err, want)
		}
	}
}

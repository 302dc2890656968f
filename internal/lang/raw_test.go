package lang

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// TestRaw: a text shown as written keeps its template syntax; T would try
// to fill it.
func TestRaw(t *testing.T) {
	l := For(language.Polish)
	if got := l.Raw("lint.CR401.rationale"); !strings.Contains(got, "({{.name}}), {{if}}/{{else}}/{{with}}") || !strings.HasPrefix(got, "Szablon") {
		t.Errorf("Raw = %q", got)
	}
	if got := l.Raw("no.such.message"); got != "no.such.message" {
		t.Errorf("missing id: %q", got)
	}
}

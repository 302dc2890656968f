package render_test

import (
	"errors"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/render"
)

// A datetime value is read in the manual's zone unless it says its own
// offset. Expected instants in UTC, worked out by hand (Madrid is UTC+1 in
// December, UTC+2 in July).
func TestParseDatetime(t *testing.T) {
	madrid, err := time.LoadLocation("Europe/Madrid")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		val  string
		want string // UTC, RFC 3339; "" when refused
	}{
		{"2026-12-03 02:00", "2026-12-03T01:00:00Z"},
		{"2026-12-03T02:00", "2026-12-03T01:00:00Z"},
		{"2026-12-03 2:00", "2026-12-03T01:00:00Z"},
		{"2026-07-03 02:00", "2026-07-03T00:00:00Z"},
		{"2026-12-03 02:00:30", "2026-12-03T01:00:30Z"},
		{"2026-12-03T02:00Z", "2026-12-03T02:00:00Z"},
		{"2026-12-03T02:00+01:00", "2026-12-03T01:00:00Z"},
		{"2026-12-03 20:00 -0500", "2026-12-04T01:00:00Z"},
		{"2026-12-03", ""},
		{"02:00", ""},
		{"3/12/2026 02:00", ""},
		{"2026-13-03 02:00", ""},
		{"2026-12-03 24:00", ""},
		{"2026-12-03 02:00 Madrid", ""},
	} {
		got, err := render.ParseDatetime(tt.val, madrid)
		switch {
		case tt.want == "" && err == nil:
			t.Errorf("%q: read as %s, want refused", tt.val, got.UTC().Format(time.RFC3339))
		case tt.want != "" && err != nil:
			t.Errorf("%q: %v", tt.val, err)
		case tt.want != "" && got.UTC().Format(time.RFC3339) != tt.want:
			t.Errorf("%q: %s, want %s", tt.val, got.UTC().Format(time.RFC3339), tt.want)
		}
	}
}

// Check refuses a datetime that is not one, with how to write it.
func TestCheckDatetime(t *testing.T) {
	decl := &manual.Variable{Name: "window_start", Type: "datetime", Required: true}
	if _, err := render.Check(decl, decl.Name, "2026-12-03 02:00"); err != nil {
		t.Errorf("a datetime refused: %v", err)
	}
	_, err := render.Check(decl, decl.Name, "3/12 2:00")
	var ve *render.ValueError
	if !errors.As(err, &ve) || ve.Problem != "a datetime is a day and a clock time such as 2026-12-03 02:00, read in the manual's time zone, or with an offset such as 2026-12-03T02:00+01:00" {
		t.Errorf("3/12 2:00: %v", err)
	}
}

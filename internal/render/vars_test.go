package render_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/render"
)

// TestCheck: every value, whatever its source, is refused with a reason
// when its declaration does not allow it, and typed when it does.
func TestCheck(t *testing.T) {
	text := &manual.Variable{Name: "platform", MaxLength: 12, Required: true, Description: "What is down", Example: "Facebook"}
	count := &manual.Variable{Name: "stores", Type: "count", MaxLength: 10}
	clock := &manual.Variable{Name: "back_at", Type: "time"}
	link := &manual.Variable{Name: "map_url", Type: "url", MaxLength: 40}
	tests := []struct {
		decl *manual.Variable
		val  string
		want any    // the typed value, when accepted
		err  string // part of the reason, when refused
	}{
		{text, "Facebook", "Facebook", ""},
		{text, "Ríoverde ñ", "Ríoverde ñ", ""},
		{text, "", nil, "a value is required (What is down, e.g. Facebook)"},
		{text, "Thirteen char", nil, "13 characters, but at most 12 are declared"},
		{text, "Face\x00book", nil, "the control character U+0000 at character 5"},
		{text, "a\tb", nil, "the control character U+0009 at character 2"},
		{text, "\x1b]52;c;aGk=\x07", nil, "the control character U+001B at character 1"},
		{text, "x\u0085y", nil, "the control character U+0085 at character 2"},
		{text, "a\u2028b", nil, "the control character U+2028"},
		{text, "abc\u202egpj.exe", nil, "bidirectional formatting character U+202E at character 4"},
		{text, "\xff\xfe", nil, "not valid UTF-8"},
		{count, "12", 12, ""},
		{count, "0", 0, ""},
		{count, "1000000000", 1000000000, ""},
		{count, "1o", nil, "a count must be a whole number written in digits, such as 12"},
		{count, "-9", nil, "a count cannot be negative"},
		{count, "+3", nil, "whole number written in digits"},
		{count, " 3", nil, "whole number written in digits"},
		{count, "", nil, "whole number written in digits"},
		{count, "1000000001", nil, "a count must be a whole number from 0 to 1000000000"},
		{count, "99999999999999999999", nil, "from 0 to 1000000000"},
		{&manual.Variable{Name: "stores", Type: "count", MaxLength: 2}, "123", nil, "3 characters, but at most 2 are declared"},
		{clock, "14:05", "14:05", ""},
		{clock, "9.30", "9.30", ""},
		{clock, "14h05", "14h05", ""},
		{clock, "2:05 PM", "2:05 PM", ""},
		{clock, "24:00", nil, "a clock time such as 14:05 or 2:05 PM"},
		{clock, "soon", nil, "a clock time"},
		{link, "maps.app.goo.gl/Rv7Kp2", "maps.app.goo.gl/Rv7Kp2", ""},
		{link, "https://status.example.org/x?y=1", "https://status.example.org/x?y=1", ""},
		{link, "javascript:alert(1)", nil, "a URL is a web address"},
		{link, "ftp://files.example.org", nil, "only http and https"},
		{link, "https://user:pw@example.org", nil, "a URL is a web address"},
		{link, "status page", nil, "a URL has no spaces"},
		{link, "localhost", nil, "a URL is a web address"},
		{nil, "undeclared\x00", nil, "control character"},
	}
	for _, tt := range tests {
		name := "nil"
		if tt.decl != nil {
			name = tt.decl.Name
		}
		got, err := render.Check(tt.decl, name, tt.val)
		if tt.err == "" {
			if err != nil || got != tt.want {
				t.Errorf("Check(%s, %q) = %v, %v; want %v", name, tt.val, got, err, tt.want)
			}
			continue
		}
		var verr *render.ValueError
		if !errors.As(err, &verr) || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("Check(%s, %q) = %v, %v; want a *ValueError saying %q", name, tt.val, got, err, tt.err)
		}
	}
}

// TestValueErrorShort: a huge value is named, not repeated in full.
func TestValueErrorShort(t *testing.T) {
	v := &manual.Variable{Name: "platform", MaxLength: 12}
	_, err := render.Check(v, "platform", strings.Repeat("a", 2<<20))
	if err == nil || len(err.Error()) > 200 || !strings.Contains(err.Error(), "(2097152 characters)") {
		t.Fatalf("error for a 2 MB value: %.300v", err)
	}
}

// TestCheckVars: an unknown --var name is refused with the closest
// declared name.
func TestCheckVars(t *testing.T) {
	m, _ := example(t)
	p := playbook(t, m, "facebook-down")
	if err := render.CheckVars(m, p, map[string]string{"platform": "Facebook", "organisation": "x"}); err != nil {
		t.Errorf("declared and built-in names: %v", err)
	}
	err := render.CheckVars(m, p, map[string]string{"platfrom": "Facebook"})
	if err == nil || !strings.Contains(err.Error(), "facebook-down declares no such variable") || !strings.Contains(err.Error(), "platform") {
		t.Errorf("unknown name: %v", err)
	}
	if err := render.CheckVars(m, p, map[string]string{"platform": "-\x1b[2J"}); err == nil {
		t.Error("a value with an escape sequence was accepted")
	}
}

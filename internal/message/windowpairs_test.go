package message

import (
	"slices"
	"testing"
)

// TestWindowPairs: the variables each window of a text is given, as
// written, once each; a window given anything but two variables, or a
// text that does not parse, gives none.
func TestWindowPairs(t *testing.T) {
	tests := []struct {
		text string
		want [][2]string
	}{
		{`Cerrado {{window .window_start .window_end}}.`, [][2]string{{"window_start", "window_end"}}},
		{`{{window .a .b}} y {{if .c}}{{window .c .d}}{{end}} {{window .a .b}}`, [][2]string{{"a", "b"}, {"c", "d"}}},
		{`{{upper (window .a .b)}}`, [][2]string{{"a", "b"}}},
		{`{{window .a}} {{.a | window .b}} {{window "x" .b}}`, nil},
		{`{{window .a .b`, nil},
		{`sin ventana {{.window}}`, nil},
	}
	for _, tt := range tests {
		if got := WindowPairs(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("WindowPairs(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

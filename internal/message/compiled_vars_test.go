package message

import (
	"slices"
	"testing"
)

// A text compiled for a locale lists the same variables as the text does.
func TestTemplateVariables(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"Hola", nil},
		{"{{.platform}} caído en {{.affected_area}}; {{.platform}} otra vez", []string{"affected_area", "platform"}},
		{`{{if .eta}}hacia las {{.eta}}{{else}}{{upper .area}}{{end}}`, []string{"area", "eta"}},
		{`{{default "pronto" .next_update}}`, []string{"next_update"}},
	}
	for _, c := range cases {
		for _, loc := range []string{"es", "pl", "pt"} {
			tmpl, err := Compile(c.text, loc)
			if err != nil {
				t.Fatalf("%q in %s: %v", c.text, loc, err)
			}
			if got := tmpl.Variables(); !slices.Equal(got, c.want) {
				t.Errorf("%q in %s: variables %q, want %q", c.text, loc, got, c.want)
			}
		}
	}
}

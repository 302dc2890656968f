package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/crisis-cli/crisis/internal/channel"
	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/plan"
	"github.com/crisis-cli/crisis/internal/render"
	"github.com/crisis-cli/crisis/internal/term"
)

func plainTheme() *Theme {
	io, _, _, _ := term.Test()
	return NewTheme(io)
}

func colourTheme() *Theme {
	io, _, _, _ := term.Test()
	io.OutTTY = true
	return NewTheme(io)
}

func TestWrap(t *testing.T) {
	line := "  spokesperson: Lucía Moreno - phone +34 600 100 003, telegram @luciamoreno, email lucia.moreno@rioverde.example"
	got := Wrap(line, 40)
	for _, l := range strings.Split(got, "\n") {
		if w := ansi.StringWidth(l); w > 40 {
			t.Errorf("line of %d columns: %q", w, l)
		}
	}
	lines := strings.Split(got, "\n")
	if len(lines) < 3 || !strings.HasPrefix(lines[1], "    ") {
		t.Errorf("continuation lines are not indented past the item:\n%s", got)
	}
	if strings.ReplaceAll(strings.Join(strings.Fields(got), " "), "\n", " ") != strings.Join(strings.Fields(line), " ") {
		t.Errorf("wrapping changed the words:\n%s", got)
	}
	if Wrap(line, 0) != line {
		t.Error("width 0 (not a terminal) must leave text as it is")
	}
}

func TestPlainOutputHasNoEscapes(t *testing.T) {
	m, cat := exampletest.Load(t)
	p := m.Playbook("meta-outage")
	var b strings.Builder
	if err := WritePlan(&b, plainTheme(), plan.Build(m, p), 0); err != nil {
		t.Fatal(err)
	}
	anns, err := render.Playbook(m, cat, p, render.Options{Examples: true, Locales: []string{"es"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range anns {
		b.WriteString(AnnouncementCard(plainTheme(), a, "not sent"))
	}
	b.WriteString(MeasureText(plainTheme(), channel.Profile{}.Measure("x")))
	if strings.Contains(b.String(), "\x1b[") {
		t.Fatal("plain output contains escape sequences")
	}
	for _, want := range []string{"IN CHARGE", "FALLBACKS", "STEPS", "--- x  x  es", "not sent"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestCardKeepsTheTextIntact(t *testing.T) {
	text := strings.Repeat("Facebook no funciona en todo el mundo. ", 6)
	a := render.Announcement{Channel: "x", Kind: "x", Locale: "es", Text: text}
	for _, th := range []*Theme{plainTheme(), colourTheme()} {
		card := AnnouncementCard(th, a, "")
		if !strings.Contains(card, "\n"+text+"\n") {
			t.Errorf("colour=%v: the text to paste was changed:\n%s", th.Color, card)
		}
	}
	if !strings.Contains(AnnouncementCard(colourTheme(), a, ""), "\x1b[") {
		t.Error("no colour on a terminal")
	}
}

func TestMeasureTextSuggestsGSM(t *testing.T) {
	sms, _ := channel.Lookup("sms")
	got := MeasureText(plainTheme(), sms.Measure("Cerrado… mañana"))
	if !strings.Contains(got, "'...' for '…'") || strings.Contains(got, "for 'ñ'") {
		t.Errorf("hint wrong:\n%s", got)
	}
}

package ui

import (
	"github.com/crisis-cli/crisis/internal/lang"
	"golang.org/x/text/language"
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
	if err := WritePlan(&b, plainTheme(), lang.For(language.English), plan.Build(m, p), 0); err != nil {
		t.Fatal(err)
	}
	anns, err := render.Playbook(m, cat, p, render.Options{Examples: true, Locales: []string{"es"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range anns {
		b.WriteString(AnnouncementCard(plainTheme(), a, "not sent"))
	}
	b.WriteString(MeasureText(plainTheme(), lang.For(language.English), channel.Profile{}.Measure("x")))
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
	got := MeasureText(plainTheme(), lang.For(language.English), sms.Measure("Cerrado… mañana"))
	if !strings.Contains(got, "'...' for '…'") || strings.Contains(got, "for 'ñ'") {
		t.Errorf("hint wrong:\n%s", got)
	}
}

// hostile are values that a terminal would obey rather than show: clear
// the screen, write the clipboard (OSC 52), set the window title, return
// the carriage over the drill mark, reverse the text.
var hostile = []string{"\x1b[2J\x1b[H", "\x1b]52;c;cm0gLXJmIH4K\x07", "\x1b]0;all clear\x07", "\rFacebook", "\u202eFacebook", "\u009b2J"}

// obeyed reports a character of s a terminal would act on, beside the
// sequences the theme's own styles emit.
func obeyed(th *Theme, s string) string {
	for _, own := range th.own {
		s = strings.ReplaceAll(s, own, "")
	}
	for _, c := range []string{"\x1b", "\r", "\a", "\u202e", "\u009b"} {
		if strings.Contains(s, c) {
			return c
		}
	}
	return ""
}

// TestOutsideTextIsInert: texts from outside (a value, a manual, a journal
// written by an older build) reach announcement cards and the run screen;
// their control characters are shown as escapes, never obeyed, and nothing
// returns the carriage over the drill mark. Values are refused at entry
// too; the screen does not rely on it.
func TestOutsideTextIsInert(t *testing.T) {
	for _, value := range hostile {
		a := render.Announcement{Channel: "x", Kind: "x", Locale: "es", Step: "holding", Message: "holding",
			Subject: "[SIMULACRO] " + value, Header: "[SIMULACRO] " + value, Footer: "[SIMULACRO] " + value,
			Text: "[SIMULACRO] " + value + " no funciona."}
		for _, th := range []*Theme{plainTheme(), colourTheme()} {
			var b strings.Builder
			b.WriteString(AnnouncementCard(th, a, ""))
			b.WriteString(AnnouncementsMarkdown([]render.Announcement{a}))
			v := &RunView{W: &b, Th: th}
			v.Warn("%s is at most 12 characters", value)
			v.Info("[x] %s", value)
			if c := obeyed(th, b.String()); c != "" {
				t.Errorf("colour=%v, value %q: %q reaches the terminal", th.Color, value, c)
			}
			if n := strings.Count(b.String(), "[SIMULACRO] "+shown(value)); n != 6 {
				t.Errorf("colour=%v, value %q: %d of 6 drill marks visible before the value:\n%s", th.Color, value, n, b.String())
			}
		}
	}
	if !strings.Contains(AnnouncementCard(colourTheme(), render.Announcement{Text: "x"}, ""), "\x1b[") {
		t.Error("the theme's own colours must stay")
	}
}

// shown is a value as a screen shows it: control characters as Go escapes.
func shown(s string) string {
	return strings.NewReplacer("\x1b", `\x1b`, "\r", `\r`, "\a", `\a`, "\u202e", `\u202e`, "\u009b", `\u009b`).Replace(s)
}

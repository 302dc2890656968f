package lang

import (
	"errors"
	"fmt"
	"testing"

	"golang.org/x/text/language"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestChoose(t *testing.T) {
	cfg := func(v string) func() string { return func() string { return v } }
	cases := []struct {
		name   string
		flag   string
		env    map[string]string
		config string
		want   language.Tag
		src    Source
	}{
		{"nothing set", "", nil, "", language.English, FromDefault},
		{"LANG es_ES.UTF-8", "", map[string]string{"LANG": "es_ES.UTF-8"}, "", language.Spanish, FromEnv},
		{"LANG pl_PL.UTF-8", "", map[string]string{"LANG": "pl_PL.UTF-8"}, "", language.Polish, FromEnv},
		{"LANG es_PE with modifier", "", map[string]string{"LANG": "es_PE.UTF-8@euro"}, "", language.Spanish, FromEnv},
		{"LANG pt_BR is still Portuguese", "", map[string]string{"LANG": "pt_BR"}, "", language.Portuguese, FromEnv},
		{"LANG C", "", map[string]string{"LANG": "C"}, "pl", language.English, FromEnv},
		{"LANG POSIX", "", map[string]string{"LANG": "POSIX"}, "", language.English, FromEnv},
		{"LANG C.UTF-8", "", map[string]string{"LANG": "C.UTF-8"}, "", language.English, FromEnv},
		{"LC_ALL over LANG", "", map[string]string{"LC_ALL": "pl_PL.UTF-8", "LANG": "es_ES.UTF-8"}, "", language.Polish, FromEnv},
		{"LC_MESSAGES over LANG", "", map[string]string{"LC_MESSAGES": "pt_PT", "LANG": "es_ES.UTF-8"}, "", language.Portuguese, FromEnv},
		{"LC_ALL over LC_MESSAGES", "", map[string]string{"LC_ALL": "es", "LC_MESSAGES": "pt_PT"}, "", language.Spanish, FromEnv},
		{"flag over environment", "es", map[string]string{"LC_ALL": "pl_PL.UTF-8"}, "", language.Spanish, FromFlag},
		{"flag as locale name", "pl_PL.UTF-8", nil, "", language.Polish, FromFlag},
		{"environment over config", "", map[string]string{"LANG": "es_ES.UTF-8"}, "pl", language.Spanish, FromEnv},
		{"language not spoken falls to config", "", map[string]string{"LANG": "fr_FR.UTF-8"}, "pl", language.Polish, FromConfig},
		{"language not spoken, no config", "", map[string]string{"LANG": "fr_FR.UTF-8"}, "", language.English, FromDefault},
		{"config only", "", nil, "pt", language.Portuguese, FromConfig},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, src, err := Choose(c.flag, env(c.env), cfg(c.config))
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want || src != c.src {
				t.Errorf("got %v from %s, want %v from %s", got, src, c.want, c.src)
			}
		})
	}
}

func TestChooseRefusesUnknownFlagAndConfig(t *testing.T) {
	if _, _, err := Choose("fr", env(nil), nil); err == nil || err.Error() != `interface language "fr" is not available; use one of en, es, pl, pt` {
		t.Errorf("--lang fr: %v", err)
	}
	if _, _, err := Choose("", env(nil), func() string { return "klingon" }); err == nil {
		t.Error("config lang klingon: no error")
	}
}

func TestFlagValue(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--lang", "es", "--help"}, "es"},
		{[]string{"lint", "--lang=pl"}, "pl"},
		{[]string{"run", "--", "--lang", "es"}, ""},
		{[]string{"--lang"}, ""},
		{nil, ""},
	}
	for _, c := range cases {
		if got := FlagValue(c.args); got != c.want {
			t.Errorf("FlagValue(%q) = %q, want %q", c.args, got, c.want)
		}
	}
}

// TestTextTranslatesEveryError: an error joining two interface messages
// ("%w; %w", as the run's paused script does) is said wholly in the
// interface language, what wraps them kept as it is.
func TestTextTranslatesEveryError(t *testing.T) {
	err := fmt.Errorf("answers: %w; %w", Errorf("run.first-step", nil), Errorf("run.note-saved", nil))
	if got, want := For(language.Spanish).Text(err), "answers: este es el primer paso; nota guardada"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	if got, want := For(language.English).Text(err), "answers: this is the first step; note saved"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

func TestAnswer(t *testing.T) {
	for _, s := range []string{"y", "YES", " s ", "sí", "Sim", "t", "tak"} {
		if yes, ok := Answer(s); !yes || !ok {
			t.Errorf("Answer(%q) = %v, %v; want yes", s, yes, ok)
		}
	}
	for _, s := range []string{"n", "No", "nie", "não", "nao"} {
		if yes, ok := Answer(s); yes || !ok {
			t.Errorf("Answer(%q) = %v, %v; want no", s, yes, ok)
		}
	}
	for _, s := range []string{"", "maybe", "ja", "oui"} {
		if _, ok := Answer(s); ok {
			t.Errorf("Answer(%q) understood", s)
		}
	}
}

// An error a message names is still reachable under it.
func TestErrorUnwrapsItsData(t *testing.T) {
	inner := errors.New("disk full")
	err := error(Errorf("rendermarket.value", map[string]any{"Market": "es-es", "Err": inner}))
	if !errors.Is(err, inner) {
		t.Errorf("errors.Is does not reach the error inside %v", err)
	}
	if errors.Is(Errorf("rendermarket.value", map[string]any{"Market": "es-es", "Err": "text"}), inner) {
		t.Error("a message without an error inside unwraps to one")
	}
}

// hourPhrase is a Phrase whose words depend on the language.
type hourPhrase struct{}

func (hourPhrase) In(tag language.Tag) string {
	if tag == language.Spanish {
		return "a la 1:33"
	}
	return "at 1:33 AM"
}

// A Phrase in a message's data is written in the language the message is,
// whether the message is printed directly or as an error.
func TestPhraseInTheMessagesLanguage(t *testing.T) {
	data := map[string]any{"At": hourPhrase{}, "Clock": "x", "TheClock": "x"}
	if got := For(language.Spanish).T("run.next-update", data); got != "próxima actualización a la 1:33" {
		t.Errorf("T: %q", got)
	}
	err := Errorf("run.next-update", data)
	if got := For(language.Spanish).Text(err); got != "próxima actualización a la 1:33" {
		t.Errorf("Text: %q", got)
	}
	if got := err.Error(); got != "next update due at 1:33 AM" {
		t.Errorf("Error: %q", got)
	}
}

// The region the user names stays with the interface language, so that a
// time of day is written as the region writes it: en_GB is English with
// en-GB's 24-hour clock.
func TestChooseRegional(t *testing.T) {
	for _, c := range []struct {
		flag          string
		env           map[string]string
		tag, regional string
	}{
		{"", map[string]string{"LANG": "en_GB.UTF-8"}, "en", "en-GB"},
		{"en-GB", nil, "en", "en-GB"},
		{"", map[string]string{"LANG": "en_US.UTF-8"}, "en", "en-US"},
		{"", map[string]string{"LC_ALL": "es_PE.UTF-8@euro"}, "es", "es-PE"},
		{"pt_PT", nil, "pt", "pt-PT"},
		{"en", nil, "en", "en"},
		{"", map[string]string{"LANG": "C"}, "en", "en"},
		{"", nil, "en", "en"},
	} {
		tag, regional, _, err := ChooseRegional(c.flag, env(c.env), nil)
		if err != nil || tag.String() != c.tag || regional.String() != c.regional {
			t.Errorf("%q %v: %s, %s, %v; want %s, %s", c.flag, c.env, tag, regional, err, c.tag, c.regional)
		}
	}
}

// regionPhrase writes the tag it is written in.
type regionPhrase struct{}

func (regionPhrase) In(tag language.Tag) string { return tag.String() }

// WithRegion writes a message's Phrases in the region's tag, its words
// still the language's; a region of another language is ignored.
func TestWithRegion(t *testing.T) {
	data := map[string]any{"Cadence": "customers", "At": regionPhrase{}}
	en := For(language.English)
	for _, c := range []struct {
		l    *Localizer
		want string
	}{
		{en, "customers: next update due en"},
		{en.WithRegion(language.BritishEnglish), "customers: next update due en-GB"},
		{en.WithRegion(language.MustParse("es-PE")), "customers: next update due en"},
		{For(language.Spanish).WithRegion(language.MustParse("es-PE")), "customers: próxima actualización es-PE"},
	} {
		if got := c.l.T("due.later", data); got != c.want {
			t.Errorf("%s: %q, want %q", c.l.Tag, got, c.want)
		}
	}
}

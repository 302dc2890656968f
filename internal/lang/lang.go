// Package lang decides the language of the interface: the words crisis
// itself prints (help, prompts, findings, reports). It is separate from the
// locales of the announcements, which the manual and --locale decide.
package lang

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// Supported lists the interface languages, English first: the fallback.
var Supported = []language.Tag{language.English, language.Spanish, language.Polish, language.Portuguese}

// Names gives each supported language as the flag help shows it.
const Names = "en, es, pl, pt"

// Source says where the chosen language came from, for messages that
// explain the choice.
type Source string

const (
	FromFlag    Source = "--lang"
	FromEnv     Source = "environment"
	FromConfig  Source = "config"
	FromDefault Source = "default"
)

// Choose picks the interface language: the flag value, then LC_ALL,
// LC_MESSAGES and LANG (the first one set, as POSIX orders them), then the
// configuration file's value, then English. A flag or configuration value
// that names no supported language is an error; an environment naming a
// language crisis does not speak falls through to the configuration, since
// that variable serves every program on the machine. C and POSIX mean English.
func Choose(flag string, getenv func(string) string, config func() string) (language.Tag, Source, error) {
	t, _, src, err := ChooseRegional(flag, getenv, config)
	return t, src, err
}

// ChooseRegional is Choose, and with it the language as the user named it
// when the name gives a region (en_GB.UTF-8 is English, and en-GB):
// the interface speaks the language and writes a time of day as the
// region's CLDR clock does, 24-hour in en-GB (Localizer.WithRegion).
// regional is tag itself when the name gives no region.
func ChooseRegional(flag string, getenv func(string) string, config func() string) (tag, regional language.Tag, src Source, err error) {
	if flag != "" {
		t, r, err := parse(flag)
		return t, r, FromFlag, err
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		if t, r, ok := fromLocale(v); ok {
			return t, r, FromEnv, nil
		}
		break // set but not ours: the next variables do not apply
	}
	if config != nil {
		if v := config(); v != "" {
			t, r, err := parse(v)
			if err != nil {
				return language.English, language.English, FromConfig, fmt.Errorf("lang in the configuration file: %w", err)
			}
			return t, r, FromConfig, nil
		}
	}
	return language.English, language.English, FromDefault, nil
}

// Parse reads a language the user named (es, pl-PL, pt_PT.UTF-8) and
// returns the supported interface language it asks for.
func Parse(s string) (language.Tag, error) {
	t, _, err := parse(s)
	return t, err
}

func parse(s string) (tag, regional language.Tag, err error) {
	if t, r, ok := fromLocale(s); ok {
		return t, r, nil
	}
	return language.English, language.English, fmt.Errorf("interface language %q is not available; use one of %s", s, Names)
}

// fromLocale maps a POSIX locale name or a BCP 47 tag to a supported
// language: "es_PE.UTF-8" and "es-419" are Spanish, "C" is English.
// regional is the language with the region the name gives (es-PE), the
// supported language itself when it gives none.
func fromLocale(s string) (tag, regional language.Tag, ok bool) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, ".@"); i >= 0 {
		s = s[:i] // codeset and modifier: es_ES.UTF-8@euro
	}
	if s == "C" || s == "POSIX" {
		return language.English, language.English, true
	}
	t, err := language.Parse(strings.ReplaceAll(s, "_", "-"))
	if err != nil {
		return language.English, language.English, false
	}
	base, _ := t.Base()
	for _, sup := range Supported {
		if b, _ := sup.Base(); b == base {
			regional = sup
			if r, c := t.Region(); c == language.Exact {
				if rt, err := language.Compose(base, r); err == nil {
					regional = rt
				}
			}
			return sup, regional, true
		}
	}
	return language.English, language.English, false
}

// FlagValue finds --lang in a command line before cobra parses it: help
// texts are built in the interface language, so it must be known first.
// It stops at "--", after which everything is an argument.
func FlagValue(args []string) string {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return ""
		case a == "--lang" && i+1 < len(args):
			return args[i+1]
		case strings.HasPrefix(a, "--lang="):
			return strings.TrimPrefix(a, "--lang=")
		}
	}
	return ""
}

// Answer reads a yes-or-no answer in any interface language: y, yes, s,
// sí, si, sim, t, tak for yes; n, no, nie, não, nao for no (case and
// surrounding spaces ignored). An operator answers in the words of the
// question whatever language it was asked in, so every language's words
// count. ok is false for anything else.
func Answer(s string) (yes, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "y", "yes", "s", "sí", "si", "sim", "t", "tak":
		return true, true
	case "n", "no", "nie", "não", "nao":
		return false, true
	}
	return false, false
}

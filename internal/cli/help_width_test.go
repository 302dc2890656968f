package cli

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestHelpFitsEightyColumns: every line of every command's help (its
// paragraphs, examples and usage line, and the command list and option
// tables cobra and pflag lay out) fits an 80-column terminal in every
// language (Spanish, Polish and Portuguese run longer than English), and
// cobra's own [flags] and [command] are in the interface language.
func TestHelpFitsEightyColumns(t *testing.T) {
	placeholders := map[string][2]string{"en": {"[flags]", "[command]"}, "es": {"[opciones]", "[comando]"},
		"pl": {"[opcje]", "[polecenie]"}, "pt": {"[opções]", "[comando]"}}
	for _, l := range languages {
		for _, path := range commandPaths(t) {
			args := append(append([]string{"--lang", l}, path...), "--help")
			_, out, _ := runCLIAll(t, context.Background(), "", args...)
			for _, line := range strings.Split(out, "\n") {
				if n := utf8.RuneCountInString(line); n > 80 {
					t.Errorf("--lang %s %v --help: a line of %d columns:\n%s", l, path, n, line)
				}
			}
			if l != "en" && (strings.Contains(out, "[flags]") || strings.Contains(out, "[command]")) {
				t.Errorf("--lang %s %v --help: cobra's English placeholders left:\n%s", l, path, out)
			}
			if len(path) == 0 && !strings.Contains(out, "crisis "+placeholders[l][1]) {
				t.Errorf("--lang %s crisis --help: no %s in the usage:\n%s", l, placeholders[l][1], out)
			}
			if len(path) == 1 && path[0] == "run" && !strings.Contains(out, "RUN-ID] "+placeholders[l][0]) {
				t.Errorf("--lang %s crisis run --help: no %s in the usage:\n%s", l, placeholders[l][0], out)
			}
		}
	}
}

// TestHelpExamplesBreakAsShell: an example command too long for the
// width is broken before an option with the shell's continuation, so it
// still runs when pasted, and a usage line of several forms gives each
// its own line.
func TestHelpExamplesBreakAsShell(t *testing.T) {
	_, out, _ := runCLIAll(t, context.Background(), "", "--lang", "pl", "runs", "abandon", "--help")
	if want := "  crisis runs abandon 20261126-093004-facebook-down \\\n    --reason \"false alarm: our Wi-Fi, not Facebook\"\n"; !strings.Contains(out, want) {
		t.Errorf("runs abandon --help lacks\n%s\nin:\n%s", want, out)
	}
	_, out, _ = runCLIAll(t, context.Background(), "", "--lang", "es", "drill", "--help")
	if want := "  crisis drill PLAYBOOK\n  crisis drill --resume [PLAYBOOK|RUN-ID]\n  crisis drill PLAYBOOK --quiz [opciones]\n"; !strings.Contains(out, want) {
		t.Errorf("drill --help lacks\n%s\nin:\n%s", want, out)
	}
}

// TestHelpKeepsEachTemplateFunctionOnItsLine: render's help lists its
// template functions one to a line, in every language; a long entry
// wraps under itself rather than running into the next.
func TestHelpKeepsEachTemplateFunctionOnItsLine(t *testing.T) {
	for _, l := range languages {
		_, out, _ := runCLIAll(t, context.Background(), "", "--lang", l, "render", "--help")
		for _, f := range []string{"{{upper .platform}}", "{{lower .platform}}", "{{trim .store_name}}", "{{date .window_start}}", "{{clock .window_start}}", "{{window .window_start .window_end}}"} {
			if !strings.Contains(out, "\n  "+f+":") {
				t.Errorf("--lang %s render --help: %s does not begin a line of its own:\n%s", l, f, out)
			}
		}
	}
}

package cli

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crisis-cli/crisis/internal/lang"
)

// TestHelpListsFitEightyColumns: the command list and the option tables
// of every command's help, which cobra and pflag lay out, fit an 80-column
// terminal in every language (descriptions are longer in Spanish, Polish
// and Portuguese than in English), and cobra's own [flags] and [command]
// are in the interface language.
func TestHelpListsFitEightyColumns(t *testing.T) {
	placeholders := map[string][2]string{"en": {"[flags]", "[command]"}, "es": {"[opciones]", "[comando]"},
		"pl": {"[opcje]", "[polecenie]"}, "pt": {"[opções]", "[comando]"}}
	for _, l := range languages {
		tag, _ := lang.Parse(l)
		tr := lang.For(tag)
		lists := map[string]bool{tr.T("cli.usage.commands", nil): true, tr.T("cli.usage.flags", nil): true, tr.T("cli.usage.global-flags", nil): true}
		for _, path := range commandPaths(t) {
			args := append(append([]string{"--lang", l}, path...), "--help")
			_, out, _ := runCLIAll(t, context.Background(), "", args...)
			section := ""
			for _, line := range strings.Split(out, "\n") {
				if line != "" && !strings.HasPrefix(line, " ") {
					section = line // a heading, or a paragraph of the long text
					continue
				}
				listed := strings.HasPrefix(line, "  ") && !strings.HasPrefix(line, "  crisis ")
				if n := utf8.RuneCountInString(line); listed && n > 80 && lists[strings.TrimSpace(section)] {
					t.Errorf("--lang %s %v --help: %d columns under %q:\n%s", l, path, n, section, line)
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

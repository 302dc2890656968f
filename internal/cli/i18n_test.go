package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/crisis-cli/crisis/internal/term"
)

// languages are the interface languages, English first.
var languages = []string{"en", "es", "pl", "pt"}

// TestJSONSameInEveryLanguage: what scripts read never changes with the
// interface language. Every --format json output is byte for byte the
// same under --lang en, es, pl and pt, on the same runs folder.
func TestJSONSameInEveryLanguage(t *testing.T) {
	runs := t.TempDir()
	if code, _, stderr := runCLIAll(t, context.Background(), "", "drill", "facebook-down", "--yes", "--var", "platform=Facebook", "--runs-dir", runs); code != ExitOK {
		t.Fatalf("drill: exit %d: %s", code, stderr)
	}
	commands := [][]string{
		{"version", "--format", "json"},
		{"list", "--format", "json"},
		{"show", "meta-outage", "--format", "json"},
		{"measure", "--channel", "sms", "--format", "json", "Tienda cerrada hoy. Próxima apertura: 10:00"},
		{"render", "facebook-down", "--var", "platform=Facebook", "--at", "2026-11-26T09:33:00Z", "--format", "json"}, // a fixed instant: the clock would otherwise move between languages
		{"lint", "--format", "json"},
		{"lint", "--list-rules", "--format", "json"},
		{"lint", "--explain", "CR101", "--format", "json"},
		{"runs", "--runs-dir", runs, "--format", "json"},
		{"report", "2", "--runs-dir", runs, "--format", "json"},
	}
	for _, args := range commands {
		t.Run(strings.Join(args[:2], " "), func(t *testing.T) {
			var english string
			for _, l := range languages {
				_, out, stderr := runCLIAll(t, context.Background(), "", append([]string{"--lang", l}, args...)...)
				if !json.Valid([]byte(out)) {
					t.Fatalf("--lang %s %v: not JSON:\n%s\nstderr:\n%s", l, args, out, stderr)
				}
				if l == "en" {
					english = out
				} else if out != english {
					t.Errorf("--lang %s %v differs from English:\n%s\nEnglish:\n%s", l, args, firstDifference(out, english), firstDifference(english, out))
				}
			}
		})
	}
}

// firstDifference is a in the neighbourhood of where it first differs
// from b.
func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return a[max(0, i-80):min(len(a), i+80)]
}

// messageID is a message id left in a text: a help text the catalogue
// does not have is shown as its id.
var messageID = regexp.MustCompile(`\bcli\.[a-z0-9-]+(\.[a-z0-9-]+)+\b`)

// TestHelpInEveryLanguage shows the help of every command in every
// language: no text is left as a message id, and no translation is the
// English text itself (a command or flag added without its translations
// would show up here too, since its text stays English).
func TestHelpInEveryLanguage(t *testing.T) {
	help := map[string]map[string]string{} // language -> command path -> help
	for _, l := range languages {
		help[l] = map[string]string{}
		for _, path := range commandPaths(t) {
			args := append(append([]string{"--lang", l}, path...), "--help")
			code, out, stderr := runCLIAll(t, context.Background(), "", args...)
			if code != ExitOK {
				t.Fatalf("%v: exit %d: %s", args, code, stderr)
			}
			if id := messageID.FindString(out); id != "" {
				t.Errorf("%v: message id %s left in the help:\n%s", args, id, out)
			}
			help[l][strings.Join(path, " ")] = out
		}
	}
	for _, l := range languages[1:] {
		for path, out := range help[l] {
			english := help["en"][path]
			for _, line := range strings.Split(english, "\n") {
				// Flag lines and descriptions are written in words; command
				// lines, examples and lists of names are the same anywhere.
				if words := strings.Fields(line); len(words) > 4 && !strings.HasPrefix(strings.TrimSpace(line), "crisis ") && strings.Contains(out, line) && !sameEverywhere(line) {
					t.Errorf("--lang %s crisis %s --help: English line left untranslated:\n%s", l, path, line)
				}
			}
		}
	}
}

// sameEverywhere are lines of help that are no prose: shell commands,
// code and lists of identifiers.
func sameEverywhere(line string) bool {
	s := strings.TrimSpace(line)
	for _, prefix := range []string{"source ", "echo ", "lint: ", "# ", "crisis ", "{{", "whatsapp-down,"} {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	example := strings.HasPrefix(s, "--") && !strings.Contains(s, "   ") // a flag table line has a gap before its text
	return example || strings.Contains(s, " | ") || strings.Count(s, ",") > 6 || idList.MatchString(s)
}

// idList is a line of a list of ids wrapped to fit the help's width.
var idList = regexp.MustCompile(`^([a-z0-9-]+, )+[a-z0-9-]+,?$`)

// commandPaths lists every command of the tree, cobra's own included.
func commandPaths(t *testing.T) [][]string {
	t.Helper()
	app := &App{IO: &term.IO{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}, Config: viper.New()}
	root := NewRootCmd(app)
	root.InitDefaultHelpCmd()
	var paths [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		if c.Hidden {
			return
		}
		paths = append(paths, path)
		for _, sub := range c.Commands() {
			walk(sub, append(append([]string{}, path...), sub.Name()))
		}
	}
	walk(root, nil)
	return paths
}

// TestErrorsInTheInterfaceLanguage: the command line's mistakes, found by
// cobra, pflag or crisis, are said in the chosen language, with the same
// exit code. Expectations written by hand.
func TestErrorsInTheInterfaceLanguage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--lang", "es", "versoin"}, ExitUsage, `crisis: "crisis" no tiene ningún comando "versoin"; ¿quizá "version"?` + "\nEjecutar 'crisis --help' para ver el uso.\n"},
		{[]string{"--lang", "pl", "lint", "--frob"}, ExitUsage, "crisis: nieznana opcja: --frob\nSkładnię pokazuje 'crisis --help'.\n"},
		{[]string{"--lang", "pt", "version", "--format", "yaml"}, ExitUsage, `crisis: valor inválido "yaml" para a opção --format: formato desconhecido "yaml"; use text ou json` + "\nExecute 'crisis --help' para ver a utilização.\n"},
		{[]string{"--lang", "es", "list", "extra"}, ExitUsage, `crisis: "crisis list" no admite argumentos: sobra "extra"` + "\nEjecutar 'crisis --help' para ver el uso.\n"},
		{[]string{"--lang", "pl", "show", "facebok-down"}, ExitUsage, `crisis: nieznany scenariusz "facebok-down"; czy chodziło o "facebook-down"?` + "\n"},
		{[]string{"--lang", "es", "show", "a", "b"}, ExitUsage, "crisis: indicar un solo protocolo, no 2\n"},
		{[]string{"--lang", "pt", "drill", "facebook-down", "--speed", "0"}, ExitUsage, "crisis: --speed tem de estar entre 1 e 1000 (vezes mais depressa do que o tempo real), p. ex. 8 para ensaiar duas horas em quinze minutos\n"},
		{[]string{"--lang", "es", "lint", "--explain", "CR10"}, ExitUsage, `crisis: regla desconocida "CR10"; ¿quizá "CR101", "CR102", "CR103"?` + "\n"},
	}
	for _, tt := range tests {
		code, stderr := runCLI(t, context.Background(), "", tt.args...)
		if code != tt.code || stderr != tt.want {
			t.Errorf("%v: exit %d, stderr\n%q\nwant exit %d,\n%q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
}

package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/crisis-cli/crisis/internal/term"
)

// runCLI runs one command line against the repository's example manual,
// with its own config and state folders, and returns the exit code and
// standard error.
func runCLI(t *testing.T, ctx context.Context, stdin string, args ...string) (int, string) {
	t.Helper()
	code, _, stderr := runCLIAll(t, ctx, stdin, args...)
	return code, stderr
}

// runCLIOut runs a command that must succeed and returns its standard output.
func runCLIOut(t *testing.T, args ...string) (int, string) {
	t.Helper()
	code, stdout, stderr := runCLIAll(t, context.Background(), "", args...)
	if code != ExitOK {
		t.Fatalf("%v: exit %d, stderr:\n%s", args, code, stderr)
	}
	return code, stdout
}

func runCLIAll(t *testing.T, ctx context.Context, stdin string, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	t.Setenv("GITHUB_ACTIONS", "")
	io, in, out, errOut := term.Test()
	in.WriteString(stdin)
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	app := &App{IO: io, Config: viper.New(), Now: time.Now, Getwd: func() (string, error) { return root, nil }}
	return Run(ctx, app, args), out.String(), errOut.String()
}

// TestExitCodes checks the documented exit codes (README, --help) for each
// kind of failure. The codes are the README's literals, not the constants:
// a changed constant must fail here.
func TestExitCodes(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		stdin    string
		want     int
		wantHelp bool // ends with the pointer to --help
	}{
		{"ok", []string{"version"}, "", 0, false},
		{"unknown command", []string{"versoin"}, "", 2, true},
		{"unknown flag", []string{"version", "--nope"}, "", 2, true},
		{"flag without its value", []string{"lint", "--format"}, "", 2, true},
		{"too many arguments", []string{"lint", "a", "b"}, "", 2, true},
		{"missing required flag", []string{"measure", "hello"}, "", 2, true},
		{"unknown playbook", []string{"show", "nope"}, "", 2, false},
		{"text does not fit", []string{"measure", "--channel", "x", "--", strings.Repeat("x", 300)}, "", 1, false},
		{"not a manual", []string{"lint", os.TempDir()}, "", 3, false},
		{"answers line over 1 MiB", []string{"run", "facebook-down", "--answers", "-"}, strings.Repeat("x", 2<<20) + "\n", 2, false},
		{"answers line unknown", []string{"run", "facebook-down", "--answers", "-"}, "frobnicate\n", 2, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stderr := runCLI(t, context.Background(), tt.stdin, tt.args...)
			if code != tt.want {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.want, stderr)
			}
			if got := strings.Contains(stderr, "Run 'crisis --help' for usage."); got != tt.wantHelp {
				t.Errorf("pointer to --help: %v, want %v; stderr:\n%s", got, tt.wantHelp, stderr)
			}
		})
	}
}

// TestExitCodeNotFromText: an operation that fails with a message that
// happens to read like one of cobra's is a failed operation (1), not a
// usage error (2). Exit codes once came from matching such phrases.
func TestExitCodeNotFromText(t *testing.T) {
	for _, msg := range []string{
		`answers: "frobnicate": unknown command`,
		"write lint.sarif: invalid argument",
		"the channel accepts 160 characters",
	} {
		io, _, _, errOut := term.Test()
		app := &App{IO: io, Config: viper.New(), Now: time.Now, Getwd: os.Getwd}
		root := NewRootCmd(app)
		root.AddCommand(&cobra.Command{Use: "fail", RunE: func(*cobra.Command, []string) error { return errors.New(msg) }})
		if code := execute(context.Background(), app, root, []string{"fail"}); code != 1 {
			t.Errorf("%q: exit %d, want %d", msg, code, 1)
		}
		if strings.Contains(errOut.String(), "--help") {
			t.Errorf("%q: pointed to --help:\n%s", msg, errOut)
		}
	}
}

func TestExitCodeOfWrappedErrors(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{nil, 0},
		{fmt.Errorf("journal: %w", context.Canceled), 130},
		{fmt.Errorf("lint: %w", &ExitError{Code: 3, Err: errors.New("unreadable")}), 3},
		{commandLineError(errors.New(`unknown flag: --nope`)), 2},
		{commandLineError(usageErrorf("keeps its own code")), 2},
		{commandLineError(errSilent(1)), 1},
		{errors.New("disk full"), 1},
	}
	for _, tt := range tests {
		if got := exitCode(tt.err); got != tt.want {
			t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}

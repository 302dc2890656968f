package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/crisis-cli/crisis/internal/cli"
)

// TestMain lets testscript run this test binary as the crisis command, so
// every script exercises the real binary's argument parsing and exit codes.
func TestMain(m *testing.M) {
	if filepath.Base(os.Args[0]) != "crisis" { // not when run as the scripts' crisis command
		englishInterface()
	}
	testscript.Main(m, map[string]func(){
		"crisis": func() { os.Exit(cli.Main()) },
	})
}

// TestScripts runs testdata/script/*.txtar end to end. Each script starts in
// an empty work directory with the repository's example manual at
// $MANUAL, no terminal and NO_COLOR unset.
func TestScripts(t *testing.T) {
	t.Parallel()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join(root, "testdata", "script"),
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("MANUAL", root)
			env.Setenv("TESTDATA", filepath.Join(root, "testdata"))
			env.Setenv("XDG_CONFIG_HOME", filepath.Join(env.WorkDir, ".config"))
			env.Setenv("XDG_STATE_HOME", filepath.Join(env.WorkDir, ".state"))
			env.Setenv("NO_COLOR", "")
			return nil
		},
	})
}

// englishInterface makes the tests' own environment ask for the English
// interface whatever the developer's locale, so tests that expect English
// words pass on a Spanish or Polish desktop too. A test of another language
// says so in its command (env LANG=es_ES.UTF-8 ...), which LC_ALL and
// LC_MESSAGES left unset let through.
func englishInterface() {
	os.Unsetenv("LC_ALL")
	os.Unsetenv("LC_MESSAGES")
	os.Unsetenv("CRISIS_LANG")
	os.Setenv("LANG", "C.UTF-8")
}

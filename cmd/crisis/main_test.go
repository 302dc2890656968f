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
		cli.EnglishEnvironment()
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

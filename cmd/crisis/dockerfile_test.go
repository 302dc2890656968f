package main

import (
	"bufio"
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDockerfile checks the image recipe as far as this machine allows: no
// container tool is to be had here, Debian has no hadolint and npm's
// "hadolint" only wraps the binary, so the test reads
// the Dockerfile's instructions (multi-stage, an empty final base, a
// non-root user, an exec-form entrypoint) and builds the binary the way its
// build stage does, checking that it is static: no interpreter and no
// shared libraries, so it runs on the empty base. Where hadolint is on
// PATH, it checks the Dockerfile too.
func TestDockerfile(t *testing.T) {
	buildsCrisis(t)
	root := repoRoot(t)
	f, err := os.Open(filepath.Join(root, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var froms, users []string
	var entrypoint, buildCmd string
	sc := bufio.NewScanner(f)
	var cont strings.Builder
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		if strings.HasSuffix(line, "\\") {
			cont.WriteString(strings.TrimSuffix(line, "\\") + " ")
			continue
		}
		line = cont.String() + line
		cont.Reset()
		instr, args, _ := strings.Cut(line, " ")
		switch strings.ToUpper(instr) {
		case "FROM":
			froms = append(froms, args)
		case "USER":
			users = append(users, args)
		case "ENTRYPOINT":
			entrypoint = args
		case "RUN":
			if strings.Contains(args, "go build") {
				buildCmd = args
			}
		}
	}
	if len(froms) < 2 || !strings.Contains(froms[0], " AS ") {
		t.Errorf("want a named build stage and a final stage, got FROM %q", froms)
	}
	if len(froms) > 0 && froms[len(froms)-1] != "scratch" {
		t.Errorf("the final stage is FROM %q, want scratch (a static binary needs nothing)", froms[len(froms)-1])
	}
	if len(users) == 0 || strings.HasPrefix(users[len(users)-1], "0") || strings.HasPrefix(users[len(users)-1], "root") {
		t.Errorf("the image runs as %q; want a non-root USER", users)
	}
	if !strings.HasPrefix(entrypoint, "[") {
		t.Errorf("ENTRYPOINT %q is not in exec form: signals would go to a shell that scratch does not have", entrypoint)
	}
	if !strings.Contains(buildCmd, "CGO_ENABLED=0") || !strings.Contains(buildCmd, "./cmd/crisis") {
		t.Fatalf("the build stage's go build %q does not build ./cmd/crisis with CGO_ENABLED=0", buildCmd)
	}

	bin := filepath.Join(t.TempDir(), "crisis")
	build := exec.Command("go", "build", "-trimpath", "-ldflags", "-s -w", "-o", bin, "./cmd/crisis")
	build.Dir = root
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	exe, err := elf.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	defer exe.Close()
	for _, p := range exe.Progs {
		if p.Type == elf.PT_INTERP || p.Type == elf.PT_DYNAMIC {
			t.Errorf("the binary is not static: it has a %v segment", p.Type)
		}
	}
	if libs, _ := exe.ImportedLibraries(); len(libs) > 0 {
		t.Errorf("the binary needs %v", libs)
	}

	if hadolint, err := exec.LookPath("hadolint"); err == nil {
		if out, err := exec.Command(hadolint, filepath.Join(root, "Dockerfile")).CombinedOutput(); err != nil {
			t.Errorf("hadolint: %v\n%s", err, out)
		}
	}
}

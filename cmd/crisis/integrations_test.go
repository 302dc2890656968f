package main

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// initManual writes a manual with crisis init into dir.
func initManual(t *testing.T, dir string) {
	t.Helper()
	out, err := exec.Command(crisisBin(t), "init", dir, "--no-input", "--small", "--organisation", "Panadería Lola",
		"--timezone", "Europe/Madrid", "--locale", "es", "--channels", "whatsapp,instagram,email,phone",
		"--spokesperson", "Lola Jiménez, +34 600 100 200").CombinedOutput()
	if err != nil {
		t.Fatalf("crisis init: %v\n%s", err, out)
	}
}

// misspell turns severity into severty in the manual's whatsapp-down
// playbook, a key lint refuses (CR002), and returns the text.
func misspell(t *testing.T, dir string) string {
	t.Helper()
	file := filepath.Join(dir, "playbooks", "whatsapp-down.yaml")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "\nseverity: high\n") {
		t.Fatalf("the playbook has no severity line to misspell:\n%s", data)
	}
	typo := strings.Replace(string(data), "\nseverity: high\n", "\nseverty: high\n", 1)
	if err := os.WriteFile(file, []byte(typo), 0o644); err != nil {
		t.Fatal(err)
	}
	return typo
}

type actionStep struct {
	Name  string `yaml:"name"`
	ID    string `yaml:"id"`
	If    string `yaml:"if"`
	Uses  string `yaml:"uses"`
	Shell string `yaml:"shell"`
	Run   string `yaml:"run"`
	// ContinueOnError is a string: the runner accepts expressions there.
	ContinueOnError string            `yaml:"continue-on-error"`
	Env             map[string]string `yaml:"env"`
	With            map[string]string `yaml:"with"`
}

// TestGitHubAction checks action.yml as the Actions runner would use it and
// runs its shell steps here, as the runner runs them (bash -eo pipefail,
// GITHUB_PATH and GITHUB_OUTPUT files, inputs through env): it builds
// crisis from the action's own folder, lints a manual made by crisis init,
// writes annotations and a SARIF file, and fails on a broken manual. The
// steps that need GitHub (setup-go, upload-sarif) are checked by shape.
func TestGitHubAction(t *testing.T) {
	buildsCrisis(t)
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Inputs map[string]struct {
			Default string `yaml:"default"`
		} `yaml:"inputs"`
		Runs struct {
			Using string       `yaml:"using"`
			Steps []actionStep `yaml:"steps"`
		} `yaml:"runs"`
	}
	if err := yaml.Unmarshal(data, &action); err != nil {
		t.Fatal(err)
	}
	if action.Runs.Using != "composite" {
		t.Fatalf("runs.using is %q, want composite", action.Runs.Using)
	}
	upload := false
	for _, s := range action.Runs.Steps {
		if s.Run != "" && s.Shell == "" {
			t.Errorf("step %q runs a script without a shell: composite actions require one", s.Name)
		}
		if strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@") {
			upload = true
			if s.Uses != "github/codeql-action/upload-sarif@v4" || !strings.Contains(s.If, "always()") || s.With["sarif_file"] == "" {
				t.Errorf("upload step %+v: want upload-sarif@v4, if always(), a sarif_file", s)
			}
			// Private repositories without Advanced Security refuse the
			// upload; with the default inputs that must not fail the job.
			if action.Inputs["upload-sarif"].Default == "true" && s.ContinueOnError != "true" {
				t.Errorf("the upload is on by default but not continue-on-error: a clean manual fails the job on a private repository")
			}
		}
		// Node 20 actions are end of life on the runners: the current majors.
		for _, old := range []string{"actions/setup-go@v5", "actions/setup-go@v4", "actions/checkout@v4", "actions/checkout@v5"} {
			if s.Uses == old {
				t.Errorf("step uses %s; the current major is v6", old)
			}
		}
	}
	if !upload {
		t.Error("the action does not upload SARIF")
	}
	for _, perm := range []string{"security-events: write", "actions: read", "contents: read"} {
		if !strings.Contains(string(data), perm) {
			t.Errorf("action.yml does not document the %q permission", perm)
		}
	}

	// Run the shell steps.
	tmp := t.TempDir()
	modcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	runAction := func(manual string) (string, int, map[string]string) {
		t.Helper()
		runner := filepath.Join(tmp, "runner")
		_ = os.RemoveAll(runner)
		if err := os.MkdirAll(runner, 0o755); err != nil {
			t.Fatal(err)
		}
		inputs := map[string]string{}
		for k, v := range action.Inputs {
			inputs[k] = v.Default
		}
		inputs["manual"] = manual
		outputs := map[string]string{}
		pathFile := filepath.Join(runner, "path")
		path := os.Getenv("PATH")
		var log strings.Builder
		for _, s := range action.Runs.Steps {
			if s.Run == "" {
				continue
			}
			outFile := filepath.Join(runner, "output-"+s.ID)
			for _, f := range []string{pathFile, outFile} {
				if err := os.WriteFile(f, nil, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", s.Run)
			cmd.Env = append(os.Environ(), "PATH="+path, "GITHUB_ACTIONS=true", "GITHUB_ACTION_PATH="+repoRoot(t),
				"GITHUB_PATH="+pathFile, "GITHUB_OUTPUT="+outFile, "GOPATH="+filepath.Join(tmp, "gopath"),
				"GOMODCACHE="+strings.TrimSpace(string(modcache)), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local", "CGO_ENABLED=0")
			for k, v := range s.Env {
				cmd.Env = append(cmd.Env, k+"="+expand(t, v, inputs, runner))
			}
			out, err := cmd.CombinedOutput()
			log.Write(out)
			if err != nil {
				code := -1
				if ee, ok := err.(*exec.ExitError); ok {
					code = ee.ExitCode()
				}
				return log.String(), code, outputs
			}
			added, _ := os.ReadFile(pathFile)
			for _, p := range strings.Fields(string(added)) {
				path = p + string(os.PathListSeparator) + path
			}
			kv, _ := os.ReadFile(outFile)
			for _, line := range strings.Split(string(kv), "\n") {
				if k, v, ok := strings.Cut(line, "="); ok {
					outputs[s.ID+"."+k] = v
				}
			}
		}
		return log.String(), 0, outputs
	}

	clean := filepath.Join(tmp, "clean")
	initManual(t, clean)
	out, code, outputs := runAction(clean)
	if code != 0 {
		t.Fatalf("the action fails on a clean manual (exit %d):\n%s", code, out)
	}
	sarif := outputs["lint.sarif"]
	if sarif == "" {
		t.Fatalf("the lint step sets no sarif output: %v", outputs)
	}
	var doc struct {
		Version string `json:"version"`
		Runs    []any  `json:"runs"`
	}
	if data, err := os.ReadFile(sarif); err != nil || json.Unmarshal(data, &doc) != nil || doc.Version != "2.1.0" || len(doc.Runs) != 1 {
		t.Errorf("SARIF file %s: %v %+v", sarif, err, doc)
	}

	broken := filepath.Join(tmp, "broken")
	initManual(t, broken)
	misspell(t, broken)
	out, code, _ = runAction(broken)
	if code != 1 || !regexp.MustCompile(`(?m)^::error file=[^,]*whatsapp-down\.yaml,line=\d+`).MatchString(out) || !strings.Contains(out, "severty") {
		t.Errorf("the action on a broken manual: exit %d, want 1 with an error annotation:\n%s", code, out)
	}
}

var exprRE = regexp.MustCompile(`\$\{\{\s*([\w.-]+)\s*\}\}`)

// expand evaluates the expressions action.yml uses in env: inputs.NAME and
// runner.temp.
func expand(t *testing.T, s string, inputs map[string]string, temp string) string {
	return exprRE.ReplaceAllStringFunc(s, func(e string) string {
		name := exprRE.FindStringSubmatch(e)[1]
		if v, ok := strings.CutPrefix(name, "inputs."); ok {
			return inputs[v]
		}
		if name == "runner.temp" {
			return temp
		}
		t.Errorf("action.yml uses %s, which this test does not evaluate", e)
		return ""
	})
}

// TestGitLabTemplate runs the GitLab CI template's script as a runner
// would, on a broken manual made by crisis init: it must write the Code
// Quality report (a JSON array of issues) and the JUnit report (XML) that
// its artifacts:reports name, and fail the job. Its before_script builds
// crisis from a clone of this repository (offline, through a bare copy),
// twice in the same builds folder, as a shell runner keeps it.
func TestGitLabTemplate(t *testing.T) {
	buildsCrisis(t)
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "docs", "ci", "gitlab-ci.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var tmpl map[string]struct {
		Variables    map[string]string `yaml:"variables"`
		BeforeScript []string          `yaml:"before_script"`
		Script       []string          `yaml:"script"`
		Artifacts    struct {
			When    string            `yaml:"when"`
			Reports map[string]string `yaml:"reports"`
		} `yaml:"artifacts"`
	}
	if err := yaml.Unmarshal(data, &tmpl); err != nil {
		t.Fatal(err)
	}
	job, ok := tmpl["crisis-lint"]
	if !ok {
		t.Fatal("no crisis-lint job")
	}
	if job.Artifacts.When != "always" || job.Artifacts.Reports["codequality"] == "" || job.Artifacts.Reports["junit"] == "" {
		t.Fatalf("artifacts: %+v; want when: always with codequality and junit reports", job.Artifacts)
	}
	if !strings.Contains(strings.Join(job.BeforeScript, "\n"), "go install -C") {
		t.Errorf("before_script does not build crisis with go install -C: %q", job.BeforeScript)
	}
	// The runner's clone source: a bare repository holding this checkout's
	// commit, reached over file:// so --depth works as it does over https.
	// It borrows this checkout's objects (objects/info/alternates) instead
	// of receiving a copy of the whole history; a clone from it still gets
	// its own copy of the commit's files.
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	tmp := t.TempDir()
	bare := filepath.Join(tmp, "crisis.git")
	common, err := exec.Command("git", "-C", repoRoot(t), "rev-parse", "--path-format=absolute", "--git-common-dir").Output()
	if err != nil {
		t.Skipf("no git checkout to build from: %v", err)
	}
	if out, err := exec.Command("git", "init", "--quiet", "--bare", bare).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	objects := filepath.Join(strings.TrimSpace(string(common)), "objects")
	if err := os.WriteFile(filepath.Join(bare, "objects", "info", "alternates"), []byte(objects+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("git", "-C", repoRoot(t), "push", "--quiet", bare, "HEAD:refs/heads/crisis-test").CombinedOutput(); err != nil {
		t.Fatalf("git push: %v\n%s", err, out)
	}
	modcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(tmp, "builds")
	manual := filepath.Join(dir, "handbook")
	initManual(t, manual)
	misspell(t, manual)
	env := append(os.Environ(), "CI=true", "GITLAB_CI=true", "CI_BUILDS_DIR="+dir, "TMPDIR="+tmp,
		"GOPATH="+filepath.Join(tmp, "gopath"), "GOMODCACHE="+strings.TrimSpace(string(modcache)),
		"GOPROXY=off", "GOTOOLCHAIN=local", "CGO_ENABLED=0")
	for k, v := range job.Variables {
		env = append(env, k+"="+v)
	}
	env = append(env, "CRISIS_MANUAL=handbook", "CRISIS_GIT=file://"+bare, "CRISIS_REF=crisis-test")
	// A runner runs before_script and script in one shell, stopping at the
	// first failing line; run the job twice in the same builds folder, as
	// a shell runner does for the next pipeline.
	job.BeforeScript = append(job.BeforeScript, "command -v crisis | grep -q '^"+tmp+"/' || { echo crisis is not the one built; exit 3; }")
	for run := 1; run <= 2; run++ {
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", strings.Join(append(job.BeforeScript, job.Script...), "\n"))
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		ee, ok := err.(*exec.ExitError)
		if !ok || ee.ExitCode() != 1 {
			t.Fatalf("run %d: %v, want exit 1 from crisis lint on a broken manual:\n%s", run, err, out)
		}
		if !strings.Contains(string(out), "severty") {
			t.Errorf("run %d: the job's log does not show the finding:\n%s", run, out)
		}
	}
	var issues []map[string]any
	if data, err := os.ReadFile(filepath.Join(dir, job.Artifacts.Reports["codequality"])); err != nil || json.Unmarshal(data, &issues) != nil || len(issues) == 0 {
		t.Errorf("code quality report: %v, %d issues", err, len(issues))
	}
	var suites struct {
		XMLName xml.Name
	}
	if data, err := os.ReadFile(filepath.Join(dir, job.Artifacts.Reports["junit"])); err != nil || xml.Unmarshal(data, &suites) != nil || !strings.HasPrefix(suites.XMLName.Local, "testsuite") {
		t.Errorf("JUnit report: %v, root %q", err, suites.XMLName.Local)
	}
}

package lint

import (
	"io/fs"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

// Options configure a lint run.
type Options struct {
	Now     func() time.Time // the clock for approval and rehearsal rules; nil: time.Now
	Runs    fs.FS            // the runs folder; nil skips the rehearsal rule
	Config  Config
	Workers int // 0: GOMAXPROCS
}

// Result is what a lint run found.
type Result struct {
	Findings diag.List // sorted, suppressions applied, severities final
	Files    []string  // every file checked, relative to the manual root
	Sources  *Sources
}

// Run loads the manual in fsys and lints it. The error is the loader's:
// non-nil only when there is no manual at all.
func Run(fsys fs.FS, root string, opt Options) (*manual.Manual, Result, error) {
	m, diags, err := manual.Load(fsys, root)
	if err != nil {
		return nil, Result{}, err
	}
	return m, Check(m, diags, opt), nil
}

// Check lints a loaded manual, quoting only the bytes the loader read.
// loaderDiags are the loader's findings, reported as they are (subject to
// configuration and suppression).
func Check(m *manual.Manual, loaderDiags diag.List, opt Options) Result {
	now := time.Now
	if opt.Now != nil {
		now = opt.Now
	}
	src := newSources(m)
	files := m.Files
	m, ok := readable(m, loaderDiags)
	fc := newFacts(m)
	// Manual-wide rules go first: each is one job over every playbook, and
	// one of them left to the end would run alone on one core.
	var jobs []func(*Context)
	for _, r := range registry {
		if ok && r.Meta().Scope == ScopeManual {
			jobs = append(jobs, func(c *Context) { runRule(c, r, opt.Config) })
		}
	}
	for _, p := range m.Playbooks {
		if ok {
			jobs = append(jobs, func(c *Context) { c.Playbook = p; runScope(c, ScopePlaybook, opt.Config) })
		}
	}
	sups := make([][]*suppression, len(files))
	for i, f := range files {
		jobs = append(jobs, func(*Context) { sups[i] = scanSuppressions(f, src.Bytes(f)) })
	}
	base := Context{Manual: m, Now: now(), Runs: opt.Runs, facts: fc, sources: src}
	out := runJobs(jobs, base, opt.Workers)
	out = append(out, loaderDiags...)
	out = applySuppressions(out, slices.Concat(sups...), opt.Config)
	out = opt.Config.apply(out)
	out.Sort()
	return Result{Findings: out, Files: files, Sources: src}
}

// readable returns the part of the manual rules can trust. A manual file
// that could not be parsed leaves defaults everywhere (no variables, no
// first_response), so no rule runs: the loader's findings say what to fix
// first. A message file that could not be parsed is left out, so its
// locale is not reported as missing every message.
func readable(m *manual.Manual, loaderDiags diag.List) (*manual.Manual, bool) {
	broken := map[string]bool{}
	for _, d := range loaderDiags {
		switch d.Rule {
		case manual.RuleSyntax, manual.RuleFile, manual.RuleVersion:
			broken[d.Pos.File] = true
		}
	}
	if len(broken) == 0 {
		return m, true
	}
	if broken[m.File] {
		return m, false
	}
	mm := *m
	mm.Templates = slices.DeleteFunc(slices.Clone(m.Templates), func(t *manual.TemplateFile) bool { return broken[t.File] })
	return &mm, true
}

// runJobs runs jobs on workers goroutines, each with its own copy of the
// context and its own findings list, and merges the lists.
func runJobs(jobs []func(*Context), base Context, workers int) diag.List {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	queue := make(chan func(*Context), len(jobs))
	for _, j := range jobs {
		queue <- j
	}
	close(queue)
	lists := make([]diag.List, workers)
	fits, used := make([]fitCalls, workers), make([]usedChannels, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range queue {
				c := base
				c.out, c.fits, c.used = &lists[w], &fits[w], &used[w]
				j(&c)
			}
		}()
	}
	wg.Wait()
	var out diag.List
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// runScope runs every enabled rule of a scope.
func runScope(c *Context, scope Scope, cfg Config) {
	for _, r := range registry {
		if r.Meta().Scope == scope {
			runRule(c, r, cfg)
		}
	}
}

func runRule(c *Context, r Rule, cfg Config) {
	meta := r.Meta()
	sev := cfg.severityOf(meta)
	if sev == 0 {
		return
	}
	c.meta, c.sev = meta, sev
	r.Check(c)
}

package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
)

type loadedManual struct {
	m     *manual.Manual
	diags diag.List
}

// findManual resolves the manual folder from --manual/CRISIS_MANUAL/config,
// else by walking up from the working directory.
func (a *App) findManual() (string, bool, error) {
	wd, err := a.Getwd()
	if err != nil {
		return "", false, err
	}
	dir := a.Config.GetString("manual")
	if dir != "" && !filepath.IsAbs(dir) {
		dir = filepath.Join(wd, dir)
	}
	return manual.Find(dir, wd)
}

// Manual loads the manual once. With none found it falls back to the
// built-in example and says so on stderr, once.
func (a *App) Manual() (*manual.Manual, diag.List, error) {
	if a.loaded != nil {
		return a.loaded.m, a.loaded.diags, nil
	}
	root, ok, err := a.findManual()
	if err != nil {
		return nil, nil, &ExitError{Code: ExitManual, Err: err}
	}
	var m *manual.Manual
	var diags diag.List
	if ok {
		m, diags, err = manual.Load(os.DirFS(root), a.displayRoot(root))
	} else {
		fmt.Fprintln(a.IO.Err, "crisis: "+a.T("cli.manual.builtin", nil))
		m, diags, err = manual.Load(manual.Builtin(), manual.BuiltinRoot)
	}
	if err != nil {
		return nil, nil, &ExitError{Code: ExitManual, Err: err}
	}
	if ok {
		prefixFiles(diags, a.displayRoot(root))
	}
	a.loaded = &loadedManual{m: m, diags: diags}
	return m, diags, nil
}

// displayRoot is the manual folder as the user should see it in paths:
// relative to the working directory when inside it, so file:line:col links
// open from the terminal.
func (a *App) displayRoot(root string) string {
	wd, err := a.Getwd()
	if err != nil {
		return root
	}
	if rel, err := filepath.Rel(wd, root); err == nil && !filepath.IsAbs(rel) && len(rel) < len(root) {
		return rel
	}
	return root
}

func prefixFiles(diags diag.List, root string) {
	if root == "." {
		return
	}
	for i := range diags {
		if diags[i].Pos.File != "" {
			diags[i].Pos.File = filepath.ToSlash(filepath.Join(root, diags[i].Pos.File))
		}
	}
}

// localize returns p in the operator's language, a.Lang, when the manual
// has it, else as written, in the manual's default locale, which it then
// says on standard error once. Every command that shows a playbook's texts
// to a person takes them from here; the run screens are given the
// playbook already localized, so they need not know about languages.
func (a *App) localize(m *manual.Manual, p *manual.Playbook) *manual.Playbook {
	lp, locale, ok := m.Localize(p, a.Lang)
	if !ok && !a.saidLang {
		a.saidLang = true
		fmt.Fprintln(a.IO.Err, lang.For(a.Lang).T("playbook.fallback", map[string]any{"Playbook": p.ID, "Locale": locale}))
	}
	return lp
}

// humanManual is m with its own texts (role titles, people's roles,
// audiences, domains, channel names) in the operator's language when the
// manual has them, else as written: for what a person reads, never for
// JSON, which carries the source the same on every machine.
func (a *App) humanManual(m *manual.Manual) *manual.Manual { return m.InLanguage(a.Lang) }

// requirePlaybook is requireManual for a command that shows the playbook
// to a person: it returns it in the operator's language (see localize).
func (a *App) requirePlaybook(id string) (*manual.Manual, *manual.Playbook, error) {
	m, p, err := a.requireManual(id)
	if err != nil {
		return nil, nil, err
	}
	return m, a.localize(m, p), nil
}

// requireManual loads the manual and refuses to go on when it has errors in
// the files a command needs (the manual file, and the playbook when one is
// named). Problems elsewhere are reported as a warning: a typo in one
// scenario must not block the runbook of another at 3 a.m.
func (a *App) requireManual(playbook string) (*manual.Manual, *manual.Playbook, error) {
	m, diags, err := a.Manual()
	if err != nil {
		return nil, nil, err
	}
	var p *manual.Playbook
	if playbook != "" {
		if p, err = findPlaybook(m, playbook); err != nil {
			return nil, nil, err
		}
	}
	var blocking, other diag.List
	for _, d := range diags {
		if d.Severity != diag.Error {
			continue
		}
		if isFile(d.Pos.File, manual.ManualFile) || (p != nil && isFile(d.Pos.File, p.File)) || playbook == "" {
			blocking = append(blocking, d)
		} else {
			other = append(other, d)
		}
	}
	if len(blocking) > 0 {
		a.writeDiagnostics(blocking, 20)
		return nil, nil, &ExitError{Code: ExitManual, Err: lang.Countf("cli.manual.unreadable", len(blocking), nil)}
	}
	if len(other) > 0 {
		fmt.Fprintln(a.IO.Err, "crisis: "+a.tr().N("cli.manual.problems-elsewhere", len(other), nil))
	}
	return m, p, nil
}

func isFile(path, file string) bool {
	return path == file || filepath.ToSlash(path) == file || len(path) > len(file) && path[len(path)-len(file)-1:] == "/"+file
}

// findPlaybook looks a playbook up by id, suggesting the closest on a miss.
func findPlaybook(m *manual.Manual, id string) (*manual.Playbook, error) {
	if p := m.Playbook(id); p != nil {
		return p, nil
	}
	ids := make([]string, len(m.Playbooks))
	for i, p := range m.Playbooks {
		ids[i] = p.ID
	}
	if hint := didYouMean(id, ids); hint != nil {
		return nil, usageError("cli.error.unknown-playbook-hint", map[string]any{"Name": id, "Hint": hint})
	}
	return nil, &ExitError{Code: ExitUsage, Err: lang.Countf("cli.error.unknown-playbook", len(ids), map[string]any{"Name": id})}
}

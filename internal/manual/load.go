package manual

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/diag"
)

// Paths inside a manual folder.
const (
	ManualFile   = "playbooks/manual.yaml"
	PlaybooksDir = "playbooks"
	TemplatesDir = "templates"
)

// ErrNotManual means the folder holds no manual at all; commands exit 3.
var ErrNotManual = errors.New("not a crisis manual")

// Load reads the manual in fsys (a folder whose playbooks/manual.yaml
// exists). root is only used to name the manual in messages. It returns the
// model it could build and every problem found; the error is non-nil only
// when there is no manual to read at all.
func Load(fsys fs.FS, root string) (*Manual, diag.List, error) {
	m := &Manual{Root: root, File: ManualFile, Location: nil}
	var diags diag.List
	if _, err := fs.Stat(fsys, ManualFile); err != nil {
		return nil, nil, fmt.Errorf("%s: %w: no %s (%v)", root, ErrNotManual, ManualFile, err)
	}
	if data, ok := readFile(fsys, ManualFile, &diags); ok {
		if node := parseYAML(ManualFile, data, &diags); node != nil {
			(&decoder{file: ManualFile, diags: &diags}).decodeManual(node, m)
		}
	}
	if m.Location == nil {
		m.Location = time.UTC
	}
	playbooks, err := listYAML(fsys, PlaybooksDir)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", root, err)
	}
	playbooks = slices.DeleteFunc(playbooks, func(f string) bool { return f == ManualFile })
	templates, err := listYAML(fsys, TemplatesDir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, nil, fmt.Errorf("%s: %w", root, err)
	}
	m.Playbooks, m.Templates = loadFiles(fsys, playbooks, templates, &diags)
	resolve(m, &diags)
	diags.Sort()
	return m, diags, nil
}

// listYAML lists the .yaml and .yml files of a folder, sorted. Other files
// (a README, the Go file that embeds the example) are not part of the
// manual.
func listYAML(fsys fs.FS, dir string) ([]string, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		ext := path.Ext(e.Name())
		if !e.IsDir() && (ext == ".yaml" || ext == ".yml") {
			files = append(files, path.Join(dir, e.Name()))
		}
	}
	return files, nil
}

// loadFiles parses playbooks and templates on every core: parsing is most
// of a load's time and each file is independent.
func loadFiles(fsys fs.FS, playbooks, templates []string, diags *diag.List) ([]*Playbook, []*TemplateFile) {
	pbs := make([]*Playbook, len(playbooks))
	tps := make([]*TemplateFile, len(templates))
	perFile := make([]diag.List, len(playbooks)+len(templates))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				if i < len(playbooks) {
					pbs[i] = loadPlaybook(fsys, playbooks[i], &perFile[i])
				} else {
					j := i - len(playbooks)
					tps[j] = loadTemplates(fsys, templates[j], &perFile[i])
				}
			}
		}()
	}
	for i := range perFile {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for _, l := range perFile {
		*diags = append(*diags, l...)
	}
	return slices.DeleteFunc(pbs, func(p *Playbook) bool { return p == nil }),
		slices.DeleteFunc(tps, func(t *TemplateFile) bool { return t == nil })
}

// readFile reads a playbook or message file, at most MaxFileSize bytes of
// it: a 50 MB export saved under playbooks/ is refused by its size without
// being read into memory.
func readFile(fsys fs.FS, file string, diags *diag.List) ([]byte, bool) {
	pos := diag.Pos{File: file, Line: 1, Col: 1}
	f, err := fsys.Open(file)
	if err != nil {
		diags.Errorf(pos, RuleFile, "check the file's permissions", "cannot read the file: %v", err)
		return nil, false
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > MaxFileSize {
		tooBig(file, fi.Size(), diags)
		return nil, false
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		diags.Errorf(pos, RuleFile, "check the file's permissions", "cannot read the file: %v", err)
		return nil, false
	}
	return data, true
}

func loadPlaybook(fsys fs.FS, file string, diags *diag.List) *Playbook {
	p := &Playbook{ID: strings.TrimSuffix(strings.TrimSuffix(path.Base(file), ".yaml"), ".yml"), File: file}
	pos := diag.Pos{File: file, Line: 1, Col: 1}
	if !idRE.MatchString(p.ID) {
		diags.Errorf(pos, RuleType, "rename the file with lowercase letters, digits and dashes, e.g. store-closure.yaml",
			"playbook file name %q is not a valid id", path.Base(file))
	}
	data, ok := readFile(fsys, file, diags)
	if !ok {
		return nil
	}
	node := parseYAML(file, data, diags)
	if node == nil {
		return nil
	}
	(&decoder{file: file, diags: diags}).decodePlaybook(node, p)
	return p
}

func loadTemplates(fsys fs.FS, file string, diags *diag.List) *TemplateFile {
	t := &TemplateFile{Locale: strings.TrimSuffix(strings.TrimSuffix(path.Base(file), ".yaml"), ".yml"), File: file}
	pos := diag.Pos{File: file, Line: 1, Col: 1}
	if _, err := language.Parse(t.Locale); err != nil {
		diags.Errorf(pos, RuleType, "name message files after their locale: es.yaml, pl.yaml, pt-BR.yaml",
			"file name %q is not a locale", path.Base(file))
		return nil
	}
	data, ok := readFile(fsys, file, diags)
	if !ok {
		return nil
	}
	node := parseYAML(file, data, diags)
	if node == nil {
		return t
	}
	(&decoder{file: file, diags: diags}).decodeTemplates(node, t)
	return t
}

package manual

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/lang"
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
	m := &Manual{Root: root, File: ManualFile, FS: fsys, Location: nil}
	var diags diag.List
	if _, err := fs.Stat(fsys, ManualFile); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", root, notManual(say("loader.no-manual-file", args{"File": ManualFile, "Err": err.Error()})))
	}
	playbooks, err := listYAML(fsys, PlaybooksDir, &diags)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", root, err)
	}
	playbooks = slices.DeleteFunc(playbooks, func(f file) bool { return f.name == ManualFile })
	var translations []file
	playbooks = slices.DeleteFunc(playbooks, func(f file) bool {
		_, _, ok := translationName(f.name)
		if ok {
			translations = append(translations, f)
		}
		return ok
	})
	templates, err := listYAML(fsys, TemplatesDir, &diags)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, nil, fmt.Errorf("%s: %w", root, err)
	}
	m.Files = []string{ManualFile}
	for _, f := range slices.Concat(playbooks, translations, templates) {
		m.Files = append(m.Files, f.name)
	}
	m.Sources = make(map[string][]byte, len(m.Files))
	// The manual's own file is read while the others are: nothing in
	// them depends on it until resolve, and reading it first left a core
	// idle for its 2 to 3 ms.
	var manualData []byte
	var manualDiags diag.List
	var wg sync.WaitGroup
	wg.Go(func() {
		var ok bool
		if manualData, ok = readFile(fsys, file{name: ManualFile}, &manualDiags); ok {
			decodeFile(ManualFile, manualData, &manualDiags, nil, nil, (*decoder).decodeManual, m)
		}
	})
	pbs, trs, tps := loadFiles(fsys, playbooks, translations, templates, m.Sources, &diags)
	wg.Wait()
	m.Playbooks, m.Translations, m.Templates = pbs, trs, tps
	if manualData != nil {
		m.Sources[ManualFile] = manualData
	}
	diags = append(manualDiags, diags...)
	if m.Location == nil {
		m.Location = time.UTC
	}
	resolve(m, &diags)
	diags.Sort()
	return m, diags, nil
}

// listYAML lists the .yaml and .yml files of a folder, sorted. Other files
// (a README, the Go file that embeds the example) are not part of the
// manual. A file that looks meant to be one but would not be read, saved
// as .YAML or in a sub-folder, is reported rather than silently left out:
// a playbook missing from the manual is found during the crisis.
func listYAML(fsys fs.FS, dir string, diags *diag.List) ([]file, error) {
	if real, err := resolveInside(fsys, dir); err != nil {
		return nil, fmt.Errorf("%s/: %w", dir, err)
	} else if real != dir {
		return nil, say("loader.dir-link", args{"Dir": dir, "Target": real})
	}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	var files []file
	for _, e := range entries {
		name := path.Join(dir, e.Name())
		ext := path.Ext(e.Name())
		switch {
		case e.IsDir() && !strings.HasPrefix(e.Name(), "."):
			reportNested(fsys, name, diags)
		case ext == ".yaml" || ext == ".yml":
			files = append(files, file{name: name, plain: e.Type().IsRegular()})
		case isYAMLExt(ext):
			report(diags, diag.Pos{File: name, Line: 1, Col: 1}, RuleFile, say("loader.extension", nil),
				say("loader.extension.hint", args{"Name": strings.TrimSuffix(name, ext) + strings.ToLower(ext)}))
		}
	}
	return files, nil
}

// file is a manual file to read; plain when its folder entry says it is
// a regular file (no link to follow, nothing that could block a read).
type file struct {
	name  string
	plain bool
}

// isYAMLExt tells a YAML file whatever the case of its extension.
func isYAMLExt(ext string) bool {
	return strings.EqualFold(ext, ".yaml") || strings.EqualFold(ext, ".yml")
}

// reportNested reports every YAML file under a sub-folder of playbooks/ or
// templates/: only the folder's own files are read. Hidden folders (.git,
// an editor's) are not searched.
func reportNested(fsys fs.FS, dir string, diags *diag.List) {
	_ = fs.WalkDir(fsys, dir, func(name string, e fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case e.IsDir() && strings.HasPrefix(e.Name(), "."):
			return fs.SkipDir
		case !e.IsDir() && isYAMLExt(path.Ext(name)):
			top := path.Dir(dir)
			report(diags, diag.Pos{File: name, Line: 1, Col: 1}, RuleFile, say("loader.nested", args{"Dir": top}),
				say("loader.nested.hint", args{"Dir": top}))
		}
		return nil
	})
}

// loadFiles parses playbooks, their translations and templates on every
// core: parsing is most of a load's time and each file is independent. The
// bytes read are kept in sources.
func loadFiles(fsys fs.FS, playbooks, translations, templates []file, sources map[string][]byte, diags *diag.List) ([]*Playbook, []*Translation, []*TemplateFile) {
	pbs := make([]*Playbook, len(playbooks))
	trs := make([]*Translation, len(translations))
	tps := make([]*TemplateFile, len(templates))
	perFile := make([]diag.List, len(playbooks)+len(translations)+len(templates))
	data := make([][]byte, len(perFile))
	jobs := make(chan int, len(perFile))
	for i := range perFile {
		jobs <- i
	}
	close(jobs)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			strs, blk := newTexts(), &blocks{} // this goroutine's, so no lock
			for i := range jobs {
				switch j := i - len(playbooks) - len(translations); {
				case i < len(playbooks):
					pbs[i], data[i] = loadPlaybook(fsys, playbooks[i], &perFile[i], strs, blk)
				case j < 0:
					trs[i-len(playbooks)], data[i] = loadTranslation(fsys, translations[i-len(playbooks)], &perFile[i], strs, blk)
				default:
					tps[j], data[i] = loadTemplates(fsys, templates[j], &perFile[i], strs, blk)
				}
			}
		})
	}
	wg.Wait()
	for i, f := range slices.Concat(playbooks, translations, templates) {
		if data[i] != nil {
			sources[f.name] = data[i]
		}
		*diags = append(*diags, perFile[i]...)
	}
	return slices.DeleteFunc(pbs, func(p *Playbook) bool { return p == nil }),
		slices.DeleteFunc(trs, func(t *Translation) bool { return t == nil }),
		slices.DeleteFunc(tps, func(t *TemplateFile) bool { return t == nil })
}

// readFile reads a manual file: a regular file inside the manual, at most
// MaxFileSize bytes of it. A link leading out of the manual (to a private
// key, /proc/self/environ) and anything that is not a regular file (a
// named pipe would block the read for ever, /dev/zero never ends) are
// refused before being opened; a 50 MB export saved under playbooks/ is
// refused by its size without being read.
func readFile(fsys fs.FS, mf file, diags *diag.List) ([]byte, bool) {
	name := mf.name
	pos := diag.Pos{File: name, Line: 1, Col: 1}
	fail := func(hint, message *lang.Error) ([]byte, bool) {
		report(diags, pos, RuleFile, message, hint)
		return nil, false
	}
	perms := say("loader.cannot-read.hint", nil)
	cannotRead := func(err error) *lang.Error { return say("loader.cannot-read", args{"Err": err.Error()}) }
	special := func(m fs.FileMode) ([]byte, bool) {
		return fail(say("loader.not-regular.hint", nil), say("loader.not-regular", args{"Kind": fileKind(m)}))
	}
	if !mf.plain {
		real, err := resolveInside(fsys, name)
		if err != nil {
			return fail(say("loader.link.hint", nil), asText(err))
		}
		fi, err := fs.Stat(fsys, real)
		if err != nil {
			return fail(perms, cannotRead(err))
		}
		if !fi.Mode().IsRegular() {
			return special(fi.Mode())
		}
		name = real
	}
	f, err := fsys.Open(name)
	if err != nil {
		return fail(perms, cannotRead(err))
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fail(perms, cannotRead(err))
	}
	if !fi.Mode().IsRegular() { // replaced since it was listed
		return special(fi.Mode())
	}
	if fi.Size() > MaxFileSize {
		tooBig(mf.name, fi.Size(), diags)
		return nil, false
	}
	// The size is only a hint (the file may grow, /proc reports 0): read
	// into a buffer of that size and never past MaxFileSize+1 bytes.
	buf := make([]byte, 0, fi.Size()+1)
	for {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, min(len(buf), MaxFileSize+1-len(buf)))
		}
		n, err := f.Read(buf[len(buf):min(cap(buf), MaxFileSize+1)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return fail(perms, cannotRead(err))
		}
		if len(buf) > MaxFileSize {
			tooBig(mf.name, int64(len(buf)), diags)
			return nil, false
		}
	}
	return buf, true
}

// resolveInside follows the symbolic links along name, one path element
// at a time, and returns the path they lead to. It fails when a link
// leads out of fsys (an absolute target, or more ".." than folders) or
// links chain too long: a manual arrives by pull request, and a link is
// how a hostile one would make lint read and quote a file outside it.
// File systems without links (embedded, in memory) return name as is.
func resolveInside(fsys fs.FS, name string) (string, error) {
	const maxLinks = 40 // as the kernel's own limit
	rest := strings.Split(name, "/")
	resolved, links := ".", 0
	for len(rest) > 0 {
		elem := rest[0]
		rest = rest[1:]
		switch elem {
		case "", ".":
			continue
		case "..":
			if resolved == "." {
				return "", say("loader.link-outside", args{"Name": name})
			}
			resolved = path.Dir(resolved)
			continue
		}
		next := path.Join(resolved, elem)
		fi, err := fs.Lstat(fsys, next)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			resolved = next // a missing file is reported when it is opened
			continue
		}
		if links++; links > maxLinks {
			return "", say("loader.link-chain", args{"Name": name})
		}
		target, err := fs.ReadLink(fsys, next)
		if err != nil {
			return "", say("loader.link-unreadable", args{"Name": next, "Err": err.Error()})
		}
		if path.IsAbs(target) || filepath.IsAbs(target) || filepath.VolumeName(target) != "" {
			return "", say("loader.link-target", args{"Target": target})
		}
		rest = append(strings.Split(filepath.ToSlash(target), "/"), rest...)
	}
	return resolved, nil
}

func loadPlaybook(fsys fs.FS, mf file, diags *diag.List, strs *texts, blk *blocks) (*Playbook, []byte) {
	file := mf.name
	p := &Playbook{ID: baseName(file), File: file}
	pos := diag.Pos{File: file, Line: 1, Col: 1}
	if !isID(p.ID) {
		report(diags, pos, RuleType, say("loader.playbook-name", args{"Name": q(path.Base(file))}), say("loader.playbook-name.hint", nil))
	}
	data, ok := readFile(fsys, mf, diags)
	if !ok {
		return nil, nil
	}
	if !decodeFile(file, data, diags, strs, blk, (*decoder).decodePlaybook, p) {
		return nil, data
	}
	return p, data
}

// baseName is a file's name without its folder and YAML extension: a
// playbook's id, a message file's locale.
func baseName(file string) string {
	return strings.TrimSuffix(strings.TrimSuffix(path.Base(file), ".yaml"), ".yml")
}

func loadTranslation(fsys fs.FS, mf file, diags *diag.List, strs *texts, blk *blocks) (*Translation, []byte) {
	file := mf.name
	id, locale, _ := translationName(file)
	t := &Translation{Playbook: id, Locale: locale, File: file}
	pos := diag.Pos{File: file, Line: 1, Col: 1}
	if _, err := language.Parse(locale); err != nil || !isID(id) {
		report(diags, pos, RuleType, say("loader.translation-name", args{"Name": q(path.Base(file))}), say("loader.translation-name.hint", nil))
		return nil, nil
	}
	data, ok := readFile(fsys, mf, diags)
	if !ok {
		return nil, nil
	}
	decodeFile(file, data, diags, strs, blk, (*decoder).decodeTranslation, t)
	return t, data
}

func loadTemplates(fsys fs.FS, mf file, diags *diag.List, strs *texts, blk *blocks) (*TemplateFile, []byte) {
	file := mf.name
	t := &TemplateFile{Locale: baseName(file), File: file}
	data, ok := readFile(fsys, mf, diags)
	if !ok {
		return nil, nil
	}
	if _, err := language.Parse(t.Locale); err != nil {
		report(diags, diag.Pos{File: file, Line: 1, Col: 1}, RuleType, say("loader.messages-name", args{"Name": q(path.Base(file))}), say("loader.messages-name.hint", nil))
		return nil, data
	}
	decodeFile(file, data, diags, strs, blk, (*decoder).decodeTemplates, t)
	return t, data
}

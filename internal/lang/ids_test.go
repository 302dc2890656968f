package lang

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// TestMessageIDsInCatalogue reads the Go source and templates of every
// package for message ids, "AREA.name" literals of an area the catalogue
// has, and fails on one the English source lacks: a typo in an id would
// otherwise show the id itself to the user.
func TestMessageIDsInCatalogue(t *testing.T) {
	en := For(language.English)
	areas := map[string]bool{}
	paths, _ := fs.Glob(files, "locales/*.en.yaml")
	for _, p := range paths {
		areas[strings.Split(path.Base(p), ".")[0]] = true
	}
	var names []string
	for a := range areas {
		names = append(names, regexp.QuoteMeta(a))
	}
	id := regexp.MustCompile(`"((?:` + strings.Join(names, "|") + `)\.[a-z0-9-]+(?:\.[a-z0-9-]+)*)"`)
	found := 0
	err := filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && filepath.Base(p) == "journal" {
			// The journal's event types (run.started, run.lock) are machine
			// ids of the run area's shape, never shown as messages.
			return filepath.SkipDir
		}
		if err != nil || d.IsDir() || strings.HasSuffix(p, "_test.go") || !(strings.HasSuffix(p, ".go") || strings.HasSuffix(p, ".tmpl")) {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range id.FindAllStringSubmatch(string(src), -1) {
			if ext := path.Ext(m[1]); ext == ".go" || ext == ".tmpl" || ext == ".yaml" || ext == ".json" || ext == ".md" {
				continue // a file name, not a message
			}
			found++
			if !en.Has(m[1]) && !isPrefix(en, m[1]) {
				t.Errorf("%s: message %s is not in the English catalogue (internal/lang/locales)", p, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < 100 {
		t.Errorf("only %d message ids found in the source: is the pattern still right?", found)
	}
}

// isPrefix says whether id starts messages the code completes
// (commandID's "cli.root" + ".short").
func isPrefix(l *Localizer, id string) bool {
	for known := range l.ids {
		if strings.HasPrefix(known, id+".") {
			return true
		}
	}
	return false
}

// TestMessageFamilies checks the ids the code builds from a value
// ("report.status." + status): each value it can build must have a text.
func TestMessageFamilies(t *testing.T) {
	en := For(language.English)
	families := map[string][]string{
		"report.status.":      {"finished", "paused", "unfinished", "abandoned"},
		"report.deadline.":    {"met", "missed", "skipped", "open"},
		"report.col.":         {"step", "due", "done", "status", "task", "owner", "checklist"},
		"report.lane.":        {"steps", "sent", "approvals", "notes", "injects"},
		"report.legend.":      {"steps", "sent", "approvals", "notes", "injects"},
		"list.col.":           {"id", "severity", "down", "title"},
		"show.severity.":      {"critical", "high", "medium", "low"},
		"cli.measure.unit.":   {"gsm-7-septets", "utf-16-units", "weighted-characters", "graphemes", "utf-8-bytes", "characters"},
		"run.copy.":           {"text", "subject", "body"},
		"run.none-unfinished": {"-of", "-drill", "-drill-of"},
		"run.unfinished.":     {"run", "drill"},
		"run.offer.":          {"run-paused", "run-interrupted", "drill-paused", "drill-interrupted"},
		"run.status-word.":    {"paused", "interrupted"},
	}
	for prefix, values := range families {
		for _, v := range values {
			if !en.Has(prefix + v) {
				t.Errorf("no message %s%s", prefix, v)
			}
		}
	}
}

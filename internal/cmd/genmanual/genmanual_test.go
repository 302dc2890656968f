package main

import (
	"time"

	"bytes"
	"crypto/sha1"
	"fmt"
	"github.com/crisis-cli/crisis/internal/lint"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/genmanual"
	"github.com/crisis-cli/crisis/internal/manual"
)

// TestGeneratedManualLoads checks the generator's promise: what it writes
// is a valid manual, in every locale count.
func TestGeneratedManualLoads(t *testing.T) {
	for _, locales := range []int{1, 4, genmanual.MaxLocales} {
		dir := t.TempDir()
		if err := genmanual.Generate(genmanual.Dir(dir), genmanual.Options{Playbooks: 20, Locales: locales}); err != nil {
			t.Fatal(err)
		}
		m, diags, err := manual.Load(os.DirFS(dir), dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range diags {
			if d.Severity >= diag.Error {
				t.Errorf("locales=%d: %s", locales, d.Error())
			}
		}
		if len(m.Playbooks) != 20 || len(m.Templates) != locales {
			t.Errorf("locales=%d: got %d playbooks and %d message files", locales, len(m.Playbooks), len(m.Templates))
		}
		checkTranslations(t, m)
	}
}

// checkTranslations checks what the loader does not: every translation is
// up to date with its source and has each plural form its locale needs.
func checkTranslations(t *testing.T, m *manual.Manual) {
	t.Helper()
	src := m.TemplatesFor(m.Locales.Default)
	for _, tf := range m.Templates {
		if len(tf.Messages) != len(src.Messages) {
			t.Errorf("%s: %d messages, source has %d", tf.Locale, len(tf.Messages), len(src.Messages))
		}
		if tf == src {
			continue
		}
		for _, msg := range tf.Messages {
			s := src.Lookup(msg.ID)
			if s == nil {
				t.Errorf("%s: %s has no source", tf.Locale, msg.ID)
				continue
			}
			if want := goi18nHash(s.Description, s.Text()); msg.Hash != want {
				t.Errorf("%s: %s hash %s, want %s", tf.Locale, msg.ID, msg.Hash, want)
			}
		}
	}
	pl := m.TemplatesFor("pl")
	if pl == nil {
		return
	}
	upd := pl.Lookup("update.default")
	for _, form := range []string{"one", "few", "many", "other"} {
		if upd.Forms[form] == "" {
			t.Errorf("pl update.default lacks the %s form", form)
		}
	}
	if got := upd.Forms["many"]; !bytes.Contains([]byte(got), []byte("minut.")) {
		t.Errorf("pl many form = %q", got)
	}
}

// TestDeterministic checks that the same options give the same bytes, file
// by file, and that the command writes what the package generates.
func TestDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	opts := genmanual.Options{Playbooks: 30, Locales: 5}
	for _, dir := range []string{a, b} {
		if err := genmanual.Generate(genmanual.Dir(dir), opts); err != nil {
			t.Fatal(err)
		}
	}
	files := 0
	err := filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between runs (%v)", rel, err)
		}
		files++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := 1 + opts.Playbooks + opts.Locales; files != want {
		t.Errorf("%d files, want %d", files, want)
	}
}

// goi18nHash recomputes goi18n merge's hash independently of the
// generator: sha1 of the source description then its other text.
func goi18nHash(description, other string) string {
	return fmt.Sprintf("sha1-%x", sha1.Sum([]byte(description+other)))
}

// TestGeneratedManualLintsClean holds the generator to the same bar as the
// example manual: benchmarks must lint a valid manual, not count findings.
func TestGeneratedManualLintsClean(t *testing.T) {
	dir := t.TempDir()
	if err := genmanual.Generate(genmanual.Dir(dir), genmanual.Options{Playbooks: 48, Locales: 4}); err != nil {
		t.Fatal(err)
	}
	now := func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }
	_, res, err := lint.Run(os.DirFS(dir), dir, lint.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range res.Findings {
		if i == 20 {
			t.Fatalf("... and %d more", len(res.Findings)-20)
		}
		t.Error(f.Error())
	}
}

package runbook

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/manual"
)

// prompts is lines that records the questions asked.
type prompts struct {
	lines
	asked []string
}

func (p *prompts) ReadLine(prompt string) (string, error) {
	p.asked = append(p.asked, prompt)
	return p.lines.ReadLine(prompt)
}

// A fact known later is asked at its step with its description in the
// language the playbook is shown in: testdata/gates with a Polish
// translation of it. Hash by hand:
// printf 'Stores that cannot take card payments\0' | sha1sum.
func TestLaterFactAskedInPolish(t *testing.T) {
	const decl = `  - name: affected_stores
    description: Stores that cannot take card payments
    example: "3"
    max_length: 4
    type: count
    known: later
    by: customers
`
	const polish = `crisis: 1.1
kind: translation
variables:
  affected_stores:
    hash: sha1-6416ccc8dc8efb82eaecae96fad519a2e72a5570
    description: Sklepy, które nie przyjmują płatności kartą
`
	for _, declaredIn := range []string{"playbook", "manual"} {
		t.Run(declaredIn, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for _, f := range []string{manual.ManualFile, "playbooks/fb-down.yaml", "templates/en.yaml"} {
				data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "gates", f))
				if err != nil {
					t.Fatal(err)
				}
				fsys[f] = &fstest.MapFile{Data: data}
			}
			// pl is not among the manual's supported locales (it has no
			// Polish messages): a warning, and the playbook is still shown
			// in Polish.
			fsys["playbooks/fb-down.pl.yaml"] = &fstest.MapFile{Data: []byte(polish)}
			if declaredIn == "manual" {
				pb := string(fsys["playbooks/fb-down.yaml"].Data)
				if !strings.Contains(pb, "variables:\n"+decl) {
					t.Fatal("testdata/gates declares affected_stores otherwise")
				}
				fsys["playbooks/fb-down.yaml"].Data = []byte(strings.Replace(pb, "variables:\n"+decl, "", 1))
				fsys[manual.ManualFile].Data = append(fsys[manual.ManualFile].Data, decl...)
				fsys["playbooks/fb-down.pl.yaml"].Data = []byte("crisis: 1.1\nkind: translation\n")
				fsys["playbooks/manual.pl.yaml"] = &fstest.MapFile{Data: []byte(polish)}
			}
			m, cat := exampletest.LoadFS(t, fsys, "gates")
			p, _, _ := m.Localize(m.Playbook("fb-down"), language.Polish)
			clock := newClock()
			s := mustStart(t, Options{RunsDir: t.TempDir(), Manual: m, Playbook: p, Catalog: cat, Locales: []string{"en"}, Now: clock.now})
			defer s.Close()
			in := &prompts{lines: lines{"d", "x all", "d", "7", "p"}}
			f := &Flow{S: s, In: in, View: &quietView{}}
			if err := f.Run(); err != ErrPaused {
				t.Fatalf("run: %v", err)
			}
			var asked string
			for _, q := range in.asked {
				if strings.Contains(q, "affected_stores") {
					asked = q
				}
			}
			if !strings.Contains(asked, "Sklepy, które nie przyjmują płatności kartą") {
				t.Errorf("the fact was asked as %q; all questions: %q", asked, in.asked)
			}
			if s.State.Vars["affected_stores"] != "7" {
				t.Errorf("value %q", s.State.Vars["affected_stores"])
			}
		})
	}
}

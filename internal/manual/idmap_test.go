package manual

import (
	"strings"
	"testing"
)

// A target's options are read as every mapping keyed by name is: an
// option whose name is not a word is reported where it stands, not kept
// under the empty name.
func TestTargetOptionNameNotAWord(t *testing.T) {
	files := valid()
	files[ManualFile] = strings.Replace(files[ManualFile], "domain: meta, owner: speaker}",
		`domain: meta, owner: speaker, target: {provider: webhook, url: "https://example.org/hook", options: {[a]: b}}}`, 1)
	wantProblem(t, files, "playbooks/manual.yaml:11:155: error: options key must be a single value, found a list [CR003]")
	m, _ := load(t, files)
	if opts := m.Channels[0].Target.Options; len(opts) != 0 {
		t.Errorf("options = %q, want none", opts)
	}
}

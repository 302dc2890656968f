package runbook

import (
	"slices"
	"strings"
	"testing"

	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/message"
)

// TestUnrenderableStepCanBeSkipped: a step whose text cannot render used
// to end the run at that step for good, and every resume failed there. Now
// the operator is told why, cannot mark it done, and skips it with a reason.
func TestUnrenderableStepCanBeSkipped(t *testing.T) {
	s, _ := start(t)
	for _, tf := range s.Manual.Templates {
		for _, m := range tf.Messages {
			for form := range m.Forms {
				m.Forms[form] = `{{template "nope"}}`
			}
		}
	}
	cat, err := message.NewCatalog(s.Manual)
	if err != nil {
		t.Fatal(err)
	}
	s.Catalog = cat
	in := lines{"Facebook", "c 1 2 3 4", "d", "choose 1", "d", "s the holding text is broken; sent by hand"}
	v := &quietView{}
	f := &Flow{S: s, In: &in, View: v}
	if err := f.AskVars(nil); err != nil {
		t.Fatal(err)
	}
	if err := f.Run(); err == nil || !strings.Contains(err.Error(), "input ended") {
		t.Fatalf("Run = %v, want a pause when the answers end", err)
	}
	st := s.State.Steps["holding"]
	if st == nil || !st.Skipped || st.Reason != "the holding text is broken; sent by hand" {
		t.Fatalf("holding not skipped with its reason: %+v", st)
	}
	joined := strings.Join(v.warnings, "\n")
	if !strings.Contains(joined, `{{template "nope"}} is not available`) || !strings.Contains(joined, "s REASON") ||
		!strings.Contains(joined, "could not be rendered") {
		t.Errorf("warnings do not say why and what to do:\n%s", joined)
	}
	if got := types(t, s.Dir); !slices.Contains(got, journal.TypeStepSkipped) {
		t.Errorf("journal has no skip: %v", got)
	}
}

package render_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/render"
)

// Rendering playbooks on every core gives each playbook's texts, in the
// playbooks' order, exactly as rendering them one after another.
func TestPlaybooksAsOneAfterAnother(t *testing.T) {
	m, cat := example(t)
	opts := func(p *manual.Playbook) render.Options {
		return render.Options{Examples: true, Clock: render.PreviewClock(p, clock.Start)}
	}
	got := render.Playbooks(m, cat, m.Playbooks, opts)
	if len(got) != len(m.Playbooks) {
		t.Fatalf("%d results for %d playbooks", len(got), len(m.Playbooks))
	}
	for i, p := range m.Playbooks {
		want, err := render.Playbook(m, cat, p, opts(p))
		if err != nil || got[i].Err != nil {
			t.Fatalf("%s: %v / %v", p.ID, err, got[i].Err)
		}
		if len(want) == 0 {
			t.Fatalf("%s renders nothing", p.ID)
		}
		if !reflect.DeepEqual(got[i].Announcements, want) {
			t.Errorf("%s: %d texts rendered in parallel differ from the %d rendered alone", p.ID, len(got[i].Announcements), len(want))
		}
	}
}

// A playbook that fails fails in its own place: the others still render,
// and the caller can report the first failure in the playbooks' order.
func TestPlaybooksErrorInPlace(t *testing.T) {
	m, cat := example(t)
	if len(m.Playbooks) < 4 {
		t.Fatal("the example manual has fewer than 4 playbooks")
	}
	bad := map[string]bool{m.Playbooks[1].ID: true, m.Playbooks[3].ID: true}
	got := render.Playbooks(m, cat, m.Playbooks, func(p *manual.Playbook) render.Options {
		o := render.Options{Examples: true, Clock: render.PreviewClock(p, clock.Start)}
		if bad[p.ID] {
			o.Step = "no-such-step"
		}
		return o
	})
	for i, p := range m.Playbooks {
		switch r := got[i]; {
		case bad[p.ID] && (r.Err == nil || !strings.Contains(r.Err.Error(), "playbook "+p.ID+" has no step")):
			t.Errorf("%s: error %v, want its unknown step", p.ID, r.Err)
		case !bad[p.ID] && (r.Err != nil || len(r.Announcements) == 0):
			t.Errorf("%s: %d texts, error %v", p.ID, len(r.Announcements), r.Err)
		}
	}
}

package manual

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// A playbook of 121 steps holds more key positions than several blocks:
// the first steps' positions stay right once later blocks are taken, and a
// key a mapping lacks has none.
func TestPositionsAcrossBlocks(t *testing.T) {
	// The steps go after the cadence playbook's holding step, on line 18:
	// step i (from 1) starts on line 18+5*(i-1).
	var b strings.Builder
	for i := 1; i <= 120; i++ {
		fmt.Fprintf(&b, "  - id: s%d\n    title: Step %d\n    owner: speaker\n    deadline:   %dm\n    instructions: do it\n", i, i, 10+i)
	}
	m := loadClean(t, withPlaybook(strings.Replace(cadencePlaybook, "updates:\n", b.String()+"updates:\n", 1)))
	p := m.Playbooks[0]
	if got := p.At.Get("steps"); got != (Pos{File: "playbooks/fb-down.yaml", Line: 12, Col: 3}) {
		t.Errorf("steps at %v, want playbooks/fb-down.yaml:12:3 (the first dash)", got)
	}
	if got := p.At.Get("updates"); got != (Pos{File: "playbooks/fb-down.yaml", Line: 619, Col: 3}) {
		t.Errorf("updates at %v, want playbooks/fb-down.yaml:619:3 (the first dash)", got)
	}
	if got, ok := p.At.Lookup("follow_up"); ok || got != (Pos{}) {
		t.Errorf("follow_up at %v, %t: the playbook has none", got, ok)
	}
	if n := p.At.Len(); n != 11 {
		t.Errorf("%d top-level keys, want 11", n)
	}
	for _, i := range []int{1, 2, 7, 50, 119, 120} {
		s := p.Steps[i]
		line := 18 + 5*(i-1)
		want := Pos{File: "playbooks/fb-down.yaml", Line: line + 3, Col: 17}
		if got := s.At.Get("deadline"); got != want {
			t.Errorf("step %s: deadline at %v, want %v", s.ID, got, want)
		}
		if got := s.At.Get("title"); got.Line != line+1 || got.Col != 12 {
			t.Errorf("step %s: title at %v, want line %d col 12", s.ID, got, line+1)
		}
		if _, ok := s.At.Lookup("kind"); ok {
			t.Errorf("step %s has no kind, but a position for it", s.ID)
		}
	}
}

// The blocks of key positions hold no pointers, so the collector neither
// scans them nor follows one per key: some 100,000 keys in a manual of
// 1,000 playbooks, kept alive through every collection of a lint.
func TestKeyPositionsHoldNoPointers(t *testing.T) {
	typ := reflect.TypeFor[keyPos]()
	for i := range typ.NumField() {
		switch f := typ.Field(i); f.Type.Kind() {
		case reflect.Int32, reflect.Uint16:
		default:
			t.Errorf("keyPos.%s is a %s: a key position holds numbers only", f.Name, f.Type)
		}
	}
}

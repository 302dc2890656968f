package runbook

import (
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/render"
)

// Facts learned during the run (format 1.1, known: later): not asked at the
// start; asked on reaching the step named in by; until set, the texts that
// need them are not offered (render.Options.Hold) and the step says what
// they wait for.

// Wait is one text of a step held back, and the facts it waits for.
type Wait struct {
	Message string
	Vars    []string
}

// Waiting lists the step's messages that wait for a fact known later, in
// the order written.
func (s *Session) Waiting(st *manual.Step) []Wait {
	if st == nil {
		return nil
	}
	var out []Wait
	for _, a := range st.Announce {
		if slices.ContainsFunc(out, func(w Wait) bool { return w.Message == a.Message.ID }) {
			continue
		}
		if vars, _ := render.Waiting(s.Manual, s.Playbook, a.Message.ID, s.State.Vars); len(vars) > 0 {
			out = append(out, Wait{Message: a.Message.ID, Vars: vars})
		}
	}
	return out
}

// DueFacts lists the facts known later that must be set by step st and
// have no value yet: the run asks for them on reaching it.
func (s *Session) DueFacts(st *manual.Step) []*manual.Variable {
	if st == nil {
		return nil
	}
	var out []*manual.Variable
	for _, group := range [][]manual.Variable{s.Manual.Variables, s.Playbook.Variables} {
		for i := range group {
			v := &group[i]
			if _, set := s.State.Vars[v.Name]; v.Later && v.By.ID == st.ID && !set && s.Manual.Variable(s.Playbook, v.Name) == v {
				out = append(out, v)
			}
		}
	}
	return out
}

// askFacts asks, once per step shown, for the facts due by the current
// step. An empty answer leaves the fact for later (set NAME=VALUE); an
// answers file and --yes are not asked: they set facts with set.
func (f *Flow) askFacts() error {
	st := f.S.Current()
	if f.Auto || f.Strict || st == nil || f.S.State.Handled(st.ID) {
		return nil
	}
	for _, v := range f.S.DueFacts(st) {
		if f.askedFact[v.Name] {
			continue
		}
		if f.askedFact == nil {
			f.askedFact = map[string]bool{}
		}
		f.askedFact[v.Name] = true
		for {
			line, err := f.In.ReadLine(f.tr().T("gates.later-ask", map[string]any{"Name": v.Name, "Description": f.S.Playbook.Describe(v), "Example": v.Example}))
			if errors.Is(err, io.EOF) || (err == nil && strings.TrimSpace(line) == "") {
				break
			}
			if err != nil {
				return err
			}
			if err := f.S.Set(v.Name, strings.TrimSpace(line)); err != nil {
				if errors.As(err, new(*JournalError)) {
					return fatal(err)
				}
				f.View.Warn("%v", lang.Errorf("run.var.again", map[string]any{"Err": err}))
				continue
			}
			break
		}
	}
	return nil
}

// sayWaiting tells which of the step's texts wait for a fact, and how to
// give it.
func (f *Flow) sayWaiting() {
	waits := f.S.Waiting(f.S.Current())
	f.waiting = len(waits)
	for _, w := range waits {
		f.warn("gates.waiting", map[string]any{"Message": w.Message, "Vars": strings.Join(w.Vars, ", "), "Name": w.Vars[0]})
	}
}

// factArrived reports whether a text of the step shown waited for a fact
// that has been set since.
func (f *Flow) factArrived() bool {
	return f.waiting > 0 && len(f.S.Waiting(f.S.Current())) < f.waiting
}

// doneWaiting is why d asks twice on a step whose texts still wait for a
// fact: they would never go out from it. nil when none waits.
func (f *Flow) doneWaiting() *lang.Error {
	var list []string
	for _, w := range f.S.Waiting(f.S.Current()) {
		list = append(list, w.Message+" ("+strings.Join(w.Vars, ", ")+")")
	}
	if len(list) == 0 {
		return nil
	}
	return lang.Errorf("gates.done-waiting", map[string]any{"List": strings.Join(list, ", ")})
}

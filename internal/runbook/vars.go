package runbook

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/render"
)

// NeededVars lists the variables a playbook's messages use that a person
// must supply at the start: declared required, not provided by crisis, not
// known later (those are asked on reaching their step: see later.go).
func NeededVars(m *manual.Manual, p *manual.Playbook) ([]*manual.Variable, error) {
	var names []string
	for _, st := range slices.Concat(p.Steps, p.FollowUp) {
		for _, a := range st.Announce {
			names = append(names, a.Message.ID)
		}
	}
	for _, u := range p.Updates {
		names = append(names, u.Message.ID)
	}
	used, err := render.UsedVariables(m, names)
	if err != nil {
		return nil, err
	}
	var out []*manual.Variable
	for _, n := range used {
		if v := m.Variable(p, n); v != nil && v.Required && !v.Later && !m.FromMarkets(v) {
			out = append(out, v)
		}
	}
	return out, nil
}

// Asker asks a person for the values a run needs.
type Asker struct {
	In   Input
	View interface {
		Warn(format string, args ...any)
	}
	Auto bool // --yes: nobody to ask; a missing value is an error
	// Strict reads an answers file: a line that is not the value asked for,
	// or not a valid one, is an error rather than a question asked again.
	Strict bool
	// L words the questions in the interface language; nil is English.
	L *lang.Localizer
}

// Vars settles the values a run needs, before any of them is journaled, so
// a mistyped value never leaves a run behind. Values given (--var) must be
// declared and valid; journaled values (a resumed run; nil for a new one)
// are kept unless given anew, which corrects them; every needed value still
// missing, and any journaled value that is not valid, is asked for until a
// valid one is typed (with Auto, the missing ones are returned together in a
// *message.MissingError). Every value passes render.Check, the one
// validator. Vars returns the values to journal: the new ones and the
// corrections.
func Vars(m *manual.Manual, p *manual.Playbook, journaled, given map[string]string, a Asker) (map[string]string, error) {
	if err := render.CheckVars(m, p, given); err != nil {
		return nil, fmt.Errorf("--var %w", err)
	}
	ask, err := NeededVars(m, p)
	if err != nil {
		return nil, err
	}
	// A journaled value that is no longer valid (written before it was
	// checked, or the declaration changed) is asked again, needed or not:
	// otherwise every rendering of the run would fail on it.
	for _, name := range slices.Sorted(maps.Keys(journaled)) {
		if v := m.Variable(p, name); v != nil && !slices.Contains(ask, v) {
			if _, err := render.Check(v, name, journaled[name]); err != nil {
				ask = append(ask, v)
			}
		}
	}
	out := map[string]string{}
	for name, val := range given {
		if old, ok := journaled[name]; !ok || old != val {
			out[name] = val
		}
	}
	var missing message.MissingError
	for _, v := range ask {
		v := described(p, v)
		if _, ok := given[v.Name]; ok {
			continue
		}
		if val, ok := journaled[v.Name]; ok {
			_, err := render.Check(v, v.Name, val)
			if err == nil {
				continue
			}
			if a.Auto {
				return nil, fmt.Errorf("%w: %w", lang.Errorf("session.var.journaled", map[string]any{"Name": v.Name}), err)
			}
			a.View.Warn("%v", lang.Errorf("session.var.again", map[string]any{"Err": err}))
		}
		if a.Auto {
			missing.Missing = append(missing.Missing, message.Missing{Name: v.Name, Description: v.Description, Example: v.Example})
			continue
		}
		val, err := a.ask(v)
		if err != nil {
			return nil, err
		}
		out[v.Name] = val
	}
	if len(missing.Missing) > 0 {
		return nil, &missing
	}
	return out, nil
}

// SetVars journals values, in name order so a run's journal is
// reproducible.
func (s *Session) SetVars(vals map[string]string) error {
	for _, name := range slices.Sorted(maps.Keys(vals)) {
		if err := s.SetVar(name, vals[name]); err != nil {
			return err
		}
	}
	return nil
}

// Set journals a fact learned during the run, as a variable of the
// manual: declared, and valid by render.Check like every other value. What
// uses it renders with it from now on; texts already sent stay as sent.
func (s *Session) Set(name, val string) error {
	if manual.IsBuiltinVariable(name) {
		return lang.Errorf("run.set-builtin", map[string]any{"Name": name})
	}
	v := s.Manual.Variable(s.Playbook, name)
	if v == nil {
		var names []string
		for _, d := range slices.Concat(s.Manual.Variables, s.Playbook.Variables) {
			names = append(names, d.Name)
		}
		return lang.Errorf("run.set-unknown", map[string]any{"Name": name, "Hint": hintOr(name, names, "run.set-variables")})
	}
	if err := givenByMarkets(s.Manual, v); err != nil {
		return err
	}
	if _, err := render.Check(described(s.Playbook, v), name, val); err != nil {
		return err
	}
	if old, ok := s.State.Vars[name]; ok && old == val {
		return lang.Errorf("run.set-same", map[string]any{"Name": name, "Value": val})
	}
	return s.SetVar(name, val)
}

// AskVars settles the run's values (Vars) and journals them.
func (f *Flow) AskVars(given map[string]string) error {
	vals, err := Vars(f.S.Manual, f.S.Playbook, f.S.State.Vars, given, Asker{In: f.In, View: f.View, Auto: f.Auto, Strict: f.Strict, L: f.L})
	if err != nil {
		return err
	}
	return f.S.SetVars(vals)
}

// ask reads a variable's value until a valid one is typed. An answers file
// gets no second chance: its line is reported as a *ScriptError.
func (a Asker) ask(v *manual.Variable) (string, error) {
	for {
		l := a.L
		if l == nil {
			l = lang.For(language.English)
		}
		prompt := l.T("run.var.ask", map[string]any{"Name": v.Name, "Description": v.Description, "Example": v.Example})
		line, err := a.In.ReadLine(prompt)
		if errors.Is(err, io.EOF) {
			return "", lang.Errorf("session.var.input-ended", map[string]any{"Name": v.Name})
		}
		if err != nil {
			return "", err
		}
		raw := line
		line = strings.TrimSpace(line)
		if a.Strict && !strings.HasPrefix(line, "var "+v.Name+"=") {
			return "", &ScriptError{Line: raw, Err: lang.Errorf("session.var.expected", map[string]any{"Name": v.Name, "Description": v.Description})}
		}
		if name, val, ok := strings.Cut(line, "="); ok && strings.HasPrefix(name, "var ") {
			if strings.TrimSpace(strings.TrimPrefix(name, "var ")) != v.Name {
				a.View.Warn("%v", lang.Errorf("run.var.expected", map[string]any{"Name": v.Name}))
				continue
			}
			line = strings.TrimSpace(val)
		}
		if _, err := render.Check(v, v.Name, line); err != nil {
			if a.Strict {
				return "", &ScriptError{Line: raw, Err: err}
			}
			a.View.Warn("%v", lang.Errorf("run.var.again", map[string]any{"Err": err}))
			continue
		}
		return line, nil
	}
}

// described is v with its description in the operator's language, p's
// (see manual.Playbook.Describe), to word a question or an error; only
// for that: the manual's variables are compared by address elsewhere.
func described(p *manual.Playbook, v *manual.Variable) *manual.Variable {
	c := *v
	c.Description = p.Describe(v)
	return &c
}

// givenByMarkets refuses to set a per-market fact that every market gives
// (format 1.1): each market's value wins over the run's, so the value set
// would reach no text, silently. A market without a value of its own still
// takes the run's (lint's CR311), so setting it is allowed then.
func givenByMarkets(m *manual.Manual, v *manual.Variable) error {
	if !m.FromMarkets(v) {
		return nil
	}
	var ids []string
	for _, mk := range m.Markets {
		if _, ok := mk.Values[v.Name]; !ok {
			return nil
		}
		ids = append(ids, mk.ID)
	}
	return lang.Errorf("permarket.set", map[string]any{"Name": v.Name, "Markets": strings.Join(ids, ", ")})
}

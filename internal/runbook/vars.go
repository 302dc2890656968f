package runbook

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/render"
)

// NeededVars lists the variables the session's messages need from a person.
func (s *Session) NeededVars() ([]*manual.Variable, error) { return NeededVars(s.Manual, s.Playbook) }

// NeededVars lists the variables a playbook's messages use that a person
// must supply: declared required, not provided by crisis.
func NeededVars(m *manual.Manual, p *manual.Playbook) ([]*manual.Variable, error) {
	var names []string
	for _, st := range slices.Concat(p.Steps, p.FollowUp) {
		for _, a := range st.Announce {
			names = append(names, a.Message.ID)
		}
	}
	if u := p.Updates; u != nil {
		names = append(names, u.Message.ID)
	}
	used, err := render.UsedVariables(m, names)
	if err != nil {
		return nil, err
	}
	var out []*manual.Variable
	for _, n := range used {
		if v := m.Variable(p, n); v != nil && v.Required {
			out = append(out, v)
		}
	}
	return out, nil
}

// AskVars journals every needed variable once: from given (--var) when
// there, else asked through the input with its description and example.
// Values already in the journal (a resumed run) are not asked again.
func (f *Flow) AskVars(given map[string]string) error {
	needed, err := f.S.NeededVars()
	if err != nil {
		return err
	}
	var missing message.MissingError
	for _, v := range needed {
		if _, ok := f.S.State.Vars[v.Name]; ok {
			continue
		}
		val, ok := given[v.Name]
		if !ok && f.Auto {
			missing.Missing = append(missing.Missing, message.Missing{Name: v.Name, Description: v.Description, Example: v.Example})
			continue
		}
		if !ok {
			if val, err = f.ask(v); err != nil {
				return err
			}
		}
		if err := f.S.SetVar(v.Name, val); err != nil {
			return err
		}
	}
	if len(missing.Missing) > 0 {
		return &missing
	}
	// Optional values given on the command line are journaled too, so a
	// resume renders the same texts.
	for _, name := range slices.Sorted(maps.Keys(given)) {
		if _, ok := f.S.State.Vars[name]; !ok {
			if err := f.S.SetVar(name, given[name]); err != nil {
				return err
			}
		}
	}
	return nil
}

func (f *Flow) ask(v *manual.Variable) (string, error) {
	for {
		prompt := fmt.Sprintf("%s - %s (e.g. %s): ", v.Name, v.Description, v.Example)
		line, err := f.In.ReadLine(prompt)
		if errors.Is(err, io.EOF) {
			return "", fmt.Errorf("input ended before variable %s was given; use --var %s=VALUE", v.Name, v.Name)
		}
		if err != nil {
			return "", err
		}
		line = strings.TrimSpace(line)
		if f.Strict && !strings.HasPrefix(line, "var "+v.Name+"=") {
			return "", fmt.Errorf("answers: expected var %s=VALUE (%s), found %q; or give --var %s=VALUE", v.Name, v.Description, line, v.Name)
		}
		if name, val, ok := strings.Cut(line, "="); ok && strings.HasPrefix(name, "var ") {
			if strings.TrimSpace(strings.TrimPrefix(name, "var ")) != v.Name {
				f.View.Warn("expected a value for %s", v.Name)
				continue
			}
			line = strings.TrimSpace(val)
		}
		if line == "" {
			f.View.Warn("%s is required", v.Name)
			continue
		}
		if v.MaxLength > 0 && len([]rune(line)) > v.MaxLength {
			f.View.Warn("%s is at most %d characters; the messages were checked for that length", v.Name, v.MaxLength)
			continue
		}
		return line, nil
	}
}

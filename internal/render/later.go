package render

import "github.com/crisis-cli/crisis/internal/manual"

// Waiting lists the facts known later (1.1, known: later) that message
// msg uses and vars does not give yet, in name order: until they are set
// the text is not offered in a run, and the step says what it waits for.
func Waiting(m *manual.Manual, p *manual.Playbook, msg string, vars map[string]string) ([]string, error) {
	used, err := UsedVariables(m, []string{msg})
	if err != nil {
		return nil, err
	}
	var out []string
	for _, name := range used {
		if v := m.Variable(p, name); v != nil && v.Later {
			if _, ok := vars[name]; !ok {
				out = append(out, name)
			}
		}
	}
	return out, nil
}

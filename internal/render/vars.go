package render

import (
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
)

// Clock is what the tool fills in itself: when the incident started and
// when the next update is due.
type Clock struct {
	Start      time.Time
	NextUpdate time.Time
}

// Values resolves the value of every variable in names for one locale:
// given with --var, provided by crisis, or (for variables not marked
// required) the declared example, which for a manual's fixed facts such as
// a phone number is the value itself. Required variables without a value
// are returned together in a *message.MissingError.
func Values(m *manual.Manual, p *manual.Playbook, names []string, given map[string]string, clock Clock, locale string) (map[string]any, error) {
	data := map[string]any{}
	missing := &message.MissingError{}
	for _, name := range names {
		if v, ok := builtin(m, p, name, clock, locale); ok {
			data[name] = v
			continue
		}
		decl := m.Variable(p, name)
		val, ok := given[name]
		switch {
		case ok:
		case decl == nil:
			missing.Missing = append(missing.Missing, message.Missing{Name: name, Description: "(not declared in the manual)"})
			continue
		case decl.Required:
			missing.Missing = append(missing.Missing, message.Missing{Name: name, Description: decl.Description, Example: decl.Example})
			continue
		default:
			val = decl.Example
		}
		v, err := typed(decl, name, val)
		if err != nil {
			return nil, err
		}
		data[name] = v
	}
	if len(missing.Missing) > 0 {
		return nil, missing
	}
	return data, nil
}

// typed converts a count variable to an int, so it both prints and chooses
// the plural form.
func typed(decl *manual.Variable, name, val string) (any, error) {
	if decl == nil || decl.Type != "count" {
		return val, nil
	}
	n, err := strconv.Atoi(val)
	if err != nil {
		return nil, fmt.Errorf("variable %s=%q: a count must be a whole number", name, val)
	}
	return n, nil
}

func builtin(m *manual.Manual, p *manual.Playbook, name string, clock Clock, locale string) (any, bool) {
	switch name {
	case "organisation":
		return m.Organisation, true
	case "start_date":
		return message.FormatDate(clock.Start.In(m.Location), locale), true
	case "start_time":
		return message.FormatClock(clock.Start.In(m.Location), locale), true
	case "next_update":
		return message.FormatClock(clock.NextUpdate.In(m.Location), locale), true
	case "update_minutes":
		if p != nil {
			return int(p.Cadence() / time.Minute), true
		}
		return int(manual.DefaultCadence / time.Minute), true
	}
	return nil, false
}

// CountVariable picks the variable that chooses a message's plural form:
// the first count variable it uses.
func CountVariable(m *manual.Manual, p *manual.Playbook, used []string) string {
	for _, name := range used {
		if name == "update_minutes" {
			return name
		}
		if v := m.Variable(p, name); v != nil && v.Type == "count" {
			return name
		}
	}
	return ""
}

// UsedVariables lists the variables any form of any variant of the named
// messages uses, in every locale.
func UsedVariables(m *manual.Manual, messages []string) ([]string, error) {
	idx, err := variableIndex(m)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, msg := range messages {
		names = append(names, idx[msg]...)
	}
	slices.Sort(names)
	return slices.Compact(names), nil
}

type varIndex struct {
	once sync.Once
	vars map[string][]string // message name -> variables, sorted
	err  error
}

// indexes caches each manual's variable index: parsing every template
// form once instead of once per announcement keeps rendering a whole
// manual linear.
var indexes sync.Map // *manual.Manual -> *varIndex

func variableIndex(m *manual.Manual) (map[string][]string, error) {
	v, _ := indexes.LoadOrStore(m, &varIndex{})
	ix := v.(*varIndex)
	ix.once.Do(func() { ix.vars, ix.err = buildIndex(m) })
	return ix.vars, ix.err
}

func buildIndex(m *manual.Manual) (map[string][]string, error) {
	idx := map[string][]string{}
	for _, t := range m.Templates {
		for _, msg := range t.Messages {
			name, _, _ := manual.SplitID(msg.ID)
			for _, text := range msg.Forms {
				vs, err := message.Variables(text)
				if err != nil {
					return nil, fmt.Errorf("%s: message %s: %w", msg.Pos, msg.ID, err)
				}
				idx[name] = append(idx[name], vs...)
			}
		}
	}
	for k, v := range idx {
		slices.Sort(v)
		idx[k] = slices.Compact(v)
	}
	return idx, nil
}

package render

import (
	"fmt"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/sanitize"
	"github.com/crisis-cli/crisis/internal/suggest"
)

// Clock is what the tool fills in itself: when the incident started and
// when the next update is due.
type Clock struct {
	Start      time.Time
	NextUpdate time.Time
	// NextFor, when set, is when the next update is due for a text on a
	// channel to audiences: the cadence covering them keeps that promise,
	// so each text names its own cadence's time (ok false: NextUpdate).
	NextFor func(channel string, audiences []string) (time.Time, bool)
}

// Values resolves the value of every variable in names for one locale:
// given in opts.Vars (--var, the prompt, the run's journal), provided by
// crisis, or (for variables not marked required, and for every variable
// when opts.Examples) the declared example, which for a manual's fixed facts
// such as a phone number is the value itself. It is the one place template
// data is built: render, the run, drill injects and the quiz, and lint all
// get their values here, so a text that renders in one renders in all.
// Every value passes Check whatever its source; required variables without
// a value are returned together in a *message.MissingError.
func Values(m *manual.Manual, p *manual.Playbook, names []string, opts Options, locale string) (map[string]any, error) {
	given := withExamples(m, p, names, opts)
	data := map[string]any{}
	missing := &message.MissingError{}
	for _, name := range names {
		if v, ok := builtin(m, p, name, opts, locale); ok {
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
		case (decl.Required || decl.Later) && !m.FromMarkets(decl):
			// A per-market fact's value is each market's (marketData).
			missing.Missing = append(missing.Missing, message.Missing{Name: name, Description: decl.Description, Example: decl.Example})
			continue
		case decl.Format == manual.Format11:
			// An optional fact without a value is left out, never
			// published as its example (which stays for previews and
			// lint, opts.Examples).
			data[name] = ""
			continue
		default:
			val = decl.Example // 1.0: the example of a fixed fact is its value
		}
		v, err := Check(decl, name, val)
		if err != nil {
			return nil, err
		}
		if decl.Type == "datetime" {
			// Check read it: the manual's zone makes it one moment.
			v = instant(m, val, m.Location, locale, opts.Clock.Start)
		}
		data[name] = v
	}
	if len(missing.Missing) > 0 {
		return nil, missing
	}
	return data, nil
}

// withExamples adds the declared examples of variables without a value, for
// previews and drill drafts; the values given win.
func withExamples(m *manual.Manual, p *manual.Playbook, used []string, opts Options) map[string]string {
	if !opts.Examples {
		return opts.Vars
	}
	vars := map[string]string{}
	for _, name := range used {
		if v := m.Variable(p, name); v != nil {
			vars[name] = v.Example
		}
	}
	for k, v := range opts.Vars {
		vars[k] = v
	}
	return vars
}

// MaxCount is the largest value of a count variable: counts are of stores,
// people or minutes, and a larger one is a typing mistake.
const MaxCount = 1_000_000_000

// ValueError is a value that its variable's declaration does not allow,
// with how to write it.
type ValueError struct {
	Name, Value string
	Problem     string
	// why is Problem as an interface message: shown in the operator's
	// language where the error is (Unwrap).
	why *lang.Error
}

func (e *ValueError) Error() string {
	return fmt.Sprintf("%s=%s: %s", e.Name, quoteShort(e.Value), e.Problem)
}

func (e *ValueError) Unwrap() error {
	if e.why == nil {
		return nil
	}
	return e.why
}

// quoteShort quotes a value for a message, cut to a readable length: a
// 2 MB paste must not become a 2 MB error.
func quoteShort(s string) string {
	if r := []rune(s); len(r) > 40 {
		return strconv.Quote(string(r[:40])) + fmt.Sprintf("... (%d characters)", len(r))
	}
	return strconv.Quote(s)
}

// Check is the one validator of a variable's value, wherever the value
// comes from: --var, the prompt, an answers file, the journal of a run being
// resumed, a declared example. A value is one line of plain text (no
// control characters, which would reach terminals and channels raw, and no
// bidirectional overrides, which disguise text), at most max_length
// characters, and of its declared type:
//
//	text   anything else
//	count  a whole number from 0 to MaxCount, digits only: 12
//	time   a clock time: 14:05, 14.05, 14h05 or 2:05 PM
//	datetime  a moment: 2026-12-03 02:00 in the manual's zone, or with an
//	       offset (2026-12-03T02:00+01:00); templates get a message.Instant
//	url    a web address, with or without http(s)://: example.org/path
//
// It returns the value as templates get it: a count as an int, so it both
// prints and chooses the plural form. decl is nil for a variable the manual
// does not declare; only the plain-text rules apply then.
func Check(decl *manual.Variable, name, val string) (any, error) {
	bad := func(id string, data map[string]any) (any, error) {
		why := lang.Errorf(id, data)
		return nil, &ValueError{Name: name, Value: val, Problem: why.Error(), why: why}
	}
	if !utf8.ValidString(val) {
		return bad("value.not-utf8", nil)
	}
	n := 0
	for _, r := range val {
		n++
		if sanitize.IsBidi(r) {
			return bad("value.bidi", map[string]any{"Char": fmt.Sprintf("%U", r), "At": n})
		}
		// A value is one line: no tab or line break either, which a
		// terminal may show but a one-line field cannot hold.
		if sanitize.IsControl(r) || r == '\t' || r == '\n' || r == '\u2028' || r == '\u2029' {
			return bad("value.control", map[string]any{"Char": fmt.Sprintf("%U", r), "At": n})
		}
	}
	if decl == nil {
		return val, nil
	}
	if val == "" && decl.Required {
		return bad("value.required", map[string]any{"Description": decl.Description, "Example": decl.Example})
	}
	var typed any = val
	switch decl.Type {
	case "count":
		c, err := checkCount(val, bad)
		if err != nil {
			return nil, err
		}
		typed = c
	case "time":
		if val != "" && !clockRE.MatchString(val) {
			return bad("value.time", nil)
		}
	case "datetime":
		// Any zone reads the form; the manual's zone makes it a moment
		// (instant).
		if val != "" {
			if _, err := ParseDatetime(val, time.UTC); err != nil {
				return bad("datetime.value", nil)
			}
		}
	case "url":
		if val != "" {
			if problem := checkURL(val); problem != "" {
				return bad(problem, nil)
			}
		}
	}
	if decl.MaxLength > 0 && n > decl.MaxLength {
		return bad("value.too-long", map[string]any{"Length": n, "Max": decl.MaxLength})
	}
	return typed, nil
}

func checkCount(val string, bad func(string, map[string]any) (any, error)) (any, error) {
	if strings.HasPrefix(val, "-") && val != "-" && strings.Trim(val[1:], "0123456789") == "" {
		return bad("value.count-negative", nil)
	}
	if val == "" || strings.Trim(val, "0123456789") != "" {
		return bad("value.count-digits", nil)
	}
	n, err := strconv.Atoi(val)
	if err != nil || n > MaxCount {
		return bad("value.count-range", map[string]any{"Max": MaxCount})
	}
	return n, nil
}

// clockRE matches a clock time as people write one: 24-hour with a colon,
// a dot or an h, or 12-hour with AM or PM.
var clockRE = regexp.MustCompile(`^(?:(?:[01]?[0-9]|2[0-3])[:.h][0-5][0-9]|(?:0?[1-9]|1[0-2]):[0-5][0-9] ?(?:[AaPp]\.?[Mm]\.?))$`)

// checkURL says what is wrong with a web address, as the id of its
// message, or "" when nothing is.
// The scheme may be left out (texts read better without it), but only web
// addresses are accepted: no javascript:, no user:password@.
func checkURL(val string) string {
	if strings.IndexFunc(val, unicode.IsSpace) >= 0 {
		return "value.url-spaces"
	}
	rest := val
	if scheme, r, ok := strings.Cut(val, "://"); ok {
		if !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "http") {
			return "value.url-scheme"
		}
		rest = r
	}
	u, err := url.Parse("https://" + rest)
	if err != nil || u.User != nil || !strings.Contains(strings.Trim(u.Hostname(), "."), ".") {
		return "value.url"
	}
	return ""
}

// CheckVars checks values given by name (--var): each names a variable the
// playbook or the manual declares, or one crisis provides, and passes Check.
func CheckVars(m *manual.Manual, p *manual.Playbook, given map[string]string) error {
	for _, name := range slices.Sorted(maps.Keys(given)) {
		decl := m.Variable(p, name)
		if decl == nil && !manual.IsBuiltinVariable(name) {
			var names []string
			for _, v := range slices.Concat(m.Variables, p.Variables) {
				names = append(names, v.Name)
			}
			hint := suggest.Hint(name, names)
			if hint == "" {
				hint = "its variables: " + strings.Join(names, ", ")
			}
			return &ValueError{Name: name, Value: given[name], Problem: fmt.Sprintf("%s declares no such variable; %s", p.ID, hint)}
		}
		if _, err := Check(decl, name, given[name]); err != nil {
			return err
		}
	}
	return nil
}

func builtin(m *manual.Manual, p *manual.Playbook, name string, opts Options, locale string) (any, bool) {
	clock := opts.Clock
	switch name {
	case "update_note":
		return opts.UpdateNotes[locale], true
	case "state":
		return StateWord(opts.State, locale), true
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

// stateWords say a run's state in the example manual's languages; another
// locale gets the state's own name.
var stateWords = map[string]map[string]string{
	"es": {"investigating": "investigando", "identified": "causa identificada", "monitoring": "en observación", "resolved": "resuelto"},
	"en": {"investigating": "investigating", "identified": "identified", "monitoring": "monitoring", "resolved": "resolved"},
	"pl": {"investigating": "badamy problem", "identified": "przyczyna ustalona", "monitoring": "monitorujemy", "resolved": "rozwiązane"},
	"pt": {"investigating": "em investigação", "identified": "causa identificada", "monitoring": "em observação", "resolved": "resolvido"},
}

// StateWord is a run's state as a text in locale says it.
func StateWord(state, locale string) string {
	base, _, _ := strings.Cut(locale, "-")
	if w := stateWords[base][state]; w != "" {
		return w
	}
	return state
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
	var names []string
	for _, msg := range messages {
		names = append(names, message.MessageVariables(m, msg)...)
	}
	slices.Sort(names)
	return slices.Compact(names), nil
}

// Package diag holds the one shape every problem takes in crisis: a position
// in a manual file, a rule id, a severity, a message and a hint. Loaders,
// lint rules and renderers produce diagnostics; only the output layer styles
// them, so every format (text, JSON, SARIF, ...) sees the same facts.
package diag

import (
	"cmp"
	"fmt"
	"slices"
)

// Pos is a place in a manual file. Line and Col are 1-based; Col counts
// Unicode code points, because manuals are full of non-ASCII text and that
// is what editors and SARIF's unicodeCodePoints column kind expect.
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"column"`
}

// String renders the position as file:line:col, the shape editors and
// terminals turn into links.
func (p Pos) String() string {
	switch {
	case p.File == "":
		return ""
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// IsZero reports whether the position names nothing.
func (p Pos) IsZero() bool { return p == Pos{} }

// Severity orders how much a problem matters.
type Severity int

// Severities, from least to most serious.
const (
	Info Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "unknown"
}

// ParseSeverity reads "error", "warning" or "info" (and "off" as 0).
func ParseSeverity(s string) (Severity, bool) {
	switch s {
	case "error":
		return Error, true
	case "warning", "warn":
		return Warning, true
	case "info", "note":
		return Info, true
	case "off", "none":
		return 0, true
	}
	return 0, false
}

// MarshalText lets JSON outputs show severities as words.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one problem found in a manual.
type Diagnostic struct {
	Pos      Pos      `json:"pos"`
	End      Pos      `json:"end,omitzero"`
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Hint     string   `json:"hint,omitempty"`
	// Text, when set, is the message and hint as entries of the interface
	// catalogue, so that a person reads them in their language; Message and
	// Hint are then their English text, what scripts read.
	Text *Text `json:"-"`
}

// Text is a finding's message and hint as catalogue ids and the values
// their placeholders take. A message whose wording depends on a number
// gets it as Data["Count"] (an int), which picks the plural form.
type Text struct {
	Message, Hint string
	Data          map[string]any
	// HintData, when set, fills the hint instead of Data: a hint may
	// count something the message does not.
	HintData map[string]any
}

// Localizer renders catalogue messages in one language; lang.Localizer is
// the one crisis uses. diag only names what it needs of it.
type Localizer interface {
	T(id string, data any) string
	N(id string, count int, data map[string]any) string
}

// Render returns the message and hint in l's language ("" for no hint id).
func (t *Text) Render(l Localizer) (message, hint string) {
	one := func(id string, data map[string]any) string {
		switch n, counted := data["Count"].(int); {
		case id == "":
			return ""
		case counted:
			return l.N(id, n, data)
		}
		return l.T(id, data)
	}
	hintData := t.Data
	if t.HintData != nil {
		hintData = t.HintData
	}
	return one(t.Message, t.Data), one(t.Hint, hintData)
}

// Shown is what a person reads of d: its message and hint in l's language
// when they are catalogue entries, else the texts it carries.
func (d Diagnostic) Shown(l Localizer) (message, hint string) {
	if d.Text == nil || l == nil {
		return d.Message, d.Hint
	}
	return d.Text.Render(l)
}

// Error makes a diagnostic usable where an error is expected.
func (d Diagnostic) Error() string {
	s := fmt.Sprintf("%s: %s: %s [%s]", d.Pos, d.Severity, d.Message, d.Rule)
	if d.Hint != "" {
		s += " (" + d.Hint + ")"
	}
	return s
}

// List collects diagnostics. Code that checks a manual appends to a List
// instead of returning on the first problem, so users see everything at once.
type List []Diagnostic

// Add appends a diagnostic.
func (l *List) Add(pos Pos, rule string, sev Severity, hint, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Rule: rule, Severity: sev, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// Errorf appends an error-level diagnostic.
func (l *List) Errorf(pos Pos, rule, hint, format string, args ...any) {
	l.Add(pos, rule, Error, hint, format, args...)
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(d Diagnostic) bool { return d.Severity == Error })
}

// Sort orders diagnostics by file, line, column and rule, so output is
// stable whatever order the checks ran in (lint runs them in parallel).
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

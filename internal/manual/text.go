package manual

import (
	"errors"
	"io/fs"
	"strconv"
	"strings"

	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/fsutil"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/suggest"
)

// The loader's findings are entries of the interface catalogue
// (internal/lang/locales/loader.*.yaml), as lint's own are: a finding keeps
// its message and hint ids and their values, so that lint, run, show and
// every command printing a manual's problems show them in the reader's
// language, and carries their English text too, which scripts (JSON) and
// tests read. A value that is itself a phrase ("a list", "in a step") is a
// *lang.Error, filled in the same language as the sentence around it.

// args are the values a message's placeholders take. An int "Count"
// chooses the plural form.
type args = map[string]any

// say is catalogue message id filled with data: a finding's message or
// hint, or a phrase inside one.
func say(id string, data args) *lang.Error { return lang.Errorf(id, data) }

// sayN is say for a message whose wording depends on count.
func sayN(id string, count int, data args) *lang.Error { return lang.Countf(id, count, data) }

// diagnostic is the finding of message and hint (nil: none) with its
// English text.
func diagnostic(pos Pos, rule string, sev diag.Severity, message, hint *lang.Error) diag.Diagnostic {
	t := &diag.Text{Message: message.ID, Data: withCount(message)}
	if hint != nil {
		t.Hint, t.HintData = hint.ID, withCount(hint)
		if t.HintData == nil {
			t.HintData = args{}
		}
	}
	m, h := t.Render(lang.For(language.English))
	return diag.Diagnostic{Pos: pos, Rule: rule, Severity: sev, Message: m, Hint: h, Text: t}
}

// withCount is e's data with its count as "Count", as diag.Text wants it.
func withCount(e *lang.Error) args {
	if e.Count == nil {
		return e.Data
	}
	data := make(args, len(e.Data)+1)
	for k, v := range e.Data {
		data[k] = v
	}
	data["Count"] = *e.Count
	return data
}

// report appends an error-level finding at pos.
func report(diags *diag.List, pos Pos, rule string, message, hint *lang.Error) {
	*diags = append(*diags, diagnostic(pos, rule, diag.Error, message, hint))
}

// warn appends a warning at pos.
func warn(diags *diag.List, pos Pos, rule string, message, hint *lang.Error) {
	*diags = append(*diags, diagnostic(pos, rule, diag.Warning, message, hint))
}

// report appends an error-level finding at n.
func (d *decoder) report(n *yaml.Node, rule string, message, hint *lang.Error) {
	report(d.diags, d.pos(n), rule, message, hint)
}

// q quotes a value the manual holds, as %q does: escapes keep a control
// character out of the finding's text.
func q(s string) string { return strconv.Quote(s) }

// kindOf says what a node is, in the words a YAML author uses.
func kindOf(n *yaml.Node) *lang.Error {
	switch n.Kind {
	case yaml.MappingNode:
		return say("loader.kind.mapping", nil)
	case yaml.SequenceNode:
		return say("loader.kind.list", nil)
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return say("loader.kind.nothing", nil)
		}
		return say("loader.kind.scalar", args{"Value": q(n.Value)})
	}
	return say("loader.kind.alias", nil)
}

// part is a part of the format as the decoder names it ("a step", "the
// manual"): its catalogue phrase as the subject of a sentence, and as
// where something is ("in a step").
type part struct{ subject, in string }

var parts = map[string]part{
	"the manual":         {"loader.what.manual", "loader.in.manual"},
	"an audience":        {"loader.what.audience", "loader.in.audience"},
	"a failure domain":   {"loader.what.domain", "loader.in.domain"},
	"a channel":          {"loader.what.channel", "loader.in.channel"},
	"a role":             {"loader.what.role", "loader.in.role"},
	"a person":           {"loader.what.person", "loader.in.person"},
	"a contact":          {"loader.what.contact", "loader.in.contact"},
	"a variable":         {"loader.what.variable", "loader.in.variable"},
	"a playbook":         {"loader.what.playbook", "loader.in.playbook"},
	"a step":             {"loader.what.step", "loader.in.step"},
	"an announcement":    {"loader.what.announcement", "loader.in.announcement"},
	"an inject":          {"loader.what.inject", "loader.in.inject"},
	"a secret reference": {"loader.what.secret", "loader.in.secret"},
	"a recipient list":   {"loader.what.recipients", "loader.in.recipients"},
	"a translation":      {"loader.what.translation", "loader.in.translation"},
	"a delivery target":  {"loader.what.target", "loader.in.target"},
	"a drill target":     {"loader.what.drill-target", "loader.in.drill-target"},
	"a step id":          {"loader.what.step-id", "loader.in.step-id"},
	"a market":           {"loader.what.market", "loader.in.market"},
	"a phase":            {"loader.what.phase", "loader.in.phase"},
	"an option":          {"loader.what.decision-option", "loader.in.decision-option"},
	"an option id":       {"loader.what.option-id", "loader.in.option-id"},
	"an option's title":  {"loader.what.option-title", "loader.in.option-title"},
	"a reply":            {"loader.what.reply", "loader.in.reply"},
}

// features are what format 1.1 adds that a 1.0 file may not use, named
// as a phrase rather than a key (since11); a key is named as written.
var features = map[string]string{
	"a list of update cadences":    "loader.v11.cadences",
	"a cadence id":                 "loader.v11.cadence-id",
	"an audience's visibility":     "loader.v11.visibility",
	"the reply library (replies:)": "loader.v11.replies",
	"a step's replies":             "loader.v11.step-replies",
}

// feature is what since11 names: a phrase of the catalogue, the markets of
// an audience or a channel, or a key as written.
func feature(what string) any {
	if id, ok := features[what]; ok {
		return say(id, nil)
	}
	if of, ok := strings.CutPrefix(what, "markets of "); ok {
		return say("loader.v11.markets-of", args{"What": subject(of)})
	}
	return what
}

// subject is what as the subject of a finding: "a step must be a mapping".
func subject(what string) any { return phrase(what, false) }

// inside is where a key is: "unknown key "x" in a step".
func inside(what string) any { return phrase(what, true) }

// phrase finds what's catalogue phrase. A key of the file ("locales",
// "drill") is named as written; a name the table lacks (a part added
// since) is kept in English rather than lost.
func phrase(what string, in bool) any {
	pick := func(p part) string {
		if in {
			return p.in
		}
		return p.subject
	}
	if p, ok := parts[what]; ok {
		return say(pick(p), nil)
	}
	named := func(subject, in, name string) any {
		return say(pick(part{subject, in}), args{"Name": name})
	}
	switch {
	case strings.HasPrefix(what, "message "):
		return named("loader.what.message", "loader.in.message", strings.TrimPrefix(what, "message "))
	case strings.HasPrefix(what, "the texts of step "):
		return named("loader.what.step-texts", "loader.in.step-texts", strings.TrimPrefix(what, "the texts of step "))
	case strings.HasPrefix(what, "option "):
		return named("loader.what.option", "loader.in.option", strings.TrimPrefix(what, "option "))
	case strings.HasSuffix(what, " item") && !strings.Contains(strings.TrimSuffix(what, " item"), " "):
		return named("loader.what.item", "loader.in.item", strings.TrimSuffix(what, " item"))
	case strings.HasSuffix(what, " key") && !strings.Contains(strings.TrimSuffix(what, " key"), " "):
		return named("loader.what.key-of", "loader.in.key-of", strings.TrimSuffix(what, " key"))
	case !strings.Contains(what, " "):
		return named("loader.what.key", "loader.in.key", what)
	}
	if in {
		return "in " + what
	}
	return what
}

// didYouMean is the hint naming the known names closest to name, nil when
// none is close.
func didYouMean(name string, known []string) *lang.Error {
	c := suggest.Closest(name, known)
	if len(c) == 0 {
		return nil
	}
	return say("loader.did-you-mean", args{"Names": `"` + strings.Join(c, `", "`) + `"`})
}

// orElse is hint, or the fallback when hint is nil.
func orElse(hint, fallback *lang.Error) *lang.Error {
	if hint != nil {
		return hint
	}
	return fallback
}

// noun is what an index of declared ids holds, as its findings name it:
// each language agrees "unknown" and "declared twice" with the noun, so
// each noun has its own sentences.
type noun struct {
	unknown, twice string // the findings
	a, the         string // "is a channel, not a role"; "declare the channel first"
}

// nouns are keyed by the index's English name (newIndex).
var nouns = map[string]noun{
	"audience":       {"loader.unknown.audience", "loader.twice.audience", "loader.a.audience", "loader.the.audience"},
	"failure domain": {"loader.unknown.domain", "loader.twice.domain", "loader.a.domain", "loader.the.domain"},
	"channel":        {"loader.unknown.channel", "loader.twice.channel", "loader.a.channel", "loader.the.channel"},
	"role":           {"loader.unknown.role", "loader.twice.role", "loader.a.role", "loader.the.role"},
	"person":         {"loader.unknown.person", "loader.twice.person", "loader.a.person", "loader.the.person"},
	"message":        {"loader.unknown.message", "loader.twice.message", "loader.a.message", "loader.the.message"},
	"step":           {"loader.unknown.step", "loader.twice.step", "loader.a.step", "loader.the.step"},
}

// nounFor is what's sentences; an index the table lacks gets English ones
// that name it, rather than none.
func nounFor(what string) noun {
	if n, ok := nouns[what]; ok {
		return n
	}
	return noun{"loader.unknown.any", "loader.twice.any", "loader.a.any", "loader.the.any"}
}

// andList joins items as "a and b and c", each "and" in the reader's
// language.
func andList(items []string) any {
	if len(items) == 1 {
		return items[0]
	}
	return say("loader.and", args{"First": items[0], "Rest": andList(items[1:])})
}

// notManualError is "not a crisis manual" in the reader's language that
// errors.Is still finds to be ErrNotManual.
type notManualError struct{ msg *lang.Error }

func (e *notManualError) Error() string   { return e.msg.Error() }
func (e *notManualError) Unwrap() []error { return []error{e.msg, ErrNotManual} }

func notManual(msg *lang.Error) error { return &notManualError{msg} }

// asText is err's catalogue message, or its own words when it has none (an
// operating system's error).
func asText(err error) *lang.Error {
	var e *lang.Error
	if errors.As(err, &e) {
		return e
	}
	return say("loader.error", args{"Err": err.Error()})
}

// fileKinds are fsutil.Kind's English names as phrases of the catalogue.
var fileKinds = map[string]string{
	"a folder":            "loader.file.folder",
	"a symbolic link":     "loader.file.link",
	"a named pipe (FIFO)": "loader.file.pipe",
	"a socket":            "loader.file.socket",
	"a device":            "loader.file.device",
	"a special file":      "loader.file.special",
}

// fileKind says what a file that is not a regular one is.
func fileKind(m fs.FileMode) any {
	k := fsutil.Kind(m)
	if id, ok := fileKinds[k]; ok {
		return say(id, nil)
	}
	return k
}

package message

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/lang"
)

// execReasons recognise the errors text/template raises while it fills a
// checked template with values, those a manual's author can cause (a
// function given too many values, a number, a count or a datetime
// variable where text is taken, a variable given values), by its words, which the
// standard library keeps stable. Each gives the reason as an interface
// message (templateexec.* in internal/lang/locales), so that it reads in
// the person's language like the checker's and the parser's; one none
// matches keeps text/template's English inside templateexec.other. Errors
// of an index, a slice or a nil pointer cannot arise: the sandbox allows no
// function that indexes, and the values are a map of texts and instants.
var execReasons = []struct {
	re *regexp.Regexp
	// reason is the words for the match m, and the node the error names
	// ("at <.window_start>": a variable, a function or a constant).
	reason func(m []string, node string) *lang.Error
}{
	{regexp.MustCompile(`^wrong number of args for (\w+): want (\d+) got (\d+)$`), func(m []string, _ string) *lang.Error {
		want, _ := strconv.Atoi(m[2])
		return lang.Countf("templateexec.args", want, map[string]any{"Func": m[1], "Got": m[3], "Usage": funcUsage(m[1])})
	}},
	{regexp.MustCompile(`^(?:expected string; found (.+)|cannot assign (nil) to string|(nil) is not a command)$`), func(m []string, _ string) *lang.Error {
		return words("templateexec.not-text", map[string]any{"Value": m[1] + m[2] + m[3]})
	}},
	{regexp.MustCompile(`^wrong type for value; expected string; got message\.Instant$`), func(_ []string, node string) *lang.Error {
		if strings.HasPrefix(node, ".") {
			return words("templateexec.datetime", map[string]any{"Var": node, "Date": "(date " + node + ")", "Clock": "(clock " + node + ")"})
		}
		return words("templateexec.datetime-piped", map[string]any{"Func": node})
	}},
	{regexp.MustCompile(`^wrong type for value; expected string; got int$`), func(_ []string, node string) *lang.Error {
		if strings.HasPrefix(node, ".") {
			return words("templateexec.count", map[string]any{"Var": node, "Ref": "{{" + node + "}}"})
		}
		return words("templateexec.count-piped", map[string]any{"Func": node})
	}},
	{regexp.MustCompile(`^(\w+) is not a method but has arguments$`), func(m []string, _ string) *lang.Error {
		return words("templateexec.not-func", map[string]any{"Ref": "{{." + m[1] + "}}"})
	}},
	{regexp.MustCompile(`^map has no entry for key "(.*)"$`), func(m []string, _ string) *lang.Error {
		return words("templateexec.no-value", map[string]any{"Ref": "{{." + m[1] + "}}"})
	}},
}

// execWords is the reason of text/template's execution error msg (what
// follows "executing ... at <node>: "), node the action's part it names.
func execWords(msg, node string) *lang.Error {
	for _, r := range execReasons {
		if m := r.re.FindStringSubmatch(msg); m != nil {
			return r.reason(m, node)
		}
	}
	return words("templateexec.other", map[string]any{"Reason": msg})
}

// funcUsage is how function name is written, from its documentation
// ("{{upper .platform}}"), or the name alone for one it does not list. A
// usage quoting an example text ({{default "our shop" .store_name}}) is
// an exampleUsage, which quotes it in the reader's language.
func funcUsage(name string) any {
	for _, f := range FuncDocs {
		if f.Name == name {
			usage, _, _ := strings.Cut(f.Doc, ": ")
			if strings.Contains(usage, exampleText) {
				return exampleUsage(usage)
			}
			return usage
		}
	}
	return name
}

// exampleText is the text in quotes FuncDocs' usages write, in English.
const exampleText = `"our shop"`

// exampleUsage is a function's usage quoting exampleText, written in the
// language of the message it fills with the catalogue's example text
// (templateexec.example-text, the one templateexec.not-text quotes), so
// that no English is left inside a translated reason. It is translated
// only when the reason is shown.
type exampleUsage string

func (u exampleUsage) In(tag language.Tag) string {
	base, _ := tag.Base() // a region's tag (es-PE) reads its language's words
	text := lang.For(language.Make(base.String())).T("templateexec.example-text", nil)
	return strings.Replace(string(u), exampleText, strconv.Quote(text), 1)
}

// IsCountAsText reports whether err is a template's failure on a count (a
// number) given where text is taken, which lint's hint explains.
func IsCountAsText(err error) bool {
	var te *TemplateError
	if !errors.As(err, &te) {
		return false
	}
	w, ok := te.Err.(*lang.Error)
	return ok && (w.ID == "templateexec.count" || w.ID == "templateexec.count-piped")
}

package message

import (
	"regexp"
	"strings"

	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/suggest"
)

// Why a template is refused is told to the person who wrote it, in their
// language: every reason is an interface message (template.* in
// internal/lang/locales), kept as the TemplateError's Err so that
// lang.Localizer.Text translates it wherever the error is shown. The
// template syntax a reason names ({{if}}, {{.name}}) is passed as data, so
// that no translation has to escape it.

// syntax is the template syntax the reasons name, as data of their words.
var syntax = map[string]any{
	"Open": "{{", "Close": "}}", "Field": "{{.name}}", "Dot": "{{.}}",
	"If": "{{if}}", "With": "{{with}}", "End": "{{end}}", "Control": "{{if}}/{{else}}/{{with}}",
}

// words is reason id's message filled with data and the template syntax.
func words(id string, data map[string]any) *lang.Error {
	all := make(map[string]any, len(syntax)+len(data))
	for k, v := range syntax {
		all[k] = v
	}
	for k, v := range data {
		all[k] = v
	}
	return lang.Errorf(id, all)
}

// funcData is the data of template.func: that function name cannot be
// called, which ones can and, when the name is a near miss of one, which
// one was probably meant.
func funcData(name string) map[string]any {
	names := make([]string, len(FuncDocs))
	for i, f := range FuncDocs {
		names[i] = f.Name
	}
	near := suggest.Closest(name, names)
	for i, n := range near {
		near[i] = `"` + n + `"`
	}
	return map[string]any{"Func": name, "Funcs": FuncNames(), "Near": strings.Join(near, ", ")}
}

// parseReasons recognise text/template's parse errors by their words,
// which the standard library keeps stable, anchored whole. The first match
// gives the reason; an error none matches keeps the parser's English
// inside template.parse.
var parseReasons = []struct {
	re   *regexp.Regexp
	id   string
	data func(m []string) map[string]any
}{
	{regexp.MustCompile(`^function "([^"]+)" not defined$`), "template.func", func(m []string) map[string]any { return funcData(m[1]) }},
	{regexp.MustCompile(`^unclosed action$`), "template.unclosed-action", nil},
	{regexp.MustCompile(`^unexpected EOF$`), "template.eof", nil},
	{regexp.MustCompile(`^unexpected (\{\{end\}\}|\{\{else\}\})(?: in .*)?$`), "template.stray", func(m []string) map[string]any { return map[string]any{"Action": m[1]} }},
	{regexp.MustCompile(`^(?:bad character|unrecognized character in action:) U\+[0-9A-F]+ '(.+)'$`), "template.bad-char", func(m []string) map[string]any { return map[string]any{"Char": "'" + m[1] + "'"} }},
	{regexp.MustCompile(`^unclosed left paren$`), "template.paren-open", nil},
	{regexp.MustCompile(`^unexpected right paren$`), "template.paren-close", nil},
	{regexp.MustCompile(`^unexpected (?:"(.+)"|<(.+)>) in (?:operand|command)$`), "template.unexpected", func(m []string) map[string]any { return map[string]any{"Token": `"` + m[1] + m[2] + `"`} }},
	{regexp.MustCompile(`^missing value for (if|with)$`), "template.missing-value", func(m []string) map[string]any { return map[string]any{"Action": "{{" + m[1] + "}}"} }},
	{regexp.MustCompile(`^missing value for command$`), "template.empty", nil},
	{regexp.MustCompile(`^unterminated (?:raw )?quoted string$`), "template.quote", nil},
	{regexp.MustCompile(`^(?:unclosed comment|comment ends before closing delimiter)$`), "template.comment", nil},
	{regexp.MustCompile(`^bad number syntax: "(.*)"$`), "template.number", func(m []string) map[string]any { return map[string]any{"Number": `"` + m[1] + `"`} }},
}

// startedAtRE is the parser's note on an error inside an action spanning
// lines ("unclosed action started at :1"): the position is given apart.
var startedAtRE = regexp.MustCompile(`(?: in action)? started at [^:]*:\d+$`)

// parseWords is the reason of text/template's parse error msg, without its
// "template: :LINE: " prefix.
func parseWords(msg string) *lang.Error {
	bare := startedAtRE.ReplaceAllString(msg, "")
	for _, r := range parseReasons {
		m := r.re.FindStringSubmatch(bare)
		switch {
		case m == nil:
			continue
		case r.data == nil:
			return words(r.id, nil)
		}
		return words(r.id, r.data(m))
	}
	return words("template.parse", map[string]any{"Reason": msg})
}

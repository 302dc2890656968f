package lint

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/lang"
)

// RepoURL is the project's home, for SARIF's tool information.
const RepoURL = "https://github.com/crisis-cli/crisis"

// HelpURI is where a rule is documented: its section of docs/rules.md, or
// of its translation when l is not English.
func HelpURI(id string, l *lang.Localizer) string {
	return RepoURL + "/blob/main/" + DocFile(orEnglish(l).Tag) + "#" + strings.ToLower(id)
}

// DocFile is the rules document in language tag: docs/rules.md in English,
// docs/rules.LANG.md in the others.
func DocFile(tag language.Tag) string {
	if tag == language.English {
		return "docs/rules.md"
	}
	return "docs/rules." + tag.String() + ".md"
}

// Explain is the text of `crisis lint --explain ID` in l's language. The
// examples are YAML and stay as written.
func Explain(m Meta, l *lang.Localizer) string {
	l = orEnglish(l)
	var b strings.Builder
	fmt.Fprintf(&b, "%s  %s  %s\n\n", m.ID, m.Severity, m.Title(l))
	b.WriteString(wrap(m.Rationale(l), 78) + "\n")
	if m.Scope == ScopeLoader {
		b.WriteString("\n" + l.T("lint.doc.loader", nil) + "\n")
	}
	fmt.Fprintf(&b, "\n%s\n%s\n%s\n%s\n%s\n", l.T("lint.doc.bad", nil), indent(m.Bad(l)), l.T("lint.doc.good", nil), indent(m.Good(l)),
		l.T("lint.doc.more", args{"URL": HelpURI(m.ID, l)}))
	return b.String()
}

func indent(s string) string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	return "    " + strings.Join(lines, "\n    ") + "\n"
}

// wrap breaks text into lines of at most width characters.
func wrap(text string, width int) string {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(text) {
		l := len([]rune(w))
		if n > 0 && n+1+l > width {
			b.WriteString("\n")
			n = 0
		} else if n > 0 {
			b.WriteString(" ")
			n++
		}
		b.WriteString(w)
		n += l
	}
	return b.String()
}

// Markdown is docs/rules.md, or its translation for l, generated from the
// registry so the two never disagree (a test fails when a file is out of
// date).
func Markdown(l *lang.Localizer) string {
	l = orEnglish(l)
	t := func(id string) string { return l.T(id, nil) }
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", t("lint.doc.heading"))
	b.WriteString("<!-- Generated from internal/lint by `go test ./internal/lint -run TestRulesDoc -update`; do not edit. -->\n\n")
	fmt.Fprintf(&b, "%s\n\n## %s\n\n%s\n\n## %s\n\n%s\n\n## %s\n\n", t("lint.doc.intro"), t("lint.doc.config.heading"), t("lint.doc.config"),
		t("lint.doc.drills.heading"), t("lint.doc.drills"), t("lint.doc.rules.heading"))
	fmt.Fprintf(&b, "| %s |\n| --- | --- | --- |\n", t("lint.doc.columns"))
	for _, r := range registry {
		m := r.Meta()
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s |\n", m.ID, strings.ToLower(m.ID), m.Severity, m.Title(l))
	}
	for _, r := range registry {
		m := r.Meta()
		fmt.Fprintf(&b, "\n<a id=\"%s\"></a>\n## %s: %s\n\n%s", strings.ToLower(m.ID), m.ID, m.Title(l), l.T("lint.doc.severity", args{"Severity": m.Severity}))
		if m.Scope == ScopeLoader {
			b.WriteString(" " + t("lint.doc.loader"))
		}
		fmt.Fprintf(&b, "\n\n%s\n\n%s\n\n```yaml\n%s```\n\n%s\n\n```yaml\n%s```\n", m.Rationale(l), t("lint.doc.bad"), m.Bad(l), t("lint.doc.good"), m.Good(l))
	}
	return b.String()
}

package lint

import (
	"fmt"
	"strings"
)

// RepoURL is the project's home, for SARIF's tool information.
const RepoURL = "https://github.com/crisis-cli/crisis"

// HelpURI is where a rule is documented: its section of docs/rules.md.
func HelpURI(id string) string {
	return RepoURL + "/blob/main/docs/rules.md#" + strings.ToLower(id)
}

// Explain is the text of `crisis lint --explain ID`.
func Explain(m Meta) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s  %s  %s\n\n", m.ID, m.Severity, m.Title)
	b.WriteString(wrap(m.Rationale, 78) + "\n")
	if m.Scope == ScopeLoader {
		b.WriteString("\nReported by the loader while reading the files.\n")
	}
	fmt.Fprintf(&b, "\nBad:\n%s\nGood:\n%s\nMore: %s\n", indent(m.Bad), indent(m.Good), HelpURI(m.ID))
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

// Markdown is docs/rules.md, generated from the registry so the two never
// disagree (a test fails when the file is out of date).
func Markdown() string {
	var b strings.Builder
	b.WriteString("# crisis lint rules\n\n")
	b.WriteString("<!-- Generated from internal/lint by `go test ./internal/lint -run TestRulesDoc -update`; do not edit. -->\n\n")
	b.WriteString(docIntro)
	b.WriteString("| id | severity | title |\n| --- | --- | --- |\n")
	for _, r := range registry {
		m := r.Meta()
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s |\n", m.ID, strings.ToLower(m.ID), m.Severity, m.Title)
	}
	for _, r := range registry {
		m := r.Meta()
		fmt.Fprintf(&b, "\n<a id=\"%s\"></a>\n## %s: %s\n\nDefault severity: **%s**.", strings.ToLower(m.ID), m.ID, m.Title, m.Severity)
		if m.Scope == ScopeLoader {
			b.WriteString(" Reported by the loader while reading the files.")
		}
		fmt.Fprintf(&b, "\n\n%s\n\nBad:\n\n```yaml\n%s```\n\nGood:\n\n```yaml\n%s```\n", m.Rationale, m.Bad, m.Good)
	}
	return b.String()
}

const docIntro = "`crisis lint [DIR]` checks a manual for what would fail during a crisis. " +
	"`crisis lint --explain ID` prints any section below; `crisis lint --list-rules` the table.\n\n" +
	"## Configuration and suppression\n\n" +
	"- `.crisis.yaml` beside `playbooks/` changes rules: `lint: {rules: {CR104: off, CR203: error}}` " +
	"(`off`, `info`, `warning`, `error`). An unknown rule id there is a configuration error (exit 2).\n" +
	"- `# crisis:ignore CR101 -- reason` on a finding's line or the line above suppresses it; several ids may be " +
	"given, separated by spaces or commas. A suppression without a reason (CR901) or that suppresses nothing (CR902) " +
	"is itself a finding.\n" +
	"- A missing step owner is the loader's CR006 (a required key): lint adds no second finding for it.\n" +
	"- Exit codes: 0 no errors (warnings allowed), 1 errors (or warnings with `--strict`), 2 usage or " +
	"configuration error, 3 the manual cannot be read.\n\n" +
	"## Drill records (CR801)\n\n" +
	"Drill records are committed with the manual, so that lint says the same on a laptop and in CI: a " +
	"`drills/` folder beside `playbooks/` holds `drills/<playbook>.json`, which `crisis drill` writes there " +
	"(as well as in the local runs folder) when a drill finishes and the folder exists: a JSON object with at " +
	"least `playbook` (the id) and `finished_at` (RFC 3339). Create the folder to start keeping them; without " +
	"it the rule is silent. The records of this machine's runs folder are read instead only when asked: " +
	"`crisis lint --local-drills`, or `--runs-dir DIR`; they are kept per manual (`drills/<folder>-<digest of " +
	"the manual's path>/`), so a drill of one manual never counts for another with the same playbook ids. A " +
	"playbook without a record has never been rehearsed; with `drill_every` in the manual, an older drill is " +
	"reported too. A drill completed by `--yes` or `--answers` is recorded with `\"unattended\": true` and is no " +
	"rehearsal: lint reports it (an attended record is never replaced by an unattended one).\n\n" +
	"## Rules\n\n"

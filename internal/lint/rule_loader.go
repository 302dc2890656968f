package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

// The loader's rules: manual.Load reports them, lint only explains them.
func init() {
	loader := func(id, title, rationale, bad, good string) {
		register(Meta{ID: id, Title: title, Severity: diag.Error, Rationale: rationale, Bad: bad, Good: good, Scope: ScopeLoader}, nil)
	}
	loader(manual.RuleSyntax, "The file is not valid YAML",
		"A manual that does not parse cannot be read at 3 a.m. The loader names the line and, where it can, the cause: an unquoted colon in a value, a tab in the indentation.",
		"title: Facebook: down for everyone\n", "title: \"Facebook: down for everyone\"\n")
	loader(manual.RuleUnknownKey, "A key the format does not have",
		"A misspelt key would silently drop what it holds: a step without its owner, a playbook without its fallbacks. Unknown keys are errors, with the closest known key suggested.",
		"steps:\n  - id: confirm\n    ownr: community-manager\n", "steps:\n  - id: confirm\n    owner: community-manager\n")
	loader(manual.RuleType, "A value of the wrong type or shape",
		"A list where one value is expected, a word where a duration is expected, an unknown channel kind: each would be misread during the crisis.",
		"deadline: soon\n", "deadline: 15m\n")
	loader(manual.RuleDuplicate, "An id or key given twice",
		"Two steps or channels with one id make every reference to it ambiguous; YAML itself would keep only the last of two equal keys.",
		"steps:\n  - id: holding\n  - id: holding\n", "steps:\n  - id: holding\n  - id: holding-staff\n")
	loader(manual.RuleDangling, "A reference to something not declared",
		"A fallback channel, owner role or message that does not exist leaves a hole in the plan that only shows during the crisis.",
		"fallbacks:\n  customers: [emial-customers]\n", "fallbacks:\n  customers: [email-customers]\n")
	loader(manual.RuleMissing, "A required key is missing",
		"Required keys are what the runbook needs: a title, a deadline, a step's owner (a step nobody owns is a step nobody does), the update cadence.",
		"steps:\n  - id: holding\n    title: Send the holding message\n    deadline: 15m\n",
		"steps:\n  - id: holding\n    title: Send the holding message\n    owner: spokesperson\n    deadline: 15m\n")
	loader(manual.RuleFile, "The file cannot be read as text",
		"Files too big, binary, not UTF-8 or using YAML aliases are refused: a manual is read under stress and every value should be written where it applies. A manual arrives by pull request, so a link leading out of the manual, a named pipe or a device is refused without being read, and a file that would not be read (saved as .YAML, or in a sub-folder) is reported rather than left out.",
		"contacts: *board-contacts\n", "contacts:\n  - {via: phone, value: \"+34 600 100 001\"}\n")
	loader(manual.RuleControl, "A text holds a control character or a bidirectional override",
		"A manual arrives by pull request. A YAML escape (\"\\e[2J\", \"\\x9b\", \"\\u202e\") puts a character in a text that a terminal obeys rather than shows: it can clear the screen, write the clipboard (OSC 52), retitle the window, hide the drill mark behind a carriage return, or make a text read differently from what it holds. Tabs and new lines are text; no other character below U+0020 is.",
		"other: \"\\e]0;all clear\\a Facebook is down\"\n", "other: \"Facebook is down\"\n")
	loader(manual.RuleVersion, "A format version this build does not read",
		"A file written for another format version would be misread; upgrade crisis or write the version it reads.",
		"crisis: 2\n", "crisis: 1\n")
}

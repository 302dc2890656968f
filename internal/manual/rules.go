package manual

// Rule ids of the problems the loader reports. Lint reports them as they are,
// beside its own rules, so a user can look any of them up with
// `crisis lint --explain`.
const (
	RuleSyntax     = "CR001" // the file is not valid YAML
	RuleUnknownKey = "CR002" // a key the format does not have
	RuleType       = "CR003" // a value of the wrong type or shape
	RuleDuplicate  = "CR004" // an id or key given twice
	RuleDangling   = "CR005" // a reference to something not declared
	RuleMissing    = "CR006" // a required key is missing
	RuleFile       = "CR007" // the file cannot be read as text: size, binary, encoding, aliases
	RuleVersion    = "CR008" // a format version this build does not read
	RuleControl    = "CR009" // a text holds a control character or a bidirectional override
)

// Package output turns the findings of `crisis lint` into the formats people
// and CI systems read: a text report for terminals (file:line:col first, as
// compilers print, with the source line and a caret), one line per finding
// for editors, a versioned JSON document for scripts, GitHub Actions
// workflow commands, SARIF 2.1.0 for GitHub code scanning, JUnit XML for
// GitLab and Jenkins test reports, and GitLab Code Quality JSON.
//
// Every format renders the same Report, one file per format, so the facts
// (file, position, rule, severity, message, hint) are decided once, by lint,
// and only styled here. Nothing in this package reads the environment or
// the terminal: colour and styling come in through Options, so the output
// of every format is a pure function of its input and is checked against
// golden files in testdata and, in consumers_test.go, by what really reads
// it: the SARIF and GitLab schemas, xmllint with a JUnit XSD, vim.
//
// Limits of the receiving systems are applied here, where the format is
// known: GitHub annotates at most 10 errors, 10 warnings and 10 notices per
// step (the rest are printed as plain log lines), SARIF runs hold at most
// 25,000 results, and JUnit test names are made unique per file because
// GitLab keeps only the first of two equal ones.
package output

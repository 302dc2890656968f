package output

import (
	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/sanitize"
)

// The language of a report. Whatever it is, a report's structure is the
// same: rule ids, positions, severities (the words a configuration file
// uses), keys, fingerprints and file names. What a person reads follows
// Report.Lang: messages, hints, rule titles and descriptions, labels and
// summaries. The JSON format is for scripts and stays English.

// localizer is the report's language, English when none is set.
func (r Report) localizer() *lang.Localizer {
	if r.Lang == nil {
		return lang.For(language.English)
	}
	return r.Lang
}

// shown is what a person reads of d: its message and hint in the report's
// language, made printable like the English ones.
func (r Report) shown(d diag.Diagnostic) (message, hint string) {
	if r.Lang == nil || d.Text == nil {
		return d.Message, d.Hint
	}
	message, hint = d.Shown(r.Lang)
	return sanitize.Text(message), sanitize.Text(hint)
}

// hintLabel is the word before a hint ("hint").
func (r Report) hintLabel() string { return r.localizer().T("lint.output.hint", nil) }

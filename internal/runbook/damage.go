package runbook

import (
	"strings"

	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/lang"
)

// DamageText says what is wrong with a journal as an interface message:
// where, what is wrong and how many lines are not kept; where the original
// was set aside is said apart (run.journal-kept). The journal package words
// the details (which event, what the head record says) in English only:
// English shows them, the translations the kind of damage in their words.
func DamageText(d journal.Damage) *lang.Error {
	kind := strings.ReplaceAll(string(d.Kind), " ", "-")
	return lang.Countf("session.damage", d.Dropped, map[string]any{"Path": d.Path, "Line": d.Line, "Reason": d.Reason,
		"Kind": lang.Errorf("session.damage.kind."+kind, nil)})
}

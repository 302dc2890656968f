package report

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// The words of the report that come from the run rather than the manual:
// the name of a cadence update, a severity, the journal's damage. Each is
// an interface message, so Markdown and HTML say it in the reader's
// language while the JSON keeps the English text (Error()).

// updateNumber is the number of a cadence update's step id ("updates#2"),
// and whether id is one.
func updateNumber(id string) (string, bool) {
	return strings.CutPrefix(id, runbook.UpdatesStep+"#")
}

// stepSay is a step's name as a message's data: a cadence update is
// "Update 2" in the reader's language, any other step its title.
func (n names) stepSay(id string) any {
	if num, ok := updateNumber(id); ok {
		return lang.Errorf("reporttext.update", map[string]any{"Number": num})
	}
	if s := n.findStep(id); s != nil && s.Title != "" {
		return s.Title
	}
	return id
}

// quotedStep is stepSay in quotes, as deviations name a step.
func (n names) quotedStep(id string) any {
	if _, ok := updateNumber(id); ok {
		return lang.Errorf("reporttext.quoted", map[string]any{"Text": n.stepSay(id)})
	}
	return fmt.Sprintf("%q", n.step(id))
}

// StepName is the name of the step a sent text or a note belongs to, as a
// writer shows it: title is the English one the JSON holds.
func StepName(l *lang.Localizer, step, title string) string {
	if num, ok := updateNumber(step); ok {
		return l.T("reporttext.update", map[string]any{"Number": num})
	}
	return title
}

// severity is a severity (low ... critical) as a message's data, in the
// reader's language; a word the catalogue does not know is kept as it is.
func severity(s string) any {
	if id := "show.severity." + s; lang.For(language.English).Has(id) {
		return lang.Errorf(id, nil)
	}
	return s
}

// damaged is the integrity line of a journal found damaged as the report
// was read: the damage in the reader's words, and where the original was
// set aside.
func damaged(dmg journal.Damage) *lang.Error {
	data := map[string]any{"Damage": runbook.DamageText(dmg)}
	if dmg.MovedTo != "" {
		data["Path"] = dmg.MovedTo
		return lang.Errorf("reporttext.damaged-kept", data)
	}
	return lang.Errorf("reporttext.damaged", data)
}

// repaired is one damage a resumed run found and repaired, at the time it
// was resumed: the journal's words in English, the kind of damage in the
// reader's language.
func (r *Report) repaired(at string, res runbook.Resumed) *lang.Error {
	data := map[string]any{"At": at, "Damage": res.Damage, "Kind": res.Damage}
	p := res.Repair
	if p == nil {
		return lang.Errorf("reporttext.repair", data)
	}
	if id := "session.damage.kind." + strings.ReplaceAll(p.Kind, " ", "-"); lang.For(language.English).Has(id) {
		data["Kind"] = lang.Errorf(id, nil)
	}
	data["Journal"], data["Line"] = p.Journal, p.Line
	e := lang.Countf("reporttext.repair-lines", p.Dropped, data)
	if p.MovedTo != "" {
		e = lang.Errorf("reporttext.repair-kept", map[string]any{"Repair": e, "Path": p.MovedTo})
	}
	return e
}

// joined is several messages said one after the other, separated by sep:
// its English text is theirs joined, and lang's Text says each in the
// reader's language.
type joined struct {
	errs []error
	sep  string
}

func (j joined) Error() string {
	s := make([]string, len(j.errs))
	for i, e := range j.errs {
		s[i] = e.Error()
	}
	return strings.Join(s, j.sep)
}

func (j joined) Unwrap() []error { return j.errs }

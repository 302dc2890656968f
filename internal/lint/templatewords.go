package lint

import (
	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/lang"
)

// templateWords is why a text cannot be rendered, as a finding shows it
// (text, after the text's position) in the finding's language: the words
// of an interface message inside it ("date takes a variable of type
// datetime") are translated, the rest (text/template's own) kept as
// written.
type templateWords struct {
	text string
	err  error
}

func (w templateWords) Error() string { return w.text }
func (w templateWords) Unwrap() error { return w.err }

func (w templateWords) In(tag language.Tag) string { return lang.For(tag).Text(w) }

// wordsOf is err as a finding's {{.Error}}, shown whole in the finding's
// language: the rules that report a text failing to render where they
// cannot place it in the file (CR802, CR804) say it as CR404 does.
func wordsOf(err error) templateWords { return templateWords{err.Error(), err} }

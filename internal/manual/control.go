package manual

import (
	"gopkg.in/yaml.v3"

	"github.com/crisis-cli/crisis/internal/sanitize"
)

// checkControl reports a text holding a control character or a
// bidirectional override. The file itself cannot hold them raw (checkText
// refuses it), but YAML escapes ("\e[2J", "\x9b", "\u202e") put them in a
// value, and a terminal showing the text would obey them: clear the screen,
// write the clipboard, hide the drill mark, reorder what a person reads.
func (d *decoder) checkControl(n *yaml.Node) {
	if r, i, ok := sanitize.First(n.Value); ok {
		d.report(n, RuleControl, say("loader.control", args{"Char": sanitize.Name(r), "At": i + 1}), say("loader.control.hint", nil))
	}
}

package manual

import (
	"regexp"
	"slices"
	"strings"

	"github.com/crisis-cli/crisis/internal/channel"
	"github.com/crisis-cli/crisis/internal/lang"
)

var varNameRE = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// KnownKind reports whether a channel kind is one crisis knows how to
// measure, written as the manual format writes it: lowercase, as is (the
// editor schema accepts the same spellings).
func KnownKind(kind string) bool {
	_, ok := channel.Lookup(kind)
	return ok && kind == strings.ToLower(strings.TrimSpace(kind))
}

func kindHint(s string) *lang.Error {
	return orElse(didYouMean(s, channel.Kinds()), say("loader.known-kinds", args{"List": strings.Join(channel.Kinds(), ", ")}))
}

// BuiltinVariables are provided by crisis at render time; manuals use them
// without declaring them.
var BuiltinVariables = []string{"organisation", "start_date", "start_time", "next_update", "update_minutes", "update_note", "state"}

// IsBuiltinVariable reports whether crisis provides the variable itself.
func IsBuiltinVariable(name string) bool { return slices.Contains(BuiltinVariables, name) }

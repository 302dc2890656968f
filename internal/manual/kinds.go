package manual

import (
	"regexp"
	"strings"

	"github.com/crisis-cli/crisis/internal/suggest"
)

var varNameRE = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// KnownKind reports whether a channel kind is one crisis knows how to
// measure. It is a variable so the loader does not depend on the measuring
// code; internal/channel sets it.
var KnownKind = func(kind string) bool { return kind != "" }

// Kinds lists the known channel kinds, for suggestions. Set with KnownKind.
var Kinds = func() []string { return nil }

func kindHint(s string) string {
	if h := suggest.Hint(s, Kinds()); h != "" {
		return h
	}
	return "known kinds: " + strings.Join(Kinds(), ", ")
}

// BuiltinVariables are provided by crisis at render time; manuals use them
// without declaring them.
var BuiltinVariables = []string{"organisation", "start_time", "next_update", "update_minutes"}

// IsBuiltinVariable reports whether crisis provides the variable itself.
func IsBuiltinVariable(name string) bool { return contains(BuiltinVariables, name) }

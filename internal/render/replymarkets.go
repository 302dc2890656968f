package render

import "github.com/crisis-cli/crisis/internal/manual"

// ReplyMarkets are the markets a reply on ch in loc may be written for, one
// of which the reply command's --market names (ReplyMarket): the markets the
// channel reaches that read loc, else all it reaches; one empty id without
// markets. Lint drafts a reply once for each, as the run would.
func ReplyMarkets(m *manual.Manual, ch *manual.Channel, loc string) []string {
	if len(m.Markets) == 0 {
		return []string{""}
	}
	all, _ := readers(m, ch, loc, Options{})
	if len(all) == 0 {
		return []string{""}
	}
	return marketIDs(all)
}

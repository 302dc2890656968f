package render

import (
	"strings"

	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
)

// ReplyMarket is the market a reply on ch in loc is written for (format
// 1.1): a reply goes to one person, who lives in one market, so it carries
// that market's facts (its phone) and clock, never the manual's defaults.
// It is the one market the channel reaches that reads loc (or, when none
// reads it, the one it reaches), or market when the operator names it.
// When the channel reaches several and market is empty, the error lists
// them to choose from, in the operator's language. nil without markets.
// own says the market reads loc, so its full tag writes times and plurals.
func ReplyMarket(m *manual.Manual, ch *manual.Channel, loc, market string) (mk *manual.Market, own bool, err error) {
	if len(m.Markets) == 0 {
		if market != "" {
			return nil, false, lang.Errorf("replymarket.no-markets", map[string]any{"Market": market})
		}
		return nil, false, nil
	}
	all, own := readers(m, ch, loc, Options{})
	ids := strings.Join(marketIDs(all), ", ")
	if market != "" {
		for _, r := range all {
			if r.ID == market {
				return r, own, nil
			}
		}
		if m.Market(market) == nil {
			var known []string
			for _, k := range m.Markets {
				known = append(known, k.ID)
			}
			return nil, false, lang.Errorf("replymarket.unknown", map[string]any{"Market": market, "Markets": strings.Join(known, ", ")})
		}
		return nil, false, lang.Errorf("replymarket.not-reached", map[string]any{"Market": market, "Channel": ch.ID, "Locale": loc, "Markets": ids})
	}
	switch len(all) {
	case 0:
		return nil, false, nil
	case 1:
		return all[0], own, nil
	}
	return nil, false, lang.Errorf("replymarket.ambiguous", map[string]any{"Channel": ch.ID, "Locale": loc, "Markets": ids, "First": all[0].ID})
}

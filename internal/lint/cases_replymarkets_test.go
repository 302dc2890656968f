package lint

import "strings"

// replyInMarkets is inboxWithReply in a manual with markets: the status
// page reaches the United Kingdom, Ireland and Poland, and the status_url
// the reply names is a fact each market gives (ie: ieURL).
func replyInMarkets(en, ieURL string) []edit {
	return append(inboxWithReply(en),
		edit{fManual, "    example: status.example\n    max_length: 20\n", "    example: status.example\n    per_market: true\n"},
		edit{fManual, "variables:\n", "markets:\n" +
			"  - {id: uk, name: United Kingdom, locale: en-GB, timezone: Europe/London, values: {status_url: status.example}}\n" +
			"  - {id: ie, name: Ireland, locale: en-IE, timezone: Europe/Dublin, values: {status_url: " + ieURL + "}}\n" +
			"  - {id: pl, name: Polska, locale: pl-PL, timezone: Europe/Warsaw, values: {status_url: status.example}}\n" +
			"variables:\n"})
}

// 945 characters and "See " before the market's address: 963 with the
// example's 14, 1006 with Ireland's 57, over the status page's 1000.
var sorry135 = strings.Repeat("Sorry. ", 135) + "See {{.status_url}}"

func init() {
	ruleCases = append(ruleCases,
		// A reply is drafted once per market with that market's facts: one
		// market's longer address breaks it, while the example fits.
		ruleCase{name: "cr804-market-bad", rule: "CR804", fires: true,
			edits: replyInMarkets(sorry135, "status.example/ireland/customers/incident-updates-and-faq"),
			at:    anchor{fPlaybook, "replies: [apology]", "apology"},
			says:  `reply apology (reply-apology) does not fit status-page in en for market ie: 1006 characters, limit 1000`},
		ruleCase{name: "cr804-market-good", rule: "CR804",
			edits: replyInMarkets(sorry135, "status.example/ie")},
	)
}

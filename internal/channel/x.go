package channel

import (
	"fmt"
	"strings"

	"github.com/crisis-cli/crisis/internal/twittertext"
)

// measureX measures a post for X with twitter-text v3 (package twittertext):
// NFC, URLs with or without a scheme count URLWeight, emoji sequences 2,
// CJK and most symbols 2, the rest 1. Fits follows twitter-text's validity:
// 0 < weighted length <= Limit and no invalid character (U+FFFE, U+FEFF,
// U+FFFF).
func (p Profile) measureX(text string) Measurement {
	cfg := twittertext.V3
	cfg.MaxWeightedLength, cfg.TransformedURLLength = p.Limit, p.URLWeight
	r := twittertext.Parse(text, cfg)
	m := p.simple(unitNameWeighted, r.WeightedLength)
	m.Fits = r.Valid
	if r.WeightedLength == 0 {
		m.Problems = append(m.Problems, "an empty post is not valid on X")
	}
	if len(r.Invalid) > 0 {
		names := make([]string, 0, len(r.Invalid))
		for _, c := range r.Invalid {
			names = append(names, fmt.Sprintf("U+%04X", c))
		}
		m.Problems = append(m.Problems, "X rejects the invalid character(s) "+strings.Join(names, ", "))
	}
	return m
}

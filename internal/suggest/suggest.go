// Package suggest finds the names a user probably meant: the "did you mean"
// behind unknown keys, unknown playbook ids and unknown channel names.
package suggest

import (
	"slices"
	"strings"
)

// Closest returns up to three candidates near name, best first. A candidate
// is near when its edit distance is at most a third of the longer name (at
// least 1), or when one name contains the other.
func Closest(name string, candidates []string) []string {
	type scored struct {
		s    string
		dist int
	}
	lname := strings.ToLower(name)
	var hits []scored
	for _, c := range candidates {
		lc := strings.ToLower(c)
		if lc == lname {
			return []string{c}
		}
		d := Distance(lname, lc)
		limit := max(1, max(len([]rune(lname)), len([]rune(lc)))/3)
		if d <= limit || (len(lname) >= 3 && (strings.Contains(lc, lname) || strings.Contains(lname, lc))) {
			hits = append(hits, scored{c, d})
		}
	}
	slices.SortStableFunc(hits, func(a, b scored) int { return a.dist - b.dist })
	out := make([]string, 0, 3)
	for _, h := range hits {
		if len(out) == 3 {
			break
		}
		if !slices.Contains(out, h.s) {
			out = append(out, h.s)
		}
	}
	return out
}

// Hint phrases Closest's answer for a message: `did you mean "x"?` or "".
func Hint(name string, candidates []string) string {
	c := Closest(name, candidates)
	switch len(c) {
	case 0:
		return ""
	case 1:
		return `did you mean "` + c[0] + `"?`
	}
	return `did you mean "` + strings.Join(c, `", "`) + `"?`
}

// Distance is the optimal-string-alignment edit distance between a and b,
// counted in runes: insertions, deletions, substitutions and adjacent
// transpositions ("ownr", "onwer") each cost one.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

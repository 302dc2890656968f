package channel

import (
	"strings"
	"unicode/utf8"
)

// Punycode (RFC 3492) parameters.
const (
	pcBase        = 36
	pcTMin        = 1
	pcTMax        = 26
	pcSkew        = 38
	pcDamp        = 700
	pcInitialBias = 72
	pcInitialN    = 128
)

// maxLabelLen is the DNS limit on one label (RFC 1035); twitter-text does not
// count a URL whose host has a longer (punycode-encoded) label, so a 64-letter
// "domain" is just text.
const maxLabelLen = 63

// asciiLabelLen returns the length of label in its IDNA ASCII form: the label
// itself when ASCII, else "xn--" plus its Punycode encoding. It only needs the
// length, so it counts instead of building the string. Lower-casing stands in
// for the full UTS #46 mapping.
func asciiLabelLen(label string) int {
	ascii := true
	for i := 0; i < len(label); i++ {
		if label[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return len(label)
	}
	if n := utf8.RuneCountInString(label); n > maxLabelLen {
		return 4 + n // already too long: every code point costs at least one byte
	}
	return 4 + punycodeLen([]rune(strings.ToLower(label)))
}

// punycodeLen returns the length of the RFC 3492 encoding of rs.
func punycodeLen(rs []rune) int {
	out, basic := 0, 0
	for _, r := range rs {
		if r < pcInitialN {
			basic++
		}
	}
	out = basic
	if basic > 0 {
		out++ // delimiter
	}
	n, delta, bias := rune(pcInitialN), 0, pcInitialBias
	for h := basic; h < len(rs); {
		m := rune(0x7fffffff)
		for _, r := range rs {
			if r >= n && r < m {
				m = r
			}
		}
		delta += int(m-n) * (h + 1)
		n = m
		for _, r := range rs {
			if r < n {
				delta++
			}
			if r != n {
				continue
			}
			q := delta
			for k := pcBase; ; k += pcBase {
				t := pcThreshold(k, bias)
				if q < t {
					break
				}
				out++
				q = (q - t) / (pcBase - t)
			}
			out++
			bias = pcAdapt(delta, h+1, h == basic)
			delta = 0
			h++
		}
		delta++
		n++
	}
	return out
}

func pcThreshold(k, bias int) int {
	switch {
	case k <= bias:
		return pcTMin
	case k >= bias+pcTMax:
		return pcTMax
	}
	return k - bias
}

func pcAdapt(delta, numPoints int, first bool) int {
	if first {
		delta /= pcDamp
	} else {
		delta /= 2
	}
	delta += delta / numPoints
	k := 0
	for delta > ((pcBase-pcTMin)*pcTMax)/2 {
		delta /= pcBase - pcTMin
		k += pcBase
	}
	return k + (pcBase-pcTMin+1)*delta/(delta+pcSkew)
}

package channel

import (
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// SMS capacities from 3GPP TS 23.040: a message carries 140 octets, i.e. 160
// GSM-7 septets or 70 UCS-2 units; once split, each part spends 6 octets on
// the concatenation header (UDH), leaving 153 septets or 67 units.
const (
	gsmSingle = 160
	gsmConcat = 153
	ucsSingle = 70
	ucsConcat = 67
)

// Encoding names reported in Measurement.Encoding.
const (
	EncodingGSM7 = "GSM-7"
	EncodingUCS2 = "UCS-2"
)

// defaultSMSSegments is the default maximum number of segments: three parts
// still arrive reliably concatenated on every handset and cost three times a
// single message, which is the most a crisis notice should spend.
const defaultSMSSegments = 3

// smsScan decides the encoding of s and returns the total length in that
// encoding's unit, plus the distinct characters that forced UCS-2 in order
// of first appearance.
func smsScan(s string) (ucs2 bool, units int, forcing []string) {
	septets := 0
	var seen forcingSet
	for _, r := range s {
		c := gsmSeptets(r)
		septets += c
		if c > 0 {
			continue
		}
		ucs2 = true
		if seen.add(r) {
			forcing = append(forcing, string(r))
		}
	}
	if ucs2 {
		return true, countUTF16(s), forcing
	}
	return false, septets, nil
}

// forcingSet remembers which characters were already reported as forcing
// UCS-2: the first few in a small array, as most texts have only a few
// (an accented name, a currency sign), then a bitset for the BMP and a map
// beyond it. Allocating the 8 KB bitset for every text was most of what
// measuring an SMS allocated.
type forcingSet struct {
	few   [8]rune
	n     int
	bmp   []uint64
	astro map[rune]bool
}

// add records r and reports whether it was new.
func (f *forcingSet) add(r rune) bool {
	if f.bmp == nil {
		for _, x := range f.few[:f.n] {
			if x == r {
				return false
			}
		}
		if f.n < len(f.few) {
			f.few[f.n] = r
			f.n++
			return true
		}
		f.bmp = make([]uint64, 0x10000/64)
		for _, x := range f.few {
			f.set(x)
		}
	}
	return f.set(r)
}

// set records r in the bitset or the map and reports whether it was new.
func (f *forcingSet) set(r rune) bool {
	if r < 0x10000 {
		w, bit := r/64, uint64(1)<<(r%64)
		if f.bmp[w]&bit != 0 {
			return false
		}
		f.bmp[w] |= bit
		return true
	}
	if f.astro == nil {
		f.astro = map[rune]bool{}
	}
	if f.astro[r] {
		return false
	}
	f.astro[r] = true
	return true
}

// smsCapacity returns how many units fit in n segments.
func smsCapacity(ucs2 bool, n int) int {
	single, concat := gsmSingle, gsmConcat
	if ucs2 {
		single, concat = ucsSingle, ucsConcat
	}
	if n <= 1 {
		return single
	}
	return n * concat
}

// smsUnitCost is the cost of one rune in the chosen encoding: septets in
// GSM-7 (2 for an escape pair), UTF-16 units in UCS-2 (2 for a surrogate
// pair). Either way the pair is atomic, so it is never split.
func smsUnitCost(r rune, ucs2 bool) int {
	if !ucs2 {
		return gsmSeptets(r)
	}
	if n := utf16.RuneLen(r); n > 0 {
		return n
	}
	return 1 // invalid UTF-8 travels as U+FFFD
}

// smsSplit calls emit with the byte range of each segment. A text that fits
// a single message is one segment; otherwise segments of 153/67 units are
// filled with whole grapheme clusters, so an emoji sequence, an accented
// letter with its combining mark, a surrogate pair or an escape pair is
// never cut and a segment may hold fewer units. Only a cluster larger than
// a whole segment is cut, between code points.
func smsSplit(s string, ucs2 bool, total int, emit func(start, end int)) {
	if s == "" {
		return
	}
	if total <= smsCapacity(ucs2, 1) {
		emit(0, len(s))
		return
	}
	per := smsCapacity(ucs2, 2) / 2
	start, used := 0, 0
	for i := 0; i < len(s); {
		size, cost := smsCluster(s, i, ucs2)
		if cost > per {
			start, used = splitOversized(s[:i+size], i, start, used, per, ucs2, emit)
		} else {
			if used+cost > per {
				emit(start, i)
				start, used = i, 0
			}
			used += cost
		}
		i += size
	}
	emit(start, len(s))
}

// smsCluster returns the byte size and unit cost of the grapheme cluster at
// s[i:], with a fast path for ASCII followed by ASCII.
func smsCluster(s string, i int, ucs2 bool) (size, cost int) {
	if b := s[i]; b < utf8.RuneSelf && b != '\r' && (i+1 == len(s) || s[i+1] < utf8.RuneSelf) {
		if ucs2 {
			return 1, 1
		}
		return 1, int(gsmCost[b])
	}
	size = clusterLen(s, i)
	for _, r := range s[i : i+size] {
		cost += smsUnitCost(r, ucs2)
	}
	return size, cost
}

// splitOversized places the runes of an over-long cluster s[i:] one by one,
// closing segments as they fill up. It returns the new segment start and fill.
func splitOversized(s string, i, start, used, per int, ucs2 bool, emit func(int, int)) (int, int) {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		cost := smsUnitCost(r, ucs2)
		if used+cost > per {
			emit(start, i)
			start, used = i, 0
		}
		used += cost
		i += size
	}
	return start, used
}

// SMSSegments returns the parts an SMS would be sent as. Joined, they give
// back text exactly. See smsSplit for how segment boundaries are chosen.
func SMSSegments(text string) []string {
	ucs2, total, _ := smsScan(text)
	var parts []string
	smsSplit(text, ucs2, total, func(a, b int) { parts = append(parts, text[a:b]) })
	return parts
}

// measureSMS measures text as an SMS. Length is the total in the chosen
// encoding's unit; Limit is what MaxSegments segments hold in that encoding
// (160/306/459 septets, 70/134/201 units for 1/2/3 segments); Fits is
// decided by the segment count, because cluster boundaries can push a text
// of Limit units or fewer into one more segment.
func (p Profile) measureSMS(text string) Measurement {
	ucs2, total, forcing := smsScan(text)
	segments := 0
	smsSplit(text, ucs2, total, func(int, int) { segments++ })
	m := Measurement{
		Unit:     unitNameSeptets,
		Encoding: EncodingGSM7,
		Length:   total,
		Limit:    smsCapacity(ucs2, p.SegmentLimit),
		Segments: segments,
		Fits:     segments <= p.SegmentLimit,
		Forcing:  forcing,
	}
	if ucs2 {
		m.Unit, m.Encoding = unitNameUTF16, EncodingUCS2
	}
	if !norm.NFC.IsNormalString(text) {
		m.Problems = append(m.Problems, "text is not in Unicode NFC: normalize it before sending (decomposed accents can force UCS-2)")
	}
	return m
}

package channel

import (
	"sync/atomic"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// SMSUnits is what a piece of an SMS text adds to the whole wherever it
// stands in it, so a caller that knows the pieces a text is made of (lint:
// a template's own text and its values) can bound how it splits without
// building it: the piece's GSM-7 septets (a character GSM-7 lacks counts
// none, and makes the whole text UCS-2), its UTF-16 units, and whether
// each of its characters is a grapheme cluster of its own next to any
// other such character (Alone). Septets and units add up exactly, piece by
// piece, as the text's own counts are sums over its characters.
type SMSUnits struct {
	Septets, UTF16 int
	Alone          bool
	UCS2           bool // some character is not in GSM-7
}

// SMSUnitsOf counts s. A text that is not valid UTF-8 is not Alone: its
// bytes could join a neighbour's into one character.
func SMSUnitsOf(s string) SMSUnits {
	u := SMSUnits{Alone: utf8.ValidString(s)}
	for _, r := range s {
		c := gsmSeptets(r)
		u.Septets += c
		u.UCS2 = u.UCS2 || c == 0
		if n := utf16.RuneLen(r); n > 0 {
			u.UTF16 += n
		} else {
			u.UTF16++
		}
		if u.Alone && r >= utf8.RuneSelf && !alone(r) {
			u.Alone = false
		}
	}
	return u
}

// Plus is the units of two pieces one after the other.
func (u SMSUnits) Plus(v SMSUnits) SMSUnits {
	return SMSUnits{Septets: u.Septets + v.Septets, UTF16: u.UTF16 + v.UTF16, Alone: u.Alone && v.Alone, UCS2: u.UCS2 || v.UCS2}
}

// Either bounds a piece that is one of two: the most of each count.
func (u SMSUnits) Either(v SMSUnits) SMSUnits {
	return SMSUnits{Septets: max(u.Septets, v.Septets), UTF16: max(u.UTF16, v.UTF16), Alone: u.Alone && v.Alone, UCS2: u.UCS2 || v.UCS2}
}

// alone reports whether r is a cluster of its own between any two
// characters for which alone holds too (UAX #29). A character joins the
// one before it only as an Extend, ZWJ or SpacingMark (GB9, GB9a), as a
// Hangul jamo or syllable after another (GB6-GB8), as the second of two
// regional indicators (GB12, GB13), as a consonant after a linker or a
// pictograph after a ZWJ (GB9c, GB11: both need an Extend or a ZWJ before
// it); it joins the one after it only as a Prepend (GB9b), a carriage
// return before a line feed (GB3) or as one of those pairs. Each probe
// below catches one class: after a letter (Extend, ZWJ, SpacingMark),
// before a letter (Prepend), twice (L, V, T, regional indicators), before
// a trailing jamo (LV, LVT). CR passes: CR LF is a cluster of two
// characters, which splitting counts as costing two units (see
// SMSFitsWithin). ASCII is never joined but as CR LF, and is not probed.
func alone(r rune) bool {
	if r < 0x10000 {
		// Probing takes four segmentations: a character of the BMP is
		// probed once per process, its answer kept in two bits.
		w, shift := &aloneBMP[r/16], uint(r%16)*2
		switch w.Load() >> shift & 3 {
		case aloneYes:
			return true
		case aloneNo:
			return false
		}
		a := probeAlone(r)
		if a {
			w.Or(aloneYes << shift)
		} else {
			w.Or(aloneNo << shift)
		}
		return a
	}
	return probeAlone(r)
}

// aloneBMP holds alone's answers for the BMP, two bits a character: not
// probed yet, alone, not alone.
var aloneBMP [0x10000 / 16]atomic.Uint32

const (
	aloneYes = 1
	aloneNo  = 2
)

func probeAlone(r rune) bool {
	c := string(r)
	for _, probe := range [...]string{"a" + c, c + "a", c + c, c + "\u11A8"} {
		if first, _, _, _ := uniseg.FirstGraphemeClusterInString(probe, -1); first == probe {
			return false
		}
	}
	return true
}

// SMSFitsWithin reports whether every SMS text of at most u's units, all
// of its characters Alone, fits the profile's segments. Such a text's
// grapheme clusters are single characters or CR LF, each costing at most
// two units (an escaped GSM-7 character, a surrogate pair, CR LF), so
// splitting (smsSplit) closes a segment only when fewer than two units are
// left in it: each segment but the last holds at least per-1 units of the
// text's total, and k segments hold more than (k-1)(per-1). A total of at
// most SegmentLimit x (per-1) units is then at most SegmentLimit segments,
// and one that fits a single message is one. The text may be GSM-7 or
// UCS-2, whichever its characters make it: both must hold, unless none
// of the pieces has a character GSM-7 lacks. Only SMS profiles answer
// true.
func (p Profile) SMSFitsWithin(u SMSUnits) bool {
	if p.counter != algoSMS || !u.Alone || p.SegmentLimit < 1 {
		return false
	}
	fits := func(total int, ucs2 bool) bool {
		if total <= smsCapacity(ucs2, 1) {
			return true
		}
		per := smsCapacity(ucs2, 2) / 2
		return p.SegmentLimit > 1 && total <= p.SegmentLimit*(per-1)
	}
	return fits(u.Septets, false) && (!u.UCS2 || fits(u.UTF16, true))
}

package channel

import "time"

// Measurement is the result of measuring a text for one channel.
//
// Its JSON form is part of the CLI contract: exactly the keys channel, unit,
// length, limit, fits, and for SMS encoding, segments and forcing. Every
// other detail is tagged json:"-".
type Measurement struct {
	Channel  string   `json:"channel"`
	Unit     string   `json:"unit"`
	Length   int      `json:"length"`
	Limit    int      `json:"limit"`
	Fits     bool     `json:"fits"`
	Encoding string   `json:"encoding,omitempty"` // sms only: "GSM-7" or "UCS-2"
	Segments int      `json:"segments,omitempty"` // sms only
	Forcing  []string `json:"forcing,omitempty"`  // sms only: distinct characters forcing UCS-2, first appearance order

	// Problems are human-readable reasons besides the main length: an
	// invalid character on X, Bluesky bytes over, too many hashtags, a
	// subject over the 78-character SHOULD, a text that is not NFC.
	Problems []string `json:"-"`

	Bytes          int           `json:"-"` // bluesky, signal, push: UTF-8 bytes (push: of the whole payload)
	Hashtags       int           `json:"-"` // instagram: hashtags found
	ReadAloud      time.Duration `json:"-"` // voice: estimated speaking time
	EncodedSubject string        `json:"-"` // email-subject: RFC 2047 form of the subject
}

// Measure measures text in the channel's own unit. It never panics, whatever
// the input (invalid UTF-8 counts as U+FFFD).
func (p Profile) Measure(text string) Measurement {
	m := p.measure(text)
	m.Channel = p.Kind
	return m
}

func (p Profile) measure(text string) Measurement {
	switch p.counter {
	case algoSMS:
		return p.measureSMS(text)
	case algoX:
		return p.measureX(text)
	case algoGraphemes:
		return p.simple(unitNameGraph, countGraphemes(text))
	case algoUTF16Units:
		return p.simple(unitNameUTF16, countUTF16(text))
	case algoBytes:
		m := p.simple(unitNameBytes, len(text))
		m.Bytes = len(text)
		return m
	case algoMastodon:
		return p.measureMastodon(text)
	case algoBluesky:
		return p.measureBluesky(text)
	case algoPush:
		return p.measurePush(text)
	case algoSubject:
		return p.measureSubject(text)
	case algoInstagram:
		return p.measureInstagram(text)
	case algoVoice:
		return p.measureVoice(text)
	case algoSlack:
		return p.measureSlack(text)
	default:
		return p.simple(unitNameChars, countRunes(text))
	}
}

// simple builds the measurement of a channel with a single length limit.
func (p Profile) simple(unit string, n int) Measurement {
	return Measurement{Unit: unit, Length: n, Limit: p.Limit, Fits: n <= p.Limit}
}

// FitsWithin reports whether every text of at most n UTF-8 bytes fits the
// profile's main limit, so a caller that can bound a text's length need
// not build it to know (lint's CR501). Only profiles whose Fits is one
// count against Limit answer true: UTF-8 bytes and UTF-16 units count at
// most one per byte of the text as given; characters and graphemes are
// counted after NFC, which makes a text at most three times as many code
// points (UAX #15's table of maximum expansion factors: 3 for NFC), and a
// text holds at most one code point per byte. SMS segments, weighted and
// URL-shortened lengths, payloads and hashtag caps answer false.
func (p Profile) FitsWithin(n int) bool {
	switch p.counter {
	case algoBytes, algoUTF16Units:
		return n <= p.Limit
	case algoChars, algoGraphemes, algoSlack, algoVoice:
		return 3*n <= p.Limit
	}
	return false
}

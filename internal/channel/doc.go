// Package channel measures a text the way each delivery channel measures it.
//
// Every channel counts length in its own unit, and counting runes everywhere is
// wrong on almost every channel: an SMS counts GSM-7 septets (two for the
// extension characters such as "€") until one character outside the GSM 03.38
// tables turns the whole message into UCS-2 and then counts UTF-16 units; X
// weighs code points (CJK counts 2, any URL counts 23, an emoji sequence
// counts 2); Telegram counts UTF-16 units; Bluesky limits graphemes and UTF-8
// bytes at once; Signal and push notifications limit bytes.
//
// The authoritative list of limits and units lives in shared/CHANNELS.md; each
// Profile carries a Description saying why its number is what it is and a
// Source saying where it comes from.
//
// Usage:
//
//	p, ok := channel.Lookup("sms")
//	if !ok { ... }
//	m := p.WithLimit(2).Measure(text) // at most two SMS segments
//	if !m.Fits { ... m.Problems ... }
//
// Texts are measured as given for the wire units (UTF-16 units, UTF-8 bytes,
// SMS septets), because that is what travels; "characters" and "graphemes"
// are counted after NFC normalization, which is what the platforms count.
// Callers should NFC-normalize text before sending it; the SMS measurement
// reports a problem when the text is not NFC.
package channel

package channel

import (
	"fmt"
	"mime"
)

// measureSubject measures an e-mail subject in characters. RFC 5322 s2.1.1
// says a header line SHOULD stay within 78 characters and MUST stay within
// 998. Limit is the 78 to aim for; Fits is the MUST (Length <= HardLimit),
// and a subject over 78 gets a problem instead of failing, because mail
// clients fold or clip a long subject but still deliver it. The
// RFC 2047 form that goes on the wire is in EncodedSubject.
func (p Profile) measureSubject(text string) Measurement {
	m := p.simple(unitNameChars, countRunes(text))
	m.EncodedSubject = EncodeSubject(text)
	hard := p.HardLimit
	if hard <= 0 {
		hard = 998
	}
	m.Fits = m.Length <= hard
	if m.Length > p.Limit && m.Fits {
		m.Problems = append(m.Problems, fmt.Sprintf("subject is over %d characters (SHOULD, RFC 5322): clients will fold or clip it", p.Limit))
	}
	if !m.Fits {
		m.Problems = append(m.Problems, fmt.Sprintf("subject is over %d characters (MUST, RFC 5322)", hard))
	}
	return m
}

// EncodeSubject returns the subject as it must appear in the header: plain
// when it is printable ASCII, otherwise RFC 2047 encoded-words in UTF-8,
// whichever of Q (readable for mostly-Latin text such as Spanish or Polish)
// and B (shorter for other scripts) is shorter. Go's encoder already splits
// long input into several encoded-words of at most 75 characters.
func EncodeSubject(s string) string {
	if isPrintableASCII(s) {
		return s
	}
	q := mime.QEncoding.Encode("utf-8", s)
	b := mime.BEncoding.Encode("utf-8", s)
	if len(b) < len(q) {
		return b
	}
	return q
}

func isPrintableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

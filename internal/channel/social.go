package channel

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode"

	"github.com/rivo/uniseg"
)

// measureBluesky counts graphemes against Limit and UTF-8 bytes against
// ByteLimit: the post lexicon sets both maxGraphemes 300 and maxLength 3000,
// and a post must satisfy both. Length reports graphemes, the limit users
// meet first; the byte cap shows up as a problem (dense scripts and emoji
// sequences can reach it first).
func (p Profile) measureBluesky(text string) Measurement {
	s := nfc(text)
	m := p.simple(unitNameGraph, uniseg.GraphemeClusterCount(s))
	m.Bytes = len(text) // the bytes that travel, as given
	if p.ByteLimit > 0 && m.Bytes > p.ByteLimit {
		m.Fits = false
		m.Problems = append(m.Problems, fmt.Sprintf("%d UTF-8 bytes, over Bluesky's %d-byte limit", m.Bytes, p.ByteLimit))
	}
	return m
}

// measurePush measures the UTF-8 bytes of the smallest APNs payload that
// carries the text, {"aps":{"alert":{"body":TEXT}}}, with TEXT JSON-escaped.
// APNs and FCM both cap the payload at 4096 bytes; a real payload also has a
// title, sound or custom keys, so this is the best case.
func (p Profile) measurePush(text string) Measurement {
	body, _ := json.Marshal(text) // marshalling a string cannot fail
	n := len(`{"aps":{"alert":{"body":}}}`) + len(body)
	m := p.simple(unitNameBytes, n)
	m.Bytes = n
	return m
}

// measureInstagram counts characters and hashtags. Going over the hashtag
// cap makes Instagram reject or silently strip the caption's tags, so it
// makes the caption not fit.
func (p Profile) measureInstagram(text string) Measurement {
	s := nfc(text)
	m := p.simple(unitNameChars, countRunes(s))
	m.Hashtags = countHashtags(s)
	if p.HashtagCap > 0 && m.Hashtags > p.HashtagCap {
		m.Fits = false
		m.Problems = append(m.Problems, fmt.Sprintf("%d hashtags, over the cap of %d", m.Hashtags, p.HashtagCap))
	}
	return m
}

// countHashtags counts "#word" tokens: a # (or fullwidth ＃) at the start or
// after a non-word character, followed by letters, marks, digits or "_" with
// at least one non-digit (as Instagram and twitter-text: "#2025" is no tag).
func countHashtags(s string) int {
	n := 0
	prevWord := false
	runes := []rune(s)
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		if (r == '#' || r == '＃') && !prevWord {
			j, letters := i+1, false
			for j < len(runes) && isWordRune(runes[j]) {
				letters = letters || !unicode.IsDigit(runes[j])
				j++
			}
			if letters {
				n++
				i = j - 1
				prevWord = true
				continue
			}
		}
		prevWord = isWordRune(r)
	}
	return n
}

func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// measureSlack counts characters against the 4,000 recommended; past the
// HardLimit (40,000) Slack truncates the text, which is reported as a problem.
func (p Profile) measureSlack(text string) Measurement {
	m := p.simple(unitNameChars, countRunes(text))
	if p.HardLimit > 0 && m.Length > p.HardLimit {
		m.Problems = append(m.Problems, fmt.Sprintf("Slack truncates text past %d characters", p.HardLimit))
	}
	return m
}

// measureVoice counts characters (Twilio <Say> rejects more than 4096) and
// estimates the read-aloud time at WordsPerMinute (150 by default, a calm
// announcer's pace; text-to-speech voices are close to it).
func (p Profile) measureVoice(text string) Measurement {
	m := p.simple(unitNameChars, countRunes(text))
	m.ReadAloud = readAloud(text, p.WordsPerMinute)
	return m
}

// readAloud estimates speaking time: words (runs of non-space) at wpm words
// per minute, rounded up to the second.
func readAloud(text string, wpm int) time.Duration {
	if wpm <= 0 {
		wpm = 150
	}
	words := len(strings.Fields(text))
	secs := math.Ceil(float64(words) * 60 / float64(wpm))
	return time.Duration(secs) * time.Second
}

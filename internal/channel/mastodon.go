package channel

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crisis-cli/crisis/internal/twittertext"
	"github.com/rivo/uniseg"
)

// measureMastodon follows Mastodon's StatusLengthValidator: every URL
// written with http:// or https:// (found by twitter-text's extractor, as
// Mastodon does) counts URLWeight (23) whatever its length, a remote mention
// "@user@domain" counts as "@user", and the rest counts in grapheme
// clusters.
func (p Profile) measureMastodon(text string) Measurement {
	s := nfc(text)
	n, pos := 0, 0
	for _, u := range twittertext.ExtractURLsWithScheme(s) {
		n += uniseg.GraphemeClusterCount(stripRemoteMentions(s[pos:u.Start])) + p.URLWeight
		pos = u.End
	}
	n += uniseg.GraphemeClusterCount(stripRemoteMentions(s[pos:]))
	return p.simple(unitNameGraph, n)
}

// stripRemoteMentions removes the "@domain" part of "@user@domain" mentions,
// matching Mastodon's mention pattern: a mention starts the text or follows a
// character that is neither a word character nor '/'.
func stripRemoteMentions(s string) string {
	if !strings.Contains(s, "@") {
		return s
	}
	var b strings.Builder
	prev := rune(-1)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '@' && (prev < 0 || (prev != '/' && !isMentionWord(prev))) {
			if user, domain := mentionParts(s[i+1:]); user > 0 {
				b.WriteString(s[i : i+1+user])
				i += 1 + user + domain
				prev = 'x'
				continue
			}
		}
		b.WriteString(s[i : i+size])
		prev = r
		i += size
	}
	return b.String()
}

// mentionParts returns the byte lengths of the username and of the
// "@domain" suffix (0 when local) at the start of s.
func mentionParts(s string) (user, domain int) {
	for user < len(s) && (isASCIIAlnum(s[user]) || strings.IndexByte("_.-", s[user]) >= 0) {
		user++
	}
	for user > 0 && strings.IndexByte(".-", s[user-1]) >= 0 {
		user-- // a username ends on a letter, digit or '_'
	}
	if user == 0 || user >= len(s) || s[user] != '@' {
		return user, 0
	}
	d := user + 1
	for d < len(s) {
		r, size := utf8.DecodeRuneInString(s[d:])
		if r != '.' && r != '-' && !isMentionWord(r) {
			break
		}
		d += size
	}
	for d > user+1 && (s[d-1] == '.' || s[d-1] == '-') {
		d--
	}
	if d == user+1 {
		return user, 0
	}
	return user, d - user
}

func isMentionWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isASCIIAlnum(c byte) bool {
	return (c >= '0' && c <= '9') || (c|0x20 >= 'a' && c|0x20 <= 'z')
}

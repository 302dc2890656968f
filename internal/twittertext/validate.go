package twittertext

import (
	"regexp"
	"strings"
)

// The expressions of twitter-text's isValidUrl (validateUrl*.js), which is
// a separate, stricter check than the extractor's: RFC 3986 parts, IP
// hosts, percent-encoding.
var (
	validateUnencoded = regexp.MustCompile(`^(?:([^:/?#]+)://)?([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#(.*))?$`)
	validateScheme    = regexp.MustCompile(`(?i)[a-z][a-z0-9+\-.]*`)
	validatePath      = regexp.MustCompile(`(?i)(/` + pchar + `*)*`)
	validateQuery     = regexp.MustCompile(`(?i)(` + pchar + `|/|\?)*`)
	validateAuthority = regexp.MustCompile(`(?i)(?:(` + userinfo + `)@)?(` + ip + `|` + unicodeDomain + `)(?::([0-9]{1,5}))?`)
	validateASCIIAuth = regexp.MustCompile(`(?i)(?:(` + userinfo + `)@)?(` + ip + `|` + asciiDomain + `)(?::([0-9]{1,5}))?`)
)

const (
	unreserved = `[a-z\x{0400}-\x{04FF}0-9\-._~]`
	pctEncoded = `(?:%[0-9a-f]{2})`
	subDelims  = `[!$&'()*+,;=]`
	pchar      = `(?:` + unreserved + `|` + pctEncoded + `|` + subDelims + `|[:|@])`
	userinfo   = `(?:` + unreserved + `|` + pctEncoded + `|` + subDelims + `|:)*`
	decOctet   = `(?:[0-9]|(?:[1-9][0-9])|(?:1[0-9]{2})|(?:2[0-4][0-9])|(?:25[0-5]))`
	ip         = `(?:` + decOctet + `(?:\.` + decOctet + `){3}|\[[a-f0-9:\.]+\])`

	nonASCII      = `[^\x00-\x7f]`
	unicodeSub    = `(?:(?:[a-z0-9]|` + nonASCII + `)(?:(?:[a-z0-9_\-]|` + nonASCII + `)*(?:[a-z0-9]|` + nonASCII + `))?)`
	unicodeSeg    = `(?:(?:[a-z0-9]|` + nonASCII + `)(?:(?:[a-z0-9\-]|` + nonASCII + `)*(?:[a-z0-9]|` + nonASCII + `))?)`
	unicodeTLD    = `(?:(?:[a-z]|` + nonASCII + `)(?:(?:[a-z0-9\-]|` + nonASCII + `)*(?:[a-z0-9]|` + nonASCII + `))?)`
	unicodeDomain = `(?:(?:` + unicodeSub + `\.)*(?:` + unicodeSeg + `\.)` + unicodeTLD + `)`
	asciiDomain   = `(?:(?:[a-z0-9](?:[a-z0-9_\-]*[a-z0-9])?\.)*(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)[a-z](?:[a-z0-9\-]*[a-z0-9])?)`
)

// IsValidURL is twitter-text's isValidUrl: url as a whole is an http(s)
// URL (any scheme, or none, when requireScheme is false) whose host is a
// domain (with non-ASCII labels when unicodeDomains is true) or an IP.
func IsValidURL(url string, unicodeDomains, requireScheme bool) bool {
	parts := validateUnencoded.FindStringSubmatch(url)
	if url == "" || parts == nil {
		return false
	}
	scheme, authority, path, query, fragment := parts[1], parts[2], parts[3], parts[4], parts[5]
	if requireScheme && (!whole(validateScheme, scheme) || !(strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https"))) {
		return false
	}
	if !whole(validatePath, path) || !(query == "" || whole(validateQuery, query)) || !(fragment == "" || whole(validateQuery, fragment)) {
		return false
	}
	if unicodeDomains {
		return whole(validateAuthority, authority)
	}
	return whole(validateASCIIAuth, authority)
}

// whole reports whether the first match of re in s is all of s, as
// twitter-text's isValidMatch checks.
func whole(re *regexp.Regexp, s string) bool {
	loc := re.FindStringIndex(s)
	return loc != nil && loc[0] == 0 && loc[1] == len(s)
}

// Package twittertext is a Go port of the parts of twitter-text
// (github.com/twitter/twitter-text) that decide how long a post is on X:
// the weighted length and validity of parseTweet, the URL extractor (URLs
// with and without a scheme, TLDs from twitter-text's own list, t.co
// links) and isValidUrl.
//
// The port follows twitter-text's regular expressions and extractor code
// by hand, without a regexp engine for the extractor: the TLD alternation
// and its lookahead do not fit RE2, and a scanner keeps measuring linear in
// the length of the text. It is checked against twitter-text's conformance
// suites (testdata/validate.yml, extract.yml, tlds.yml), run in full by
// conformance_test.go.
//
// Offsets are byte offsets into the text as given, except in Result, whose
// ranges are UTF-16 indices as twitter-text reports them.
package twittertext

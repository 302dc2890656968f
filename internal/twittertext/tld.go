package twittertext

//go:generate go run ./internal/gentld -in testdata/tld_lib.yml -out tld_gen.go

// tldKind tells country-code TLDs from generic ones: without a scheme, a
// bare "name.cc" is only a link for a few country codes.
type tldKind uint8

const (
	tldCountry tldKind = iota + 1
	tldGeneric
)

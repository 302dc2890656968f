package dispatch

import (
	"fmt"
	"strings"
	"time"
)

// Retry says what a failed send means for sending the same thing again.
type Retry int

const (
	// Refused: the provider rejected the request; sending it again fails
	// the same way until something is fixed (a bad token, an unknown chat,
	// an invalid address).
	Refused Retry = iota
	// Safe: the provider documents that it did nothing (or the request
	// never reached it), so sending again cannot deliver twice.
	Safe
	// Unknown: the provider may have acted (a timeout or a reset after the
	// request was sent, a 5xx, an answer that cannot be read). Resending
	// may deliver twice: check first, unless the provider deduplicates.
	Unknown
)

func (r Retry) String() string {
	switch r {
	case Safe:
		return "safe to retry"
	case Unknown:
		return "outcome unknown: check before resending"
	default:
		return "refused"
	}
}

// Error is a failed send or check. Its text never holds a secret: URLs that
// embed a token are reduced to their host, and provider messages are
// scrubbed of the target's secret.
type Error struct {
	Provider   string
	Op         string        // "send", "check", "login", ...
	Status     int           // HTTP status or SMTP reply code, 0 when there was no answer
	Code       string        // the provider's own error code, when it gives one
	Msg        string        // what went wrong, in words
	Retry      Retry         // whether sending again is safe
	RetryAfter time.Duration // how long the provider asked to wait (429), 0 if it did not say
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s", e.Provider, e.Op)
	if e.Status != 0 {
		fmt.Fprintf(&b, ": status %d", e.Status)
	}
	if e.Code != "" {
		fmt.Fprintf(&b, " (%s)", e.Code)
	}
	if e.Msg != "" {
		fmt.Fprintf(&b, ": %s", e.Msg)
	}
	fmt.Fprintf(&b, " [%s", e.Retry)
	if e.RetryAfter > 0 {
		fmt.Fprintf(&b, " after %s", e.RetryAfter)
	}
	b.WriteString("]")
	return b.String()
}

// scrubber removes secret values from text that comes from outside (a
// provider's error message, a transport error quoting a URL).
type scrubber []string

func (s scrubber) scrub(text string) string {
	for _, secret := range s {
		if len(secret) >= 4 {
			text = strings.ReplaceAll(text, secret, "[secret]")
		}
	}
	return text
}

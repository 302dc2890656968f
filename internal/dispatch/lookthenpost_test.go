package dispatch

import (
	"context"
	"strings"
	"testing"
)

// An Env whose Retry.Attempts is 0 (built by hand, without the defaults
// Open fills in) makes one attempt, never none: the unknown end of that
// attempt is reported, where the loop used to end before any attempt and
// read the error of none (a nil pointer).
func TestLookThenPostWithoutAttempts(t *testing.T) {
	d := newDouble(t, exchange{method: "POST", path: "/post", status: 500, answer: "oops"})
	env := newTestEnv(nil)
	a := &httpAPI{provider: "test", env: env.Env} // Retry.Attempts 0
	looks := 0
	out, err := a.lookThenPost(context.Background(), lookThenPost{
		provider: "test",
		post:     jsonCall("post", d.srv.URL+"/post", map[string]any{"text": "x"}, nil),
		look: func(context.Context) (Outcome, bool, *Error) {
			looks++
			return Outcome{}, false, nil
		},
		made:  func(answer) (Outcome, bool) { return Outcome{}, false },
		check: "the feed",
	})
	checkNotPosted(t, out, err, Unknown)
	checkAttempts(t, d, env, 1, nil)
	if looks != 1 || !strings.Contains(err.Error(), "(check the feed before resending)") {
		t.Errorf("%d looks, error %v; want one look and the check named", looks, err)
	}
}

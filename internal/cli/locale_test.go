package cli

import (
	"context"
	"strings"
	"testing"
)

// TestRunLocales: --locale is a language tag, canonicalised and matched
// to the manual's locales whatever its case; a locale the manual has no
// texts for is said, with what is used instead; a tag without a language
// is refused; --locale with --resume is said to be ignored.
func TestRunLocales(t *testing.T) {
	run := func(args ...string) (int, string, string) {
		return runCLIAll(t, context.Background(), "", append([]string{"run", "facebook-down", "--yes", "--var", "platform=Facebook"}, args...)...)
	}
	code, out, stderr := run("--locale", "EN")
	if code != 0 || strings.Contains(stderr, "warning") || !strings.Contains(out, "── 1 x · x · en · to customers") || strings.Contains(out, "  EN  ") {
		t.Errorf("--locale EN: exit %d\nstderr: %s\nstdout: %s", code, stderr, out)
	}
	code, _, stderr = run("--locale", "fr")
	if code != 0 || !strings.Contains(stderr, "crisis: warning: the manual has no fr texts; using es (tried fr -> es)\n") {
		t.Errorf("--locale fr: exit %d, stderr: %s", code, stderr)
	}
	code, _, stderr = run("--locale", "pt_br")
	if code != 0 || !strings.Contains(stderr, "crisis: warning: the manual has no pt-BR texts; using pt (tried pt-BR -> pt -> es)\n") {
		t.Errorf("--locale pt_br: exit %d, stderr: %s", code, stderr)
	}
	code, _, stderr = run("--locale", "x-klingon")
	if code != 2 || !strings.Contains(stderr, `locale "x-klingon" names no language`) {
		t.Errorf("--locale x-klingon: exit %d, stderr: %s", code, stderr)
	}
	_, _, stderr = runCLIAll(t, context.Background(), "", "run", "--resume", "--locale", "pl", "--yes")
	if !strings.Contains(stderr, "crisis: warning: --locale is ignored with --resume") {
		t.Errorf("--resume --locale: stderr: %s", stderr)
	}
}

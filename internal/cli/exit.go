package cli

import (
	"errors"
	"fmt"
)

// Exit codes, the same for every command and documented in --help and the
// README. Lint tools agree on 0/1/2; 3 separates "your manual is unreadable"
// from "your manual has findings".
const (
	ExitOK          = 0   // success, no findings
	ExitFindings    = 1   // findings, or an operation that failed
	ExitUsage       = 2   // bad flags or arguments, bad configuration
	ExitManual      = 3   // the manual cannot be read
	ExitInterrupted = 130 // Ctrl-C
)

const exitStatusHelp = `EXIT STATUS
  0    ok
  1    findings, or a failed operation (a text that does not fit, a lint error)
  2    usage error: unknown flag, command, playbook or channel; bad configuration
  3    the manual cannot be read
  130  interrupted`

// ExitError carries an exit code with the error that caused it.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit %d", e.Code)
	}
	return e.Err.Error()
}

func (e *ExitError) Unwrap() error { return e.Err }

// usageErrorf is an error the user fixes by changing the command line.
func usageErrorf(format string, args ...any) error {
	return &ExitError{Code: ExitUsage, Err: fmt.Errorf(format, args...)}
}

// errSilent ends a command with a code after it has already said why.
func errSilent(code int) error { return &ExitError{Code: code} }

func exitCode(err error) int {
	var ee *ExitError
	if errors.As(err, &ee) {
		return ee.Code
	}
	return ExitFindings
}

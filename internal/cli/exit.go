package cli

import (
	"context"
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

// ExitError carries an exit code with the error that caused it.
type ExitError struct {
	Code int
	Err  error
	// help marks a mistake in the command line itself (unknown command or
	// flag, wrong number of arguments): the message ends with a pointer to
	// --help.
	help bool
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

// commandLineError wraps an error cobra or pflag found in the command line,
// which they return as plain errors.
func commandLineError(err error) error {
	var ee *ExitError
	if errors.As(err, &ee) {
		return err // already says what it is
	}
	return &ExitError{Code: ExitUsage, Err: err, help: true}
}

// exitCode is the one place an error becomes an exit code, by its type
// and never by its text: an interruption is 130, an *ExitError carries its
// code, and anything else is a failed operation.
func exitCode(err error) int {
	var ee *ExitError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, context.Canceled):
		return ExitInterrupted
	case errors.As(err, &ee):
		return ee.Code
	}
	return ExitFindings
}

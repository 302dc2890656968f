package dispatch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

// SecretRef says where a target's secret lives: an environment variable or
// a file. The manual and the journal hold only this reference.
type SecretRef struct {
	Env  string `json:"env,omitempty" yaml:"env,omitempty"`
	File string `json:"file,omitempty" yaml:"file,omitempty"`
}

func (r SecretRef) String() string {
	switch {
	case r.Env != "":
		return "environment variable " + r.Env
	case r.File != "":
		return "secrets file " + r.File
	}
	return "no secret reference"
}

// Secret is a resolved secret. It prints, formats and marshals as
// "[secret]", so it cannot leak through a log line, an error or a journal
// entry by accident; only the adapters read it, through reveal.
type Secret struct{ value string }

func (Secret) String() string               { return "[secret]" }
func (Secret) GoString() string             { return "[secret]" }
func (Secret) MarshalJSON() ([]byte, error) { return []byte(`"[secret]"`), nil }
func (Secret) MarshalText() ([]byte, error) { return []byte("[secret]"), nil }
func (s Secret) reveal() string             { return s.value }

// ErrSecret is wrapped by every error about a missing or unsafe secret.
var ErrSecret = errors.New("secret")

// Resolve reads the secret. A file is refused unless only its owner can
// read it (mode 0600 or 0400): a secrets file others can read is a leak
// already. Errors name the reference, never the value. One trailing
// newline is dropped, as editors and `echo` add it.
func (r SecretRef) Resolve(lookupEnv func(string) (string, bool)) (Secret, error) {
	switch {
	case r.Env != "" && r.File != "":
		return Secret{}, fmt.Errorf("%w: give either env or file, not both", ErrSecret)
	case r.Env != "":
		v, ok := lookupEnv(r.Env)
		if !ok || strings.TrimSpace(v) == "" {
			return Secret{}, fmt.Errorf("%w: environment variable %s is not set: export it before sending", ErrSecret, r.Env)
		}
		return Secret{value: strings.TrimRight(v, "\r\n")}, nil
	case r.File != "":
		return readSecretFile(r.File)
	}
	return Secret{}, fmt.Errorf("%w: the target names no secret: add secret: {env: NAME} or secret: {file: PATH}", ErrSecret)
}

func readSecretFile(path string) (Secret, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return Secret{}, fmt.Errorf("%w: secrets file %s does not exist", ErrSecret, path)
		}
		return Secret{}, fmt.Errorf("%w: secrets file %s cannot be read: %v", ErrSecret, path, errors.Unwrap(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return Secret{}, fmt.Errorf("%w: secrets file %s: %v", ErrSecret, path, err)
	}
	if perm := st.Mode().Perm(); perm&0o077 != 0 {
		return Secret{}, fmt.Errorf("%w: secrets file %s has mode %04o: others can read it; run chmod 600 %s", ErrSecret, path, perm, path)
	}
	if !st.Mode().IsRegular() {
		return Secret{}, fmt.Errorf("%w: secrets file %s is not a regular file", ErrSecret, path)
	}
	buf := make([]byte, 64<<10)
	n, err := f.Read(buf)
	if err != nil && n == 0 {
		return Secret{}, fmt.Errorf("%w: secrets file %s is empty", ErrSecret, path)
	}
	v := strings.TrimRight(string(buf[:n]), "\r\n")
	if v == "" {
		return Secret{}, fmt.Errorf("%w: secrets file %s is empty", ErrSecret, path)
	}
	return Secret{value: v}, nil
}

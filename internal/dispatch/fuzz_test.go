package dispatch

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzRecipientList: any file gives rows or an error, never a panic; rows
// come in order, and a row to send always has a valid address.
func FuzzRecipientList(f *testing.F) {
	f.Add([]byte("email,opt_out\na@example.com,\nb@example.com,yes\n"))
	f.Add([]byte("\ufeffEmail\n\"a@example.com\nb\n"))
	f.Add([]byte("phone\n+34 600 100 003\n+34600100003\n(0)123\n"))
	f.Add([]byte("name,email\n\"x\"y\",a@b.c\n,,,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "list.csv")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		for _, kind := range []addressKind{emailAddress, phoneAddress} {
			last := 0
			_ = RecipientList{Path: p}.stream(kind, func(r row) error {
				if r.index != last {
					t.Fatalf("row index %d after %d", r.index, last-1)
				}
				last++
				if r.err == nil && !r.optOut {
					if _, err := kind.parse(r.addr); err != nil {
						t.Fatalf("row %d to send has a bad address %q", r.line, r.addr)
					}
				}
				return nil
			})
		}
	})
}

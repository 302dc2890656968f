// Package brokentest reads what a case of testdata/broken must report (its
// want.txt; see that folder's README), for the two tests that run every
// case: in process (internal/manual) and through the binary (cmd/crisis).
package brokentest

import (
	"bufio"
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
)

// Want is a case's want.txt.
type Want struct {
	At       string // file:line:col, relative to the case folder
	Message  string // a substring of the error's message
	Errors   int    // how many errors crisis reports
	Generate string // a file the test writes before running crisis
	Size     int64  // its size in bytes
}

// ReadWant reads a case's want.txt, failing the test on a line that is not
// one of its keys and on a file without at: or message:.
func ReadWant(t testing.TB, file string) Want {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	w := Want{Errors: 1}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		value = strings.TrimSpace(value)
		switch {
		case !ok:
			t.Fatalf("%s: line %q is not key: value", file, line)
		case key == "at":
			w.At = value
		case key == "message":
			w.Message = value
		case key == "errors":
			if w.Errors, err = strconv.Atoi(value); err != nil {
				t.Fatalf("%s: errors: %v", file, err)
			}
		case key == "generate":
			name, n, _ := strings.Cut(value, " ")
			if w.Size, err = strconv.ParseInt(n, 10, 64); err != nil {
				t.Fatalf("%s: generate: %v", file, err)
			}
			w.Generate = name
		default:
			t.Fatalf("%s: unknown key %q", file, key)
		}
	}
	if w.At == "" || w.Message == "" {
		t.Fatalf("%s: needs at: and message:", file)
	}
	return w
}

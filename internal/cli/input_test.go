package cli

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/runbook"
)

func TestLineInput(t *testing.T) {
	var out bytes.Buffer
	in := newLineInput(context.Background(), strings.NewReader("d\n# a comment\n\n\x1b[3;1Rx all\n"), &out, "answers.txt", true)
	for _, want := range []string{"d", "x all"} {
		got, err := in.ReadLine("> ")
		if err != nil || got != want {
			t.Fatalf("ReadLine = %q, %v; want %q (comments skipped, escape sequences stripped)", got, err, want)
		}
	}
	for range 2 { // input ended: every later call says so, none blocks
		if _, err := in.ReadLine("> "); !errors.Is(err, io.EOF) {
			t.Fatalf("after the end: %v, want io.EOF", err)
		}
	}
}

func TestLineInputWakes(t *testing.T) {
	r, w := io.Pipe()
	defer w.Close()
	in := newLineInput(context.Background(), r, io.Discard, "standard input", false)
	start := time.Now()
	if _, err := in.ReadLineWithin("> ", 20*time.Millisecond); !errors.Is(err, runbook.ErrWake) {
		t.Fatalf("got %v, want ErrWake", err)
	}
	if time.Since(start) > 2*time.Second {
		t.Error("the wait did not end on time")
	}
	go w.Write([]byte("d\n"))
	if got, err := in.ReadLineWithin("> ", time.Minute); err != nil || got != "d" {
		t.Fatalf("after waking: %q, %v", got, err)
	}
}

func TestLineInputInterrupted(t *testing.T) {
	r, w := io.Pipe()
	defer w.Close()
	ctx, cancel := context.WithCancel(context.Background())
	in := newLineInput(ctx, r, io.Discard, "standard input", false)
	cancel()
	if _, err := in.ReadLine("> "); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
}

// TestStripControlsLinear: nested sequences, each revealed by removing the
// one inside it, are removed in linear time, not one per pass. Linear takes
// a tenth of a second here (two under the race detector); one pass per
// nesting level would be 300,000 passes over 600 KB, hours. The limit sits
// far from both, so a loaded machine cannot fail it and a quadratic
// stripper cannot pass it.
func TestStripControlsLinear(t *testing.T) {
	k := 300_000
	line := strings.Repeat("\x1b[", k) + strings.Repeat("A", k) + "d"
	done := make(chan string)
	go func() { done <- stripControls(line) }()
	select {
	case got := <-done:
		if strings.Contains(got, "\x1b") || !strings.HasSuffix(got, "d") {
			t.Errorf("left an escape, or lost the text: %.40q", got)
		}
	case <-time.After(time.Minute):
		t.Fatal("stripping nested sequences took more than a minute")
	}
}

// TestStripControls: sequences and lone control characters go; tabs and
// bidirectional formatting stay (the value check refuses the latter by
// name).
func TestStripControls(t *testing.T) {
	for in, want := range map[string]string{
		"d\x1b[2J":                "d",
		"Face\abook\r\u009b31m":   "Facebook31m",
		"a\tb":                    "a\tb",
		"x\u202ey":                "x\u202ey",
		"\x1b]0;title\x07ok":      "ok",
		"del\x7f and nul\x00 end": "del and nul end",
	} {
		if got := stripControls(in); got != want {
			t.Errorf("stripControls(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLineInputTooLong: an answers line over the bound is an error naming
// the file and the line, not bufio's "token too long".
func TestLineInputTooLong(t *testing.T) {
	r := strings.NewReader("var platform=Facebook\n" + strings.Repeat("x", 2<<20) + "\nd\n")
	in := newLineInput(context.Background(), r, io.Discard, "answers.txt", true)
	if got, err := in.ReadLine("> "); err != nil || got != "var platform=Facebook" {
		t.Fatalf("first line: %q, %v", got, err)
	}
	_, err := in.ReadLine("> ")
	if err == nil || err.Error() != "answers.txt:2: the line is longer than 1 MiB; an answer is one command or one value per line" {
		t.Fatalf("got %v", err)
	}
	if in.where() != "answers.txt:1" {
		t.Errorf("where = %q, want the last line read, answers.txt:1", in.where())
	}
}

// FuzzLineInput feeds the answers reader any bytes: it ends (io.EOF, or
// the too-long error at a line, which TestLineInputTooLong reaches: a
// megabyte seed would slow every execution), never blocks, and hands out lines without
// line breaks or terminal control sequences, numbered in order.
func FuzzLineInput(f *testing.F) {
	for _, seed := range []string{
		"var platform=Facebook\nd\n",
		"# comment\n\n  \r\nx all all\r\n",
		"\x1b[3;1Rd\n\x1b]0;title\x07a Cleo\n",
		"\x1b[\x1b[AAx\n",
		"no newline at the end",
		"var stores=1\x00\n\xff\xfe\n",
		"",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		in := newLineInput(context.Background(), bytes.NewReader(data), io.Discard, "fuzz.txt", true)
		last := 0
		for {
			line, err := in.ReadLine("")
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				if !strings.HasPrefix(err.Error(), "fuzz.txt:") || !strings.Contains(err.Error(), "longer than 1 MiB") {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			if strings.ContainsAny(line, "\n") || csiRE.MatchString(line) {
				t.Fatalf("line %q has a line break or a control sequence", line)
			}
			if in.last <= last {
				t.Fatalf("line number %d after %d", in.last, last)
			}
			last = in.last
		}
	})
}

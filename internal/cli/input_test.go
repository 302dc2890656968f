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
	in := newLineInput(context.Background(), strings.NewReader("d\n# a comment\n\n\x1b[3;1Rx all\n"), &out, true)
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
	in := newLineInput(context.Background(), r, io.Discard, false)
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
	in := newLineInput(ctx, r, io.Discard, false)
	cancel()
	if _, err := in.ReadLine("> "); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
}

package cli

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/spf13/viper"

	"github.com/crisis-cli/crisis/internal/runbook"
)

// TestLivePromptRedrawsInPlace: on a terminal the prompt's countdown is
// redrawn over itself (cursor saved, carriage return, prompt, cursor
// restored) when its text changes; piped, the prompt is printed once and
// no escape sequence is written.
func TestLivePromptRedrawsInPlace(t *testing.T) {
	for _, live := range []bool{true, false} {
		r, w := io.Pipe()
		var out bytes.Buffer
		in := newLineInput(context.Background(), r, &out, "standard input", false)
		in.live = live
		var calls atomic.Int32
		prompt := func() string {
			if calls.Add(1) == 1 {
				return "[1/4 confirm · due 10:35    in 5m] > "
			}
			return "[1/4 confirm · due 10:35    in 4m] > "
		}
		_, err := in.ReadLineLive(prompt, redrawEvery+500*time.Millisecond)
		w.Close()
		if !errors.Is(err, runbook.ErrWake) {
			t.Fatalf("live %v: %v, want ErrWake", live, err)
		}
		redraw := "\x1b7\r[1/4 confirm · due 10:35    in 4m] > \x1b8"
		if got := out.String(); live != strings.Contains(got, redraw) || !live && strings.Contains(got, "\x1b") {
			t.Errorf("live %v: wrote %q", live, got)
		}
	}
}

// TestNotifyCanBeTurnedOff: on by default; --no-notify or notify: false in
// the config turns the bell and notifications off.
func TestNotifyCanBeTurnedOff(t *testing.T) {
	for _, tt := range []struct {
		key  string
		val  any
		want bool
	}{{"", nil, true}, {"notify", false, false}, {"notify", true, true}, {"no-notify", true, false}} {
		app := &App{Config: viper.New()}
		if tt.key != "" {
			app.Config.Set(tt.key, tt.val)
		}
		if got := app.notify(); got != tt.want {
			t.Errorf("%s=%v: notify %v, want %v", tt.key, tt.val, got, tt.want)
		}
	}
}

// TestLineTypedAsTheWaitEndsAnswersThePrompt: when a typed line and the end
// of the wait are both there, the line answers the prompt it was typed at;
// the wake comes at the next read. Go's select picks among ready cases at
// random, so each of 200 tries gives the wake half a chance.
func TestLineTypedAsTheWaitEndsAnswersThePrompt(t *testing.T) {
	for i := range 200 {
		in := &lineInput{ctx: context.Background(), out: io.Discard, name: "standard input",
			lines: make(chan numbered, 1), done: make(chan struct{})}
		in.lines <- numbered{"d", i + 1}
		// The prompt takes longer than the wait: when the select is
		// reached, both the line and the timer are ready.
		prompt := func() string { time.Sleep(time.Millisecond); return "> " }
		got, err := in.readLine(prompt, time.Nanosecond, false)
		if err != nil || got != "d" {
			t.Fatalf("try %d: got %q, %v; want the typed line", i, got, err)
		}
	}
}

// TestWideQuestionBreaksBetweenWords: on an 80-column terminal a
// variable's question wider than the row is broken between words, its
// second row indented, the cursor after "): "; piped, it is written as
// it is.
func TestWideQuestionBreaksBetweenWords(t *testing.T) {
	q := "platform - La plataforma caída, tal como la llaman los clientes (p. ej. Facebook): "
	for _, tc := range []struct {
		live bool
		want string
	}{
		{true, "platform - La plataforma caída, tal como la llaman los clientes (p. ej.\n  Facebook): "},
		{false, q},
	} {
		r, w := io.Pipe()
		var out bytes.Buffer
		in := newLineInput(context.Background(), r, &out, "standard input", false)
		in.live, in.width = tc.live, 80
		go func() { io.WriteString(w, "Facebook\n"); w.Close() }()
		if line, err := in.ReadLine(q); err != nil || line != "Facebook" {
			t.Fatalf("live %v: %q, %v", tc.live, line, err)
		}
		if out.String() != tc.want {
			t.Errorf("live %v: wrote %q, want %q", tc.live, out.String(), tc.want)
		}
	}
}

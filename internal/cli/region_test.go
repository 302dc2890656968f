package cli

import (
	"bytes"
	"context"
	"os"
	"testing"
	"time"

	"github.com/spf13/viper"

	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/term"
)

// TestInterfaceClockOfTheRegion: LANG=en_GB gives an English interface
// that writes times of day as en-GB does, on a 24-hour clock (CLDR en_GB
// HH:mm); en_US and a bare en keep CLDR en's h:mm a.
func TestInterfaceClockOfTheRegion(t *testing.T) {
	at := time.Date(2026, 11, 26, 14, 5, 0, 0, time.UTC)
	for _, c := range []struct{ env, want string }{
		{"en_GB.UTF-8", "customers: next update due at 14:05"},
		{"en_US.UTF-8", "customers: next update due at 2:05 PM"},
		{"en", "customers: next update due at 2:05 PM"},
		{"es_PE.UTF-8", "customers: próxima actualización a las 14:05"},
	} {
		for _, k := range []string{"CRISIS_LANG", "LC_ALL", "LC_MESSAGES"} {
			t.Setenv(k, "")
		}
		t.Setenv("LANG", c.env)
		app := &App{IO: &term.IO{In: &bytes.Buffer{}, Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}, Config: viper.New(), Now: time.Now, Getwd: os.Getwd}
		if code := Run(context.Background(), app, []string{"version"}); code != ExitOK {
			t.Fatalf("%s: crisis version exited %d", c.env, code)
		}
		if got := app.T("due.later", message.WithClock(map[string]any{"Cadence": "customers"}, at)); got != c.want {
			t.Errorf("LANG=%s: %q, want %q", c.env, got, c.want)
		}
	}
}

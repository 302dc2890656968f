package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/crisis-cli/crisis/internal/term"
	"github.com/crisis-cli/crisis/internal/ui"
)

// TestTableAlignsStyledAndWideCells: on a terminal, colour sequences take
// no room and a CJK character takes two cells; the columns must line up as
// the eye sees them, not as the bytes count.
func TestTableAlignsStyledAndWideCells(t *testing.T) {
	io_, _, _, _ := term.Test()
	io_.OutTTY = true
	th := ui.NewTheme(io_)
	var b strings.Builder
	err := writeTable(th, &b, func(w io.Writer) {
		fmt.Fprintln(w, "ID\tSEVERITY\tTITLE")
		fmt.Fprintf(w, "%s\t%s\t%s\n", th.Accent.Render("data-leak"), th.Error.Render("critical"), "Leak")
		fmt.Fprintf(w, "%s\t%s\t%s\n", "店舗-閉鎖", th.Muted.Render("low"), "Store")
		fmt.Fprintf(w, "%s\t%s\t%s\n", "x", "medium", "X down")
	})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\x1b[") {
		t.Fatal("the test needs a coloured table")
	}
	col := -1
	for _, line := range strings.Split(strings.TrimSuffix(ansi.Strip(b.String()), "\n"), "\n") {
		// The third column starts where its text starts, in cells.
		for _, title := range []string{"TITLE", "Leak", "Store", "X down"} {
			if i := strings.Index(line, title); i >= 0 {
				c := ansi.StringWidth(line[:i])
				if col >= 0 && c != col {
					t.Errorf("column 3 starts at cell %d on %q, %d above:\n%s", c, line, col, ansi.Strip(b.String()))
				}
				col = c
			}
		}
	}
}

// TestRunsListsTimesInTheManualsZone: crisis runs shows when a run began
// in the manual's time zone, as the run screens do, and names it once.
func TestRunsListsTimesInTheManualsZone(t *testing.T) {
	t.Setenv("TZ", "UTC")
	runs := t.TempDir()
	code, _, stderr := runCLIAll(t, context.Background(), "", "run", "facebook-down", "--yes", "--var", "platform=Facebook", "--runs-dir", runs)
	if code != 0 {
		t.Fatalf("run: exit %d: %s", code, stderr)
	}
	_, out, _ := runCLIAll(t, context.Background(), "", "runs", "--runs-dir", runs)
	madrid, err := time.LoadLocation("Europe/Madrid")
	if err != nil {
		t.Skip(err)
	}
	if !strings.Contains(out, "STARTED (Europe/Madrid)") || !strings.Contains(out, time.Now().In(madrid).Format("2006-01-02 15:")) {
		t.Errorf("runs is not in the manual's zone (Europe/Madrid):\n%s", out)
	}
}

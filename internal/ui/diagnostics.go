package ui

import (
	"fmt"
	"io"

	"github.com/crisis-cli/crisis/internal/diag"
)

// WriteDiagnostics prints problems as file:line:col lines, grouped by file as
// they are sorted, with the hint indented below. limit > 0 caps the lines
// and says how many were left out.
func WriteDiagnostics(w io.Writer, th *Theme, list diag.List, limit int) {
	for i, d := range list {
		if limit > 0 && i == limit {
			fmt.Fprintf(w, "... and %d more\n", len(list)-limit)
			return
		}
		sev := d.Severity.String()
		switch d.Severity {
		case diag.Error:
			sev = th.Error.Render(sev)
		case diag.Warning:
			sev = th.Warn.Render(sev)
		default:
			sev = th.Muted.Render(sev)
		}
		fmt.Fprintf(w, "%s: %s: %s %s\n", th.Bold.Render(d.Pos.String()), sev, d.Message, th.Muted.Render("["+d.Rule+"]"))
		if d.Hint != "" {
			fmt.Fprintf(w, "    %s %s\n", th.Muted.Render("hint:"), d.Hint)
		}
	}
}

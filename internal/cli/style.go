package cli

import "github.com/crisis-cli/crisis/internal/ui"

func severityStyle(th *ui.Theme, sev string) string { return ui.Severity(th, sev) }

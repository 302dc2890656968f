package ui

// Diagnostic styles one part of a lint finding or manual problem, as the
// printer in lint/output names them ("file", "error", "hint", ...), so
// findings printed by lint and by any other command look the same. Parts
// without a style of their own are left plain.
func (th *Theme) Diagnostic(kind, s string) string {
	switch kind {
	case "file", "summary":
		return th.Bold.Render(s)
	case "error", "caret":
		return th.Error.Render(s)
	case "warning":
		return th.Warn.Render(s)
	case "info", "rule", "hint", "gutter":
		return th.Muted.Render(s)
	}
	return s
}

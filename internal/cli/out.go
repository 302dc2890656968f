package cli

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/crisis-cli/crisis/internal/fsutil"
)

// writeOut writes to standard output, or to a file that is replaced only
// once the whole content was written and synced (a failed run never leaves
// half a report behind).
func writeOut(app *App, path string, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		return write(app.IO.Out)
	}
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return err
	}
	return fsutil.WriteFile(path, b.Bytes(), 0o644)
}

// writeJSON is every command's --format json: indented, with <, > and &
// left as they are (announcement texts contain them).
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

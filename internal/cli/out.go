package cli

import (
	"bytes"
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

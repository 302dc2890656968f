package cli

import (
	"io"
	"os"

	"github.com/crisis-cli/crisis/internal/manual"
)

type ioWriter = io.Writer

// writeOut writes to standard output, or to a file that is replaced only
// once the whole content was written (a failed run never leaves half a
// report behind).
func writeOut(app *App, path string, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		return write(app.IO.Out)
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, path)
}

func stepIDsOf(p *manual.Playbook) []string {
	ids := make([]string, len(p.Steps))
	for i, s := range p.Steps {
		ids[i] = s.ID
	}
	return ids
}

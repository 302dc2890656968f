package term

import (
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"github.com/crisis-cli/crisis/internal/lang"
)

// Desktop is what the clipboard and notifications need of the machine:
// its environment and its programs. Tests replace it.
type Desktop struct {
	Getenv   func(string) string
	LookPath func(string) (string, error)
	// Run runs a program with stdin and waits at most a few seconds for it.
	Run func(name string, args []string, stdin string) error
	// Start runs a program without waiting for it.
	Start func(name string, args ...string) error
}

// SystemDesktop is the machine crisis runs on.
func SystemDesktop() Desktop {
	return Desktop{Getenv: os.Getenv, LookPath: exec.LookPath, Run: runWithin, Start: startDetached}
}

func runWithin(name string, args []string, stdin string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdin = strings.NewReader(stdin)
	return cmd.Run()
}

func startDetached(name string, args ...string) error {
	cmd := exec.Command(name, args...)
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() //nolint:errcheck // a notification that failed is not worth stopping a run
	return nil
}

// clipboardTools are the desktop's clipboard programs, each where it works:
// wl-copy on Wayland, xclip on X11, pbcopy on macOS.
func (d Desktop) clipboardTools() [][]string {
	var tools [][]string
	if d.Getenv("WAYLAND_DISPLAY") != "" {
		tools = append(tools, []string{"wl-copy"})
	}
	if d.Getenv("DISPLAY") != "" {
		tools = append(tools, []string{"xclip", "-selection", "clipboard"})
	}
	if runtime.GOOS == "darwin" {
		tools = append(tools, []string{"pbcopy"})
	}
	return tools
}

// Copy puts text on the clipboard every way that works here: the
// terminal's own OSC 52 sequence when tty is a terminal (it also reaches a
// laptop's clipboard over ssh), and the first desktop program present. It
// says how, for the operator to know whether to trust it.
func (d Desktop) Copy(tty io.Writer, text string) (string, error) {
	var via []string
	if tty != nil {
		fmt.Fprintf(tty, "\x1b]52;c;%s\a", base64.StdEncoding.EncodeToString([]byte(text)))
		via = append(via, "terminal (OSC 52)")
	}
	for _, tool := range d.clipboardTools() {
		if _, err := d.LookPath(tool[0]); err != nil {
			continue
		}
		if err := d.Run(tool[0], tool[1:], text); err == nil {
			via = append(via, tool[0])
			break
		}
	}
	if len(via) == 0 {
		return "", lang.Errorf("run.copy.nowhere", nil)
	}
	return strings.Join(via, " and "), nil
}

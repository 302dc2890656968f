package term

import (
	"bytes"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
)

// fakeDesktop records the programs run, with these on PATH and this
// environment.
type fakeDesktop struct {
	env   map[string]string
	path  []string
	ran   []string
	input []string
}

func (f *fakeDesktop) desktop() Desktop {
	return Desktop{
		Getenv: func(k string) string { return f.env[k] },
		LookPath: func(name string) (string, error) {
			for _, p := range f.path {
				if p == name {
					return "/usr/bin/" + name, nil
				}
			}
			return "", errors.New("not found")
		},
		Run: func(name string, args []string, stdin string) error {
			f.ran = append(f.ran, name+" "+strings.Join(args, " "))
			f.input = append(f.input, stdin)
			return nil
		},
		Start: func(name string, args ...string) error {
			f.ran = append(f.ran, name+" "+strings.Join(args, " "))
			return nil
		},
	}
}

func TestCopy(t *testing.T) {
	text := "Facebook no funciona.\nPróxima actualización: 11:37."
	f := &fakeDesktop{env: map[string]string{"DISPLAY": ":0"}, path: []string{"xclip", "wl-copy"}}
	var tty bytes.Buffer
	how, err := f.desktop().Copy(&tty, text)
	if err != nil {
		t.Fatal(err)
	}
	if want := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(text)) + "\a"; tty.String() != want {
		t.Errorf("OSC 52 %q, want %q", tty.String(), want)
	}
	if len(f.ran) != 1 || f.ran[0] != "xclip -selection clipboard" || f.input[0] != text || how != "terminal (OSC 52) and xclip" {
		t.Errorf("ran %q with %q, said %q; want xclip alone (no Wayland here)", f.ran, f.input, how)
	}
	// Piped, with no desktop: nothing can copy, and it says so.
	if _, err := (&fakeDesktop{}).desktop().Copy(nil, text); err == nil {
		t.Error("a copy that reached no clipboard was reported as done")
	}
}

func TestNotify(t *testing.T) {
	f := &fakeDesktop{env: map[string]string{"WAYLAND_DISPLAY": "wayland-0"}, path: []string{"notify-send"}}
	var tty bytes.Buffer
	f.desktop().Notify(&tty, "crisis: step due", "Facebook is down; \"holding\" was due at 10:45\a\x1b]2;x")
	got := tty.String()
	if !strings.HasPrefix(got, "\a\x1b]9;crisis: step due: ") || strings.Count(got, "\a") != 3 || strings.Count(got, "\x1b") != 2 ||
		!strings.Contains(got, "\x1b]777;notify;crisis: step due;Facebook is down, ") {
		t.Errorf("terminal got %q: want BEL, one OSC 9 and one OSC 777, the text unable to end them", got)
	}
	if len(f.ran) != 1 || !strings.HasPrefix(f.ran[0], "notify-send ") {
		t.Errorf("ran %q, want notify-send", f.ran)
	}
	// No desktop session: no notify-send, and nothing on a piped output.
	g := &fakeDesktop{path: []string{"notify-send"}}
	g.desktop().Notify(nil, "t", "b")
	if len(g.ran) != 0 {
		t.Errorf("ran %q without a desktop session", g.ran)
	}
}

package term

import (
	"fmt"
	"io"
	"strings"
)

// Notify reaches an operator who is looking at another window: the bell,
// a terminal notification (OSC 9, understood by iTerm2, Windows Terminal,
// kitty, WezTerm; OSC 777, by foot, Ghostty, urxvt, VTE) when tty is a
// terminal, and the desktop's notify-send where there is a desktop.
func (d Desktop) Notify(tty io.Writer, title, body string) {
	title, body = oscSafe(title), oscSafe(body)
	if tty != nil {
		fmt.Fprintf(tty, "\a\x1b]9;%s: %s\a\x1b]777;notify;%s;%s\a", title, body, title, body)
	}
	if d.Getenv("DISPLAY") == "" && d.Getenv("WAYLAND_DISPLAY") == "" && d.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		return
	}
	if _, err := d.LookPath("notify-send"); err == nil {
		_ = d.Start("notify-send", "--app-name=crisis", "--urgency=critical", title, body)
	}
}

// oscSafe keeps a text inside its OSC sequence: no control character can
// end it early, and no ';' can shift OSC 777's fields.
func oscSafe(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return ' '
		case r == ';':
			return ','
		}
		return r
	}, s)
}

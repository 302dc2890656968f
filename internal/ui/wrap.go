package ui

import (
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Wrap breaks lines longer than width at spaces, indenting continuation
// lines two spaces past the line's own indentation so a wrapped contact
// list or step still reads as one item. width 0 leaves s as it is: output
// that is not a terminal is never wrapped.
//
// It breaks only at spaces, never inside a word (a hyphenated run id, a
// URL, a path or an address stays whole; one longer than the line is left
// to the terminal), and never inside what must be copied or dialled whole:
// phone numbers and crisis commands found in prose, and what Keep marked.
func Wrap(s string, width int) string {
	if width > 0 {
		lines := strings.Split(s, "\n")
		for i, line := range lines {
			if ansi.StringWidth(line) > width {
				lines[i] = wrapLine(line, width)
			}
		}
		s = strings.Join(lines, "\n")
	}
	return strings.ReplaceAll(s, keepSpace, " ")
}

// keepSpace stands for a space that must not break a line, between Keep
// (or the patterns of keepRE) and the end of Wrap. It is a private-use
// character, so no real text contains it.
const keepSpace = "\uE000"

// keepRE finds what prose carries that must stay on one line: phone
// numbers written in groups (+34 600 100 003, 900 100 200) and crisis
// commands with their arguments.
var keepRE = regexp.MustCompile(`\+?\d{1,4}(?: \d{2,4}){2,}|\bcrisis(?: [^\s·,;"')]+){1,4}`)

// Keep marks s as one unbreakable piece for Wrap: a contact ("phone +34 600
// 100 003"), a command, a run id with its label.
func Keep(s string) string { return strings.ReplaceAll(s, " ", keepSpace) }

func wrapLine(line string, width int) string {
	body := strings.TrimLeft(line, " ")
	indent := line[:len(line)-len(body)]
	inner := max(width-len(indent)-2, 20)
	body = keepRE.ReplaceAllStringFunc(body, Keep)
	var parts []string
	cur, curW := "", 0
	first := true
	for _, w := range strings.Split(body, " ") {
		ww := ansi.StringWidth(w)
		switch {
		case first:
			cur, curW, first = w, ww, false
		case w != "" && curW > 0 && curW+1+ww > inner:
			parts = append(parts, strings.TrimRight(cur, " "))
			cur, curW = w, ww
		default:
			cur += " " + w
			curW += 1 + ww
		}
	}
	parts = append(parts, cur)
	for j := range parts {
		if j == 0 {
			parts[j] = indent + parts[j]
		} else {
			parts[j] = indent + "  " + parts[j]
		}
	}
	return strings.Join(parts, "\n")
}

// Reflow joins the lines of s that its writer broke in the middle of a
// sentence, so that the terminal's width, not the editor's, decides where
// they break. A manual's instructions are written with | and wrapped by
// hand at the editor's width, often past 80 columns: wrapped again at 80,
// every such line would leave a word or two alone on a row of its own. A
// line is joined to the next unless it ends a sentence (. : ! ? ;), or
// either line is blank, indented or a list item: a break there was meant.
func Reflow(s string) string {
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	for i, line := range lines {
		if i > 0 && continues(lines[i-1], line) {
			out[len(out)-1] += " " + line
			continue
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// listItemRE is the start of a list item: "- ", "* ", "• ", "1. ", "2) ".
var listItemRE = regexp.MustCompile(`^(?:[-*•]|\d+[.)])\s`)

// continues reports whether next carries on the sentence prev broke off.
func continues(prev, next string) bool {
	p := strings.TrimRight(prev, " \t")
	if p == "" || next == "" || strings.TrimSpace(next) == "" {
		return false
	}
	if p[0] == ' ' || p[0] == '\t' || next[0] == ' ' || next[0] == '\t' {
		return false
	}
	if listItemRE.MatchString(next) {
		return false
	}
	return !strings.ContainsAny(p[len(p)-1:], ".:!?;")
}

package cli

import (
	"strings"
	"unicode/utf8"
)

// The help's own texts (long descriptions, examples, usage lines) are
// written once per language, and a text's lines can run past 80 columns
// once a list of names is filled in or a language says it longer. These
// fit them to helpWidth as they are printed, so no text of the catalogue
// needs to know the width.

// fitText rewraps each paragraph of prose (lines of one indentation, not
// a list item or an example command) that has a line over helpWidth;
// paragraphs that fit are kept as their author broke them.
func fitText(s string) string {
	lines := strings.Split(s, "\n")
	var out []string
	for i := 0; i < len(lines); {
		ind := indentOf(lines[i])
		if lines[i] == "" || command(lines[i]) {
			out = append(out, fitCommand(lines[i]))
			i++
			continue
		}
		j := i + 1
		for j < len(lines) && lines[j] != "" && indentOf(lines[j]) == ind && !listItem(lines[j]) && !command(lines[j]) {
			j++
		}
		para := lines[i:j]
		if tooWide(para) {
			pad := strings.Repeat(" ", ind)
			hang := pad
			if listItem(para[0]) {
				hang += "  "
			}
			out = append(out, pad+wrap(strings.Join(para, " "), helpWidth-len(hang), len(hang)))
		} else {
			out = append(out, para...)
		}
		i = j
	}
	return strings.Join(out, "\n")
}

// fitCommand breaks an example command over helpWidth before its options,
// with the shell's line continuation.
func fitCommand(line string) string {
	if utf8.RuneCountInString(line) <= helpWidth {
		return line
	}
	ind := indentOf(line)
	cont := strings.Repeat(" ", ind+2)
	var out []string
	cur, at := "", ind // at: where the line being built starts
	for _, part := range strings.SplitAfter(strings.TrimSpace(line), " --") {
		// SplitAfter leaves " --" at the end of each part: move it on.
		if cur != "" && at+utf8.RuneCountInString(cur)+utf8.RuneCountInString(part)+2 > helpWidth {
			at = len(cont)
			out = append(out, strings.TrimSuffix(cur, " --")+" \\")
			cur = "--" + part
			continue
		}
		cur += part
	}
	out = append(out, cur)
	return strings.Repeat(" ", ind) + strings.Join(out, "\n"+cont)
}

// fitUsage puts each form of a usage line on a line of its own when the
// whole does not fit: "crisis drill PLAYBOOK | drill --resume ...".
func fitUsage(use, parent string) []string {
	if utf8.RuneCountInString(use)+2 <= helpWidth || !strings.Contains(use, " | ") {
		return []string{use}
	}
	forms := strings.Split(use, " | ")
	for i := 1; i < len(forms); i++ {
		forms[i] = parent + " " + forms[i]
	}
	return forms
}

// command is an example's command line: indented, and starting with the
// program's name (a paragraph may begin with "crisis keeps...").
func command(s string) bool {
	return indentOf(s) > 0 && strings.HasPrefix(strings.TrimSpace(s), "crisis ")
}

func indentOf(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// listItem is a line that starts an item of its own: a bullet, or an
// entry of a definition list such as render's template functions
// ("{{upper .platform}}: the value in capitals"), which must not run into
// the entry before it when a paragraph is re-wrapped.
func listItem(s string) bool {
	t := strings.TrimSpace(s)
	return strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "{{")
}

func tooWide(lines []string) bool {
	for _, l := range lines {
		if utf8.RuneCountInString(l) > helpWidth {
			return true
		}
	}
	return false
}

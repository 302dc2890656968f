package cli

// appendIndented appends src, one value as encoding/json writes it compact
// (valid, no space outside strings), to dst indented as an Encoder with
// SetIndent(prefix, indent) writes it: each element on a line of its own,
// "key": value, and an empty object or list as {} or [].
//
// The Encoder indents by running its JSON scanner over every byte, a
// state-machine call per byte: for render --all's 700 KB that was 4% of
// the whole command's CPU time, more than writing the JSON compact. Its
// input being valid compact JSON, only the structure outside strings
// matters here, and a string is copied whole up to its closing quote.
func appendIndented(dst, src []byte, prefix, indent string) []byte {
	depth := 0
	open := false // after { or [: indent before the next byte unless it closes
	newline := func() {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, indent...)
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		if open && c != '}' && c != ']' {
			open = false
			depth++
			newline()
		}
		switch c {
		case '"':
			end := i + 1
			for end < len(src) && src[end] != '"' {
				if src[end] == '\\' {
					end++ // an escape: the next byte is never the end
				}
				end++
			}
			end = min(end, len(src)-1) // not valid JSON: copied as it is
			dst = append(dst, src[i:end+1]...)
			i = end
		case '{', '[':
			open = true
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if open {
				open = false
			} else {
				depth--
				newline()
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

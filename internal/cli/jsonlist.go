package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net"
	"reflect"
	"runtime"
	"slices"
	"sync"
)

// writeJSONList writes a list exactly as writeJSON's encoder writes it
// whole ("[\n  {...},\n  {...}\n]\n"), its items encoded on every core, each
// part in a buffer of its own, written in order once all are: render --all
// writes the example manual's 1,048 announcements as 600 KB of JSON, which
// took one core 5 ms (and 3 MB of buffers) after every text was rendered.
// Nothing is written when an item fails to encode.
func writeJSONList(w io.Writer, list reflect.Value) error {
	n := list.Len()
	if n == 0 {
		_, err := io.WriteString(w, "[]\n")
		return err
	}
	parts := make([][]byte, min(runtime.GOMAXPROCS(0), n))
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() {
			// Each item is encoded compact and indented into its part (see
			// appendIndented), without its final newline. The part is sized
			// from its first item for all of them, rather than doubled as it
			// fills: the copies it left behind were 1.5 MB of the 19 MB
			// render --all allocates, each page of it a fault (nothing is
			// collected).
			var item bytes.Buffer
			enc := json.NewEncoder(&item)
			enc.SetEscapeHTML(false)
			var buf []byte
			from, to := p*n/len(parts), (p+1)*n/len(parts)
			for i := from; i < to; i++ {
				if i > 0 {
					buf = append(buf, ",\n  "...)
				}
				item.Reset()
				// The item's address, as the encoder of the whole list
				// uses it: a method on the pointer applies the same.
				if errs[p] = enc.Encode(list.Index(i).Addr().Interface()); errs[p] != nil {
					return
				}
				start := len(buf)
				buf = appendIndented(buf, bytes.TrimSuffix(item.Bytes(), []byte("\n")), "  ", "  ")
				if i == from && to-from > 1 {
					buf = slices.Grow(buf, (len(buf)-start)*(to-from)*5/4)
				}
			}
			parts[p] = buf
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	out := net.Buffers{[]byte("[\n  ")}
	for i := range parts {
		out = append(out, parts[i])
	}
	out = append(out, []byte("\n]\n"))
	_, err := out.WriteTo(w)
	return err
}

// newJSONEncoder is the encoder of every command's --format json: indented
// by two spaces (each line after the first starting with prefix), with <,
// > and & left as they are (announcement texts contain them).
func newJSONEncoder(w io.Writer, prefix string) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	return enc
}

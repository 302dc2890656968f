package lint

import (
	"bytes"
	"slices"
	"sort"
	"sync"
	"unicode/utf8"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

// Sources holds the bytes of every manual file, as the loader read them:
// no file is read twice. Suppression comments are read from them (the YAML
// model drops comments), and outputs use line texts for fingerprints that
// survive a line moving. A file the loader refused has no bytes here, so
// nothing outside the manual is ever quoted.
type Sources struct {
	files map[string]*sourceFile
}

type sourceFile struct {
	data  []byte
	once  sync.Once
	lines []int // byte offset of each line's start
}

// newSources indexes the loader's bytes; line offsets are computed only
// for the files a finding or a rule asks about.
func newSources(m *manual.Manual) *Sources {
	s := &Sources{files: make(map[string]*sourceFile, len(m.Files))}
	for _, f := range m.Files {
		s.files[f] = &sourceFile{data: m.Sources[f]}
	}
	return s
}

// Files lists the files read, sorted.
func (s *Sources) Files() []string {
	out := make([]string, 0, len(s.files))
	for f := range s.files {
		out = append(out, f)
	}
	slices.Sort(out)
	return out
}

// Bytes returns a file's contents, nil when unknown.
func (s *Sources) Bytes(file string) []byte {
	if s == nil || s.files[file] == nil {
		return nil
	}
	return s.files[file].data
}

func (f *sourceFile) lineStarts() []int {
	f.once.Do(func() {
		f.lines = []int{0}
		for i, b := range f.data {
			if b == '\n' {
				f.lines = append(f.lines, i+1)
			}
		}
	})
	return f.lines
}

// Line returns the text of a 1-based line without its line ending, "" when
// unknown. It is output.Report's Source.
func (s *Sources) Line(file string, n int) string {
	if s == nil || s.files[file] == nil {
		return ""
	}
	f := s.files[file]
	starts := f.lineStarts()
	if n < 1 || n > len(starts) {
		return ""
	}
	end := len(f.data)
	if n < len(starts) {
		end = starts[n] - 1
	}
	return string(bytes.TrimSuffix(f.data[starts[n-1]:end], []byte("\r")))
}

// FindRune returns the position of the first r at or after from, searching
// at most maxLines lines, or from itself when r is not found: a finding
// about one character then points at the character, not at its text.
func (s *Sources) FindRune(from diag.Pos, r rune, maxLines int) diag.Pos {
	if s == nil || s.files[from.File] == nil || from.Line < 1 {
		return from
	}
	f := s.files[from.File]
	starts := f.lineStarts()
	if from.Line > len(starts) {
		return from
	}
	off := starts[from.Line-1]
	for c := 1; c < from.Col && off < len(f.data) && f.data[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(f.data[off:])
		off += size
	}
	limit := len(f.data)
	if last := from.Line - 1 + maxLines; last < len(starts) {
		limit = starts[last]
	}
	i := bytes.IndexRune(f.data[off:limit], r)
	if i < 0 {
		return from
	}
	at := off + i
	line := sort.Search(len(starts), func(k int) bool { return starts[k] > at })
	col := utf8.RuneCount(f.data[starts[line-1]:at]) + 1
	return diag.Pos{File: from.File, Line: line, Col: col}
}

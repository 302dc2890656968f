package dispatch

import (
	"encoding/csv"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
)

// RecipientList is a CSV file of recipients, kept outside the manual's
// repository (it holds personal data). The first row is a header. The file
// is streamed: a million rows are read one at a time, never loaded.
type RecipientList struct {
	Path string
	// Column is the header of the address column; default "email" for
	// e-mail, "phone" for SMS and WhatsApp.
	Column string
	// OptOut is the header of the opt-out column, default "opt_out"; the
	// column may be absent. A row marked yes, true, 1, x, y, sí, tak or sim
	// is skipped; empty, no, false, 0 or n is sent; anything else is
	// reported as malformed and not sent.
	OptOut string
}

// RowError is a malformed row: what is wrong and where.
type RowError struct {
	Path      string
	Line, Col int
	Msg       string
}

func (e *RowError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
}

// row is one data row of the list.
type row struct {
	index  int    // data rows before it: the unit of Resume.SkipFirst
	line   int    // line in the file
	col    int    // column of the address, where a duplicate is reported
	addr   string // normalised address, "" when err or optOut
	optOut bool
	err    *RowError
}

// addressKind validates and normalises an address.
type addressKind struct {
	column string // default column header
	parse  func(string) (string, error)
}

var emailAddress = addressKind{column: "email", parse: parseEmail}
var phoneAddress = addressKind{column: "phone", parse: parsePhone}

func parseEmail(s string) (string, error) {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Name != "" || a.Address != s {
		return "", fmt.Errorf("%q is not an e-mail address (write it as name@example.com)", s)
	}
	return a.Address, nil
}

// parsePhone accepts E.164 numbers, ignoring the spaces, dots, dashes and
// parentheses people type: "+34 600 100 003" becomes "+34600100003".
func parsePhone(s string) (string, error) {
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '+' && i == 0:
			b.WriteRune(r)
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case strings.ContainsRune(" .-()", r):
		default:
			return "", fmt.Errorf("%q is not a phone number in E.164 form (+ country code and number, e.g. +34600100003)", s)
		}
	}
	n := b.String()
	if len(n) < 8 || len(n) > 16 || n[0] != '+' || n[1] == '0' {
		return "", fmt.Errorf("%q is not a phone number in E.164 form (+ country code and number, e.g. +34600100003)", s)
	}
	return n, nil
}

func parseOptOut(v string) (optOut bool, ok bool) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "no", "false", "0", "n", "nie", "não", "nao":
		return false, true
	case "yes", "true", "1", "x", "y", "si", "sí", "tak", "sim":
		return true, true
	}
	return false, false
}

// stream calls fn for each data row in order. A row with a bad address, a
// bad opt-out value or a duplicate address comes with err set and is not to
// be sent. Duplicates are found through a set of 64-bit hashes (about 40
// bytes per recipient, the only memory that grows with the list) so nobody
// receives the message twice because they are listed twice.
func (l RecipientList) stream(kind addressKind, fn func(row) error) error {
	f, err := os.Open(l.Path)
	if err != nil {
		return fmt.Errorf("recipient list: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.ReuseRecord = true
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return fmt.Errorf("recipient list %s: no header row: %w", l.Path, err)
	}
	addrCol, optCol, err := l.columns(kind, header)
	if err != nil {
		return err
	}
	seed := maphash.MakeSeed()
	seen := map[uint64]int{}
	for index := 0; ; index++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			if e := fn(row{index: index, line: pe.Line, err: &RowError{l.Path, pe.Line, pe.Column, "the row is not valid CSV: " + pe.Err.Error()}}); e != nil {
				return e
			}
			continue
		}
		if err != nil {
			return fmt.Errorf("recipient list %s: %w", l.Path, err)
		}
		rw := l.row(kind, r, rec, index, addrCol, optCol)
		if rw.addr != "" {
			h := maphash.String(seed, strings.ToLower(rw.addr))
			if first, dup := seen[h]; dup {
				rw.addr, rw.err = "", &RowError{l.Path, rw.line, rw.col, fmt.Sprintf("duplicate of line %d: sent once, there", first)}
			} else {
				seen[h] = rw.line
			}
		}
		if err := fn(rw); err != nil {
			return err
		}
	}
}

func (l RecipientList) row(kind addressKind, r *csv.Reader, rec []string, index, addrCol, optCol int) row {
	line, _ := r.FieldPos(0)
	rw := row{index: index, line: line}
	if addrCol >= len(rec) {
		rw.err = &RowError{l.Path, line, 1, fmt.Sprintf("the row has %d fields, the address is in field %d", len(rec), addrCol+1)}
		return rw
	}
	if optCol >= 0 && optCol < len(rec) {
		out, ok := parseOptOut(rec[optCol])
		if !ok {
			_, col := r.FieldPos(optCol)
			rw.err = &RowError{l.Path, line, col, fmt.Sprintf("opt-out value %q: write yes or no (not sent until it is clear)", rec[optCol])}
			return rw
		}
		if out {
			rw.optOut = true
			return rw
		}
	}
	addr, err := kind.parse(strings.TrimSpace(rec[addrCol]))
	_, rw.col = r.FieldPos(addrCol)
	if err != nil {
		rw.err = &RowError{l.Path, line, rw.col, err.Error()}
		return rw
	}
	rw.addr = addr
	return rw
}

// columns finds the address and opt-out columns in the header row.
func (l RecipientList) columns(kind addressKind, header []string) (addr, optOut int, err error) {
	want, wantOpt := l.Column, l.OptOut
	if want == "" {
		want = kind.column
	}
	if wantOpt == "" {
		wantOpt = "opt_out"
	}
	addr, optOut = -1, -1
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		switch h {
		case strings.ToLower(want):
			addr = i
		case strings.ToLower(wantOpt):
			optOut = i
		}
	}
	if addr < 0 {
		return 0, 0, fmt.Errorf("%s:1:1: no %q column in the header (%s): name the address column %q or set the list's column", l.Path, want, strings.Join(header, ","), want)
	}
	if l.OptOut != "" && optOut < 0 {
		return 0, 0, fmt.Errorf("%s:1:1: no %q opt-out column in the header (%s)", l.Path, l.OptOut, strings.Join(header, ","))
	}
	return addr, optOut, nil
}

// ListCount is what a recipient list holds: what a confirmation shows
// before a bulk send ("9,812 recipients, 188 opted out, 3 malformed") and
// what a check reports.
type ListCount struct {
	Send, OptedOut, Malformed int
	First                     []*RowError // the first five malformed rows
}

// CountRecipients reads the list of a bulk target through, sending nothing.
func CountRecipients(cfg Config) (ListCount, error) {
	p, ok := LookupProvider(cfg.Provider)
	if !ok || !p.Bulk || cfg.Recipients == nil {
		return ListCount{}, fmt.Errorf("target %s: %s takes no recipient list", cfg.Name, cfg.Provider)
	}
	return cfg.Recipients.count(p.address)
}

func (l RecipientList) count(kind addressKind) (ListCount, error) {
	var c ListCount
	err := l.stream(kind, func(rw row) error {
		switch {
		case rw.err != nil:
			c.Malformed++
			if len(c.First) < 5 {
				c.First = append(c.First, rw.err)
			}
		case rw.optOut:
			c.OptedOut++
		default:
			c.Send++
		}
		return nil
	})
	return c, err
}

// checkList reads a recipient list through for a check.
func checkList(r *CheckReport, l RecipientList, kind addressKind) {
	c, err := l.count(kind)
	if err != nil {
		if r.Err == nil {
			r.Err = err
		}
		return
	}
	r.Verified = append(r.Verified, fmt.Sprintf("recipient list %s: %d to send, %d opted out, %d malformed", l.Path, c.Send, c.OptedOut, c.Malformed))
	if c.Malformed > 0 && r.Err == nil {
		first := make([]string, len(c.First))
		for i, e := range c.First {
			first[i] = e.Error()
		}
		r.Err = fmt.Errorf("recipient list %s has %d malformed rows (not sent): %s", l.Path, c.Malformed, strings.Join(first, "; "))
	}
}

// OutsideRepository refuses a recipient list inside the manual's
// repository: it holds personal data, which must not be committed. root is
// the repository's top directory; symbolic links are followed.
func (l RecipientList) OutsideRepository(root string) error {
	abs := func(p string) (string, error) {
		a, err := filepath.Abs(p)
		if err != nil {
			return "", err
		}
		if r, err := filepath.EvalSymlinks(a); err == nil {
			return r, nil
		}
		return a, nil
	}
	list, err := abs(l.Path)
	if err != nil {
		return err
	}
	top, err := abs(root)
	if err != nil {
		return err
	}
	if rel, err := filepath.Rel(top, list); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return fmt.Errorf("recipient list %s is inside the repository %s: it holds personal data; keep it outside and refer to it by path", l.Path, root)
	}
	return nil
}

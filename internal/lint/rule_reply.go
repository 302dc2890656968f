package lint

import (
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"sync"
	"unsafe"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/render"
)

func init() {
	register(Meta{ID: "CR802", Severity: diag.Error, Scope: ScopePlaybook}, checkReply)
}

// checkReply renders each reply inject's message as the drill drafts it,
// once per inject (at the first locale that fails). Undeclared variables
// and messages that exist nowhere are left to CR402 and the loader.
func checkReply(c *Context) {
	m, p, f := c.Manual, c.Playbook, c.facts
	if f.cat == nil {
		return
	}
	// As the drill drafts when the run gave no values: the declared
	// examples stand in, with the drill mark and a clock time.
	opts := render.Options{Examples: true, Drill: true, Clock: longestClock(m)}
	for _, in := range p.Drill.Injects {
		if in.Respond != "reply" || in.Message.ID == "" || !f.exists(in.Message.ID) {
			continue
		}
		for _, loc := range m.Locales.Supported {
			err := f.draft(m, p, in.Message.ID, loc, opts)
			var missing *message.MissingError
			if err == nil || errors.As(err, &missing) || c.reversedByExamples(p, err) {
				continue
			}
			if errors.Is(err, message.ErrNoMessage) {
				c.Report(in.Message.Pos, "lint.CR802.nodefault", "lint.CR802.nodefault.hint",
					args{"At": manual.FormatDuration(in.At), "Message": in.Message.ID, "Locale": loc})
			} else {
				c.Report(in.Message.Pos, "lint.CR802.error", "lint.CR802.error.hint",
					args{"At": manual.FormatDuration(in.At), "Message": in.Message.ID, "Locale": loc, "Error": wordsOf(err)})
			}
			break
		}
	}
}

// exists reports whether any locale has the message.
func (f *facts) exists(name string) bool {
	for _, names := range f.names {
		if names[name] {
			return true
		}
	}
	return false
}

// drafts are the outcomes of drafting replies, by request (requestKey):
// playbooks giving a reply the same values draft the same text, and
// rendering it for each of them was most of CR802's time.
type drafts struct {
	mu  sync.Mutex
	err map[string]error
	// byDecl are the same outcomes by what a request is made of
	// (declKey): most playbooks draft a reply with the manual's own
	// declarations, and making their request again, to find it drafted
	// already, was most of what CR802 still cost.
	byDecl map[string]error
	// vars are each message's variables (render.UsedVariables), the same
	// for every inject, playbook and locale drafting it: usedVars by name.
	vars sync.Map
}

type usedVars struct {
	names []string
	err   error
}

// used is render.UsedVariables of one message, found once (twice at
// most, by two workers at the same time: the same list).
func (d *drafts) used(m *manual.Manual, name string) ([]string, error) {
	if u, ok := d.vars.Load(name); ok {
		return u.(usedVars).names, u.(usedVars).err
	}
	names, err := render.UsedVariables(m, []string{name})
	d.vars.Store(name, usedVars{names, err})
	return names, err
}

// draft renders a reply as render.Message does, once per distinct request.
func (f *facts) draft(m *manual.Manual, p *manual.Playbook, name, loc string, opts render.Options) error {
	used, err := f.drafts.used(m, name)
	if err != nil {
		return err
	}
	var dbuf [128]byte
	dk := declKey(dbuf[:0], m, p, name, loc, used)
	f.drafts.mu.Lock()
	err, done := f.drafts.byDecl[string(dk)]
	f.drafts.mu.Unlock()
	if done {
		return err
	}
	err = f.draftRequest(m, p, name, loc, used, opts)
	f.drafts.mu.Lock()
	if f.drafts.byDecl == nil {
		f.drafts.byDecl = map[string]error{}
	}
	f.drafts.byDecl[string(dk)] = err
	f.drafts.mu.Unlock()
	return err
}

// draftRequest makes the request and renders it, once per distinct
// request: playbooks declaring the same values each draft the same text.
func (f *facts) draftRequest(m *manual.Manual, p *manual.Playbook, name, loc string, used []string, opts render.Options) error {
	req, err := render.MessageRequestUsing(m, p, name, used, "default", loc, opts)
	if err != nil {
		return err
	}
	var buf [256]byte // most keys fit: no allocation but the map's own copy
	k := requestKey(buf[:0], req)
	f.drafts.mu.Lock()
	err, done := f.drafts.err[string(k)] // looked up without copying the key
	f.drafts.mu.Unlock()
	if done {
		return err
	}
	key := string(k)
	_, err = f.cat.Render(req)
	f.drafts.mu.Lock()
	if f.drafts.err == nil {
		f.drafts.err = map[string]error{}
	}
	f.drafts.err[key] = err
	f.drafts.mu.Unlock()
	return err
}

// declKey appends to key what a reply's draft is made of, with the
// options checkReply drafts every reply with: the message, the locale,
// the playbook's update cadence and the declaration each used variable
// resolves to (m.Variable), or none. render.Values reads nothing else of
// a playbook: a built-in variable's value is the manual's, the locale's
// and the clock's but for update_minutes, the cadence, and a declared
// one's is its declaration's example. Two playbooks with the same key
// make the same request, and so draft alike.
func declKey(key []byte, m *manual.Manual, p *manual.Playbook, name, loc string, used []string) []byte {
	key = appendPart(key, name)
	key = appendPart(key, loc)
	key = binary.LittleEndian.AppendUint64(key, uint64(p.Cadence()))
	for _, v := range used {
		// A declaration is one the manual holds while lint runs, and
		// the collector never moves it: its address names it.
		key = binary.LittleEndian.AppendUint64(key, uint64(uintptr(unsafe.Pointer(m.Variable(p, v)))))
	}
	return key
}

// requestKey appends to key everything a render depends on, each part
// prefixed with its length so no two requests share a key.
func requestKey(key []byte, req message.Request) []byte {
	key = appendPart(key, req.Message)
	key = appendPart(key, req.Kind)
	key = appendPart(key, req.Locale)
	key = appendPart(key, req.Tag)
	key = appendPart(key, strconv.FormatBool(req.Drill))
	key = appendValue(key, req.Count)
	for _, name := range slices.Sorted(maps.Keys(req.Data)) {
		key = appendPart(key, name)
		key = appendValue(key, req.Data[name])
	}
	return key
}

// appendPart and appendValue are requestKey's parts: plain functions
// rather than closures over the key, which would move it to the heap.
func appendPart(key []byte, s string) []byte {
	key = binary.AppendUvarint(key, uint64(len(s)))
	return append(key, s...)
}

func appendValue(key []byte, v any) []byte {
	switch x := v.(type) {
	case nil:
		return appendPart(key, "n")
	case string:
		return appendPart(appendPart(key, "s"), x)
	case int:
		return appendPart(appendPart(key, "i"), strconv.Itoa(x))
	default:
		return appendPart(appendPart(key, fmt.Sprintf("%T", x)), fmt.Sprint(x))
	}
}

package message

import (
	"runtime"
	"slices"
	"sync"
	"text/template"
	"weak"

	"github.com/crisis-cli/crisis/internal/manual"
)

// index is a manual's texts, each compiled once for the whole process,
// and its messages' variables. The variables of a message (what render
// fills in) and the catalogue's execution of its texts both need a text
// compiled: each compiled it for itself, and rendering a whole manual
// parsed every text twice. A text is compiled when first asked for: renders
// running at once each compile the texts they need instead of waiting for
// one to compile them all, and a message nobody renders is never parsed.
type index struct {
	once  sync.Once
	texts map[string][]string // message name -> every form of every variant, in every locale
	vars  sync.Map            // message name -> *messageVars
	mu    sync.Mutex
	trees map[string]*tree // text -> its compilation
}

type messageVars struct {
	once sync.Once
	vars []string // sorted
}

// tree is one text compiled with the functions' names alone (locale
// "und"): a parse depends on nothing else, so one serves every locale, and
// an execution in a locale uses a copy with that locale's functions.
type tree struct {
	once sync.Once
	t    *template.Template
	err  error
	// calls: the text calls one of Funcs' functions, so its execution
	// may depend on the locale's (upper, lower and title do).
	calls bool
}

// indexes holds each manual's index. A manual is held weakly and its
// entry dropped once it is unreachable: a process that loads manuals one
// after another (a test suite, a benchmark, a language server) kept every
// one of them alive, and each collection marked them all again.
var indexes sync.Map // weak.Pointer[manual.Manual] -> *index

func indexOf(m *manual.Manual) *index {
	key := weak.Make(m)
	v, loaded := indexes.LoadOrStore(key, &index{trees: map[string]*tree{}})
	if !loaded {
		runtime.AddCleanup(m, func(k weak.Pointer[manual.Manual]) { indexes.Delete(k) }, key)
	}
	ix := v.(*index)
	ix.once.Do(func() {
		ix.texts = map[string][]string{}
		for _, t := range m.Templates {
			for _, msg := range t.Messages {
				name, _, _ := manual.SplitID(msg.ID)
				for _, text := range msg.Forms {
					ix.texts[name] = append(ix.texts[name], text)
				}
			}
		}
	})
	return ix
}

// compiled is text compiled once, as compile does; a text that fails
// fails the same way each time.
func (ix *index) compiled(text string) (*template.Template, error) {
	tr := ix.tree(text)
	return tr.t, tr.err
}

func (ix *index) tree(text string) *tree {
	ix.mu.Lock()
	tr := ix.trees[text]
	if tr == nil {
		tr = &tree{}
		ix.trees[text] = tr
	}
	ix.mu.Unlock()
	tr.once.Do(func() {
		if tr.t, tr.err = compile(text, "und"); tr.err == nil {
			tr.calls = len(gather(tr.t, walkCalls)) > 0
		}
	})
	return tr
}

// inLocale is text compiled once and given locale's functions.
func (ix *index) inLocale(text, locale string) (*template.Template, error) {
	tr := ix.tree(text)
	if tr.err != nil {
		return nil, tr.err
	}
	if !tr.calls {
		// A text calling none of the functions runs the same in every
		// locale: most of a manual's texts, each of which was cloned,
		// its functions made again, for the locale it is rendered in
		// (a tenth of what rendering the example manual allocated).
		return tr.t, nil
	}
	// A clone has its own functions and shares the parse tree, which
	// execution never changes; a template never executed can be cloned.
	t, err := tr.t.Clone()
	if err != nil {
		return nil, err
	}
	return t.Funcs(Funcs(locale)), nil
}

// MessageVariables lists the variables any form of any variant of the
// message uses, in every locale of m, sorted and without repeats. A text
// that does not parse or is refused (lint's CR401) is left out: it fails
// when its own step renders, where a run can skip it, and must not stop
// every other step and playbook.
func MessageVariables(m *manual.Manual, msg string) []string {
	ix := indexOf(m)
	v, _ := ix.vars.LoadOrStore(msg, &messageVars{})
	mv := v.(*messageVars)
	mv.once.Do(func() {
		for _, text := range ix.texts[msg] {
			if t, err := ix.compiled(text); err == nil {
				mv.vars = append(mv.vars, gather(t, walk)...)
			}
		}
		slices.Sort(mv.vars)
		mv.vars = slices.Compact(mv.vars)
	})
	return mv.vars
}

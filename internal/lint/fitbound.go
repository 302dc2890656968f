package lint

import (
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
)

// proveFits lets CR501 skip the renders printBound proves fit; a test
// turns it off to compare with rendering everything.
var proveFits = true

// formBound is how long one compiled form of a message can print
// (message.Template.Bound), kept with the variant and part of its text.
type formBound struct {
	msg     *manual.Message
	form    string
	safe    bool // message.Template.Safe: CR404 need not execute it
	variant string
	part    bool // a part of a text (body, subject): CR501 measures the subject too
	static  int
	printed []string
	ok      bool
}

// addBound records a compiled form's bound under its message name.
func (f *facts) addBound(msg *manual.Message, form string, tmpl *message.Template) {
	name, variant, part := manual.SplitID(msg.ID)
	b := formBound{msg: msg, form: form, safe: tmpl.Safe(), variant: variant, part: part != ""}
	b.static, b.printed, b.ok = tmpl.Bound()
	f.bounds[name] = append(f.bounds[name], b)
}

// printBound is the most UTF-8 bytes the text of message name on a
// channel of kind can have, rendered with vals in any locale: a render
// takes the kind's variant or the generic one, in some locale of the
// chain, in some plural form, so the longest of all those bounds holds
// whichever it takes (a form that did not compile renders nothing). Not
// ok when some candidate cannot be bounded, has parts (a subject is
// measured on its own), prints a value vals lack or a value that is not
// a text or a number, or when there is no candidate.
func (f *facts) printBound(name, kind string, vals []fitValue) (int, bool) {
	longest, any := 0, false
	for i := range f.bounds[name] {
		b := &f.bounds[name][i]
		if b.variant != kind && b.variant != manual.GenericVariant {
			continue
		}
		if b.part || !b.ok {
			return 0, false
		}
		n := b.static
		for _, v := range b.printed {
			l, found, ok := printedLen(vals, v)
			if !found || !ok {
				return 0, false
			}
			n += l
		}
		longest, any = max(longest, n), true
	}
	return longest, any
}

// cannotFail reports whether CR404 may skip executing a form of message
// name with vals, the variables vals lack standing for their names as
// CR404 fills them in: the form is safe (message.Template.Safe) and its
// bound under the sandbox's output limit, so executing it cannot fail.
func (f *facts) cannotFail(name string, msg *manual.Message, form string, vals []fitValue) bool {
	for i := range f.bounds[name] {
		b := &f.bounds[name][i]
		if b.msg != msg || b.form != form {
			continue
		}
		if !b.safe {
			return false
		}
		n := b.static
		for _, v := range b.printed {
			l, found, ok := printedLen(vals, v)
			if !found {
				l, ok = len(v), true
			}
			if !ok {
				return false
			}
			n += l
		}
		return n <= message.MaxOutput
	}
	return false
}

// printedLen is the length of name's value in vals as a template prints
// it: a text as it is, a number in decimal; not found when vals lack it,
// not ok for a value of another type.
func printedLen(vals []fitValue, name string) (n int, found, ok bool) {
	for _, v := range vals {
		if v.name != name {
			continue
		}
		switch x := v.val.(type) {
		case string:
			return len(x), true, true
		case int:
			n := 1
			if x < 0 {
				n++ // the sign
			}
			for x /= 10; x != 0; x /= 10 {
				n++
			}
			return n, true, true
		}
		return 0, true, false
	}
	return 0, false, false
}

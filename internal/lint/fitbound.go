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
	variant string
	part    bool // a part of a text (body, subject): CR501 measures the subject too
	static  int
	printed []string
	ok      bool
}

// addBound records a compiled form's bound under its message name.
func (f *facts) addBound(msg *manual.Message, tmpl *message.Template) {
	name, variant, part := manual.SplitID(msg.ID)
	b := formBound{variant: variant, part: part != ""}
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
			l, ok := printedLen(vals, v)
			if !ok {
				return 0, false
			}
			n += l
		}
		longest, any = max(longest, n), true
	}
	return longest, any
}

// printedLen is the length of name's value in vals as a template prints
// it: a text as it is, a number in decimal.
func printedLen(vals []fitValue, name string) (int, bool) {
	for _, v := range vals {
		if v.name != name {
			continue
		}
		switch x := v.val.(type) {
		case string:
			return len(x), true
		case int:
			n := 1
			if x < 0 {
				n++ // the sign
			}
			for x /= 10; x != 0; x /= 10 {
				n++
			}
			return n, true
		}
		return 0, false
	}
	return 0, false
}

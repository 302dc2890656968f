package lint

import (
	"sync"

	"github.com/crisis-cli/crisis/internal/channel"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
)

// proveFits lets CR501 skip the renders printBound proves fit; a test
// turns it off to compare with rendering everything.
var proveFits = true

// formBound is how long one compiled form of a message can print
// (message.Template.Bound), kept with its text.
type formBound struct {
	msg     *manual.Message
	form    string
	safe    bool // message.Template.Safe: CR404 need not execute it
	static  int
	printed []string
	ok      bool
	sms     channel.SMSUnits // the static text's, for an SMS (printBound)
}

// addBound records a compiled form's bound under its message name.
func (f *facts) addBound(msg *manual.Message, form string, tmpl *message.Template) {
	name, _, _ := manual.SplitID(msg.ID)
	b := formBound{msg: msg, form: form, safe: tmpl.Safe()}
	b.sms = channel.SMSUnits{Alone: true}
	b.static, b.printed, b.ok = tmpl.BoundBy(func(text []byte) int {
		b.sms = b.sms.Plus(channel.SMSUnitsOf(string(text)))
		return len(text)
	})
	f.bounds[name] = append(f.bounds[name], b)
}

// printBound is the most UTF-8 bytes the text of message name on a
// channel of kind can have, rendered in loc with vals: the text the
// catalogue takes (message.Catalog.Text: the kind's variant or the generic
// one, in the first locale of the chain that has either), in any plural
// form, so the longest of its forms' bounds holds whichever is chosen (a
// form that did not compile renders nothing). Not ok when there is no
// such text, it has parts (a subject is measured on its own), some form
// cannot be bounded or prints a value vals lack or a value that is not a
// text or a number. sms bounds the same forms' GSM-7 septets and UTF-16
// units alike, each the most of any form, Alone when every form's pieces
// are.
func (f *facts) printBound(name, kind, loc string, vals []fitValue) (longest int, sms channel.SMSUnits, ok bool) {
	sms.Alone = true
	msg := f.texts.of(f, name, kind, loc)
	if msg == nil {
		return 0, sms, false
	}
	for i := range f.bounds[name] {
		b := &f.bounds[name][i]
		if b.msg != msg {
			continue
		}
		if !b.ok {
			return 0, sms, false
		}
		n, units := b.static, b.sms
		for _, v := range b.printed {
			l, found, ok := printedLen(vals, v)
			if !found || !ok {
				return 0, sms, false
			}
			n += l
			units = units.Plus(f.printedSMS(vals, v))
		}
		longest, ok = max(longest, n), true
		sms = sms.Either(units)
	}
	return longest, sms, ok
}

// renderedTexts are the texts the catalogue takes, by message, channel
// kind and locale (message.Catalog.Text), found once for every value and
// channel of the kind rather than for each.
type renderedTexts struct {
	mu sync.Mutex
	m  map[textKey]*manual.Message
}

type textKey struct{ name, kind, loc string }

// of is the text the catalogue takes for message name on a channel of
// kind in loc; nil when there is none or it has parts.
func (rt *renderedTexts) of(f *facts, name, kind, loc string) *manual.Message {
	k := textKey{name, kind, loc}
	rt.mu.Lock()
	msg, ok := rt.m[k]
	rt.mu.Unlock()
	if ok {
		return msg
	}
	if file, id, parts, found := f.cat.Text(message.Request{Message: name, Kind: kind, Locale: loc}); found && !parts {
		msg = f.lookup(file, id)
	}
	rt.mu.Lock()
	if rt.m == nil {
		rt.m = map[textKey]*manual.Message{}
	}
	rt.m[k] = msg
	rt.mu.Unlock()
	return msg
}

// printedSMS is what name's value in vals, as a template prints it, adds
// to an SMS; not Alone when vals lack it.
func (f *facts) printedSMS(vals []fitValue, name string) channel.SMSUnits {
	for _, v := range vals {
		if v.name == name {
			return f.worst.sms[v.id]
		}
	}
	return channel.SMSUnits{}
}

// boundOf is the bound of one form of a message of name, nil when the
// form did not compile.
func (f *facts) boundOf(name string, msg *manual.Message, form string) *formBound {
	for i := range f.bounds[name] {
		if b := &f.bounds[name][i]; b.msg == msg && b.form == form {
			return b
		}
	}
	return nil
}

// cannotFail reports whether CR404 may skip executing the form b bounds
// with vals, the variables vals lack standing for their names as CR404
// fills them in: the form is safe (message.Template.Safe) and its bound
// under the sandbox's output limit, so executing it cannot fail.
func (b *formBound) cannotFail(vals []fitValue) bool {
	if b == nil || !b.safe {
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

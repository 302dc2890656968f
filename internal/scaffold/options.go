package scaffold

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Options are the answers a new manual is written from.
type Options struct {
	Organisation string
	Timezone     string // IANA zone, e.g. Europe/Madrid
	// TimezoneFrom says where Timezone was read when nobody gave it
	// ($TZ, /etc/localtime, default), for init to say so.
	TimezoneFrom string
	Locale       string   // the default (source) locale: one of Locales()
	Others       []string // further supported locales
	Audiences    []string // audience ids: see AudienceIDs
	Channels     []string // channel ids: see ChannelIDs
	Spokesperson Person
	Approver     Person // empty Name: the spokesperson approves too
	// Deputies stand in for the spokesperson and the approver. Required
	// unless Small.
	SpokespersonDeputy, ApproverDeputy Person
	// Small is an organisation of one or a few people: no deputies, no
	// staff audience. It turns off the rules that need them (CR104, CR201).
	Small bool
	// Today is the manual's approval date.
	Today time.Time
}

// Person is someone the manual names, with the contacts that reach them.
type Person struct {
	Name, Phone, Email string
}

// IsZero reports whether no person was given.
func (p Person) IsZero() bool { return p == Person{} }

// ParsePerson reads "Name, +34 600 100 200, name@example.org": a name, then
// a phone number and an e-mail address in either order, each optional.
func ParsePerson(s string) (Person, error) {
	var p Person
	for i, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		switch {
		case f == "":
		case i == 0:
			p.Name = f
		case strings.Contains(f, "@"):
			p.Email = f
		case strings.IndexFunc(f, unicode.IsDigit) >= 0:
			p.Phone = f
		default:
			return p, fmt.Errorf("%q: %q is neither a phone number nor an e-mail address; write \"Name, +34 600 100 200, name@example.org\"", s, f)
		}
	}
	if p.Name == "" && (p.Phone != "" || p.Email != "") {
		return p, fmt.Errorf("%q: the name comes first; write \"Name, +34 600 100 200, name@example.org\"", s)
	}
	return p, nil
}

// String is the form ParsePerson reads.
func (p Person) String() string {
	parts := []string{p.Name}
	for _, s := range []string{p.Phone, p.Email} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// maxOrganisation keeps the name short enough for every SMS and X text it
// signs.
const maxOrganisation = 40

// Validate checks the options and says, for each problem, what to change.
// It checks what would otherwise make the manual fail lint: an audience no
// channel reaches, an outage that leaves an audience with no channel, a
// lead without a deputy outside a small organisation.
func (o *Options) Validate() error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	for _, l := range append([]string{o.Locale}, o.Others...) {
		if textsFor(l) == nil {
			add("locale %q has no texts yet; choose among %s", l, strings.Join(Locales(), ", "))
		}
	}
	if slices.Contains(o.Others, o.Locale) {
		add("locale %s is the default and cannot also be another locale", o.Locale)
	}
	for _, a := range o.audiences() {
		if !slices.Contains(AudienceIDs(), a) {
			add("unknown audience %q; choose among %s", a, strings.Join(AudienceIDs(), ", "))
		}
	}
	for _, c := range o.Channels {
		if channelByID(c) == nil {
			add("unknown channel %q; choose among %s", c, strings.Join(ChannelIDs(), ", "))
		}
	}
	known := len(errs) == 0 // every name is known: the reach check can run
	switch n := len([]rune(strings.TrimSpace(o.Organisation))); {
	case n == 0:
		add("the organisation's name is missing")
	case n > maxOrganisation:
		add("the organisation's name has %d characters; messages sign with it, so keep it to %d (a short trading name)", n, maxOrganisation)
	}
	if !validZone(o.Timezone) {
		add("%s", zoneError(o.Timezone))
	}
	if o.Spokesperson.Name == "" {
		add("the spokesperson's name is missing")
	}
	if !o.Small {
		if o.SpokespersonDeputy.Name == "" || (o.Approver.Name != "" && o.ApproverDeputy.Name == "") {
			add("the spokesperson and the approver each need a deputy who stands in at night and on holidays; name them, or choose the small-organisation setting")
		}
		if !slices.Contains(o.audiences(), "staff") {
			add("the manual has no staff audience; add staff, or choose the small-organisation setting")
		}
	}
	if err := o.checkPeople(); err != nil {
		errs = append(errs, err)
	}
	// Reach needs known ids and texts; the other problems do not hide it.
	if known {
		if err := newModel(o).checkReach(); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// audiences are those chosen, else the default ones.
func (o *Options) audiences() []string {
	if len(o.Audiences) == 0 {
		return DefaultAudiences(o.Small)
	}
	return o.Audiences
}

// checkPeople refuses a deputy who is the person they stand in for.
func (o *Options) checkPeople() error {
	same := func(a, b Person) bool { return a.Name != "" && slug(a.Name) == slug(b.Name) }
	if same(o.Spokesperson, o.SpokespersonDeputy) {
		return fmt.Errorf("%s cannot be their own deputy as spokesperson", o.Spokesperson.Name)
	}
	approver := o.Approver
	if approver.Name == "" {
		approver = o.Spokesperson
	}
	if same(approver, o.ApproverDeputy) {
		return fmt.Errorf("%s cannot be their own deputy as approver", approver.Name)
	}
	return nil
}

// slug makes an id from a name: lowercase ASCII letters and digits joined
// by dashes ("Lucía Łukasiewicz" -> "lucia-lukasiewicz").
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(strings.ToLower(name)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'ł':
			r = 'l'
		case r == 'ø':
			r = 'o'
		case r == 'ß':
			b.WriteString("ss")
			dash = false
			continue
		}
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "person"
	}
	return b.String()
}

package message

import (
	"fmt"
	"strings"
	"sync"
	"text/template"
	"time"

	"github.com/crisis-cli/crisis/internal/lang"
	"golang.org/x/text/language"
)

// window is the template function {{window .window_start .window_end}}:
// the span between two datetime values as running text writes it, the day
// included, in the first reader's zone and words ("el 3 de diciembre, de
// 2:00 a 5:00"), and, once and in parentheses, the span as each other
// market reading the text reads it where it differs, with its own day when
// that is not the first's ("de 1:00 a 4:00 en Canarias"; "el 2 de
// diciembre, de 20:00 a 23:00 en Perú"). A span that ends on another day
// names both ("del 3 de diciembre a las 23:00 al 4 de diciembre a las
// 2:00"). The words are each language's (window.* in internal/lang).
func window(from, to any) (string, error) {
	a, ok := from.(Instant)
	if !ok {
		return "", notDatetime("window", from)
	}
	b, ok := to.(Instant)
	if !ok {
		return "", notDatetime("window", to)
	}
	if b.At.Before(a.At) {
		// Written as given, "de 5:00 a 2:00" would go out to customers:
		// most likely the two values were typed the wrong way round. They
		// are shown as a value may be typed (render.ParseDatetime), in no
		// language, with the offset of the first reader's zone: that zone
		// may not be the manual's, in which they were typed.
		const typed = "2006-01-02 15:04 -07:00"
		return "", lang.Errorf("window.reversed", map[string]any{
			"From": fmt.Sprintf("%q", a.At.Format(typed)), "To": fmt.Sprintf("%q", b.At.Format(typed))})
	}
	fr, tr := a.readings(), b.readings()
	n := min(len(fr), len(tr))
	first := span(fr[0], tr[0], true)
	if n == 1 {
		return first, nil
	}
	// Another market's span names its day only when it is not the
	// first's: "(de 1:00 a 4:00 en Canarias)"; one like the first's is
	// not repeated.
	spans := make([]string, n)
	spans[0] = span(fr[0], tr[0], false)
	for i := 1; i < n; i++ {
		spans[i] = span(fr[i], tr[i], !sameDay(fr[i].At, fr[0].At))
	}
	return first + others(fr[0].Locale, marketsOf(fr[:n]), spans), nil
}

// span is the window from a to b in a's locale: withDate adds the day
// before the hours; a span over midnight always names both days.
func span(a, b Instant, withDate bool) string {
	data := map[string]any{
		"From": runningClock(a.At, a.Locale), "To": runningClock(b.At, b.Locale),
		"FromOne": a.At.Hour() == 1, "ToOne": b.At.Hour() == 1,
	}
	if !sameDay(a.At, b.At) {
		data["FromDate"], data["ToDate"] = dayMonth(a), dayMonth(b)
		data["FromAt"], data["ToAt"] = AtClock(a.At, a.Locale), AtClock(b.At, b.Locale)
		return say(a.Locale, "window.span", data)
	}
	r := say(a.Locale, "window.range", data)
	if !withDate {
		return r
	}
	return say(a.Locale, "window.on", map[string]any{"Date": dayMonth(a), "Range": r})
}

// dayMonth is i's day and month as running text writes it, the year too
// when i is not in the year the text is written in.
func dayMonth(i Instant) string { return FormatDayMonth(i.At, i.Now, i.Locale) }

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// runningClock is a time of day in running text: the locale's CLDR short
// time (FormatClock), except in Portuguese, whose running text writes 2h00
// where a table writes 02:00 (TheClockOf).
func runningClock(t time.Time, locale string) string {
	if baseOf(locale) == "pt" {
		return ptClock(t)
	}
	return FormatClock(t, locale)
}

func ptClock(t time.Time) string { return fmt.Sprintf("%dh%02d", t.Hour(), t.Minute()) }

// alongside is the first reader's value of part in running text and, once
// in parentheses, each other value with the markets that read it:
// "3 de diciembre (2 de diciembre en Perú)"; the first value alone when
// every reader has it.
func alongside(rs []Instant, part func(Instant) string) string {
	vals := make([]string, len(rs))
	for i, r := range rs {
		vals[i] = part(r)
	}
	return Alongside(rs[0].Locale, marketsOf(rs), vals)
}

func marketsOf(rs []Instant) []string {
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = r.Market
	}
	return names
}

// Alongside is vals[0], the value the first of markets reads, in running
// text and, once in parentheses, each other value with the names of the
// markets that read it, in locale's words: "11:30 (10:30 en Canarias)";
// vals[0] alone when every market reads the same. A time of the incident
// (start_time, next_update) read in several zones is written so, as a
// datetime variable's is.
func Alongside(locale string, markets, vals []string) string {
	return vals[0] + others(locale, markets, vals)
}

// others is " (...)" naming each value of vals that is not the first
// reader's, once, with the names of the markets that read it, in the order
// the readers come; "" when there is none.
func others(locale string, markets, vals []string) string {
	var order []string
	names := map[string][]string{}
	for i, v := range vals {
		if v == vals[0] {
			continue
		}
		if names[v] == nil {
			order = append(order, v)
		}
		names[v] = append(names[v], markets[i])
	}
	if len(order) == 0 {
		return ""
	}
	parts := make([]string, len(order))
	for i, v := range order {
		parts[i] = say(locale, "window.elsewhere", map[string]any{"What": v, "Markets": and(locale, names[v])})
	}
	return " (" + strings.Join(parts, "; ") + ")"
}

// and joins names as the language lists them: "Canarias y Baleares".
func and(locale string, names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	last := names[len(names)-1]
	return say(locale, "window.and", map[string]any{"List": strings.Join(names[:len(names)-1], ", "), "Last": last, "LastI": startsWithI(last)})
}

// startsWithI tells whether a name starts with the sound i, before which
// Spanish writes e for y (RAE, Diccionario panhispánico de dudas, "y"):
// Italia, Islas Baleares, Ibiza, Hispania; not Hierro or Hielo, whose hie
// is a diphthong, nor a y.
func startsWithI(name string) bool {
	s := strings.ToLower(name)
	s = strings.TrimPrefix(s, "h")
	switch {
	case strings.HasPrefix(s, "í"):
		return true
	case !strings.HasPrefix(s, "i"):
		return false
	}
	// i followed by a vowel is a diphthong (hie-, hia-): y stays.
	rest := strings.TrimPrefix(s, "i")
	return rest == "" || !strings.ContainsRune("aeouáéóú", []rune(rest)[0])
}

var sayings sync.Map // template text -> *template.Template

// say is message id of internal/lang in locale's language (English for
// one crisis does not speak), filled with data: the words a window is
// written with (TestWindow fills each language's). An id that does not
// parse or fill is shown as itself, as the interface does.
func say(locale, id string, data map[string]any) string {
	text := lang.Words(language.Make(baseOf(locale)), id)
	t, ok := sayings.Load(text)
	if !ok {
		parsed, err := template.New(id).Parse(text)
		if err != nil {
			return id
		}
		t, _ = sayings.LoadOrStore(text, parsed)
	}
	var b strings.Builder
	if err := t.(*template.Template).Execute(&b, data); err != nil {
		return id
	}
	return b.String()
}

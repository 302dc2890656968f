package manual

import (
	"maps"
	"slices"
	"strings"

	"github.com/crisis-cli/crisis/internal/channel"
	"github.com/crisis-cli/crisis/internal/diag"
	"gopkg.in/yaml.v3"
)

// A locale's drill mark may differ by channel: Polish staff SMS are written
// without diacritics to stay in GSM-7, so their mark is [CWICZENIA], while
// e-mails and the status page carry the correctly spelt [ĆWICZENIA]. The
// shape keeps the locale as the first key, as in 1.1's scalar form, and
// nests under it only where a locale needs more than one mark:
//
//	drill_marks:
//	  es: "[ENSAYO]"                                  # one mark, as before
//	  pl: {default: "[ĆWICZENIA]", sms: "[CWICZENIA]"} # by channel kind
//	  pt: {default: "[SIMULACRO]", sms-staff: "[SIM]"}  # or by channel id
//
// Locale first (not kind first) because a mark is a word of a language:
// a reader looks up "what does Polish say", and a manual with one mark per
// language stays a flat map. The nested keys are default, a channel kind or
// a channel id; the most precise wins (channel, then kind, then default,
// then the built-in mark of the language).

// DrillMarkDefault is the nested key of a locale's own mark.
const DrillMarkDefault = "default"

// DrillMarkFor is the exercise mark of a text in locale on a channel of
// kind with id channelID (either may be empty: a terminal banner has
// none): the one locales.drill_marks gives for the channel, its kind or
// the locale, first for the locale, then for its language, else the
// built-in mark. It is the one place a drill mark is decided.
func (m *Manual) DrillMarkFor(locale, kind, channelID string) string {
	if m != nil {
		lang, _, _ := strings.Cut(strings.ReplaceAll(locale, "_", "-"), "-")
		for _, l := range []string{locale, lang} {
			on := m.Locales.DrillMarksOn[l]
			for _, key := range []string{channelID, kind} {
				if mk, ok := on[key]; ok && key != "" {
					return mk
				}
			}
			if mk, ok := m.Locales.DrillMarks[l]; ok {
				return mk
			}
		}
	}
	return DefaultDrillMark(locale)
}

// DrillMark is the exercise mark of a locale outside any channel (a
// terminal banner, a quiz's title): DrillMarkFor without a channel.
func (m *Manual) DrillMark(locale string) string { return m.DrillMarkFor(locale, "", "") }

// decodeDrillMarks reads locales.drill_marks (format 1.1): by locale a
// mark, or a mapping of default, channel kinds and channel ids to marks.
func (d *decoder) decodeDrillMarks(o *object, l *Locales) {
	n := o.get("drill_marks", false)
	if !d.since11(o.key("drill_marks"), "locales.drill_marks") || n == nil {
		return
	}
	l.DrillMarks, l.DrillMarksAt = map[string]string{}, map[string]Pos{}
	// set keeps the mark v says for key, and tells whether v said one.
	set := func(marks map[string]string, at map[string]Pos, key, what string, v *yaml.Node) bool {
		s, ok := d.scalar(v, what)
		if !ok {
			return false
		}
		marks[key], at[key] = s, d.pos(v)
		if strings.TrimSpace(s) == "" {
			report(d.diags, d.pos(v), RuleMissing, say("loader.drill-mark-empty", args{"Locale": what}), say("loader.drill-mark-empty.hint", args{"Locale": what}))
		}
		return true
	}
	read := d.ids(n, nameValues("drill_marks"), func(_, v *yaml.Node, loc string) bool {
		if v.Kind != yaml.MappingNode {
			return set(l.DrillMarks, l.DrillMarksAt, loc, loc, v)
		}
		if len(v.Content) == 0 {
			report(d.diags, d.pos(v), RuleMissing, say("loader.drill-mark-empty", args{"Locale": loc}), say("loader.drill-mark-empty.hint", args{"Locale": loc}))
			return false
		}
		on, onAt := map[string]string{}, map[string]Pos{}
		d.ids(v, nameValues("drill_marks"), func(kk, vv *yaml.Node, key string) bool {
			if key == DrillMarkDefault {
				return set(l.DrillMarks, l.DrillMarksAt, loc, loc, vv)
			}
			if !set(on, onAt, key, loc+" "+key, vv) {
				return false
			}
			onAt[key] = d.pos(kk) // where a misspelt kind or channel is shown
			return true
		})
		if l.DrillMarksOn == nil {
			l.DrillMarksOn, l.DrillMarksOnAt = map[string]map[string]string{}, map[string]map[string]Pos{}
		}
		l.DrillMarksOn[loc], l.DrillMarksOnAt[loc] = on, onAt
		return true
	})
	if !read { // not a mapping: no marks, as without drill_marks:
		l.DrillMarks, l.DrillMarksAt = nil, nil
	}
}

// checkDrillMarks reports a drill mark for a channel kind or channel that
// does not exist: a misspelt sms-staf would silently leave its texts with
// the locale's mark.
func checkDrillMarks(m *Manual, ix indexes, diags *diag.List) {
	known := append(append([]string{DrillMarkDefault}, channel.Kinds()...), ix.channels.ids...)
	for _, loc := range slices.Sorted(maps.Keys(m.Locales.DrillMarksOnAt)) {
		at := m.Locales.DrillMarksOnAt[loc]
		for _, key := range slices.Sorted(maps.Keys(at)) {
			if _, ok := ix.channels.pos[key]; ok || slices.Contains(channel.Kinds(), key) {
				continue
			}
			hint := orElse(didYouMean(key, known), say("drillmark.unknown.hint", args{"Kinds": strings.Join(channel.Kinds(), ", ")}))
			report(diags, at[key], RuleDangling, say("drillmark.unknown", args{"Key": q(key), "Locale": loc}), hint)
		}
	}
}

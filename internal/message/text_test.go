package message

import "testing"

// Text names the text Render takes: the kind's variant before the
// generic one, the reader's language's generic text before another
// language's variant, the default locale's for a message the reader's
// lacks, the body of a text with parts, nothing for a message nowhere.
func TestText(t *testing.T) {
	c := catalog(t)
	for _, tc := range []struct {
		msg, kind, locale string
		file, id          string
		parts, ok         bool
	}{
		{"update", "sms", "es", "es", "update.sms", false, true},
		{"update", "x", "es", "es", "update.default", false, true},
		{"update", "sms", "pl", "pl", "update.default", false, true},
		{"only-es", "sms", "pl", "es", "only-es.default", false, true},
		{"update", "email", "es", "es", "update.email.body", true, true},
		{"nowhere", "sms", "es", "", "", false, false},
	} {
		file, id, parts, ok := c.Text(Request{Message: tc.msg, Kind: tc.kind, Locale: tc.locale})
		if file != tc.file || id != tc.id || parts != tc.parts || ok != tc.ok {
			t.Errorf("%s on %s in %s: %s %s parts %v ok %v; want %s %s parts %v ok %v", tc.msg, tc.kind, tc.locale,
				file, id, parts, ok, tc.file, tc.id, tc.parts, tc.ok)
		}
		if res, err := c.Render(Request{Message: tc.msg, Kind: tc.kind, Locale: tc.locale, Count: 5, Data: map[string]any{"n": 5, "v": "x"}}); ok && (err != nil || res.Variant != id || res.Locale != file) {
			t.Errorf("%s on %s in %s: rendered %s in %s (%v), named %s in %s", tc.msg, tc.kind, tc.locale, res.Variant, res.Locale, err, id, file)
		}
	}
}

package lang

import (
	"sync"

	"golang.org/x/text/language"
)

// words holds, per language, each message's other text as written.
var words sync.Map // language string -> map[string]string

// Words is message id in tag's language as written, its placeholders
// unfilled (the other form; English where the language has no text, ""
// for an id the catalogue lacks), read from the compiled catalogue
// without building the language's bundle. It serves the few words crisis
// writes into the announcements themselves (a window's "de 2:00 a 5:00",
// internal/message), which a render of the whole manual needs in every
// language at once: building each bundle cost 3 to 4 ms, most of a
// render's budget (BenchmarkFirstMessage).
func Words(tag language.Tag, id string) string {
	base, _ := tag.Base()
	if s, ok := wordsOf(base.String())[id]; ok {
		return s
	}
	return wordsOf("en")[id]
}

func wordsOf(lang string) map[string]string {
	if m, ok := words.Load(lang); ok {
		return m.(map[string]string)
	}
	msgs := compiled(lang)
	m := make(map[string]string, len(msgs))
	for _, msg := range msgs {
		m[msg.ID] = msg.Other
	}
	words.Store(lang, m)
	return m
}

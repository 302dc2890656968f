package cli

import (
	"bytes"
	"encoding/json"
	"testing"
)

// appendIndented writes what encoding/json's own indenter (json.Indent, as
// its Encoder with SetIndent uses it) writes, byte for byte, for compact
// JSON as the encoder produces it.
func TestAppendIndentedAsEncodingJSON(t *testing.T) {
	values := []any{
		nil, true, 0, -1.5e-7, "", `"`, `\`, `\"`, `"\\"`, "a\"b\\c\n\t\u2028\u0001", "{[,:]}", "<>&", "zażółć 🚨",
		[]any{}, map[string]any{}, []any{[]any{}, map[string]any{}, nil},
		map[string]any{"": "", `k"{`: []any{1, "x,y", map[string]any{"a": []any{}}}, "z": map[string]any{"y": map[string]any{}}},
		[]any{map[string]any{"text": "Subject: \"Hola\" {{.x}}\n\\n", "n": 3}, []any{[]any{[]any{}}}},
	}
	for _, v := range values {
		src, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		checkIndented(t, src)
	}
}

// FuzzAppendIndented: any value encoding/json writes is indented as it
// indents it (the corpus: strings with quotes, escapes and punctuation,
// inside lists and objects).
func FuzzAppendIndented(f *testing.F) {
	for _, s := range []string{"", `"`, `\`, `a\"b`, "{}", "[,]", ":", "\u2028", "x\n"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		src, err := json.Marshal(map[string]any{a: []any{b, map[string]any{b: a}, []any{}}, "k": map[string]any{}})
		if err != nil {
			t.Skip()
		}
		checkIndented(t, src)
	})
}

func checkIndented(t *testing.T, src []byte) {
	t.Helper()
	for _, pi := range [][2]string{{"", "  "}, {"  ", "  "}, {">", "\t"}} {
		var want bytes.Buffer
		if err := json.Indent(&want, src, pi[0], pi[1]); err != nil {
			t.Fatal(err)
		}
		if got := appendIndented([]byte("x"), src, pi[0], pi[1]); string(got) != "x"+want.String() {
			t.Errorf("%s with %q, %q:\n%s\nwant\n%s", src, pi[0], pi[1], got[1:], want.Bytes())
		}
	}
}

package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
)

// addressed marshals only through its pointer, as a list's encoder calls
// it on the list's items.
type addressed struct{ N int }

func (a *addressed) MarshalJSON() ([]byte, error) { return []byte(fmt.Sprintf(`{"n*":%d}`, a.N)), nil }

type item struct {
	Text  string         `json:"text"`
	Tags  []string       `json:"tags,omitempty"`
	Extra map[string]any `json:"extra,omitempty"`
	Ptr   addressed      `json:"ptr"`
}

// A list written item by item on every core is what encoding/json writes
// for the whole list with the same settings, byte for byte.
func TestWriteJSONListAsEncodingJSON(t *testing.T) {
	many := make([]item, 1001)
	for i := range many {
		many[i] = item{Text: fmt.Sprintf("<b>%d</b> & más", i), Ptr: addressed{i}}
		if i%3 == 0 {
			many[i].Tags = []string{"a", "b"}
			many[i].Extra = map[string]any{"z": 1, "a": []int{1, 2}, "m": map[string]string{}}
		}
	}
	for name, v := range map[string]any{
		"one": []item{{Text: "x"}}, "two": []item{{Text: "x"}, {Text: "y"}}, "three": []item{{}, {}, {}},
		"many": many, "strings": []string{"a", "<>&"}, "pointers": []*item{{Text: "x"}, nil}, "lists": [][]int{{1}, {}, nil},
	} {
		var want, got bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		if err := writeJSON(&got, v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got.String() != want.String() {
			t.Errorf("%s:\n%s\nwant\n%s", name, got.String(), want.String())
		}
	}
}

func TestWriteJSONListByHand(t *testing.T) {
	var b bytes.Buffer
	if err := writeJSON(&b, []item{{Text: "a<b", Ptr: addressed{1}}, {Text: "c", Tags: []string{"t"}}}); err != nil {
		t.Fatal(err)
	}
	want := `[
  {
    "text": "a<b",
    "ptr": {
      "n*": 1
    }
  },
  {
    "text": "c",
    "tags": [
      "t"
    ],
    "ptr": {
      "n*": 0
    }
  }
]
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	for _, empty := range []any{[]item(nil), []item{}} {
		b.Reset()
		if err := writeJSON(&b, empty); err != nil || b.String() != "[]\n" {
			t.Errorf("%#v: %q %v, want []", empty, b.String(), err)
		}
	}
}

// An item that cannot be encoded fails the list, and nothing is written.
func TestWriteJSONListFailsWhole(t *testing.T) {
	var b bytes.Buffer
	list := []float64{1, 2, 3, math.NaN(), 5}
	err := writeJSON(&b, list)
	if err == nil || !strings.Contains(err.Error(), "NaN") {
		t.Errorf("error %v, want the NaN's", err)
	}
	if b.Len() != 0 {
		t.Errorf("wrote %q", b.String())
	}
}

package lint

import (
	"testing"

	"github.com/crisis-cli/crisis/internal/message"
)

// Two requests share a drafted reply only when every part of them is the
// same: a value's type counts (a count of 5 is not the text "5"), and a
// value's text cannot spill into the next name.
func TestRequestKey(t *testing.T) {
	base := func() message.Request {
		return message.Request{Message: "reply-order", Kind: "default", Locale: "pt", Drill: true,
			Data: map[string]any{"affected_area": "Braga", "orders": 5}, Count: 5}
	}
	same := base()
	same.Data = map[string]any{"orders": 5, "affected_area": "Braga"}
	if string(requestKey(nil, base())) != string(requestKey(nil, same)) {
		t.Error("the same request written in another order has another key")
	}
	variants := map[string]func(*message.Request){
		"locale":         func(r *message.Request) { r.Locale = "es" },
		"kind":           func(r *message.Request) { r.Kind = "sms" },
		"tag":            func(r *message.Request) { r.Tag = "pt-PT" },
		"drill":          func(r *message.Request) { r.Drill = false },
		"count":          func(r *message.Request) { r.Count = 6 },
		"count as text":  func(r *message.Request) { r.Count = "5" },
		"no count":       func(r *message.Request) { r.Count = nil },
		"value":          func(r *message.Request) { r.Data["affected_area"] = "Porto" },
		"value as text":  func(r *message.Request) { r.Data["orders"] = "5" },
		"value moved":    func(r *message.Request) { r.Data = map[string]any{"affected_area": "Braga\x05orders", "x": 5} },
		"missing value":  func(r *message.Request) { delete(r.Data, "orders") },
		"message":        func(r *message.Request) { r.Message = "reply-orders" },
		"message spills": func(r *message.Request) { r.Message, r.Kind = "reply-orderdefault", "" },
	}
	want := string(requestKey(nil, base()))
	seen := map[string]string{}
	for name, change := range variants {
		r := base()
		change(&r)
		k := string(requestKey(nil, r))
		if k == want {
			t.Errorf("%s: same key as the original request", name)
		}
		if other, ok := seen[k]; ok {
			t.Errorf("%s and %s share a key", name, other)
		}
		seen[k] = name
	}
}

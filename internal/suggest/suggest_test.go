package suggest

import (
	"slices"
	"testing"
)

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"owner", "owner", 0},
		{"ownr", "owner", 1},
		{"onwer", "owner", 1},
		{"deadline", "dedline", 1},
		{"kitten", "sitting", 3},
		{"ąę", "ae", 2},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestClosest(t *testing.T) {
	ids := []string{"facebook-down", "instagram-down", "whatsapp-down", "meta-outage", "x-down"}
	tests := []struct {
		name string
		want []string
	}{
		{"facebok-down", []string{"facebook-down"}},
		{"facebook", []string{"facebook-down"}},
		{"META-OUTAGE", []string{"meta-outage"}},
		{"zzzzzz", nil},
	}
	for _, tt := range tests {
		got := Closest(tt.name, ids)
		if !slices.Equal(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
			t.Errorf("Closest(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
	if h := Hint("ownr", []string{"owner", "title"}); h != `did you mean "owner"?` {
		t.Errorf("Hint = %q", h)
	}
}

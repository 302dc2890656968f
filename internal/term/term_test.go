package term

import "testing"

func TestDarkBackground(t *testing.T) {
	for in, want := range map[string]bool{"": true, "15;0": true, "0;15": false, "12;8": true, "0;default;7": false, "junk": true} {
		if got := DarkBackground(in); got != want {
			t.Errorf("DarkBackground(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestColorOnlyOnATerminal(t *testing.T) {
	io, _, _, _ := Test()
	if io.Color() || io.CanPrompt() {
		t.Fatal("buffers are not terminals")
	}
	io.OutTTY, io.InTTY = true, true
	if !io.Color() || !io.CanPrompt() {
		t.Fatal("a terminal gets colour and prompts")
	}
	io.NoColor = true
	if io.Color() {
		t.Fatal("NO_COLOR turns colour off")
	}
}

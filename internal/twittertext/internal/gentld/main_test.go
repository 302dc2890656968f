package main

import (
	"bytes"
	"os"
	"testing"
)

// TestGeneratedTableIsCurrent fails when tld_gen.go was edited by hand or
// tld_lib.yml changed without running go generate.
func TestGeneratedTableIsCurrent(t *testing.T) {
	want, err := generate("../../testdata/tld_lib.yml")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../tld_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("tld_gen.go is stale: run go generate ./internal/twittertext")
	}
}

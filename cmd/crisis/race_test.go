//go:build race

package main

// raceEnabled: the race detector is on; it needs address space that
// memory-limited tests cannot give.
const raceEnabled = true

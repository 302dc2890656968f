package lint

import (
	"testing"
	"testing/fstest"
	"time"
)

// FuzzLint runs the loader and every rule over a manual whose playbook and
// message file are the fuzzer's: whatever the bytes, lint must not panic
// (or hang). Run it with -fuzzminimizetime 0: almost every new input is
// "interesting" here, and minimizing each (60 s by default) stalls the run.
//
//	go test ./internal/lint -run XXX -fuzz FuzzLint -fuzztime 1m -fuzzminimizetime 0
func FuzzLint(f *testing.F) {
	base := baseFiles()
	f.Add([]byte(base[fPlaybook]), []byte(base[fPL]))
	for _, tc := range ruleCases {
		files := build(f, tc.edits...)
		f.Add([]byte(files[fPlaybook]), []byte(files[fPL]))
	}
	f.Fuzz(func(t *testing.T, playbook, pl []byte) {
		fsys := fstest.MapFS{}
		for name, data := range base {
			fsys[name] = &fstest.MapFile{Data: []byte(data)}
		}
		fsys[fPlaybook] = &fstest.MapFile{Data: playbook}
		fsys[fPL] = &fstest.MapFile{Data: pl}
		_, _, _ = Run(fsys, "fuzz", Options{Now: func() time.Time { return time.Unix(0, 0) }, Runs: fstest.MapFS{}, Workers: 1})
	})
}

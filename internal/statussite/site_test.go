package statussite

import (
	"os"
	"testing"
)

func TestDump(t *testing.T) {
	runs, m := exampleRuns(t)
	incs, err := Read(runs, m, false)
	if err != nil {
		t.Fatal(err)
	}
	files, err := Build(Options{Manual: m, Incidents: incs, Now: frozen, BaseURL: DefaultBaseURL(m)})
	if err != nil {
		t.Fatal(err)
	}
	if err := files.Write("/tmp/ss"); err != nil {
		t.Fatal(err)
	}
	_ = os.Stdout
}

// Command genmanual writes a synthetic crisis manual of any size, for
// benchmarks and load tests of the loader, lint and renderers:
//
//	go run ./internal/cmd/genmanual -playbooks 1000 -locales 4 -out /tmp/manual
//
// The same flags always give byte-identical files. See internal/genmanual.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/crisis-cli/crisis/internal/genmanual"
)

func main() {
	var opts genmanual.Options
	flag.IntVar(&opts.Playbooks, "playbooks", 100, "number of playbooks")
	flag.IntVar(&opts.Locales, "locales", 4, fmt.Sprintf("number of locales (1-%d): es, en, pl, pt, de, fr, it, nl, ...", genmanual.MaxLocales))
	out := flag.String("out", "", "folder to write the manual into (required)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := genmanual.Generate(genmanual.Dir(*out), opts); err != nil {
		fmt.Fprintln(os.Stderr, "genmanual:", err)
		os.Exit(1)
	}
}

// Command crisis is the crisis-communication manual's command line: it
// validates the manual, walks the comms lead through a runbook during an
// outage, renders announcements that fit each channel, and runs drills.
package main

import (
	"os"

	"github.com/crisis-cli/crisis/internal/cli"
)

func main() { os.Exit(cli.Main()) }

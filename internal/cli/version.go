package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is set at build time: -ldflags "-X github.com/crisis-cli/crisis/internal/cli.version=v1.2.3".
var version = ""

// BuildInfo is what `crisis version` reports.
type BuildInfo struct {
	Version   string `json:"version"`
	Commit    string `json:"commit,omitempty"`
	Modified  bool   `json:"modified,omitempty"`
	BuildTime string `json:"build_time,omitempty"`
	Go        string `json:"go"`
	Platform  string `json:"platform"`
}

// readBuildInfo combines the linker-set version with what the Go toolchain
// records in every binary (module version, VCS revision when available).
func readBuildInfo() BuildInfo {
	bi := BuildInfo{Version: version, Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	if info, ok := debug.ReadBuildInfo(); ok {
		if bi.Version == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			bi.Version = info.Main.Version
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				bi.Commit = s.Value
			case "vcs.time":
				bi.BuildTime = s.Value
			case "vcs.modified":
				bi.Modified = s.Value == "true"
			}
		}
	}
	if bi.Version == "" {
		bi.Version = "devel"
	}
	return bi
}

func newVersionCmd(app *App) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print the version of crisis",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			bi := readBuildInfo()
			switch format {
			case "json":
				return writeJSON(app.IO.Out, bi)
			case "text":
				line := "crisis " + bi.Version
				if bi.Commit != "" {
					c := bi.Commit[:min(12, len(bi.Commit))]
					if bi.Modified {
						c += "-dirty"
					}
					line += " (" + c + ")"
				}
				_, err := fmt.Fprintf(app.IO.Out, "%s %s %s\n", line, bi.Go, bi.Platform)
				return err
			}
			return usageErrorf("unknown --format %q; use text or json", format)
		},
	}
	addFormatFlag(cmd, &format, "text", "json")
	return cmd
}

// addFormatFlag adds --format with its allowed values and shell completion.
func addFormatFlag(cmd *cobra.Command, format *string, formats ...string) {
	cmd.Flags().StringVar(format, "format", formats[0], "output format: "+joinOr(formats))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
}

func joinOr(s []string) string {
	out := ""
	for i, x := range s {
		switch {
		case i == 0:
		case i == len(s)-1:
			out += " or "
		default:
			out += ", "
		}
		out += x
	}
	return out
}

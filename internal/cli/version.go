package cli

import (
	"fmt"
	"io"
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
	var format *formatFlag
	cmd := &cobra.Command{
		Use:   "version",
		Short: "cli.version.short",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			bi := readBuildInfo()
			return app.write(format, "", writers{"json": asJSON(bi), "text": func(w io.Writer) error {
				line := "crisis " + bi.Version
				if bi.Commit != "" {
					c := bi.Commit[:min(12, len(bi.Commit))]
					if bi.Modified {
						c += "-dirty"
					}
					line += " (" + c + ")"
				}
				_, err := fmt.Fprintf(w, "%s %s %s\n", line, bi.Go, bi.Platform)
				return err
			}})
		},
	}
	format = addFormatFlag(cmd, "text", "json")
	return cmd
}

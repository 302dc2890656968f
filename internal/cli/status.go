package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/spf13/cobra"
	// Where a status page can be published: a local folder, and any
	// S3-compatible store (AWS, Cloudflare R2, MinIO, Backblaze B2, Google
	// Cloud Storage's interoperability endpoint ...). The README's
	// dependency list says why GCS and Azure's own drivers are not linked.
	_ "gocloud.dev/blob/fileblob"
	_ "gocloud.dev/blob/s3blob"

	"github.com/crisis-cli/crisis/internal/statussite"
)

func newStatusCmd(app *App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "status",
		Short: "cli.status.short",
		Long:  "cli.status.long",
		Args:  cobra.NoArgs,
	}
	f := cmd.PersistentFlags()
	f.String("runs-dir", "", "cli.flag.runs-dir")
	f.String("base-url", "", "cli.flag.base-url")
	cmd.AddCommand(newStatusBuildCmd(app), newStatusPublishCmd(app))
	return cmd
}

func newStatusBuildCmd(app *App) *cobra.Command {
	var out string
	var drill bool
	cmd := &cobra.Command{
		Use:   "build --out DIR",
		Short: "cli.status.build.short",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return usageError("cli.status.need-out", nil)
			}
			files, err := app.buildStatus(drill)
			if err != nil {
				return err
			}
			dir := out
			if drill {
				// A drill never lands where the public site is built.
				dir = filepath.Join(out, statussite.DrillPreviewDir)
			}
			if err := files.Write(dir); err != nil {
				return err
			}
			fmt.Fprintln(app.IO.Err, "crisis: "+app.tr().N("cli.status.written", len(files), map[string]any{"Dir": dir}))
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "cli.status.build.flag.out")
	cmd.Flags().BoolVar(&drill, "drill-preview", false, "cli.flag.drill-preview")
	return cmd
}

func newStatusPublishCmd(app *App) *cobra.Command {
	var to string
	cmd := &cobra.Command{
		Use:   "publish --to URL",
		Short: "cli.status.publish.short",
		Long:  "cli.status.publish.long",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if to == "" {
				return usageError("cli.status.need-to", nil)
			}
			files, err := app.buildStatus(false)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			if ctx == nil {
				ctx = context.Background()
			}
			note := func(n string) { fmt.Fprintf(app.IO.Err, "crisis: %s\n", n) }
			res, err := statussite.Publish(ctx, files, to, statussite.PublishOptions{Now: app.Now(), Note: note})
			if err != nil {
				return err
			}
			fmt.Fprintln(app.IO.Err, "crisis: "+app.T("cli.status.published", map[string]any{"To": to, "Written": res.Written, "Unchanged": res.Unchanged, "Deleted": res.Deleted}))
			return nil
		},
	}
	cmd.Flags().StringVar(&to, "to", "", "cli.flag.to")
	return cmd
}

func (a *App) buildStatus(drill bool) (statussite.Files, error) {
	m, _, err := a.Manual()
	if err != nil {
		return nil, err
	}
	base := a.Config.GetString("base-url")
	if base == "" {
		if base = statussite.DefaultBaseURL(m); base == "" {
			return nil, usageError("cli.status.need-base-url", nil)
		}
	}
	incidents, err := statussite.Read(a.runsDir(), m, drill)
	if err != nil {
		return nil, err
	}
	built, err := a.siteTime()
	if err != nil {
		return nil, err
	}
	return statussite.Build(statussite.Options{Manual: m, Incidents: incidents, Now: built, BaseURL: base, Drill: drill})
}

// siteTime is the time a status site says it was built at: now, or
// SOURCE_DATE_EPOCH where set, the reproducible-builds convention
// (https://reproducible-builds.org/specs/source-date-epoch/), so that two
// builds of the same runs give the same files byte for byte. A value that
// is not a whole number of seconds is an error, as the convention asks.
func (a *App) siteTime() (time.Time, error) {
	v, ok := os.LookupEnv("SOURCE_DATE_EPOCH")
	if !ok || v == "" {
		return a.Now(), nil
	}
	s, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}, usageError("sitetime.bad-epoch", map[string]any{"Value": strconv.Quote(v)})
	}
	return time.Unix(s, 0).UTC(), nil
}

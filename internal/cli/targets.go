package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/crisis-cli/crisis/internal/dispatch"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/runbook"
)

func newTargetsCmd(app *App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "targets",
		Short: "cli.targets.short",
		Args:  cobra.NoArgs,
	}
	check := &cobra.Command{
		Use:   "check [CHANNEL...]",
		Short: "cli.targets.check.short",
		Long:  "cli.targets.check.long",
		Example: `  crisis targets check
  crisis targets check email-customers telegram-channel`,
		RunE: func(cmd *cobra.Command, args []string) error {
			m, _, err := app.Manual()
			if err != nil {
				return err
			}
			if failed := checkTargets(cmd.Context(), app.IO.Out, m, args, dispatch.Env{}); failed > 0 {
				return &ExitError{Code: ExitFindings, Err: fmt.Errorf("%d target(s) failed their check", failed)}
			}
			return nil
		},
	}
	cmd.AddCommand(check)
	return cmd
}

// targetCheck is one target to check: a channel's, or its drill target.
type targetCheck struct {
	label  string
	cfg    dispatch.Config
	report dispatch.CheckReport
}

// checkTargets checks the targets of the channels named (all when none),
// a few at once, and writes what each could and could not verify. It
// returns how many failed.
func checkTargets(ctx context.Context, w io.Writer, m *manual.Manual, only []string, env dispatch.Env) int {
	want := map[string]bool{}
	for _, id := range only {
		want[id] = true
	}
	var checks []*targetCheck
	for i := range m.Channels {
		ch := &m.Channels[i]
		if ch.Target == nil || (len(want) > 0 && !want[ch.ID]) {
			continue
		}
		delete(want, ch.ID)
		checks = append(checks, &targetCheck{label: ch.ID, cfg: dispatch.FromManual(ch.ID, ch.Target)})
		if ch.Target.Drill != nil {
			checks = append(checks, &targetCheck{label: ch.ID + " (drill)", cfg: dispatch.FromManual(ch.ID, ch.Target.Drill)})
		}
	}
	failed := 0
	for id := range want {
		fmt.Fprintf(w, "%s: no channel with a delivery target has this id\n", id)
		failed++
	}
	if len(checks) == 0 && failed == 0 {
		fmt.Fprintln(w, "no channel of the manual has a delivery target")
		return 0
	}
	sem := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for _, c := range checks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			c.report = checkOne(ctx, m, c.cfg, env)
		}()
	}
	wg.Wait()
	for _, c := range checks {
		r := c.report
		status := "ok"
		if !r.OK() {
			status = "FAILED"
			failed++
		}
		fmt.Fprintf(w, "%s via %s: %s\n", c.label, c.cfg.Provider, status)
		for _, v := range r.Verified {
			fmt.Fprintf(w, "  verified: %s\n", v)
		}
		if r.Err != nil {
			fmt.Fprintf(w, "  error: %v\n", r.Err)
		}
		for _, v := range r.Unverified {
			fmt.Fprintf(w, "  not verified: %s\n", v)
		}
	}
	return failed
}

// checkOne opens a target (which resolves its secret) and checks it; a
// recipient list inside the manual's repository fails the check.
func checkOne(ctx context.Context, m *manual.Manual, cfg dispatch.Config, env dispatch.Env) dispatch.CheckReport {
	r := dispatch.CheckReport{Target: cfg.Name, Provider: cfg.Provider}
	if cfg.Recipients != nil && m.Root != manual.BuiltinRoot {
		if root, err := filepath.Abs(m.Root); err == nil {
			if err := cfg.Recipients.OutsideRepository(root); err != nil {
				r.Err = err
				return r
			}
		}
	}
	t, err := dispatch.Open(cfg, env)
	if err != nil {
		r.Err = err
		return r
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	return t.Check(ctx)
}

// dispatcher is what a run's send command sends with: the process's
// environment, live progress on standard output (plain when piped), and
// the runs folder and manual the status site target rebuilds from.
func (a *App) dispatcher() *runbook.Dispatcher {
	env := dispatch.Env{RunsDir: a.runsDir()}
	if m, _, err := a.Manual(); err == nil {
		env.Manual = m
	}
	return &runbook.Dispatcher{Env: env, Progress: a.IO.Out, Plain: !a.IO.OutTTY}
}

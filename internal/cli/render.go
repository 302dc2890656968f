package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crisis-cli/crisis/internal/channel"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/render"
	"github.com/crisis-cli/crisis/internal/ui"
)

type renderOptions struct {
	all      bool
	examples bool
	step     string
	channels []string
	vars     []string
	drill    bool
	format   *formatFlag
	out      string
	market   string // format 1.1: only what this market reads
	at       string // the incident's start, instead of now
}

func newRenderCmd(app *App) *cobra.Command {
	var o renderOptions
	cmd := &cobra.Command{
		Use:   "render PLAYBOOK | render --all",
		Short: "cli.render.short",
		Long:  "cli.render.long",
		Example: `  crisis render facebook-down --locale es --channel sms
  crisis render store-closure --var store_name="Valencia Centro" --format json
  crisis render meta-outage --drill --out announcements/`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: app.completePlaybooks,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.all != (len(args) == 0) {
				return usageError("cli.error.render-one-or-all", nil)
			}
			id := ""
			if len(args) == 1 {
				id = args[0]
			}
			return app.runRender(id, o)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.all, "all", false, "cli.flag.all")
	f.BoolVar(&o.examples, "examples", false, "cli.flag.examples")
	f.StringVar(&o.step, "step", "", "cli.flag.step")
	f.StringSliceVarP(&o.channels, "channel", "c", nil, "cli.render.flag.channel")
	f.StringArrayVar(&o.vars, "var", nil, "cli.flag.var")
	f.BoolVar(&o.drill, "drill", false, "cli.flag.drill")
	f.StringVar(&o.out, "out", "", "cli.render.flag.out")
	f.StringVar(&o.market, "market", "", "cli.render.flag.market")
	f.StringVar(&o.at, "at", "", "cli.render.flag.at")
	o.format = addFormatFlag(cmd, "text", "json", "markdown")
	return cmd
}

// funcList is the template functions, one a line, each example with what
// it does in l's language (cli.render.func.NAME), else in the words of
// its documentation.
func funcList(l *lang.Localizer) string {
	var s []string
	for _, f := range message.FuncDocs {
		example, doc, _ := strings.Cut(f.Doc, "}}: ")
		if id := "cli.render.func." + f.Name; l.Has(id) {
			doc = l.T(id, nil)
		}
		s = append(s, "\n  "+example+"}}: "+doc)
	}
	return strings.Join(s, "")
}

func (a *App) runRender(id string, o renderOptions) error {
	vars, err := parseVars(o.vars)
	if err != nil {
		return err
	}
	m, p, err := a.requireManual(id)
	if err != nil {
		return err
	}
	cat, err := message.NewCatalog(m)
	if err != nil {
		return &ExitError{Code: ExitManual, Err: err}
	}
	playbooks := m.Playbooks
	if p != nil {
		playbooks = []*manual.Playbook{p}
		if err := render.CheckVars(m, p, vars); err != nil {
			return usageErrorf("--var %w", err)
		}
		if err := checkStep(p, o.step); err != nil {
			return err
		}
	}
	if err := checkChannels(m, o.channels); err != nil {
		return err
	}
	locales, err := a.locales(m)
	if err != nil {
		return err
	}
	if err := checkMarket(m, o.market, locales); err != nil {
		return err
	}
	start, err := parseAt(o.at, atZone(m, o.market), a.Now)
	if err != nil {
		return err
	}
	rendered := render.Playbooks(m, cat, playbooks, func(pb *manual.Playbook) render.Options {
		return render.Options{Step: o.step, Channels: o.channels, Locales: locales, Vars: vars, Drill: o.drill, Market: o.market,
			Examples: o.examples, Clock: render.PreviewClock(pb, start)}
	})
	n := 0
	for _, r := range rendered {
		n += len(r.Announcements)
	}
	anns := make([]render.Announcement, 0, n)
	for i, r := range rendered {
		var missing *message.MissingError
		if errors.As(r.Err, &missing) {
			return &ExitError{Code: ExitUsage, Err: fmt.Errorf("%s: %w", playbooks[i].ID, r.Err)}
		}
		if r.Err != nil {
			return &ExitError{Code: ExitFindings, Err: r.Err}
		}
		anns = append(anns, r.Announcements...)
	}
	if len(anns) == 0 && p != nil && len(o.channels) > 0 {
		return usageErrorf("%s", nothingOn(m, p, o.channels))
	}
	a.reportFallbacks(anns)
	if o.format.value != "json" { // JSON: the same on every machine
		named(a.humanManual(m), anns)
	}
	if err := a.writeAnnouncements(o.format, anns); err != nil {
		return err
	}
	if o.out != "" {
		title := "All playbooks"
		if p != nil {
			title = a.localize(m, p).Title
		}
		if err := writeAnnouncementFiles(o.out, title, anns); err != nil {
			return err
		}
		fmt.Fprintln(a.IO.Err, "crisis: "+a.tr().N("cli.render.wrote", len(anns), map[string]any{"Dir": o.out}))
	}
	for _, an := range anns {
		if !an.Fits {
			return errSilent(ExitFindings)
		}
	}
	return nil
}

// locales returns the locales asked for with --locale (or the config's
// locale), split on commas, each a canonical BCP 47 tag (EN is en, es_ES
// es-ES) spelt as the manual spells it when it has that locale, whatever
// the letter case: tags are case-insensitive.
func (a *App) locales(m *manual.Manual) ([]string, error) {
	var out []string
	for _, l := range a.Config.GetStringSlice("locale") {
		for _, x := range strings.Split(l, ",") {
			if x = strings.TrimSpace(x); x == "" {
				continue
			}
			c, err := message.CanonicalLocale(x)
			if err != nil {
				return nil, usageErrorf("--locale: %v", err)
			}
			if i := slices.IndexFunc(m.Locales.Supported, func(s string) bool { return strings.EqualFold(s, c) }); i >= 0 {
				c = m.Locales.Supported[i]
			}
			out = append(out, c)
		}
	}
	return out, nil
}

func parseVars(list []string) (map[string]string, error) {
	vars := map[string]string{}
	for _, kv := range list {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return nil, usageError("cli.error.var-syntax", map[string]any{"Value": kv})
		}
		vars[k] = v
	}
	return vars, nil
}

// reportFallbacks says on stderr, once per message and locale, when a
// message was not found in the asked locale: a fallback is never silent.
func (a *App) reportFallbacks(anns []render.Announcement) {
	seen := map[string]bool{}
	for _, an := range anns {
		for _, w := range an.Warnings {
			if !seen[w] {
				seen[w] = true
				fmt.Fprintln(a.IO.Err, "crisis: warning: "+w)
			}
		}
	}
}

func (a *App) writeAnnouncements(format *formatFlag, anns []render.Announcement) error {
	return a.write(format, "", writers{
		"json": asJSON(anns),
		"markdown": func(w io.Writer) error {
			_, err := fmt.Fprint(w, ui.AnnouncementsMarkdown(anns))
			return err
		},
		// The cards are written at once: a write per card was a system
		// call per text, a thousand for the whole manual.
		"text": func(w io.Writer) error {
			th := a.Theme()
			var b strings.Builder
			for _, an := range anns {
				b.WriteString(ui.AnnouncementCard(th, an, ""))
			}
			_, err := io.WriteString(w, b.String())
			return err
		},
	})
}

func writeAnnouncementFiles(dir, title string, anns []render.Announcement) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, an := range anns {
		if err := os.WriteFile(filepath.Join(dir, ui.AnnouncementFile(an)), []byte(ui.AnnouncementPlain(an)), 0o644); err != nil {
			return err
		}
	}
	index := "# " + title + "\n\n" + ui.AnnouncementsMarkdown(anns)
	return os.WriteFile(filepath.Join(dir, "index.md"), []byte(index), 0o644)
}

// checkStep refuses an unknown --step with the closest ids.
func checkStep(p *manual.Playbook, step string) error {
	if step == "" || step == render.UpdatesStep {
		return nil
	}
	ids := append(p.StepIDs(), render.UpdatesStep)
	for _, s := range p.FollowUp {
		ids = append(ids, s.ID)
	}
	if slices.Contains(ids, step) {
		return nil
	}
	data := map[string]any{"Playbook": p.ID, "Step": step, "Steps": strings.Join(ids, ", ")}
	if hint := didYouMean(step, ids); hint != nil {
		data["Hint"] = hint
		return usageError("cli.error.no-step-hint", data)
	}
	return usageError("cli.error.no-step", data)
}

// checkChannels refuses a --channel that is neither a channel of the
// manual nor a channel kind.
func checkChannels(m *manual.Manual, filter []string) error {
	var known []string
	for _, c := range m.Channels {
		known = append(known, c.ID)
	}
	for _, f := range filter {
		if m.Channel(f) != nil {
			continue
		}
		if _, ok := channel.Lookup(f); ok {
			continue
		}
		if hint := didYouMean(f, append(known, channel.Kinds()...)); hint != nil {
			return usageError("cli.error.unknown-channel-hint", map[string]any{"Name": f, "Hint": hint})
		}
		return usageError("cli.error.unknown-channel-manual", map[string]any{"Name": f, "Channels": strings.Join(known, ", ")})
	}
	return nil
}

// nothingOn explains why a channel filter selected nothing: the channel is
// down in this scenario, or the playbook simply does not announce on it.
func nothingOn(m *manual.Manual, p *manual.Playbook, filter []string) string {
	for _, f := range filter {
		if c := m.Channel(f); c != nil && m.IsDown(p, c.ID) {
			var fb []string
			for _, f := range p.Fallbacks {
				fb = append(fb, f.Audience.ID+": "+joinRefs(f.Channels))
			}
			return fmt.Sprintf("%s is down in %s; its fallbacks are %s", c.ID, p.ID, strings.Join(fb, "; "))
		}
	}
	var used []string
	for _, s := range slices.Concat(p.Steps, p.FollowUp) {
		for _, a := range s.Announce {
			for _, c := range a.Channels {
				if !slices.Contains(used, c.ID) {
					used = append(used, c.ID)
				}
			}
		}
	}
	return fmt.Sprintf("%s announces nothing on %s; it uses %s", p.ID, strings.Join(filter, ", "), strings.Join(used, ", "))
}

func joinRefs(refs []manual.Ref) string {
	ids := make([]string, len(refs))
	for i, r := range refs {
		ids[i] = r.ID
	}
	return strings.Join(ids, ", ")
}

// named gives each text the name of its channel in m (the manual in the
// operator's language), as the human formats head it.
func named(m *manual.Manual, anns []render.Announcement) {
	for i := range anns {
		if c := m.Channel(anns[i].Channel); c != nil {
			anns[i].ChannelName = c.Name
		}
	}
}

package cli

import (
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/crisis-cli/crisis/internal/channel"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/lint/output"
	"github.com/crisis-cli/crisis/internal/scaffold"
	"github.com/crisis-cli/crisis/internal/statussite"
	"github.com/crisis-cli/crisis/internal/suggest"
)

// The command tree holds message ids where help texts go (Short: "cli.lint.short",
// a flag's usage "cli.flag.strict"); the words are in internal/lang/locales/cli.*.yaml.
// They are filled in, in the interface language, only when help is shown
// (--help, usage, completion descriptions, man pages): a command that
// prints no help never parses the catalogue, which keeps start-up fast.

// tr is the localizer of the interface language, made on first use.
func (a *App) tr() *lang.Localizer {
	if a.l == nil {
		a.l = lang.For(a.Lang).WithRegion(a.Region)
	}
	return a.l
}

// T is message id in the interface language.
func (a *App) T(id string, data map[string]any) string { return a.tr().T(id, data) }

// usageError is a mistake in the command line, said in the interface
// language.
func usageError(id string, data map[string]any) error {
	return &ExitError{Code: ExitUsage, Err: lang.Errorf(id, data)}
}

// isMessageID tells a message id ("cli.lint.short") from a text already in
// words: commands added without the catalogue keep their own text.
func isMessageID(s string) bool {
	return strings.HasPrefix(s, "cli.") && !strings.ContainsAny(s, " \n")
}

// localizeHelp fills every command's Short and Long and every flag's usage
// in the interface language, once. cobra's own commands (help,
// completion) have no ids: their texts are replaced where the catalogue
// has one by the command's path (cli.completion.bash.long).
func (a *App) localizeHelp(root *cobra.Command) {
	if a.helpDone {
		return
	}
	a.helpDone = true
	l := a.tr()
	data := a.helpData()
	text := func(s, id string) string {
		if isMessageID(s) {
			return l.T(s, data)
		}
		if l.Has(id) {
			return l.T(id, data)
		}
		return s
	}
	root.InitDefaultHelpCmd()
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		id := commandID(c)
		c.Short = text(c.Short, id+".short")
		c.Long = text(c.Long, id+".long")
		c.InitDefaultHelpFlag()
		localizeFlag := func(f *pflag.Flag) {
			switch ff, ok := f.Value.(*formatFlag); {
			case f.Name == "help" && !isMessageID(f.Usage):
				f.Usage = l.T("cli.flag.help", map[string]any{"Command": c.Name()})
			case ok && isMessageID(f.Usage):
				f.Usage = l.T(f.Usage, map[string]any{"Formats": l.Or(ff.allowed)})
			default:
				f.Usage = text(f.Usage, "cli.flag."+f.Name)
			}
		}
		c.PersistentFlags().VisitAll(localizeFlag)
		c.Flags().VisitAll(localizeFlag)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// commandID is the catalogue prefix of a command's help: cli.root,
// cli.lint, cli.new.playbook.
func commandID(c *cobra.Command) string {
	if !c.HasParent() {
		return "cli.root"
	}
	return "cli." + strings.ReplaceAll(strings.TrimPrefix(c.CommandPath(), c.Root().Name()+" "), " ", ".")
}

// helpData are the lists help texts name, computed where they are defined
// so the texts never go stale.
func (a *App) helpData() map[string]any {
	l := a.tr()
	return map[string]any{
		"Kinds":           strings.Join(channel.Kinds(), ", "),
		"Scenarios":       strings.Join(scaffold.ScenarioIDs(), ", "),
		"Audiences":       strings.Join(scaffold.AudienceIDs(), ", "),
		"Channels":        strings.Join(scaffold.ChannelIDs(), ", "),
		"LintFormats":     l.Or(output.Formats()),
		"Funcs":           funcList(l),
		"SchemaDir":       scaffold.SchemaDir,
		"DrillPreviewDir": statussite.DrillPreviewDir,
		"Languages":       lang.Names,
	}
}

// help prints a command's help in the interface language, as cobra's
// default help does: its long description, then its usage.
func (a *App) help(c *cobra.Command, _ []string) {
	a.localizeHelp(c.Root())
	w := c.OutOrStdout()
	if s := strings.TrimRightFunc(cmp.Or(fitText(c.Long), wrap(c.Short, helpWidth, 0)), unicode.IsSpace); s != "" {
		fmt.Fprintf(w, "%s\n\n", s)
	}
	if c.Runnable() || c.HasSubCommands() {
		fmt.Fprint(w, c.UsageString())
	}
}

// usage prints a command's usage as cobra's default usage does, with the
// headings in the interface language, and the exit status section every
// page ends with.
func (a *App) usage(c *cobra.Command) error {
	a.localizeHelp(c.Root())
	l := a.tr()
	w := c.OutOrStderr()
	fmt.Fprint(w, l.T("cli.usage.usage", nil))
	// cobra's own placeholders, [flags] and [command], in the interface
	// language too.
	flags, command := "["+l.T("usage.flags", nil)+"]", "["+l.T("usage.command", nil)+"]"
	if c.Runnable() {
		use := strings.NewReplacer("[flags]", flags, "[command]", command).Replace(c.UseLine())
		for _, form := range fitUsage(use, c.Root().Name()) {
			fmt.Fprintf(w, "\n  %s", form)
		}
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(w, "\n  %s %s", c.CommandPath(), command)
	}
	if len(c.Aliases) > 0 {
		fmt.Fprintf(w, "\n\n%s\n  %s", l.T("cli.usage.aliases", nil), c.NameAndAliases())
	}
	if c.HasExample() {
		fmt.Fprintf(w, "\n\n%s\n%s", l.T("cli.usage.examples", nil), fitText(c.Example))
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(w, "\n\n%s", l.T("cli.usage.commands", nil))
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				fmt.Fprintf(w, "\n  %-*s %s", sub.NamePadding(), sub.Name(), wrap(sub.Short, helpWidth-3-sub.NamePadding(), 3+sub.NamePadding()))
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		fmt.Fprintf(w, "\n\n%s\n%s", l.T("cli.usage.flags", nil), a.flagUsages(c.LocalFlags()))
	}
	if c.HasAvailableInheritedFlags() {
		fmt.Fprintf(w, "\n\n%s\n%s", l.T("cli.usage.global-flags", nil), a.flagUsages(c.InheritedFlags()))
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(w, "\n\n%s", wrap(l.T("cli.usage.more", map[string]any{"Command": c.CommandPath()}), helpWidth, 0))
	}
	_, err := fmt.Fprintf(w, "\n\n%s\n", l.T("cli.exit-status", nil))
	return err
}

// helpWidth is the width help is written for: an 80-column terminal, in
// every language (the descriptions are longer in some than in English).
const helpWidth = 80

// wrap breaks s into lines of at most width columns, the lines after the
// first indented by indent spaces.
func wrap(s string, width, indent int) string {
	var b strings.Builder
	n := 0
	for i, word := range strings.Fields(s) {
		w := utf8.RuneCountInString(word)
		switch {
		case i == 0:
		case n+1+w > width:
			b.WriteString("\n" + strings.Repeat(" ", indent))
			n = 0
		default:
			b.WriteByte(' ')
			n++
		}
		b.WriteString(word)
		n += w
	}
	return b.String()
}

// flagUsages is pflag's flag table with its "(default x)" in the
// interface language.
func (a *App) flagUsages(fs *pflag.FlagSet) string {
	def := a.T("cli.usage.default", nil)
	// pflag wraps before the word is replaced: leave room for a longer one.
	width := helpWidth - max(0, utf8.RuneCountInString(def)-len("default"))
	s := strings.TrimRightFunc(fs.FlagUsagesWrapped(width), unicode.IsSpace)
	return strings.ReplaceAll(s, " (default ", " ("+def+" ")
}

// errorText is err as the user reads it, in the interface language:
// crisis's own messages through the catalogue, and the command-line
// mistakes pflag and cobra report in English by their type or wording.
func (a *App) errorText(err error) string {
	l := a.tr()
	var (
		notExist *pflag.NotExistError
		needs    *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
	)
	switch {
	case errors.As(err, &notExist) && notExist.GetSpecifiedShortnames() != "":
		return l.T("cli.error.unknown-shorthand", map[string]any{"Flag": "-" + notExist.GetSpecifiedName(), "In": "-" + notExist.GetSpecifiedShortnames()})
	case errors.As(err, &notExist):
		return l.T("cli.error.unknown-flag", map[string]any{"Flag": "--" + notExist.GetSpecifiedName()})
	case errors.As(err, &needs):
		name := "--" + needs.GetSpecifiedName()
		if needs.GetSpecifiedShortnames() != "" {
			name = "-" + needs.GetSpecifiedName()
		}
		return l.T("cli.error.flag-needs-value", map[string]any{"Flag": name})
	case errors.As(err, &invalid):
		return l.T("cli.error.flag-invalid", map[string]any{"Flag": "--" + invalid.GetFlag().Name, "Value": invalid.GetValue(), "Why": l.Text(errors.Unwrap(invalid))})
	}
	s := err.Error()
	for _, p := range cobraErrors {
		if m := p.re.FindStringSubmatch(s); m != nil {
			data := map[string]any{}
			for i, name := range p.re.SubexpNames()[1:] {
				data[name] = m[i+1]
			}
			return l.T(p.id, data)
		}
	}
	return l.Text(err)
}

// cobraErrors are the argument checks cobra words in English only, by
// their wording in cobra v1.10 (TestCobraErrorsTranslated notices a change).
var cobraErrors = []struct {
	re *regexp.Regexp
	id string
}{
	{regexp.MustCompile(`^accepts at most (?P<Max>\d+) arg\(s\), received (?P<Got>\d+)$`), "cli.error.args-at-most"},
	{regexp.MustCompile(`^accepts (?P<Want>\d+) arg\(s\), received (?P<Got>\d+)$`), "cli.error.args-exact"},
	{regexp.MustCompile(`^requires at least (?P<Min>\d+) arg\(s\), only received (?P<Got>\d+)$`), "cli.error.args-at-least"},
	{regexp.MustCompile(`^unknown command "(?P<Arg>.*)" for "(?P<Command>.*)"$`), "cli.error.no-args"},
	{regexp.MustCompile(`^required flag\(s\) (?P<Flags>.*) not set$`), "cli.error.required-flags"},
}

// didYouMean names the candidates near name, as a hint inside another
// message, or nil when none is near.
func didYouMean(name string, candidates []string) *lang.Error {
	c := suggest.Closest(name, candidates)
	if len(c) == 0 {
		return nil
	}
	return lang.Errorf("cli.hint.did-you-mean", map[string]any{"Names": `"` + strings.Join(c, `", "`) + `"`})
}

package cli

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crisis-cli/crisis/internal/drill"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/runbook"
)

type quizOptions struct {
	on        bool
	questions int
	seed      uint64
}

func newDrillCmd(app *App) *cobra.Command {
	var o runOptions
	var q quizOptions
	cmd := &cobra.Command{
		Use:   "drill PLAYBOOK | drill --resume [PLAYBOOK|RUN-ID] | drill PLAYBOOK --quiz",
		Short: "cli.drill.short",
		Long:  "cli.drill.long",
		Example: `  crisis drill facebook-down --speed 8
  crisis drill meta-outage --quiz
  crisis drill --resume`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: app.completePlaybooks,
		RunE: func(cmd *cobra.Command, args []string) error {
			if q.on {
				return app.runQuiz(cmd, args, o, q)
			}
			// NaN fails both comparisons: it is refused too.
			if !(o.speed >= minSpeed && o.speed <= maxSpeed) {
				return usageError("cli.drill.speed-range", map[string]any{"Min": minSpeed, "Max": maxSpeed})
			}
			o.drill = true
			return app.runRun(cmd, args, o)
		},
	}
	addRunFlags(cmd, &o)
	f := cmd.Flags()
	f.Float64Var(&o.speed, "speed", 1, "cli.flag.speed")
	f.BoolVar(&q.on, "quiz", false, "cli.flag.quiz")
	f.IntVar(&q.questions, "questions", 6, "cli.flag.questions")
	f.Uint64Var(&q.seed, "seed", 0, "cli.flag.seed")
	return cmd
}

// The ranges of drill's numbers: a drill runs from real time (1) to 1000
// times faster (a two-hour playbook in seven seconds; faster, no one could
// follow it and journal times lose their meaning), and a quiz has at most
// maxQuestions questions.
const (
	minSpeed     = 1
	maxSpeed     = 1000
	maxQuestions = 100
)

func (a *App) runQuiz(cmd *cobra.Command, args []string, o runOptions, q quizOptions) error {
	if len(args) != 1 {
		return usageError("cli.quiz.name-playbook", nil)
	}
	if q.questions < 1 || q.questions > maxQuestions {
		return usageError("cli.quiz.questions-range", map[string]any{"Max": maxQuestions})
	}
	if !a.IO.CanPrompt() && o.answers == "" {
		return usageError("cli.quiz.needs-terminal", nil)
	}
	m, p, err := a.requirePlaybook(args[0])
	if err != nil {
		return err
	}
	m = a.humanManual(m)
	seed := q.seed
	if seed == 0 {
		seed = uint64(a.Now().UnixNano())
	}
	input, closeInput, err := a.input(cmd, o)
	if err != nil {
		return err
	}
	defer closeInput()
	th := a.Theme()
	loc := m.Locales.Default
	l, err := a.locales(m)
	if err != nil {
		return err
	}
	if len(l) > 0 {
		loc = l[0]
	}
	fmt.Fprintf(a.IO.Out, "%s %s\n\n", th.Drill.Render(m.DrillMark(loc)+" "+a.T("cli.quiz.title", nil)), p.Title)
	questions := drill.Quiz(m, p, q.questions, seed, a.tr())
	right := 0
	for i, qu := range questions {
		ok, err := a.askQuestion(input, i, qu)
		if err != nil {
			return err
		}
		if ok {
			right++
		}
	}
	fmt.Fprintf(a.IO.Out, "\n%s %s\n", th.Title.Render(a.T("cli.quiz.score", nil)),
		a.T("cli.quiz.score-line", map[string]any{"Right": right, "Of": len(questions), "Seed": seed}))
	return nil
}

func (a *App) askQuestion(in runbook.Input, i int, q drill.Question) (bool, error) {
	th := a.Theme()
	fmt.Fprintf(a.IO.Out, "%s %s\n", th.Bold.Render(fmt.Sprintf("%d.", i+1)), q.Text)
	for j, opt := range q.Options {
		fmt.Fprintf(a.IO.Out, "   %d) %s\n", j+1, opt)
	}
	for {
		line, err := in.ReadLine(a.T("cli.quiz.prompt", nil) + " > ")
		if errors.Is(err, io.EOF) {
			return false, lang.Errorf("cli.quiz.input-ended", map[string]any{"N": i + 1})
		}
		if err != nil {
			return false, err
		}
		n, err := strconv.Atoi(strings.TrimSpace(line))
		if err != nil || n < 1 || n > len(q.Options) {
			fmt.Fprintln(a.IO.Out, a.T("cli.quiz.answer-number", map[string]any{"Max": len(q.Options)}))
			continue
		}
		if n-1 == q.Answer {
			fmt.Fprintf(a.IO.Out, "%s (%s)\n\n", th.OK.Render("✓ "+a.T("cli.quiz.right", nil)), q.Source)
			return true, nil
		}
		fmt.Fprintf(a.IO.Out, "%s %s (%s)\n\n", th.Error.Render("✗ "+a.T("cli.quiz.wrong", nil)),
			a.T("cli.quiz.answer-is", map[string]any{"N": q.Answer + 1, "Option": q.Options[q.Answer], "Why": q.Why}), q.Source)
		return false, nil
	}
}

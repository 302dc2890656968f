package drill

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/render"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// InjectView shows injects to the trainee.
type InjectView interface {
	Inject(s *runbook.Session, index int, in manual.Inject, draft string)
	// Expected shows what the manual expected, after the trainee answered:
	// shown before, it would be copied rather than practised.
	Expected(in manual.Inject)
}

// Injector delivers a playbook's injects during a drill and journals the
// trainee's responses.
type Injector struct {
	S    *runbook.Session
	In   runbook.Input
	View InjectView
	// PlanOrder delivers an inject once the current step's deadline is past
	// its offset, whatever the clock says. Scripted drills (--answers,
	// --yes) use it: no time passes between their answers.
	PlanOrder bool
	Auto      bool
	// L words the prompts in the interface language; nil is English.
	L *lang.Localizer
}

// t is message id in the interface language.
func (d *Injector) t(id string) string {
	if d.L == nil {
		d.L = lang.For(language.English)
	}
	return d.L.T(id, nil)
}

// Due reports whether inject i should have arrived.
func (d *Injector) Due(in manual.Inject) bool {
	if !d.S.Now().Before(d.S.State.StartedAt.Add(in.At)) {
		return true
	}
	if d.PlanOrder {
		st := d.S.Current()
		return st == nil || st.Deadline >= in.At
	}
	return false
}

// NextAt is when the next inject not yet delivered falls due, so a waiting
// prompt wakes for it.
func (d *Injector) NextAt() (time.Time, bool) {
	var next time.Time
	for i, in := range d.S.Playbook.Drill.Injects {
		if d.S.State.Injects[i] != nil {
			continue
		}
		at := d.S.State.StartedAt.Add(in.At)
		if next.IsZero() || at.Before(next) {
			next = at
		}
	}
	return next, !next.IsZero()
}

// Deliver shows every inject that is due and not yet answered, and asks
// for the response. It is the flow's OnCommand hook.
func (d *Injector) Deliver() error {
	for i, in := range d.S.Playbook.Drill.Injects {
		st := d.S.State.Injects[i]
		if (st != nil && !st.Answered.IsZero()) || !d.Due(in) {
			continue
		}
		if st == nil {
			if err := d.S.InjectArrived(i, in.Event); err != nil {
				return err
			}
		}
		draft, err := d.draft(in)
		if err != nil {
			return err
		}
		d.View.Inject(d.S, i, in, draft)
		resp, err := d.respond(in, draft)
		if err != nil {
			return err
		}
		d.View.Expected(in)
		matched, err := d.assess()
		if err != nil {
			return err
		}
		if err := d.S.InjectAnswered(i, resp, matched); err != nil {
			return err
		}
	}
	return nil
}

// draft renders the reply template of a reply inject, marked as a drill.
func (d *Injector) draft(in manual.Inject) (string, error) {
	if in.Respond != "reply" || in.Message.ID == "" {
		return "", nil
	}
	loc := d.S.State.PrimaryLocale(d.S.Manual.Locales.Default)
	// The run's own values, as its announcements get them; a variable only
	// a reply uses was never asked for, so its example stands in.
	opts := d.S.RenderOptions()
	opts.Examples, opts.Drill = true, true
	res, err := render.Message(d.S.Manual, d.S.Catalog, d.S.Playbook, in.Message.ID, "default", loc, opts)
	if in.Channel.ID != "" || in.Market.ID != "" {
		// On the inject's channel (1.1): its kind, and the facts and
		// clock of the person's market, as a reply in a run has them.
		res, _, err = render.InjectReply(d.S.Manual, d.S.Catalog, d.S.Playbook, in.Message.ID, d.S.Manual.Channel(in.Channel.ID), in.Market.ID, loc, opts)
	}
	if err != nil {
		return "", fmt.Errorf("inject reply %s: %w", in.Message.ID, err)
	}
	return res.Text, nil
}

func (d *Injector) respond(in manual.Inject, draft string) (string, error) {
	if d.Auto {
		if draft != "" {
			return draft, nil
		}
		return "acknowledged: " + in.Expect, nil
	}
	prompt := d.t("run.inject.decision")
	if draft != "" {
		prompt = d.t("run.inject.reply")
	}
	for {
		line, err := d.In.ReadLine(prompt)
		if errors.Is(err, io.EOF) {
			if perr := d.S.Pause(); perr != nil {
				return "", perr
			}
			return "", fmt.Errorf("%w: input ended", runbook.ErrPaused)
		}
		if err != nil {
			return "", err
		}
		line = strings.TrimSpace(line)
		switch {
		case line == "" && draft != "":
			return draft, nil
		case strings.HasPrefix(line, "set "):
			// An inject that brings a new fact (two more stores affected)
			// is answered by setting it, as in a real run.
			if err := d.set(strings.TrimPrefix(line, "set ")); err != nil {
				if errors.As(err, new(*runbook.JournalError)) {
					return "", err
				}
				if w, ok := d.View.(interface{ Warn(string, ...any) }); ok {
					w.Warn("%v", err)
				}
				continue
			}
			return line, nil
		case line != "":
			return line, nil
		}
	}
}

// assess asks the trainee whether their answer did what the manual
// expected: only answers that did score.
func (d *Injector) assess() (bool, error) {
	if d.Auto {
		return true, nil
	}
	for {
		line, err := d.In.ReadLine(d.t("run.inject.did-it"))
		if errors.Is(err, io.EOF) {
			if perr := d.S.Pause(); perr != nil {
				return false, perr
			}
			return false, fmt.Errorf("%w: input ended", runbook.ErrPaused)
		}
		if err != nil {
			return false, err
		}
		switch strings.ToLower(strings.TrimSpace(line)) {
		case "y", "yes", "s", "sí", "si", "t", "tak", "sim":
			return true, nil
		case "n", "no", "nie", "não", "nao":
			return false, nil
		}
	}
}

// set carries out a set NAME=VALUE typed as an inject's answer.
func (d *Injector) set(arg string) error {
	name, val, ok := strings.Cut(arg, "=")
	if !ok || strings.TrimSpace(name) == "" {
		return lang.Errorf("run.set-usage", nil)
	}
	return d.S.Set(strings.TrimSpace(name), strings.TrimSpace(val))
}

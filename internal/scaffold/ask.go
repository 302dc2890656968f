package scaffold

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// LineReader reads one answer after printing a prompt. The command layer
// provides one that Ctrl-C interrupts.
type LineReader interface {
	ReadLine(prompt string) (string, error)
}

// Ask is the questionnaire of `crisis init` on a terminal. Each question
// offers the answer already known (from flags, or the previous round) in
// brackets; an empty answer keeps it. Answers are checked as they come,
// and the whole is checked at the end: what would make the manual fail
// lint is explained and the questions asked again.
func Ask(in LineReader, out io.Writer, o Options) (Options, error) {
	q := asker{in: in, out: out}
	fmt.Fprintln(out, "A few questions to write your crisis manual.\nPress Enter to keep the answer in brackets.")
	for {
		if err := q.round(&o); err != nil {
			return o, err
		}
		err := o.Validate()
		if err == nil {
			return o, nil
		}
		fmt.Fprintf(out, "\nThat manual would not pass lint:\n  %s\nLet us go through the answers again.\n\n",
			strings.ReplaceAll(err.Error(), "\n", "\n  "))
	}
}

type asker struct {
	in  LineReader
	out io.Writer
}

func (q asker) round(o *Options) error {
	steps := []func(*Options) error{
		func(o *Options) error {
			return q.text("Organisation, as it signs its messages", &o.Organisation, func(s string) error {
				if s == "" {
					return fmt.Errorf("a name is needed")
				}
				return nil
			})
		},
		func(o *Options) error {
			return q.text("Time zone (IANA name, e.g. Europe/Madrid, America/Lima)", &o.Timezone, func(s string) error {
				if !validZone(s) {
					return errors.New(zoneError(s))
				}
				return nil
			})
		},
		func(o *Options) error {
			return q.text("First language of your messages ("+strings.Join(Locales(), ", ")+")", &o.Locale, oneOf(Locales()))
		},
		func(o *Options) error {
			return q.list("Other languages they are translated into (comma-separated, - for none)", &o.Others, Locales())
		},
		func(o *Options) error {
			return q.yesNo("A small organisation of one or two people, with no deputies and no staff channels", &o.Small)
		},
		func(o *Options) error {
			if len(o.Audiences) == 0 {
				o.Audiences = DefaultAudiences(o.Small)
			}
			return q.list("Who must hear from you in a crisis ("+strings.Join(AudienceIDs(), ", ")+")", &o.Audiences, AudienceIDs())
		},
		func(o *Options) error {
			fmt.Fprintln(q.out, "Channels you really have:")
			for _, c := range channels {
				fmt.Fprintf(q.out, "  %-12s %s\n", c.id, english.channel[c.id])
			}
			return q.list("Your channels (comma-separated)", &o.Channels, ChannelIDs())
		},
		func(o *Options) error {
			return q.person("Spokesperson: name, phone, e-mail", &o.Spokesperson, true)
		},
		func(o *Options) error {
			return q.person("Approver of public messages (- if the spokesperson approves)", &o.Approver, false)
		},
		func(o *Options) error {
			if o.Small {
				return nil
			}
			if err := q.person("Spokesperson's deputy: name, phone, e-mail", &o.SpokespersonDeputy, true); err != nil {
				return err
			}
			if o.Approver.Name == "" {
				return nil
			}
			return q.person("Approver's deputy: name, phone, e-mail", &o.ApproverDeputy, true)
		},
	}
	for _, step := range steps {
		if err := step(o); err != nil {
			return err
		}
	}
	return nil
}

// ask reads one answer; an empty one keeps def. It re-asks until check
// accepts the answer.
func (q asker) ask(question, def string, check func(string) error) (string, error) {
	for {
		prompt := question
		if def != "" {
			prompt += " [" + def + "]"
		}
		line, err := q.in.ReadLine(prompt + ": ")
		if err != nil {
			return "", err
		}
		answer := strings.TrimSpace(line)
		if answer == "" {
			answer = def
		}
		if err := check(answer); err != nil {
			fmt.Fprintf(q.out, "  %v\n", err)
			continue
		}
		return answer, nil
	}
}

func (q asker) text(question string, v *string, check func(string) error) error {
	s, err := q.ask(question, *v, check)
	if err == nil {
		*v = s
	}
	return err
}

func (q asker) list(question string, v *[]string, allowed []string) error {
	s, err := q.ask(question, strings.Join(*v, ", "), func(s string) error {
		for _, x := range splitList(s) {
			if err := oneOf(allowed)(x); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		*v = splitList(s)
	}
	return err
}

func (q asker) yesNo(question string, v *bool) error {
	def := "n"
	if *v {
		def = "y"
	}
	s, err := q.ask(question+" (y/n)", def, oneOf([]string{"y", "n", "yes", "no"}))
	if err == nil {
		*v = strings.HasPrefix(s, "y")
	}
	return err
}

func (q asker) person(question string, v *Person, required bool) error {
	var p Person
	_, err := q.ask(question, v.String(), func(s string) error {
		if s == "-" && !required {
			p = Person{}
			return nil
		}
		var err error
		if p, err = ParsePerson(s); err != nil {
			return err
		}
		if required && p.Phone == "" {
			return fmt.Errorf("a phone number is needed: it is how people reach them when the channels fail")
		}
		return nil
	})
	if err == nil {
		*v = p
	}
	return err
}

// splitList reads "a, b c" as [a b c]; "-" is the empty list.
func splitList(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		if f != "-" && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

func oneOf(allowed []string) func(string) error {
	return func(s string) error {
		if !slices.Contains(allowed, s) {
			return fmt.Errorf("%q is not one of %s", s, strings.Join(allowed, ", "))
		}
		return nil
	}
}

package drill_test

import (
	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/lang"
	"golang.org/x/text/language"
	"io/fs"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/crisis-cli/crisis/internal/channel"
	"github.com/crisis-cli/crisis/internal/drill"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
)

func example(t *testing.T) (*manual.Manual, *message.Catalog) { return exampletest.Load(t) }

func TestQuizIsDeterministic(t *testing.T) {
	m, _ := example(t)
	p := m.Playbook("meta-outage")
	a := drill.Quiz(m, p, 6, 42, english)
	b := drill.Quiz(m, p, 6, 42, english)
	if len(a) != 6 || !reflect.DeepEqual(a, b) {
		t.Fatalf("two quizzes with seed 42 differ:\n%+v\n%+v", a, b)
	}
	// Some seed must change the quiz, or the seed does nothing.
	for seed := uint64(1); seed < 20; seed++ {
		if !reflect.DeepEqual(a, drill.Quiz(m, p, 6, seed, english)) {
			return
		}
	}
	t.Error("19 other seeds all give the quiz of seed 42")
}

// TestQuizQuestions checks every question of every example playbook over
// several seeds: n distinct questions, the Answer indexing the right option
// (worked out here independently of the generator), and a source that is a
// real line of the manual.
func TestQuizQuestions(t *testing.T) {
	m, _ := example(t)
	const n = 5
	for _, p := range m.Playbooks {
		t.Run(p.ID, func(t *testing.T) {
			for seed := uint64(0); seed < 8; seed++ {
				qs := drill.Quiz(m, p, n, seed, english)
				if len(qs) != n {
					t.Fatalf("seed %d: %d questions, want %d", seed, len(qs), n)
				}
				seen := map[string]bool{}
				for _, q := range qs {
					if seen[q.Text] {
						t.Errorf("seed %d: question asked twice: %s", seed, q.Text)
					}
					seen[q.Text] = true
					checkQuestion(t, m, p, q)
				}
			}
		})
	}
}

func checkQuestion(t *testing.T, m *manual.Manual, p *manual.Playbook, q drill.Question) {
	t.Helper()
	if q.Answer < 0 || q.Answer >= len(q.Options) || len(q.Options) < 2 {
		t.Errorf("%q: answer %d of options %q", q.Text, q.Answer, q.Options)
		return
	}
	if c := slices.Clone(q.Options); len(slices.Compact(slices.Sorted(slices.Values(c)))) != len(q.Options) {
		t.Errorf("%q: repeated options %q", q.Text, q.Options)
	}
	got := q.Options[q.Answer]
	right, onLine, ok := rightAnswer(m, p, q)
	if !ok {
		t.Errorf("a question this test does not know: %q", q.Text)
		return
	}
	if !right(got) {
		t.Errorf("%q: answer %q is wrong (options %q)", q.Text, got, q.Options)
	}
	for i, o := range q.Options {
		if i != q.Answer && right(o) {
			t.Errorf("%q: option %q is right too", q.Text, o)
		}
	}
	checkSource(t, q, onLine)
}

// rightAnswer tells, for a question, which options are right, from the
// manual itself, and what its source line must hold.
func rightAnswer(m *manual.Manual, p *manual.Playbook, q drill.Question) (right func(string) bool, onLine string, ok bool) {
	is := func(want string) func(string) bool { return func(s string) bool { return s == want } }
	prefix := p.Title + ": "
	switch {
	case strings.HasPrefix(q.Text, prefix+"which channel reaches ") && strings.HasSuffix(q.Text, " first?"):
		aud := strings.TrimSuffix(strings.TrimPrefix(q.Text, prefix+"which channel reaches "), " first?")
		for _, f := range p.Fallbacks {
			if f.Audience.ID == aud {
				return is(f.Channels[0].ID), f.Channels[0].ID, true
			}
		}
	case strings.HasPrefix(q.Text, prefix+"who approves messages when "):
		role := m.Role(p.Approver.ID)
		if !strings.Contains(q.Text, m.Person(role.Person.ID).Label()) {
			return nil, "", false
		}
		return is(m.Person(role.Deputies[0].ID).Label()), role.Deputies[0].ID, true
	case q.Text == prefix+"who speaks for the brand?":
		id := m.Role(p.Speaker.ID).Person.ID
		return is(m.Person(id).Label()), "person: " + id, true
	case q.Text == prefix+"which of these channels can NOT be used?":
		// The source is the value of down: its first domain or channel.
		first := ""
		if refs := slices.Concat(p.Down.Domains, p.Down.Channels); len(refs) > 0 {
			first = refs[0].ID
		}
		return func(s string) bool { return m.Channel(s) != nil && m.IsDown(p, s) }, first, true
	case q.Text == prefix+"within how long of the start must the holding message go out?":
		for _, s := range p.Steps {
			if s.Kind == manual.StepHolding {
				return is(manual.FormatDuration(s.Deadline)), "deadline: " + manual.FormatDuration(s.Deadline), true
			}
		}
	case strings.HasPrefix(q.Text, "How many SMS segments is this text?\n  "):
		text, err := strconv.Unquote(strings.TrimPrefix(q.Text, "How many SMS segments is this text?\n  "))
		if err != nil {
			return nil, "", false
		}
		sms, _ := channel.Lookup("sms")
		return is(strconv.Itoa(sms.Measure(text).Segments)), "other:", true
	}
	return nil, "", false
}

// checkSource: the source is a line of a file of the manual, and that line
// is where the answer is written.
func checkSource(t *testing.T, q drill.Question, onLine string) {
	t.Helper()
	src := q.Source
	if src.File == "" || src.Line < 1 {
		t.Errorf("%q: source %+v is not a position", q.Text, src)
		return
	}
	data, err := fs.ReadFile(manual.Builtin(), src.File)
	if err != nil {
		t.Errorf("%q: source %s: %v", q.Text, src, err)
		return
	}
	lines := strings.Split(string(data), "\n")
	if src.Line > len(lines) {
		t.Errorf("%q: source %s is past the end of the file (%d lines)", q.Text, src, len(lines))
		return
	}
	line := lines[src.Line-1]
	if !strings.Contains(line, onLine) {
		t.Errorf("%q: source %s is %q, which does not hold %q", q.Text, src, line, onLine)
	}
}

// english is the language the questions are checked in.
var english = lang.For(language.English)

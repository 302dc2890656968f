package drill

import (
	"errors"
	"math"
	"strconv"
	"time"

	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// Score is a drill's grade. The weights say what matters in a real outage:
// being on time (40), getting every audience its message on every planned
// channel (30), handling what happens meanwhile (20), and following the
// manual rather than skipping it (10).
type Score struct {
	Overall       int  `json:"overall"` // 0-100
	Deadlines     Part `json:"deadlines"`
	Announcements Part `json:"announcements"`
	Injects       Part `json:"injects"`
	Skipped       int  `json:"skipped"`
	// TooFast counts the late steps whose deadline the drill's speed left
	// too little real time for (under MinStepTime): they are not judged,
	// and Practise says to rehearse them slower.
	TooFast    int            `json:"too_fast,omitempty"`
	PerChannel []ChannelScore `json:"per_channel"`
	// Practise is the advice in English, as records and JSON keep it;
	// Advice gives it in any language.
	Practise []string `json:"practise"`
	advice   []error
}

// The weights of the parts of the score, out of 100.
const (
	WeightDeadlines     = 40
	WeightAnnouncements = 30
	WeightInjects       = 20
	WeightSteps         = 10
)

// advise adds a piece of advice, message id of the interface's drill area.
// Ids and the manual's texts are quoted as Go quotes them, as the
// records have always kept them.
func (s *Score) advise(id string, data map[string]any) {
	e := lang.Errorf(id, data)
	s.advice = append(s.advice, e)
	s.Practise = append(s.Practise, e.Error())
}

// Advice is what to practise next, each an error whose text a
// lang.Localizer gives in its language; a score read back from JSON has
// its English sentences only.
func (s *Score) Advice() []error {
	if len(s.advice) == len(s.Practise) {
		return s.advice
	}
	out := make([]error, len(s.Practise))
	for i, p := range s.Practise {
		out[i] = errors.New(p)
	}
	return out
}

// Part is one graded part: how many of how many.
type Part struct {
	Got   int `json:"got"`
	Of    int `json:"of"`
	Score int `json:"score"` // its points
}

// ChannelScore says whether an audience's announcement was prepared (marked
// sent) on a planned channel.
type ChannelScore struct {
	Step     string `json:"step"`
	Audience string `json:"audience"`
	Channel  string `json:"channel"`
	Sent     bool   `json:"sent"`
}

func part(got, of, weight int) Part {
	if of == 0 {
		return Part{Got: got, Of: of, Score: weight}
	}
	return Part{Got: got, Of: of, Score: int(math.Round(float64(weight) * float64(got) / float64(of)))}
}

// MinStepTime is the least real time anyone needs for a step: read it,
// act, mark it. A drill sped up so much that a step's deadline leaves less
// (a 5-minute step at speed 20 lasts 15 seconds) tests the speed, not the
// trainee, so a step late under it is not counted as a missed deadline.
const MinStepTime = time.Minute

// Grade scores a drill run from its state.
func Grade(p *manual.Playbook, st *runbook.State) *Score {
	s := &Score{PerChannel: []ChannelScore{}, Practise: []string{}}
	met, off := 0, 0
	var prev time.Duration // the previous step's deadline: a step's time starts there
	for _, step := range p.Steps {
		ss := st.Steps[step.ID]
		if ss == nil && !st.OnPath(step.ID) {
			off++ // a decision left it off the path: nothing to do there
			continue
		}
		window := step.Deadline - prev
		prev = max(prev, step.Deadline)
		real := time.Duration(float64(window) / max(st.Speed, 1))
		switch {
		case ss == nil:
			s.advise("drill.practise.finish", map[string]any{"Step": strconv.Quote(step.ID), "Title": step.Title})
		case ss.Skipped:
			s.Skipped++
			s.advise("drill.practise.skipped", map[string]any{"Step": strconv.Quote(step.ID)})
		case !ss.At.After(st.StartedAt.Add(step.Deadline)):
			met++
		case real < MinStepTime && window >= MinStepTime:
			s.TooFast++
			s.advise("drill.practise.too-fast", map[string]any{"Step": strconv.Quote(step.ID), "Speed": strconv.FormatFloat(st.Speed, 'g', -1, 64),
				"Deadline": manual.FormatDuration(step.Deadline), "Real": real.Round(time.Second).String(), "Max": int(window / MinStepTime)})
		default:
			s.advise("drill.practise.late", map[string]any{"Step": strconv.Quote(step.ID), "Deadline": manual.FormatDuration(step.Deadline)})
		}
	}
	s.Deadlines = part(met, len(p.Steps)-s.TooFast-off, WeightDeadlines)
	sent := gradeChannels(p, st, s)
	s.Announcements = part(sent, len(s.PerChannel), WeightAnnouncements)
	answered := 0
	for i := range p.Drill.Injects {
		in := st.Injects[i]
		switch {
		case in != nil && !in.Answered.IsZero() && in.Matched:
			answered++
		case in != nil && !in.Answered.IsZero():
			s.advise("drill.practise.inject", map[string]any{"Event": strconv.Quote(p.Drill.Injects[i].Event), "Expect": p.Drill.Injects[i].Expect})
		default:
			s.advise("drill.practise.answer", map[string]any{"Event": strconv.Quote(p.Drill.Injects[i].Event)})
		}
	}
	s.Injects = part(answered, len(p.Drill.Injects), WeightInjects)
	skip := WeightSteps - 5*s.Skipped
	s.Overall = s.Deadlines.Score + s.Announcements.Score + s.Injects.Score + max(skip, 0)
	return s
}

func gradeChannels(p *manual.Playbook, st *runbook.State, s *Score) int {
	sent := 0
	for _, step := range p.Steps {
		if !st.OnPath(step.ID) && st.Steps[step.ID] == nil {
			continue
		}
		for _, a := range step.Announce {
			for _, aud := range a.Audiences {
				for _, ch := range a.Channels {
					ok := st.SentOn(step.ID, a.Message.ID, ch.ID)
					s.PerChannel = append(s.PerChannel, ChannelScore{Step: step.ID, Audience: aud.ID, Channel: ch.ID, Sent: ok})
					if ok {
						sent++
					} else {
						s.advise("drill.practise.prepare", map[string]any{"Message": a.Message.ID, "Audience": aud.ID, "Channel": ch.ID, "Step": step.ID})
					}
				}
			}
		}
	}
	return sent
}

package exampletest

import (
	"io"
	"strings"
	"time"
)

// Lines is an operator answering a run (a runbook.Input) from a list, then
// ending as a closed input does (io.EOF).
type Lines []string

func (l *Lines) ReadLine(string) (string, error) {
	if len(*l) == 0 {
		return "", io.EOF
	}
	s := (*l)[0]
	*l = (*l)[1:]
	return s, nil
}

// Script is an operator answering from a list on a clock that only the
// list moves: an entry "+DURATION" moves Now forward instead of answering.
// A test so says when each answer is given, and what it expects does not
// change when the code reads the time once more or less. Pass Clock as the
// run's Now.
type Script struct {
	Now   time.Time
	Lines []string
}

// Clock is the script's time, for a run's Now.
func (s *Script) Clock() time.Time { return s.Now }

func (s *Script) ReadLine(string) (string, error) {
	for len(s.Lines) > 0 {
		line := s.Lines[0]
		s.Lines = s.Lines[1:]
		if d, err := time.ParseDuration(strings.TrimPrefix(line, "+")); err == nil && strings.HasPrefix(line, "+") {
			s.Now = s.Now.Add(d)
			continue
		}
		return line, nil
	}
	return "", io.EOF
}

// ImperfectDrill is an operator's answers in a drill of the example's
// facebook-down that goes wrong as a drill's score and report must show:
// the inbox step is skipped and the run ends before the 20m and 45m
// injects arrive. Both grade it: one scenario, written once.
func ImperfectDrill() []string {
	return []string{
		"c 1 2 3 4", "+4m", "d", // confirm, at T+4m
		"", "y", // the 3m inject: send the draft reply, on the mark
		"choose 1",            // only Facebook
		"a", "x all all", "d", // holding
		"s no time to answer", // inbox
		"a", "x all all", "d", // all-clear
	}
}

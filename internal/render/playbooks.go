package render

import (
	"runtime"
	"sync"

	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
)

// Rendered is one playbook's announcements, or why they could not be
// rendered.
type Rendered struct {
	Announcements []Announcement
	Err           error
}

// Playbooks renders several playbooks, each with the options opts gives
// it, as Playbook does one: on every core, since rendering a whole manual
// (render --all) is most of what the person waits for and playbooks
// render independently. The results are in the order of playbooks,
// whatever order they finished in, so the output is the same as rendering
// them one after another.
func Playbooks(m *manual.Manual, cat *message.Catalog, playbooks []*manual.Playbook, opts func(*manual.Playbook) Options) []Rendered {
	out := make([]Rendered, len(playbooks))
	next := make(chan int, len(playbooks))
	for i := range playbooks {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(playbooks)) {
		wg.Go(func() {
			for i := range next {
				anns, err := Playbook(m, cat, playbooks[i], opts(playbooks[i]))
				out[i] = Rendered{anns, err}
			}
		})
	}
	wg.Wait()
	return out
}

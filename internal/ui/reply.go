package ui

import (
	"strings"

	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/render"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// Reply shows a reply drafted from the manual's library whole, as v shows
// a text of the step, under a heading that says it is a reply, never sent
// by the run, and that y copies it.
func (v *RunView) Reply(s *runbook.Session, r *manual.Reply, a render.Announcement) {
	head := "── " + v.t("replies.head", map[string]any{"Reply": r.ID, "Channel": a.Channel, "Kind": a.Kind, "Locale": localeLabel(a)})
	v.printf("\n%s\n", v.Th.Title.Render(head))
	v.whole(a, v.t("replies.subject", nil), v.t("replies.body", nil))
	v.printf("%s\n", v.Th.Muted.Render(v.t("replies.copy-hint", nil)))
}

// inbox says, on an inbox step, which replies of the library its owner
// answers with and how to draft one.
func (v *RunView) inbox(st *manual.Step) {
	if len(st.Replies) == 0 {
		return
	}
	ids := make([]string, len(st.Replies))
	for i, r := range st.Replies {
		ids[i] = r.ID
	}
	v.printf("%s\n", v.t("replies.inbox", map[string]any{"Replies": strings.Join(ids, ", ")}))
}

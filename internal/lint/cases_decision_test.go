package lint

import "strings"

// Cases of the decision rules (CR715-CR719): the base playbook made a 1.1
// one whose verify step decides between the page alone (on to the
// all-clear), a false alarm (its own all-clear) and all of Meta
// (escalation to meta-down, a copy of the base playbook).
const (
	fMetaDown = "playbooks/meta-down.yaml"

	verifyStep = `  - id: verify
    title: Is it only our page?
    kind: decision
    owner: spokesperson
    deadline: 30m
    options:
      - id: ours
        title: Only our page
        next: all-clear
      - id: fine
        title: A false alarm
        next: false-alarm
      - id: wider
        title: All of Meta is down
        escalate: meta-down
`
	falseAlarmStep = `  - id: false-alarm
    title: Say it was a false alarm
    kind: all-clear
    owner: spokesperson
    deadline: 2h
    announce:
      - message: all-clear
        audiences: [customers]
        channels: [status-page]
updates:`
)

// decisionEdits turn the base playbook into the decision playbook, with
// more edits after.
func decisionEdits(more ...edit) []edit {
	return append([]edit{
		{fPlaybook, "crisis: 1\n", "crisis: 1.1\n"},
		{fPlaybook, "  - id: all-clear\n", verifyStep + "  - id: all-clear\n"},
		{fPlaybook, "updates:", falseAlarmStep},
		{fMetaDown, "", strings.Replace(basePlaybook, "title: Facebook is down", "title: Meta is down", 1)},
	}, more...)
}

// metaBack makes meta-down a 1.1 playbook whose own decision escalates
// back to fb-down.
var metaBack = edit{fMetaDown, "", strings.NewReplacer("crisis: 1\n", "crisis: 1.1\n", "title: Facebook is down", "title: Meta is down",
	"  - id: all-clear\n", strings.NewReplacer("Is it only our page?", "Is only Facebook still down?", "next: all-clear", "escalate: fb-down",
		"        escalate: meta-down\n", "        next: all-clear\n").Replace(verifyStep)+"  - id: all-clear\n").Replace(basePlaybook)}

var decisionCases = []ruleCase{
	{name: "cr715-good", rule: "CR715", edits: decisionEdits()},
	{name: "cr715-bad", rule: "CR715", fires: true, edits: decisionEdits(edit{fPlaybook, "updates:", "  - id: call-centre\n    title: Brief the call centre\n    owner: spokesperson\n    deadline: 3h\nupdates:"}),
		at: anchor{fPlaybook, "- id: call-centre", "call-centre"}, says: `step call-centre is on no path: the step before it does not go on there and no option names it`},
	{name: "cr716-good", rule: "CR716", edits: decisionEdits()},
	{name: "cr716-bad", rule: "CR716", fires: true, edits: decisionEdits(edit{fPlaybook, "    title: Say it was a false alarm\n    kind: all-clear\n", "    title: Say it was a false alarm\n"}),
		at: anchor{fPlaybook, "next: false-alarm", "false-alarm"}, says: `option fine of step verify leads to a path with no all-clear: it stops or turns back at step false-alarm`},
	{name: "cr717-good", rule: "CR717", edits: decisionEdits()},
	{name: "cr717-bad", rule: "CR717", fires: true, edits: []edit{
		{fPlaybook, "crisis: 1\n", "crisis: 1.1\n"},
		{fPlaybook, "steps:\n  - id: holding\n", "steps:\n" + strings.NewReplacer("next: all-clear", "next: holding", "deadline: 30m", "deadline: 5m").Replace(verifyStep) + "  - id: holding\n"},
		{fPlaybook, "updates:", falseAlarmStep},
		{fMetaDown, "", basePlaybook},
	}, at: anchor{fPlaybook, "- id: false-alarm", "false-alarm"}, says: `a path reaches the all-clear step false-alarm without passing a holding step`},
	{name: "cr718-good", rule: "CR718", edits: decisionEdits()},
	{name: "cr718-bad", rule: "CR718", fires: true, edits: decisionEdits(edit{fPlaybook, "escalate: meta-down", "escalate: meta-dwon"}),
		at: anchor{fPlaybook, "escalate: meta-dwon", "meta-dwon"}, says: `option wider escalates to playbook meta-dwon, which the manual does not have`},
	{name: "cr306-option", rule: "CR306", fires: true, edits: decisionEdits(edit{fPLBook, "", strings.Replace(plBook, "crisis: 1\n", "crisis: 1.1\n", 1) +
		"  verify:\n    title: Czy to tylko nasza strona?\n    options:\n      ours: Tylko nasza strona\n      wider: Nie działa cała Meta\n" +
		"  false-alarm:\n    title: Ogłosić fałszywy alarm\n" + plVars}),
		at: anchor{fPlaybook, "        title: A false alarm", "A false alarm"}, says: `option fine of step verify has no pl title in playbooks/fb-down.pl.yaml`},
	{name: "cr306-options", rule: "CR306", edits: decisionEdits(edit{fPLBook, "", strings.Replace(plBook, "crisis: 1\n", "crisis: 1.1\n", 1) +
		"  verify:\n    title: Czy to tylko nasza strona?\n    options:\n      ours: Tylko nasza strona\n      fine: Fałszywy alarm\n      wider: Nie działa cała Meta\n" +
		"  false-alarm:\n    title: Ogłosić fałszywy alarm\n" + plVars}, edit{"playbooks/meta-down.pl.yaml", "", plBook})},
	{name: "cr719-good", rule: "CR719", edits: decisionEdits()},
	{name: "cr719-bad", rule: "CR719", fires: true, edits: append(decisionEdits(), metaBack),
		at: anchor{fPlaybook, "escalate: meta-down", "meta-down"}, says: `option wider escalates to meta-down, and escalations lead back here: fb-down → meta-down → fb-down`},
	{name: "cr719-self", rule: "CR719", fires: true, edits: decisionEdits(edit{fPlaybook, "escalate: meta-down", "escalate: fb-down"}),
		at: anchor{fPlaybook, "escalate: fb-down", "fb-down"}, says: `option wider escalates to fb-down, and escalations lead back here: fb-down → fb-down`},
}

func init() { ruleCases = append(ruleCases, decisionCases...) }

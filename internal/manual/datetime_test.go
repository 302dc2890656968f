package manual

import (
	"strings"
	"testing"
)

// A variable of type datetime loads as one, with its position; a type
// that is not one of the known ones is refused where it is written.
func TestLoadDatetimeVariable(t *testing.T) {
	pb := strings.Replace(gatesPlaybook, `    example: "3"
    type: count`, `    example: "2026-12-03 02:00"
    type: datetime`, 1)
	m := loadClean(t, withPlaybook(pb))
	v := m.Playbooks[0].Variables[0]
	if v.Type != "datetime" || v.Pos.Line != 12 || v.Pos.Col != 5 {
		t.Errorf("variable %s: type %q at %d:%d, want datetime at 12:5", v.Name, v.Type, v.Pos.Line, v.Pos.Col)
	}
	diags := loadEditedIn(t, withPlaybook(pb), "playbooks/fb-down.yaml", "type: datetime", "type: date-time")
	want := "playbooks/fb-down.yaml:15:11: error: type \"date-time\" is not one of text, count, time, datetime, url [CR003]"
	if !containsDiag(diags, want) {
		t.Errorf("no %q in\n%s", want, strings.Join(diags, "\n"))
	}
}

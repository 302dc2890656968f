package report

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// decided runs leak of testdata/decisions with the given commands.
func decided(t *testing.T, lines ...string) run {
	t.Helper()
	return testdataRun(t, "decisions", "leak", "es", lines...)
}

// The report says which option was chosen, by whom and when, the severity
// it set, and lists the steps it left off the path as such: not skipped,
// not never done, not counted as deadlines.
func TestReportDecisions(t *testing.T) {
	rep := built(t, decided(t, "+5m", "a", "x all", "d", "+40m", "choose credible", "+1h", "d", "a", "x all", "d"))
	if len(rep.Decisions) != 1 {
		t.Fatalf("decisions = %+v", rep.Decisions)
	}
	d := rep.Decisions[0]
	if d.Step != "verify" || d.Option != "credible" || d.By != "Bo Sanz" || d.Next != "confirm" || d.Was != "high" || d.Severity != "critical" ||
		!d.At.Equal(start.Add(45*time.Minute)) {
		t.Errorf("decision = %+v", d)
	}
	if strings.Join(rep.OffPath, ",") != "fake-clear" {
		t.Errorf("off path = %v", rep.OffPath)
	}
	for _, dl := range rep.Deadlines {
		want := "met"
		if dl.Step == "fake-clear" {
			want = OffPath
		}
		if dl.Status != want {
			t.Errorf("deadline of %s is %s, want %s", dl.Step, dl.Status, want)
		}
	}
	for _, dev := range rep.Deviations {
		if strings.Contains(dev, "La muestra era falsa") {
			t.Errorf("a step off the path is a deviation: %s", dev)
		}
	}
	if rep.Summary.Deadlines != 4 || rep.Summary.Met != 4 || rep.Summary.Open != 0 {
		t.Errorf("summary = %+v", rep.Summary)
	}
	b := rendered(t, Markdown, rep, lang.For(language.English))
	for _, want := range []string{
		"## Decisions\n\n- 2026-11-23 02:45:00, ¿La muestra es auténtica?: La muestra coincide con nuestros datos (credible), decided by Bo Sanz; → goes on at step confirm; severity changed: high → critical\n- not on this path (passed over, not skipped): fake-clear\n",
		"| La muestra era falsa | 2026-11-23 08:00:00 | - | not on this path |\n",
		"decision at ¿La muestra es auténtica?: La muestra coincide con nuestros datos (credible), by Bo Sanz; on to Confirmar la filtración; severity high → critical\n",
	} {
		if !strings.Contains(b, want) {
			t.Errorf("no %q in\n%s", want, b)
		}
	}
	// The timeline says the decision in the reader's language, as every
	// other event.
	b = rendered(t, Markdown, rep, lang.For(language.Spanish))
	for _, want := range []string{
		"decisión en ¿La muestra es auténtica?: La muestra coincide con nuestros datos (credible), por Bo Sanz; se sigue en Confirmar la filtración; gravedad alta → crítica\n",
		"decidido por Bo Sanz; → se sigue en el paso confirm; la gravedad ha cambiado: alta → crítica\n",
	} {
		if !strings.Contains(b, want) {
			t.Errorf("no %q in\n%s", want, b)
		}
	}
	// The severity words in Polish and Portuguese too.
	for tag, want := range map[language.Tag]string{
		language.Polish:     "waga wysoka → krytyczna",
		language.Portuguese: "gravidade alta → crítica",
	} {
		b := rendered(t, Markdown, rep, lang.For(tag))
		if !strings.Contains(b, want) {
			t.Errorf("%s: no %q in\n%s", tag, want, b)
		}
	}
}

// After an escalation the report is of the playbook the run went on in,
// and says where it came from.
func TestReportEscalation(t *testing.T) {
	r := decided(t, "a", "x all", "d", "+10m", "choose wider", "d", "d", "a", "x all", "d")
	r.p = r.m.Playbook("outage")
	rep := built(t, r)
	if len(rep.Decisions) != 1 || rep.Decisions[0].Escalate != "outage" || rep.Decisions[0].Next != runbook.EndStep {
		t.Fatalf("decisions = %+v", rep.Decisions)
	}
	var steps []string
	for _, d := range rep.Deadlines {
		steps = append(steps, d.Step+":"+d.Status)
	}
	if got := strings.Join(steps, " "); got != "hold:met restore:met clear:met" {
		t.Errorf("deadlines %s", got)
	}
	b := rendered(t, Markdown, rep, lang.For(language.Spanish))
	if want := "- 2026-11-23 02:10:00, ¿La muestra es auténtica?: También caen Instagram y WhatsApp (wider), decidido por Bo Sanz; escalado al protocolo outage\n"; !strings.Contains(b, want) {
		t.Errorf("no %q in\n%s", want, b)
	}
}

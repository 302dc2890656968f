package playbooks_test

import (
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/manual"
)

// TestFacebookEscalatesToMeta: facebook-down asks, before its holding
// step, whether all of Meta is down, and one option goes on in meta-outage.
func TestFacebookEscalatesToMeta(t *testing.T) {
	m, _ := exampletest.Load(t)
	p := m.Playbook("facebook-down")
	var decision *manual.Step
	for i := range p.Steps {
		if p.Steps[i].Kind == manual.StepDecision {
			decision = &p.Steps[i]
			break
		}
		if p.Steps[i].Kind == manual.StepHolding {
			break
		}
	}
	if decision == nil {
		t.Fatal("facebook-down has no decision step before its holding step")
	}
	escalates := 0
	for _, o := range decision.Options {
		if o.Escalate.ID == "meta-outage" {
			escalates++
		}
	}
	if len(decision.Options) != 2 || escalates != 1 {
		t.Errorf("decision %s: options %+v, want two, one escalating to meta-outage", decision.ID, decision.Options)
	}
}

// TestStaffBriefsPreApproved: a text only staff read goes out on its
// sender's authority in every playbook; nobody wakes the CEO to approve a
// staff SMS.
func TestStaffBriefsPreApproved(t *testing.T) {
	m, _ := exampletest.Load(t)
	for _, p := range m.Playbooks {
		for _, s := range p.Steps {
			for _, a := range s.Announce {
				internal := len(a.Audiences) > 0
				for _, ref := range a.Audiences {
					internal = internal && !m.Public(ref.ID)
				}
				if !internal {
					continue
				}
				gate := a.Approval
				if gate == nil {
					gate = s.Approval
				}
				if gate == nil || !gate.PreApproved {
					t.Errorf("%s step %s: %s to %v needs an approval; want pre-approved", p.ID, s.ID, a.Message.ID, a.Audiences)
				}
			}
		}
	}
}

// TestMetaCadences: in facebook-down and meta-outage customers hear every
// 20 minutes for the first two hours, then hourly, also on a change; staff
// hourly on Slack, where their brief promises news.
func TestMetaCadences(t *testing.T) {
	m, _ := exampletest.Load(t)
	for _, id := range []string{"facebook-down", "meta-outage"} {
		p := m.Playbook(id)
		customers := p.CadenceFor("status-page", []string{"customers"})
		if customers == nil {
			t.Fatalf("%s: no cadence for customers on the status page", id)
		}
		for _, tt := range []struct{ at, want time.Duration }{
			{0, 20 * time.Minute}, {119 * time.Minute, 20 * time.Minute}, {2 * time.Hour, time.Hour}, {6 * time.Hour, time.Hour},
		} {
			if got := customers.Interval(tt.at); got != tt.want {
				t.Errorf("%s: %v into the incident the customers' interval is %v, want %v", id, tt.at, got, tt.want)
			}
		}
		if !customers.OnChange {
			t.Errorf("%s: the customers' cadence does not update on a change", id)
		}
		for _, ch := range []string{"x", "status-page-pe", "website-banner", "telegram-channel"} {
			if p.CadenceFor(ch, []string{"customers"}) != customers {
				t.Errorf("%s: %s is not in the customers' cadence", id, ch)
			}
		}
		staff := p.CadenceFor("slack-staff", []string{"staff"})
		if staff == nil || staff.Interval(0) != time.Hour {
			t.Errorf("%s: staff cadence on Slack %+v, want hourly", id, staff)
		}
	}
}

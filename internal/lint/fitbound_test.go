package lint

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestFitProvedAsRendered: CR501 and CR503 report the same findings
// whether the texts whose bound fits are skipped or every text is
// rendered, on a channel counting characters whose limit crosses the
// texts' lengths (en 48 characters, pl 50, with and without the drill
// mark), and on one counting graphemes (a store sign).
func TestFitProvedAsRendered(t *testing.T) {
	defer func(p bool) { proveFits = p }(proveFits)
	sign := "  - id: store-sign\n    kind: store-sign\n    audiences: [customers]\n    domain: hosting\n    owner: spokesperson\n    limit: %d\n"
	skipped := 0
	for limit := 1; limit <= 200; limit++ {
		files := build(t,
			edit{fManual, "    kind: status-page\n", fmt.Sprintf("    kind: status-page\n    limit: %d\n", limit)},
			edit{fManual, "  - id: sms-staff\n", fmt.Sprintf(sign, limit) + "  - id: sms-staff\n"},
			edit{fPlaybook, "        channels: [status-page]\n      - message: staff-brief", "        channels: [status-page, store-sign]\n      - message: staff-brief"})
		var got [2][]string
		for i, prove := range []bool{true, false} {
			proveFits = prove
			for _, d := range lintFiles(t, files, nil, Config{}).Findings {
				if d.Rule == "CR501" || d.Rule == "CR503" {
					got[i] = append(got[i], d.Pos.String()+" "+d.Rule+" "+d.Message)
				}
			}
		}
		if !slices.Equal(got[0], got[1]) {
			t.Fatalf("limit %d: proved:\n%s\nrendered:\n%s", limit, strings.Join(got[0], "\n"), strings.Join(got[1], "\n"))
		}
		if len(got[1]) == 0 {
			skipped++
		}
	}
	// Up to 3 x 50 bytes the bound proves nothing; from there on the
	// texts fit and are not rendered.
	if skipped == 0 {
		t.Fatal("no limit left every text fitting: the test measures nothing skipped")
	}
}

// TestRenderPlainTooLong: a form printing only plain variables is not
// executed when its bound is under the sandbox's output limit, and still
// is, and reported, when its values can take it over: the platform padded
// to 2,000 characters, printed 40 times (80,000 bytes) and 30 times.
func TestRenderPlainTooLong(t *testing.T) {
	for _, c := range []struct {
		times int
		fires bool
	}{{40, true}, {30, false}} {
		files := build(t,
			edit{fEN, `other: "{{.platform}} works again."`, `other: "` + strings.Repeat("{{.platform}} ", c.times) + `works again."`},
			edit{fPlaybook, "    max_length: 10", "    max_length: 2000"})
		var got []string
		for _, d := range lintFiles(t, files, nil, Config{}).Findings {
			if d.Rule == "CR404" {
				got = append(got, d.Pos.String()+" "+d.Message)
			}
		}
		if !c.fires && len(got) > 0 || c.fires && (len(got) != 1 || !strings.Contains(got[0], "templates/en.yaml:12:") || !strings.Contains(got[0], "longer than 64 KiB")) {
			t.Errorf("printed %d times: CR404 findings %q, want %v", c.times, got, c.fires)
		}
	}
}

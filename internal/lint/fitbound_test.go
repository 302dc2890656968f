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
		if len(fitsProvedAndRendered(t, files, fmt.Sprintf("limit %d", limit))) == 0 {
			skipped++
		}
	}
	// Up to 3 x 50 bytes the bound proves nothing; from there on the
	// texts fit and are not rendered.
	if skipped == 0 {
		t.Fatal("no limit left every text fitting: the test measures nothing skipped")
	}
}

// fitsProvedAndRendered lints files with the proofs on and off, fails
// the test unless CR501 and CR503 report the same either way, and returns
// their findings. The caller restores proveFits.
func fitsProvedAndRendered(t *testing.T, files map[string]string, what string) []string {
	t.Helper()
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
		t.Fatalf("%s: proved:\n%s\nrendered:\n%s", what, strings.Join(got[0], "\n"), strings.Join(got[1], "\n"))
	}
	return got[1]
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

// TestSMSFitProvedAsRendered: CR501 and CR503 report the same findings
// whether the SMS texts whose segments are proved to fit
// (channel.Profile.SMSFitsWithin) are skipped or every one is rendered,
// for 1 to 3 segments allowed and texts growing past each: in English
// GSM-7 with escaped characters, in Polish UCS-2, with and without the
// drill mark.
func TestSMSFitProvedAsRendered(t *testing.T) {
	defer func(p bool) { proveFits = p }(proveFits)
	skipped, found := 0, 0
	for segments := 1; segments <= 3; segments++ {
		for n := 0; n <= 220; n += 6 {
			files := build(t,
				edit{fManual, "    owner: spokesperson\n    limit: 1\n", fmt.Sprintf("    owner: spokesperson\n    limit: %d\n", segments)},
				edit{fEN, "is down. Use SMS.", "is down. Use SMS. " + strings.Repeat("{a}", n/3)},
				edit{fPL, "nie dziala. SMS.", "nie dziala. SMS. " + strings.Repeat("ą", n)})
			if len(fitsProvedAndRendered(t, files, fmt.Sprintf("%d segments, %d more", segments, n))) == 0 {
				skipped++
			} else {
				found++
			}
		}
	}
	if skipped == 0 || found == 0 {
		t.Fatalf("%d cases without findings, %d with: the test does not cross the limits", skipped, found)
	}
}

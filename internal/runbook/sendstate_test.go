package runbook

import (
	"slices"
	"testing"

	"github.com/crisis-cli/crisis/internal/journal"
)

// TestSendRangesMerge: complete batches, acknowledged in any order, are
// remembered as merged line ranges.
func TestSendRangesMerge(t *testing.T) {
	var r SendRecord
	for _, b := range [][2]int{{202, 301}, {2, 101}, {402, 501}, {102, 201}, {302, 401}, {700, 799}} {
		r.addRange(b[0], b[1])
	}
	if want := [][2]int{{2, 501}, {700, 799}}; !slices.Equal(r.Ranges, want) {
		t.Fatalf("ranges %v, want %v", r.Ranges, want)
	}
	for line, want := range map[int]bool{1: false, 2: true, 350: true, 501: true, 502: false, 699: false, 700: true, 799: true, 800: false} {
		if got := r.skip(line); got != want {
			t.Errorf("skip(%d) = %v, want %v", line, got, want)
		}
	}
}

// TestSendBatchPayloads replays send events written by hand: a complete
// batch counts the recipients reached without listing them; an incomplete
// one lists its delivered lines, which a resumed send skips one by one;
// a journal written before batches counted lists every line and still
// counts them.
func TestSendBatchPayloads(t *testing.T) {
	var st State
	for _, ev := range []struct{ typ, data string }{
		{journal.TypeSendIntent, `{"key":"k","step":"holding","message":"m","channel":"sms-staff","locale":"es","provider":"twilio","where":"/l.csv","text_sha256":"t","recipients_sha256":"r","count":250,"at":"2026-11-23T02:00:00Z"}`},
		{journal.TypeSendBatchIntent, `{"key":"k","seq":0,"first":2,"last":101}`},
		{journal.TypeSendBatch, `{"key":"k","seq":0,"first":2,"last":101,"reached":97,"failed":[7,8],"unknown":[9],"settled":100,"complete":true}`},
		{journal.TypeSendBatchIntent, `{"key":"k","seq":1,"first":102,"last":201}`},
		{journal.TypeSendBatch, `{"key":"k","seq":1,"first":102,"last":201,"delivered":[102,103,104,105,106,107,108,109,110,111]}`},
		{journal.TypeSendBatchIntent, `{"key":"k","seq":2,"first":202,"last":251}`},
		{journal.TypeSendBatch, `{"key":"k","seq":2,"first":202,"last":251,"reached":3,"delivered":[202,203,205],"failed":[204]}`},
	} {
		if err := st.applySend(journal.Event{Type: ev.typ, Data: []byte(ev.data)}); err != nil {
			t.Fatal(err)
		}
	}
	r := st.Sends[AnnouncementKey{"holding", "m", "sms-staff", "es"}]
	if r.Delivered != 97+10+3 || r.Failed != 3 || r.Unknown != 1 || r.Settled != 100 {
		t.Errorf("delivered %d failed %d unknown %d settled %d; want 110, 3, 1, 100", r.Delivered, r.Failed, r.Unknown, r.Settled)
	}
	for line, want := range map[int]bool{50: true, 102: true, 111: true, 112: false, 203: true, 204: true, 206: false, 251: false} {
		if got := r.skip(line); got != want {
			t.Errorf("skip(%d) = %v, want %v", line, got, want)
		}
	}
}

package dispatch

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"net/http"
	"net/url"
	"time"
)

// Bluesky posts through the AT Protocol XRPC API of the account's PDS, on
// net/http: three small JSON calls (createSession, getRecord,
// createRecord) where github.com/bluesky-social/indigo would add a large
// module tree.
//
// A retry cannot double-post: the record key is derived from the
// announcement's Key and At, so every attempt writes the same
// at://DID/app.bsky.feed.post/RKEY. Before creating, and after any failure
// that is not a refusal, the record is looked up: if it is there, the post
// was made. (createRecord on an existing key answers 500 today, not a
// clean conflict, so we never rely on that answer.)
//
// The URL is the PDS (default https://bsky.social); the secret is an app
// password. Options: handle (required).
func init() {
	register(Provider{Name: "bluesky", Kinds: []string{"bluesky"}, Dedup: true, Secret: "an app password", open: openBluesky})
}

type bluesky struct {
	apiTarget
	handle string
}

func openBluesky(cfg Config, env Env) (Target, error) {
	o := newOptions(cfg)
	handle := o.need("handle", "the account, e.g. rioverde.bsky.social")
	at, err := openAPI(cfg, env, o, "bluesky", "https://bsky.social")
	if err != nil {
		return nil, err
	}
	return &bluesky{apiTarget: at, handle: handle}, nil
}

const bskyPost = "app.bsky.feed.post"

type bskySession struct {
	AccessJwt string `json:"accessJwt"`
	DID       string `json:"did"`
	Handle    string `json:"handle"`
}

func (b *bluesky) login(ctx context.Context) (bskySession, *Error) {
	var s bskySession
	body := map[string]any{"identifier": b.handle, "password": b.secret.reveal()}
	ans, err := b.api.do(ctx, jsonCall("login", b.base+"/xrpc/com.atproto.server.createSession", body, nil))
	if err == nil {
		err = b.api.decode("login", ans, &s)
	}
	if err == nil && (s.AccessJwt == "" || s.DID == "") {
		err = b.api.fail("login", ans.status, Refused, "the session has no token or DID")
	}
	if err != nil {
		return s, err
	}
	b.api.scrub = append(b.api.scrub, s.AccessJwt)
	return s, nil
}

type bskyRef struct {
	URI string `json:"uri"`
	CID string `json:"cid"`
}

// existing returns the record if it exists; found false on RecordNotFound.
func (b *bluesky) existing(ctx context.Context, s bskySession, rkey string) (bskyRef, bool, *Error) {
	q := url.Values{"repo": {s.DID}, "collection": {bskyPost}, "rkey": {rkey}}
	ans, err := b.api.do(ctx, call{op: "getRecord", method: http.MethodGet, url: b.base + "/xrpc/com.atproto.repo.getRecord?" + q.Encode(), header: bearer(s.AccessJwt)})
	var ref bskyRef
	if err != nil {
		if err.Status == http.StatusBadRequest && containsRecordNotFound(ans.body) {
			return ref, false, nil
		}
		return ref, false, err
	}
	if err := b.api.decode("getRecord", ans, &ref); err != nil {
		return ref, false, err
	}
	return ref, ref.URI != "", nil
}

func containsRecordNotFound(body []byte) bool {
	var e struct {
		Error string `json:"error"`
	}
	return jsonUnmarshal(body, &e) && e.Error == "RecordNotFound"
}

func (b *bluesky) Send(ctx context.Context, req Request) (Outcome, error) {
	if req.Key == "" || req.At.IsZero() {
		return notPosted("bluesky", b.api.fail("post", 0, Refused, "the announcement has no key or time: the record key is derived from them"))
	}
	s, err := b.login(ctx)
	if err != nil {
		return notPosted("bluesky", err)
	}
	rkey := recordKey(req.At, req.Key)
	record := map[string]any{"$type": bskyPost, "text": req.Text, "createdAt": req.At.UTC().Format("2006-01-02T15:04:05.000Z")}
	if req.Locale != "" {
		record["langs"] = []string{req.Locale}
	}
	body := map[string]any{"repo": s.DID, "collection": bskyPost, "rkey": rkey, "record": record}
	link := "https://bsky.app/profile/" + s.Handle + "/post/" + rkey
	return b.api.lookThenPost(ctx, lookThenPost{
		provider: "bluesky",
		post:     jsonCall("createRecord", b.base+"/xrpc/com.atproto.repo.createRecord", body, bearer(s.AccessJwt)),
		look: func(ctx context.Context) (Outcome, bool, *Error) {
			ref, found, err := b.existing(ctx, s, rkey)
			return postFound(found, err, "bluesky", ref.URI, link)
		},
		made: func(ans answer) (Outcome, bool) {
			var ref bskyRef
			if err := b.api.decode("createRecord", ans, &ref); err != nil || ref.URI == "" {
				return Outcome{}, false
			}
			o, _ := posted("bluesky", ref.URI, link)
			return o, true
		},
		already:    "already posted (record " + rkey + " exists): not posted again",
		unreadable: "unreadable answer",
		// Not looked up again after the last attempt: the message names
		// the post's own link, where the operator sees whether it is there.
		check: link,
	})
}

// recordKey is a TID (atproto.com/specs/tid: 53 bits of microseconds, 10
// bits of clock id, base32-sortable) made from the run: At to the second,
// plus microseconds and a clock id from a hash of Key, so two announcements
// of one step (other locales, other channels) get different keys and the
// same announcement always gets the same one.
func recordKey(at time.Time, key string) string {
	h := sha256.Sum256([]byte(key))
	x := binary.BigEndian.Uint64(h[:8])
	micros := uint64(at.Unix())*1_000_000 + (x>>10)%1_000_000
	v := (micros&(1<<53-1))<<10 | x&0x3ff
	const alphabet = "234567abcdefghijklmnopqrstuvwxyz"
	var out [13]byte
	for i := 12; i >= 0; i-- {
		out[i] = alphabet[v&31]
		v >>= 5
	}
	return string(out[:])
}

// Check logs in (createSession), which proves the handle and app password
// without posting.
func (b *bluesky) Check(ctx context.Context) CheckReport {
	r := CheckReport{Target: b.cfg.Name, Provider: "bluesky", Unverified: []string{"nothing else: an app password may always post"}}
	s, err := b.login(ctx)
	if err != nil {
		r.Err = err
		return r
	}
	r.Verified = append(r.Verified, "logged in as "+s.Handle+" ("+s.DID+")")
	return r
}

package statussite

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"path"
	"strings"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"
)

// ManifestName is the object, written last by every bucket publish, that
// records what the published site holds: the path and SHA-256 of every
// file. It is how the next publish knows what to leave alone and what to
// delete.
const ManifestName = ".crisis-status.json"

// Manifest is the content of ManifestName.
type Manifest struct {
	Published time.Time         `json:"published"`
	Files     map[string]string `json:"files"` // path -> hex SHA-256
}

// PublishOptions say where and how to publish.
type PublishOptions struct {
	Now time.Time
	// Progress, when set, is told of each object just before it is written.
	Progress func(path string)
	// Note, when set, is told of what the publish did besides writing, such
	// as taking over the lock of a publish that died.
	Note func(string)
	// LockWait is how long a bucket publish waits for another one to
	// finish (default LockWait).
	LockWait time.Duration
}

// Result says what a publish did.
type Result struct {
	Written, Unchanged, Deleted int
}

// PublishError is a publish that stopped part way. Written objects are
// complete (a bucket write is all or nothing per object); the pages not yet
// written still show the previous site.
type PublishError struct {
	To      string
	Written []string // what was written before the failure
	Err     error
}

func (e *PublishError) Error() string {
	if len(e.Written) == 0 {
		return fmt.Sprintf("publish to %s failed before anything was written; the previous site is intact: %v", e.To, e.Err)
	}
	return fmt.Sprintf("publish to %s stopped after %d objects (the last %s); every object is complete, those not yet written still show the previous site; run the publish again to finish: %v",
		e.To, len(e.Written), e.Written[len(e.Written)-1], e.Err)
}

func (e *PublishError) Unwrap() error { return e.Err }

// Publish uploads a built site to a bucket URL (file:///dir, s3://bucket,
// gs://bucket, azblob://container: whichever drivers the program
// registered) or pushes it to a git repository (git+URL, see PushGit).
func Publish(ctx context.Context, files Files, to string, o PublishOptions) (Result, error) {
	if strings.HasPrefix(to, "git+") {
		return PushGit(ctx, files, strings.TrimPrefix(to, "git+"), o)
	}
	b, err := blob.OpenBucket(ctx, to)
	if err != nil {
		return Result{}, &PublishError{To: to, Err: err}
	}
	defer b.Close()
	return PublishBucket(ctx, files, b, to, o)
}

// PublishBucket writes the site into an open bucket, in the order that
// keeps every page whole and every link alive: changed feeds and
// status.json first, then the locale pages, the root index.html, and the
// manifest last; objects the new site no longer has are deleted only after
// that. A file unchanged since the last publish (by the manifest's hash)
// is not written again.
func PublishBucket(ctx context.Context, files Files, b *blob.Bucket, to string, o PublishOptions) (Result, error) {
	var res Result
	if o.LockWait <= 0 {
		o.LockWait = LockWait
	}
	unlock, err := lockBucket(ctx, b, o.LockWait, o.Note)
	if err != nil {
		return res, &PublishError{To: to, Err: err}
	}
	// A publish that fails part way releases the lock too: what it wrote
	// is whole, and the next publish completes the site.
	defer unlock()
	old, err := readManifest(ctx, b)
	if err != nil {
		return res, &PublishError{To: to, Err: fmt.Errorf("reading the published %s: %w", ManifestName, err)}
	}
	next := Manifest{Published: o.Now.UTC(), Files: map[string]string{}}
	var written []string
	for _, p := range files.Paths() {
		sum := sha256.Sum256(files[p])
		next.Files[p] = hex.EncodeToString(sum[:])
		if old.Files[p] == next.Files[p] {
			if ok, err := b.Exists(ctx, p); err == nil && ok {
				res.Unchanged++
				continue
			}
		}
		if o.Progress != nil {
			o.Progress(p)
		}
		if err := b.WriteAll(ctx, p, files[p], writerOptions(p)); err != nil {
			return res, &PublishError{To: to, Written: written, Err: fmt.Errorf("writing %s: %w", p, err)}
		}
		written = append(written, p)
		res.Written++
	}
	manifest, err := json.MarshalIndent(next, "", "  ")
	if err != nil {
		return res, err
	}
	if o.Progress != nil {
		o.Progress(ManifestName)
	}
	if err := b.WriteAll(ctx, ManifestName, manifest, &blob.WriterOptions{ContentType: "application/json"}); err != nil {
		return res, &PublishError{To: to, Written: written, Err: fmt.Errorf("writing %s: %w", ManifestName, err)}
	}
	for p := range old.Files {
		if _, keep := next.Files[p]; keep {
			continue
		}
		if err := b.Delete(ctx, p); err != nil && gcerrors.Code(err) != gcerrors.NotFound {
			return res, fmt.Errorf("published to %s, but the old %s could not be deleted: %w", to, p, err)
		}
		res.Deleted++
	}
	return res, nil
}

func readManifest(ctx context.Context, b *blob.Bucket) (Manifest, error) {
	var m Manifest
	r, err := b.NewReader(ctx, ManifestName, nil)
	if gcerrors.Code(err) == gcerrors.NotFound {
		return m, nil
	}
	if err != nil {
		return m, err
	}
	defer r.Close()
	data, err := io.ReadAll(r)
	if err != nil {
		return m, err
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return m, fmt.Errorf("%s is not a crisis status manifest: %w; move it away if the bucket holds something else", ManifestName, err)
	}
	return m, nil
}

// writerOptions: the right type, and pages and feeds short-lived in caches
// so that an update reaches readers within a minute.
func writerOptions(p string) *blob.WriterOptions {
	types := map[string]string{".html": "text/html; charset=utf-8", ".atom": "application/atom+xml",
		".rss": "application/rss+xml", ".json": "application/json"}
	ct := types[path.Ext(p)]
	if p != "status.json" && strings.HasSuffix(p, "/feed.json") {
		ct = "application/feed+json"
	}
	if ct == "" {
		ct = mime.TypeByExtension(path.Ext(p))
	}
	return &blob.WriterOptions{ContentType: ct, CacheControl: "public, max-age=60"}
}

var errNoChange = errors.New("nothing changed")

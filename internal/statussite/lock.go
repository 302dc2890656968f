package statussite

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"syscall"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"
)

// Two publishes writing into one bucket at once (two people, or a run's
// sends in several languages) would interleave their pages: a mix of two
// sites. A bucket publish therefore holds LockName while it writes. The
// lock is created with a conditional write (blob.WriterOptions.IfNotExist:
// "only if no such object"), which each store enforces its own way:
//
//   - S3 and S3-compatible stores: PutObject with If-None-Match: *. AWS S3
//     refuses a second creation with 412; a compatible store that ignores
//     the header (older MinIO, some others) gives no protection.
//   - Google Cloud Storage: the DoesNotExist precondition
//     (ifGenerationMatch=0), atomic.
//   - Azure Blob: If-None-Match: *, atomic.
//   - a folder (file://): the driver checks that the name is free, then
//     renames its temporary file into place; two publishes that check in
//     the same instant can both pass (a window of microseconds, not a
//     guarantee).
//
// A git publish needs no lock: its push is not forced, so the remote takes
// it only as a fast-forward of the commit the publish started from, and a
// concurrent publish's push is refused rather than lost.
//
// A lock left by a publish that died (kill -9, a lost machine) is taken
// over when its process is gone (same host) or when it is older than
// LockStale; a lock held by a live publish is waited for, up to LockWait.

// LockName is the object a bucket publish holds while it writes.
const LockName = ".crisis-status.lock"

// LockStale is the age after which a lock from another machine is taken
// to be left by a publish that died: a publish takes seconds.
const LockStale = 10 * time.Minute

// LockWait is how long a publish waits for another one to finish.
const LockWait = 30 * time.Second

// lockHolder is what the lock object says, for messages and for telling a
// dead holder on this machine.
type lockHolder struct {
	Host    string    `json:"host"`
	PID     int       `json:"pid"`
	Started time.Time `json:"started"`
}

// LockedError is a publish that found another one holding the bucket.
type LockedError struct {
	Host    string
	PID     int
	Started time.Time
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("another publish (process %d on %s, started %s) is writing the site; wait for it, or if it died, delete %s or wait until %s",
		e.PID, e.Host, e.Started.UTC().Format(time.RFC3339), LockName, e.Started.Add(LockStale).UTC().Format(time.RFC3339))
}

// lockBucket takes the bucket's publish lock, waiting up to wait for a
// live holder; the returned function releases it. takeover, when not nil,
// is told of a dead holder's lock being replaced.
func lockBucket(ctx context.Context, b *blob.Bucket, wait time.Duration, takeover func(string)) (func(), error) {
	host, _ := os.Hostname()
	deadline := time.Now().Add(wait)
	for {
		me, _ := json.Marshal(lockHolder{Host: host, PID: os.Getpid(), Started: time.Now().UTC()})
		err := b.WriteAll(ctx, LockName, me, &blob.WriterOptions{ContentType: "application/json", IfNotExist: true})
		if err == nil {
			return func() { _ = b.Delete(context.WithoutCancel(ctx), LockName) }, nil
		}
		if gcerrors.Code(err) != gcerrors.FailedPrecondition {
			return nil, fmt.Errorf("taking the publish lock %s: %w", LockName, err)
		}
		h, modified, err := readLock(ctx, b)
		switch {
		case gcerrors.Code(err) == gcerrors.NotFound:
			continue // released in between: try again
		case err != nil:
			return nil, fmt.Errorf("reading the publish lock %s: %w", LockName, err)
		case (h.Host == host && h.PID > 0 && processGone(h.PID)) || time.Since(modified) > LockStale:
			if takeover != nil {
				takeover(fmt.Sprintf("a publish by process %d on %s started %s did not finish: taking over its lock", h.PID, h.Host, h.Started.UTC().Format(time.RFC3339)))
			}
			if err := b.Delete(ctx, LockName); err != nil && gcerrors.Code(err) != gcerrors.NotFound {
				return nil, fmt.Errorf("removing the stale publish lock %s: %w", LockName, err)
			}
			continue
		case time.Now().After(deadline):
			return nil, &LockedError{Host: h.Host, PID: h.PID, Started: h.Started}
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// readLock reads the lock's holder and when the store last wrote it. A
// lock that says nothing readable (written by hand) has an empty holder and
// ages like any other.
func readLock(ctx context.Context, b *blob.Bucket) (lockHolder, time.Time, error) {
	var h lockHolder
	r, err := b.NewReader(ctx, LockName, nil)
	if err != nil {
		return h, time.Time{}, err
	}
	defer r.Close()
	data, err := io.ReadAll(io.LimitReader(r, 64<<10))
	if err != nil {
		return h, time.Time{}, err
	}
	_ = json.Unmarshal(data, &h)
	return h, r.ModTime(), nil
}

// processGone reports whether no process has this id on this machine.
func processGone(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return true // Windows: no such process
	}
	defer p.Release()
	if runtime.GOOS == "windows" {
		return false // FindProcess opened it: it exists
	}
	return errors.Is(p.Signal(syscall.Signal(0)), os.ErrProcessDone)
}

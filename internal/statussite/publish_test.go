package statussite

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"gocloud.dev/blob"
	_ "gocloud.dev/blob/fileblob"
)

// twoSites are an old and a new version of a site that share some files,
// change others, and each have one the other lacks.
func twoSites() (old, next Files) {
	old = Files{"index.html": []byte("<p>old root</p>"), "es/index.html": []byte("<p>old es</p>"),
		"es/feed.atom": []byte("old atom"), "status.json": []byte(`{"v":"old"}`), "gone/feed.json": []byte("old only")}
	next = Files{"index.html": []byte("<p>new root</p>"), "es/index.html": []byte("<p>new es</p>"),
		"es/feed.atom": []byte("old atom"), "status.json": []byte(`{"v":"new"}`), "en/index.html": []byte("<p>new en</p>")}
	return old, next
}

func bucketURL(dir string) string {
	return "file://" + filepath.ToSlash(dir) + "?metadata=skip"
}

// readDir returns every file under dir but the manifest and the publish
// lock.
func readDir(t *testing.T, dir string) Files {
	t.Helper()
	out := Files{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel != ManifestName && rel != LockName {
			b, _ := os.ReadFile(p)
			out[filepath.ToSlash(rel)] = b
		}
		return nil
	})
	return out
}

func sameFiles(a, b Files) bool {
	if len(a) != len(b) {
		return false
	}
	for p := range a {
		if !bytes.Equal(a[p], b[p]) {
			return false
		}
	}
	return true
}

func TestPublishBucket(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	old, next := twoSites()
	var order []string
	o := PublishOptions{Now: frozen, Progress: func(p string) { order = append(order, p) }}
	if _, err := Publish(ctx, old, bucketURL(dir), o); err != nil {
		t.Fatal(err)
	}
	order = nil
	res, err := Publish(ctx, next, bucketURL(dir), o)
	if err != nil {
		t.Fatal(err)
	}
	if got := readDir(t, dir); !sameFiles(got, next) {
		t.Errorf("bucket holds %v", got)
	}
	// Unchanged files are not written again; pages after everything else,
	// the root page last, the manifest after it; the old-only file deleted.
	want := []string{"status.json", "en/index.html", "es/index.html", "index.html", ManifestName}
	if strings.Join(order, " ") != strings.Join(want, " ") || res != (Result{Written: 4, Unchanged: 1, Deleted: 1}) {
		t.Errorf("order %v, result %+v", order, res)
	}
	res, err = Publish(ctx, next, bucketURL(dir), PublishOptions{Now: frozen})
	if err != nil || res.Written != 0 || res.Unchanged != len(next) {
		t.Errorf("republishing the same site: %+v %v", res, err)
	}
}

// TestPublishFailure: a publish that stops part way says what it wrote;
// what it did not write is still the previous site.
func TestPublishFailure(t *testing.T) {
	dir := t.TempDir()
	old, next := twoSites()
	if _, err := Publish(context.Background(), old, bucketURL(dir), PublishOptions{Now: frozen}); err != nil {
		t.Fatal(err)
	}
	b, err := blob.OpenBucket(context.Background(), bucketURL(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	_, err = PublishBucket(ctx, next, b, "the test bucket", PublishOptions{Now: frozen, Progress: func(string) {
		if n++; n == 3 {
			cancel() // the network goes away before the third object
		}
	}})
	var pe *PublishError
	if !errors.As(err, &pe) || len(pe.Written) != 2 || !strings.Contains(err.Error(), "still show the previous site") {
		t.Fatalf("err = %v", err)
	}
	got := readDir(t, dir)
	for p, b := range got {
		if !bytes.Equal(b, old[p]) && !bytes.Equal(b, next[p]) {
			t.Errorf("%s is neither old nor new: %q", p, b)
		}
	}
	if !bytes.Equal(got["index.html"], old["index.html"]) || !bytes.Equal(got["es/index.html"], old["es/index.html"]) {
		t.Error("pages not yet reached were overwritten")
	}
	// Before anything is written, the message says the site is intact.
	ctx, cancel = context.WithCancel(context.Background())
	cancel()
	_, err = PublishBucket(ctx, next, b, "the test bucket", PublishOptions{Now: frozen})
	if err == nil || !strings.Contains(err.Error(), "the previous site is intact") {
		t.Errorf("cancelled before the first write: %v", err)
	}
}

// TestPushGit publishes to a local bare repository twice; each publish is
// one commit whose tree is exactly the site; the same site again makes no
// commit.
func TestPushGit(t *testing.T) {
	ctx := context.Background()
	remote := filepath.Join(t.TempDir(), "status.git")
	if _, err := git.PlainInit(remote, true); err != nil {
		t.Fatal(err)
	}
	old, next := twoSites()
	to := "git+" + remote + "#gh-pages"
	for i, site := range []Files{old, next, next} {
		if _, err := Publish(ctx, site, to, PublishOptions{Now: frozen.Add(time.Duration(i) * time.Minute)}); err != nil {
			t.Fatalf("publish %d: %v", i, err)
		}
	}
	repo, err := git.PlainOpen(remote)
	if err != nil {
		t.Fatal(err)
	}
	ref, err := repo.Reference(plumbing.NewBranchReferenceName("gh-pages"), true)
	if err != nil {
		t.Fatal(err)
	}
	commit, err := repo.CommitObject(ref.Hash())
	if err != nil {
		t.Fatal(err)
	}
	if commit.NumParents() != 1 {
		t.Errorf("the branch has %d parents at its head; want the two publishes, the third a no-op", commit.NumParents())
	}
	parent, _ := commit.Parent(0)
	if parent != nil && parent.NumParents() != 0 {
		t.Error("more than two commits")
	}
	tree, err := commit.Tree()
	if err != nil {
		t.Fatal(err)
	}
	got := Files{}
	tree.Files().ForEach(func(f *object.File) error {
		s, _ := f.Contents()
		got[f.Name] = []byte(s)
		return nil
	})
	if !sameFiles(got, withNoJekyll(next)) {
		t.Errorf("the branch holds %v", got)
	}
	// A remote that does not exist is a reported failure.
	if _, err := Publish(ctx, next, "git+"+filepath.Join(t.TempDir(), "nope.git"), PublishOptions{Now: frozen}); err == nil {
		t.Error("pushing to a missing repository succeeded")
	}
}

// TestCrashMidPublish kills (SIGKILL) a child process publishing a new
// site at each point of its upload; every time, each object is whole, old
// or new; the manifest is the old one unless everything is new; and the
// next publish completes the site.
func TestCrashMidPublish(t *testing.T) {
	if os.Getenv("CRISIS_PUBLISH_CHILD") != "" {
		return // the child's side runs in TestMain
	}
	old, next := twoSites()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for kill := 1; kill <= 5; kill++ {
		dir := t.TempDir()
		if _, err := Publish(context.Background(), old, bucketURL(dir), PublishOptions{Now: frozen}); err != nil {
			t.Fatal(err)
		}
		oldManifest, _ := os.ReadFile(filepath.Join(dir, ManifestName))
		cmd := exec.Command(exe, "-test.run=^TestCrashMidPublish$")
		cmd.Env = append(os.Environ(), "CRISIS_PUBLISH_CHILD="+bucketURL(dir))
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := bufio.NewScanner(out)
		for i := 0; i < kill && lines.Scan(); i++ {
		}
		cmd.Process.Kill() // SIGKILL: no deferred function, no cleanup runs
		cmd.Wait()
		got := readDir(t, dir)
		for p, b := range got {
			if !bytes.Equal(b, old[p]) && !bytes.Equal(b, next[p]) {
				t.Errorf("kill at %d: %s is neither old nor new: %q", kill, p, b)
			}
		}
		for p := range old {
			if _, ok := got[p]; !ok {
				t.Errorf("kill at %d: %s of the old site is gone before the new site was complete", kill, p)
			}
		}
		if m, _ := os.ReadFile(filepath.Join(dir, ManifestName)); !bytes.Equal(m, oldManifest) {
			t.Errorf("kill at %d: the manifest changed before every page was written", kill)
		}
		if _, err := Publish(context.Background(), next, bucketURL(dir), PublishOptions{Now: frozen}); err != nil {
			t.Fatal(err)
		}
		if got := readDir(t, dir); !sameFiles(got, next) {
			t.Errorf("kill at %d: the next publish left %v", kill, got)
		}
	}
}

// bigSites are an old and a new site of 24 objects of 256 KiB, large
// enough for a kill to land in the middle of a write.
func bigSites() (old, next Files) {
	old, next = Files{}, Files{}
	for i := range 24 {
		p := fmt.Sprintf("l%02d/index.html", i)
		old[p] = bytes.Repeat([]byte{'o'}, 256<<10)
		next[p] = bytes.Repeat([]byte{'n'}, 256<<10)
	}
	return old, next
}

// TestCrashMidWrite kills the child at staggered moments of a fast upload
// of large objects: no object is ever torn, nor left behind half-named.
func TestCrashMidWrite(t *testing.T) {
	old, next := bigSites()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for i := range 8 {
		dir := t.TempDir()
		if _, err := Publish(context.Background(), old, bucketURL(dir), PublishOptions{Now: frozen}); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(exe, "-test.run=^TestCrashMidWrite$")
		cmd.Env = append(os.Environ(), "CRISIS_PUBLISH_CHILD="+bucketURL(dir), "CRISIS_PUBLISH_BIG=1")
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		bufio.NewScanner(out).Scan() // the upload has begun
		time.Sleep(time.Duration(i*3) * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		newer := 0
		for p, b := range readDir(t, dir) {
			switch {
			case bytes.Equal(b, next[p]):
				newer++
			case !bytes.Equal(b, old[p]):
				t.Errorf("kill %d: %s is torn or stray (%d bytes)", i, p, len(b))
			}
		}
		t.Logf("kill after %d ms: %d of %d objects new", i*3, newer, len(next))
	}
}

// TestMain runs the crash tests' child: it publishes the new site,
// printing each object before writing it (slowly for the small site), until
// killed.
func TestMain(m *testing.M) {
	if to := os.Getenv("CRISIS_PUBLISH_CHILD"); to != "" {
		_, next := twoSites()
		pause := 200 * time.Millisecond
		if os.Getenv("CRISIS_PUBLISH_BIG") != "" {
			_, next = bigSites()
			pause = 0
		}
		_, err := Publish(context.Background(), next, to, PublishOptions{Now: frozen, Progress: func(p string) {
			os.Stdout.WriteString(p + "\n")
			time.Sleep(pause)
		}})
		if err != nil {
			os.Stderr.WriteString(err.Error())
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

package statussite

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/go-git/go-billy/v5/memfs"
	"github.com/go-git/go-billy/v5/util"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/transport"
	"github.com/go-git/go-git/v5/storage/memory"
)

// DefaultBranch is the branch GitHub, GitLab and Codeberg Pages serve from
// unless told otherwise.
const DefaultBranch = "pages"

// PushGit commits the site as the whole tree of a branch of a git
// repository and pushes it: the remote moves from the old commit to the
// new one in a single reference update, so readers get the old site or the
// new one, never a mix. The URL is any go-git remote (a path, file://,
// https://, ssh://), with the branch as its fragment (#gh-pages); the
// default is "pages". Credentials are those of the URL or the SSH agent.
func PushGit(ctx context.Context, files Files, remote string, o PublishOptions) (Result, error) {
	branch := DefaultBranch
	if i := strings.LastIndex(remote, "#"); i >= 0 {
		remote, branch = remote[:i], remote[i+1:]
	}
	if !plumbing.NewBranchReferenceName(branch).IsBranch() || branch == "" {
		return Result{}, fmt.Errorf("%q is not a branch name", branch)
	}
	shown := remote
	if u, err := url.Parse(remote); err == nil && u.User != nil {
		shown = u.Redacted() // a password in the URL is never echoed in an error
	}
	res, err := pushGit(ctx, files, remote, branch, o)
	if err != nil && !errors.Is(err, errNoChange) {
		return res, &PublishError{To: "git " + shown + " " + branch, Err: err}
	}
	return res, nil
}

func pushGit(ctx context.Context, files Files, remote, branch string, o PublishOptions) (Result, error) {
	ref := plumbing.NewBranchReferenceName(branch)
	fs := memfs.New()
	repo, err := git.CloneContext(ctx, memory.NewStorage(), fs, &git.CloneOptions{URL: remote, ReferenceName: ref, SingleBranch: true, Depth: 1})
	switch {
	case errors.Is(err, transport.ErrEmptyRemoteRepository) || isNoBranch(err):
		// The first publish: a branch of its own, with no history.
		if repo, err = git.Init(memory.NewStorage(), fs); err != nil {
			return Result{}, err
		}
		if _, err = repo.CreateRemote(&config.RemoteConfig{Name: "origin", URLs: []string{remote}}); err != nil {
			return Result{}, err
		}
		if err := repo.Storer.SetReference(plumbing.NewSymbolicReference(plumbing.HEAD, ref)); err != nil {
			return Result{}, err
		}
	case err != nil:
		return Result{}, err
	}
	wt, err := repo.Worktree()
	if err != nil {
		return Result{}, err
	}
	// The branch holds the site and nothing else: the old files go, the new
	// ones come, and staging with All records the deletions too.
	entries, err := fs.ReadDir("/")
	if err != nil {
		return Result{}, err
	}
	for _, e := range entries {
		if err := util.RemoveAll(fs, e.Name()); err != nil {
			return Result{}, err
		}
	}
	files = withNoJekyll(files)
	for _, p := range files.Paths() {
		if err := fs.MkdirAll(path.Dir(p), 0o755); err != nil {
			return Result{}, err
		}
		f, err := fs.Create(p)
		if err != nil {
			return Result{}, err
		}
		if _, err := f.Write(files[p]); err != nil {
			return Result{}, err
		}
		if err := f.Close(); err != nil {
			return Result{}, err
		}
		if o.Progress != nil {
			o.Progress(p)
		}
	}
	if err := wt.AddWithOptions(&git.AddOptions{All: true}); err != nil {
		return Result{}, err
	}
	status, err := wt.Status()
	if err != nil {
		return Result{}, err
	}
	if status.IsClean() {
		return Result{Unchanged: len(files)}, errNoChange
	}
	sig := &object.Signature{Name: "crisis status", Email: "crisis-status@localhost", When: o.Now}
	if _, err := wt.Commit("status page "+o.Now.UTC().Format("2006-01-02 15:04:05Z"), &git.CommitOptions{Author: sig, Committer: sig}); err != nil {
		return Result{}, err
	}
	spec := config.RefSpec(ref.String() + ":" + ref.String())
	if err := repo.PushContext(ctx, &git.PushOptions{RemoteName: "origin", RefSpecs: []config.RefSpec{spec}}); err != nil {
		return Result{}, err
	}
	return Result{Written: len(files)}, nil
}

func isNoBranch(err error) bool {
	var nf git.NoMatchingRefSpecError
	return err != nil && (errors.As(err, &nf) || errors.Is(err, plumbing.ErrReferenceNotFound) || strings.Contains(err.Error(), "couldn't find remote ref"))
}

// withNoJekyll adds the empty .nojekyll file that tells GitHub Pages to
// serve the files as they are.
func withNoJekyll(f Files) Files {
	out := Files{".nojekyll": nil}
	for p, b := range f {
		out[p] = b
	}
	return out
}

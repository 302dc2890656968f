// Package fsutil holds the file-system operations that must survive a
// crash: replacing a file atomically and making a directory's entries
// durable, without ever replacing what is not a regular file. The
// journal, drill records and written reports share them.
package fsutil

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// WriteFile writes b to path. Only a regular file is ever replaced, and
// atomically: temp file in the same directory, fsync, rename over path,
// fsync the directory. Anything else at path is not replaced by a regular
// file: a symbolic link is followed and its target written (the link
// stays), a device or a named pipe is written through in place, as the
// shell's > would (report -o /dev/stdout; /dev/full fails with its error
// instead of being replaced), and a folder or a socket is an error.
func WriteFile(path string, b []byte, perm os.FileMode) error {
	st, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return replace(path, b, perm)
	case err != nil:
		return err
	case st.Mode()&fs.ModeSymlink != 0:
		target, err := filepath.EvalSymlinks(path)
		if err != nil {
			return fmt.Errorf("%s is a link that leads nowhere: %w", path, err)
		}
		return WriteFile(target, b, perm)
	case st.Mode().IsRegular():
		return replace(path, b, perm)
	case st.Mode()&(fs.ModeDevice|fs.ModeCharDevice|fs.ModeNamedPipe) != 0:
		return writeThrough(path, b)
	default:
		return fmt.Errorf("%s is %s, not a file: give a file name", path, Kind(st.Mode()))
	}
}

// replace writes a new regular file at path and renames it over whatever
// regular file was there.
func replace(path string, b []byte, perm os.FileMode) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err := f.Chmod(perm); err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	ok = true
	return SyncDir(dir)
}

// writeThrough writes into an existing device or pipe without creating or
// truncating anything.
func writeThrough(path string, b []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Kind names a kind of file that is not a regular one, for messages:
// "a named pipe (FIFO)".
func Kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	default:
		return "a special file"
	}
}

// SyncDir makes a directory's entries (new files, renames) durable.
func SyncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil // directories cannot be opened for sync there
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync directory %s: %w", dir, err)
	}
	return nil
}

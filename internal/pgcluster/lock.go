package pgcluster

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// ErrInUse is returned by Start with Options.Exclusive when another process
// (or another Cluster of this one) holds the cluster folder.
var ErrInUse = errors.New("pgcluster: the cluster is in use by another process")

// dirLock is an exclusive advisory lock (flock) on Dir/lock, held from Start
// to Stop; the file names the holder's pid. The kernel releases it when the
// holder dies, however it dies, so a crash never leaves the folder locked.
type dirLock struct{ f *os.File }

// lockDir takes the lock on dir without waiting. It returns an error
// wrapping ErrInUse, naming the holder's pid, when another holder has it.
func lockDir(dir string) (*dirLock, error) {
	path := filepath.Join(dir, "lock")
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("pgcluster: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		b, _ := os.ReadFile(path)
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			holder := "another process"
			if pid, perr := strconv.Atoi(strings.TrimSpace(string(b))); perr == nil {
				holder = "process " + strconv.Itoa(pid)
			}
			return nil, fmt.Errorf("%w: %s holds %s", ErrInUse, holder, path)
		}
		return nil, fmt.Errorf("pgcluster: locking %s: %w", path, err)
	}
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &dirLock{f: f}, nil
}

// release gives the lock up; it is safe on a nil lock.
func (l *dirLock) release() {
	if l != nil && l.f != nil {
		_ = syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
		l.f.Close()
		l.f = nil
	}
}

//go:build unix

package runner

import (
	"bytes"
	"errors"
	"os"
	"strconv"
	"syscall"
)

// processAlive reports whether a process with this id runs on this host.
// A zombie — exited, not yet reaped by its parent, which signal 0 still
// reaches — is not running: a writer killed with SIGKILL stays one where
// nothing reaps it (a container whose first process never does), and its
// lock would never be taken for stale.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return (err == nil || errors.Is(err, syscall.EPERM)) && !exited(pid)
}

// exited reports whether /proc says the process has exited (state Z,
// zombie, or X, dead); false where there is no /proc to ask.
func exited(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	// "pid (command) state …": the command may hold spaces and
	// parentheses, so the state follows the last ')'.
	i := bytes.LastIndexByte(b, ')')
	if i < 0 || i+2 >= len(b) {
		return false
	}
	return b[i+2] == 'Z' || b[i+2] == 'X'
}

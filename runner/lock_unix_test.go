//go:build unix

package runner

import (
	"os"
	"os/exec"
	"testing"
	"time"
)

// A process that has exited but is not yet reaped (a zombie, which
// signal 0 still reaches) is not alive: a lock it left is stale. This
// process is alive; a child that has exited, before Wait reaps it, is
// not.
func TestZombieIsNotAlive(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc to tell a zombie by")
	}
	if !processAlive(os.Getpid()) {
		t.Fatal("this process reads as not alive")
	}
	cmd := exec.Command("true")
	if err := cmd.Start(); err != nil {
		t.Skip("cannot start a child:", err)
	}
	defer cmd.Wait()
	for deadline := time.Now().Add(10 * time.Second); !exited(cmd.Process.Pid); {
		if time.Now().After(deadline) {
			t.Fatal("the child did not exit within 10 s")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if processAlive(cmd.Process.Pid) {
		t.Error("an exited, unreaped child reads as alive")
	}
}

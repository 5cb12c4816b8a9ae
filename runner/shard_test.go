package runner

import (
	"os"
	"testing"
)

// ShardEnvSource names what ShardFromEnv read, for the notice a sweep
// prints: the Job's index, or Slurm's array variables; nothing when no
// scheduler set them.
func TestShardEnvSource(t *testing.T) {
	for _, name := range []string{"JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN"} {
		t.Setenv(name, "")
		os.Unsetenv(name)
	}
	if got := ShardEnvSource(); got != "" {
		t.Errorf("no scheduler: %q, want none", got)
	}
	t.Setenv("SLURM_ARRAY_TASK_ID", "4")
	t.Setenv("SLURM_ARRAY_TASK_COUNT", "3")
	t.Setenv("SLURM_ARRAY_TASK_MIN", "3")
	if got, want := ShardEnvSource(), "SLURM_ARRAY_TASK_ID=4, SLURM_ARRAY_TASK_COUNT=3, SLURM_ARRAY_TASK_MIN=3"; got != want {
		t.Errorf("Slurm: %q, want %q", got, want)
	}
	t.Setenv("JOB_COMPLETION_INDEX", "2")
	if got, want := ShardEnvSource(), "JOB_COMPLETION_INDEX=2"; got != want {
		t.Errorf("a Kubernetes Job, read first: %q, want %q", got, want)
	}
}

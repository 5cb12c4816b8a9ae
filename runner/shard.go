package runner

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// Shard selects the i-th of n disjoint slices of the work (0-based): chunk
// k belongs to shard k mod n.
type Shard struct{ Index, Count int }

func (s Shard) owns(k int) bool { return s.Count <= 1 || k%s.Count == s.Index }

// check says what is wrong with a shard: with a count of 0 or 1 (no
// sharding) the index is 0, and otherwise in [0, count).
func (s Shard) check() error {
	switch {
	case s.Count < 0:
		return fmt.Errorf("runner: shard count %d; allowed: 0 or 1 (no sharding) or more", s.Count)
	case s.Count <= 1 && s.Index != 0:
		return fmt.Errorf("runner: shard %d of %d; allowed: index 0 without sharding", s.Index, s.Count)
	case s.Index < 0 || s.Index >= max(s.Count, 1):
		return fmt.Errorf("runner: shard %d of %d; allowed: an index from 0 to %d", s.Index, s.Count, s.Count-1)
	}
	return nil
}

// ParseShard reads a shard written "i/n", i counted from 1 (sweep's
// --shard), into a 0-based Shard. Its error begins "shard", so that a
// command line can name its flag by prefixing "--".
func ParseShard(s string) (Shard, error) {
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 1 || i > n {
		return Shard{}, fmt.Errorf("shard %q: allowed: i/n with 1 ≤ i ≤ n, e.g. 2/4", s)
	}
	return Shard{Index: i - 1, Count: n}, nil
}

// ShardEnvSource names the variables, with their values, that
// ShardFromEnv read a shard from: "JOB_COMPLETION_INDEX=3", or Slurm's
// array variables. It is for a notice; "" if none is set.
func ShardEnvSource() string {
	if v, ok := os.LookupEnv("JOB_COMPLETION_INDEX"); ok {
		return "JOB_COMPLETION_INDEX=" + v
	}
	if _, ok := os.LookupEnv("SLURM_ARRAY_TASK_ID"); !ok {
		return ""
	}
	env := fmt.Sprintf("SLURM_ARRAY_TASK_ID=%s, SLURM_ARRAY_TASK_COUNT=%s", os.Getenv("SLURM_ARRAY_TASK_ID"), os.Getenv("SLURM_ARRAY_TASK_COUNT"))
	if m := os.Getenv("SLURM_ARRAY_TASK_MIN"); m != "" {
		env += ", SLURM_ARRAY_TASK_MIN=" + m
	}
	return env
}

// ShardFromEnv finds the shard a cluster scheduler assigned: a Kubernetes
// Indexed Job sets JOB_COMPLETION_INDEX (0-based; the count comes from
// --shards); a Slurm job array sets SLURM_ARRAY_TASK_ID and
// SLURM_ARRAY_TASK_COUNT (task ids are assumed to run from
// SLURM_ARRAY_TASK_MIN, default 0). It returns ok false when neither is
// set, and an error if shards is given without JOB_COMPLETION_INDEX.
func ShardFromEnv(shards int) (Shard, bool, error) {
	if v, set := os.LookupEnv("JOB_COMPLETION_INDEX"); set {
		i, err := strconv.Atoi(v)
		if err != nil || i < 0 {
			return Shard{}, false, fmt.Errorf("JOB_COMPLETION_INDEX=%q is not an index; allowed: a whole number ≥ 0 (the Job's completion index, from 0)", v)
		}
		if shards < 1 {
			return Shard{}, false, fmt.Errorf("JOB_COMPLETION_INDEX is set: give the number of shards with --shards (the Job's completions)")
		}
		if i >= shards {
			return Shard{}, false, fmt.Errorf("JOB_COMPLETION_INDEX=%d but --shards %d; allowed: an index in [0, %d] (--shards is the Job's completions)", i, shards, shards-1)
		}
		return Shard{Index: i, Count: shards}, true, nil
	}
	if v, set := os.LookupEnv("SLURM_ARRAY_TASK_ID"); set {
		id, err := strconv.Atoi(v)
		count, err2 := strconv.Atoi(os.Getenv("SLURM_ARRAY_TASK_COUNT"))
		if err != nil || err2 != nil || count < 1 {
			return Shard{}, false, fmt.Errorf("SLURM_ARRAY_TASK_ID=%q / SLURM_ARRAY_TASK_COUNT=%q are not an index and a count; allowed: whole numbers, a count of at least 1", v, os.Getenv("SLURM_ARRAY_TASK_COUNT"))
		}
		lo := 0
		if m := os.Getenv("SLURM_ARRAY_TASK_MIN"); m != "" {
			if lo, err = strconv.Atoi(m); err != nil {
				return Shard{}, false, fmt.Errorf("SLURM_ARRAY_TASK_MIN=%q is not a number; allowed: a whole number, the array's first index", m)
			}
		}
		i := id - lo
		if i < 0 || i >= count {
			return Shard{}, false, fmt.Errorf("SLURM_ARRAY_TASK_ID=%d is outside the array; allowed: %d…%d (SLURM_ARRAY_TASK_MIN=%d and SLURM_ARRAY_TASK_COUNT=%d)", id, lo, lo+count-1, lo, count)
		}
		if shards != 0 && shards != count {
			return Shard{}, false, fmt.Errorf("--shards %d but SLURM_ARRAY_TASK_COUNT=%d; allowed: no --shards under Slurm, which gives the count", shards, count)
		}
		return Shard{Index: i, Count: count}, true, nil
	}
	if shards != 0 {
		// Without an index every pod of a misconfigured Job would run
		// the whole work.
		return Shard{}, false, fmt.Errorf("--shards %d but JOB_COMPLETION_INDEX is not set; allowed: --shards in a Kubernetes Indexed Job, which sets the index, or --shard i/n", shards)
	}
	return Shard{}, false, nil
}

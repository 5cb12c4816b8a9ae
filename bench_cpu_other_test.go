//go:build !unix

package alliancesim_test

import "time"

// processCPU is not measured on this platform: the cpu-ns/op metric is
// not reported.
func processCPU() time.Duration { return 0 }

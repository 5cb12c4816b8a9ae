package runner

import (
	"fmt"
	"slices"
	"strings"
)

// Design is how a sweep's points were chosen (configs.Experiment): the
// kind — grid, lhs, morris, sobol or points — and what the sensitivity
// analysis needs to read them: samples (lhs points, morris trajectories,
// sobol base rows), morris's levels and candidates, sobol's base. The
// points of a drawn design carry their unit coordinates (Point.Unit,
// ManifestPoint.Unit).
type Design struct {
	Kind       string `json:"kind"`
	Samples    int    `json:"samples,omitempty"`
	Levels     int    `json:"levels,omitempty"`
	Candidates int    `json:"candidates,omitempty"`
	Base       string `json:"base,omitempty"`
	// Points is a points design's file as the experiment named it (for
	// people; not compared).
	Points string `json:"points,omitempty"`
}

// designNames is the table Designs returns a copy of.
var designNames = []string{"grid", "lhs", "morris", "sobol", "points"}

// Designs returns the kinds of design a plan (and a manifest read back) may
// have, as an experiment file may name them (configs.Designs), as a copy:
// changing it changes nothing the engine reads.
func Designs() []string {
	return slices.Clone(designNames)
}

// drawn reports whether the design's points have unit coordinates.
func (d *Design) drawn() bool {
	return d != nil && (d.Kind == "lhs" || d.Kind == "morris" || d.Kind == "sobol")
}

// compared is what of the design identifies the work, in words: the kind
// and, for a drawn design, only the settings it has (a grid's are all
// zero, and "samples 0, levels 0" said nothing).
func (d *Design) compared() string {
	if d == nil {
		return "none (a single scenario)"
	}
	var parts []string
	for _, f := range []struct {
		name string
		n    int
	}{{"samples", d.Samples}, {"levels", d.Levels}, {"candidates", d.Candidates}} {
		if f.n != 0 {
			parts = append(parts, fmt.Sprintf("%s %d", f.name, f.n))
		}
	}
	if d.Base != "" {
		parts = append(parts, "base "+d.Base)
	}
	if len(parts) == 0 {
		return d.Kind
	}
	return d.Kind + " (" + strings.Join(parts, ", ") + ")"
}

// check reports a design that does not fit k varied paths and n points
// (a manifest read from disk is checked as any input).
func (d *Design) check(k, n int) error {
	if d == nil {
		return nil
	}
	if !slices.Contains(designNames, d.Kind) {
		return fmt.Errorf("unknown design %q; allowed: %s", d.Kind, strings.Join(designNames, ", "))
	}
	if !d.drawn() {
		return nil
	}
	if d.Samples < 1 {
		return fmt.Errorf("a %s design has %d samples; allowed: at least 1", d.Kind, d.Samples)
	}
	want := d.Samples // lhs
	switch d.Kind {
	case "morris":
		want = d.Samples * (k + 1)
	case "sobol":
		want = d.Samples * (k + 2)
	}
	if want != n {
		return fmt.Errorf("a %s design of %d samples over %d paths has %d points, not %d", d.Kind, d.Samples, k, want, n)
	}
	return nil
}

// inUnit reports whether every coordinate lies in [0, 1].
func inUnit(u []float64) bool {
	for _, x := range u {
		if !(x >= 0 && x <= 1) {
			return false
		}
	}
	return true
}

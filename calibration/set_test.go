package calibration

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
)

// europe is the calibration of europe-1947.
func europe(t *testing.T) Spec {
	t.Helper()
	for _, s := range Specs() {
		if s.Scenario == "europe-1947" {
			return s
		}
	}
	t.Fatal("no calibration of europe-1947")
	return Spec{}
}

// A probe with --set runs every candidate with the change: setting a
// default to its own value changes nothing, setting it to another value
// changes the shares, and the report says it is a probe.
func TestRunWithSet(t *testing.T) {
	if testing.Short() {
		t.Skip("three small calibrations")
	}
	spec, ctx := europe(t), context.Background()
	run := func(set ...configs.Assignment) *Report {
		t.Helper()
		rep, err := Run(ctx, spec, Options{Runs: 4, Set: set})
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	plain := run()
	same := run(configs.Assignment{Path: "params.p_weak", Value: 0.6}) // the default
	equal := run(configs.Assignment{Path: "params.p_weak", Value: 0.75}, configs.Assignment{Path: "params.p_strong", Value: 0.75})
	if !reflect.DeepEqual(plain.Candidates, same.Candidates) || !reflect.DeepEqual(plain.HeldOut, same.HeldOut) {
		t.Error("setting p_weak to its default changed the calibration")
	}
	if reflect.DeepEqual(plain.Candidates, equal.Candidates) {
		t.Error("equal honour probabilities left every candidate's shares as they were: the change was not applied")
	}
	if len(plain.Set) != 0 || !reflect.DeepEqual(equal.Set, []string{"params.p_weak=0.75", "params.p_strong=0.75"}) {
		t.Errorf("recorded changes: %v and %v", plain.Set, equal.Set)
	}
	var a, b bytes.Buffer
	if err := Write(&a, []*Report{plain}); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, []*Report{equal}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.String(), "ran with `--set") {
		t.Error("the calibration without --set says it ran with changes")
	}
	// Four runs say so, and name the seeds they ran on.
	for _, want := range []string{"calibration seeds 1–4;", "held-out seeds 1001–1004,",
		"**Not the calibration of record:** 4 runs per candidate and for the held-out check (`--runs 4`), where the record takes 500.",
		"**Not the calibration of record:** it calibrates europe-1947; the record calibrates europe-1947 and asia-1950, in that order."} {
		if !strings.Contains(a.String(), want) {
			t.Errorf("the report of 4 runs does not say %q", want)
		}
	}
	if !strings.HasPrefix(b.String(), "**A probe, not the calibration of record:** 4 runs per candidate and for the held-out check (`--runs 4`), where the record takes 500; it calibrates europe-1947, where the record calibrates europe-1947 and asia-1950, in that order; every candidate and the held-out check ran with `--set params.p_weak=0.75`, `--set params.p_strong=0.75`.\n") {
		t.Errorf("the probe's report does not open by saying what it ran with:\n%s", b.String()[:min(b.Len(), 2000)])
	}
	if !strings.Contains(b.String(), "**A probe, not the calibration of record:** every candidate and the held-out check ran with `--set params.p_weak=0.75`, `--set params.p_strong=0.75`, which the header above") {
		t.Errorf("the probe's report does not say what it ran with:\n%s", b.String()[:min(b.Len(), 2000)])
	}
}

// A calibrated input cannot be set: the grid sets it.
func TestRunRefusesACalibratedInput(t *testing.T) {
	_, err := Run(context.Background(), europe(t), Options{Runs: 1, Set: []configs.Assignment{{Path: "states.sov.revisionism", Value: 0.2}}})
	if err == nil || !strings.Contains(err.Error(), "states.sov.revisionism: a calibrated input of europe-1947, which the calibration tries at each of 0, 0.05,") {
		t.Errorf("got %v", err)
	}
}

// A --set that leaves no combination of the inputs admitted is an error
// naming the constraint, before any run (an empty grid indexed its
// chosen candidate, -1, and panicked).
func TestRunRefusesAnEmptyGrid(t *testing.T) {
	var asia Spec
	for _, s := range Specs() {
		if s.Scenario == "asia-1950" {
			asia = s
		}
	}
	_, err := Run(context.Background(), asia, Options{Runs: 1, Set: []configs.Assignment{{Path: "states.prk.revisionism", Value: 0.1}}})
	if err == nil || !strings.Contains(err.Error(), "calibration of asia-1950: the constraints exclude all 42 combinations of the inputs with states.prk.revisionism=0.1") ||
		!strings.Contains(err.Error(), "North Korea") {
		t.Errorf("got %v", err)
	}
}

// France's grievance into Italy is a calibrated input too.
func TestRunRefusesTheCalibratedGrievance(t *testing.T) {
	_, err := Run(context.Background(), europe(t), Options{Runs: 1, Set: []configs.Assignment{{Path: "states.fra.grievance.ita", Value: 0.2}}})
	if err == nil || !strings.Contains(err.Error(), "states.fra.grievance.ita: a calibrated input of europe-1947, which the calibration tries at each of 0.15, 0.2, 0.25") {
		t.Errorf("got %v", err)
	}
}

// Check refuses what Run refuses, running nothing: a --set naming a state
// only europe-1947 has is refused for asia-1950 and allowed for
// europe-1947; a run count beyond the calibration seeds for either.
func TestCheck(t *testing.T) {
	deu := []configs.Assignment{{Path: "states.deu.revisionism", Value: 0.1}}
	for _, spec := range Specs() {
		err := Check(spec, Options{Set: deu})
		if europe := spec.Scenario == "europe-1947"; (err == nil) != europe {
			t.Errorf("%s with states.deu.revisionism set: %v", spec.Scenario, err)
		}
		if err != nil && !strings.Contains(err.Error(), "names no state of asia-1950") {
			t.Errorf("%s: %v", spec.Scenario, err)
		}
		if err := Check(spec, Options{Runs: MaxRuns + 1}); err == nil {
			t.Errorf("%s: %d runs per candidate allowed", spec.Scenario, MaxRuns+1)
		}
	}
}

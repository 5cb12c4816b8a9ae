package main

import (
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/sim"
)

// Every word the legend explains is one the engine writes, and a run's
// legend says in plain words what the words its timeline and table use
// mean, only those: asia-1950 at seed 7 has the patron's multilateral
// refused and its fallback bilaterals, client and bilateral alliances in
// force at the end, and no imposed alliance.
func TestRunLegendSaysWhatTheEnginesWordsMean(t *testing.T) {
	for _, list := range [][]meaning{proposalMeanings, originMeanings, causeMeanings} {
		for _, m := range list {
			if m.word == "" || strings.Contains(m.word, "(") || m.says == "" {
				t.Errorf("%q: %q names no word of the engine, or says nothing", m.word, m.says)
			}
		}
	}
	out, err := execute(t, "run", "asia-1950", "--seed", "7")
	if err != nil {
		t.Fatal(err)
	}
	_, legend, ok := strings.Cut(out, "\nWhat the words above mean\n")
	if !ok {
		t.Fatalf("no legend:\n%s", out)
	}
	for _, want := range []string{
		"  proposal (coalition)           a client's offer to other clients\n",
		"  proposal (fallback-bilateral)  after a refused multilateral, a patron's bilateral with an invitee left out\n",
		"  table    formed as             the size at formation",
		"  origin   client                formed by clients alone\n",
		"  cause    horizon               still in force when the run ended\n",
	} {
		if !strings.Contains(legend, want) {
			t.Errorf("the legend lacks %q:\n%s", want, legend)
		}
	}
	for _, unused := range []string{"(subset)", sim.OriginImposed.String(), sim.EndMembersLeft.String()} {
		if strings.Contains(legend, unused) {
			t.Errorf("the legend explains %q, which the run does not use:\n%s", unused, legend)
		}
	}
	if !strings.Contains(out, "(fallback-bilateral) to jpn") || !strings.Contains(out, "(coalition)") {
		t.Errorf("the run no longer uses the words the test reads:\n%s", out)
	}
}

// A run without proposals or alliances has no legend.
func TestRunLegendOfAnEmptyRun(t *testing.T) {
	var b strings.Builder
	printRunLegend(&b, &sim.Result{})
	if b.Len() != 0 {
		t.Errorf("a legend of nothing: %q", b.String())
	}
}

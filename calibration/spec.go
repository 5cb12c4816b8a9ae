package calibration

import (
	"fmt"

	"github.com/alliancesim/alliancesim/sim"
)

// Input is one free input of a scenario: a number the record does not
// pin down, the values the calibration tries, and how to read and set it
// in a scenario.
type Input struct {
	Name   string    // as the report names it, e.g. "states.sov.revisionism"
	Why    string    // why it is free: what the sources say and do not say
	Values []float64 // the values tried, in grid order
	Paths  []string  // the scenario paths it sets, as --set names them
	Get    func(sc *sim.Scenario) float64
	Set    func(sc *sim.Scenario, v float64)
}

// A Constraint keeps out of the grid the combinations of values that the
// sources rule out, such as an order between two states' intents that the
// scenario states from the record. Admit sees the built-in scenario with
// the combination's values set.
type Constraint struct {
	Why   string // the rule and its source, as the report prints it
	Admit func(sc *sim.Scenario) bool
}

// Spec is the calibration of one scenario.
type Spec struct {
	Scenario    string
	Inputs      []Input
	Constraints []Constraint
}

// Specs are the calibrations of the built-in historical scenarios.
func Specs() []Spec {
	return []Spec{
		{Scenario: "europe-1947", Inputs: []Input{
			revisionism("sov", "The Soviet Union's intent as read in 1947-01, before the Czech coup and the Berlin blockade (scripted shocks on top of it). "+
				"In January 1947 London still doubted how real the Russian risk was (Foreign Office memo cited by Cohen, seed 002); no source gives a number. "+
				"The scenario's judgement reads that doubt as a reading at most the status quo's neutral ½ (a bound set on 2026-12-05, once a grid extended past 0.4 had shown 0.45 beating 0.4: docs/model.md §6.6).",
				0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5),
			grievance("fra", "ita", "France's grievance into Italy, which attacked it in June 1940 and occupied part of it in 1942-43 (the border was settled only by the 1947 peace treaty). "+
				"No source gives a size. The scenario orders it from the record: above Britain's into Italy (0.1, the scenario's judgement; Italy fought Britain abroad but invaded France) "+
				"and below France's into Germany (0.3; Germany occupied all of France, Italy a zone), at the steps of 0.05 of the Soviet grid. "+
				"It decides whether France admits Italy to its pact, which trades E2 against E3 and E5 (docs/model.md §6.4).",
				0.15, 0.2, 0.25),
		}, Constraints: []Constraint{{
			Why: "France's grievance into Italy lies strictly between Britain's into Italy (Italy fought Britain abroad, but invaded France) " +
				"and France's into Germany (Germany occupied all of France, Italy a zone). The order is the scenario's reading of the record, and the bounds are its judgement of those two grievances.",
			Admit: func(sc *sim.Scenario) bool {
				fra, gbr := state(sc, "fra"), state(sc, "gbr")
				return gbr.Grievance["ita"] < fra.Grievance["ita"] && fra.Grievance["ita"] < fra.Grievance["deu"]
			},
		}}},
		{Scenario: "asia-1950", Inputs: []Input{
			revisionism("chn", "The PRC's intent as read in 1950-01, before the Korean War shocks: three months after its founding, "+
				"before any clash with a US client. He & Feng (seed 000, citing Mabon 1988) describe the Russian threat to the region before the Korean War as real but not yet a pressing military one, which the scenario reads of each adversary; no source gives a number. "+
				"At the steps of 0.05 of europe-1947's grid, up to the constraint's bound.",
				0.2, 0.25, 0.3, 0.35, 0.4, 0.45),
			revisionism("sov", "The Soviet Union's intent in Asia as read in 1950-01: cautious in Asia (a reading, not evidence of Soviet intent: Acheson's perimeter speech of 1950-01 left Korea and Taiwan outside the line Washington would defend); no source gives a number. "+
				"At the steps of 0.05 of europe-1947's grid, up to the constraint's bound.",
				0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4),
		}, Constraints: []Constraint{{
			Why: "The adversaries' pre-war readings keep the order the scenario states from the record: North Korea (border clashes of 1949; " +
				"its revisionism, 0.5, is the scenario's judgement, not calibrated: no source gives a number) above the PRC above the USSR (cautious in Asia). " +
				"The order is the record's; the bound it sets on the PRC's value rests on that judgement.",
			Admit: func(sc *sim.Scenario) bool {
				prk, chn, sov := state(sc, "prk").Revisionism, state(sc, "chn").Revisionism, state(sc, "sov").Revisionism
				return prk > chn && chn > sov
			},
		}}},
	}
}

// revisionism is a state's revisionism as a free input.
func revisionism(id, why string, values ...float64) Input {
	name := "states." + id + ".revisionism"
	return Input{Name: name, Why: why, Values: values, Paths: []string{name},
		Get: func(sc *sim.Scenario) float64 { return state(sc, id).Revisionism },
		Set: func(sc *sim.Scenario, v float64) { state(sc, id).Revisionism = v }}
}

// grievance is a state's grievance into another as a free input.
func grievance(id, into, why string, values ...float64) Input {
	name := "states." + id + ".grievance." + into
	return Input{Name: name, Why: why, Values: values, Paths: []string{name},
		Get: func(sc *sim.Scenario) float64 { return state(sc, id).Grievance[into] },
		Set: func(sc *sim.Scenario, v float64) {
			st := state(sc, id)
			if st.Grievance == nil {
				st.Grievance = map[string]float64{}
			}
			st.Grievance[into] = v
		}}
}

// state returns the state with the id; the specs name only states of
// their scenarios (TestSpecsNameTheirScenarios).
func state(sc *sim.Scenario, id string) *sim.State {
	if i := sc.Index(id); i >= 0 {
		return &sc.States[i]
	}
	panic(fmt.Sprintf("calibration: scenario %s has no state %s", sc.Name, id))
}

package timeline_test

import (
	"fmt"

	"github.com/alliancesim/alliancesim/sim"
	"github.com/alliancesim/alliancesim/timeline"
)

// The engine records each event as fields (a run's Result.Events, or
// World.EventRecord of what an observer is handed); timeline writes the
// sentence. A proposal's answers carry its number (Offer).
func ExampleDescribe() {
	events := []sim.EventRecord{
		{Date: "1950-01", Type: sim.EventProposal, Actor: "vnm", Others: []string{"gbr"}, Alliance: -1,
			Proposal: "coalition", Commitment: "strong", Kind: "bilateral", Offer: 1},
		{Date: "1950-01", Type: sim.EventAcceptance, Actor: "vnm", Others: []string{"gbr"}, Alliance: -1, Offer: 1},
		{Date: "1950-01", Type: sim.EventFormed, Others: []string{"vnm", "gbr"}, Alliance: 0,
			Commitment: "strong", Kind: "bilateral", Origin: "client"},
		{Date: "1954-07", Type: sim.EventEnded, Alliance: 0, Cause: sim.EndOccupied},
	}
	for _, e := range events {
		fmt.Println(e.Date, timeline.Describe(&e))
	}
	// Output:
	// 1950-01 vnm proposes a strong bilateral alliance (coalition) to gbr (offer 1)
	// 1950-01 gbr accepts vnm's offer 1
	// 1950-01 alliance 0 formed: vnm, gbr, strong bilateral (client)
	// 1954-07 alliance 0 ends (occupied)
}

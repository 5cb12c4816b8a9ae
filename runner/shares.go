package runner

import (
	"fmt"
	"slices"
)

// Share names one indicator of a run: whether a kind of alliance ever
// formed in it. The summary reports, for each, the share of runs in which
// it did (docs/model.md §7.14), with its interval.
type Share int

// The shares, in the order of ShareKeys.
const (
	// ClientAlliance: an alliance formed by clients alone (origin client,
	// or indigenous: a patron joined it later).
	ClientAlliance Share = iota
	// ClientAlliance3Plus: such an alliance had three or more members
	// while the clients stood alone.
	ClientAlliance3Plus
	// PatronBilateral, PatronTrilateral, PatronMultilateral: a patron
	// committed to an alliance of 2, 3, or 4 or more members (its size when
	// the patron entered it, at formation or by joining).
	PatronBilateral
	PatronTrilateral
	PatronMultilateral
	// PatronMultilateralIndigenous: … one the clients had formed (H2, H5).
	PatronMultilateralIndigenous
	// PatronMultilateralImposed: … one the patron initiated (H3).
	PatronMultilateralImposed
	// PatronMultilateralStrong: … with strong commitment.
	PatronMultilateralStrong
	numShares
)

// shareKeys is the table ShareKeys returns a copy of.
var shareKeys = []string{
	"client_alliance",
	"client_alliance_3plus",
	"patron_bilateral",
	"patron_trilateral",
	"patron_multilateral",
	"patron_multilateral_indigenous",
	"patron_multilateral_imposed",
	"patron_multilateral_strong",
}

// ShareKeys returns the names of the shares in summary.json, runs.csv
// and points.csv, indexed by Share, as a copy: changing it changes
// nothing the engine reads.
func ShareKeys() []string {
	return slices.Clone(shareKeys)
}

func (s Share) String() string {
	if s < 0 || int(s) >= len(shareKeys) {
		return fmt.Sprintf("Share(%d)", int(s))
	}
	return shareKeys[s]
}

// runMeasures is what one run contributes to a summary, as written to
// runs.csv: which shares happened, the tick of the first patron
// commitment (-1 if none) and the hub-and-spokes index at each checkpoint.
type runMeasures struct {
	Happened        [numShares]bool
	FirstCommitment int
	Hub             []hubValue
}

// hubValue is the hub-and-spokes index of a run at a checkpoint; OK is
// false when no patron alliance was in force then. Reached is false when
// the checkpoint lies outside the run (a pooled checkpoint of a sweep
// whose points differ in horizon or calendar): the run says nothing of it.
type hubValue struct {
	Index   float64
	OK      bool
	Reached bool
}

// In reports whether the share's indicator happened in run r: its 0 or
// 1 in runs.csv, from the run's alliance records as the summary counts it.
// A nil record, or a Share that names no share, is false.
func (s Share) In(r *Record) bool {
	if r == nil || s < 0 || s >= numShares {
		return false
	}
	return happened(r)[s]
}

// happened is, for every share, whether its indicator happened in run r.
func happened(r *Record) (h [numShares]bool) {
	for i := range r.Alliances {
		a := &r.Alliances[i]
		if a.Origin == "client" || a.Origin == "indigenous" {
			h[ClientAlliance] = true
			if a.ClientPeak >= 3 {
				h[ClientAlliance3Plus] = true
			}
		}
		if a.PatronJoined < 0 {
			continue
		}
		switch {
		case a.PatronSize == 2:
			h[PatronBilateral] = true
		case a.PatronSize == 3:
			h[PatronTrilateral] = true
		case a.PatronSize >= 4:
			h[PatronMultilateral] = true
			switch a.Origin {
			case "indigenous":
				h[PatronMultilateralIndigenous] = true
			case "imposed":
				h[PatronMultilateralImposed] = true
			}
			if a.Strong {
				h[PatronMultilateralStrong] = true
			}
		}
	}
	return h
}

// measureRun computes the run's built-in measures from its alliance records.
func measureRun(r *Record, hubTicks []int) runMeasures {
	m := runMeasures{Happened: happened(r), FirstCommitment: -1, Hub: make([]hubValue, len(hubTicks))}
	if a := r.FirstPatronAlliance(); a != nil {
		m.FirstCommitment = a.PatronJoined
	}
	measureHub(r, hubTicks, m.Hub)
	return m
}

// measureHub sets hub[i] to the run's hub-and-spokes index at hubTicks[i].
func measureHub(r *Record, hubTicks []int, hub []hubValue) {
	for i, t := range hubTicks {
		hub[i] = hubValue{Reached: t >= 0 && t < r.Ticks}
		hub[i].Index, hub[i].OK = HubSpokesIndex(r, t)
	}
}

// HubSpokesIndex is bilateral patron alliances ÷ all patron alliances in
// force at tick t; ok is false when there are none, and at a tick outside
// the run, 0 to r.Ticks−1 (of which the record knows nothing), or of a
// nil record.
func HubSpokesIndex(r *Record, t int) (float64, bool) {
	if r == nil || t < 0 || t >= r.Ticks {
		return 0, false
	}
	bi, all := 0, 0
	for i := range r.Alliances {
		ms := r.Alliances[i].MembersAt(t)
		if len(ms) >= 2 && r.HasPatron(ms) {
			all++
			if len(ms) == 2 {
				bi++
			}
		}
	}
	if all == 0 {
		return 0, false
	}
	return float64(bi) / float64(all), true
}

package main

import (
	"context"
	"testing"
)

// HISTORY.md: a model that cannot be told apart from its alternatives
// explains nothing. Some alternative theory (strategy/valuation) misses
// at least two targets that the default (assurance/prospect) meets.
func TestCompareDiscriminates(t *testing.T) {
	if testing.Short() {
		t.Skip("six theories × two scenarios × 100 runs")
	}
	s, err := scorecard(context.Background(), 100, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	if s.cols[0] != "assurance/prospect" {
		t.Fatalf("the default comes first, got %s", s.cols[0])
	}
	best := ""
	for _, col := range s.cols[1:] {
		missed := s.missedOnlyBy(col)
		t.Logf("%s misses %v, which the default meets", col, missed)
		if len(missed) >= 2 && best == "" {
			best = col
		}
	}
	if best == "" {
		t.Error("no alternative misses two targets the default meets: the scorecard does not tell the theories apart")
	}
}

// missedOnlyBy lists the targets the first theory meets and col misses.
func (s *scores) missedOnlyBy(col string) []string {
	var out []string
	for _, id := range s.ids {
		if s.table[s.cols[0]][id].Met && !s.table[col][id].Met {
			out = append(out, id)
		}
	}
	return out
}

package sim

import (
	"slices"
	"testing"
)

// dismiss closes only the state's open spell: c1 founded the alliance at
// 1, left at 3 and was voted back in at 5; its occupation at 8 ends the
// second spell and leaves the first as it closed, [1, 3) left.
func TestDismissClosesTheOpenSpell(t *testing.T) {
	a := Alliance{Formed: 1, Ended: -1}
	a.admit(c1, 1, EntryFounded)
	a.admit(c2, 1, EntryFounded)
	a.dismiss(c1, 3, ExitLeft)
	a.admit(c1, 5, EntryApplied)
	a.dismiss(c1, 8, ExitOccupied)
	want := []Spell{
		{State: c1, Joined: 1, Left: 3, Entry: EntryFounded, Exit: ExitLeft},
		{State: c2, Joined: 1, Left: -1, Entry: EntryFounded},
		{State: c1, Joined: 5, Left: 8, Entry: EntryApplied, Exit: ExitOccupied},
	}
	if !slices.Equal(a.Spells, want) {
		t.Errorf("spells %+v\nwant %+v", a.Spells, want)
	}
	// c1 was a member in [1, 3) and [5, 8): not at 4, again at 5.
	for tick, members := range map[int][]int{2: {c1, c2}, 4: {c2}, 5: {c1, c2}, 8: {c2}} {
		if got := a.MembersAt(tick); got != set(members...) {
			t.Errorf("members at %d: %v, want %v", tick, got, set(members...))
		}
	}
}

// An alliance prints its id, its kind now (of its members), its origin
// and its commitment.
func TestAllianceString(t *testing.T) {
	for _, c := range []struct {
		a    Alliance
		want string
	}{
		{Alliance{ID: 3, Members: set(pat, c1, c2), Origin: OriginImposed}, "alliance 3 (trilateral, imposed, weak)"},
		{Alliance{ID: 0, Members: set(pat, c1), Origin: OriginBilateral, Strong: true}, "alliance 0 (bilateral, bilateral, strong)"},
	} {
		if got := c.a.String(); got != c.want {
			t.Errorf("%q, want %q", got, c.want)
		}
	}
}

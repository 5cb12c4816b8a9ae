package hypotheses

import (
	"encoding/json"
	"strings"
	"testing"
)

// A result's direction reads back from its JSON, as the report reads
// hypotheses.json; an unknown name is an error.
func TestDirectionRoundTrip(t *testing.T) {
	for _, d := range []Direction{Rises, Falls, AtLeast, Below} {
		b, err := json.Marshal(Result{Predicted: d})
		if err != nil {
			t.Fatal(err)
		}
		var back Result
		if err := json.Unmarshal(b, &back); err != nil || back.Predicted != d {
			t.Fatalf("%v read back as %v (%v)", d, back.Predicted, err)
		}
	}
	var d Direction
	if err := d.UnmarshalText([]byte("sideways")); err == nil {
		t.Fatal("an unknown direction must be an error")
	}
}

// An unknown direction has a name, not a panic, and does not marshal.
func TestDirectionUnknown(t *testing.T) {
	for d, want := range map[Direction]string{Rises: "rises", Below: "below", 99: "Direction(99)", -1: "Direction(-1)"} {
		if got := d.String(); got != want {
			t.Errorf("Direction %d: %q, want %q", int(d), got, want)
		}
	}
	if _, err := json.Marshal(Result{Predicted: 99}); err == nil || !strings.Contains(err.Error(), "direction 99; allowed: rises, falls, at least, below") {
		t.Errorf("marshalling direction 99: %v", err)
	}
}

// AtLeast and Below bound a rate at one level; Rises and Falls direct a
// change, as does a direction no name has.
func TestDirectionRate(t *testing.T) {
	for d, want := range map[Direction]bool{Rises: false, Falls: false, AtLeast: true, Below: true, 99: false} {
		if d.Rate() != want {
			t.Errorf("%v.Rate() = %v, want %v", d, d.Rate(), want)
		}
	}
}

package hypotheses

import (
	"encoding/json"
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

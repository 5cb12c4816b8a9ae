package configs

import (
	"bytes"
	"path/filepath"
	"reflect"
	"testing"
)

// twoPathLHS is an experiment of three drawn points over two paths, a
// range and a list.
const twoPathLHS = `scenario = "generic"
runs = 2
design = "lhs"
samples = 3
[[vary]]
path = "scenario.ticks"
from = 12
to = 48
[[vary]]
path = "params.sea_cost"
values = [1.0, 2.0, 4.0]
`

// A clone shares no memory with its experiment: changing the clone, by its
// methods or its fields, leaves the experiment as it was.
func TestCloneSharesNothing(t *testing.T) {
	x, err := ParseExperiment(filepath.Join(t.TempDir(), "x.toml"), []byte(twoPathLHS))
	if err != nil {
		t.Fatal(err)
	}
	points, unit, vary, canonical := cloneRows(x.Points), cloneRows(x.Unit), append([]string(nil), x.Vary...), x.Canonical()
	y := x.Clone()
	if !reflect.DeepEqual(y.Points, x.Points) || !reflect.DeepEqual(y.Unit, x.Unit) || !bytes.Equal(y.Canonical(), canonical) {
		t.Fatal("the clone differs from the experiment")
	}
	y.Points[0][0], y.Unit[0][0], y.Vary[1] = 60.0, 0.99, "params.rough_cost"
	y.axes[1].values[0] = 8.0
	if err := y.SetBase([]Assignment{{Path: "params.record_every", Value: 6.0}}); err != nil {
		t.Fatal(err)
	}
	if err := y.Resample(7); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(x.Points, points) || !reflect.DeepEqual(x.Unit, unit) || !reflect.DeepEqual(x.Vary, vary) ||
		!bytes.Equal(x.Canonical(), canonical) || x.axes[1].values[0] != 1.0 {
		t.Errorf("changing the clone changed the experiment: %d points %v, vary %v", len(x.Points), x.Points, x.Vary)
	}
}

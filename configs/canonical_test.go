package configs

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

const canonicalExperiment = `# a comment, which is not content
scenario = "base.toml"
runs = 7
seed = 3
design = "grid"
chunk = 5
[[vary]]
path = "params.retry_interval"
values = [6, 12]
[[vary]]
path = "params.sea_cost"
from = 0.1
to = 0.9
steps = 5
[[vary]]
path = "states.b.sovereign"
values = [true, false]
[[vary]]
path = "decision.strategy"
values = ["assurance"]
`

// writeExperiment writes an experiment and its scenario into a new
// directory and loads it.
func writeExperiment(t *testing.T, name, src, scenario string) *Experiment {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "base.toml"), []byte(scenario), 0o644); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	x, err := LoadExperiment(p)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func TestCanonical(t *testing.T) {
	x := writeExperiment(t, "a.toml", canonicalExperiment, base)
	c := x.Canonical()
	var doc struct {
		Scenario       string
		ScenarioSHA256 string `toml:"scenario_sha256"`
		Runs, Seed     int64
		Design         string
		Samples, Chunk int64
		Events         bool
		Vary           []string
		Points         [][]any
	}
	if _, err := toml.Decode(string(c), &doc); err != nil {
		t.Fatalf("not TOML: %v\n%s", err, c)
	}
	if doc.Scenario != "base.toml" || len(doc.ScenarioSHA256) != 64 || doc.Runs != 7 || doc.Seed != 3 || doc.Design != "grid" ||
		doc.Samples != 0 || doc.Chunk != 5 || !doc.Events || len(doc.Vary) != 4 || len(doc.Points) != 20 {
		t.Errorf("canonical form:\n%s", c)
	}
	for _, want := range []string{"  [6, 0.1, true, \"assurance\"],\n", "  [12, 0.9, false, \"assurance\"],\n", "  [6, 0.3, true, \"assurance\"],\n"} {
		if !bytes.Contains(c, []byte(want)) {
			t.Errorf("lacks %q:\n%s", want, c)
		}
	}
	if bytes.Contains(c, []byte(filepath.Dir(x.File))) || bytes.Contains(c, []byte("a.toml")) || bytes.Contains(c, []byte("comment")) {
		t.Errorf("canonical form names the file:\n%s", c)
	}

	// The same content elsewhere, under another name, is the same text.
	if y := writeExperiment(t, "b.toml", canonicalExperiment, base); !bytes.Equal(y.Canonical(), c) {
		t.Errorf("same content, different text:\n%s\n%s", c, y.Canonical())
	}
	// Other content is other text: the experiment, or the scenario it names.
	if y := writeExperiment(t, "a.toml", strings.Replace(canonicalExperiment, "runs = 7", "runs = 8", 1), base); bytes.Equal(y.Canonical(), c) {
		t.Error("runs not in the canonical form")
	}
	if y := writeExperiment(t, "a.toml", canonicalExperiment, strings.Replace(base, "land = 2", "land = 3", 1)); bytes.Equal(y.Canonical(), c) {
		t.Error("the scenario's content is not in the canonical form")
	}
}

// A Latin hypercube's canonical form carries its samples and every drawn
// value, and is the same on every parse.
func TestCanonicalLHS(t *testing.T) {
	src := "scenario = \"generic\"\ndesign = \"lhs\"\nsamples = 4\n[[vary]]\npath = \"decision.patience\"\nfrom = 1\nto = 40\n[[vary]]\npath = \"params.sea_cost\"\nfrom = 1\nto = 5\n"
	x := mustExperiment(t, src)
	c := x.Canonical()
	if !bytes.Contains(c, []byte("design = \"lhs\"\nsamples = 4\n")) || bytes.Count(c, []byte("\n  [")) != 4 {
		t.Errorf("canonical form:\n%s", c)
	}
	if !bytes.Equal(mustExperiment(t, src).Canonical(), c) {
		t.Error("not deterministic")
	}
}

package examples_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
)

// Every example scenario validates, and the README shows the counterfactual
// example as it is shipped.
func TestScenarioExamples(t *testing.T) {
	files, err := filepath.Glob("scenarios/*.toml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example scenarios: %v", err)
	}
	for _, f := range files {
		if _, err := configs.LoadFile(f); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}

	sc, err := configs.LoadFile("scenarios/asia-no-korean-war.toml")
	if err != nil {
		t.Fatal(err)
	}
	orig, err := configs.Builtin("asia-1950")
	if err != nil {
		t.Fatal(err)
	}
	if sc.Name != "asia-no-korean-war" || len(sc.Events) != len(orig.Events)-7 {
		t.Errorf("%s: %d events of %d", sc.Name, len(sc.Events), len(orig.Events))
	}
	for _, e := range sc.Events {
		if strings.HasPrefix(e.ID, "korean-war") {
			t.Errorf("Korean War event %s left in", e.ID)
		}
	}
	src, _ := os.ReadFile("scenarios/asia-no-korean-war.toml")
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "```toml\n"+string(src)+"```\n") {
		t.Error("README's counterfactual example differs from examples/scenarios/asia-no-korean-war.toml")
	}
}

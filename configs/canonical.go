package configs

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/alliancesim/alliancesim/internal/digest"
	"github.com/alliancesim/alliancesim/sim"
)

// Canonical returns a deterministic text of what the experiment is, so
// that a runner can tell two experiments apart by content rather than by
// the path of their file: the scenario reference as written and a SHA-256
// of the scenario's canonical form (Format), runs, seed, design, samples,
// chunk, events, the design's own keys (morris: levels and candidates;
// sobol: base), the --set assignments, the varied paths and every point's
// values, typed by their paths. It is a TOML document; it holds no file
// path but the scenario reference the file wrote (a points design's
// values are there, not its file's name). The same experiment file gives the
// same bytes wherever it lies and whichever directory it is read from.
func (x *Experiment) Canonical() []byte {
	var b bytes.Buffer
	ref, _ := tomlString(x.Scenario)
	fmt.Fprintf(&b, "scenario = %s\n", ref)
	if x.digest != "" {
		fmt.Fprintf(&b, "scenario_sha256 = %q\n", x.digest)
	}
	fmt.Fprintf(&b, "runs = %d\nseed = %d\n", x.Runs, x.Seed)
	design, _ := tomlString(x.Design)
	fmt.Fprintf(&b, "design = %s\nsamples = %d\nchunk = %d\nevents = %t\n", design, x.Samples, x.Chunk, x.Events)
	switch x.Design {
	case "morris":
		fmt.Fprintf(&b, "levels = %d\ncandidates = %d\n", x.Levels, x.Candidates)
	case "sobol":
		base, _ := tomlString(x.Base)
		fmt.Fprintf(&b, "base = %s\n", base)
	}
	if sp, sv := x.setSource(); len(sp) > 0 {
		// by path: the paths are distinct, and the order they were set
		// in changes nothing of the work
		sets := make([]string, len(sp))
		for i := range sp {
			sets[i], _ = tomlString(sp[i] + "=" + sv[i])
		}
		slices.Sort(sets)
		fmt.Fprintf(&b, "set = [%s]\n", strings.Join(sets, ", "))
	}
	paths := make([]string, len(x.Vary))
	for i, p := range x.Vary {
		paths[i], _ = tomlString(p)
	}
	fmt.Fprintf(&b, "vary = [%s]\n", strings.Join(paths, ", "))
	b.WriteString("points = [\n")
	for p := range x.Points {
		values := make([]string, len(x.Points[p]))
		for i := range values {
			values[i] = x.value(p, i)
		}
		fmt.Fprintf(&b, "  [%s],\n", strings.Join(values, ", "))
	}
	b.WriteString("]\n")
	return b.Bytes()
}

// scenarioDigest is the SHA-256 of a scenario's canonical form, in hex; ""
// if it cannot be formatted.
func scenarioDigest(sc *sim.Scenario) string {
	out, err := Format(sc)
	if err != nil {
		return ""
	}
	return digest.SHA256Hex(out)
}

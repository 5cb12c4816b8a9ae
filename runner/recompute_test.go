package runner

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/sim"
)

// readCSV reads a CSV file into rows keyed by column name.
func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, c := range rows[0] {
			m[c] = r[i]
		}
		out = append(out, m)
	}
	return out
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("%q is not a whole number", s)
	}
	return n
}

// Every number of summary.json is recomputed from the published CSV files
// alone — runs.csv for the shares, the first commitment and the
// hub-and-spokes index; memberships.csv and alliances.csv for the shapes
// and the survival curves — without the runner's aggregation code: in
// asia-1950, and in a world where a patron's bilateral turns imposed in
// the tick its applicant is occupied (occupiedBeforeSovereignty), which
// only alliances.csv's origin_since tells.
func TestSummaryRecomputedFromPublishedFiles(t *testing.T) {
	asia := func() *sim.Scenario {
		sc := compile(t, "asia-1950", nil).Scenario()
		c := *sc
		c.Ticks = 180
		return &c
	}()
	for _, c := range []struct {
		name string
		sc   *sim.Scenario
		runs int
		seed uint64
	}{
		{"asia-1950", asia, 60, 11},
		{"applicant occupied before the join", occupiedBeforeSovereignty(t, "occupation first").Scenario(), 30, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := newPlan(t, c.sc, c.runs, c.seed)
			p.ChunkSize = 25
			recomputeSummary(t, filepath.Join(t.TempDir(), "d"), p)
		})
	}
}

// recomputeSummary executes p into dir and recomputes its summary.json
// from its CSV files.
func recomputeSummary(t *testing.T, dir string, p *Plan) {
	if err := Execute(context.Background(), p, dir, ExecOptions{}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s Summary
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	runs := readCSV(t, filepath.Join(dir, "runs.csv"))
	if len(runs) != p.Runs || s.Runs != p.Runs {
		t.Fatalf("%d rows in runs.csv, %d runs in the summary, want %d", len(runs), s.Runs, p.Runs)
	}
	for i, r := range runs {
		if want := strconv.FormatUint(p.Seed+uint64(i), 10); r["seed"] != want {
			t.Fatalf("run %d played seed %s, want %s", i, r["seed"], want)
		}
	}
	// shares
	for _, k := range shareKeys {
		n := 0
		for _, r := range runs {
			n += atoi(t, r[k])
		}
		if got := s.Shares[k]; got != NewProportion(n, len(runs)) {
			t.Errorf("%s: summary %+v, runs.csv %d of %d", k, got, n, len(runs))
		}
	}
	// first commitment
	var firsts []float64
	for _, r := range runs {
		if v := r["first_commitment"]; v != "" {
			firsts = append(firsts, float64(atoi(t, v)))
		}
	}
	if s.FirstCommitment.Share != NewProportion(len(firsts), len(runs)) {
		t.Errorf("first commitment share %+v, runs.csv %d", s.FirstCommitment.Share, len(firsts))
	}
	if len(firsts) > 0 {
		sum := 0.0
		for _, f := range firsts {
			sum += f
		}
		sort.Float64s(firsts)
		median := (firsts[(len(firsts)-1)/2] + firsts[len(firsts)/2]) / 2
		if *s.FirstCommitment.Mean != sum/float64(len(firsts)) || *s.FirstCommitment.Median != median {
			t.Errorf("first commitment mean/median %v/%v, want %v/%v", *s.FirstCommitment.Mean, *s.FirstCommitment.Median, sum/float64(len(firsts)), median)
		}
	}
	// hub-and-spokes
	for _, h := range s.HubSpokes {
		col := "hub_" + h.Date
		sum, n, le, ge := 0.0, 0, 0, 0
		for _, r := range runs {
			v, ok := r[col]
			if !ok {
				t.Fatalf("runs.csv has no column %s", col)
			}
			if v == "" {
				continue
			}
			x, _ := strconv.ParseFloat(v, 64)
			sum, n = sum+x, n+1
			if x <= 0.3 {
				le++
			}
			if x >= 0.6 {
				ge++
			}
		}
		if h.Runs != n || h.Share03 != NewProportion(le, len(runs)) || h.Share06 != NewProportion(ge, len(runs)) ||
			(n > 0 && *h.Mean != sum/float64(n)) {
			t.Errorf("hub at %s: summary %+v, runs.csv %d runs, mean %v", h.Date, h, n, sum/float64(n))
		}
	}
	// shapes: the member sets in force, from the founders and end ticks of
	// alliances.csv and the spells of memberships.csv
	alliances := readCSV(t, filepath.Join(dir, "alliances.csv"))
	ended := map[string]int{}
	runsWith := map[string]map[string]bool{}
	addShape := func(in []string, run string) {
		if len(in) < 2 {
			return
		}
		slices.Sort(in)
		shape := strings.Join(in, " ")
		if runsWith[shape] == nil {
			runsWith[shape] = map[string]bool{}
		}
		runsWith[shape][run] = true
	}
	for _, a := range alliances {
		key := a["run"] + "/" + a["alliance"]
		ended[key] = -1
		if a["ended"] != "" {
			ended[key] = atoi(t, a["ended"])
		}
		addShape(strings.Fields(a["founders"]), a["run"])
	}
	type spell struct {
		state        string
		joined, left int
	}
	spells := map[string][]spell{}
	var keys []string
	for _, m := range readCSV(t, filepath.Join(dir, "memberships.csv")) {
		key := m["run"] + "/" + m["alliance"]
		if _, seen := spells[key]; !seen {
			keys = append(keys, key)
		}
		left := -1
		if m["left"] != "" {
			left = atoi(t, m["left"])
		}
		spells[key] = append(spells[key], spell{m["state"], atoi(t, m["joined"]), left})
	}
	for _, key := range keys {
		run := strings.Split(key, "/")[0]
		for _, sp := range spells[key] {
			for _, tick := range []int{sp.joined, sp.left} {
				if tick < 0 || (ended[key] >= 0 && tick >= ended[key]) {
					continue
				}
				var in []string
				for _, o := range spells[key] {
					if o.joined <= tick && (o.left < 0 || tick < o.left) {
						in = append(in, o.state)
					}
				}
				addShape(in, run)
			}
		}
	}
	if len(s.Shapes) != len(runsWith) {
		t.Errorf("%d shapes in the summary, %d from memberships.csv", len(s.Shapes), len(runsWith))
	}
	for _, sh := range s.Shapes {
		if n := len(runsWith[strings.Join(sh.Members, " ")]); sh.Share != NewProportion(n, len(runs)) {
			t.Errorf("shape %v: summary %+v, memberships.csv %d runs", sh.Members, sh.Share, n)
		}
	}
	// survival, by kind at formation and by origin: an alliance counts in
	// the group of the origin it had before origin_since (a clients'
	// alliance a patron joined was client, a patron's bilateral turned
	// imposed by an entry on sovereignty was bilateral) until then,
	// censored, and in its recorded origin's from then
	groups := map[string][]Observation{}
	before := map[string]string{"indigenous": "client", "imposed": "bilateral"}
	for _, a := range alliances {
		o := Observation{Duration: float64(atoi(t, a["duration"])), Event: a["ended"] != ""}
		for _, g := range []string{"all", "kind=" + a["kind"]} {
			groups[g] = append(groups[g], o)
		}
		if wait := atoi(t, a["origin_since"]) - atoi(t, a["formed"]); wait > 0 {
			if before[a["origin"]] == "" {
				t.Fatalf("run %s alliance %s: %s since %s, formed at %s", a["run"], a["alliance"], a["origin"], a["origin_since"], a["formed"])
			}
			g := "origin=" + before[a["origin"]]
			groups[g] = append(groups[g], Observation{Duration: float64(wait)})
			o.Duration -= float64(wait)
		}
		if a["origin"] == "indigenous" && a["origin_since"] != a["patron_joined"] {
			t.Errorf("run %s alliance %s: indigenous since %s, the patron joined at %s", a["run"], a["alliance"], a["origin_since"], a["patron_joined"])
		}
		groups["origin="+a["origin"]] = append(groups["origin="+a["origin"]], o)
		if a["kind"] != sim.KindOf(atoi(t, a["size_formed"])).String() {
			t.Errorf("kind %s of an alliance of %s at formation", a["kind"], a["size_formed"])
		}
	}
	// and the two halves by convergence: low is every alliance in a bin of
	// 0.001 below the bin of the upper median cohesion at formation
	cohesion := func(a map[string]string) float64 {
		h, err := strconv.ParseFloat(a["cohesion"], 64)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	var split float64
	if len(alliances) > 0 {
		hs := make([]float64, len(alliances))
		for i, a := range alliances {
			hs[i] = cohesion(a)
		}
		slices.Sort(hs)
		bin := func(h float64) int { return int(math.Floor(h * 1000)) }
		median := bin(hs[len(hs)/2])
		split = float64(median) / 1000
		for _, a := range alliances {
			g := "cohesion=high"
			if bin(cohesion(a)) < median {
				g = "cohesion=low"
			}
			groups[g] = append(groups[g], Observation{Duration: float64(atoi(t, a["duration"])), Event: a["ended"] != ""})
		}
		if bin(hs[0]) < median && (len(groups["cohesion=low"]) == 0 || len(groups["cohesion=high"]) == 0) {
			t.Error("alliances in more than one bin, but not two halves")
		}
	}
	if len(s.Survival) != len(groups) {
		t.Errorf("%d survival groups, %d from alliances.csv", len(s.Survival), len(groups))
	}
	for _, g := range s.Survival {
		if strings.HasPrefix(g.Group, "cohesion=") != (g.Split != nil) || g.Split != nil && *g.Split != split {
			t.Errorf("survival %s: split %v, want %v", g.Group, g.Split, split)
		}
		want := KaplanMeier(groups[g.Group])
		if !reflect.DeepEqual(mustJSON(g.SurvivalCurve), mustJSON(want)) {
			t.Errorf("survival %s differs from alliances.csv", g.Group)
		}
	}
}

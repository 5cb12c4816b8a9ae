package configs

import (
	"fmt"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/sim"
)

// hostile are inputs an adversarial user tried (issue 13), kept small:
// deep nesting, many unknown keys, a wide map, non-finite and overflowing
// ranges, sweeps without vary, generator paths on a map.
var hostile = []string{
	"x = " + strings.Repeat("[", 40),
	"x = " + strings.Repeat("{a=", 40) + "1" + strings.Repeat("}", 40),
	"x = \"\"\"" + strings.Repeat("[", 100) + "\"\"\"\ny = '" + strings.Repeat("{", 50) + "'\n",
	strings.Repeat("[[events]]\ncolour = 1\n", 50),
	"[params]\n" + strings.Repeat("x = 1\n", 50),
	"[theater]\nmap = \"" + strings.Repeat(".", 1001) + "\"\n",
	"[theater]\nmap = \"\"\"\n" + strings.Repeat(".\n", 1001) + "\"\"\"\n",
	"extends = \"generic\"\n[params]\nweight_proximity = 1e308\nweight_offence = 1e308\n",
	"extends = \"generic\"\n[decision]\nlambda = inf\ntemperature = nan\n",
	"extends = \"generic\"\n[theater.generate]\nwidth = 3\nheight = 3\n",
	"extends = \"generic\"\n[scenario]\nticks = 1000000\n[params]\nrecord_every = 1\n",
	"scenario = \"generic\"\nruns = 2\n",
	"scenario = \"generic\"\ndesign = \"lhs\"\nsamples = 3\n",
	"scenario = \"generic\"\n[[vary]]\npath = \"params.sea_cost\"\nfrom = nan\nto = 1.0\nsteps = 3\n",
	"scenario = \"generic\"\n[[vary]]\npath = \"params.sea_cost\"\nfrom = -1.7e308\nto = 1.7e308\nsteps = 3\n",
	"scenario = \"generic\"\ndesign = \"lhs\"\nsamples = 2\n[[vary]]\npath = \"theater.generate.seed\"\nfrom = 0\nto = 1e300\n",
	"scenario = \"europe-1947\"\n[[vary]]\npath = \"theater.generate.width\"\nvalues = [10, 20]\n",
	"scenario = \"generic\"\nchunk = 0\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1]\n",
	"drop_events = [" + strings.Repeat("\"a\",", 50) + "]\n",
	"extends = \"generic\"\n[Scenario]\nTicks = 3\n[scenario]\nticks = 4\n[theater.Generate]\nwidth = 9\n",
	"extends = \"asia-1950\"\n[[events]]\nid = \"korean-war-invasion\"\ndelta = 1\n",
	"scenario = \"generic\"\nruns = 2\nRuns = 3\n[[vary]]\nPath = \"params.sea_cost\"\nvalues = [1]\n",
}

// FuzzParse feeds the decoder arbitrary bytes: no input may make it panic,
// every failure must be a located Errors list or a plain error, never a
// partially filled scenario, and every scenario it accepts passes
// sim.Scenario.Validate, compiles and runs its first 24 ticks.
func FuzzParse(f *testing.F) {
	f.Add([]byte(base))
	f.Add([]byte(strings.Replace(base, "land = 2", "land = -2\nstakes = { b = 1, \"x y\" = { z = 1 } }", 1)))
	f.Add([]byte("[theater.generate]\nwidth = 4\nheight = 3\nsea_fraction = 0.5\n[scenario]\nstart='1950-01'\nticks=1\n[[states]]\nid='a'\nrole='patron'\nglyph='A'\n"))
	f.Add([]byte("[[events]]\nat = \"1950-13\"\nkind = 3\n[[events]]\ntick = -1\n"))
	f.Add([]byte("extends = \"generic\"\n[theater]\nrough = \"^\"\n"))
	f.Add([]byte("map = '''\n\n'''\n[theater]\nmap = \"\\n~\\n~~\\n\"\n"))
	f.Add([]byte("a = [\n[[states]]\n\"\"\"\n"))
	f.Add([]byte("extends = \"generic\"\n[[states]]\nid = \"c1\"\ngrievance = {\n  c2 = 0.1, # {\n  c3 = [\n 3 ],\n}\n"))
	for _, h := range hostile {
		f.Add([]byte(h))
	}
	for _, name := range BuiltinNames() {
		src, _ := builtinSource(name)
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		sc, err := Parse("fuzz.toml", src)
		if (sc == nil) == (err == nil) {
			t.Fatalf("want exactly one of scenario and error, got %v and %v", sc, err)
		}
		checkErrors(t, err)
		if err == nil && sc.Generate == nil { // generated theatres may be large: not fuzzed here
			if _, gerr := sc.Grid(); gerr != nil {
				t.Fatalf("valid scenario whose map does not build: %v", gerr)
			}
			// One validation: what configs accepts, sim accepts.
			if verr := sc.Validate(); verr != nil {
				t.Fatalf("configs accepts a scenario that sim's Validate rejects: %v", verr)
			}
			// ... compiles, and runs: its first ticks step without a panic
			// and without an error.
			c, cerr := sim.Compile(sc)
			if cerr != nil {
				t.Fatalf("configs accepts a scenario that sim.Compile rejects: %v", cerr)
			}
			w := sim.NewWorld(c, 1)
			for tick := 0; tick < 24 && w.Step(); tick++ {
			}
			if werr := w.Err(); werr != nil {
				t.Fatalf("an accepted scenario fails to run: %v", werr)
			}
		}
	})
}

// FuzzParseExperiment does the same for experiment files.
func FuzzParseExperiment(f *testing.F) {
	f.Add([]byte("scenario = \"generic\"\ndesign = \"lhs\"\nsamples = 3\n[[vary]]\npath = \"params.sea_cost\"\nfrom = 1\nto = 2\n[[vary]]\npath = \"decision.patience\"\nfrom = 1.5\nto = 9\n"))
	f.Add([]byte("scenario = \"generic\"\n[[vary]]\npath = \"states.c1.sovereign\"\nvalues = [true, false]\n[[vary]]\npath = \"params.retry_interval\"\nfrom = 0\nto = 12\nsteps = 4\n"))
	f.Add([]byte("scenario = \"asia-1950\"\nruns = 3\nseed = 9007199254740991\n[[vary]]\npath = \"states.jpn.decision.valuation\"\nvalues = [\"prospect\", \"expected_utility\"]\n"))
	f.Add([]byte("scenario = \"generic\"\ndesign = \"morris\"\nsamples = 3\nlevels = 6\ncandidates = 9\n[[vary]]\npath = \"params.sea_cost\"\nfrom = 1\nto = 2\ndistribution = \"normal\"\nmean = 1.2\nsd = 0.3\n[[vary]]\npath = \"decision.strategy\"\nvalues = [\"prospect\", \"assurance\"]\n"))
	f.Add([]byte("scenario = \"generic\"\ndesign = \"sobol\"\nsamples = 2\nbase = \"random\"\n[[vary]]\npath = \"decision.patience\"\nfrom = 1\nto = 30\ndistribution = \"loguniform\"\n[[vary]]\npath = \"params.rough_cost\"\nfrom = 0\nto = 3\ndistribution = \"triangular\"\nmode = 0\n"))
	f.Add([]byte("scenario = \"generic\"\ndesign = \"lhs\"\nsamples = 3\n[[vary]]\npath = \"params.sea_cost\"\nfrom = -1.7e308\nto = 1.7e308\n"))
	for _, h := range hostile {
		f.Add([]byte(h))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		x, err := ParseExperiment("fuzz.toml", src)
		if (x == nil) == (err == nil) {
			t.Fatalf("want exactly one of experiment and error, got %v and %v", x, err)
		}
		checkErrors(t, err)
		if err == nil && (len(x.Points) == 0 || len(x.Vary) == 0 || len(x.Points) > MaxPoints) {
			t.Fatalf("valid experiment with %d points over %d paths", len(x.Points), len(x.Vary))
		}
		if err == nil {
			if cerr := x.Check(); cerr != nil { // what ParseExperiment returns, Check passes
				t.Fatalf("read, yet Check refuses it: %v", cerr)
			}
		}
	})
}

// checkErrors checks the shape of an error list: at most MaxErrors
// entries and a count, each with a file.
func checkErrors(t *testing.T, err error) {
	list, ok := err.(Errors)
	if !ok {
		return
	}
	if len(list) == 0 || len(list) > MaxErrors+1 || (len(list) == MaxErrors+1) != (list[len(list)-1].Omitted > 0) {
		t.Fatalf("%d errors, the last omitting %d", len(list), list[len(list)-1].Omitted)
	}
	for _, e := range list {
		if e.File == "" || e.Msg == "" {
			t.Fatalf("error without file or message: %+v", e)
		}
	}
}

// FuzzSetAssignment: a --set string (or two) laid over a built-in scenario.
// Nothing panics; what Apply accepts validates, formats and parses back to
// the same text, and a params./decision. path reads back the value set.
func FuzzSetAssignment(f *testing.F) {
	for _, s := range []string{
		"params.sea_cost=5", "decision.patience=3", "states.c1.land=2", "states.c1.sovereign=false",
		"states.c1.decision.strategy=assurance", "theater.generate.sea_fraction=0.5", "scenario.ticks=12",
		"params.record_every=12", "decision.valuation=prospect", "states.patron.reference=0.3",
		"params.sea_cost=1e308", "params.sea_cost=nan", "params.sea_cost=0x1p-2", "states.a]b.land=1",
		"states.\"x\".land=1", "states..land=1", "params.sea_cost==1", "decision.strategy=a\nb",
		"scenario.ticks=9007199254740993", "theater.generate.seed=9007199254740991",
	} {
		f.Add("generic", s, "")
	}
	f.Add("europe-1947", "states.gbr.land=3", "scenario.ticks=1")
	f.Add("generic", "params.sea_cost=2", "params.sea_cost=3")
	f.Add("generic", "scenario.ticks=1", "params.record_every=100")
	names := BuiltinNames()
	base := map[string]*sim.Scenario{}
	for _, n := range names {
		sc, err := Builtin(n)
		if err != nil {
			f.Fatal(err)
		}
		base[n] = sc
	}
	f.Fuzz(func(t *testing.T, name, s1, s2 string) {
		b, ok := base[name]
		if !ok {
			return
		}
		var as []Assignment
		for _, s := range []string{s1, s2} {
			if s == "" {
				continue
			}
			a, err := ParseAssignment(s)
			if err != nil {
				if err.Error() == "" {
					t.Fatal("empty error")
				}
				return
			}
			as = append(as, a)
		}
		sc := b.Clone()
		for _, a := range as {
			// A generated theatre of up to 1000×1000 cells is valid, but
			// slow to draw for every input: keep them small.
			if v, ok := a.Value.(float64); ok && (strings.HasSuffix(a.Path, ".width") || strings.HasSuffix(a.Path, ".height")) && v > 99 {
				return
			}
		}
		before, _ := Format(sc)
		err := Apply(sc, as)
		if err != nil {
			after, _ := Format(sc)
			if string(after) != string(before) {
				t.Fatalf("failed Apply changed the scenario: %v", err)
			}
			return
		}
		if verr := sc.Validate(); verr != nil {
			t.Fatalf("Apply(%q) accepted a scenario Validate refuses: %v", as, verr)
		}
		text, ferr := Format(sc)
		if ferr != nil {
			t.Fatalf("Format after Apply: %v", ferr)
		}
		back, perr := Parse("x.toml", text)
		if perr != nil {
			t.Fatalf("Parse(Format) after Apply(%q): %v\n%s", as, perr, text)
		}
		text2, _ := Format(back)
		if string(text2) != string(text) {
			t.Fatalf("round trip differs after Apply(%q)", as)
		}
		last := map[string]any{}
		for _, a := range as {
			last[a.Path] = a.Value
		}
		for path, v := range last {
			parts := strings.Split(path, ".")
			switch {
			case len(parts) == 2 && parts[0] == "params":
				p, _ := sim.LookupParam(parts[1])
				got := p.Get(&sc.Params)
				want, ok := v.(float64)
				if !ok {
					if bv, isb := v.(bool); isb {
						want = 0
						if bv {
							want = 1
						}
					}
				}
				if got != want {
					t.Fatalf("%s set to %v reads back %v", path, v, got)
				}
			case len(parts) == 2 && parts[0] == "decision":
				d, _ := agents.LookupDecision(parts[1])
				got := d.Get(&sc.Decision)
				if fmt.Sprint(got) != fmt.Sprint(v) {
					t.Fatalf("%s set to %v reads back %v", path, v, got)
				}
			case path == "scenario.ticks":
				if float64(sc.Ticks) != v.(float64) {
					t.Fatalf("%s set to %v reads back %v", path, v, sc.Ticks)
				}
			}
		}
	})
}

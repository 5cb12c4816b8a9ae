package configs

import (
	"strings"
	"testing"
)

// FuzzParse feeds the decoder arbitrary bytes: no input may make it panic,
// and every failure must be a located Errors list or a plain error, never a
// partially filled scenario.
func FuzzParse(f *testing.F) {
	f.Add([]byte(base))
	f.Add([]byte(strings.Replace(base, "land = 2", "land = -2\nstakes = { b = 1, \"x y\" = { z = 1 } }", 1)))
	f.Add([]byte("[theater.generate]\nwidth = 4\nheight = 3\nsea_fraction = 0.5\n[scenario]\nstart='1950-01'\nticks=1\n[[states]]\nid='a'\nrole='patron'\nglyph='A'\n"))
	f.Add([]byte("[[events]]\nat = \"1950-13\"\nkind = 3\n[[events]]\ntick = -1\n"))
	f.Add([]byte("extends = \"generic\"\n[theater]\nrough = \"^\"\n"))
	f.Add([]byte("map = '''\n\n'''\n[theater]\nmap = \"\\n~\\n~~\\n\"\n"))
	f.Add([]byte("a = [\n[[states]]\n\"\"\"\n"))
	f.Add([]byte("scenario = \"generic\"\ndesign = \"lhs\"\nsamples = 3\n[[vary]]\npath = \"params.sea_cost\"\nfrom = 1\nto = 2\n[[vary]]\npath = \"decision.patience\"\nfrom = 1.5\nto = 9\n"))
	f.Add([]byte("scenario = \"generic\"\n[[vary]]\npath = \"states.c1.sovereign\"\nvalues = [true, false]\n[[vary]]\npath = \"params.retry_interval\"\nfrom = 0\nto = 12\nsteps = 4\n"))
	f.Add([]byte("scenario = \"generic\"\ndesign = \"morris\"\nsamples = 3\nlevels = 6\ncandidates = 9\n[[vary]]\npath = \"params.sea_cost\"\nfrom = 1\nto = 2\ndistribution = \"normal\"\nmean = 1.2\nsd = 0.3\n[[vary]]\npath = \"decision.strategy\"\nvalues = [\"prospect\", \"assurance\"]\n"))
	f.Add([]byte("scenario = \"generic\"\ndesign = \"sobol\"\nsamples = 2\nbase = \"random\"\n[[vary]]\npath = \"decision.patience\"\nfrom = 1\nto = 30\ndistribution = \"loguniform\"\n[[vary]]\npath = \"params.rough_cost\"\nfrom = 0\nto = 3\ndistribution = \"triangular\"\nmode = 0\n"))
	for _, name := range BuiltinNames() {
		src, _ := builtinSource(name)
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		// The same bytes as an experiment file must not panic either.
		if x, err := ParseExperiment("fuzz.toml", src); (x == nil) == (err == nil) {
			t.Fatalf("experiment: want exactly one of result and error, got %v and %v", x, err)
		}
		sc, err := Parse("fuzz.toml", src)
		if (sc == nil) == (err == nil) {
			t.Fatalf("want exactly one of scenario and error, got %v and %v", sc, err)
		}
		if err == nil && sc.Generate == nil { // generated theatres may be large: not fuzzed here
			if _, gerr := sc.Grid(); gerr != nil {
				t.Fatalf("valid scenario whose map does not build: %v", gerr)
			}
		}
	})
}

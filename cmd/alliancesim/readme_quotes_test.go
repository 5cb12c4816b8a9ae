package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The README's account of what the model does not reproduce, and
// docs/model.md's of what binds, quote what `explain` prints at a few
// seeds and months. A change of the model moves them, and a quote left
// behind is a figure the program no longer prints. Each quote below is a
// phrase of the README or of docs/model.md, as written, and for each
// figure in it where the command's JSON holds the value; the test reads
// the document for the phrase and runs the command for the figures,
// rounded as the document rounds them.

// readmeQuote is one phrase of a document and the command behind it.
type readmeQuote struct {
	doc string // the document, from the project root: "" is README.md
	// args is the explain command without --json; with seeds, {seed}
	// stands for each seed in turn, and a figure quoted as a range spans
	// the values over the seeds.
	args  []string
	seeds []int
	// each, where given, runs the command once more for each element at
	// every seed, with "{name}" in args standing for the element's value
	// of name: a figure quoted as a range spans the states of a set, say.
	each   []map[string]string
	phrase string // as in the document, runs of white space read as one space
	// figures are the numbers of the phrase, each where the JSON has it.
	figures []quotedFigure
}

// quotedFigure is a number of a phrase: quoted as the README has it,
// "0.574", "−0.138", "+0.026", or a range, "0.41–0.44" or "−0.129 to
// −0.131"; path is a dotted path into explain's JSON, "*" for every
// element of an array (a range spans them), and sum adds up the values
// the "*" gives, per output.
type quotedFigure struct {
	quoted string
	path   string
	sum    bool
	// only, where given, reads the figure from those runs alone whose
	// substitutions (each's, and "seed") have these values, each a value
	// or a comma-separated list of them ("1,3").
	only map[string]string
	// end, where given, "min" or "max", compares the quoted figure with
	// that end of the values alone: "0.31 (Australia) to 0.55" quotes the
	// least and the largest as two figures.
	end string
}

var readmeQuotes = []readmeQuote{
	{
		args:   []string{"explain", "asia-1950", "--seed", "1", "--at", "1951-01", "--state", "usa"},
		phrase: "0.565 against 0.571 in 1951-01",
		figures: []quotedFigure{
			{quoted: "0.565", path: "threat"},
			{quoted: "0.571", path: "reference"},
		},
	},
	{
		args:   []string{"explain", "asia-1950", "--seed", "1", "--at", "1950-03", "--state", "usa"},
		phrase: "its threat is 0.497 against its reference 0.576 in 1950-03",
		figures: []quotedFigure{
			{quoted: "0.497", path: "threat"},
			{quoted: "0.576", path: "reference"},
		},
	},
	{
		args:    []string{"explain", "europe-1947", "--seed", "1", "--at", "1948-03", "--state", "gbr", "--with", "fra,bel,nld,lux"},
		phrase:  "its picture diverges from each Brussels power's by 0.41–0.44",
		figures: []quotedFigure{{quoted: "0.41–0.44", path: "options.0.costs.*.divergence"}},
	},
	{
		args: []string{"explain", "asia-1950", "--seed", "1", "--at", "1951-02", "--state", "usa", "--with", "jpn,phl,aus,nzl"},
		phrase: "(threat 0.574 against its reference 0.571), and a weak pact with Japan, the Philippines, Australia and New Zealand would lower its threat " +
			"by 0.011 at a cost of 0.046, most of it because Australia and New Zealand read the threat so differently from it: worth −0.138 " +
			"against its position of −0.014",
		figures: []quotedFigure{
			{quoted: "0.574", path: "threat"},
			{quoted: "0.571", path: "reference"},
			{quoted: "0.011", path: "options.0.gain"},
			{quoted: "0.046", path: "options.0.cost"},
			{quoted: "−0.138", path: "options.0.value"},
			{quoted: "−0.014", path: "position"},
		},
	},
	{
		doc:  "docs/model.md",
		args: []string{"explain", "asia-1950", "--seed", "1", "--at", "1951-02", "--state", "usa", "--with", "jpn,phl,aus,nzl"},
		phrase: "(threat 0.574 against its reference 0.571; in gains the month before), yet a weak pact with Japan, the Philippines, Australia and New Zealand " +
			"would gain it 0.011 of threat for 0.046 of cost (the model's autonomy cost of an alliance, §7.4), most of it the divergence of Australia's " +
			"and New Zealand's pictures (0.017 and 0.020): worth −0.138 against its position −0.014, and the strong one −0.264",
		figures: []quotedFigure{
			{quoted: "0.574", path: "threat"},
			{quoted: "0.571", path: "reference"},
			{quoted: "0.011", path: "options.0.gain"},
			{quoted: "0.046", path: "options.0.cost"},
			{quoted: "0.017", path: "options.0.costs.2.cost_divergence"},
			{quoted: "0.020", path: "options.0.costs.3.cost_divergence"},
			{quoted: "−0.138", path: "options.0.value"},
			{quoted: "−0.014", path: "position"},
			{quoted: "−0.264", path: "options.1.value"},
		},
	},
	{
		args:    []string{"explain", "asia-1950", "--at", "1951-02", "--state", "nzl"},
		phrase:  "New Zealand is far from every adversary (threat 0.18 at 1951-02, seed 1",
		figures: []quotedFigure{{quoted: "0.18", path: "threat"}},
	},
	{
		args:  []string{"explain", "asia-1950", "--seed", "{seed}", "--at", "1954-09", "--state", "usa", "--with", "phl,aus,nzl,tha,pak,gbr,fra", "--commitment", "weak"},
		seeds: []int{1, 2, 3},
		phrase: "(threat 0.562–0.566, reference 0.578–0.579), would gain 0.015–0.016 of threat for a cost of 0.069–0.070, 0.053–0.054 of it divergence, " +
			"and values it below its position (−0.129 to −0.143 against +0.022 to +0.027)",
		figures: []quotedFigure{
			{quoted: "0.562–0.566", path: "threat"},
			{quoted: "0.578–0.579", path: "reference"},
			{quoted: "0.015–0.016", path: "options.0.gain"},
			{quoted: "0.069–0.070", path: "options.0.cost"},
			{quoted: "0.053–0.054", path: "options.0.costs.*.cost_divergence", sum: true},
			{quoted: "−0.129 to −0.143", path: "options.0.value"},
			{quoted: "+0.022 to +0.027", path: "position"},
		},
	},
	{
		args: []string{"explain", "asia-1950", "--seed", "1", "--at", "1953-08", "--state", "usa", "--with", "kor"},
		phrase: "a pledge to Korea gains the patron 0.0072 of threat after the armistice (seed 1, 1953-08) for a cost of 0.0133 weak and 0.0350 strong, " +
			"below its position (−0.074 and −0.120 against −0.0469",
		figures: []quotedFigure{
			{quoted: "0.0072", path: "options.0.gain"},
			{quoted: "0.0133", path: "options.0.cost"},
			{quoted: "0.0350", path: "options.1.cost"},
			{quoted: "−0.074", path: "options.0.value"},
			{quoted: "−0.120", path: "options.1.value"},
			{quoted: "−0.0469", path: "position"},
		},
	},
	{
		doc:  "docs/model.md",
		args: []string{"explain", "asia-1950", "--at", "1953-08", "--state", "usa", "--with", "kor"},
		phrase: "a pledge to Korea gains it 0.0072 of threat for a cost of 0.0133 weak (0.0058 of it Korea's entrapment, with the control discount) " +
			"and 0.0350 strong, against a position of −0.0469 (values −0.0744 and −0.1203)",
		figures: []quotedFigure{
			{quoted: "0.0072", path: "options.*.gain"},
			{quoted: "0.0133", path: "options.0.cost"},
			{quoted: "0.0058", path: "options.0.costs.0.cost_entrapment"},
			{quoted: "0.0350", path: "options.1.cost"},
			{quoted: "−0.0469", path: "position"},
			{quoted: "−0.0744", path: "options.0.value"},
			{quoted: "−0.1203", path: "options.1.value"},
		},
	},
	{
		doc:    "docs/model.md",
		args:   []string{"explain", "asia-1950", "--at", "1953-08", "--state", "kor", "--with", "usa"},
		phrase: "Korea, deep in losses (threat 0.86), would take neither (−0.209 weak and −0.203 strong against its position of −0.201",
		figures: []quotedFigure{
			{quoted: "0.86", path: "threat"},
			{quoted: "−0.209", path: "options.0.value"},
			{quoted: "−0.203", path: "options.1.value"},
			{quoted: "−0.201", path: "position"},
		},
	},
	{
		doc:    "docs/model.md",
		args:   []string{"explain", "asia-1950", "--seed", "1", "--at", "1951-02", "--state", "usa", "--with", "nzl"},
		phrase: "a pledge to New Zealand gains the patron nothing (0.0000 of threat) for a cost of 0.0199 weak, almost all of it divergence (a divergence of their pictures of 0.567)",
		figures: []quotedFigure{
			{quoted: "0.0000", path: "options.0.gain"},
			{quoted: "0.0199", path: "options.0.cost"},
			{quoted: "0.567", path: "options.0.costs.0.divergence"},
		},
	},
	{
		doc:    "docs/model.md",
		args:   []string{"explain", "asia-1950", "--seed", "1", "--at", "1951-02", "--state", "usa", "--with", "aus,nzl", "--commitment", "weak", "--origin", "imposed"},
		phrase: "is worth −0.139 weak against a position of −0.014 (`--with aus,nzl --commitment weak --origin imposed`: gain 0.0002, cost 0.038)",
		figures: []quotedFigure{
			{quoted: "−0.139", path: "options.0.value"},
			{quoted: "−0.014", path: "position"},
			{quoted: "0.0002", path: "options.0.gain"},
			{quoted: "0.038", path: "options.0.cost"},
		},
	},
	{
		doc:    "docs/model.md",
		args:   []string{"explain", "asia-1950", "--seed", "6", "--at", "1951-11", "--state", "nzl", "--with", "aus", "--commitment", "weak"},
		phrase: "gain 0.0001, cost 0.024, of which autonomy 0.020 and divergence 0.004; value −0.145 against a position of −0.075",
		figures: []quotedFigure{
			{quoted: "0.0001", path: "options.0.gain"},
			{quoted: "0.024", path: "options.0.cost"},
			{quoted: "0.020", path: "options.0.costs.0.cost_autonomy"},
			{quoted: "0.004", path: "options.0.costs.0.cost_divergence"},
			{quoted: "−0.145", path: "options.0.value"},
			{quoted: "−0.075", path: "position"},
		},
	},
	{
		doc:  "docs/model.md",
		args: []string{"explain", "asia-1950", "--seed", "1", "--at", "1951-02", "--state", "nzl", "--with", "usa,aus", "--origin", "imposed"},
		phrase: "it gains 0.0033 of threat, but in an imposed trilateral only the patron comes, with a weak pledge's chance (honour probability 0.260), " +
			"and the patron's autonomy (0.020), divergence (0.020) and the fear of it (0.001) cost it 0.041: value −0.160 against a position of −0.033 (strong: −0.257",
		figures: []quotedFigure{
			{quoted: "0.0033", path: "options.0.gain"},
			{quoted: "0.260", path: "options.0.honour"},
			{quoted: "0.020", path: "options.0.costs.0.cost_autonomy"},
			{quoted: "0.020", path: "options.0.costs.0.cost_divergence"},
			{quoted: "0.001", path: "options.0.costs.0.cost_fear"},
			{quoted: "0.041", path: "options.0.cost"},
			{quoted: "−0.160", path: "options.0.value"},
			{quoted: "−0.033", path: "position"},
			{quoted: "−0.257", path: "options.1.value"},
		},
	},
	{
		doc:    "docs/model.md",
		args:   []string{"explain", "generic", "--seed", "1", "--set", "theater.generate.seed=1", "--at", "23", "--state", "c1", "--with", "patron,c3,c6"},
		phrase: "a gain of 0.0005 against a cost of 0.0218 strong, 0.0209 weak",
		figures: []quotedFigure{
			{quoted: "0.0005", path: "options.*.gain"},
			{quoted: "0.0218", path: "options.1.cost"},
			{quoted: "0.0209", path: "options.0.cost"},
		},
	},
	{
		doc:    "docs/model.md",
		args:   []string{"explain", "europe-1947", "--seed", "1", "--at", "1950-06", "--state", "usa", "--with", "gbr"},
		phrase: "a weak bilateral with the United Kingdom would lower the patron's threat by 0.0010 for a cost of 0.022 (most of it the divergence of their pictures, 0.364:",
		figures: []quotedFigure{
			{quoted: "0.0010", path: "options.0.gain"},
			{quoted: "0.022", path: "options.0.cost"},
			{quoted: "0.364", path: "options.0.costs.0.divergence"},
		},
	},
	{
		doc:     "docs/model.md",
		args:    []string{"explain", "europe-1947", "--seed", "1", "--at", "1950-06", "--state", "usa"},
		phrase:  "where the patron reads 0.56)",
		figures: []quotedFigure{{quoted: "0.56", path: "threat"}},
	},
	{
		doc:     "docs/model.md",
		args:    []string{"explain", "europe-1947", "--seed", "1", "--at", "1950-06", "--state", "gbr", "--with", "usa"},
		phrase:  "and the United Kingdom's by 0.016 for 0.034",
		figures: []quotedFigure{{quoted: "0.016", path: "options.0.gain"}, {quoted: "0.034", path: "options.0.cost"}},
	},
	{
		doc:     "docs/model.md",
		args:    []string{"explain", "europe-1947", "--seed", "1", "--at", "1950-06", "--state", "gbr"},
		phrase:  "the United Kingdom reads a threat of 0.32",
		figures: []quotedFigure{{quoted: "0.32", path: "threat"}},
	},
	{
		doc:   "docs/model.md",
		args:  []string{"explain", "asia-1950", "--seed", "{seed}", "--at", "1954-09", "--state", "usa", "--with", "phl,aus,nzl,tha,pak,gbr,fra", "--commitment", "weak"},
		seeds: []int{1, 2, 3},
		phrase: "the patron is in gains at all three seeds (threat 0.562–0.566 against a reference point of 0.578–0.579); value −0.129 to −0.143 " +
			"against a position of +0.022 to +0.027, gain 0.015–0.016, cost 0.069–0.070, of which New Zealand alone 0.019 at a divergence of 0.54–0.55",
		figures: []quotedFigure{
			{quoted: "0.562–0.566", path: "threat"},
			{quoted: "0.578–0.579", path: "reference"},
			{quoted: "−0.129 to −0.143", path: "options.0.value"},
			{quoted: "+0.022 to +0.027", path: "position"},
			{quoted: "0.015–0.016", path: "options.0.gain"},
			{quoted: "0.069–0.070", path: "options.0.cost"},
			{quoted: "0.019", path: "options.0.costs.2.cost_total"},
			{quoted: "0.54–0.55", path: "options.0.costs.2.divergence"},
		},
	},
	{
		args:   seatoClientArgs,
		seeds:  []int{1, 2, 3},
		each:   seatoClients,
		phrase: "count on it with probability 0.31 (Australia) to 0.55",
		figures: []quotedFigure{
			{quoted: "0.31", path: "options.0.honour", end: "min"},
			{quoted: "0.55", path: "options.0.honour", end: "max"},
		},
	},
	{
		doc:    "docs/model.md",
		args:   seatoClientArgs,
		seeds:  []int{1, 2, 3},
		each:   []map[string]string{{"state": "phl", "with": "usa,aus,nzl,tha,pak,gbr,fra"}},
		phrase: "gains 0.011 there against 0.031 at seed 2",
		figures: []quotedFigure{
			{quoted: "0.011", path: "options.0.gain", only: map[string]string{"seed": "1,3"}},
			{quoted: "0.031", path: "options.0.gain", only: map[string]string{"seed": "2"}},
		},
	},
	{
		doc:   "docs/model.md",
		args:  seatoClientArgs,
		seeds: []int{1, 2, 3},
		each:  seatoClients,
		phrase: "gains 0.011–0.076, costs 0.030–0.059, the largest term the autonomy the patron takes, honour probabilities 0.31 (Australia) " +
			"to 0.52–0.55, values −0.030 to −0.155 against positions of +0.013 to −0.134",
		figures: []quotedFigure{
			{quoted: "0.011–0.076", path: "options.0.gain"},
			{quoted: "0.030–0.059", path: "options.0.cost"},
			{quoted: "0.31", path: "options.0.honour", only: map[string]string{"state": "aus"}},
			{quoted: "0.52–0.55", path: "options.0.honour", only: map[string]string{"state": "phl,tha"}},
			{quoted: "−0.030 to −0.155", path: "options.0.value"},
			{quoted: "+0.013 to −0.134", path: "position"},
		},
	},
	{
		doc:    "docs/model.md",
		args:   []string{"explain", "asia-1950", "--seed", "1", "--at", "1954-04", "--state", "usa"},
		phrase: "in losses at 1954-04, during the siege (threat 0.582 against a reference point of 0.579",
		figures: []quotedFigure{
			{quoted: "0.582", path: "threat"},
			{quoted: "0.579", path: "reference"},
		},
	},
	{
		doc:  "docs/model.md",
		args: []string{"explain", "asia-1950", "--seed", "1", "--at", "1954-09", "--state", "usa", "--with", "phl,aus,nzl,tha,pak,gbr,fra", "--commitment", "weak"},
		phrase: "in gains at 1954-09 (0.566 against 0.579); the SEATO set is still worth less to it than its position then (−0.143 against +0.022: " +
			"gain 0.015, cost 0.070",
		figures: []quotedFigure{
			{quoted: "0.566", path: "threat"},
			{quoted: "0.579", path: "reference"},
			{quoted: "−0.143", path: "options.0.value"},
			{quoted: "+0.022", path: "position"},
			{quoted: "0.015", path: "options.0.gain"},
			{quoted: "0.070", path: "options.0.cost"},
		},
	},
	{
		doc:    "docs/model.md",
		args:   []string{"explain", "asia-1950", "--seed", "1", "--at", "1954-04", "--state", "usa", "--with", "phl,aus,nzl,tha,gbr,fra", "--commitment", "strong"},
		phrase: "is worth −0.283 to the patron against a position of −0.015 (gain 0.015, cost 0.153",
		figures: []quotedFigure{
			{quoted: "−0.283", path: "options.0.value"},
			{quoted: "−0.015", path: "position"},
			{quoted: "0.015", path: "options.0.gain"},
			{quoted: "0.153", path: "options.0.cost"},
		},
	},
}

// seatoClientArgs is a SEATO client's appraisal of the weak imposed
// SEATO at 1954-09, {state} the client and {with} the rest of the set,
// the patron included; seatoClients are the three the documents quote.
var (
	seatoClientArgs = []string{"explain", "asia-1950", "--seed", "{seed}", "--at", "1954-09", "--state", "{state}", "--with", "{with}",
		"--origin", "imposed", "--commitment", "weak"}
	seatoClients = []map[string]string{
		{"state": "aus", "with": "usa,phl,nzl,tha,pak,gbr,fra"},
		{"state": "phl", "with": "usa,aus,nzl,tha,pak,gbr,fra"},
		{"state": "tha", "with": "usa,phl,aus,nzl,pak,gbr,fra"},
	}
)

func TestReadmeQuotesOfExplain(t *testing.T) {
	docs := map[string]string{}
	for _, q := range readmeQuotes {
		doc := cmp.Or(q.doc, "README.md")
		if _, ok := docs[doc]; !ok {
			raw, err := os.ReadFile(filepath.Join("..", "..", doc))
			if err != nil {
				t.Fatal(err)
			}
			docs[doc] = strings.Join(strings.Fields(string(raw)), " ")
		}
		cmd := strings.Join(q.args, " ")
		if !strings.Contains(docs[doc], q.phrase) {
			t.Errorf("%s no longer says %q (the quote of %s): change the quote here with the document", doc, q.phrase, cmd)
		}
		seeds := q.seeds
		if seeds == nil {
			seeds = []int{0} // no {seed} to replace
		}
		each := q.each
		if each == nil {
			each = []map[string]string{{}}
		}
		type run struct {
			vars map[string]string // each's substitutions and the seed
			out  any
		}
		var runs []run
		for _, s := range seeds {
			for _, e := range each {
				vars := maps.Clone(e)
				vars["seed"] = strconv.Itoa(s)
				args := append([]string(nil), q.args...)
				for i, a := range args {
					if name, ok := strings.CutPrefix(a, "{"); ok {
						name = strings.TrimSuffix(name, "}")
						if _, ok := vars[name]; !ok {
							t.Fatalf("%s: no value of {%s}", cmd, name)
						}
						args[i] = vars[name]
					}
				}
				out, err := execute(t, append(args, "--json")...)
				if err != nil {
					t.Fatalf("alliancesim %s: %v", strings.Join(args, " "), err)
				}
				var v any
				if err := json.Unmarshal([]byte(out), &v); err != nil {
					t.Fatalf("alliancesim %s --json: %v", strings.Join(args, " "), err)
				}
				runs = append(runs, run{vars, v})
			}
		}
		var inTable []string
		for _, f := range q.figures {
			inTable = append(inTable, decimals.FindAllString(f.quoted, -1)...)
		}
		if inPhrase := decimals.FindAllString(sections.ReplaceAllString(q.phrase, ""), -1); !slices.Equal(inPhrase, inTable) {
			t.Errorf("%s: the phrase's figures are %q, the table's %q: each figure of the phrase, in its order, needs a row", cmd, inPhrase, inTable)
		}
		for _, f := range q.figures {
			var values []float64
			for _, r := range runs {
				if !matches(r.vars, f.only) {
					continue
				}
				vs, err := jsonPath(r.out, f.path)
				if err != nil {
					t.Fatalf("%s: %v", cmd, err)
				}
				if f.sum {
					total := 0.0
					for _, x := range vs {
						total += x
					}
					vs = []float64{total}
				}
				values = append(values, vs...)
			}
			if len(values) == 0 {
				t.Fatalf("%s: %s: no run has %v", cmd, f.path, f.only)
			}
			lo, hi := slices.Min(values), slices.Max(values)
			switch f.end {
			case "min":
				hi = lo
			case "max":
				lo = hi
			case "":
			default:
				t.Fatalf("%s: %s: end %q; allowed: min, max or none", cmd, f.path, f.end)
			}
			if got := quoteAs(f.quoted, lo, hi); got != f.quoted {
				t.Errorf("%s: %s prints %s where %s quotes %s", cmd, f.path, got, doc, f.quoted)
			}
		}
	}
}

// matches reports whether vars has, for every key of only, one of the
// values it lists.
func matches(vars, only map[string]string) bool {
	for k, v := range only {
		if !slices.Contains(strings.Split(v, ","), vars[k]) {
			return false
		}
	}
	return true
}

// decimals finds the figures of a phrase: numbers with a decimal point,
// signed or not (dates, years and section numbers are not figures).
var decimals = regexp.MustCompile(`[−+]?[0-9]*\.[0-9]+`)

// sections are references to sections of the documents, "§7.4", which
// are not figures.
var sections = regexp.MustCompile(`§[0-9.]+`)

// jsonPath returns the numbers at a dotted path into decoded JSON, "*"
// taking every element of an array (an empty one is an error).
func jsonPath(v any, path string) ([]float64, error) {
	head, rest, more := strings.Cut(path, ".")
	if head == "*" {
		arr, ok := v.([]any)
		if !ok {
			return nil, fmt.Errorf("%s: not an array", path)
		}
		if len(arr) == 0 {
			return nil, fmt.Errorf("%s: an empty array", path)
		}
		var out []float64
		for _, e := range arr {
			vs, err := jsonPath(e, rest)
			if err != nil {
				return nil, err
			}
			out = append(out, vs...)
		}
		return out, nil
	}
	switch x := v.(type) {
	case map[string]any:
		v = x[head]
	case []any:
		i, err := strconv.Atoi(head)
		if err != nil || i < 0 || i >= len(x) {
			return nil, fmt.Errorf("%s: no element %s of %d", path, head, len(x))
		}
		v = x[i]
	default:
		return nil, fmt.Errorf("%s: cannot index %T", path, v)
	}
	if more {
		return jsonPath(v, rest)
	}
	f, ok := v.(float64)
	if !ok {
		return nil, fmt.Errorf("%s: %v is not a number", head, v)
	}
	return []float64{f}, nil
}

// quoteAs writes lo and hi as quoted writes its figure: as many decimals,
// the same signs (− for minus, + where quoted shows it), and a range, "–"
// or " to ", in either order of its ends (the documents write negative
// ranges by size, "−0.129 to −0.131", and some across zero from the
// larger, "+0.015 to −0.134"), so the order is not checked. Where quoted
// is a single figure, lo and hi must round to the same.
func quoteAs(quoted string, lo, hi float64) string {
	for _, sep := range []string{" to ", "–"} {
		if a, b, ok := strings.Cut(quoted, sep); ok {
			if roundAs(a, hi) == a && roundAs(b, lo) == b {
				return quoted // the ends by size, largest first
			}
			return roundAs(a, lo) + sep + roundAs(b, hi)
		}
	}
	if x, y := roundAs(quoted, lo), roundAs(quoted, hi); x != y {
		return x + " … " + y
	}
	return roundAs(quoted, lo)
}

// roundAs writes v with as many decimals as the figure f has, − for a
// minus sign and + before a positive value where f has one.
func roundAs(f string, v float64) string {
	decimals := 0
	if _, frac, ok := strings.Cut(f, "."); ok {
		decimals = len(frac)
	}
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-") // −0.0000 is 0.0000
	}
	switch {
	case strings.HasPrefix(s, "-"):
		s = "−" + s[1:]
	case strings.HasPrefix(f, "+"):
		s = "+" + s
	}
	return s
}

package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/targets"
)

// HISTORY.md: a model that cannot be told apart from its alternatives
// explains nothing. Some alternative theory (strategy/valuation) misses
// at least two targets that the default (assurance/prospect) meets. The
// alternatives are scored in compare's order until one does (the first,
// assurance/expected_utility, misses E3 and E5 at 100 runs).
func TestCompareDiscriminates(t *testing.T) {
	if testing.Short() {
		t.Skip("theories × two scenarios × 100 runs")
	}
	if col := theories[0].column(); col != "assurance/prospect" {
		t.Fatalf("the default comes first, got %s", col)
	}
	ctx := context.Background()
	s := &scores{table: map[string]map[string]targets.Result{}, seed: 1}
	best := ""
	for _, th := range theories {
		if err := s.add(ctx, th, 100, 1, 0); err != nil {
			t.Fatal(err)
		}
		if len(s.cols) == 1 {
			continue // the default
		}
		missed := s.missedOnlyBy(th.column())
		t.Logf("%s misses %v, which the default meets", th.column(), missed)
		if len(missed) >= 2 {
			best = th.column()
			break
		}
	}
	if best == "" {
		t.Error("no alternative misses two targets the default meets: the scorecard does not tell the theories apart")
	}
}

// missedOnlyBy lists the targets the first theory meets and col misses.
func (s *scores) missedOnlyBy(col string) []string {
	var out []string
	for _, id := range s.ids {
		if s.table[s.cols[0]][id].Met && !s.table[col][id].Met {
			out = append(out, id)
		}
	}
	return out
}

// scorecard.csv leaves the share and interval of a target no run counted
// empty, as the table prints "— (no run)" (it used to write share 0, low
// 0, high 1); its runs are 0 and it is not met. compare says where it
// wrote the file.
func TestScorecardCSV(t *testing.T) {
	s := &scores{ids: []string{"E1", "E4"}, descs: []string{"one", "four"}, table: map[string]map[string]targets.Result{}, seed: 1001}
	for _, th := range theories {
		col := th.column()
		s.cols = append(s.cols, col)
		s.table[col] = map[string]targets.Result{
			"E1": {ID: "E1", Share: runner.NewProportion(1, 2), Threshold: 0.5, Met: true},
			"E4": {ID: "E4", Share: runner.NewProportion(0, 0), Threshold: 0.75},
		}
	}
	path, err := writeScorecard(t.TempDir(), s, 2, false)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(readFile(t, path))).ReadAll()
	if err != nil || len(rows) != 1+2*len(theories) {
		t.Fatalf("%v: %d rows", err, len(rows))
	}
	for _, r := range rows[1:] {
		got := strings.Join(r[5:11], ",") // runs, share, low, high, met, seed
		want := "2,0.5,"
		if r[0] == "E4" {
			want = "0,,,,false,1001"
		}
		if !strings.HasPrefix(got, want) || !strings.HasSuffix(got, ",1001") || r[11] != runner.ToolInfo().String() {
			t.Errorf("%s %s/%s: runs… %s, build %s; want %s…, seed 1001 and the build", r[0], r[3], r[4], got, r[11], want)
		}
	}

	out := filepath.Join(t.TempDir(), "cmp.out")
	text, err := execute(t, "compare", "--runs", "2", "--out", out)
	if err != nil || !strings.Contains(text, "Written to "+filepath.Join(out, "scorecard.csv")+".") {
		t.Errorf("%v\n%s", err, text)
	}
	// The same work is written again; other work is replaced only with
	// --force, and is refused before any run: another run count (read
	// from the most runs a target counted, E4 counting fewer) and another
	// seed, with the file left as it was (compare replaced it without a
	// word, and once refused another run count only after the runs).
	before := readFile(t, filepath.Join(out, "scorecard.csv"))
	if _, err := execute(t, "compare", "--runs", "2", "--out", out); err != nil {
		t.Errorf("the same work again: %v", err)
	}
	text, err = execute(t, "compare", "--runs", "1", "--out", out)
	if want := "--out " + out + " holds the scorecard of other work: 2 runs there, 1 run now; use --force to replace it, or another directory"; err == nil || err.Error() != want || strings.Contains(text, "Scorecard:") {
		t.Errorf("another run count: %v\nwant %s, before any run\n%s", err, want, text)
	}
	if _, err := execute(t, "compare", "--runs", "1", "--seed", "5", "--out", out); err == nil || !strings.Contains(err.Error(), "holds the scorecard of other work: seed 1 there, 5 now; use --force") {
		t.Errorf("another seed: %v", err)
	}
	if after := readFile(t, filepath.Join(out, "scorecard.csv")); !bytes.Equal(after, before) {
		t.Error("a refused compare changed scorecard.csv")
	}
	if _, err := execute(t, "compare", "--runs", "1", "--out", out, "--force"); err != nil || bytes.Equal(readFile(t, filepath.Join(out, "scorecard.csv")), before) {
		t.Errorf("--force: %v; want the scorecard replaced", err)
	}
	if _, err := execute(t, "compare", "--runs", "1", "--force"); err == nil || !strings.Contains(err.Error(), "--force applies to the files of --out, and there is no --out") {
		t.Errorf("--force without --out: %v", err)
	}
	// A scorecard.csv this command did not write is other work too.
	os.WriteFile(filepath.Join(out, "scorecard.csv"), []byte("a,b\n1,2\n"), 0o644)
	if _, err := execute(t, "compare", "--runs", "1", "--out", out); err == nil || !strings.Contains(err.Error(), "a scorecard.csv this command did not write") {
		t.Errorf("a foreign scorecard.csv: %v", err)
	}
}

// readFile reads a file or fails the test.
func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// check prints "—" for the share of a conditional target no run counted,
// as compare does, not 0.0%.
func TestPrintTargetsOfNoRuns(t *testing.T) {
	var b strings.Builder
	printTargets(&b, "asia-1950", "", "", 2, 1, []targets.Result{
		{ID: "A6", Share: runner.NewProportion(1, 2), Threshold: 0.5, Met: true, Description: "six"},
		{ID: "A7", Share: runner.NewProportion(0, 0), Threshold: 0.6, Description: "seven"},
	})
	lines := strings.Split(b.String(), "\n")
	var a6, a7 string
	for _, l := range lines {
		switch f := strings.Fields(l); {
		case len(f) > 0 && f[0] == "A6":
			a6 = strings.Join(f, " ")
		case len(f) > 0 && f[0] == "A7":
			a7 = strings.Join(f, " ")
		}
	}
	if a6 != "A6 50.0% [9.5, 90.5] 2 50% yes six" || a7 != "A7 — — 0 60% no seven" {
		t.Errorf("rows:\n%s\n%s\nwant A6 50.0%% [9.5, 90.5] 2 50%% yes six, A7 — — 0 60%% no seven\n%s", a6, a7, b.String())
	}
}

// check names what it ran when it is not the built-in as it is: the
// changes given with --set, in the text and in the JSON.
func TestCheckNamesItsChanges(t *testing.T) {
	out, err := execute(t, "check", "europe-1947", "--runs", "2", "--set", "params.sea_cost=2.5")
	if err != nil {
		t.Fatal(err)
	}
	if first, _, _ := strings.Cut(out, "\n"); first != "europe-1947 with --set params.sea_cost=2.5: 2 runs, seeds 1–2" {
		t.Errorf("first line %q", first)
	}
	out, err = execute(t, "check", "europe-1947", "--runs", "2", "--set", "params.sea_cost=2.5", "--json")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `"set": [`) || !strings.Contains(out, `"params.sea_cost=2.5"`) {
		t.Errorf("the JSON does not name the change:\n%s", out)
	}
	// A scenario without targets: generic, or a file that extends a
	// historical one under another name (check --targets scores it:
	// TestCheckTargetsOfAnother).
	renamed := filepath.Join(t.TempDir(), "eu2.toml")
	os.WriteFile(renamed, []byte("extends = \"europe-1947\"\n[scenario]\nname = \"eu2\"\n"), 0o644)
	for _, name := range []string{"generic", renamed} {
		if _, err := execute(t, "check", name, "--runs", "2"); err == nil ||
			!strings.Contains(err.Error(), "has no historical targets of its own (they are found by the scenario's name); allowed: europe-1947, asia-1950, a file that extends one and keeps its name, or any scenario with --targets NAME") {
			t.Errorf("check %s: %v", name, err)
		}
	}
	// A name that is no built-in is told the names check takes, not
	// every built-in (generic among them, which it would then refuse).
	if _, err := execute(t, "check", "europe", "--runs", "2"); err == nil ||
		err.Error() != `"europe" is not a historical scenario; allowed: europe-1947, asia-1950, a path to a .toml file that extends one and keeps its name, or any scenario with --targets NAME` {
		t.Errorf("check europe: %v", err)
	}
	// A file of that name is said to be read as ./europe, as the loader
	// says of any name it reads as a built-in.
	t.Chdir(t.TempDir())
	os.WriteFile("europe", []byte("extends = \"europe-1947\"\n"), 0o644)
	if _, err := execute(t, "check", "europe", "--runs", "2"); err == nil || !strings.HasSuffix(err.Error(), "; the file europe is read as ./europe") {
		t.Errorf("check europe beside a file europe: %v", err)
	}
}

// A share of fewer runs than were played (a conditional target's) is
// followed by the runs each theory counted, in the table's columns: the
// scorecard printed E4's 100.0 of 14 runs and A3's of 2 as shares of all
// the runs. Where every target counted every run nothing is added. Under
// the table a note says what its columns and its row miss are.
func TestScorecardPrintsRunsCounted(t *testing.T) {
	s := &scores{ids: []string{"E1", "E4"}, table: map[string]map[string]targets.Result{}, seed: 1}
	for i, th := range theories {
		col := th.column()
		s.cols = append(s.cols, col)
		s.table[col] = map[string]targets.Result{
			"E1": {ID: "E1", Share: runner.NewProportion(1, 20), Threshold: 0.8},
			"E4": {ID: "E4", Share: runner.NewProportion(i, 2*i), Threshold: 0.75},
		}
	}
	var b strings.Builder
	s.print(&b, 20)
	if want := "\n(columns: the patron's strategy / the valuation model, set as both scenarios' [decision];\n miss: how many targets each misses;"; !strings.Contains(b.String(), want) {
		t.Errorf("no note of what the columns and miss are, %q:\n%s", want, b.String())
	}
	_, runs, ok := strings.Cut(b.String(), "\nRuns counted, of the 20 played (a conditional target counts only the runs where its condition held):\n")
	if !ok {
		t.Fatalf("no runs counted:\n%s", b.String())
	}
	lines := strings.Split(b.String(), "\n")
	// the columns as wide as their names, at least 19
	if want := fmt.Sprintf("E4   %19d %26d %19d %25d %19d %26d\n", 0, 2, 4, 6, 8, 10); runs != want ||
		utf8.RuneCountInString(strings.TrimSuffix(runs, "\n")) != utf8.RuneCountInString(lines[2]) {
		t.Errorf("runs counted %q, want %q, as wide as the header %q", runs, want, lines[2])
	}
	for _, col := range s.cols {
		s.table[col]["E4"] = targets.Result{ID: "E4", Share: runner.NewProportion(20, 20), Threshold: 0.75}
	}
	b.Reset()
	s.print(&b, 20)
	if strings.Contains(b.String(), "Runs counted") {
		t.Errorf("every target counted every run, and runs counted are printed:\n%s", b.String())
	}
}

// The scorecard's columns are as wide as their names: every line of the
// table is as long as its header, so that no name overflows onto the next
// column (assurance/expected_utility is 26 characters, the cells 19).
func TestScorecardColumnsAlign(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every theory")
	}
	out, err := execute(t, "compare", "--runs", "1")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(out, "\n")
	head := lines[2]
	if !strings.Contains(head, "assurance/expected_utility") {
		t.Fatalf("header %q", head)
	}
	for _, l := range lines[3:] {
		if l == "" {
			break
		}
		if utf8.RuneCountInString(l) != utf8.RuneCountInString(head) {
			t.Errorf("line %q is %d characters, the header %d", l, utf8.RuneCountInString(l), utf8.RuneCountInString(head))
		}
	}
}

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// checkJSON is check's JSON output as the fields the tests read.
type checkJSON struct {
	Scenario    string            `json:"scenario"`
	TargetsOf   string            `json:"targets_of"`
	TargetsNote string            `json:"targets_note"`
	Targets     []json.RawMessage `json:"targets"`
}

// runCheckJSON runs check with args and --json, and decodes its output.
func runCheckJSON(t *testing.T, args ...string) checkJSON {
	t.Helper()
	out, err := execute(t, append([]string{"check"}, append(args, "--json")...)...)
	if err != nil {
		t.Fatal(err)
	}
	var got checkJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	return got
}

// check --targets NAME scores a counterfactual of a historical scenario,
// under a name of its own, against NAME's targets, and says so in the
// text and the JSON: which targets, and that the scenario is not NAME.
// Of the same world the results are those of NAME itself. Without the
// flag it is refused, told the flag and the built-in its file extends.
func TestCheckTargetsOfAnother(t *testing.T) {
	dir := t.TempDir()
	renamed := filepath.Join(dir, "eu2.toml")
	os.WriteFile(renamed, []byte("extends = \"europe-1947\"\n[scenario]\nname = \"eu2\"\n"), 0o644)
	onTop := filepath.Join(dir, "eu3.toml") // extends the file: the chain reaches europe-1947
	os.WriteFile(onTop, []byte("extends = \"eu2.toml\"\n[scenario]\nname = \"eu3\"\n"), 0o644)

	out, err := execute(t, "check", renamed, "--runs", "2", "--targets", "europe-1947")
	if err != nil {
		t.Fatal(err)
	}
	if want := "\n\nTargets: europe-1947's (--targets europe-1947). eu2 is not europe-1947 itself: it is scored against the targets of europe-1947's historical record.\n\n"; !strings.Contains(out, want) {
		t.Errorf("the text does not say whose targets scored it:\n%s", out)
	}
	other := runCheckJSON(t, renamed, "--runs", "2", "--targets", "europe-1947")
	own := runCheckJSON(t, "europe-1947", "--runs", "2")
	if other.TargetsOf != "europe-1947" || other.TargetsNote != "eu2 is not europe-1947 itself: it is scored against the targets of europe-1947's historical record." {
		t.Errorf("the JSON says targets_of %q, targets_note %q", other.TargetsOf, other.TargetsNote)
	}
	if own.TargetsOf != "" || own.TargetsNote != "" {
		t.Errorf("without --targets the JSON says targets_of %q, targets_note %q", own.TargetsOf, own.TargetsNote)
	}
	if len(own.Targets) != 5 || !reflect.DeepEqual(other.Targets, own.Targets) {
		t.Errorf("europe-1947 under another name, by europe-1947's targets, scores otherwise:\n%s\n%s", other.Targets, own.Targets)
	}
	// The scenario itself, named: whose targets, and no "is not".
	out, err = execute(t, "check", "europe-1947", "--runs", "2", "--targets", "europe-1947")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "\n\nTargets: europe-1947's (--targets europe-1947).\n\n") || strings.Contains(out, "is not") {
		t.Errorf("europe-1947 by its own targets:\n%s", out)
	}
	// Without the flag: refused, told the flag and the built-in to give.
	for _, file := range []string{renamed, onTop} {
		if _, err := execute(t, "check", file, "--runs", "2"); err == nil ||
			!strings.HasSuffix(err.Error(), "; it extends europe-1947: to score it against europe-1947's targets, give --targets europe-1947") {
			t.Errorf("check %s: %v", file, err)
		}
	}
	if _, err := execute(t, "check", "generic", "--runs", "2"); err == nil || strings.Contains(err.Error(), "it extends") {
		t.Errorf("check generic suggests a base: %v", err)
	}
}

// check --targets refuses, before any run, a name without targets and a
// scenario the targets cannot score: one without a state a target
// cannot be judged without, another world, another historical scenario.
func TestCheckTargetsRefusesWhatTheyCannotScore(t *testing.T) {
	onlyLux := filepath.Join(t.TempDir(), "onlylux.toml")
	os.WriteFile(onlyLux, []byte("extends = \"europe-1947\"\ndrop_states = [\"fra\", \"gbr\", \"bel\", \"nld\"]\n[scenario]\nname = \"onlylux\"\n"), 0o644)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"europe-1947", "--targets", "europe"}, `--targets "europe": no historical targets; allowed: europe-1947, asia-1950`},
		{[]string{"generic", "--targets", "generic"}, `--targets "generic": no historical targets; allowed: europe-1947, asia-1950`},
		{[]string{onlyLux, "--targets", "europe-1947"}, "--targets europe-1947: " + onlyLux + ": onlylux cannot be scored against europe-1947's targets: it lacks what these targets name: E1 (1 of gbr, fra, bel, nld, lux, where the target needs 2), E2 (1 of gbr, fra, bel, nld, lux, where the target needs 4), E3 (1 of gbr, fra, bel, nld, lux, where the target needs 2), E4 (1 of gbr, fra, bel, nld, lux, where the target needs 2); allowed:"},
		{[]string{"generic", "--targets", "asia-1950"}, "--targets asia-1950: generic cannot be scored against asia-1950's targets: it lacks what these targets name: A1 (no aus, nzl, phl, jpn), A5 (no aus, nzl), A8 (no kor, twn); it starts at 2000-01, after asia-1950's start 1950-01"},
		{[]string{"asia-1950", "--targets", "europe-1947"}, "E2 (2 of gbr, fra, bel, nld, lux, where the target needs 4)"},
	} {
		_, err := execute(t, append([]string{"check", "--runs", "2"}, c.args...)...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("check %s: %v\nwant %s", strings.Join(c.args, " "), err, c.want)
		}
	}
}

// check's help says what --targets does, with the counterfactual it
// serves, and what it refuses.
func TestCheckHelpSaysWhatTargetsDoes(t *testing.T) {
	text, err := execute(t, "check", "--help")
	if err != nil {
		t.Fatal(err)
	}
	text = strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"With --targets NAME (europe-1947 or asia-1950) it scores any scenario against NAME's targets",
		"examples/scenarios/asia-no-korean-war.toml with --targets asia-1950",
		"says whose targets they are, and that the scenario is not NAME where it is not",
		"is refused, with each target and what it lacks",
		"--targets string score the scenario against the targets of this historical scenario (europe-1947 or asia-1950)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("help lacks %q:\n%s", want, text)
		}
	}
}

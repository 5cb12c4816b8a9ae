package report

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

func TestDecodeRefusesNumbersPastTheBound(t *testing.T) {
	var v struct {
		A []struct{ B float64 }
	}
	for _, c := range []struct {
		doc, want string
	}{
		{`{"A":[{"B":1},{"B":1e308}]}`, "x.json: A[1].B is 1e308; allowed: a number within ±2⁵³"},
		{`{"A":[{"B":-9007199254740994}]}`, "x.json: A[0].B is -9007199254740994"},
		// Past 2⁵³ by less than a double can tell: 2⁵³ + 1 rounds to 2⁵³.
		{`{"A":[{"B":9007199254740993}]}`, "x.json: A[0].B is 9007199254740993; allowed: a number within ±2⁵³"},
		{`{"A":[{"B":-9007199254740992.5}]}`, "x.json: A[0].B is -9007199254740992.5"},
		{`{"A":[{"B":9.007199254740993e15}]}`, "x.json: A[0].B is 9.007199254740993e15"},
		{`{"A":[{"B":1},`, "x.json: line 1, column 15: the file ends inside a value (truncated?)"},
		{"{\"A\":\n[{\"B\":\"one\"}]}", "x.json: line 2, column 12: A.B holds a JSON string; allowed: float64"},
		{"7e400", "x.json: the document is 7e400"},
		{"", "x.json: the file is empty; allowed: the JSON document alliancesim writes"},
		{" \n", "x.json: the file is empty; allowed: the JSON document alliancesim writes"},
	} {
		err := decode("x.json", []byte(c.doc), &v)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q…", c.doc, err, c.want)
		}
	}
	if err := decode("x.json", []byte(`{"A":[{"B":9007199254740992},{"B":-0.5}]}`), &v); err != nil || v.A[0].B != 1<<53 || v.A[1].B != -0.5 {
		t.Errorf("the bound itself: %v, %+v", err, v)
	}
}

func TestPosition(t *testing.T) {
	b := []byte("ab\ncde\nf")
	for _, c := range []struct {
		off       int64
		line, col int
	}{{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {6, 2, 4}, {8, 3, 2}, {99, 3, 2}} {
		if l, col := position(b, c.off); l != c.line || col != c.col {
			t.Errorf("offset %d: line %d column %d, want %d and %d", c.off, l, col, c.line, c.col)
		}
	}
}

// A hand-edited summary.json or hypotheses.json never makes the report
// panic or hang: every kind of number in it (every field name, wherever
// it occurs) is set in turn to extreme values, and the report is either
// drawn or refused with an error that names the file or the figure; some
// edits must be refused. (A hang shows as the test's timeout.)
func TestReportSurvivesEditedNumbers(t *testing.T) {
	many, single, sweep, hyps := fixtures(t)
	for _, c := range []struct{ dir, file string }{
		{many, "summary.json"}, {single, "summary.json"}, {sweep, "summary.json"}, {hyps, "hypotheses.json"},
	} {
		orig := mustRead(t, filepath.Join(c.dir, c.file))
		shapes := numberShapes(t, orig)
		if len(shapes) < 5 {
			t.Fatalf("%s: only %d kinds of number", c.file, len(shapes))
		}
		// A copy without scenario.toml: the report skips the maps,
		// which replay runs and read nothing of the edited file.
		dir := t.TempDir()
		entries, err := os.ReadDir(c.dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.Type().IsRegular() && e.Name() != "scenario.toml" && e.Name() != "report.html" {
				if err := os.WriteFile(filepath.Join(dir, e.Name()), mustRead(t, filepath.Join(c.dir, e.Name())), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		refused := 0
		for _, shape := range shapes {
			for _, v := range []string{"9007199254740992", "-9007199254740992", "-1", "0"} {
				edited := setNumbers(t, orig, shape, v)
				if err := os.WriteFile(filepath.Join(dir, c.file), edited, 0o644); err != nil {
					t.Fatal(err)
				}
				func() {
					defer func() {
						if r := recover(); r != nil {
							t.Errorf("%s of %s set to %s: panic: %v", shape, c.file, v, r)
						}
					}()
					// Drawn, or refused by a check that names the file
					// or the figure.
					_, err := Build(context.Background(), dir)
					if err == nil {
						return
					}
					refused++
					if msg := err.Error(); !strings.Contains(msg, c.file) && !strings.HasPrefix(msg, "figure ") {
						t.Errorf("%s of %s set to %s: refused without naming the file: %v", shape, c.file, v, err)
					}
				}()
			}
		}
		if refused == 0 {
			t.Errorf("%s: no edit was refused", c.file)
		}
	}
}

// shapeOf is the kind of a number at a path: the last field name, its
// indices dropped (survival[2].points[5].s is s).
func shapeOf(at string) string {
	at = index.ReplaceAllString(at, "")
	return at[strings.LastIndexByte(at, '.')+1:]
}

var index = regexp.MustCompile(`\[\d+\]`)

// numberShapes lists the kinds of the numbers in a JSON document.
func numberShapes(t *testing.T, b []byte) []string {
	t.Helper()
	doc := decodeAny(t, b)
	seen := map[string]bool{}
	var walk func(at string, v any)
	walk = func(at string, v any) {
		switch x := v.(type) {
		case json.Number:
			seen[shapeOf(at)] = true
		case []any:
			for i, e := range x {
				walk(fmt.Sprintf("%s[%d]", at, i), e)
			}
		case map[string]any:
			for k, e := range x {
				walk(at+"."+k, e)
			}
		}
	}
	walk("", doc)
	var out []string
	for s := range seen {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// setNumbers sets every number of the given shape to v.
func setNumbers(t *testing.T, b []byte, shape, v string) []byte {
	t.Helper()
	doc := decodeAny(t, b)
	var walk func(at string, x any) any
	walk = func(at string, x any) any {
		switch y := x.(type) {
		case json.Number:
			if shapeOf(at) == shape {
				return json.Number(v)
			}
		case []any:
			for i, e := range y {
				y[i] = walk(fmt.Sprintf("%s[%d]", at, i), e)
			}
		case map[string]any:
			for k, e := range y {
				y[k] = walk(at+"."+k, e)
			}
		}
		return x
	}
	out, err := json.Marshal(walk("", doc))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func decodeAny(t *testing.T, b []byte) any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var doc any
	if err := d.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// A syntax error is placed by line and column; with several numbers past
// the bound, the first in key order is named, the same one every time.
func TestDecodeNamesTheFirstBadNumberAndTheSyntaxError(t *testing.T) {
	var v map[string]any
	// The x is the 9th byte of line 2: the decoder stops after reading it.
	err := decode("x.json", []byte("{\"A\":\n[{\"B\":1}x]}"), &v)
	if want := "x.json: line 2, column 10: invalid character 'x' after array element"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
	doc := []byte(`{"e":{"z":1e300},"d":[0,1e300],"c":1e300,"b":{"y":[1e300]},"a":{"k":[2,{"m":-1e300}]}}`)
	for range 20 {
		if err := decode("x.json", doc, &v); err == nil || err.Error() != "x.json: a.k[1].m is -1e300; allowed: a number within ±2⁵³" {
			t.Fatalf("got %v, want a.k[1].m named", err)
		}
	}
}

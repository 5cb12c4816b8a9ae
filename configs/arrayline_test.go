package configs

import (
	"strings"
	"testing"
)

// Each element's line, by hand, in the ways TOML writes an array.
func TestElementLine(t *testing.T) {
	for _, c := range []struct {
		name, src, key string
		keyLine        int
		want           []int // element i's line; one more: past the end
	}{
		{"one line", "x = 1\ndrop_events = [\"a\", \"b\"]\n", "drop_events", 2, []int{2, 2, 2}},
		{"one per line", "drop_events = [\n  \"a\",\n  \"b\",   # a comment, with a comma\n  \"c\"\n]\n", "drop_events", 1, []int{2, 3, 4, 1}},
		{"the first on the key's line", "values = [1,\n  2,\n\n  -1]\n", "values", 1, []int{1, 2, 4, 1}},
		{"strings holding what ends an element", "ids = [\n  \"a,]\", 'b#c',\n  \"\\\"]\",\n  \"d\"\n]\n", "ids", 1, []int{2, 2, 3, 4, 1}},
		{"a triple-quoted string over lines", "v = [\"\"\"x\n,y]\n\"\"\", 'z']\n", "v", 1, []int{1, 3, 1}},
		{"nested arrays and inline tables", "v = [\n  [1, [2, 3]],\n  {a = 1, b = [4]},\n  5,\n]\n", "v", 1, []int{2, 3, 4, 1}},
		{"the key inside an inline table", "vary = [{path = \"p\", values = [\n 1,\n 2]}]\n", "values", 1, []int{2, 3, 1}},
		{"a quoted key", "\"values\" = [\n 1,\n 2]\n", "values", 1, []int{2, 3, 1}},
		{"a quoted key, its bare name in the comment after", "\"values\" = [  # was: values = [9,\n 1,\n 2]\n", "values", 1, []int{2, 3, 1}},
		{"a literal key", "'values' = [  # values = [\n 1,\n 2]\n", "values", 1, []int{2, 3, 1}},
		{"the key's name in a string before it", "x = \"values = [\", values = [\n 1]\n", "values", 1, []int{2, 1}},
		{"a dotted key", "a.values = [\n 1,\n 2]\n", "values", 1, []int{2, 3, 1}},
		{"a triple-quoted string ending in quotes", "v = [\n '''a''''',\n 'b']\n", "v", 1, []int{2, 3, 1}},
		{"a key that ends another", "my_values = [\n 1]\n", "values", 1, []int{1, 1}},
		{"not an array", "values = 3\n[x]\ny = [\n 1]\n", "values", 1, []int{1, 1}},
		{"an unclosed string", "values = [\"a\n, \"b\"]\n", "values", 1, []int{1, 1, 1}},
	} {
		lines := strings.Split(c.src, "\n")
		for i, want := range c.want {
			if got := elementLine(lines, c.keyLine, c.key, i); got != want {
				t.Errorf("%s: element %d on line %d, want %d", c.name, i, got, want)
			}
		}
	}
	if got := elementLine([]string{"v = [1]"}, 5, "v", 0); got != 5 {
		t.Errorf("a key line past the source: %d, want it back", got)
	}
}

// Whatever the text, elementLine gives a line of it and does not panic.
func FuzzElementLine(f *testing.F) {
	f.Add("values = [\n 1,\n \"a,]\",\n '''x\n'''\n]\n", 2)
	f.Add("v = [{a = [1, \"\\\"\"]}, 2]", 1)
	f.Add("v = [\"\"\"", 0)
	f.Fuzz(func(t *testing.T, src string, i int) {
		lines := strings.Split(src, "\n")
		if got := elementLine(lines, 1, "v", i); got < 1 || got > len(lines) {
			t.Errorf("line %d of %d", got, len(lines))
		}
		if got := elementLine(lines, 1, "values", i); got < 1 || got > len(lines) {
			t.Errorf("line %d of %d", got, len(lines))
		}
	})
}

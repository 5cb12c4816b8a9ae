package configs

import "testing"

func TestIndexLines(t *testing.T) {
	src := `# comment
extends = "x"
[scenario]
name = "n" # trailing
"quoted key" = 1
[theater]
map = """
[[not_a_header]]
key = 1
"""
rough = '''
x'''
[theater.generate]
width = 3
list = [
  1, [2, 3],
  "]",
]
after = 1
[[states]]
id = "a"
stakes = { b = 1.0, "c d" = { e = 2 } }
[[states]]
id = "b"
[states.decision]
alpha = 0.5
dotted.key = 2
`
	idx := indexLines(src)
	want := map[string]int{
		"extends":                       2,
		"scenario":                      3,
		"scenario.name":                 4,
		`scenario."quoted key"`:         5,
		"theater.map":                   7,
		"theater.rough":                 11,
		"theater.generate":              13,
		"theater.generate.width":        14,
		"theater.generate.list":         15,
		"theater.generate.after":        19,
		"states[0]":                     20,
		"states[0].id":                  21,
		"states[0].stakes.b":            22,
		`states[0].stakes."c d".e`:      22,
		"states[1].id":                  24,
		"states[1].decision.alpha":      26,
		"states[1].decision.dotted.key": 27,
	}
	for path, line := range want {
		if got, ok := idx[path]; !ok || got != line {
			t.Errorf("%s: want line %d, got %d (present %v)", path, line, got, ok)
		}
	}
	for _, absent := range []string{"not_a_header", "key", "theater.generate.x"} {
		if _, ok := idx[absent]; ok {
			t.Errorf("%s indexed from inside a string", absent)
		}
	}
}

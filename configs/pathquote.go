package configs

import (
	"strings"

	"github.com/BurntSushi/toml"
)

// A dotted path is written with bare parts only: params.sea_cost,
// states.c1.land. A TOML file may quote a dotted key's parts
// (states."c1".land) or space them (states . c1 . land), but every part a
// path can hold — a state id, a parameter, a key — is a bare word
// (sim.CheckStateID), so quoting never reaches anything more; and a path
// is also the name of a varied column in points.csv and the manifest,
// where two spellings of one path would be two columns. Such a path is
// refused, naming the bare path it spells, rather than taken as a state
// "\"c1\"" that the scenario does not have.

// pathSpellingProblem says what is wrong with a path written with quotes or with
// spaces around its dots, and the bare path to write instead where it
// spells one; "" for any other path, which lookupPath judges.
func pathSpellingProblem(path string) string {
	if !strings.ContainsAny(path, "\"' \t") {
		return ""
	}
	what := "has spaces"
	if strings.ContainsAny(path, `"'`) {
		what = "has a quoted part"
	}
	bare, ok := bareParts(path)
	if !ok {
		return what + "; allowed: a path of bare words joined by dots alone (ids and keys are bare words), e.g. params.sea_cost or states.ID.land"
	}
	if _, msg := lookupPath(bare); msg != "" {
		return what + ", and written bare, " + bare + " " + msg
	}
	return what + "; allowed: " + bare + ", its parts written bare (ids and keys are bare words)"
}

// bareParts reads path as a TOML dotted key and writes it with bare parts,
// if it is one and each of its parts is a bare key.
func bareParts(path string) (string, bool) {
	if strings.ContainsAny(path, "=\n\r#[]{}") { // one key, nothing else: no value, table or comment of its own
		return "", false
	}
	md, err := toml.Decode(path+" = 0", &map[string]any{})
	if err != nil {
		return "", false
	}
	keys := md.Keys()
	if len(keys) == 0 {
		return "", false
	}
	parts := keys[len(keys)-1] // the tables it opens, then the key itself
	for _, p := range parts {
		if p == "" || strings.IndexFunc(p, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-')
		}) >= 0 {
			return "", false
		}
	}
	return strings.Join(parts, "."), true
}

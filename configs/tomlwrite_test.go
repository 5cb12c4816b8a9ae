package configs

import (
	"math"
	"testing"

	"github.com/BurntSushi/toml"
)

// TOML values are read back as written.
func TestTOMLValues(t *testing.T) {
	floats := map[float64]string{3: "3.0", 0.1: "0.1", 1e21: "1e+21", 1e-9: "1e-09", -2.5: "-2.5", 1e6: "1e+06", 123456: "123456.0", 0.30000000000000004: "0.30000000000000004"}
	for x, want := range floats {
		got, err := tomlFloat(x)
		if err != nil || got != want {
			t.Errorf("tomlFloat(%v) = %q, %v; want %q", x, got, err, want)
		}
		var doc struct{ V any }
		if _, err := toml.Decode("v = "+got, &doc); err != nil || doc.V != x {
			t.Errorf("%s reads back as %#v (%v)", got, doc.V, err)
		}
	}
	// −0 is written as 0, as a float and as a whole number: one value,
	// one text, so that the same work has one hash.
	negZero := math.Copysign(0, -1)
	if f, _ := tomlFloat(negZero); f != "0.0" {
		t.Errorf("tomlFloat(−0) = %q, want 0.0", f)
	}
	if w, _ := tomlWhole(negZero); w != "0" {
		t.Errorf("tomlWhole(−0) = %q, want 0", w)
	}
	for _, s := range []string{"", "plain", `quote " and \ back`, "tab\tnew\nline\r", "\x01\x1f\x7f", "Ünïcödé €", "'''", `"""`, "#"} {
		q, err := tomlString(s)
		m, merr := tomlMultiline(s)
		var doc struct{ A, B string }
		if _, derr := toml.Decode("a = "+q+"\nb = "+m+"\n", &doc); err != nil || merr != nil || derr != nil || doc.A != s || doc.B != s {
			t.Errorf("%q: written %s and %s, read %q and %q (%v %v %v)", s, q, m, doc.A, doc.B, err, merr, derr)
		}
	}
}

// A key is written bare only when every character is a bare one: a key
// whose first character is not (é, a space) is quoted too.
func TestTOMLKeyQuotedFromItsFirstCharacter(t *testing.T) {
	for k, want := range map[string]string{"kor": "kor", "-a": "-a", "é": `"é"`, "éa": `"éa"`, " a": `" a"`, "a b": `"a b"`, "": `""`} {
		if got, err := tomlKey(k); err != nil || got != want {
			t.Errorf("tomlKey(%q) = %s, %v; want %s", k, got, err, want)
		}
	}
}

package configs

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// TOML values written by this package (Format, Canonical and the overlays
// of experiment points), written so that the TOML decoder reads back
// exactly the value written: strings with TOML's own escapes, floats in
// the shortest form that round-trips and always as floats, whole numbers
// as integers.

// tomlString writes s as a TOML basic string. It fails on invalid UTF-8,
// which TOML cannot hold.
func tomlString(s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", fmt.Errorf("%q is not valid UTF-8", s)
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		b.WriteString(escapeRune(r, false))
	}
	b.WriteByte('"')
	return b.String(), nil
}

// tomlMultiline writes s as a multi-line basic string whose lines are the
// lines of s, as maps are written: """, a newline (which TOML drops), s.
func tomlMultiline(s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", fmt.Errorf("%q is not valid UTF-8", s)
	}
	var b strings.Builder
	b.WriteString("\"\"\"\n")
	for _, r := range s {
		b.WriteString(escapeRune(r, true))
	}
	b.WriteString(`"""`)
	return b.String(), nil
}

// escapeRune writes r as it appears inside a basic string; a newline is
// kept as it is in a multi-line string.
func escapeRune(r rune, multiline bool) string {
	switch r {
	case '"':
		return `\"`
	case '\\':
		return `\\`
	case '\n':
		if multiline {
			return "\n"
		}
		return `\n`
	case '\t':
		return `\t`
	case '\r':
		return `\r`
	case '\b':
		return `\b`
	case '\f':
		return `\f`
	}
	if r < 0x20 || r == 0x7f {
		return fmt.Sprintf(`\u%04X`, r)
	}
	return string(r)
}

// tomlKey writes a key bare when TOML allows it, else quoted.
func tomlKey(k string) (string, error) {
	if k != "" && strings.IndexFunc(k, func(r rune) bool { return r > 0x7f || !isBare(byte(r)) }) < 0 {
		return k, nil
	}
	return tomlString(k)
}

// tomlFloat writes x so that TOML reads it back as the same float64: the
// shortest decimal that round-trips, with ".0" added to whole numbers. It
// fails on NaN and infinities, which no scenario value may be.
func tomlFloat(x float64) (string, error) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "", fmt.Errorf("%v is not a finite number", x)
	}
	if x == 0 {
		x = 0 // −0 is 0: one value, one text (and one hash)
	}
	s := strconv.FormatFloat(x, 'g', -1, 64)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s, nil
}

// tomlWhole writes a whole number as a TOML integer; anything else is
// written as a float, for the reader to reject where it wants an integer.
func tomlWhole(x float64) (string, error) {
	if x == 0 {
		x = 0 // −0 is 0
	}
	if x == math.Trunc(x) && math.Abs(x) <= maxExact {
		return strconv.FormatFloat(x, 'f', -1, 64), nil
	}
	return tomlFloat(x)
}

// maxExact is the largest integer up to which every integer is a float64:
// 2^53 − 1.
const maxExact = 1<<53 - 1

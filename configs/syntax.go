package configs

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/alliancesim/alliancesim/sensitivity"
	"github.com/alliancesim/alliancesim/sim"
)

// redefined is the TOML decoder's message for a key given twice.
var redefined = regexp.MustCompile(`^Key '([^']*)' has already been defined\.$`)

// notAnArray and notATable are the TOML decoder's messages for a key
// written both as a [table] (or a value) and as an [[array of tables]],
// and for a [header] through a key that holds a value.
var (
	notAnArray = regexp.MustCompile(`^Key '([^']*)' was already created and cannot be used as an array\.$`)
	notATable  = regexp.MustCompile(`^Key '([^']*)' was already created as a hash\.$`)
)

// overflow is the TOML decoder's message for a number too large for Go.
var overflow = regexp.MustCompile(`^(.*) is out of range for (?:float64|int64)$`)

// decodeError reports a file the TOML decoder could not read: at the line
// of the offending byte (the decoder's own line is one too far when the
// offending byte is the newline ending a line, as in an unclosed
// [table), with the key being read, and a key given twice in our words,
// with its index in an array of tables (states[2].role).
func decodeError(file string, src []byte, err error, e *errs) {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		msg, line, key := err.Error(), 0, ""
		if m := lineInMessage.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			key, msg = m[2], m[3]
		}
		e.add(Error{File: file, Line: line, Key: key, Msg: msg})
		return
	}
	line, start := pe.Position.Line, pe.Position.Start
	if start >= 0 && start <= len(src) {
		line = 1 + bytes.Count(src[:start], []byte("\n"))
	} else {
		start = len(src)
	}
	key, msg := pe.LastKey, pe.Message
	switch m := redefined.FindStringSubmatch(msg); {
	case m != nil:
		key = indexedKey(src[:start], m[1])
		msg = "given twice; allowed: each key once in a table"
	case notAnArray.MatchString(msg):
		name := notAnArray.FindStringSubmatch(msg)[1]
		key = indexedKey(src[:start], name)
		msg = "given before as a table or a value, here as [[" + name + "]]; allowed: one of them, [[" + name + "]] for each entry of an array of tables"
	case notATable.MatchString(msg):
		key = indexedKey(src[:start], notATable.FindStringSubmatch(msg)[1])
		msg = "given before as a value, here as a table; allowed: one of them"
	case overflow.MatchString(msg):
		key = indexedKey(src[:start], key)
		msg = overflow.FindStringSubmatch(msg)[1] + " is out of range; allowed: " + keyAllowed(key)
	case strings.Contains(msg, "table name") || strings.Contains(msg, "array of tables") || isHeaderLine(src, start):
		// An error in a [header]: the last key read belongs to the
		// table before it.
		key = ""
		msg += "; allowed: a header closed on its own line, [table] or [[array of tables]]"
	default:
		if k := keyOnLine(src, line); k != "" {
			key = k // the key written there (states[1].land), not the decoder's last table
		}
		msg += "; allowed: TOML syntax (toml.io/en/v1.0.0)"
	}
	e.add(Error{File: file, Line: line, Key: key, Msg: msg})
}

// keyOnLine is the key written on line of src, as the line index names it
// with its array index (states[1].land); the shortest where an inline
// table puts several there, the key the line begins with; "" for none.
func keyOnLine(src []byte, line int) string {
	best := ""
	for path, l := range indexLines(string(src)) {
		if l == line && (best == "" || len(path) < len(best) || len(path) == len(best) && path < best) {
			best = path
		}
	}
	return best
}

// isHeaderLine reports whether the line holding offset start of src is a
// [table] or [[array of tables]] header: its first visible character a
// '[', and the line not inside a value (a multi-line array's next element
// may begin with '[' too). The decoder's words for an unclosed [[header]]
// do not say so.
func isHeaderLine(src []byte, start int) bool {
	if start > 0 && start <= len(src) && src[start-1] != '\n' && (start == len(src) || src[start] == '\n') {
		start-- // the offending byte is the newline that ends the line
	}
	begin := bytes.LastIndexByte(src[:start], '\n') + 1
	if !bytes.HasPrefix(bytes.TrimLeft(src[begin:], " \t"), []byte("[")) {
		return false
	}
	line := 1 + bytes.Count(src[:begin], []byte("\n"))
	return !continuationLines(string(src))[line]
}

// indexedKey writes a dotted key whose first part is an array of tables
// with the index of the [[part]] header it falls under in before (the
// file up to the error): states.role under the third [[states]] is
// states[2].role. Other keys are returned as they are.
func indexedKey(before []byte, key string) string {
	head, rest, ok := strings.Cut(key, ".")
	if !ok {
		return key
	}
	n := 0
	for _, l := range bytes.Split(before, []byte("\n")) {
		l = bytes.TrimSpace(l)
		if inner, ok := bytes.CutPrefix(l, []byte("[[")); ok {
			if name, _, ok := bytes.Cut(inner, []byte("]]")); ok && string(bytes.TrimSpace(name)) == head {
				n++
			}
		}
	}
	if n == 0 {
		return key
	}
	return fmt.Sprintf("%s[%d].%s", head, n-1, rest)
}

// keyAllowed says in words what numbers a key of a scenario or
// experiment file takes: a scenario path's range (states[2].land as the
// path states.ID.land does), an event's key's (events[0].delta) or an
// experiment's; for any other key, what any number must be.
func keyAllowed(key string) string {
	parts := strings.Split(key, ".")
	head, _, _ := strings.Cut(parts[0], "[")
	if head == "states" && len(parts) > 1 {
		parts = append([]string{"states", "ID"}, parts[1:]...) // states[2] or states
	}
	if r, ok := pathRange(strings.Join(parts, ".")); ok {
		return r.Allowed()
	}
	last := parts[len(parts)-1]
	switch {
	case head == "events" && len(parts) == 2:
		switch last {
		case "tick":
			return "a whole number, a tick from 0 to the horizon"
		case "delta":
			return sim.ShockRange().Allowed()
		case "fraction":
			return sim.FractionRange().Allowed()
		case "land", "naval", "economy":
			return sim.ForceRange().Allowed()
		case "ideology":
			return sim.IdeologyRange().Allowed()
		}
	case head == "vary" && len(parts) == 2:
		switch last {
		case "steps":
			return stepsAllowed
		case "sd":
			return "a positive number"
		}
		return "a number within the varied path's range"
	case len(parts) == 1:
		switch last { // an experiment's keys
		case "runs":
			return wholeIn(1, MaxRuns)
		case "chunk":
			return wholeIn(1, maxChunk)
		case "seed":
			return wholeIn(0, MaxSeed)
		case "samples":
			return fmt.Sprintf("a whole number in [1, %d] (lhs; at least 2 for morris and sobol)", MaxPoints)
		case "candidates":
			return fmt.Sprintf("a whole number in [2, %d], at least samples", sensitivity.MaxCandidates)
		case "levels":
			return levelsAllowed
		}
	}
	return "a number within ±1.8e308 (a whole number within ±9.2e18)"
}

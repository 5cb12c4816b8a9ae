package configs

import (
	"strconv"
	"strings"
)

// lineIndex maps every key path written in a TOML document to the line it
// was written on. BurntSushi/toml reports the position of syntax errors but
// not of keys, so unknown keys and invalid values are located by scanning the
// source text. Paths use the decoder's dotted names with a 0-based index for
// each element of an array of tables: "states[3].role". A table header is
// recorded under its own path ("states[3]", "theater.generate").
type lineIndex map[string]int

// indexLines scans src. It understands table and array-of-table headers,
// dotted and quoted keys, inline tables (their keys are on the key's line),
// multi-line strings and multi-line arrays; anything it cannot read is left
// to the TOML decoder to report.
func indexLines(src string) lineIndex { return indexLinesCont(src, nil) }

// continuationLines are the lines of src that begin inside a value: a
// multi-line string's or array's later lines, which a [ at their start
// does not make a header.
func continuationLines(src string) map[int]bool {
	cont := map[int]bool{}
	indexLinesCont(src, cont)
	return cont
}

// indexLinesCont is indexLines, recording in cont (if not nil) the lines
// that begin inside a value.
func indexLinesCont(src string, cont map[int]bool) lineIndex {
	idx := lineIndex{}
	arrays := map[string]int{} // array-of-tables path (without indices) → elements seen
	prefix := ""
	var inString string    // closing delimiter of an open multi-line string
	depth := 0             // open brackets of a multi-line array
	var array *inlineArray // an array value whose inline tables are indexed
	lines := strings.Split(src, "\n")
	for n, line := range lines {
		lineNo := n + 1
		if cont != nil && (inString != "" || depth > 0) {
			cont[lineNo] = true
		}
		if inString != "" {
			if i := strings.Index(line, inString); i >= 0 {
				inString = ""
				depth += scanValue(line[i+3:], &inString)
			}
			continue
		}
		if depth > 0 {
			if array != nil && !idx.elements(array, line, lineNo) {
				array = nil
			}
			depth += scanValue(line, &inString)
			if inString != "" {
				array = nil // a multi-line string: its end is not followed
			}
			continue
		}
		array = nil
		s := strings.TrimSpace(line)
		switch {
		case s == "" || s[0] == '#':
			continue
		case strings.HasPrefix(s, "[["):
			parts, _ := parseKey(s[2:])
			path := headerPath(quoteParts(parts), arrays, true)
			prefix = path
			idx.add(path, lineNo)
		case s[0] == '[':
			parts, _ := parseKey(s[1:])
			prefix = headerPath(quoteParts(parts), arrays, false)
			idx.add(prefix, lineNo)
		default:
			parts, rest := parseKey(s)
			rest = strings.TrimSpace(rest)
			if len(parts) == 0 || !strings.HasPrefix(rest, "=") {
				continue
			}
			path := join(prefix, strings.Join(quoteParts(parts), "."))
			idx.add(path, lineNo)
			value := strings.TrimSpace(rest[1:])
			switch {
			case strings.HasPrefix(value, "{"):
				idx.inline(path, value, lineNo)
			case strings.HasPrefix(value, "["):
				array = &inlineArray{path: path}
				if !idx.elements(array, value, lineNo) {
					array = nil
				}
			}
			depth += scanValue(value, &inString)
			if inString != "" {
				array = nil // a multi-line string: its end is not followed
			}
		}
	}
	return idx
}

func (idx lineIndex) add(path string, line int) {
	if _, ok := idx[path]; !ok {
		idx[path] = line
	}
}

// inline records the keys of an inline table that starts at s.
func (idx lineIndex) inline(path, s string, line int) {
	s = s[1:] // past '{'
	for {
		s = strings.TrimLeft(s, " \t,")
		if s == "" || s[0] == '}' {
			return
		}
		parts, rest := parseKey(s)
		rest = strings.TrimSpace(rest)
		if len(parts) == 0 || !strings.HasPrefix(rest, "=") {
			return
		}
		key := join(path, strings.Join(quoteParts(parts), "."))
		idx.add(key, line)
		rest = strings.TrimSpace(rest[1:])
		if strings.HasPrefix(rest, "{") {
			idx.inline(key, rest, line)
		}
		s = skipValue(rest)
	}
}

// inlineArray is an array value being scanned for its elements: each is
// indexed as path[i], i its place among the array's elements, on the line
// it begins (drop_events = [ one per line ] names each id's own line), and
// an inline table's keys on its line too (an inline table is on one line),
// as for an array of tables written inline: states = [ { id = "a" }, … ].
type inlineArray struct {
	path  string
	elem  int  // elements begun so far
	depth int  // brackets of the array open
	next  bool // an element may begin: after the opening [ or a comma
}

// elements indexes the elements of an array in s, the part of the array
// on one line, and reports whether the array is still open after
// it. It stops at a multi-line string (whose end it does not follow).
func (idx lineIndex) elements(a *inlineArray, s string, line int) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if a.depth == 1 && a.next && c != ' ' && c != '\t' && c != '\r' && c != ',' && c != ']' && c != '#' {
			a.next = false
			p := a.path + "[" + strconv.Itoa(a.elem) + "]"
			idx.add(p, line)
			if c == '{' {
				idx.inline(p, s[i:], line)
			}
			a.elem++
		}
		switch c {
		case '#':
			return a.depth > 0
		case '"', '\'':
			end := closingQuote(s[i:])
			if end < 0 || strings.HasPrefix(s[i:], strings.Repeat(string(c), 3)) {
				return false
			}
			i += end
		case '[':
			if a.depth++; a.depth == 1 {
				a.next = true
			}
		case ']':
			if a.depth--; a.depth == 0 {
				return false
			}
		case ',':
			if a.depth == 1 {
				a.next = true
			}
		case '{':
			// past the table, and the comma after it if any, which begins
			// the next element
			i = len(s) - len(skipValue(s[i:])) - 1
			if s[i] == ',' && a.depth == 1 {
				a.next = true
			}
		}
	}
	return a.depth > 0
}

// headerPath turns a header's key parts into an indexed path: every prefix that
// names an array of tables refers to its latest element. A [[header]] adds a
// new element.
func headerPath(parts []string, arrays map[string]int, newElement bool) string {
	path, plain := "", ""
	for i, p := range parts {
		plain = join(plain, p)
		path = join(path, p)
		last := i == len(parts)-1
		if last && newElement {
			path += "[" + strconv.Itoa(arrays[plain]) + "]"
			arrays[plain]++
		} else if n, ok := arrays[plain]; ok && n > 0 {
			path += "[" + strconv.Itoa(n-1) + "]"
		}
	}
	return path
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// parseKey reads a dotted key (bare, "basic" or 'literal' parts) from the
// start of s and returns its parts and what follows.
func parseKey(s string) ([]string, string) {
	var parts []string
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return parts, s
		}
		switch s[0] {
		case '"', '\'':
			end := closingQuote(s)
			if end < 0 {
				return parts, ""
			}
			raw := s[:end+1]
			if s[0] == '"' {
				if u, err := strconv.Unquote(raw); err == nil {
					raw = u
				} else {
					raw = raw[1 : len(raw)-1]
				}
			} else {
				raw = raw[1 : len(raw)-1]
			}
			parts = append(parts, raw)
			s = s[end+1:]
		default:
			i := 0
			for i < len(s) && isBare(s[i]) {
				i++
			}
			if i == 0 {
				return parts, s
			}
			parts = append(parts, s[:i])
			s = s[i:]
		}
		s = strings.TrimLeft(s, " \t")
		if !strings.HasPrefix(s, ".") {
			return parts, s
		}
		s = s[1:]
	}
}

func isBare(c byte) bool {
	return c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// closingQuote returns the index of the quote that closes the string at
// the start of s, or -1.
func closingQuote(s string) int {
	q := s[0]
	for i := 1; i < len(s); i++ {
		if q == '"' && s[i] == '\\' {
			i++
			continue
		}
		if s[i] == q {
			return i
		}
	}
	return -1
}

// skipValue returns what follows the single-line value at the start of s.
func skipValue(s string) string {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '\'':
			end := closingQuote(s[i:])
			if end < 0 {
				return ""
			}
			i += end
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return s[i:]
			}
			depth--
		case ',':
			if depth == 0 {
				return s[i+1:]
			}
		case '#':
			return ""
		}
	}
	return ""
}

// scanValue scans (part of) a value for brackets left open at the end of the
// line and for a multi-line string left open, which it stores in *inString.
// It returns the change in bracket depth.
func scanValue(s string, inString *string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '\'':
			delim := strings.Repeat(string(c), 3)
			if strings.HasPrefix(s[i:], delim) {
				if end := strings.Index(s[i+3:], delim); end >= 0 {
					i += 3 + end + 2
					continue
				}
				*inString = delim
				return depth
			}
			end := closingQuote(s[i:])
			if end < 0 {
				return depth
			}
			i += end
		case '[', '{':
			depth++
		case ']', '}':
			depth--
		case '#':
			return depth
		}
	}
	return depth
}

func quoteParts(parts []string) []string {
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = quoteKey(p)
	}
	return out
}

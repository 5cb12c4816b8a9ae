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
// dotted and quoted keys, inline tables and arrays (on one line or
// several; each key and element at the line it begins), and multi-line
// strings; anything it cannot read is left to the TOML decoder to report.
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
	depth := 0             // brackets left open by a value (a multi-line array or inline table)
	var value valueScanner // a key's value left open, its arrays' elements and inline tables' keys indexed
	following := false     // whether value is being followed
	lines := strings.Split(src, "\n")
	for n, line := range lines {
		lineNo := n + 1
		if cont != nil && (inString != "" || depth > 0) {
			cont[lineNo] = true
		}
		if inString != "" {
			if i := closingDelim(line, inString); i >= 0 {
				inString = ""
				depth += scanValue(line[i+1:], &inString)
			}
			continue
		}
		if depth > 0 {
			if following && !idx.scan(&value, line, lineNo) {
				following = false
			}
			depth += scanValue(line, &inString)
			if inString != "" {
				following = false // a multi-line string: its end is not followed
			}
			continue
		}
		following = false
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
			text := strings.TrimSpace(rest[1:])
			following = idx.follow(&value, path, text, lineNo)
			depth += scanValue(text, &inString)
			if inString != "" {
				following = false // a multi-line string: its end is not followed
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

// valueScanner follows a key's value across lines: the arrays and
// inline tables open in it, each with its path. It indexes every element
// of an array as path[i], i its place among the array's elements, and
// every key of an inline table, on the line each begins: drop_events =
// [ one per line ] names each id's own line, states = [ { id = "a" }, … ]
// each state's keys, and an inline table written over several lines
// (TOML 1.1, which the decoder reads) each of its keys. A multi-line
// string left open at the end of its line, or anything it cannot read,
// ends the following: what comes after is left unindexed rather than
// indexed under a wrong name.
type valueScanner struct {
	open  []openValue // the arrays and inline tables open, innermost last
	value string      // path of the value about to begin; "" if none
	lost  bool        // stopped following
}

// openValue is an array or inline table open in a value.
type openValue struct {
	path  string
	table bool // an inline table; else an array
	elem  int  // an array's elements begun so far
	next  bool // a key (table) or an element (array) may begin: after the opening bracket or a comma
}

// follow starts following the value of the key at path, whose text
// begins s on the given line, and reports whether it is still open
// after the line.
func (idx lineIndex) follow(v *valueScanner, path, s string, line int) bool {
	*v = valueScanner{open: v.open[:0], value: path}
	return idx.scan(v, s, line)
}

// scan follows the value through s, the part of it on one line, and
// reports whether it is still open (and followed) after it.
func (idx lineIndex) scan(v *valueScanner, s string, line int) bool {
	for i := 0; i < len(s) && !v.lost; i++ {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\r' {
			continue
		}
		if c == '#' {
			break
		}
		if n := len(v.open); n > 0 && v.open[n-1].next && c != ',' && c != ']' && c != '}' {
			top := &v.open[n-1]
			top.next = false
			if top.table {
				parts, rest := parseKey(s[i:])
				rest = strings.TrimLeft(rest, " \t")
				if len(parts) == 0 || !strings.HasPrefix(rest, "=") {
					v.lost = true
					break
				}
				v.value = join(top.path, strings.Join(quoteParts(parts), "."))
				idx.add(v.value, line)
				i = len(s) - len(rest) // at the '='; its value follows
				continue
			}
			v.value = top.path + "[" + strconv.Itoa(top.elem) + "]"
			top.elem++
			idx.add(v.value, line)
		}
		switch c {
		case '{', '[':
			if v.value == "" {
				v.lost = true // a bracket where no value begins
				break
			}
			v.open = append(v.open, openValue{path: v.value, table: c == '{', next: true})
		case '}', ']':
			if len(v.open) == 0 {
				v.lost = true
				break
			}
			v.open = v.open[:len(v.open)-1]
		case ',':
			if n := len(v.open); n > 0 {
				v.open[n-1].next = true
			}
		case '"', '\'':
			end := closingString(s[i:])
			if end < 0 {
				v.lost = true // a multi-line string left open: its end is not followed
				break
			}
			i += end
		}
		v.value = "" // a value has begun (or ended): none is about to
	}
	return !v.lost && len(v.open) > 0
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
			raw := s[1:end]
			if s[0] == '"' {
				raw, _ = unescapeBasic(raw)
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

// unescapeBasic is the text of a basic string, s without its quotes,
// with its escapes read as the decoder reads them: \xHH as the code
// point U+00HH (TOML 1.1; Go's strconv.Unquote takes it for a byte), \e
// as U+001B (TOML 1.1; strconv does not know it), the others as strconv
// reads them; false, with s as written, for a string with an escape
// neither knows or a quote of its own (the decoder reports it).
func unescapeBasic(s string) (string, bool) {
	var b strings.Builder
	for rest := s; rest != ""; {
		if after, ok := strings.CutPrefix(rest, `\e`); ok {
			b.WriteByte(0x1b)
			rest = after
			continue
		}
		r, _, tail, err := strconv.UnquoteChar(rest, '"')
		if err != nil {
			return s, false
		}
		b.WriteRune(r) // a code point, also from \xHH
		rest = tail
	}
	return b.String(), true
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

// closingString returns the index of the quote that closes the string
// at the start of s, one quote or three (a multi-line string closed on
// the same line), or -1.
func closingString(s string) int {
	if len(s) >= 3 && s[1] == s[0] && s[2] == s[0] {
		return closingTriple(s)
	}
	return closingQuote(s)
}

// closingTriple returns the index of the last quote of the delimiter
// that closes the multi-line string opening s (three quotes, double or
// single), where it closes on the same line, or -1.
func closingTriple(s string) int {
	if end := closingDelim(s[3:], s[:3]); end >= 0 {
		return 3 + end
	}
	return -1
}

// closingDelim returns the index in s, the text of a multi-line string
// on one line, of the last quote of delim (three quotes, double or
// single) that closes it, or -1. Up to two quotes just before the
// delimiter are the string's own, and in a basic string a backslash
// escapes the character after it.
func closingDelim(s, delim string) int {
	q := delim[0]
	for i := 0; i < len(s); i++ {
		if q == '"' && s[i] == '\\' {
			i++
			continue
		}
		if strings.HasPrefix(s[i:], delim) {
			j := i + 3
			for k := 0; k < 2 && j < len(s) && s[j] == q; k++ {
				j++
			}
			return j - 1
		}
	}
	return -1
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
				if end := closingTriple(s[i:]); end >= 0 {
					i += end
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

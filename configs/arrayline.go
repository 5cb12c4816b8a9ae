package configs

import "strings"

// elementLine is the line (1-based) on which element i (from 0) of the
// array of key (its last part: "values") written on keyLine of lines
// begins: an error about
// one element of a multi-line array (drop_events, a vary's values) points
// at that element, not at its key. The TOML decoder keeps the lines of
// keys only. It reads the array as TOML writes one — strings of either
// quote, single or triple, comments, nested arrays and inline tables —
// and gives keyLine where the text is not an array it can read, or has
// fewer elements.
func elementLine(lines []string, keyLine int, key string, i int) int {
	if keyLine < 1 || keyLine > len(lines) || i < 0 {
		return keyLine
	}
	s := &arrayScan{lines: lines, line: keyLine - 1}
	var ok bool
	if s.col, ok = valueAfter(lines[keyLine-1], key); !ok {
		return keyLine
	}
	if !s.skipSpace() || s.peek() != '[' {
		return keyLine
	}
	s.col++
	for k := 0; ; k++ {
		if !s.skipSpace() || s.peek() == ']' {
			return keyLine
		}
		if k == i {
			return s.line + 1
		}
		if !s.skipValue() || !s.skipSpace() {
			return keyLine
		}
		switch s.peek() {
		case ',':
			s.col++
		default: // ']' ends it before element i; anything else is not TOML
			return keyLine
		}
	}
}

// valueAfter is the byte of text (one line) just past "key =": read left
// to right as TOML reads a line, key bare or quoted, as a whole key or
// the last part of a dotted one, and not inside a string or a comment.
// False where the line has no such key.
func valueAfter(text, key string) (int, bool) {
	s := &arrayScan{lines: []string{text}}
	prev := byte(0) // the last byte read that is not white space; 0 at the start
	for s.col < len(text) {
		c := text[s.col]
		var token string
		switch {
		case c == ' ' || c == '\t':
			s.col++
			continue
		case c == '#':
			return 0, false
		case c == '"' || c == '\'':
			start := s.col
			if !s.skipString(c) {
				return 0, false
			}
			token = text[start:s.col]
			if len(token) >= 2 {
				token = token[1 : len(token)-1] // a key is a single-quoted string
			}
		case isBare(c):
			start := s.col
			for s.col < len(text) && isBare(text[s.col]) {
				s.col++
			}
			token = text[start:s.col]
		default:
			prev = c
			s.col++
			continue
		}
		if token == key && (prev == 0 || strings.IndexByte("{,.", prev) >= 0) {
			if rest := strings.TrimLeft(text[s.col:], " \t"); strings.HasPrefix(rest, "=") {
				return len(text) - len(rest) + 1, true
			}
		}
		prev = text[s.col-1]
	}
	return 0, false
}

// arrayScan is a position in a TOML source, by line and byte.
type arrayScan struct {
	lines     []string
	line, col int
}

// peek is the byte at the position; skipSpace has made sure there is one.
func (s *arrayScan) peek() byte { return s.lines[s.line][s.col] }

// skipSpace moves past white space, line ends and comments; false at the
// end of the source.
func (s *arrayScan) skipSpace() bool {
	for s.line < len(s.lines) {
		text := s.lines[s.line]
		for s.col < len(text) {
			switch text[s.col] {
			case ' ', '\t', '\r':
				s.col++
			case '#':
				s.col = len(text)
			default:
				return true
			}
		}
		s.line, s.col = s.line+1, 0
	}
	return false
}

// skipValue moves past one value: a string, an array or inline table
// (with what it holds), or a bare value (a number, a boolean, a date) up
// to the comma, bracket, brace, space or comment after it.
func (s *arrayScan) skipValue() bool {
	text := s.lines[s.line]
	switch c := text[s.col]; c {
	case '"', '\'':
		return s.skipString(c)
	case '[', '{':
		closing := byte(']')
		if c == '{' {
			closing = '}'
		}
		s.col++
		for {
			if !s.skipSpace() {
				return false
			}
			switch s.peek() {
			case closing:
				s.col++
				return true
			case ',':
				s.col++
			case '=': // a key's in an inline table
				s.col++
			default:
				if !s.skipValue() {
					return false
				}
			}
		}
	}
	start := s.col
	for s.col < len(text) && !strings.ContainsRune(",]}= \t\r#", rune(text[s.col])) {
		s.col++
	}
	return s.col > start // nothing read (a bracket that closes nothing): not TOML
}

// skipString moves past a string opened by quote at the position: basic
// ("…", with escapes) or literal ('…'), single or triple (which may span
// lines).
func (s *arrayScan) skipString(quote byte) bool {
	text := s.lines[s.line]
	delim := string(quote)
	if strings.HasPrefix(text[s.col:], strings.Repeat(delim, 3)) {
		delim = strings.Repeat(delim, 3)
	}
	s.col += len(delim)
	for s.line < len(s.lines) {
		text = s.lines[s.line]
		for s.col < len(text) {
			if quote == '"' && text[s.col] == '\\' {
				s.col += 2
				continue
			}
			if strings.HasPrefix(text[s.col:], delim) {
				s.col += len(delim)
				// a triple-quoted string may end with up to two more quotes
				for len(delim) == 3 && s.col < len(text) && text[s.col] == quote {
					s.col++
				}
				return true
			}
			s.col++
		}
		if len(delim) == 1 {
			return false // a single-line string not closed on its line
		}
		s.line, s.col = s.line+1, 0
	}
	return false
}

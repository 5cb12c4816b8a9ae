package configs

// A file is scanned cheaply before it is decoded, so that what would make
// the decoder crash or use memory out of proportion is refused first.

// MaxNesting is the deepest nesting of arrays and inline tables ('[' and
// '{') a scenario or experiment file may have. The TOML decoder and the
// line index (lines.go) descend into nested values recursively, so a file
// of a few megabytes of '[' would overflow the goroutine stack — a crash
// that no recover can catch. No file of ours needs more than three
// levels (an array of inline tables holding an array).
const MaxNesting = 32

// MaxEntries is the most keys and array elements a file may hold (each
// '=' and ',' outside strings and comments counts), and MaxTables the most
// tables (each header line and each inline table '{'). The decoder keeps
// about a kilobyte per entry and a few per table, so these bound the memory
// a file can make it use to a few hundred megabytes, whatever its shape,
// while leaving room for more than any valid file holds: 64 states with
// every key and a stake and grievance for every other state, and
// sim.MaxEvents events with every key, make about 150,000 entries and
// 10,300 tables.
const (
	MaxEntries = 200_000
	MaxTables  = 12_000
)

// prescan scans src for brackets and braces, '=' and ',' outside strings
// and comments, before any decoding, and reports the line at which the
// nesting first grows deeper than MaxNesting or the entries grow more than
// MaxEntries. It understands the four kinds of TOML strings; anything else
// it cannot read is left to the decoder to report.
func prescan(file string, src []byte, e *errs) bool {
	depth, line, entries, tables := 0, 1, 0, 0
	lineStart := true // only blanks so far on this line
	table := func() bool {
		tables++
		if tables > MaxTables {
			e.at(Loc{File: file, Line: line}, "more than %d tables; allowed: at most %d ([headers] and { inline tables }; no valid file needs as many)", MaxTables, MaxTables)
			return false
		}
		return true
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '[' && lineStart && depth == 0 && !table() || c == '{' && !table() {
			return false
		}
		lineStart = c == '\n' || (lineStart && (c == ' ' || c == '\t' || c == '\r'))
		switch c {
		case '\n':
			line++
		case '=', ',':
			entries++
			if entries > MaxEntries {
				e.at(Loc{File: file, Line: line}, "more than %d keys and array elements; allowed: at most %d (no valid file needs as many)", MaxEntries, MaxEntries)
				return false
			}
		case '#':
			for i+1 < len(src) && src[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			end, lines := skipString(src, i)
			i, line = end, line+lines
		case '[', '{':
			depth++
			if depth > MaxNesting {
				e.at(Loc{File: file, Line: line}, "arrays and inline tables nested more than %d deep; allowed: at most %d levels of [ and {", MaxNesting, MaxNesting)
				return false
			}
		case ']', '}':
			depth = max(depth-1, 0)
		}
	}
	return true
}

// skipString returns the index of the last byte of the string that starts
// at src[i] (a quote), and the number of newlines within it. A string left
// open runs to the end of its line (basic and literal strings) or of the
// source (multi-line strings).
func skipString(src []byte, i int) (end, lines int) {
	q := src[i]
	multi := i+2 < len(src) && src[i+1] == q && src[i+2] == q
	j := i + 1
	if multi {
		j = i + 3
	}
	for ; j < len(src); j++ {
		c := src[j]
		switch {
		case c == '\\' && q == '"':
			if j+1 < len(src) && src[j+1] == '\n' {
				lines++
			}
			j++
		case c == '\n':
			if !multi {
				return j - 1, lines // the newline is counted by the caller
			}
			lines++
		case c == q && !multi:
			return j, lines
		case c == q && j+2 < len(src) && src[j+1] == q && src[j+2] == q:
			// Up to two more quotes may belong to the string.
			j += 2
			for k := 0; k < 2 && j+1 < len(src) && src[j+1] == q; k++ {
				j++
			}
			return j, lines
		}
	}
	return len(src) - 1, lines
}

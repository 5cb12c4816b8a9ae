package configs

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Error is one problem in a scenario or experiment file, located by file,
// line and key, with what is wrong and what is allowed in Msg.
type Error struct {
	File string
	Line int    // 1-based; 0 when unknown
	Key  string // dotted key path as written in File, e.g. states[3].role
	Msg  string
}

func (e Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Key != "" {
		b.WriteString(e.Key)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errors is every problem found in a file (and the files it extends),
// sorted by file and line. Its Error method prints one per line.
type Errors []Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// sorted returns es ordered by file, line and key, without duplicates;
// nil if there are none.
func (es Errors) sorted() error {
	if len(es) == 0 {
		return nil
	}
	out := slices.Clone(es)
	slices.SortStableFunc(out, func(a, b Error) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Key, b.Key))
	})
	return slices.Compact(out)
}

// Loc is where a value was written.
type Loc struct {
	File string
	Line int
	Key  string
}

// errs collects errors.
type errs struct{ list Errors }

func (e *errs) at(l Loc, format string, args ...any) {
	e.list = append(e.list, Error{File: l.File, Line: l.Line, Key: l.Key, Msg: fmt.Sprintf(format, args...)})
}

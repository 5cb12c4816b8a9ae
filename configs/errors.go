package configs

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Error is one problem in a scenario or experiment file, located by file,
// line and key, with what is wrong and what is allowed in Msg.
//
// A list of errors holds at most MaxErrors of them; when more were found,
// a last entry says how many were left out (Omitted) and has no line.
type Error struct {
	File    string
	Line    int    // 1-based; 0 when unknown
	Key     string // dotted key path as written in File, e.g. states[3].role
	Msg     string
	Omitted int // in the last entry of a capped list: the errors not shown
}

// MaxErrors is the most errors a list reports one by one: a file with
// thousands of mistakes is usually one mistake repeated, and printing every
// one would bury the first. The rest are counted.
const MaxErrors = 100

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

// Total is the number of errors found, those left out included.
func (es Errors) Total() int {
	if n := len(es); n > 0 && es[n-1].Omitted > 0 {
		return n - 1 + es[n-1].Omitted
	}
	return len(es)
}

// Loc is where a value was written.
type Loc struct {
	File string
	Line int
	Key  string
}

// errs collects the errors of a file: the first MaxErrors in the order of
// file, line and key (then the order found), without repeats, and a count
// of the rest. Memory stays bounded however many errors a file has.
type errs struct {
	kept  []keptError // a max-heap by order: kept[0] is the last of those kept
	seq   int         // errors found, repeats of a kept one excepted
	extra int         // errors found beyond those kept
}

type keptError struct {
	Error
	seq int
}

func (a keptError) compare(b keptError) int {
	return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Key, b.Key), cmp.Compare(a.seq, b.seq))
}

func (e *errs) at(l Loc, format string, args ...any) {
	e.add(Error{File: l.File, Line: l.Line, Key: l.Key, Msg: fmt.Sprintf(format, args...)})
}

// add records one error.
func (e *errs) add(x Error) {
	k := keptError{x, e.seq}
	full := len(e.kept) == MaxErrors
	if full && k.compare(e.kept[0]) > 0 {
		e.seq++
		e.extra++ // after every kept one: counted, not kept
		return
	}
	for _, o := range e.kept {
		if o.Error == x {
			return // a repeat
		}
	}
	e.seq++
	if full {
		e.extra++
		e.kept[0] = k
		e.down(0)
		return
	}
	e.kept = append(e.kept, k)
	for i := len(e.kept) - 1; i > 0; {
		p := (i - 1) / 2
		if e.kept[p].compare(e.kept[i]) >= 0 {
			break
		}
		e.kept[p], e.kept[i] = e.kept[i], e.kept[p]
		i = p
	}
}

// down restores the heap below i.
func (e *errs) down(i int) {
	for {
		big := i
		for _, c := range []int{2*i + 1, 2*i + 2} {
			if c < len(e.kept) && e.kept[c].compare(e.kept[big]) > 0 {
				big = c
			}
		}
		if big == i {
			return
		}
		e.kept[i], e.kept[big] = e.kept[big], e.kept[i]
		i = big
	}
}

// merge adds the errors of o to e, and counts those o did not keep.
func (e *errs) merge(o *errs) {
	for _, k := range o.kept {
		e.add(k.Error)
	}
	e.seq += o.extra
	e.extra += o.extra
}

// any reports whether an error was found.
func (e *errs) any() bool { return len(e.kept) > 0 }

// err returns the errors as an Errors sorted by file, line and key, with
// an entry counting those not kept; nil if there are none.
func (e *errs) err() error {
	if len(e.kept) == 0 {
		return nil
	}
	kept := slices.Clone(e.kept)
	slices.SortFunc(kept, keptError.compare)
	out := make(Errors, len(kept), len(kept)+1)
	for i, k := range kept {
		out[i] = k.Error
	}
	if e.extra > 0 {
		out = append(out, Error{File: out[len(out)-1].File, Omitted: e.extra,
			Msg: fmt.Sprintf("%d more errors not shown (the first %d are above)", e.extra, MaxErrors)})
	}
	return out
}

package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"sort"
	"strconv"

	"github.com/alliancesim/alliancesim/runner"
)

// maxMagnitude bounds every number of a JSON file a report reads: 2⁵³,
// the largest integer a double holds exactly, one past the largest seed
// (runner.MaxSeed). Nothing alliancesim writes comes near it except a
// seed; a larger number in a hand-edited file would only break a figure
// (at 1e308 gonum's axis ticks are searched for ever).
const maxMagnitude = runner.MaxSeed + 1

// decode reads the JSON document b of the file path into v, after
// checking that every number in it is within ±maxMagnitude. Errors name
// the file, the line and column of a syntax error, and the place of a
// number out of range (as a path such as survival[2].points[5].s).
func decode(path string, b []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var doc any
	if err := d.Decode(&doc); err != nil {
		return fmt.Errorf("%s: %v", path, describeJSONError(b, err))
	}
	if err := checkNumbers("", doc); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %v", path, describeJSONError(b, err))
	}
	return nil
}

// withinExactly reports whether the number, which rounds to ±2⁵³, is
// within it exactly: 9007199254740993 rounds to 2⁵³ as a double. (Read as
// a fraction only here, where its exponent is known to be small.)
func withinExactly(x json.Number) bool {
	r, ok := new(big.Rat).SetString(string(x))
	return ok && new(big.Rat).Abs(r).Cmp(new(big.Rat).SetFloat64(maxMagnitude)) <= 0
}

// checkNumbers walks a decoded document and refuses the first number
// (in key order) past ±maxMagnitude.
func checkNumbers(at string, v any) error {
	switch x := v.(type) {
	case json.Number:
		f, err := strconv.ParseFloat(string(x), 64)
		if err != nil || math.Abs(f) > maxMagnitude || math.Abs(f) == maxMagnitude && !withinExactly(x) {
			return fmt.Errorf("%s is %s; allowed: a number within ±2⁵³", orTop(at), x)
		}
	case []any:
		for i, e := range x {
			if err := checkNumbers(fmt.Sprintf("%s[%d]", at, i), e); err != nil {
				return err
			}
		}
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			name := k
			if at != "" {
				name = at + "." + k
			}
			if err := checkNumbers(name, x[k]); err != nil {
				return err
			}
		}
	}
	return nil
}

func orTop(at string) string {
	if at == "" {
		return "the document"
	}
	return at
}

// describeJSONError adds the line and column to a syntax or type error.
func describeJSONError(b []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF) && len(bytes.TrimSpace(b)) == 0:
		return errors.New("the file is empty; allowed: the JSON document alliancesim writes (truncated to nothing? " + redoAdvice + ")")
	case errors.Is(err, io.ErrUnexpectedEOF):
		line, col := position(b, int64(len(b)))
		return fmt.Errorf("line %d, column %d: the file ends inside a value (truncated?)", line, col)
	case errors.As(err, &syn):
		line, col := position(b, syn.Offset)
		return fmt.Errorf("line %d, column %d: %v", line, col, err)
	case errors.As(err, &typ):
		line, col := position(b, typ.Offset)
		return fmt.Errorf("line %d, column %d: %s holds a JSON %s; allowed: %s", line, col, orTop(typ.Field), typ.Value, typ.Type)
	}
	return err
}

// position turns a byte offset into a 1-based line and column.
func position(b []byte, off int64) (line, col int) {
	if off > int64(len(b)) {
		off = int64(len(b))
	}
	line = 1 + bytes.Count(b[:off], []byte("\n"))
	col = int(off) - bytes.LastIndexByte(b[:off], '\n')
	return line, col
}

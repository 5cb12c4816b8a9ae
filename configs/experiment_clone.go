package configs

import "slices"

// Clone returns a copy of the experiment that shares no memory with it:
// changing either afterwards (SetBase, Resample, or an exported field or
// point value) leaves the other as it was. plans.Experiment plans a clone,
// so that a plan runs the points it was made from.
func (x *Experiment) Clone() *Experiment {
	y := *x
	y.Vary = slices.Clone(x.Vary)
	y.Points = cloneRows(x.Points)
	y.Unit = cloneRows(x.Unit)
	y.kinds = slices.Clone(x.kinds)
	y.lines = slices.Clone(x.lines)
	y.paths = slices.Clone(x.paths)
	y.pointLocs = slices.Clone(x.pointLocs)
	y.sets = slices.Clone(x.sets)
	y.axes = slices.Clone(x.axes)
	for i := range y.axes {
		y.axes[i].values = slices.Clone(x.axes[i].values)
	}
	return &y
}

// cloneRows copies a slice of rows and every row; nil stays nil.
func cloneRows[T any](rows [][]T) [][]T {
	if rows == nil {
		return nil
	}
	out := make([][]T, len(rows))
	for i, r := range rows {
		out[i] = slices.Clone(r)
	}
	return out
}

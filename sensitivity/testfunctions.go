package sensitivity

import "math"

// Test functions with known indices, to check estimators and designs (and
// to learn them). Both take a point of the unit hypercube.

// Ishigami is the function of Ishigami and Homma (1990),
//
//	f(x) = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁
//
// with x₁, x₂, x₃ uniform on [−π, π], here taken from u in [0, 1]³. x₃ has
// no effect alone (S₃ = 0) but a large one through its interaction with
// x₁: a case that first-order indices miss.
func Ishigami(a, b float64) func(u []float64) float64 {
	return func(u []float64) float64 {
		x1, x2, x3 := math.Pi*(2*u[0]-1), math.Pi*(2*u[1]-1), math.Pi*(2*u[2]-1)
		return math.Sin(x1) + a*sq(math.Sin(x2)) + b*math.Pow(x3, 4)*math.Sin(x1)
	}
}

// IshigamiIndices are the analytic first-order and total indices of
// Ishigami(a, b): with V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2,
// V₁ = bπ⁴/5 + b²π⁸/50 + 1/2, V₂ = a²/8, V₃ = 0 and V₁₃ = 8b²π⁸/225
// (the only interaction), S_i = V_i/V, S_T1 = (V₁ + V₁₃)/V, S_T2 = S₂,
// S_T3 = V₁₃/V. For a = 7, b = 0.1: S = (0.3139, 0.4424, 0),
// S_T = (0.5576, 0.4424, 0.2437).
func IshigamiIndices(a, b float64) (first, total []float64) {
	pi4, pi8 := math.Pow(math.Pi, 4), math.Pow(math.Pi, 8)
	v := a*a/8 + b*pi4/5 + b*b*pi8/18 + 0.5
	v1 := b*pi4/5 + b*b*pi8/50 + 0.5
	v2 := a * a / 8
	v13 := 8 * b * b * pi8 / 225
	return []float64{v1 / v, v2 / v, 0}, []float64{(v1 + v13) / v, v2 / v, v13 / v}
}

// GFunction is Sobol's g-function,
//
//	g(x) = Π_i (|4x_i − 2| + a_i)/(1 + a_i),  x in [0, 1]^k,
//
// in which parameter i matters the less the larger a_i is (a_i = 0: very
// important; a_i = 99: hardly at all), with interactions between all of
// them.
func GFunction(a []float64) func(u []float64) float64 {
	return func(u []float64) float64 {
		g := 1.0
		for i, ai := range a {
			g *= (math.Abs(4*u[i]-2) + ai) / (1 + ai)
		}
		return g
	}
}

// GFunctionIndices are the analytic indices of GFunction(a): with
// V_i = 1/(3(1 + a_i)²) and V = Π(1 + V_i) − 1, S_i = V_i/V and
// S_Ti = V_i Π_{j≠i}(1 + V_j)/V.
func GFunctionIndices(a []float64) (first, total []float64) {
	vi := make([]float64, len(a))
	prod := 1.0
	for i, ai := range a {
		vi[i] = 1 / (3 * sq(1+ai))
		prod *= 1 + vi[i]
	}
	v := prod - 1
	first, total = make([]float64, len(a)), make([]float64, len(a))
	for i := range a {
		first[i] = vi[i] / v
		total[i] = vi[i] * prod / (1 + vi[i]) / v
	}
	return first, total
}

package runner

// Test helpers of package runner for its external tests (package
// runner_test, which may import configs and plans).
var (
	TestMeasures   = measures
	ObserveTicks   = observeTicks
	MustJSONIndent = mustJSONIndent
)

package runner

import "testing"

// A tool is written as its version and the first 12 digits of its
// revision, marked when built from a modified tree.
func TestToolString(t *testing.T) {
	for _, c := range []struct {
		tool Tool
		want string
	}{
		{Tool{Version: "v1.2.0", Revision: "0123456789abcdef0123"}, "v1.2.0 (0123456789ab)"},
		{Tool{Version: "v1.2.0", Revision: "0123456789abcdef0123", Modified: true}, "v1.2.0 (0123456789ab, modified)"},
		{Tool{Version: "unknown", Revision: "unknown"}, "unknown (unknown)"},
	} {
		if got := c.tool.String(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.tool, got, c.want)
		}
	}
}

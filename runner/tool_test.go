package runner

import (
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// A tool is written as its version and the first 12 digits of its
// revision, marked when built from a modified tree, then its toolchain,
// target and the first 12 digits of its binary's SHA-256, where known.
func TestToolString(t *testing.T) {
	for _, c := range []struct {
		tool Tool
		want string
	}{
		{Tool{Version: "v1.2.0", Revision: "0123456789abcdef0123"}, "v1.2.0 (0123456789ab)"},
		{Tool{Version: "v1.2.0", Revision: "0123456789abcdef0123", Modified: true}, "v1.2.0 (0123456789ab, modified)"},
		{Tool{Version: "unknown", Revision: "unknown"}, "unknown (unknown)"},
		{Tool{Version: "(devel)", Revision: "unknown", Go: "go1.24.1", Target: "linux/amd64 GOAMD64=v3", Binary: "8a38a60b6460ffff"},
			"(devel) (unknown) go1.24.1 linux/amd64 GOAMD64=v3, binary 8a38a60b6460"},
	} {
		if got := c.tool.String(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.tool, got, c.want)
		}
	}
}

// Two builds are the same for resuming and merging when version,
// revision, toolchain and target agree, and — where the revision does not
// identify the source (unknown, or a modified tree) — the binaries too. A
// clean commit built twice is the same whatever its binary's hash (built
// on two machines, say); a build for another target is not (it rounds
// differently).
func TestToolSame(t *testing.T) {
	clean := Tool{Version: "(devel)", Revision: "abc", Go: "go1.24.1", Target: "linux/amd64 GOAMD64=v1", Binary: "11"}
	for _, c := range []struct {
		name   string
		change func(o *Tool)
		same   bool
	}{
		{"the same build", func(o *Tool) {}, true},
		{"a clean commit built elsewhere", func(o *Tool) { o.Binary = "22" }, true},
		{"another revision", func(o *Tool) { o.Revision = "abd" }, false},
		{"another version", func(o *Tool) { o.Version = "v1.0.0" }, false},
		{"another toolchain", func(o *Tool) { o.Go = "go1.25.0" }, false},
		{"another target level", func(o *Tool) { o.Target = "linux/amd64 GOAMD64=v3" }, false},
		{"another architecture", func(o *Tool) { o.Target = "linux/arm64 GOARM64=v8.0" }, false},
		{"a modified tree and a clean one", func(o *Tool) { o.Modified = true }, false},
	} {
		o := clean
		c.change(&o)
		if got := clean.Same(o); got != c.same || o.Same(clean) != got {
			t.Errorf("%s: Same %v, want %v (both ways)", c.name, got, c.same)
		}
	}
	for _, base := range []Tool{{Version: "(devel)", Revision: "unknown", Binary: "11"}, {Version: "(devel)", Revision: "abc", Modified: true, Binary: "11"}} {
		o := base
		if !base.Same(o) {
			t.Errorf("%+v: not the same as itself", base)
		}
		o.Binary = "22"
		if base.Same(o) {
			t.Errorf("%+v: the same as another binary, where the revision does not identify the source", base)
		}
	}
}

// The running binary's tool names its toolchain, its target (this
// process's GOOS/GOARCH) and the SHA-256 of its executable.
func TestToolInfo(t *testing.T) {
	tool := ToolInfo()
	if tool.Go != runtime.Version() {
		t.Errorf("Go %q, want %q", tool.Go, runtime.Version())
	}
	if !strings.HasPrefix(tool.Target, runtime.GOOS+"/"+runtime.GOARCH) {
		t.Errorf("target %q, want %s/%s first", tool.Target, runtime.GOOS, runtime.GOARCH)
	}
	if !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(tool.Binary) {
		t.Errorf("binary %q, want a SHA-256 in hex", tool.Binary)
	}
}

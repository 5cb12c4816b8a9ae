package runner

import (
	"runtime/debug"
)

// Tool identifies the build of alliancesim that wrote an output: its
// module version and the version-control revision it was built from, as
// the Go toolchain recorded them in the binary. A build from a tree with
// uncommitted changes is Modified; a build without version-control
// information (go test, some go run) has Revision "unknown".
type Tool struct {
	Version  string `json:"version"`
	Revision string `json:"revision"`
	Modified bool   `json:"modified,omitempty"`
}

// ToolInfo returns the running binary's Tool.
func ToolInfo() Tool {
	t := Tool{Version: "unknown", Revision: "unknown"}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return t
	}
	if v := bi.Main.Version; v != "" {
		t.Version = v
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			t.Revision = s.Value
		case "vcs.modified":
			t.Modified = s.Value == "true"
		}
	}
	return t
}

// String writes the tool as "version (revision[, modified])".
func (t Tool) String() string {
	rev := t.Revision
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if t.Modified {
		rev += ", modified"
	}
	return t.Version + " (" + rev + ")"
}

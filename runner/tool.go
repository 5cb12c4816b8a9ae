package runner

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"sync"
)

// Tool identifies the build of alliancesim that wrote an output: its
// module version and the version-control revision it was built from, as
// the Go toolchain recorded them in the binary, with the toolchain and
// the target it was compiled for, and the SHA-256 of the executable. A
// build from a tree with uncommitted changes is Modified; a build without
// version-control information (go test, go run, -buildvcs=false) has
// Revision "unknown".
//
// The toolchain and the target are part of a build's identity because
// they decide the last bits of floating-point results: the compiler fuses
// x·y + z into one instruction on some targets (GOAMD64=v3, arm64) and not
// on others, and the same source then writes other bytes.
type Tool struct {
	Version  string `json:"version"`
	Revision string `json:"revision"`
	Modified bool   `json:"modified,omitempty"`
	// Go is the toolchain that compiled the binary, as go1.24.1.
	Go string `json:"go,omitempty"`
	// Target is GOOS/GOARCH with its instruction level where the toolchain
	// records one, as "linux/amd64 GOAMD64=v1".
	Target string `json:"target,omitempty"`
	// Binary is the SHA-256 of the running executable ("" if it cannot be
	// read): what tells two builds apart when the revision cannot.
	Binary string `json:"binary,omitempty"`
}

// ToolInfo returns the running binary's Tool.
func ToolInfo() Tool { return toolInfo() }

var toolInfo = sync.OnceValue(func() Tool {
	t := Tool{Version: "unknown", Revision: "unknown", Binary: executableSHA256()}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return t
	}
	if v := bi.Main.Version; v != "" {
		t.Version = v
	}
	t.Go = bi.GoVersion
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	if r, ok := settings["vcs.revision"]; ok {
		t.Revision = r
	}
	t.Modified = settings["vcs.modified"] == "true"
	if goos, goarch := settings["GOOS"], settings["GOARCH"]; goos != "" || goarch != "" {
		t.Target = goos + "/" + goarch
		// The instruction level: GOAMD64=v1, GOARM64=v8.0, GOARM=7, GO386=sse2, …
		if key := "GO" + strings.ToUpper(goarch); settings[key] != "" {
			t.Target += " " + key + "=" + settings[key]
		}
	}
	return t
})

// executableSHA256 is the hex SHA-256 of the running executable, or ""
// if it cannot be read.
func executableSHA256() string {
	path, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Same reports whether t and o are the same build for the purpose of
// resuming or merging an output: the same version, revision, toolchain and
// target, and — where the revision does not identify the source (unknown,
// or a tree with uncommitted changes) — the same executable. Two clean
// builds of one commit on different machines are the same; two builds of
// different uncommitted trees, or for different targets, are not.
func (t Tool) Same(o Tool) bool {
	if t.Version != o.Version || t.Revision != o.Revision || t.Modified != o.Modified || t.Go != o.Go || t.Target != o.Target {
		return false
	}
	if t.Revision == "unknown" || t.Modified {
		return t.Binary == o.Binary
	}
	return true
}

// String writes the tool as "version (revision[, modified])", then its
// toolchain and target and the first 12 digits of its binary's SHA-256
// where known.
func (t Tool) String() string {
	rev := t.Revision
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if t.Modified {
		rev += ", modified"
	}
	s := t.Version + " (" + rev + ")"
	for _, part := range []string{t.Go, t.Target} {
		if part != "" {
			s += " " + part
		}
	}
	if t.Binary != "" {
		s += ", binary " + t.Binary[:min(12, len(t.Binary))]
	}
	return s
}

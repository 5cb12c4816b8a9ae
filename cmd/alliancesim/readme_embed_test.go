package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The README's "Embedding" snippet is Go a reader will paste: it must
// compile against today's API. The test wraps it in a main function and
// builds it as a package of this module through a build overlay, so
// nothing is written into the source tree.
func TestReadmeEmbeddingCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(b), "\n## Embedding\n")
	if !ok {
		t.Fatal("README has no Embedding section")
	}
	_, code, ok := strings.Cut(after, "```go\n")
	if !ok {
		t.Fatal("README's Embedding section has no Go block")
	}
	code, _, _ = strings.Cut(code, "```")
	program := `package main

import (
	"context"
	"fmt"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/plans"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
	"github.com/alliancesim/alliancesim/timeline"
)

func main() {
` + code + `}
`
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "main.go")
	if err := os.WriteFile(src, []byte(program), 0o644); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(root, "cmd", "alliancesim", "readme-embedding", "main.go")
	overlay, _ := json.Marshal(map[string]map[string]string{"Replace": {target: src}})
	if err := os.WriteFile(filepath.Join(dir, "overlay.json"), overlay, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "build", "-overlay", filepath.Join(dir, "overlay.json"), "-o", filepath.Join(dir, "embedding"), "./readme-embedding")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the README's embedding snippet does not compile: %v\n%s\n%s", err, out, program)
	}
}

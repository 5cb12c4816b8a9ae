package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The list of commands, the first thing a newcomer reads, points to
// documents the clone has: not to the specification's HISTORY.md,
// THEORY.md or MODEL.md, kept outside the repository, but to
// docs/model.md, which restates their targets and hypotheses.
func TestCommandListNamesOnlyDocumentsTheCloneHas(t *testing.T) {
	out, err := execute(t, "--help")
	if err != nil {
		t.Fatal(err)
	}
	for _, outside := range []string{"HISTORY.md", "THEORY.md", "MODEL.md"} {
		if strings.Contains(out, outside) {
			t.Errorf("the command list names %s, which is not in the repository:\n%s", outside, out)
		}
	}
	for _, doc := range regexp.MustCompile(`docs/[a-z]+\.md`).FindAllString(out, -1) {
		if _, err := os.Stat(filepath.Join("..", "..", doc)); err != nil {
			t.Errorf("the command list names %s: %v", doc, err)
		}
	}
}

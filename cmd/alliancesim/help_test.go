package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// outsideDocuments are the specification's documents, kept outside the
// repository: a user of a clone has none of them. docs/model.md restates
// their targets (§1.2.1) and hypotheses (§1.2.2) and lists every
// difference from them (§8).
var outsideDocuments = []string{"HISTORY.md", "THEORY.md", "MODEL.md"}

// namesOnlyDocumentsTheCloneHas fails the test for each outside
// document the text names, and for each docs/*.md it names that the
// clone does not have.
func namesOnlyDocumentsTheCloneHas(t *testing.T, what, text string) {
	t.Helper()
	for _, outside := range outsideDocuments {
		if strings.Contains(text, outside) {
			t.Errorf("%s names %s, which is not in the repository:\n%s", what, outside, text)
		}
	}
	for _, doc := range regexp.MustCompile(`docs/[a-z]+\.md`).FindAllString(text, -1) {
		if _, err := os.Stat(filepath.Join("..", "..", doc)); err != nil {
			t.Errorf("%s names %s: %v", what, doc, err)
		}
	}
}

// The list of commands, the first thing a newcomer reads, points to
// documents the clone has: not to the specification's HISTORY.md,
// THEORY.md or MODEL.md, kept outside the repository, but to
// docs/model.md, which restates their targets and hypotheses.
func TestCommandListNamesOnlyDocumentsTheCloneHas(t *testing.T) {
	out, err := execute(t, "--help")
	if err != nil {
		t.Fatal(err)
	}
	namesOnlyDocumentsTheCloneHas(t, "the command list", out)
}

// So does the help of every command, its flags included: `check --help`
// and `hypotheses --help` named HISTORY.md and THEORY.md.
func TestEveryCommandsHelpNamesOnlyDocumentsTheCloneHas(t *testing.T) {
	cmds := newRoot().Commands()
	if len(cmds) < 10 {
		t.Fatalf("%d commands; the root has more", len(cmds))
	}
	for _, c := range cmds {
		out, err := execute(t, c.Name(), "--help")
		if err != nil {
			t.Fatalf("%s --help: %v", c.Name(), err)
		}
		namesOnlyDocumentsTheCloneHas(t, c.Name()+" --help", out)
	}
	// The two that cite the specification say where a user reads it.
	for cmd, where := range map[string]string{"check": "docs/model.md §1.2.1", "hypotheses": "docs/model.md §1.2.2"} {
		if out, err := execute(t, cmd, "--help"); err != nil || !strings.Contains(out, where) {
			t.Errorf("%s --help does not point to %s: %v\n%s", cmd, where, err, out)
		}
	}
}

// Package digest writes the SHA-256 of bytes as the tool records it, in
// lowercase hex: the hashes of scenarios, experiments and result files in
// manifests and summaries, one definition for configs, plans, runner and
// report.
package digest

import (
	"crypto/sha256"
	"encoding/hex"
)

// SHA256Hex is the SHA-256 of b in lowercase hex.
func SHA256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

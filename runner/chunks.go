package runner

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/alliancesim/alliancesim/sim"
)

// chunk is a unit of work and of output: replications [From, To) of a
// point. Its files live in parts/<name>. Chunks are numbered point by
// point, in replication order; they are computed from their number, never
// listed, so that a run of a billion replications needs no list of ten
// million chunks.
type chunk struct {
	Point, From, To int
}

func (c chunk) name() string { return fmt.Sprintf("p%05d-r%07d-%07d", c.Point, c.From, c.To) }

// chunksPerPoint is the number of chunks of each point.
func (m *Manifest) chunksPerPoint() int { return (m.Runs + m.ChunkSize - 1) / m.ChunkSize }

// chunkCount is the number of chunks of the work.
func (m *Manifest) chunkCount() int { return len(m.Points) * m.chunksPerPoint() }

// chunkAt is chunk k.
func (m *Manifest) chunkAt(k int) chunk {
	per := m.chunksPerPoint()
	from := k % per * m.ChunkSize
	return chunk{Point: k / per, From: from, To: min(from+m.ChunkSize, m.Runs)}
}

// partDone reports whether dir holds chunk ch finished: its part with the
// record of completion (which readPart then checks against the files).
func partDone(dir string, ch chunk) bool {
	_, err := os.Stat(filepath.Join(dir, "parts", ch.name(), doneFile))
	return err == nil
}

// Reassemblable reports whether dir's result files can be assembled anew
// from its parts/: its manifest reads, and a finished part of every
// chunk is there. A directory that merge wrote keeps no parts, so its
// files are had again only by merging its shards again (or running the
// work again).
func Reassemblable(dir string) bool {
	m, err := ReadManifest(dir)
	if err != nil {
		return false
	}
	done, total := countParts(dir, m)
	return done == total
}

// countParts counts the finished parts in dir of the chunks of m.
func countParts(dir string, m *Manifest) (done, total int) {
	total = m.chunkCount()
	for k := 0; k < total; k++ {
		if partDone(dir, m.chunkAt(k)) {
			done++
		}
	}
	return done, total
}

// job is one replication to run: run of chunk ch, whose point is compiled
// as c. skipped counts the replications of finished chunks passed over
// just before it, for the progress count.
type job struct {
	ch      chunk
	run     int
	c       *sim.Compiled
	skipped int
}

// jobSource hands out, one at a time and in order, the replications of the
// chunks a shard owns that dir (if any) does not hold yet. A point is compiled when
// its first replication is handed out, and dropped when the last job of it
// is done with: a sweep holds the compiled scenarios of the points in
// progress, never of all points.
type jobSource struct {
	plan  *Plan
	m     *Manifest
	dir   string
	shard Shard

	k        int   // next chunk number to look at
	ch       chunk // the chunk being handed out
	run      int   // its next replication
	active   bool
	point    int
	compiled *sim.Compiled
	skipped  int
}

// next returns the next job, false when there are none left, or the error
// of compiling its point.
func (s *jobSource) next() (job, bool, error) {
	for !s.active || s.run >= s.ch.To {
		if s.k >= s.m.chunkCount() {
			s.compiled = nil
			return job{}, false, nil
		}
		k := s.k
		s.k++
		if !s.shard.owns(k) {
			continue
		}
		ch := s.m.chunkAt(k)
		if s.dir != "" && partDone(s.dir, ch) { // Sweep keeps no directory
			s.skipped += ch.To - ch.From
			continue
		}
		s.ch, s.run, s.active = ch, ch.From, true
	}
	if s.compiled == nil || s.point != s.ch.Point {
		s.compiled = nil // let the last point go before compiling the next
		c, err := s.plan.compile(s.ch.Point)
		if err != nil {
			return job{}, false, err
		}
		s.compiled, s.point = c, s.ch.Point
	}
	j := job{ch: s.ch, run: s.run, c: s.compiled, skipped: s.skipped}
	s.run++
	s.skipped = 0
	return j, true, nil
}

// ownedRuns is the number of replications in the chunks a shard owns:
// whole chunks, less what the last chunk of each point lacks.
func ownedRuns(m *Manifest, shard Shard) int {
	n, per := m.chunkCount(), m.chunksPerPoint()
	owned := func(k int) bool { return shard.owns(k) }
	count := n
	if shard.Count > 1 {
		count = (n - shard.Index + shard.Count - 1) / shard.Count // k ≡ Index (mod Count)
	}
	total := count * m.ChunkSize
	short := m.ChunkSize - (m.Runs - (per-1)*m.ChunkSize) // what each point's last chunk lacks
	for p := range m.Points {
		if owned(p*per + per - 1) {
			total -= short
		}
	}
	return total
}

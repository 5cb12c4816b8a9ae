package report

import (
	"bytes"
	"context"
	"image/png"
	"math"
	"strconv"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/sim"
	"github.com/alliancesim/alliancesim/theater"
)

// A run's theatre at a date holds the world of that date: its owners, the
// cells taken since the start, and exactly the alliances then in force;
// the pictures are the same bytes every time.
func TestTheatreOfARunAtADate(t *testing.T) {
	sc, err := configs.Builtin("asia-1950")
	if err != nil {
		t.Fatal(err)
	}
	c, err := sim.Compile(sc)
	if err != nil {
		t.Fatal(err)
	}
	tick := sc.Calendar.TickOf(1954, 9)
	w, err := ReplayTo(context.Background(), c, 7, tick)
	if err != nil {
		t.Fatal(err)
	}
	if w.Tick() != tick+1 {
		t.Fatalf("replayed to tick %d, want through %d", w.Tick(), tick)
	}
	th := WorldTheatre(w, 7)
	var active []int
	for _, a := range w.Alliances() {
		if a.Active() {
			active = append(active, a.ID)
		}
	}
	if len(th.Alliances) != len(active) || len(active) == 0 {
		t.Fatalf("%d alliances drawn, %d in force", len(th.Alliances), len(active))
	}
	for i, a := range th.Alliances {
		if a.ID != active[i] || len(a.Members) < 2 {
			t.Fatalf("alliance %d drawn as %+v", active[i], a)
		}
	}
	// The Korean War's occupation of 1950-06 was handed back at Inchon;
	// whatever stands in 1954-09, the hatched cells are those whose owner
	// differs from the start.
	start := c.Geometry().Grid().Owner
	for i, o := range th.Grid.Owner {
		if th.occupied(i) != (o != start[i] && o != theater.NoOwner) {
			t.Fatalf("cell %d: occupied %v, owner %d, at the start %d", i, th.occupied(i), o, start[i])
		}
	}
	var a, b bytes.Buffer
	if err := th.WritePNG(&a); err != nil {
		t.Fatal(err)
	}
	if err := th.WritePNG(&b); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(a.Bytes()))
	if err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatalf("PNG: %v; same bytes twice: %v", err, bytes.Equal(a.Bytes(), b.Bytes()))
	}
	// 144 dots per inch: two pixels a point.
	wpt, hpt := th.Size()
	if dx, dy := img.Bounds().Dx(), img.Bounds().Dy(); !(math.Abs(float64(dx)-2*wpt.Points()) <= 1) || !(math.Abs(float64(dy)-2*hpt.Points()) <= 1) {
		t.Fatalf("PNG %d×%d px for %v×%v pt", dx, dy, wpt.Points(), hpt.Points())
	}
	s1, err := th.SVG()
	if err != nil {
		t.Fatal(err)
	}
	s2, _ := WorldTheatre(w, 7).SVG()
	if s1 != s2 || !bytes.Contains([]byte(s1), []byte("A"+strconv.Itoa(active[0]))) {
		t.Fatal("the SVG differs between two drawings, or lacks the legend")
	}
	if _, err := ReplayTo(context.Background(), c, 7, sc.Ticks); err == nil {
		t.Fatal("a date past the horizon must be an error")
	}
}

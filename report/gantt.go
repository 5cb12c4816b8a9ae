package report

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/alliancesim/alliancesim/internal/input"
	"github.com/alliancesim/alliancesim/sim"
)

// bar is one membership of a single run's timeline: a state's spell in
// an alliance, from tick From to To (the horizon while in force).
type bar struct {
	Alliance int
	State    string
	From, To int
	Label    string
}

// readBars reads the memberships of one run from memberships.csv, in the
// file's order (by alliance, then as they began).
func readBars(path string, run, horizon int) ([]bar, error) {
	var out []bar
	err := eachRow(path, func(r *row) error {
		if r.int("point") != 0 || r.int("run") != run {
			return nil
		}
		sp, err := membership(r, horizon)
		if err != nil {
			return err
		}
		b := bar{Alliance: sp.Alliance, State: sp.State, From: sp.Joined, To: sp.Left}
		if b.To < 0 {
			b.To = horizon
		}
		b.Label = fmt.Sprintf("A%d %s", b.Alliance, b.State)
		out = append(out, b)
		return nil
	})
	return out, err
}

// bars draws the timeline, one row per membership from the top.
type bars struct {
	Bars []bar
	Cal  sim.Calendar
}

// Plot implements plot.Plotter.
func (b *bars) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	n := len(b.Bars)
	for i, r := range b.Bars {
		y := float64(n - 1 - i)
		x0, x1 := tx(yearOf(b.Cal, r.From)), tx(yearOf(b.Cal, r.To))
		if x1-x0 < vg.Points(1.5) {
			x1 = x0 + vg.Points(1.5)
		}
		y0, y1 := ty(y-0.35), ty(y+0.35)
		c.FillPolygon(paletteAt(r.Alliance), c.ClipPolygonXY([]vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}))
	}
}

// ganttFigure: the alliances of a single run as a Gantt chart.
func ganttFigure(bs []bar, cal sim.Calendar, horizon int) (Figure, error) {
	p := newPlot("", "date", "")
	names := make([]string, len(bs))
	for i, b := range bs {
		names[len(bs)-1-i] = b.Label
	}
	p.Add(&bars{Bars: bs, Cal: cal})
	p.NominalY(names...)
	p.Y.Min, p.Y.Max = -0.7, float64(len(bs))-0.3
	dateAxis(&p.X, cal, 0, horizon)
	return plotFigure("timeline", "Timeline of alliances",
		"One bar per membership: a state's spell in an alliance (A<id>), from the month it joined to the month it left or the horizon, coloured by alliance (memberships.csv).",
		p, vg.Points(560), vg.Points(60+16*float64(max(len(bs), 1))))
}

// EventRow is one line of a single run's event list.
type EventRow struct {
	Date, Type, Text string
	Answer           bool // an acceptance or rejection, shown indented under its proposal
}

// readEvents reads the events of a single run's directory from
// events.jsonl, leaving out adversary challenges that came to nothing (as
// run does without --verbose); it returns how many it left out. The file
// must be the run's (checkEvents): every line run 0 of point 0, at a tick
// of the run with its date, in order, and formations that are the
// alliances of memberships.csv (bs), each at its first member's tick.
func readEvents(path string, cal sim.Calendar, horizon int, bs []bar) ([]EventRow, int, error) {
	f, err := input.OpenRegular(path) // a FIFO would block for ever
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	var all []eventLine
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for n := 1; sc.Scan(); n++ {
		l := eventLine{line: n}
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, 0, fmt.Errorf("%s:%d: %v", path, n, err)
		}
		all = append(all, l)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, 0, fmt.Errorf("%s: a line longer than 64 MiB; allowed: one event a line, as alliancesim writes them: the file is damaged", path)
		}
		return nil, 0, fmt.Errorf("%s: %v", path, err)
	}
	if err := checkEvents(all, cal, horizon, bs); err != nil {
		return nil, 0, fmt.Errorf("%s%v: events.jsonl is damaged, cut short or of another run than memberships.csv ("+redoAdvice+")", path, err)
	}
	var out []EventRow
	hidden := 0
	for i, l := range all {
		if l.Type == "challenge" && !(i+1 < len(all) && all[i+1].Type == "occupation" && all[i+1].Tick == l.Tick) {
			hidden++
			continue
		}
		out = append(out, EventRow{Date: l.Date, Type: l.Type, Text: l.Text, Answer: l.Type == "acceptance" || l.Type == "rejection"})
	}
	return out, hidden, nil
}

// eventLine is what the report reads of a line of events.jsonl.
type eventLine struct {
	line     int
	Point    int    `json:"point"`
	Run      int    `json:"run"`
	Tick     int    `json:"tick"`
	Date     string `json:"date"`
	Type     string `json:"type"`
	Alliance int    `json:"alliance"`
	Text     string `json:"text"`
}

// checkEvents checks that the events are a single run's, the one whose
// memberships are bs: run 0 of point 0, ticks of the run in order, each
// dated as the calendar dates it, one formation for each alliance of bs,
// at the tick its first member joined, and an event at every tick a
// membership of bs begins or ends before the horizon (a join, a leaving,
// an end: a file cut after its last formation lacks the later ones). Its
// message begins ":LINE: " or ": ", to follow the file's name.
func checkEvents(all []eventLine, cal sim.Calendar, horizon int, bs []bar) error {
	formed := map[int]int{} // alliance → tick its first member joined
	for _, b := range bs {
		if t, ok := formed[b.Alliance]; !ok || b.From < t {
			formed[b.Alliance] = b.From
		}
	}
	last, seen, ticks := 0, map[int]bool{}, map[int]bool{}
	for i, l := range all {
		switch {
		case l.Point != 0 || l.Run != 0:
			return fmt.Errorf(":%d: point %d, run %d; allowed: point 0, run 0, the one run of this directory", l.line, l.Point, l.Run)
		case l.Tick < last || l.Tick >= horizon:
			from := "the line before's"
			if i == 0 {
				from = "the run's first"
			}
			return fmt.Errorf(":%d: tick %d; allowed: a tick from %d (%s) to %d, the run's last", l.line, l.Tick, last, from, horizon-1)
		case l.Date != cal.Label(l.Tick):
			return fmt.Errorf(":%d: tick %d dated %q; allowed: %s, its date", l.line, l.Tick, l.Date, cal.Label(l.Tick))
		}
		last = l.Tick
		ticks[l.Tick] = true
		if l.Type != "formed" {
			continue
		}
		if t, ok := formed[l.Alliance]; !ok || t != l.Tick || seen[l.Alliance] {
			return fmt.Errorf(":%d: alliance %d formed at tick %d; memberships.csv %s", l.line, l.Alliance, l.Tick, formedIn(formed, l.Alliance))
		}
		seen[l.Alliance] = true
	}
	if len(seen) != len(formed) {
		for _, b := range bs {
			if !seen[b.Alliance] {
				return fmt.Errorf(": no formation of alliance %d; memberships.csv %s", b.Alliance, formedIn(formed, b.Alliance))
			}
		}
	}
	for _, b := range bs {
		switch {
		case !ticks[b.From]:
			return fmt.Errorf(": no event at tick %d, where memberships.csv has %s join alliance %d", b.From, b.State, b.Alliance)
		case b.To < horizon && !ticks[b.To]:
			return fmt.Errorf(": no event at tick %d, where memberships.csv has %s leave alliance %d", b.To, b.State, b.Alliance)
		}
	}
	return nil
}

// formedIn says when memberships.csv has an alliance begin.
func formedIn(formed map[int]int, a int) string {
	if t, ok := formed[a]; ok {
		return fmt.Sprintf("has it formed at tick %d, once", t)
	}
	return "has no such alliance"
}

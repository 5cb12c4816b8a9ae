package report

import (
	"context"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// The browser test renders reports in headless Chromium, as a reader
// would see them. Chromium is Debian's chromium package (.ci/run installs
// it); ALLIANCESIM_CHROMIUM names another binary. Without one the test is
// skipped with a message saying so — and fails instead when
// ALLIANCESIM_REQUIRE_BROWSER is set, as .ci/run sets it once Chromium is
// installed, so that CI can never skip it quietly.
//
// Screenshots of every report go to $ALLIANCESIM_ARTEFACTS (default: the
// directory alliancesim-browser-test under the system's temporary
// directory), kept after the test as CI artefacts. To refresh the README's
// picture of a report (go test runs in report/, so paths are relative to
// it):
//
//	go test ./report -run TestReportsInABrowser -screenshot-of ../DIR -screenshot-to ../docs/report.png
var (
	screenshotOf = flag.String("screenshot-of", "", "also render DIR's report and save a screenshot of its first screen (see -screenshot-to)")
	screenshotTo = flag.String("screenshot-to", "", "where to save the -screenshot-of picture (PNG)")
)

// chromium finds a Chromium binary.
func chromium() (string, []string) {
	if p := os.Getenv("ALLIANCESIM_CHROMIUM"); p != "" {
		return p, nil
	}
	names := []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"}
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p, names
		}
	}
	return "", names
}

// browser starts headless Chromium with a fresh profile and no network
// chatter (this machine has no open network).
func browser(t *testing.T) (context.Context, context.CancelFunc) {
	t.Helper()
	path, tried := chromium()
	if path == "" {
		msg := fmt.Sprintf("no Chromium found (looked for %s on PATH and ALLIANCESIM_CHROMIUM): install Debian's chromium package (apt-get install -y chromium), as .ci/run does", strings.Join(tried, ", "))
		if os.Getenv("ALLIANCESIM_REQUIRE_BROWSER") != "" {
			t.Fatal(msg + "; ALLIANCESIM_REQUIRE_BROWSER is set, so this is a failure")
		}
		t.Skip("browser test skipped: " + msg)
	}
	// The profile directory is removed by hand: Chromium's helper
	// processes may still write into it for a moment after the browser
	// exits, which makes t.TempDir's cleanup fail.
	profile, err := os.MkdirTemp("", "alliancesim-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for try := 0; try < 50; try++ {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Logf("could not remove the browser profile %s", profile)
	})
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(profile), chromedp.WindowSize(1300, 1000),
		// a loaded machine (two cores running the other packages' tests)
		// can take a while to start Chromium
		chromedp.WSURLReadTimeout(3 * time.Minute),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true), chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("disable-dev-shm-usage", true),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	if err := chromedp.Run(ctx); err != nil {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
		t.Fatalf("starting %s: %v", path, err)
	}
	return ctx, func() { cancelTimeout(); cancelCtx(); cancelAlloc() }
}

// figureCheck is what the page says of one figure.
type figureCheck struct {
	ID     string  `json:"id"`
	Title  string  `json:"title"`
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
	Marks  int     `json:"marks"`
}

// checkFigures reads every figure of the page: its title, the size its
// SVG is laid out at, and its marks — drawn elements in a colour other
// than black and white, that is data rather than axes and ticks.
const checkFigures = `[...document.querySelectorAll("figure.figure")].map(f => {
  const svg = f.querySelector("svg");
  const r = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
  const plain = /^(none|#000000|#ffffff|#fff|black|white)$/i;
  let marks = 0;
  if (svg) for (const e of svg.querySelectorAll("path, rect, circle, polygon")) {
    const st = e.getAttribute("style") || "";
    const colours = [...st.matchAll(/(?:fill|stroke):\s*([^;]+)/g)].map(m => m[1].trim());
    const b = e.getBBox();
    if (colours.some(c => !plain.test(c)) && (b.width > 0 || b.height > 0)) marks++;
  }
  const title = f.querySelector(".figure-title");
  return {id: f.id, title: title ? title.textContent.trim() : "", width: r.width, height: r.height, marks: marks};
})`

// inspect loads a page in the browser and returns its figures as the
// browser lays them out, the console errors, exceptions and failed loads
// it logged, and a full-page screenshot.
func inspect(ctx context.Context, path string) (figs []figureCheck, problems []string, shot []byte, err error) {
	lctx, stop := context.WithCancel(ctx)
	defer stop()
	chromedp.ListenTarget(lctx, func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.APITypeError || e.Type == runtime.APITypeAssert {
				problems = append(problems, fmt.Sprintf("console.%s", e.Type))
			}
		case *runtime.EventExceptionThrown:
			problems = append(problems, "exception: "+e.ExceptionDetails.Text)
		case *log.EventEntryAdded:
			if e.Entry.Level == log.LevelError {
				problems = append(problems, fmt.Sprintf("%s error: %s %s", e.Entry.Source, e.Entry.Text, e.Entry.URL))
			}
		}
	})
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, nil, nil, err
	}
	err = chromedp.Run(ctx, log.Enable(), runtime.Enable(),
		chromedp.Navigate((&url.URL{Scheme: "file", Path: abs}).String()),
		chromedp.WaitReady("body", chromedp.ByQuery),
		chromedp.Evaluate(checkFigures, &figs),
		chromedp.FullScreenshot(&shot, 100))
	// Let late log entries arrive before judging.
	time.Sleep(200 * time.Millisecond)
	stop()
	return figs, problems, shot, err
}

// judge lists what is wrong with a page's figures against the report's.
func judge(figs []figureCheck, want []Figure) []string {
	var out []string
	if len(figs) != len(want) {
		out = append(out, fmt.Sprintf("the browser shows %d figures; the report has %d", len(figs), len(want)))
	}
	for i, f := range figs {
		if i < len(want) && (f.ID != "fig-"+want[i].ID || f.Title != want[i].Title) {
			out = append(out, fmt.Sprintf("figure %d is %s %q; want fig-%s %q", i, f.ID, f.Title, want[i].ID, want[i].Title))
		}
		if f.Title == "" || f.Width < 100 || f.Height < 60 || f.Marks == 0 {
			out = append(out, fmt.Sprintf("figure %s: title %q, laid out %.0f×%.0f px, %d marks", f.ID, f.Title, f.Width, f.Height, f.Marks))
		}
	}
	return out
}

// render checks a report in the browser and returns its screenshot.
func render(t *testing.T, ctx context.Context, path string, want []Figure) []byte {
	t.Helper()
	figs, problems, shot, err := inspect(ctx, path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	for _, p := range append(problems, judge(figs, want)...) {
		t.Errorf("%s: %s", path, p)
	}
	return shot
}

// artefacts is where screenshots are kept.
func artefacts(t *testing.T) string {
	dir := os.Getenv("ALLIANCESIM_ARTEFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "alliancesim-browser-test")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Every kind of report renders in a real browser without console errors,
// every figure with its title and a plot with data in it.
func TestReportsInABrowser(t *testing.T) {
	ctx, cancel := browser(t)
	defer cancel()
	many, single, sweep, hyps := fixtures(t)
	morris, sobol := sensitivityFixtures(t)
	out := artefacts(t)
	for _, c := range []struct{ name, dir string }{{"many", many}, {"single", single}, {"sweep", sweep}, {"morris", morris}, {"sobol", sobol}, {"hypotheses", hyps}} {
		page, err := Build(context.Background(), c.dir)
		if err != nil {
			t.Fatal(err)
		}
		path, err := Write(context.Background(), c.dir)
		if err != nil {
			t.Fatal(err)
		}
		shot := render(t, ctx, path, page.Figures())
		png := filepath.Join(out, "report-"+c.name+".png")
		if err := os.WriteFile(png, shot, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s report: %d figures rendered; screenshot %s", c.name, len(page.Figures()), png)
	}
	if *screenshotOf != "" {
		page, err := Build(context.Background(), *screenshotOf)
		if err != nil {
			t.Fatal(err)
		}
		path, err := Write(context.Background(), *screenshotOf)
		if err != nil {
			t.Fatal(err)
		}
		render(t, ctx, path, page.Figures())
		var shot []byte
		if err := chromedp.Run(ctx, chromedp.EmulateViewport(1300, 1500), chromedp.CaptureScreenshot(&shot)); err != nil {
			t.Fatal(err)
		}
		to := *screenshotTo
		if to == "" {
			to = filepath.Join(out, "report-first-screen.png")
		}
		if err := os.WriteFile(to, shot, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("first screen of %s saved to %s", path, to)
	}
}

// The checks catch what they look for: a console error, a failed load, a
// figure without a title and one whose plot holds only axes.
func TestBrowserChecksCatchABrokenPage(t *testing.T) {
	ctx, cancel := browser(t)
	defer cancel()
	page := filepath.Join(t.TempDir(), "broken.html")
	html := `<!DOCTYPE html><html><body>
<figure class="figure" id="fig-a"><h3 class="figure-title"></h3><svg width="300" height="200" viewBox="0 0 300 200"><path d="M0,0L300,200" style="fill:none;stroke:#D55E00"/></svg></figure>
<figure class="figure" id="fig-b"><h3 class="figure-title">Axes only</h3><svg width="300" height="200" viewBox="0 0 300 200"><path d="M10,190L290,190" style="fill:none;stroke:#000000"/></svg></figure>
<img src="missing.png"><script>console.error("broken")</script></body></html>`
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	figs, problems, _, err := inspect(ctx, page)
	if err != nil {
		t.Fatal(err)
	}
	verdict := judge(figs, []Figure{{ID: "a"}, {ID: "b", Title: "Axes only"}})
	all := strings.Join(append(problems, verdict...), "\n")
	for _, want := range []string{"console.error", "missing.png", `figure fig-a: title ""`, "figure fig-b: title \"Axes only\", laid out 300×200 px, 0 marks"} {
		if !strings.Contains(all, want) {
			t.Errorf("the checks missed %q; they said:\n%s", want, all)
		}
	}
}

package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/genmanual"
	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// buildCrisis builds the real binary once per benchmark, outside the timer:
// whole-process figures must include start-up, not just the library.
func buildCrisis(b *testing.B) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "crisis")
	build := exec.Command("go", "build", "-trimpath", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// benchProcess runs crisis with args b.N times and reports the mean and the
// median wall time of the whole process and its mean CPU time; it returns
// the peak RSS in KiB.
func benchProcess(b *testing.B, args ...string) int64 {
	return benchProcessWith(b, buildCrisis(b), args...)
}

func benchProcessWith(b *testing.B, bin string, args ...string) int64 {
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil && !lintFindings(err, args) {
		b.Fatalf("crisis %v: %v\n%s", args, err, out)
	}
	var times []time.Duration
	var peak int64
	var cpu time.Duration
	b.ResetTimer()
	for b.Loop() {
		cmd := exec.Command(bin, args...)
		start := time.Now()
		if err := cmd.Run(); err != nil && !lintFindings(err, args) {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
		cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		if u, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peak = max(peak, u.Maxrss)
		}
	}
	b.StopTimer()
	slices.Sort(times)
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(peak)/1024, "peak-RSS-MB")
	// CPU time over wall time: how many of the machine's cores the
	// process kept busy.
	b.ReportMetric(cpu.Seconds()/b.Elapsed().Seconds(), "cores")
	// CPU time (user+sys) per run: what the process itself cost, which a
	// machine shared with other work changes far less than the wall time.
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	return peak
}

// lintFindings tells lint's exit 1 (findings) from a failure: a generated
// manual may have warnings or findings, the time is what is measured.
func lintFindings(err error, args []string) bool {
	var exit *exec.ExitError
	return slices.Contains(args, "lint") && errors.As(err, &exit) && exit.ExitCode() == 1
}

// BenchmarkVersionProcess is what a user waits for when typing `crisis
// version`: process start, package initialisation (cobra, viper, lipgloss,
// the channel tables) and exit, the floor of every command. Target: median
// under 20 ms.
func BenchmarkVersionProcess(b *testing.B) { benchProcess(b, "version") }

// BenchmarkHelpProcess prints crisis --help in English and in Spanish: the
// whole interface catalogue's cost to a command that prints its texts
// (the bundle of the language, every help text of the tree). crisis
// version, which prints none, never builds it.
func BenchmarkHelpProcess(b *testing.B) {
	bin := buildCrisis(b)
	for _, l := range []string{"en", "es"} {
		b.Run(l, func(b *testing.B) { benchProcessWith(b, bin, "--lang", l, "--help") })
	}
}

// BenchmarkRenderAllProcess renders every announcement of the example
// manual (every playbook, step, channel and locale), measured, as one
// process: what the comms lead waits for. Target: under 50 ms.
func BenchmarkRenderAllProcess(b *testing.B) {
	root, _ := filepath.Abs("../..")
	benchProcess(b, "-m", root, "render", "--all", "--examples", "--format", "json")
}

// generated writes the synthetic manual of 1,000 playbooks in 4 locales the
// performance figures are measured on.
func generated(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	if err := genmanual.Generate(genmanual.Dir(dir), genmanual.Options{Playbooks: 1000, Locales: 4}); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkListProcess1000x4 loads the generated manual as a user sees it:
// `crisis list` reads and checks every file. Target: under 0.5 s.
func BenchmarkListProcess1000x4(b *testing.B) {
	benchProcess(b, "-m", generated(b), "list")
}

// BenchmarkLintProcess1000x4 lints the generated manual on both cores, as
// CI does. Target: under 1 s and 300 MB (peak RSS is reported).
func BenchmarkLintProcess1000x4(b *testing.B) {
	benchProcess(b, "lint", generated(b))
}

// BenchmarkLintProcess10000x4 lints a manual ten times the size of the
// one above, where memory per playbook shows: target under 40 KB of peak
// RSS per playbook (reported as RSS-KB/playbook).
func BenchmarkLintProcess10000x4(b *testing.B) {
	dir := b.TempDir()
	if err := genmanual.Generate(genmanual.Dir(dir), genmanual.Options{Playbooks: 10000, Locales: 4}); err != nil {
		b.Fatal(err)
	}
	peakKB := benchProcess(b, "lint", dir)
	b.ReportMetric(float64(peakKB)/10000, "RSS-KB/playbook")
}

// BenchmarkYamllint1000x4 runs yamllint (Debian's package), which only
// checks YAML syntax and style, on the same files, for the ratio the README
// reports: crisis lint must be at least 10 times faster.
func BenchmarkYamllint1000x4(b *testing.B) {
	yamllint, err := exec.LookPath("yamllint")
	if err != nil {
		b.Skip("yamllint not installed (apt-get install yamllint)")
	}
	dir := generated(b)
	var times []time.Duration
	for b.Loop() {
		start := time.Now()
		// yamllint exits 1 on style findings; only the time matters here.
		_ = exec.Command(yamllint, "-d", "relaxed", dir).Run()
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Milliseconds()), "median-ms")
}

// longRun starts a run of facebook-down with the real binary, pauses it,
// and grows its journal to n events of notes and ticks, written directly
// (n fsyncs would only slow the setup). It returns the runs folder and the
// run id.
func longRun(b *testing.B, bin string, n int) (runs, id string) {
	b.Helper()
	runs = filepath.Join(b.TempDir(), "runs")
	root, _ := filepath.Abs("../..")
	cmd := exec.Command(bin, "-m", root, "run", "facebook-down", "--runs-dir", runs, "--var", "platform=Facebook",
		"--answers", "-")
	cmd.Stdin = strings.NewReader("p\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("start: %v\n%s", err, out)
	}
	list, err := runbook.List(runs)
	if err != nil || len(list) != 1 {
		b.Fatalf("runs: %v %v", list, err)
	}
	path := filepath.Join(list[0].Dir, runbook.JournalFile)
	var last journal.Event
	snap, err := journal.Load(path, func(e journal.Event) error { last = e; return nil })
	if err != nil {
		b.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		b.Fatal(err)
	}
	// Written through a small buffer: a child's peak RSS counts this
	// process's peak too (it shares this memory until its exec), so the
	// setup must stay small for the figures to be crisis's own.
	w := bufio.NewWriter(f)
	for seq := snap.Events + 1; seq <= n; seq++ {
		at := last.UTC.Add(time.Second)
		data := fmt.Sprintf(`{"step":"confirm","text":"call %d with the platform's support: still no estimate, next call in ten minutes"}`, seq)
		if seq%4 == 0 {
			data = fmt.Sprintf(`{"step":"confirm","item":%d}`, 1+seq%2)
		}
		e := journal.Event{Seq: seq, Type: journal.TypeNote, UTC: at, Local: at.Format(time.RFC3339), Data: []byte(data), Prev: last.Hash}
		if seq%4 == 0 {
			e.Type = journal.TypeChecked
		}
		e.Hash = journal.ComputeHash(e)
		fmt.Fprintf(w, `{"seq":%d,"type":%q,"utc":%q,"local":%q,"data":%s,"prev":%q,"hash":%q}`+"\n",
			e.Seq, e.Type, e.UTC.Format(time.RFC3339Nano), e.Local, e.Data, e.Prev, e.Hash)
		last = e
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	if snap, err := journal.Load(path, nil); err != nil || !snap.Damage.Intact() || snap.Events != n {
		b.Fatalf("generated journal: %v %v", snap, err)
	}
	return runs, list[0].ID
}

// benchResume resumes a paused run of n events and pauses it again at once:
// reading, verifying and replaying the journal, and rendering the current
// step, as the operator waits for it. Each resume adds two events.
func benchResume(b *testing.B, n int) {
	bin := buildCrisis(b)
	runs, id := longRun(b, bin, n)
	root, _ := filepath.Abs("../..")
	answers := filepath.Join(b.TempDir(), "pause")
	if err := os.WriteFile(answers, []byte("p\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	benchProcessWith(b, bin, "-m", root, "run", "--resume", id, "--runs-dir", runs, "--answers", answers)
}

// BenchmarkResumeProcess10k: crisis run --resume of a 10,000-event run.
// Target: under 60 ms.
func BenchmarkResumeProcess10k(b *testing.B) { benchResume(b, 10_000) }

// BenchmarkResumeProcess100k: the same at 100,000 events. Target: under
// 600 ms and 100 MB.
func BenchmarkResumeProcess100k(b *testing.B) { benchResume(b, 100_000) }

func benchReport(b *testing.B, n int) {
	bin := buildCrisis(b)
	runs, id := longRun(b, bin, n)
	root, _ := filepath.Abs("../..")
	benchProcessWith(b, bin, "-m", root, "report", id, "--runs-dir", runs, "--format", "json", "-o", filepath.Join(b.TempDir(), "r.json"))
}

// BenchmarkReportProcess10k: crisis report of a 10,000-event run. Target:
// under 60 ms.
func BenchmarkReportProcess10k(b *testing.B) { benchReport(b, 10_000) }

// BenchmarkReportProcess100k: the same at 100,000 events. Target: under
// 600 ms and 100 MB.
func BenchmarkReportProcess100k(b *testing.B) { benchReport(b, 100_000) }

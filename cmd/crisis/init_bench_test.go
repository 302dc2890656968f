package main

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// BenchmarkInitProcess is `crisis init` as a person waits for it: a whole
// process writing a manual in four languages with every channel (the
// largest init writes: seven playbooks, four message files, the schemas)
// into a new folder each time. Target: under 100 ms.
func BenchmarkInitProcess(b *testing.B) {
	bin := buildCrisis(b)
	dir := b.TempDir()
	args := []string{"--no-input", "--organisation", "Ríoverde Hogar", "--timezone", "Europe/Madrid", "--locale", "es,en,pl,pt",
		"--audiences", "customers,staff,suppliers,press",
		"--channels", "whatsapp,instagram,facebook,x,telegram,email,sms,phone,website,status-page,staff-chat,staff-sms,staff-email",
		"--spokesperson", "Lucía Moreno, +34 600 100 003", "--spokesperson-deputy", "Javier Ortega, +34 600 100 004",
		"--approver", "Carmen Vidal, +34 600 100 001", "--approver-deputy", "Tomás Ferrer, +34 600 100 002"}
	var times []time.Duration
	i := 0
	for b.Loop() {
		i++
		cmd := exec.Command(bin, append([]string{"init", filepath.Join(dir, fmt.Sprint(i))}, args...)...)
		start := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("crisis init: %v\n%s", err, out)
		}
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
}

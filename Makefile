# crisis: build, test, benchmark and fuzz.
GO       ?= go
BIN      ?= bin/crisis
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
LDFLAGS  := -s -w -X github.com/crisis-cli/crisis/internal/cli.version=$(VERSION)
FUZZTIME ?= 1m

STATICCHECK ?= v0.8.2

.PHONY: build test test-plain test-cmd test-race test-raceskipped bench fuzz install vet staticcheck clean i18n

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/crisis

# Unit, end-to-end (testscript), terminal (tmux) and browser (chromium) tests;
# fuzz tests run their seed corpus here. Tools the terminal and browser tests
# need are installed by .ci/run in CI; locally those tests skip without them.
# The tests' own vet step is off: go vet ./... runs every analyzer it runs,
# on the same files.
#
# Each test runs once: the packages with goroutines under the race detector
# (whose run covers what a plain run of them does) but for RACE_SKIP, those
# few tests in a plain run, everything else in a plain run. The four steps
# and vet and staticcheck run side by side: the terminal, browser and git
# tests mostly wait on other processes, leaving a core to the rest. make
# prints each step's output whole when it ends (--output-sync), so a
# failure reads as it would alone, and fails when any step fails.
test:
	@$(MAKE) --no-print-directory -j6 --output-sync=target \
	  test-cmd test-race test-plain test-raceskipped vet staticcheck

test-plain:
	$(GO) test -count=1 -vet=off $(PLAIN_PKGS)

# The built binary's tests wait on tmux, Chromium, git, pre-commit and other
# crisis processes far more than they compute: four at a time, not one per
# core.
test-cmd:
	$(GO) test -count=1 -vet=off -parallel 4 ./cmd/crisis

test-race:
	$(GO) test -count=1 -vet=off -race -skip '$(RACE_SKIP)' $(RACE_PKGS)

test-raceskipped:
	$(GO) test -count=1 -vet=off -run '$(RACE_SKIP)' $(RACE_PKGS)

# The packages whose code starts goroutines or shares state between them,
# tested under the race detector. RACE_SKIP leaves out of that pass the
# tests that only repeat, many times over, a path other tests of the package
# already drive under the detector: one sequential flow resumed at each of 13
# cuts (TestResumeExactlyOnce), one manual loaded once per example of a
# missing key (TestMissingKeyExamples), whole drills graded or timed on a
# fake clock (TestGrade, TestInjectorDue; drill's one piece of shared state,
# its clock, is TestClock's), ten commands each run in four languages to
# compare their JSON (TestJSONSameInEveryLanguage: of its commands only
# lint starts goroutines, raced by cli's lint tests and lint's own). They
# run in a plain pass (test-raceskipped).
RACE_PKGS = ./internal/journal ./internal/runbook ./internal/drill ./internal/cli ./internal/dispatch ./internal/manual ./internal/lint
RACE_SKIP = ^(TestResumeExactlyOnce|TestMissingKeyExamples|TestGrade|TestInjectorDue|TestJSONSameInEveryLanguage)$$
PLAIN_PKGS = $(filter-out $(shell $(GO) list $(RACE_PKGS) ./cmd/crisis),$(shell $(GO) list ./...))

# The interface's catalogue (internal/lang/locales): every English message
# translated into es, pl and pt and none stale (its hash is the English
# text's), every id the code uses present, every command's help free of
# ids and English lines, JSON the same in every language. make test runs
# the same tests, so CI fails on a missing translation.
i18n:
	$(GO) test -count=1 -run 'TestCatalog|TestPolishPlurals|TestMessage' ./internal/lang
	$(GO) test -count=1 -run 'TestHelpInEveryLanguage|TestJSONSameInEveryLanguage|TestErrorsInTheInterfaceLanguage' ./internal/cli

# staticcheck at a pinned version, fetched through the module proxy; skipped
# with a message where it cannot be fetched.
staticcheck:
	@bin="$$($(GO) env GOPATH)/bin/staticcheck"; \
	if [ -x "$$bin" ] && "$$bin" -version 2>/dev/null | grep -q "$(STATICCHECK)"; then :; \
	elif ! GOFLAGS= $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK); then \
	  echo "staticcheck $(STATICCHECK) cannot be fetched: skipped"; exit 0; fi; \
	echo "staticcheck ./..."; "$$bin" ./...

vet:
	$(GO) vet ./...

# Benchmarks behind the figures in the README. The yamllint comparison
# needs Debian's yamllint and is skipped without it.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./internal/channel ./internal/journal ./internal/manual ./internal/lint ./cmd/crisis


# Long fuzzing, one target at a time ($(FUZZTIME) each). Each new input
# the fuzzer keeps is minimized for at most $(FUZZMINIMIZE) executions:
# Go's default (60 s each) and even 5 s leave lint, where most inputs reach
# new code, minimizing instead of fuzzing (FuzzLint ran 1,420 inputs in a
# minute with 5 s, about 8,000 with 50x).
FUZZMINIMIZE ?= 50x
FUZZ = $(GO) test -run '^$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE)
fuzz:
	$(FUZZ) -fuzz '^FuzzLoad$$' ./internal/manual
	$(FUZZ) -fuzz '^FuzzLint$$' ./internal/lint
	$(FUZZ) -fuzz '^FuzzConfig$$' ./internal/lint
	$(FUZZ) -fuzz '^FuzzMeasure$$' ./internal/channel
	$(FUZZ) -fuzz '^FuzzRead$$' ./internal/journal
	$(FUZZ) -fuzz '^FuzzLineInput$$' ./internal/cli
	$(FUZZ) -fuzz '^FuzzTemplate$$' ./internal/message
	$(FUZZ) -fuzz '^FuzzRecipientList$$' ./internal/dispatch
	$(FUZZ) -fuzz '^FuzzExtract$$' ./internal/twittertext

install:
	$(GO) install -trimpath -ldflags '$(LDFLAGS)' ./cmd/crisis

clean:
	rm -rf bin

# HMS-utvalg — see README.md. `make run` and `make test` are the two commands a newcomer needs.
SHELL := /bin/bash
export PATH := $(PATH):/usr/local/go/bin
TAGS    := migrated_fynedo
GO      := go
BIN     := bin/hmsutvalg
VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: run test build deps deps-test vet lint unit smoke fuzz bench pgo soak ytelse clean windows windows-smoke

run: deps build
	./$(BIN) $(ARGS)

build:
	$(GO) build -tags $(TAGS) -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/hmsutvalg

deps:
	@.ci/deps run

deps-test:
	@.ci/deps test

vet:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt må kjøres på: $$out"; exit 1; fi
	$(GO) vet -tags $(TAGS) ./...

# Static analysis at pinned versions (go run fetches them through the module
# proxy once). ST1005 is off: our error strings are Norwegian sentences shown
# to users as they are, capitalised and with a full stop by design.
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
GOVULNCHECK := golang.org/x/vuln/cmd/govulncheck@v1.1.4
SCCHECKS    := all,-ST1000,-ST1003,-ST1005,-ST1016,-ST1020,-ST1021,-ST1022,-ST1023

lint:
	$(GO) run $(STATICCHECK) -tags $(TAGS) -checks "$(SCCHECKS)" ./...
	@# govulncheck needs its database at vuln.go.dev; a machine without
	@# internet (only the module proxy) cannot reach it, and says so.
	@out=$$($(GO) run $(GOVULNCHECK) -tags $(TAGS) ./... 2>&1); rc=$$?; \
	if [ $$rc -ne 0 ] && echo "$$out" | grep -q 'fetching vulnerabilities'; then \
	  echo "govulncheck hoppet over: sårbarhetsdatabasen vuln.go.dev kan ikke nås fra denne maskinen."; \
	  echo "$$out" | grep 'fetching vulnerabilities'; \
	elif [ $$rc -ne 0 ]; then echo "$$out"; exit $$rc; \
	else echo "$$out" | tail -5; fi

# The screenshot matrix (ui TestScreenshotMatrix) is rendered by smoke,
# which keeps it, so unit skips it instead of rendering it twice.
unit:
	HMSUTVALG_SCREENSHOT_MATRIX=smoke $(GO) test -tags $(TAGS) -count=1 -timeout 30m ./...

# Screenshots for a person (and CI's artefacts) in bin/screenshots: the
# matrix of Oversikt, Handlingsplan, the meeting view and a safety round
# at 1024×768 and 1920×1080, light and dark, normal and Møtemodus (Fyne's
# test renderer), and in smoke/ the real binary's window under Xvfb.
SHOTS := bin/screenshots
smoke: build
	rm -rf $(SHOTS) && mkdir -p $(SHOTS)
	$(GO) test -tags $(TAGS) -count=1 -run '^TestScreenshotMatrix$$' ./ui -args -screenshots $(CURDIR)/$(SHOTS)
	SMOKE_OUT=$(CURDIR)/$(SHOTS)/smoke .ci/smoke $(BIN)

test: deps-test vet lint unit smoke

# Short fuzz runs of every parser of outside input (longer: FUZZTIME=5m make fuzz).
FUZZTIME ?= 20s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -tags $(TAGS) -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -tags $(TAGS) -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; done

# Soak test (not part of make test): storage/crash_test.go's writer process
# is killed with SIGKILL at random moments for SOAK (default 10 minutes);
# after every kill the file must pass check and hold exactly the
# acknowledged writes (plus at most the one in flight). SOAK=2m make soak.
SOAK ?= 10m
soak:
	HMSUTVALG_SOAK=$(SOAK) $(GO) test -tags $(TAGS) -count=1 -timeout 0 -v -run '^TestCrashKill$$' ./storage/

# All benchmarks; BENCH picks some, e.g. the annual report's load per year:
# make bench BENCH='LoadAnnualYear|SaveDeviationEdit' (storage/bench_yearindex_test.go).
BENCH ?= .
bench:
	$(GO) test -tags $(TAGS) -run '^$$' -bench '$(BENCH)' -benchmem ./...

# Profile-guided optimisation: go build (and go test of cmd/hmsutvalg)
# uses cmd/hmsutvalg/default.pgo, a CPU profile of the annual report's
# read and layout, to inline and lay out the hot code (issue 18: 4 % less
# CPU for the report; docs/ytelse.md «Sjuende runde»). It costs the first
# build on a new machine a few minutes more. make pgo makes the profile
# again from the benchmarks (with a heavy demo unit, about a minute) after
# the report's code has changed much; an old profile still works.
pgo:
	$(GO) test -tags $(TAGS) -run '^$$' -bench 'AnnualReportLayoutScale50|OpenAndLoadScale50' -benchtime 3s \
	  -cpuprofile $(CURDIR)/cmd/hmsutvalg/default.pgo -o $(CURDIR)/bin/pgo.test ./cmd/hmsutvalg

# The annual report against LibreOffice (issue 18, not part of make test):
# makes the heavy demo unit, writes its report's tables as flat ODT, and
# times `hmsutvalg report` and `soffice --headless --convert-to pdf`
# alternately, from process start to the PDF on disk; prints medians, peak
# RSS and the ratio (docs/ytelse.md). Installs LibreOffice if missing.
# RUNS=7 SCALES=100,200 make ytelse also times the report on larger units;
# BEFORE=old/hmsutvalg times an older build in the same rounds (each build
# right after a LibreOffice run of its own).
RUNS   ?= 5
SCALES ?=
BEFORE ?=
ytelse: build
	@.ci/deps ytelse
	$(GO) run -tags $(TAGS) ./cmd/ytelse -bin $(BIN) -runs $(RUNS) -scales "$(SCALES)" -before "$(BEFORE)"

# Windows build, cross-compiled with mingw-w64 (`.ci/deps windows` installs it).
# Icon, name and version from FyneApp.toml go into a Windows resource that
# go-winres (pinned, fetched through the Go module proxy) writes as
# cmd/hmsutvalg/rsrc_windows_amd64.syso; the file is generated, never committed.
WINRES  := github.com/tc-hib/go-winres@v0.3.3
APPNAME := $(shell sed -n 's/^Name *= *"\(.*\)"/\1/p' FyneApp.toml)
ICON    := $(shell sed -n 's/^Icon *= *"\(.*\)"/\1/p' FyneApp.toml)
BUILDNO := $(shell sed -n 's/^Build *= *\([0-9]*\).*/\1/p' FyneApp.toml)

windows:
	@.ci/deps windows
	$(GO) run $(WINRES) simply --arch amd64 --out cmd/hmsutvalg/rsrc --manifest gui \
	  --icon $(ICON) --product-name "$(APPNAME)" --file-description "$(APPNAME)" \
	  --original-filename hmsutvalg.exe --product-version $(VERSION) --file-version $(VERSION).$(BUILDNO)
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
	  $(GO) build -tags $(TAGS) -ldflags "-H=windowsgui $(LDFLAGS)" -o bin/hmsutvalg.exe ./cmd/hmsutvalg

clean:
	rm -rf bin
	rm -f cmd/hmsutvalg/*.syso

# The Windows build started under Wine: the command line, a report, and the
# GUI in Xvfb with screenshots (docs/windows.md). Output in bin/windows-smoke.
windows-smoke: windows
	@.ci/deps windows-smoke
	.ci/windows-smoke bin/hmsutvalg.exe bin/windows-smoke

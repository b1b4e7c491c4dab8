# HMS-utvalg — see README.md. `make run` and `make test` are the two commands a newcomer needs.
SHELL := /bin/bash
export PATH := $(PATH):/usr/local/go/bin
TAGS    := migrated_fynedo
GO      := go
BIN     := bin/hmsutvalg
VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: run test build deps deps-test vet unit smoke fuzz bench clean

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

unit:
	$(GO) test -tags $(TAGS) -count=1 ./...

smoke: build
	.ci/smoke $(BIN)

test: deps-test vet unit smoke

# Short fuzz runs of every parser of outside input (longer: FUZZTIME=5m make fuzz).
FUZZTIME ?= 20s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -tags $(TAGS) -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -tags $(TAGS) -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; done

bench:
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin

# llmsize — build, test, run, install.
#   make          CLI (./llmsize) and library object (build/llmsize.o)
#   make run      the main job on embedded defaults: what fits where
#   make test     every test (C, then the compile matrix); ends with "N passed, N failed"
#   make install  header, pkg-config file, CLI (PREFIX, DESTDIR honoured)
CC      ?= cc
CXX     ?= c++
CFLAGS  ?= -O2
WARN     = -Wall -Wextra -Wpedantic -Werror
PREFIX  ?= /usr/local
BUILD    = build
HEADERS  = llmsize.h llmsize_data.h

all: llmsize $(BUILD)/llmsize.o

$(BUILD):
	mkdir -p $(BUILD)

$(BUILD)/llmsize.o: llmsize.c $(HEADERS) | $(BUILD)
	$(CC) -std=c99 $(WARN) $(CFLAGS) -I. -c llmsize.c -o $@

llmsize: examples/cli/main.c $(BUILD)/llmsize.o
	$(CC) -std=c99 $(WARN) $(CFLAGS) -I. examples/cli/main.c $(BUILD)/llmsize.o -o $@

TEST_SRC = tests/test_llmsize.c tests/test_choose.c tests/test_plans.c tests/tu_second.c tests/gen_vectors.c
$(BUILD)/test_llmsize: $(TEST_SRC) tests/testing.h $(BUILD)/llmsize.o | $(BUILD)
	$(CC) -std=c99 $(WARN) $(CFLAGS) -I. -Itests -DLLMSIZE_VECTORS_NO_MAIN $(TEST_SRC) $(BUILD)/llmsize.o -lm -o $@

$(BUILD)/gen_vectors: tests/gen_vectors.c $(BUILD)/llmsize.o | $(BUILD)
	$(CC) -std=c99 $(WARN) $(CFLAGS) -I. tests/gen_vectors.c $(BUILD)/llmsize.o -o $@

# Shared C/Python/Go test vectors (tests/data/vectors.tsv).
vectors: $(BUILD)/gen_vectors
	$(BUILD)/gen_vectors > tests/data/vectors.tsv

$(BUILD)/scheduler: examples/scheduler/scheduler.c $(BUILD)/llmsize.o | $(BUILD)
	$(CC) -std=c99 $(WARN) $(CFLAGS) -I. examples/scheduler/scheduler.c $(BUILD)/llmsize.o -o $@

run: llmsize
	./llmsize run

# The header must parse warning-free as C99, C11, C++11 and C++17 with every compiler
# present (gcc/g++ always; clang/clang++ when installed).
COMPILERS_C   = $(CC) $(shell command -v clang >/dev/null 2>&1 && echo clang)
COMPILERS_CXX = $(CXX) $(shell command -v clang++ >/dev/null 2>&1 && echo clang++)
matrix: | $(BUILD)
	@for c in $(COMPILERS_C); do for s in c99 c11; do \
	  $$c -std=$$s $(WARN) -I. -c llmsize.c -o $(BUILD)/m.o || exit 1; echo "ok $$c -std=$$s"; done; done
	@for c in $(COMPILERS_CXX); do for s in c++11 c++17; do \
	  $$c -std=$$s $(WARN) -I. -x c++ -c llmsize.c -o $(BUILD)/m.o || exit 1; echo "ok $$c -std=$$s"; done; done

test: $(BUILD)/test_llmsize llmsize $(BUILD)/scheduler
	$(MAKE) --no-print-directory matrix
	./llmsize --help >/dev/null && ./llmsize show llama-3.1-8b --json >/dev/null
	! ./llmsize show llama-3.1-9b 2>/dev/null
	./tests/cli.sh ./llmsize
	$(BUILD)/scheduler > $(BUILD)/scheduler.out && grep -q "replicas placed" $(BUILD)/scheduler.out
	./examples/installer/installer.sh llama-3.1-8b 8192 "NVIDIA GeForce RTX 4090" > $(BUILD)/installer.out && grep -q "llama-server\|vllm serve" $(BUILD)/installer.out
	! ./examples/installer/installer.sh llama-3.1-405b 131072 "NVIDIA GeForce RTX 4060" 2>/dev/null
	$(BUILD)/test_llmsize tests/data
	$(MAKE) --no-print-directory check-bindings
	$(MAKE) --no-print-directory python-test
	$(MAKE) --no-print-directory go-test
	$(MAKE) --no-print-directory webhook-test
	$(MAKE) --no-print-directory e2e

# SWIG wrappers generated from bindings/llmsize.i and committed (so pip install and go get
# need no SWIG). `make bindings` regenerates them; `make check-bindings` proves they are fresh.
SWIG         ?= swig
SWIG_VERSION  = 4.1.0
PY_GEN        = bindings/python/src/llmsize
GO_GEN        = bindings/go/internal/core
bindings:
	@$(SWIG) -version | grep -q "SWIG Version $(SWIG_VERSION)" || { echo "need SWIG $(SWIG_VERSION)"; exit 1; }
	$(SWIG) -python -I. -o $(PY_GEN)/llmsize_wrap.c -outdir $(PY_GEN) bindings/llmsize.i
	sh $(GO_GEN)/generate.sh

check-bindings: | $(BUILD)
	@command -v $(SWIG) >/dev/null || { echo "check-bindings: no SWIG here, generated wrappers not checked (CI installs it)"; exit 0; }; \
	$(SWIG) -version | grep -q "SWIG Version $(SWIG_VERSION)" || { echo "need SWIG $(SWIG_VERSION) to check the generated wrappers"; exit 1; }
	@if command -v $(SWIG) >/dev/null; then \
	  rm -rf $(BUILD)/gen && mkdir -p $(BUILD)/gen/py && \
	  $(SWIG) -python -I. -o $(BUILD)/gen/py/llmsize_wrap.c -outdir $(BUILD)/gen/py bindings/llmsize.i && \
	  cmp $(BUILD)/gen/py/llmsize_wrap.c $(PY_GEN)/llmsize_wrap.c && cmp $(BUILD)/gen/py/core.py $(PY_GEN)/core.py && \
	  echo "generated Python wrapper is fresh" && \
	  sh $(GO_GEN)/generate.sh $(CURDIR)/$(BUILD)/gen/go && \
	  for f in core.go llmsize_wrap.c llmsize.h llmsize_data.h; do cmp $(BUILD)/gen/go/$$f $(GO_GEN)/$$f || exit 1; done && \
	  echo "generated Go wrapper and its header copies are fresh"; fi

# The Python package in a clean virtual environment: install from the source tree, build a
# wheel and check what it carries, pytest, then run the notebook top to bottom.
VENV = $(BUILD)/venv
PY_DEPS = pytest nbclient nbformat ipykernel matplotlib pandas build
python-test: | $(BUILD)
	test -x $(VENV)/bin/python || python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q $(PY_DEPS)
	$(VENV)/bin/pip install -q --force-reinstall --no-deps ./bindings/python
	rm -rf $(BUILD)/dist && $(VENV)/bin/python -m build -q --outdir $(BUILD)/dist bindings/python >/dev/null
	$(VENV)/bin/python bindings/python/tests/check_wheel.py $(BUILD)/dist
	cd $(BUILD) && ../$(VENV)/bin/python -c "import llmsize; print('llmsize', llmsize.version(), 'installed at', llmsize.__file__)"
	$(VENV)/bin/python -m pytest -q bindings/python/tests
	MPLBACKEND=Agg $(VENV)/bin/python bindings/python/tests/run_notebook.py examples/notebook.ipynb

# The Go binding: vet, tests (shared vectors) under the race detector, and a short run of
# each fuzz target (go-fuzz-long runs them for longer).
GO       ?= go
GO_DIR    = bindings/go
FUZZTIME ?= 5s
go-test:
	cd $(GO_DIR) && $(GO) vet ./... && $(GO) test -count=1 -race ./...
	cd $(GO_DIR) && for f in FuzzPlanFromArgs FuzzLookup FuzzModelFromHFConfig; do \
	  $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) . >/dev/null || exit 1; echo "fuzz $$f $(FUZZTIME): ok"; done
go-fuzz-long:
	$(MAKE) --no-print-directory go-test FUZZTIME=5m

# The admission webhook (its own Go module): vet, unit tests with AdmissionReview fixtures
# under the race detector, and a short fuzz of the HTTP handler.
WEBHOOK_DIR = examples/admission-webhook
webhook-test:
	cd $(WEBHOOK_DIR) && $(GO) vet ./... && $(GO) vet -tags e2e . && $(GO) test -count=1 -race ./...
	cd $(WEBHOOK_DIR) && $(GO) test -run '^$$' -fuzz '^FuzzHandler$$' -fuzztime $(FUZZTIME) . >/dev/null && echo "fuzz FuzzHandler $(FUZZTIME): ok"

# End to end against a real etcd (Debian's etcd-server) and kube-apiserver, built from the
# k8s.io/kubernetes module pinned in $(WEBHOOK_DIR)/e2e/apiserver (kept between runs in
# build/e2e; rebuilt when that go.mod changes).
ETCD ?= $(shell command -v etcd 2>/dev/null || echo /usr/bin/etcd)
E2E   = $(BUILD)/e2e
$(E2E)/kube-apiserver: $(WEBHOOK_DIR)/e2e/apiserver/go.mod $(WEBHOOK_DIR)/e2e/apiserver/go.sum | $(BUILD)
	mkdir -p $(E2E)
	cd $(WEBHOOK_DIR)/e2e/apiserver && $(GO) build -trimpath -o $(CURDIR)/$@ k8s.io/kubernetes/cmd/kube-apiserver
$(E2E)/llmsize-webhook: FORCE | $(BUILD)
	mkdir -p $(E2E)
	cd $(WEBHOOK_DIR) && $(GO) build -o $(CURDIR)/$@ .
e2e: $(E2E)/kube-apiserver $(E2E)/llmsize-webhook
	@test -x $(ETCD) || { echo "e2e needs etcd (apt-get install etcd-server)"; exit 1; }
	cd $(WEBHOOK_DIR) && ETCD=$(ETCD) KUBE_APISERVER=$(CURDIR)/$(E2E)/kube-apiserver LLMSIZE_WEBHOOK=$(CURDIR)/$(E2E)/llmsize-webhook \
	  E2E_OUT=$(CURDIR)/$(E2E) $(GO) test -count=1 -tags e2e -run E2E -v . > $(CURDIR)/$(E2E)/e2e.log 2>&1; \
	  rc=$$?; grep -v '^=== RUN' $(CURDIR)/$(E2E)/e2e.log; exit $$rc
	@echo "e2e: the API server's denial is in $(E2E)/denial.txt"

# Sustained load on loopback: p50/p99 latency at a fixed request rate (numbers, not assertions).
webhook-load:
	cd $(WEBHOOK_DIR) && $(GO) test -count=1 -tags load -run Load -v .

# Go per-call cost (numbers, not assertions).
bench-go:
	cd $(GO_DIR) && $(GO) test -run '^$$' -bench . -benchtime 200000x

# Python per-call overhead and sweep time (numbers, not assertions).
bench-python: python-test
	$(VENV)/bin/python bench/python_bench.py

# The C tests under AddressSanitizer + UndefinedBehaviorSanitizer (no recovery).
test-asan: | $(BUILD)
	$(CC) -std=c99 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover $(WARN) -I. -Itests -DLLMSIZE_VECTORS_NO_MAIN $(TEST_SRC) llmsize.c -lm -o $(BUILD)/test_asan
	$(BUILD)/test_asan tests/data

install: llmsize
	install -d $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 644 $(HEADERS) $(DESTDIR)$(PREFIX)/include/
	install -m 755 llmsize $(DESTDIR)$(PREFIX)/bin/
	sed -e 's|@PREFIX@|$(PREFIX)|' llmsize.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/llmsize.pc

clean:
	rm -rf $(BUILD) llmsize


.PHONY: vectors
.PHONY: all run matrix test test-asan bindings check-bindings python-test bench-python go-test go-fuzz-long bench-go webhook-test e2e webhook-load FORCE install clean
FORCE:

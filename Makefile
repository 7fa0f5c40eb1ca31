# llmsize — build, test, run, install.
#   make          CLI (./llmsize) and library object (build/llmsize.o)
#   make run      the main job on embedded defaults: what fits where
#   make check    the inner loop: C tests, CLI contracts, data checker, matrix at -O2 (< 1 min)
#   make test     every test: C (plain, ASan+UBSan, valgrind, TSan), compile matrix, fuzz smoke,
#                 Python, Go, the webhook and its e2e test, the npm package and the web page
#   make web      the library as WebAssembly (bindings/js/llmsize.wasm) and the static page (web/)
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

llmsize: examples/cli/main.c examples/cli/detect.c examples/cli/detect.h $(BUILD)/llmsize.o
	$(CC) -std=c99 $(WARN) $(CFLAGS) -I. examples/cli/main.c examples/cli/detect.c $(BUILD)/llmsize.o -o $@

TEST_SRC = tests/test_llmsize.c tests/test_choose.c tests/test_plans.c tests/test_hardening.c tests/test_coverage_paths.c tests/test_names.c tests/tu_second.c tests/test_index.c tests/gen_vectors.c
$(BUILD)/test_llmsize: $(TEST_SRC) tests/testing.h tools/speed_fit.h $(HEADERS) $(BUILD)/llmsize.o | $(BUILD)
	$(CC) -std=c99 $(WARN) $(CFLAGS) -I. -Itests -DLLMSIZE_VECTORS_NO_MAIN $(TEST_SRC) $(BUILD)/llmsize.o -lm -o $@

$(BUILD)/gen_vectors: tests/gen_vectors.c $(BUILD)/llmsize.o | $(BUILD)
	$(CC) -std=c99 $(WARN) $(CFLAGS) -I. tests/gen_vectors.c $(BUILD)/llmsize.o -o $@

# Shared C/Python/Go test vectors (tests/data/vectors.tsv).
vectors: $(BUILD)/gen_vectors
	$(BUILD)/gen_vectors > tests/data/vectors.tsv

$(BUILD)/scheduler: examples/scheduler/scheduler.c $(BUILD)/llmsize.o | $(BUILD)
	$(CC) -std=c99 $(WARN) $(CFLAGS) -I. examples/scheduler/scheduler.c $(BUILD)/llmsize.o -o $@

# The name index in llmsize_data.h (tools/gen_index.c): rewrite it after adding rows.
$(BUILD)/gen_index: tools/gen_index.c $(HEADERS) | $(BUILD)
	$(CC) -std=c99 $(WARN) $(CFLAGS) -I. tools/gen_index.c -o $@
index: $(BUILD)/gen_index
	$(BUILD)/gen_index > $(BUILD)/index.h
	awk -v f=$(BUILD)/index.h '/^\/\* NAME INDEX/ { while ((getline l < f) > 0) print l; skip = 1; next } \
	  skip && /^\/\* END NAME INDEX/ { skip = 0; next } !skip' llmsize_data.h > $(BUILD)/data.h && mv $(BUILD)/data.h llmsize_data.h
	$(MAKE) --no-print-directory $(BUILD)/gen_index && $(BUILD)/gen_index --check

# Data tooling (docs/adding-a-model.md): the config.json importer and the table checker.
$(BUILD)/import: tools/import.c $(BUILD)/llmsize.o | $(BUILD)
	$(CC) -std=c99 $(WARN) $(CFLAGS) -I. tools/import.c $(BUILD)/llmsize.o -o $@
$(BUILD)/check_data: tools/check_data.c $(BUILD)/llmsize.o | $(BUILD)
	$(CC) -std=c99 $(WARN) $(CFLAGS) -I. tools/check_data.c $(BUILD)/llmsize.o -o $@
# The speed calibration rows recomputed from tests/data/speed.tsv (tools/calibrate_decode.c,
# tools/speed_fit.h), with in-sample and held-out error per regime: run after changing a
# bandwidth, a measurement or the bytes a decode step reads.
$(BUILD)/calibrate_decode: tools/calibrate_decode.c tools/speed_fit.h $(BUILD)/llmsize.o | $(BUILD)
	$(CC) -std=c99 $(WARN) $(CFLAGS) -I. tools/calibrate_decode.c $(BUILD)/llmsize.o -lm -o $@
calibrate: $(BUILD)/calibrate_decode
	$(BUILD)/calibrate_decode tests/data/speed.tsv

# Rows are records: the tables compiled a second time by field name must equal the library's.
$(BUILD)/check_rows: tools/check_rows.c $(HEADERS) | $(BUILD)
	$(CC) -std=c99 $(WARN) $(CFLAGS) -I. tools/check_rows.c -o $@

run: llmsize
	./llmsize run

# The compiler matrix: gcc/clang x C99..C2x and C++11..20 x -O0/-O2/-O3 at -Werror with
# -Wconversion -Wshadow, and the same answers from every build (incl. tcc and -m32).
matrix: | $(BUILD)
	CC=$(CC) CXX=$(CXX) TEST_SRC="$(TEST_SRC)" tests/matrix.sh

# The inner loop while changing the library (under a minute on two cores): the C tests, the CLI
# contracts, the data checker, the name index, the importer, and the compiler matrix at one level.
# make test stays the whole suite CI runs.
check: $(BUILD)/test_llmsize llmsize $(BUILD)/check_data $(BUILD)/check_rows $(BUILD)/import $(BUILD)/gen_index
	CC=$(CC) CXX=$(CXX) MATRIX_QUICK=1 TEST_SRC="$(TEST_SRC)" tests/matrix.sh
	$(BUILD)/test_llmsize tests/data > $(BUILD)/check.out || { grep -E "^FAIL" $(BUILD)/check.out; tail -1 $(BUILD)/check.out; exit 1; }
	tail -1 $(BUILD)/check.out
	./tests/cli.sh ./llmsize
	./tests/detect.sh ./llmsize
	$(BUILD)/check_data
	$(BUILD)/check_rows
	$(BUILD)/gen_index --check
	tests/import.sh $(BUILD)/import

test: $(BUILD)/test_llmsize llmsize $(BUILD)/scheduler $(BUILD)/check_data $(BUILD)/check_rows $(BUILD)/import $(BUILD)/gen_index
	$(MAKE) --no-print-directory matrix
	./llmsize --help >/dev/null && ./llmsize show llama-3.1-8b --json >/dev/null
	! ./llmsize show llama-3.1-9b 2>/dev/null
	./tests/cli.sh ./llmsize
	$(BUILD)/scheduler > $(BUILD)/scheduler.out && grep -q "replicas placed" $(BUILD)/scheduler.out
	./tests/installer.sh
	$(BUILD)/test_llmsize tests/data
	$(BUILD)/check_data
	$(BUILD)/check_rows
	$(BUILD)/gen_index --check
	tests/import.sh $(BUILD)/import
	$(MAKE) --no-print-directory symbols test-asan test-valgrind test-tsan fuzz-replay fuzz-smoke
	$(MAKE) --no-print-directory check-bindings
	$(MAKE) --no-print-directory files-test
	$(MAKE) --no-print-directory python-test
	$(MAKE) --no-print-directory go-test
	$(MAKE) --no-print-directory webhook-test
	$(MAKE) --no-print-directory e2e
	$(MAKE) --no-print-directory js-test web-test
	$(MAKE) --no-print-directory readme-test
	$(MAKE) --no-print-directory mutate

# The library as WebAssembly: clang's wasm32 target and wasm-ld (Debian clang, lld), no C
# library (bindings/js/csrc provides the few functions llmsize.h calls). Exported: the
# functions bindings/js/llmsize.js calls, read from it. web/ gets the JavaScript layer and
# the module as a base64 script, so the page works from file:// as well as any static host.
WASM_CC   ?= clang
JS_DIR     = bindings/js
WASM       = $(JS_DIR)/llmsize.wasm
WASM_EXPORTS = $(shell grep -o 'x\.\(llmsize\|ls\)_[a-z0-9_]*' $(JS_DIR)/llmsize.js | sed 's/.*x\./-Wl,--export=/' | sort -u)
web: $(WASM) web/llmsize.js web/llmsize-wasm.js
	@echo "web: $(WASM) $$(wc -c < $(WASM)) bytes (goal <= 400000); open web/index.html"
$(WASM): $(JS_DIR)/csrc/wasm.c $(JS_DIR)/csrc/string.h $(JS_DIR)/llmsize.js $(HEADERS)
	$(WASM_CC) --target=wasm32 -std=c11 -Oz -ffreestanding -nostdlib -fno-builtin $(WARN) -I$(JS_DIR)/csrc -I. \
	  -Wl,--no-entry -Wl,--strip-all -Wl,-z,stack-size=1048576 $(WASM_EXPORTS) $(JS_DIR)/csrc/wasm.c -o $@
web/llmsize.js: $(JS_DIR)/llmsize.js
	cp $< $@
web/llmsize-wasm.js: $(WASM)
	{ printf '/* llmsize.wasm (make web), gzip in base64: a script loads from file:// where fetch cannot. */\nglobalThis.LLMSIZE_WASM_GZIP = "'; \
	  gzip -9 -n -c $< | base64 -w0; printf '";\n'; } > $@

# The npm package: Node's test runner on the shared vectors and against the CLI, and its
# TypeScript declarations compiled against a use of them.
js-test: web llmsize
	cd $(JS_DIR) && { test -d node_modules/playwright-core && test -d node_modules/typescript || npm ci --no-audit --no-fund; }
	cd $(JS_DIR) && node --test test/llmsize.test.js && npx tsc -p tsconfig.json

# The page in headless Chromium (Debian chromium; CHROMIUM= another): typed into, checked
# against the CLI, audited for labels, roles and contrast, screenshots under build/web/.
CHROMIUM ?= $(shell command -v chromium || command -v chromium-browser)
web-test: web llmsize | $(BUILD)
	cd $(JS_DIR) && { test -d node_modules/playwright-core || npm ci --no-audit --no-fund; }
	mkdir -p $(BUILD)/web
	CHROMIUM="$(CHROMIUM)" OUT=$(BUILD)/web node $(JS_DIR)/test/browser.js

# Page load to first answer in headless Chromium (figures, not assertions).
web-bench: web
	cd $(JS_DIR) && { test -d node_modules/playwright-core || npm ci --no-audit --no-fund; }
	CHROMIUM="$(CHROMIUM)" node bench/web_bench.js

# Every code block of README.md as written, in a fresh directory beside the clone (a fresh
# venv, a fresh Go module, the C example through pkg-config), its shown output checked.
readme-test: llmsize
	python3 tests/readme.py README.md

# Checks that can fail, proven: each published-truth table in tests/data perturbed in turn
# must make the C suite fail (tests/mutate.py; about a minute).
mutate: $(BUILD)/test_llmsize
	python3 tests/mutate.py $(BUILD)/test_llmsize

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
	cd bindings/go && $(GO) run ./internal/gen > planfigures_gen.go

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
	  (cd bindings/go && $(GO) run ./internal/gen) > $(BUILD)/gen/planfigures_gen.go && \
	  cmp $(BUILD)/gen/planfigures_gen.go bindings/go/planfigures_gen.go && \
	  echo "generated Go wrapper, its header copies and the result fields (planfigures_gen.go) are fresh"; fi

# The Python package in a clean virtual environment: install from the source tree, build a
# wheel and check what it carries, pytest, then run the notebook top to bottom.
VENV = $(BUILD)/venv
PY_DEPS = pytest hypothesis nbclient nbformat ipykernel matplotlib pandas build huggingface_hub
python-test: | $(BUILD)
	test -x $(VENV)/bin/python || python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q $(PY_DEPS)
	$(VENV)/bin/pip install -q --force-reinstall --no-deps ./bindings/python
	rm -rf $(BUILD)/dist && $(VENV)/bin/python -m build -q --outdir $(BUILD)/dist bindings/python >/dev/null
	$(VENV)/bin/python bindings/python/tests/check_wheel.py $(BUILD)/dist
	cd $(BUILD) && ../$(VENV)/bin/python -c "import llmsize; print('llmsize', llmsize.version(), 'installed at', llmsize.__file__)"
	$(VENV)/bin/python -m pytest -q bindings/python/tests
	env -u MPLBACKEND $(VENV)/bin/python bindings/python/tests/run_notebook.py examples/notebook.ipynb $(BUILD)/notebook.ipynb

# The Go binding: vet, tests (shared vectors) under the race detector, and a short run of
# each fuzz target (go-fuzz-long runs them for longer).
GO       ?= go
GO_DIR    = bindings/go
# A count of executions, not a duration: a duration races Go's fuzz coordinator at its deadline
# and fails with a bare "context deadline exceeded" and no failing input (golang/go#75804, fixed
# in Go 1.27; this repo's CI runs 1.26). 100000 executions take 2-10 s per target on 2 cores.
FUZZTIME ?= 100000x
go-test:
	cd $(GO_DIR) && $(GO) vet ./... && $(GO) test -count=1 -race ./...
	cd $(GO_DIR) && for f in FuzzPlanFromArgs FuzzLookup FuzzModelFromHFConfig FuzzInspect; do \
	  $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) . > $(CURDIR)/$(BUILD)/fuzz-$$f.log 2>&1 || \
	    { tail -30 $(CURDIR)/$(BUILD)/fuzz-$$f.log; exit 1; }; echo "fuzz $$f $(FUZZTIME): ok"; done
go-fuzz-long:
	$(MAKE) --no-print-directory go-test FUZZTIME=2000000x

# The admission webhook (its own Go module): vet, unit tests with AdmissionReview fixtures
# under the race detector, and a short fuzz of the HTTP handler.
WEBHOOK_DIR = examples/admission-webhook
webhook-test:
	cd $(WEBHOOK_DIR) && $(GO) vet ./... && $(GO) vet -tags e2e . && $(GO) vet -tags load . && $(GO) test -count=1 -race ./...
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

# Benchmarks (numbers, never assertions): C per-call costs and the full sweep, the header's
# compile time and object size, then the Python and Go per-call overheads.
bench: | $(BUILD)
	$(CC) -std=c99 -O2 $(WARN) -I. bench/bench.c llmsize.c -o $(BUILD)/bench
	$(BUILD)/bench
	@for o in -O0 -O2; do t0=$$(date +%s%N); $(CC) -std=c99 $$o -I. -c llmsize.c -o $(BUILD)/bench_tu.o; t1=$$(date +%s%N); \
	  echo "compile: llmsize.c (header + tables) as one translation unit at $$o: $$(( (t1 - t0) / 1000000 )) ms, object $$(size $(BUILD)/bench_tu.o | awk 'NR==2{print $$1" B text, "$$2" B data"}')"; done
	$(MAKE) --no-print-directory fuzz-bench bench-python bench-go
# The library's cost per fuzz input (bench/fuzz_bench.c): each target over its committed corpus.
fuzz-bench: | $(BUILD)
	@echo; echo "fuzz targets, library cost per input (-O2, no sanitizers; the campaign's ASan+UBSan+coverage build runs several times slower):"; \
	echo "| target    | inputs | us (med) | spread (min-max)  | inputs/s  |"; echo "|---|---|---|---|---|"; \
	for t in $(FUZZ_TARGETS); do $(CC) -std=c99 -O2 $(WARN) -I. -Ifuzz fuzz/fuzz_$$t.c bench/fuzz_bench.c llmsize.c -o $(BUILD)/fuzz_bench_$$t && \
	  $(BUILD)/fuzz_bench_$$t $$t fuzz/corpus/$$t/* || exit 1; done

# The side-by-side accuracy report: llmsize and other tools' published formulas on the same
# published measurements -> docs/accuracy.md and docs/accuracy-*.png (matplotlib in a venv).
accuracy: | $(BUILD)
	mkdir -p $(BUILD)/accuracy docs
	$(CC) -std=c99 -O2 $(WARN) -I. -Itests tools/accuracy.c llmsize.c -lm -o $(BUILD)/accuracy/accuracy
	$(BUILD)/accuracy/accuracy tests/data $(BUILD)/accuracy > docs/accuracy.md
	test -x $(VENV)/bin/python || python3 -m venv $(VENV)
	$(VENV)/bin/python -c "import matplotlib" 2>/dev/null || $(VENV)/bin/pip install -q matplotlib
	$(VENV)/bin/python tools/accuracy_plots.py $(BUILD)/accuracy docs
	@grep -A6 "^### " docs/accuracy.md | grep "^###\\|^| llmsize"

# Python per-call overhead and sweep time (numbers, not assertions).
bench-python: python-test
	$(VENV)/bin/python bench/python_bench.py

# The C tests under AddressSanitizer + UndefinedBehaviorSanitizer (no recovery).
test-asan: | $(BUILD)
	$(CC) -std=c99 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover $(WARN) -I. -Itests -DLLMSIZE_VECTORS_NO_MAIN $(TEST_SRC) llmsize.c -lm -o $(BUILD)/test_asan
	$(BUILD)/test_asan tests/data

# ---- Hardening (see "How it is tested" in README.md) ----
# valgrind memcheck over the C tests and the CLI's main job; errors fail.
test-valgrind: $(BUILD)/test_llmsize llmsize
	valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=all $(BUILD)/test_llmsize tests/data > $(BUILD)/valgrind.out; \
	  rc=$$?; tail -1 $(BUILD)/valgrind.out; exit $$rc
	valgrind -q --error-exitcode=99 --leak-check=full ./llmsize run > /dev/null && echo "valgrind: llmsize run clean"

# Eight threads calling the library at once under ThreadSanitizer.
test-tsan: | $(BUILD)
	$(TSAN_CC) -std=c99 -g -O1 -fsanitize=thread $(WARN) -I. tests/test_threads.c llmsize.c -pthread -o $(BUILD)/test_tsan
	TSAN_OPTIONS=halt_on_error=1 $(BUILD)/test_tsan
TSAN_CC = $(shell command -v clang >/dev/null 2>&1 && echo clang || echo $(CC))

# The library object may reference nothing but <string.h>: no allocator, no stdio, no libm.
symbols: $(BUILD)/llmsize.o
	@bad=$$(nm -u $(BUILD)/llmsize.o | awk '{print $$2}' | grep -v -E '^(mem(cmp|cpy|move|set)|str(chr|cmp|cspn|len|ncmp|rchr|spn|str))$$'); \
	if [ -n "$$bad" ]; then echo "llmsize.o references: $$bad"; exit 1; fi; \
	echo "symbols: llmsize.o references only $$(nm -u $(BUILD)/llmsize.o | awk '{print $$2}' | tr '\n' ' ')"

# libFuzzer targets (clang): fuzz/fuzz_*.c. `make fuzz` runs each for FUZZ_SECONDS with
# its committed corpus and dictionary; `make fuzz-smoke` (part of make test) for 10 s.
FUZZ_TARGETS = names command hf_config calc file resolve select
FUZZ_SECONDS ?= 300
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all $(WARN)
$(BUILD)/fuzz/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz_common.h $(HEADERS) | $(BUILD)
	mkdir -p $(BUILD)/fuzz
	clang $(FUZZ_FLAGS) -I. -Ifuzz $< llmsize.c -o $@
fuzz: $(addprefix $(BUILD)/fuzz/fuzz_,$(FUZZ_TARGETS))
	@for t in $(FUZZ_TARGETS); do mkdir -p $(BUILD)/fuzz/corpus_$$t; \
	  dict=""; [ -f fuzz/$$t.dict ] && dict="-dict=fuzz/$$t.dict"; \
	  $(BUILD)/fuzz/fuzz_$$t $$dict -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix=$(BUILD)/fuzz/ $(BUILD)/fuzz/corpus_$$t fuzz/corpus/$$t > $(BUILD)/fuzz/$$t.log 2>&1 \
	    || { tail -30 $(BUILD)/fuzz/$$t.log; exit 1; }; \
	  echo "fuzz $$t: $$(grep -o 'number_of_executed_units: [0-9]*' $(BUILD)/fuzz/$$t.log | cut -d' ' -f2) executions in $(FUZZ_SECONDS) s, $$(grep -o 'cov: [0-9]*' $(BUILD)/fuzz/$$t.log | tail -1), no crash"; done
fuzz-smoke:
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=10
# The first 60 inputs of each committed corpus through its target without libFuzzer, under
# valgrind (the whole corpora run under ASan+UBSan at the start of every fuzz run).
fuzz-replay: | $(BUILD)
	@for t in $(FUZZ_TARGETS); do \
	  $(CC) -std=c99 -g -O1 $(WARN) -I. -Ifuzz fuzz/fuzz_$$t.c fuzz/replay.c llmsize.c -o $(BUILD)/replay_$$t && \
	  valgrind -q --error-exitcode=99 $(BUILD)/replay_$$t $$(ls fuzz/corpus/$$t/* | head -60) > $(BUILD)/replay_$$t.out || exit 1; \
	  echo "fuzz-replay $$t: $$(cat $(BUILD)/replay_$$t.out) under valgrind, clean"; done

# Exact mode against real files: tests/gen_files.py writes GGUF and safetensors files with the
# gguf and safetensors packages; the C reader (under ASan+UBSan) and `llmsize inspect` must
# give the writers' numbers byte for byte.
files-test: llmsize | $(BUILD)
	test -x $(VENV)/bin/python || python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q gguf safetensors numpy
	$(VENV)/bin/python tests/gen_files.py $(BUILD)/files
	$(CC) -std=c99 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover $(WARN) -I. tests/test_files.c llmsize.c -o $(BUILD)/test_files
	$(BUILD)/test_files $(BUILD)/files
	@grep -v '^#' $(BUILD)/files/expected.tsv | while IFS='	' read -r file kind n bytes params rest; do \
	  out=$$(./llmsize inspect $(BUILD)/files/$$file --json) || exit 1; \
	  echo "$$out" | grep -q "\"tensor_bytes\": $$bytes, \"params\": $$params" || { echo "inspect $$file: $$out"; exit 1; }; \
	done && echo "inspect: byte-exact totals and parameters on every generated file"
	./llmsize fit $(BUILD)/files/llama-3.1-8b-shaped.gguf --gpu rtx-4090 | grep -q "(matches llama-3.1-8b)"
	f=published-mistral-7b-instruct-v0.2_Q3_K_M.gguf; bytes=$$(grep "^$$f" $(BUILD)/files/expected.tsv | cut -f4); \
	  ./llmsize fit $(BUILD)/files/$$f --gpu rtx-4090 --json | grep -q "\"weight_bytes\": $$bytes," && \
	  ./llmsize fit $(BUILD)/files/$$f --gpu rtx-4090 | grep -q "table models: mistral-7b-v0.1, mistral-7b-instruct-v0.2" && \
	  echo "fit FILE.gguf: the table row its architecture and name match, else the file's own metadata; the header's exact bytes"

# Branch coverage of llmsize.h by the C tests plus the fuzz corpora (committed seeds and,
# when `make fuzz` has run, what it found), with gcov: one instrumented object, many runs.
COV = $(BUILD)/cov
coverage: | $(BUILD)
	rm -rf $(COV) && mkdir -p $(COV)
	$(CC) -std=c99 -O0 --coverage -I. -c llmsize.c -o $(COV)/llmsize.o
	$(CC) -std=c99 -O0 --coverage -I. -Itests -DLLMSIZE_VECTORS_NO_MAIN $(TEST_SRC) $(COV)/llmsize.o -lm -o $(COV)/test_cov
	$(COV)/test_cov tests/data > /dev/null
	@for t in $(FUZZ_TARGETS); do \
	  $(CC) -std=c99 -O0 --coverage -I. -Ifuzz fuzz/fuzz_$$t.c fuzz/replay.c $(COV)/llmsize.o -o $(COV)/replay_$$t && \
	  find fuzz/corpus/$$t $(BUILD)/fuzz/corpus_$$t -type f 2>/dev/null | xargs $(COV)/replay_$$t > /dev/null || exit 1; done
	cd $(COV) && gcov -b -o . llmsize.o > gcov.txt 2>/dev/null; \
	  awk '/^File .llmsize.h.$$/{f=1;next} /^File /{f=0} f && NF' gcov.txt | sed 's/^/llmsize.h: /'

install: llmsize
	install -d $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 644 $(HEADERS) $(DESTDIR)$(PREFIX)/include/
	install -m 755 llmsize $(DESTDIR)$(PREFIX)/bin/
	sed -e 's|@PREFIX@|$(PREFIX)|' llmsize.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/llmsize.pc

clean:
	rm -rf $(BUILD) llmsize $(WASM) web/llmsize.js web/llmsize-wasm.js


.PHONY: vectors
.PHONY: check calibrate index files-test accuracy bench fuzz-bench all run matrix test test-asan test-valgrind test-tsan symbols fuzz fuzz-smoke fuzz-replay coverage bindings check-bindings python-test bench-python go-test go-fuzz-long bench-go webhook-test e2e webhook-load readme-test mutate web js-test web-test web-bench FORCE install clean
FORCE:

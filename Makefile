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

# SWIG wrappers generated from bindings/llmsize.i and committed (so pip install and go get
# need no SWIG). `make bindings` regenerates them; `make check-bindings` proves they are fresh.
SWIG         ?= swig
SWIG_VERSION  = 4.1.0
PY_GEN        = bindings/python/src/llmsize
bindings:
	@$(SWIG) -version | grep -q "SWIG Version $(SWIG_VERSION)" || { echo "need SWIG $(SWIG_VERSION)"; exit 1; }
	$(SWIG) -python -I. -o $(PY_GEN)/llmsize_wrap.c -outdir $(PY_GEN) bindings/llmsize.i

check-bindings: | $(BUILD)
	@command -v $(SWIG) >/dev/null || { echo "check-bindings: no SWIG here, generated wrappers not checked (CI installs it)"; exit 0; }; \
	$(SWIG) -version | grep -q "SWIG Version $(SWIG_VERSION)" || { echo "need SWIG $(SWIG_VERSION) to check the generated wrappers"; exit 1; }
	@if command -v $(SWIG) >/dev/null; then \
	  rm -rf $(BUILD)/gen && mkdir -p $(BUILD)/gen/py && \
	  $(SWIG) -python -I. -o $(BUILD)/gen/py/llmsize_wrap.c -outdir $(BUILD)/gen/py bindings/llmsize.i && \
	  cmp $(BUILD)/gen/py/llmsize_wrap.c $(PY_GEN)/llmsize_wrap.c && cmp $(BUILD)/gen/py/core.py $(PY_GEN)/core.py && \
	  echo "generated Python wrapper is fresh"; fi

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
.PHONY: all run matrix test test-asan bindings check-bindings python-test bench-python install clean

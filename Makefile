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

TEST_SRC = tests/test_llmsize.c tests/test_choose.c tests/test_plans.c tests/tu_second.c
$(BUILD)/test_llmsize: $(TEST_SRC) tests/testing.h $(BUILD)/llmsize.o | $(BUILD)
	$(CC) -std=c99 $(WARN) $(CFLAGS) -I. -Itests $(TEST_SRC) $(BUILD)/llmsize.o -lm -o $@

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

# The C tests under AddressSanitizer + UndefinedBehaviorSanitizer (no recovery).
test-asan: | $(BUILD)
	$(CC) -std=c99 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover $(WARN) -I. -Itests $(TEST_SRC) llmsize.c -lm -o $(BUILD)/test_asan
	$(BUILD)/test_asan tests/data

install: llmsize
	install -d $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 644 $(HEADERS) $(DESTDIR)$(PREFIX)/include/
	install -m 755 llmsize $(DESTDIR)$(PREFIX)/bin/
	sed -e 's|@PREFIX@|$(PREFIX)|' llmsize.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/llmsize.pc

clean:
	rm -rf $(BUILD) llmsize

.PHONY: all run matrix test test-asan install clean

# Makefile — builds libluat (the search library), bin/luat-search, and the
# tests. `make` builds; `make test` builds and runs every test; see `make help`.

BUILD    ?= build
CC       ?= cc
CXX      ?= c++
PKGS     := xapian-core icu-uc icu-i18n libpcre2-8 libmicrohttpd jansson
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
OPT      ?= -O2
SAN      ?=
WARN     := -Wall -Wextra
CFLAGS   += -std=c11 -D_GNU_SOURCE $(OPT) -g $(WARN) $(SAN) -MMD -MP $(PKG_CFLAGS)
CXXFLAGS += -std=c++11 $(OPT) -g $(WARN) $(SAN) -MMD -MP $(PKG_CFLAGS)
LDFLAGS  += $(SAN)
LDLIBS   += $(PKG_LIBS) -lpthread -lm

LIB_DIRS := common text cite corpus format indexer query review api
LIB_C    := $(sort $(foreach d,$(LIB_DIRS),$(wildcard $(d)/*.c)))
LIB_CXX  := xapian/xc.cc
WEB_FILES := $(sort $(wildcard api/web/*))
WEB_OBJ  := $(BUILD)/api/web_assets.o
LIB_OBJ  := $(LIB_C:%.c=$(BUILD)/%.o) $(LIB_CXX:%.cc=$(BUILD)/%.o) $(WEB_OBJ)
LIB      := $(BUILD)/libluat.a
# the one version string (VERSION): --version, MCP, /openapi.json, debian/changelog
LS_VERSION := $(shell cat VERSION)

CLI_C    := $(sort $(wildcard cli/*.c))
CLI_OBJ  := $(CLI_C:%.c=$(BUILD)/%.o)
BIN      := bin/luat-search
ifneq ($(BUILD),build)
BIN      := $(BUILD)/bin/luat-search
endif

TEST_C   := $(sort $(wildcard tests/unit/test_*.c tests/integration/test_*.c))
TEST_BIN := $(TEST_C:tests/%.c=$(BUILD)/tests/%)
TEST_SUPPORT_C := $(sort $(wildcard tests/support/*.c))
TEST_SUPPORT_OBJ := $(TEST_SUPPORT_C:%.c=$(BUILD)/%.o)

.PHONY: all deps bench-run bench-scale test test-run test-mcp-sdk test-mcp-sdk-run test-mcp-conformance soak check-asan check-valgrind fuzz fuzz-long crash-loop bench eval ablation clean help sample sample-run

all: $(BIN)

help:
	@echo "make              build bin/luat-search"
	@echo "make deps         install the Debian packages the project needs"
	@echo "make sample       build, index corpus/sample and ask a sample question"
	@echo "make test         build and run every test (unit + integration)"
	@echo "make test-mcp-sdk the MCP server through the official TypeScript SDK (needs npm)"
	@echo "make test-mcp-conformance  the MCP conformance suite against serve's /mcp"
	@echo "make check-asan   the test suite under ASan + UBSan"
	@echo "make check-valgrind  the test suite under valgrind memcheck"
	@echo "make soak         serve under load while indexing, SOAK_SECONDS (default 60)"
	@echo "make fuzz         run each libFuzzer target for FUZZ_SECONDS (default 30)"
	@echo "make fuzz-long    the same, resumable, niced, corpus kept under build/fuzz"
	@echo "make crash-loop   CRASH_KILLS (50) random kills of index, compact, remove"
	@echo "make bench        benchmarks (needs ../shared/corpus)"
	@echo "make bench-scale  growth with the corpus: BENCH_SCALES (1 4 10) x BENCH_BASE (1) of the pháp điển"
	@echo "make eval         relevance evaluation (needs ../shared/corpus and ../shared/eval)"
	@echo "make ablation     each ranking lever off in turn, on make eval's indexes"
	@echo "make install      install under PREFIX (/usr/local) and DESTDIR; make uninstall"
	@echo "make test-deb     build the .deb, install it, try it, remove it (dist/test-deb)"
	@echo "make test-unit-systemd  the service under a real systemd, both install routes"

deps:
	@scripts/install-deps

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/%.o: %.cc
	@mkdir -p $(dir $@)
	$(CXX) $(CPPFLAGS) $(CXXFLAGS) -c $< -o $@

# the web page, embedded into the library (api/web_assets.h)
$(BUILD)/api/web_assets.c: $(WEB_FILES) scripts/embed-assets VERSION
	@mkdir -p $(dir $@)
	LS_VERSION=$(LS_VERSION) scripts/embed-assets $@ $(WEB_FILES)

$(BUILD)/common/version.o: common/version.c VERSION
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -DLS_VERSION='"$(LS_VERSION)"' -c $< -o $@

$(WEB_OBJ): $(BUILD)/api/web_assets.c api/web_assets.h
	$(CC) $(CPPFLAGS) $(CFLAGS) -I. -c $< -o $@

$(LIB): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	@mkdir -p $(dir $@)
	$(CXX) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(LDLIBS)

$(BUILD)/tests/%: tests/%.c $(TEST_SUPPORT_OBJ) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@.o
	$(CXX) $(LDFLAGS) -o $@ $@.o $(TEST_SUPPORT_OBJ) $(LIB) $(LDLIBS) -lcmocka

# `sample` and `test` install missing packages first, then re-enter make so
# pkg-config sees them: each works alone on a fresh machine.
sample:
	@scripts/install-deps
	@$(MAKE) --no-print-directory sample-run

sample-run: $(BIN)
	@scripts/sample-run $(BIN)

# `make test` also runs the MCP SDK test and the conformance suite after the
# cmocka suite (LS_MCP=1: tests/mcp/run-mcp-tests; not under check-asan/-valgrind)
test:
	@LS_DEPS_MCP=1 scripts/install-deps
	@$(MAKE) --no-print-directory test-run LS_MCP=1

test-run: $(BIN) $(TEST_BIN) $(if $(filter 1,$(LS_MCP)),$(BUILD)/tests/mcp/test_mcp_sdk)
	@LS_MCP=$(LS_MCP) scripts/run-tests $(BUILD) $(BIN)

# The MCP server driven by the official TypeScript SDK, and the conformance
# suite (the npm registry once, for tests/mcp/node_modules).
test-mcp-sdk:
	@LS_DEPS_MCP=1 scripts/install-deps
	@$(MAKE) --no-print-directory test-mcp-sdk-run

test-mcp-sdk-run: $(BIN) $(BUILD)/tests/mcp/test_mcp_sdk
	@tests/mcp/run-mcp-tests $(BUILD) $(BIN) sdk

test-mcp-conformance: $(BIN)
	@LS_DEPS_MCP=1 scripts/install-deps
	@tests/mcp/run-mcp-tests $(BUILD) $(BIN) conformance

check-asan:
	$(MAKE) BUILD=build-asan OPT=-O1 SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" test-run

check-valgrind:
	$(MAKE) BUILD=build-vg OPT=-O1 build-vg/bin/luat-search $(TEST_C:tests/%.c=build-vg/tests/%)
	VALGRIND=1 scripts/run-tests build-vg build-vg/bin/luat-search

# a bounded soak: serve under load while indexing (tests/soak/run-soak)
SOAK_SECONDS ?= 60
soak: $(BIN)
	@tests/soak/run-soak $(BIN) $(SOAK_SECONDS)

FUZZ_SECONDS ?= 30
fuzz:
	@FUZZ_BUILD="$(FUZZ_BUILD)" FUZZ_FLAGS="$(FUZZ_FLAGS)" scripts/run-fuzz $(FUZZ_SECONDS)

# random kills of index, compact and remove (tests/crash-loop): CRASH_KILLS each
CRASH_KILLS ?= 50
crash-loop: $(BIN) $(BUILD)/tests/integration/test_crash_kills
	@BUILD=$(BUILD) tests/crash-loop $(CRASH_KILLS)

# resumable: corpus kept and minimised in build/fuzz, every run in tests/fuzz/depth.tsv (committed);
# FUZZ_BUILD=ub: UBSan-only depth runs, the corpus replayed under ASan (scripts/run-fuzz)
fuzz-long:
	@FUZZ_BUILD="$(FUZZ_BUILD)" FUZZ_FLAGS="$(FUZZ_FLAGS)" scripts/run-fuzz $(FUZZ_SECONDS) --long $(FUZZ_TARGETS)

# `bench` installs what it runs (wrk, SQLite, gnuplot) first, as `test` does
bench:
	@LS_DEPS_BENCH=1 scripts/install-deps
	@$(MAKE) --no-print-directory bench-run

bench-run: $(BIN)
	@bench/run-bench $(BIN)

# growth with the corpus: BENCH_SCALES (1 4 10) x BENCH_BASE (1 = the whole
# pháp điển) as one index and BENCH_SHARDS (2) shards; table and curve under build/bench/scale
BENCH_SCALES ?= 1 4 10
BENCH_BASE   ?= 1
BENCH_SHARDS ?= 2
bench-scale: $(BIN)
	@LS_DEPS_BENCH=1 scripts/install-deps
	@BENCH_SCALES="$(BENCH_SCALES)" BENCH_BASE=$(BENCH_BASE) BENCH_SHARDS=$(BENCH_SHARDS) bench/run-scale $(BIN)

eval: $(BIN)
	@bench/run-eval $(BIN)

# what each ranking lever adds, on make eval's indexes (bench/ablation)
ablation: $(BIN)
	@bench/ablation $(BIN)

clean:
	rm -rf build build-asan build-vg build-fuzz bin

include dist/dist.mk

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

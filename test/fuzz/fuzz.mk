#-------------------------------------------------------------------------
#
# fuzz.mk
#	  Build the libFuzzer targets with AddressSanitizer and
#	  UndefinedBehaviorSanitizer (called by test/fuzz/run.sh, which decides
#	  which targets can be built).
#
#	make -f test/fuzz/fuzz.mk TARGETS="fuzz_decimal fuzz_floats ..."
#
# The core is compiled once with coverage instrumentation into
# test/fuzz/build/core; each target links all of it.  Every undefined
# behaviour aborts (no recovery), so that libFuzzer keeps the input.
#
#-------------------------------------------------------------------------

FUZZ_CC ?= clang
BUILD = test/fuzz/build
CORE_SRCS = $(sort $(shell find src/core -name '*.c'))
CORE_HDRS = $(shell find src/core -name '*.h')
CORE_OBJS = $(patsubst src/core/%.c,$(BUILD)/core/%.o,$(CORE_SRCS))
TARGETS ?=
TARGET_BINS = $(addprefix $(BUILD)/,$(TARGETS))

SANITIZE = -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
FUZZ_CFLAGS = -std=gnu11 -O1 -g -Wall -Wextra -Wno-unused-parameter \
	-Isrc/core -Itest/fuzz $(SANITIZE)

.PHONY: all clean
.SECONDARY:

all: $(TARGET_BINS)

$(BUILD)/core/%.o: src/core/%.c $(CORE_HDRS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(BUILD)/fuzz_%: test/fuzz/fuzz_%.c $(wildcard test/fuzz/*.h) $(CORE_OBJS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(CORE_OBJS) -lz -lbz2 -lzstd -lcurl -lcrypto -lm

clean:
	rm -rf $(BUILD)

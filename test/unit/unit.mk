#-------------------------------------------------------------------------
#
# unit.mk
#	  Core unit tests (cmocka), built without any PostgreSQL header: this
#	  build is also the proof that src/core stands on its own.
#
#	make -f test/unit/unit.mk run	  build and run every test/unit/*/test_*.c
#
#-------------------------------------------------------------------------

CC ?= cc
BUILD = build/unit
CORE_SRCS = $(sort $(shell find src/core -name '*.c'))
CORE_HDRS = $(shell find src/core -name '*.h')
CORE_OBJS = $(patsubst src/core/%.c,$(BUILD)/core/%.o,$(CORE_SRCS))
# the tests mirror the tree: test/unit/<module>/test_*.c
TEST_SRCS = $(sort $(shell find test/unit -name 'test_*.c'))
TEST_BINS = $(patsubst test/unit/%.c,$(BUILD)/%,$(TEST_SRCS))
UNIT_CFLAGS = -std=gnu11 -O1 -g -Wall -Wextra -Wmissing-prototypes -Isrc/core -Itest/unit \
	-DZF_SOURCE_DIR=\"$(CURDIR)\"

.PHONY: all run clean
.SECONDARY:

all: $(TEST_BINS)

$(BUILD)/core/%.o: src/core/%.c $(CORE_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(UNIT_CFLAGS) -c -o $@ $<

$(BUILD)/%: test/unit/%.c $(CORE_OBJS) $(shell find test/unit -name '*.h')
	@mkdir -p $(dir $@)
	$(CC) $(UNIT_CFLAGS) -o $@ $< $(CORE_OBJS) -lcmocka -lz -lbz2 -lzstd -lcurl -lcrypto -lm

run: all
	@scripts/run_unit.sh $(TEST_BINS)

clean:
	rm -rf $(BUILD)

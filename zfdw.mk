#-------------------------------------------------------------------------
#
# zfdw.mk
#	  PGXS build of the zfdw extension (called from Makefile).
#
#-------------------------------------------------------------------------

MODULE_big = zfdw
# every .c below src/core and src/fdw, subfolders included (one Makefile
# for the whole tree, as citus builds src/backend/distributed)
CORE_SRCS = $(sort $(shell find src/core -name '*.c'))
FDW_SRCS = $(sort $(shell find src/fdw -name '*.c'))
ZF_HEADERS = $(shell find src/core src/fdw -name '*.h')
OBJS = $(CORE_SRCS:.c=.o) $(FDW_SRCS:.c=.o)

EXTENSION = zfdw
# The current version's script is made from sql/*.sql; the upgrade script
# from the parts that 1.0 did not have and sql/upgrade/ (changes to the
# objects 1.0 had); 1.0's own script is kept as released, so that an
# installed 1.0 can be made again and upgraded.
ZF_VERSION = 1.1
SQL_PARTS = $(sort $(wildcard sql/*.sql))
SQL_PARTS_1_0 = sql/00_wrapper.sql sql/10_functions.sql sql/20_punch.sql \
	sql/40_ddl.sql sql/50_apply.sql
SQL_UPGRADE_1_0 = $(sort $(wildcard sql/upgrade/zfdw--1.0--1.1*.sql)) \
	$(filter-out $(SQL_PARTS_1_0),$(SQL_PARTS))
DATA_built = zfdw--$(ZF_VERSION).sql zfdw--1.0--1.1.sql
DATA = sql/released/zfdw--1.0.sql

PG_CPPFLAGS = -Isrc/core -Isrc/fdw
PG_CFLAGS = -Wextra

# the decompressors of src/core/io and the HET blocks of src/core/archive
# (zlib1g-dev, libbz2-dev, libzstd-dev); S3 objects: HTTP(S) through
# libcurl, SigV4 through OpenSSL's libcrypto
SHLIB_LINK += -lz -lbz2 -lzstd -lcurl -lcrypto

# Bitcode for JIT inlining buys nothing for a foreign-data wrapper and would
# make "make install" depend on clang; leave it out on purpose.
override with_llvm = no

# Export only what PostgreSQL looks up by name (see scripts/exports.sh).
SHLIB_LINK += -Wl,--version-script=exports.map
EXTRA_CLEAN = exports.map

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# Debian's PGXS flags are gcc's; with clang, drop the ones it does not know.
ifneq (,$(findstring clang,$(CC)))
override CFLAGS := $(filter-out -fexcess-precision=standard -Wimplicit-fallthrough=3 \
	-Wno-format-truncation -Wno-stringop-truncation -Wcast-function-type \
	-Wshadow=compatible-local -Wimplicit-fallthrough=5 -Wold-style-declaration,$(CFLAGS))
endif

# -Wextra is for our code: PostgreSQL's own headers are system headers here
# (unused parameters in their inline functions are not ours to fix).
override CPPFLAGS := -isystem $(includedir_server) $(CPPFLAGS)

# The extension script is the concatenation of the parts in sql/, in name
# order, so that each concern keeps its SQL beside its C file's name.
zfdw--$(ZF_VERSION).sql: $(SQL_PARTS)
	cat $(SQL_PARTS) > $@

zfdw--1.0--1.1.sql: $(SQL_UPGRADE_1_0)
	cat /dev/null $(SQL_UPGRADE_1_0) > $@

exports.map: $(SQL_PARTS) scripts/exports.sh
	scripts/exports.sh $(SQL_PARTS) > $@

$(shlib): exports.map

# core must never see PostgreSQL headers: compile it without them.
src/core/%.o: src/core/%.c
	$(CC) $(CFLAGS) $(CFLAGS_SL) -Wextra -Isrc/core -c -o $@ $<

# PGXS tracks no header dependencies: rebuild everything when a header
# changes (the tree is small; a stale struct layout is not).
$(OBJS): $(ZF_HEADERS)

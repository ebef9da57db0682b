#-------------------------------------------------------------------------
#
# Makefile
#	  The user-facing targets of zfdw.
#
# "make demo" and "make check" must work on a fresh Debian 12 machine where
# PostgreSQL is not installed yet, so this file does not include PGXS; the
# extension itself is built by zfdw.mk, which does.
#
#	make            build the extension (needs postgresql-server-dev-15)
#	make install    install it into the PostgreSQL found by pg_config
#	make demo       install what is missing, build, install, run the demo
#	make examples   the documents' example files into /srv/zfdw (EXAMPLES_DIR=...)
#	make check      every test: core unit tests, pg_regress, conformance
#	make unit       the core unit tests only (no PostgreSQL needed)
#	make bench      the benchmarks in test/bench (not tests)
#	make fuzz       build and run the libFuzzer targets for a short while
#	make deb        Debian packages postgresql-NN-zfdw into build/deb/
#	make dist       the PGXN release archive build/zfdw-VERSION.zip (from git)
#
#-------------------------------------------------------------------------

PG_CONFIG ?= pg_config

.PHONY: all install uninstall clean installcheck demo examples check unit bench fuzz deps deb dist

all install uninstall installcheck:
	$(MAKE) -f zfdw.mk PG_CONFIG=$(PG_CONFIG) $@

clean:
	-$(MAKE) -f zfdw.mk PG_CONFIG=$(PG_CONFIG) clean
	$(MAKE) -f test/unit/unit.mk clean
	rm -rf build results regression.diffs regression.out test/fuzz/build

deps:
	scripts/deps.sh

demo:
	scripts/demo.sh

examples:
	scripts/examples.sh

check:
	scripts/check.sh

deb:
	scripts/deb.sh

dist:
	scripts/dist.sh

unit:
	$(MAKE) -f test/unit/unit.mk run

bench:
	test/bench/run.sh

fuzz:
	test/fuzz/run.sh

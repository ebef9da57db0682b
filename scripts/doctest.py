#!/usr/bin/env python3
#-------------------------------------------------------------------------
#
# doctest.py
#	  Run every ```sql block of the given Markdown documents, in order, and
#	  compare each block's output with the output the document shows.
#
#	doctest.py --host H --port P [--map FROM=TO ...] DOC...
#
# Each document runs in one psql session of its own, against a database
# made fresh for it (the connection comes from the options; psql is the
# one on PATH), so that what a block sets up is there for the blocks after
# it, as for a reader who pastes them one after the other into psql.
#
# A document shows a block's output in the untagged fence (```) right
# after the ```sql fence.  The output is compared line by line, trailing
# blanks ignored; a line "..." in the shown output stands for any number
# of lines.  A block whose output is not shown passes when it raises no
# ERROR.  A block that shows an ERROR passes only with that ERROR.  Blocks
# that are not meant to run (DB2 DDL, JCL, shell, grammar) carry another
# language tag and are not run.
#
# --map FROM=TO replaces FROM in the SQL by TO (the path prefix of the
# example files by the place where the test put them, say), and TO by FROM
# in the output; "{db}" in TO stands for the document's database.
# --tag TAG runs the blocks tagged TAG too (``` sql-remote blocks, which
# need a second server, when the maps make the test cluster play it).
#
# Prints one line per block that fails (with a diff), one line per
# document with its count of blocks, and last
# "doctest: N passed, M failed", counting blocks.  Exit status 1 when a
# block failed.
#
#-------------------------------------------------------------------------
import argparse
import difflib
import os
import re
import subprocess
import sys
import tempfile

MARK = "@@zfdw-doctest-block@@"
PSQL_PREFIX = re.compile(r"^psql:[^:]*:\d+: ")


class Block:
	"""One ```sql block of a document and the output it shows, if any."""

	def __init__(self, doc, line, sql):
		self.doc = doc
		self.line = line
		self.sql = sql
		self.shown = None


def parse_blocks(path, tags=("sql",)):
	"""The blocks of a Markdown file tagged to run, each with its shown output."""
	blocks = []
	with open(path, encoding="utf-8") as f:
		lines = f.read().split("\n")
	i = 0
	last_sql = None
	while i < len(lines):
		m = re.match(r"^(\s*)(```+|~~~+)\s*([A-Za-z0-9_+-]*)", lines[i])
		if not m:
			if lines[i].strip():
				last_sql = None
			i += 1
			continue
		indent, fence, lang = m.group(1), m.group(2), m.group(3)
		start = i
		body = []
		i += 1
		while i < len(lines) and not lines[i].strip().startswith(fence):
			body.append(lines[i][len(indent):] if lines[i].startswith(indent) else lines[i])
			i += 1
		i += 1
		if lang in tags:
			last_sql = Block(path, start + 1, "\n".join(body))
			blocks.append(last_sql)
		elif lang == "" and last_sql is not None and last_sql.shown is None:
			last_sql.shown = body
			last_sql = None
		else:
			last_sql = None
	return blocks


def run_document(psql, blocks, maps, dbname):
	"""Run the blocks in one psql session; return each block's output."""
	script = []
	for b in blocks:
		sql = b.sql
		for src, dst in maps:
			sql = sql.replace(src, dst.replace("{db}", dbname))
		script.append("\\echo " + MARK)
		script.append(sql)
		script.append("")
	with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False,
									 encoding="utf-8") as f:
		f.write("\n".join(script))
		name = f.name
	os.chmod(name, 0o644)
	try:
		# stderr into the same pipe as stdout: psql flushes its results
		# before it prints a message, so the order is the reader's
		out = subprocess.run(
			psql + ["-X", "-q", "-d", dbname, "-v", "ON_ERROR_STOP=0",
					"-P", "pager=off", "-f", name],
			stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
			env=dict(os.environ, PGOPTIONS="-c client_min_messages=notice"),
		).stdout.decode("utf-8", "replace")
	finally:
		os.unlink(name)
	for src, dst in maps:
		out = out.replace(dst.replace("{db}", dbname), src)
	parts = out.split(MARK + "\n")
	# parts[0] is whatever came before the first mark (nothing)
	return [[PSQL_PREFIX.sub("", l) for l in p.rstrip("\n").split("\n")] if p.strip() else []
			for p in parts[1:]]


def matches(shown, actual):
	"""Whether the actual lines match the shown ones ("..." = any lines)."""
	shown = [l.rstrip() for l in shown]
	actual = [l.rstrip() for l in actual]
	while shown and not shown[-1]:
		shown.pop()
	while actual and not actual[-1]:
		actual.pop()

	def match_from(si, ai):
		while si < len(shown):
			if shown[si].strip() == "...":
				return any(match_from(si + 1, k) for k in range(ai, len(actual) + 1))
			if ai >= len(actual) or shown[si] != actual[ai]:
				return False
			si += 1
			ai += 1
		return ai == len(actual)

	return match_from(0, 0)


def has_error(lines):
	return any(l.startswith("ERROR:") for l in lines)


def main():
	ap = argparse.ArgumentParser()
	ap.add_argument("--host", required=True)
	ap.add_argument("--port", required=True)
	ap.add_argument("--user", default="postgres")
	ap.add_argument("--map", action="append", default=[])
	ap.add_argument("--admin-db", default="postgres")
	ap.add_argument("--tag", action="append", default=[])
	ap.add_argument("docs", nargs="+")
	args = ap.parse_args()
	psql = ["psql", "-h", args.host, "-p", args.port, "-U", args.user]
	maps = [tuple(m.split("=", 1)) for m in args.map]

	quiet = dict(os.environ, PGOPTIONS="-c client_min_messages=warning")
	passed = failed = 0
	for n, doc in enumerate(args.docs):
		blocks = parse_blocks(doc, ["sql"] + args.tag)
		if not blocks:
			continue
		db = "zfdw_doctest_%d" % n
		for stmt in ("DROP DATABASE IF EXISTS %s" % db, "CREATE DATABASE %s" % db):
			subprocess.run(psql + ["-X", "-q", "-d", args.admin_db, "-c", stmt],
						   check=True, env=quiet)
		outputs = run_document(psql, blocks, maps, db)
		doc_failed = 0
		for i, b in enumerate(blocks):
			actual = outputs[i] if i < len(outputs) else ["(no output: the session ended)"]
			if b.shown is not None:
				ok = matches(b.shown, actual)
			else:
				ok = not has_error(actual)
			if ok:
				passed += 1
				continue
			failed += 1
			doc_failed += 1
			print("FAILED: %s:%d" % (doc, b.line))
			if b.shown is not None:
				for l in difflib.unified_diff([l.rstrip() for l in b.shown],
											  [l.rstrip() for l in actual],
											  "shown", "actual", lineterm="", n=2):
					print("    " + l)
			else:
				for l in actual[:12]:
					print("    " + l)
		subprocess.run(psql + ["-X", "-q", "-d", args.admin_db, "-c",
							   "DROP DATABASE IF EXISTS %s" % db], check=True, env=quiet)
		print("  %s: %d blocks run, %d failed" % (doc, len(blocks), doc_failed))
	print("doctest: %d passed, %d failed" % (passed, failed))
	return 1 if failed else 0


if __name__ == "__main__":
	sys.exit(main())

#!/usr/bin/env python3
#-------------------------------------------------------------------------
#
# linkcheck.py
#	  Check the relative links of the documents: every link to another
#	  file names a file of the checkout, and every #anchor names a heading
#	  of the document it points into (GitHub's rules for heading anchors).
#
#	linkcheck.py DOC...
#
# Links to web addresses (http:, https:, mailto:) are not followed.  Code
# spans and fenced blocks are skipped.  Prints one line per broken link
# and last "links: N passed, M failed", counting links.  Exit status 1
# when a link is broken.
#
#-------------------------------------------------------------------------
import os
import re
import sys

LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def slug(heading):
	"""The anchor GitHub gives a heading: lower case, punctuation dropped."""
	text = re.sub(r"`", "", heading.strip().lower())
	text = re.sub(r"[^\w\- ]", "", text)
	return text.replace(" ", "-")


def prose_lines(path):
	"""The lines of a Markdown file outside fenced blocks, numbered."""
	fence = None
	with open(path, encoding="utf-8") as f:
		for n, line in enumerate(f, 1):
			m = re.match(r"^\s*(```+|~~~+)", line)
			if m:
				if fence is None:
					fence = m.group(1)
				elif line.strip().startswith(fence):
					fence = None
				continue
			if fence is None:
				yield n, line.rstrip("\n")


def anchors(path, cache={}):
	"""The anchors of a Markdown file's headings."""
	if path not in cache:
		seen = {}
		found = set()
		for _, line in prose_lines(path):
			m = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
			if not m:
				continue
			s = slug(m.group(1))
			if s in seen:
				seen[s] += 1
				s = "%s-%d" % (s, seen[s])
			else:
				seen[s] = 0
			found.add(s)
		cache[path] = found
	return cache[path]


def main():
	passed = failed = 0
	for doc in sys.argv[1:]:
		for n, line in prose_lines(doc):
			line = re.sub(r"`[^`]*`", "", line)
			for target in LINK.findall(line):
				if re.match(r"^[a-z]+:", target):
					continue
				path, _, anchor = target.partition("#")
				dest = os.path.normpath(os.path.join(os.path.dirname(doc), path)) if path else doc
				problem = None
				if not os.path.exists(dest):
					problem = "no file %s" % dest
				elif anchor and dest.endswith(".md") and anchor not in anchors(dest):
					problem = "no heading for #%s in %s" % (anchor, dest)
				if problem:
					failed += 1
					print("FAILED: %s:%d: %s (%s)" % (doc, n, target, problem))
				else:
					passed += 1
	print("links: %d passed, %d failed" % (passed, failed))
	return 1 if failed else 0


if __name__ == "__main__":
	sys.exit(main())

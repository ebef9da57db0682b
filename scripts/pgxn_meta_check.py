#!/usr/bin/env python3
#-------------------------------------------------------------------------
#
# pgxn_meta_check.py
#	  Check a META.json against the rules of the PGXN Meta Spec, version
#	  1.0.0 (https://pgxn.org/spec/): the required keys and the type and
#	  form of every key the spec defines.  Versions are read by
#	  pgxnclient's own SemVer class (Debian's pgxnclient), the parser PGXN
#	  clients apply to them.  Prints each problem; exit status 1 when there
#	  is one.
#
#	pgxn_meta_check.py META.json [dist-root]
#
# With dist-root, the files that "provides" and "docfile" name must exist
# in it.
#
#-------------------------------------------------------------------------
import json
import os
import re
import sys

from pgxnclient.utils.semver import SemVer

# the license strings of the spec's list
LICENSES = {
	"agpl_3", "apache_1_1", "apache_2_0", "artistic_1", "artistic_2", "bsd",
	"freebsd", "gfdl_1_2", "gfdl_1_3", "gpl_1", "gpl_2", "gpl_3",
	"lgpl_2_1", "lgpl_3_0", "mit", "mozilla_1_0", "mozilla_1_1", "openssl",
	"perl_5", "postgresql", "qpl_1_0", "ssleay", "sun", "zlib",
	"open_source", "restricted", "unrestricted", "unknown",
}
PHASES = {"configure", "build", "test", "runtime", "develop"}
RELATIONS = {"requires", "recommends", "suggests", "conflicts"}
STATUSES = {"stable", "testing", "unstable"}
TERM = re.compile(r"^[^\s/\\:]{2,}$")

problems = []


def problem(where, what):
	problems.append("%s: %s" % (where, what))


def string(value, where, nonempty=True):
	if not isinstance(value, str) or (nonempty and not value.strip()):
		problem(where, "must be a non-empty string")
		return False
	return True


def version(value, where):
	if string(value, where):
		try:
			SemVer(value)
		except ValueError:
			problem(where, "%r is not a semantic version" % value)


def string_list(value, where):
	if isinstance(value, str):
		string(value, where)
	elif isinstance(value, list) and value:
		for i, v in enumerate(value):
			string(v, "%s[%d]" % (where, i))
	else:
		problem(where, "must be a string or a non-empty list of strings")


def check(meta, root):
	for key in ("name", "abstract", "version", "maintainer", "license",
				"provides", "meta-spec"):
		if key not in meta:
			problem(key, "required key missing")
	if "name" in meta and string(meta["name"], "name") and not TERM.match(meta["name"]):
		problem("name", "must be at least two characters, without space, /, \\ or :")
	if "abstract" in meta:
		string(meta["abstract"], "abstract")
	if "description" in meta:
		string(meta["description"], "description")
	if "version" in meta:
		version(meta["version"], "version")
	if "maintainer" in meta:
		string_list(meta["maintainer"], "maintainer")
	lic = meta.get("license")
	if isinstance(lic, str):
		if lic not in LICENSES:
			problem("license", "%r is not one of the spec's license strings" % lic)
	elif isinstance(lic, list):
		for v in lic:
			if v not in LICENSES:
				problem("license", "%r is not one of the spec's license strings" % v)
	elif isinstance(lic, dict) and lic:
		for k, v in lic.items():
			string(v, "license.%s" % k)
	elif "license" in meta:
		problem("license", "must be a string, a list of strings or a map of names to URLs")

	provides = meta.get("provides")
	if isinstance(provides, dict) and provides:
		for ext, spec in provides.items():
			where = "provides.%s" % ext
			if not TERM.match(ext):
				problem(where, "an extension name must be a term")
			if not isinstance(spec, dict):
				problem(where, "must be a map")
				continue
			for key in ("file", "version"):
				if key not in spec:
					problem(where, "required key %r missing" % key)
			if "version" in spec:
				version(spec["version"], where + ".version")
			for key in ("file", "docfile"):
				if key in spec and string(spec[key], "%s.%s" % (where, key)) and root and \
						not os.path.isfile(os.path.join(root, spec[key])):
					problem("%s.%s" % (where, key), "%s is not in the distribution" % spec[key])
			if "abstract" in spec:
				string(spec["abstract"], where + ".abstract")
	elif "provides" in meta:
		problem("provides", "must be a non-empty map")

	ms = meta.get("meta-spec")
	if isinstance(ms, dict):
		if ms.get("version") != "1.0.0":
			problem("meta-spec.version", "must be \"1.0.0\" for this spec")
		if "url" in ms:
			string(ms["url"], "meta-spec.url")
	elif "meta-spec" in meta:
		problem("meta-spec", "must be a map")

	if "release_status" in meta and meta["release_status"] not in STATUSES:
		problem("release_status", "must be one of %s" % ", ".join(sorted(STATUSES)))
	prereqs = meta.get("prereqs", {})
	if not isinstance(prereqs, dict):
		problem("prereqs", "must be a map")
		prereqs = {}
	for phase, rels in prereqs.items():
		if phase not in PHASES:
			problem("prereqs.%s" % phase, "unknown phase")
			continue
		if not isinstance(rels, dict):
			problem("prereqs.%s" % phase, "must be a map")
			continue
		for rel, reqs in rels.items():
			where = "prereqs.%s.%s" % (phase, rel)
			if rel not in RELATIONS:
				problem(where, "unknown relation")
			elif not isinstance(reqs, dict):
				problem(where, "must be a map of names to versions")
			else:
				for name, v in reqs.items():
					if v != 0 and v != "0":
						# a version range: operators, then a version each
						for part in str(v).split(","):
							version(re.sub(r"^\s*(==|!=|>=|<=|>|<)?\s*", "", part),
									"%s.%s" % (where, name))
	no_index = meta.get("no_index", {})
	if not isinstance(no_index, dict):
		problem("no_index", "must be a map")
	else:
		for key, v in no_index.items():
			if key not in ("file", "directory"):
				problem("no_index.%s" % key, "unknown key")
			else:
				string_list(v, "no_index.%s" % key)
	if "tags" in meta:
		string_list(meta["tags"], "tags")
	if "resources" in meta and not isinstance(meta["resources"], dict):
		problem("resources", "must be a map")
	if "generated_by" in meta:
		string(meta["generated_by"], "generated_by")


def main():
	with open(sys.argv[1], encoding="utf-8") as f:
		meta = json.load(f)
	check(meta, sys.argv[2] if len(sys.argv) > 2 else None)
	for p in problems:
		print("META.json: " + p)
	return 1 if problems else 0


if __name__ == "__main__":
	sys.exit(main())

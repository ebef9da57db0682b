# normalize.awk - turns the DISPLAY output of a fixture program into
# an expected-values file in PostgreSQL COPY text format.
#
# Input (run with LC_ALL=C, bytes as the program wrote them):
#   line 1   column names, tab-separated: copied as is
#   line 2   "#types" and one type per column: N number, X text,
#            NA array of numbers, XA array of texts; not copied
#   then     one line per record, the fields as GnuCOBOL's DISPLAY
#            (-fpretty-display) shows them, tab-separated
#
# Numbers: DISPLAY shows every digit of the picture, a leading sign
# ("+" or "-") on signed fields, or a trailing one for SIGN TRAILING
# SEPARATE, and "." for V.  They become plain decimal text: no "+",
# no leading zeros, the picture's scale kept: "-0000012.34" -> "-12.34",
# "+00000.00" -> "0.00", "-.500" -> "-0.500", "00123" -> "123".
# Arrays ("{a,b}") have each element normalized the same way.
# Text is left exactly as displayed; only a backslash is doubled, as
# COPY text format requires.  Nothing else is changed.

BEGIN {
	FS = "\t"
	OFS = "\t"
}

function fail(msg) {
	printf("normalize.awk: line %d: %s\n", NR, msg) > "/dev/stderr"
	failed = 1
	exit 1
}

function number(s,    sign, dot, intpart, fracpart) {
	sign = ""
	if (s ~ /^[+-]/) {
		sign = substr(s, 1, 1)
		s = substr(s, 2)
	} else if (s ~ /[+-]$/) {
		sign = substr(s, length(s), 1)
		s = substr(s, 1, length(s) - 1)
	}
	if (s !~ /^[0-9]*(\.[0-9]+)?$/ || s == "")
		fail("not a displayed number: \"" s "\"")
	dot = index(s, ".")
	if (dot > 0) {
		intpart = substr(s, 1, dot - 1)
		fracpart = substr(s, dot)
	} else {
		intpart = s
		fracpart = ""
	}
	sub(/^0+/, "", intpart)
	if (intpart == "")
		intpart = "0"
	if (sign == "-" && (intpart fracpart) ~ /^[0.]+$/)
		fail("negative zero: \"" s "\"")
	return (sign == "-" ? "-" : "") intpart fracpart
}

function escape(s,    n, parts, i, out) {
	n = split(s, parts, "\\")
	out = parts[1]
	for (i = 2; i <= n; i++)
		out = out "\\\\" parts[i]
	return out
}

function numarray(s,    n, parts, i, out) {
	if (s !~ /^\{.*\}$/)
		fail("not an array: \"" s "\"")
	s = substr(s, 2, length(s) - 2)
	if (s == "")
		return "{}"
	n = split(s, parts, ",")
	out = ""
	for (i = 1; i <= n; i++)
		out = out (i > 1 ? "," : "") number(parts[i])
	return "{" out "}"
}

NR == 1 {
	print
	next
}

NR == 2 {
	if ($1 != "#types")
		fail("second line is not the #types line")
	ncols = NF - 1
	for (i = 2; i <= NF; i++)
		type[i - 1] = $i
	next
}

{
	if (NF != ncols)
		fail(NF " fields, " ncols " expected")
	for (i = 1; i <= NF; i++) {
		if (type[i] == "N")
			$i = number($i)
		else if (type[i] == "NA")
			$i = numarray($i)
		else if (type[i] == "X" || type[i] == "XA")
			$i = escape($i)
		else
			fail("unknown type \"" type[i] "\"")
	}
	print
}

END {
	if (failed)
		exit 1
	if (NR < 2)
		fail("no #types line")
}

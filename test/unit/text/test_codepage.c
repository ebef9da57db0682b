/*-------------------------------------------------------------------------
 *
 * test_codepage.c
 *	  Unit tests for code pages (codepage.c).
 *
 * Oracles: single-byte vectors are read off IBM's code page charts (CCSID
 * 37, 273, 285, 500, 1047, 1140/1141/1148) and were cross-checked against
 * Python's cp037/cp273/cp500/cp1140 codec tables, which are generated from
 * the Unicode consortium's mapping files, not from glibc.  Double-byte
 * vectors come from IBM's CCSID 16684 mapping as published in ICU
 * (ibm-16684_P110-2003.ucm: U+5B50 = X'4564', U+5C71 = X'4565', U+5DDD =
 * X'4567', U+5B57 = X'48F2', U+5B66 = X'45BE'); CCSID 16684 is the DBCS
 * half of cp1390/cp1399 and a superset of CCSID 300, the DBCS half of
 * cp930/cp939.  Cobrix vectors are read from ../shared/conformance.
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/codepage.h"

#define COBRIX ZF_SOURCE_DIR "/../shared/conformance/cobrix"

/* Decode with a page by name and compare with the expected UTF-8. */
static void
check_decode(const char *page, const uint8_t *src, size_t n,
			 const char *expected)
{
	zf_error	err;
	const zf_codepage *cp = zf_codepage_lookup(page, &err);
	char		out[512];
	size_t		len = 0;
	zf_status	st;

	assert_non_null(cp);
	st = zf_codepage_decode(cp, src, n, out, sizeof(out), &len, &err);
	if (st != ZF_OK)
		fail_msg("%s: %s", page, err.message);
	assert_int_equal(len, strlen(expected));
	assert_memory_equal(out, expected, len);
}

/* Every spelling of a page finds the same cached page. */
static void
test_lookup_names(void **state)
{
	const char *spellings[] = {"cp037", "ibm037", "ibm-037", "IBM037", "37",
	"037", "CP37", "ibm_37", "ccsid37", "IBM-37"};
	zf_error	err;
	const zf_codepage *first;

	(void) state;
	first = zf_codepage_lookup("cp037", &err);
	assert_non_null(first);
	assert_string_equal(zf_codepage_name(first), "cp037");
	for (size_t i = 0; i < sizeof(spellings) / sizeof(spellings[0]); i++)
		assert_ptr_equal(zf_codepage_lookup(spellings[i], &err), first);

	assert_string_equal(zf_codepage_name(zf_codepage_lookup("ibm-1047", &err)),
						"cp1047");
	assert_string_equal(zf_codepage_name(zf_codepage_lookup("1140", &err)),
						"cp1140");
	assert_string_equal(zf_codepage_name(zf_codepage_lookup("IBM-930", &err)),
						"cp930");
	assert_string_equal(zf_codepage_name(zf_codepage_lookup("UTF-8", &err)),
						"utf8");
	assert_string_equal(zf_codepage_name(zf_codepage_lookup("1208", &err)),
						"utf8");
	assert_string_equal(zf_codepage_name(zf_codepage_lookup("iso-8859-1", &err)),
						"latin1");
	assert_string_equal(zf_codepage_name(zf_codepage_lookup("us-ascii", &err)),
						"ascii");

	/* kinds and properties */
	assert_int_equal(zf_codepage_kind(first), ZF_CP_EBCDIC_SBCS);
	assert_true(zf_codepage_is_ebcdic(first));
	assert_int_equal(zf_codepage_charset(first), ZF_CHARSET_EBCDIC);
	assert_int_equal(zf_codepage_space(first), 0x40);
	assert_int_equal(zf_codepage_kind(zf_codepage_lookup("cp939", &err)),
					 ZF_CP_EBCDIC_MIXED);
	assert_null(zf_codepage_sbcs(zf_codepage_lookup("cp939", &err)));
	assert_false(zf_codepage_is_ebcdic(zf_codepage_lookup("latin1", &err)));
	assert_int_equal(zf_codepage_space(zf_codepage_lookup("ascii", &err)), 0x20);
	assert_int_equal(zf_codepage_charset(zf_codepage_lookup("utf8", &err)),
					 ZF_CHARSET_ASCII);
	/* the digit zero, and the line end of text records */
	assert_int_equal(zf_codepage_zero(first), 0xF0);
	assert_int_equal(zf_codepage_zero(zf_codepage_lookup("cp939", &err)), 0xF0);
	assert_int_equal(zf_codepage_zero(zf_codepage_lookup("utf8", &err)), 0x30);
	assert_int_equal(zf_codepage_newline(first), 0x15);
	assert_int_equal(zf_codepage_newline(zf_codepage_lookup("cp939", &err)), ZF_EBCDIC_NL);
	assert_int_equal(zf_codepage_newline(zf_codepage_lookup("latin1", &err)), 0x0A);
}

/* Unknown names fail with a hint; cp300 is not in glibc. */
static void
test_lookup_unknown(void **state)
{
	zf_error	err;

	(void) state;
	assert_null(zf_codepage_lookup("cp300", &err));
	assert_int_equal(err.status, ZF_E_CODEPAGE);
	assert_string_equal(err.message, "unknown code page \"cp300\"");
	assert_true(strlen(err.hint) > 0);
	assert_null(zf_codepage_lookup("cp00300", &err));
	assert_null(zf_codepage_lookup("", &err));
	assert_null(zf_codepage_lookup("cp", &err));
	assert_null(zf_codepage_lookup("cp037x", &err));
	assert_null(zf_codepage_lookup("cp1234567", &err));
	assert_null(zf_codepage_lookup("cp437", &err));	/* PC page, not EBCDIC */
	assert_null(zf_codepage_lookup(NULL, &err));
	assert_int_equal(err.status, ZF_E_ARG);
}

/* Every known name can be built on this system, with the expected kind. */
static void
test_known_names(void **state)
{
	const char *const *names = zf_codepage_known_names();
	int			n = 0;

	(void) state;
	for (; *names; names++, n++)
	{
		zf_error	err;
		const zf_codepage *cp = zf_codepage_lookup(*names, &err);

		if (cp == NULL)
			fail_msg("%s: %s", *names, err.message);
		assert_string_equal(zf_codepage_name(cp), *names);
		if (zf_codepage_kind(cp) == ZF_CP_EBCDIC_SBCS)
		{
			const zf_sbcs_table *t = zf_codepage_sbcs(cp);

			/* every EBCDIC page: X'40' space, X'C1' A, X'F0'..X'F9' digits */
			assert_int_equal(t->utf8_len[0x40], 1);
			assert_int_equal(t->utf8[0x40][0], ' ');
			assert_int_equal(t->utf8[0xC1][0], 'A');
			for (int d = 0; d < 10; d++)
				assert_int_equal(t->utf8[0xF0 + d][0], '0' + d);
			/* X'00' is U+0000: reported through the error path */
			assert_int_equal(t->utf8_len[0x00], 0);
			assert_int_equal(t->from_unicode_ascii[' '], 0x40);
		}
	}
	assert_true(n >= 70);
}

/* Hand-checked bytes of single-byte pages. */
static void
test_sbcs_vectors(void **state)
{
	(void) state;
	/* cp037: C1 A, 4A cent, 5A !, 5B $, 5F not, 6A broken bar, 7C @,
	 * BA [, BB ], 81 a, E0 backslash, 25 LF, 15 NEL */
	check_decode("cp037", (const uint8_t *) "\xC1\x4A\x5A\x5B\x5F\x6A\x7C\xBA\xBB\x81\xE0", 11,
				 "A\xC2\xA2!$\xC2\xAC\xC2\xA6@[]a\\");
	check_decode("cp037", (const uint8_t *) "\x25\x15\x05", 3, "\n\xC2\x85\t");
	/* cp1047 (Open Systems Latin-1): AD [, BD ], 5F ^ (cp037 has the not
	 * sign there), 4A cent */
	check_decode("cp1047", (const uint8_t *) "\xAD\xBD\x5F\xC1\x4A", 5,
				 "[]^A\xC2\xA2");
	/* cp500 (International): 4A [, 5A ], 4F ! */
	check_decode("cp500", (const uint8_t *) "\x4A\x5A\x4F", 3, "[]!");
	/* cp273 (Germany): 4A A-umlaut, 5A U-umlaut, C0 a-umlaut, A1 sharp s */
	check_decode("cp273", (const uint8_t *) "\x4A\x5A\xC0\xA1", 4,
				 "\xC3\x84\xC3\x9C\xC3\xA4\xC3\x9F");
	/* cp285 (UK): 5B pound, 4A dollar */
	check_decode("cp285", (const uint8_t *) "\x5B\x4A", 2, "\xC2\xA3$");
	/* euro pages: X'9F' is U+20AC in cp1140, cp1141 and cp1148 */
	check_decode("cp1140", (const uint8_t *) "\x9F\xC1", 2, "\xE2\x82\xAC" "A");
	check_decode("cp1141", (const uint8_t *) "\x9F\x4A", 2, "\xE2\x82\xAC\xC3\x84");
	check_decode("cp1148", (const uint8_t *) "\x9F\x4A", 2, "\xE2\x82\xAC[");
	/* cp037 has the international currency sign where cp1140 has the euro */
	check_decode("cp037", (const uint8_t *) "\x9F", 1, "\xC2\xA4");
	/* cp875 (Greek): 41 capital alpha; cp424 (Hebrew): 41 alef */
	check_decode("cp875", (const uint8_t *) "\x41", 1, "\xCE\x91");
	check_decode("cp424", (const uint8_t *) "\x41", 1, "\xD7\x90");
	/* latin1 and ascii */
	check_decode("latin1", (const uint8_t *) "caf\xE9", 4, "caf\xC3\xA9");
	check_decode("ascii", (const uint8_t *) "AZ az~", 6, "AZ az~");
	check_decode("utf8", (const uint8_t *) "caf\xC3\xA9", 5, "caf\xC3\xA9");
	/* empty input */
	check_decode("cp037", (const uint8_t *) "", 0, "");
}

/* Decode then encode gives the bytes back for every one-to-one byte. */
static void
test_sbcs_round_trip(void **state)
{
	const char *pages[] = {"cp037", "cp1047", "cp500", "cp273", "cp277",
		"cp278", "cp280", "cp284", "cp285", "cp297", "cp871", "cp1140",
	"cp1141", "cp1148", "cp1149", "cp875", "cp1025", "cp424", "latin1", "ascii"};

	(void) state;
	for (size_t p = 0; p < sizeof(pages) / sizeof(pages[0]); p++)
	{
		zf_error	err;
		const zf_codepage *cp = zf_codepage_lookup(pages[p], &err);
		const zf_sbcs_table *t = zf_codepage_sbcs(cp);
		int			tested = 0;

		assert_non_null(t);
		for (int b = 1; b < 256; b++)
		{
			uint8_t		in = (uint8_t) b;
			char		utf8[8];
			uint8_t		back[8];
			size_t		len,
						blen;

			if (t->utf8_len[b] == 0)
				continue;
			assert_int_equal(zf_codepage_decode(cp, &in, 1, utf8, sizeof(utf8),
												&len, &err), ZF_OK);
			assert_int_equal(len, t->utf8_len[b]);
			assert_int_equal(zf_codepage_encode(cp, utf8, len, back,
												sizeof(back), &blen, &err),
							 ZF_OK);
			assert_int_equal(blen, 1);
			if (back[0] != b)
				fail_msg("%s: X'%02X' came back as X'%02X'", pages[p], b, back[0]);
			tested++;
		}
		assert_true(tested >= 127);
	}
}

/* Encoding by hand-checked bytes, and characters a page lacks. */
static void
test_sbcs_encode(void **state)
{
	zf_error	err;
	uint8_t		out[16];
	size_t		len;
	const zf_codepage *cp037 = zf_codepage_lookup("cp037", &err);
	const zf_codepage *cp1047 = zf_codepage_lookup("cp1047", &err);

	(void) state;
	assert_int_equal(zf_codepage_encode(cp037, "A\xC2\xA2[ 9", 6, out,
										sizeof(out), &len, &err), ZF_OK);
	assert_int_equal(len, 5);
	assert_memory_equal(out, "\xC1\x4A\xBA\x40\xF9", 5);
	assert_int_equal(zf_codepage_encode(cp1047, "[", 1, out, sizeof(out), &len,
										&err), ZF_OK);
	assert_int_equal(out[0], 0xAD);
	assert_int_equal(zf_codepage_encode(zf_codepage_lookup("cp1140", &err),
										"\xE2\x82\xAC", 3, out, sizeof(out),
										&len, &err), ZF_OK);
	assert_int_equal(len, 1);
	assert_int_equal(out[0], 0x9F);

	/* the euro is not in cp037 */
	assert_int_equal(zf_codepage_encode(cp037, "ab\xE2\x82\xAC", 5, out,
										sizeof(out), &len, &err),
					 ZF_E_CODEPAGE);
	assert_int_equal(err.offset, 2);
	assert_string_equal(err.message,
						"character U+20AC at offset 2 cannot be represented in code page cp037");
	/* invalid UTF-8 input */
	assert_int_equal(zf_codepage_encode(cp037, "a\xC3", 2, out, sizeof(out),
										&len, &err), ZF_E_BAD_DATA);
	assert_int_equal(err.offset, 1);
	/* ascii cannot hold e-acute, latin1 can */
	assert_int_equal(zf_codepage_encode(zf_codepage_lookup("ascii", &err),
										"\xC3\xA9", 2, out, sizeof(out), &len,
										&err), ZF_E_CODEPAGE);
	assert_int_equal(zf_codepage_encode(zf_codepage_lookup("latin1", &err),
										"\xC3\xA9", 2, out, sizeof(out), &len,
										&err), ZF_OK);
	assert_int_equal(out[0], 0xE9);
	/* destination too small */
	assert_int_equal(zf_codepage_encode(cp037, "abc", 3, out, 2, &len, &err),
					 ZF_E_ARG);
	assert_int_equal(zf_codepage_encode_bound(cp037, 10), 10);
}

/* Low-values, unmapped bytes and short buffers are errors with offsets. */
static void
test_decode_errors(void **state)
{
	zf_error	err;
	char		out[64];
	size_t		len;
	const zf_codepage *cp037 = zf_codepage_lookup("cp037", &err);
	const zf_codepage *cp424 = zf_codepage_lookup("cp424", &err);
	const zf_codepage *ascii = zf_codepage_lookup("ascii", &err);
	const zf_sbcs_table *t424 = zf_codepage_sbcs(cp424);
	uint8_t		unmapped = 0;

	(void) state;
	assert_int_equal(zf_codepage_decode(cp037, (const uint8_t *) "\xC1\xC2\x00\xC3", 4,
										out, sizeof(out), &len, &err),
					 ZF_E_BAD_DATA);
	assert_int_equal(err.offset, 2);
	assert_string_equal(err.message,
						"low-value byte X'00' at offset 2 cannot be stored as text");
	/* without an error struct only the status comes back */
	assert_int_equal(zf_codepage_decode(cp037, (const uint8_t *) "\x00", 1, out,
										sizeof(out), &len, NULL),
					 ZF_E_BAD_DATA);

	/* cp424 leaves some bytes unmapped: find one and decode it */
	for (int b = 0x41; b < 256 && unmapped == 0; b++)
		if (t424->utf8_len[b] == 0)
			unmapped = (uint8_t) b;
	assert_true(unmapped != 0);
	{
		uint8_t		in[3] = {0xC1, 0xC1, unmapped};

		assert_int_equal(zf_codepage_decode(cp424, in, 3, out, sizeof(out),
											&len, &err), ZF_E_CODEPAGE);
		assert_int_equal(err.offset, 2);
		assert_non_null(strstr(err.message, "is not a character in code page cp424"));
	}

	/* ascii: 7-bit only */
	assert_int_equal(zf_codepage_decode(ascii, (const uint8_t *) "ab\x80", 3, out,
										sizeof(out), &len, &err),
					 ZF_E_CODEPAGE);
	assert_int_equal(err.offset, 2);
	assert_string_equal(err.message,
						"byte X'80' at offset 2 is not a character in code page ascii");

	/* output too small, both in the fast and in the tail loop */
	assert_int_equal(zf_codepage_decode(cp037, (const uint8_t *) "\xC1\xC1\xC1", 3,
										out, 2, &len, &err), ZF_E_ARG);
	assert_int_equal(zf_codepage_decode(cp037, (const uint8_t *) "\x4A\x4A\x4A", 3,
										out, 5, &len, &err), ZF_E_ARG);
	assert_int_equal(zf_codepage_decode(cp037, (const uint8_t *) "\x4A\x4A\x4A", 3,
										out, 6, &len, &err), ZF_OK);
	assert_int_equal(len, 6);
	assert_true(zf_codepage_utf8_bound(cp037, 3) >= 6);
}

/* UTF-8 pages validate: overlong, surrogate, too large, truncated. */
static void
test_utf8_page(void **state)
{
	zf_error	err;
	char		out[64];
	size_t		len;
	const zf_codepage *u8 = zf_codepage_lookup("utf8", &err);
	const struct
	{
		const char *bytes;
		size_t		n;
		int64_t		offset;
	}			bad[] = {
		{"a\xC0\x80", 3, 1},	/* overlong NUL */
		{"ab\xED\xA0\x80", 5, 2},	/* surrogate U+D800 */
		{"\xF4\x90\x80\x80", 4, 0}, /* above U+10FFFF */
		{"abc\xE2\x82", 5, 3},	/* truncated */
		{"\x80", 1, 0},			/* stray continuation */
	};

	(void) state;
	assert_int_equal(zf_codepage_decode(u8, (const uint8_t *) "\xF0\x9F\x98\x80", 4,
										out, sizeof(out), &len, &err), ZF_OK);
	assert_int_equal(len, 4);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		assert_int_equal(zf_codepage_decode(u8, (const uint8_t *) bad[i].bytes,
											bad[i].n, out, sizeof(out), &len,
											&err), ZF_E_CODEPAGE);
		assert_int_equal(err.offset, bad[i].offset);
	}
	assert_int_equal(zf_codepage_decode(u8, (const uint8_t *) "a\0", 2, out,
										sizeof(out), &len, &err),
					 ZF_E_BAD_DATA);
	assert_int_equal(err.offset, 1);
}

/* Mixed pages: SO/SI switching, hand-checked DBCS code points. */
static void
test_mixed_decode(void **state)
{
	/* "A", SO, X'4564' U+5B50, X'4565' U+5C71, X'4567' U+5DDD, SI, "B" */
	const uint8_t mixed[] = {0xC1, 0x0E, 0x45, 0x64, 0x45, 0x65, 0x45, 0x67,
	0x0F, 0xC2};
	const char *expect = "A\xE5\xAD\x90\xE5\xB1\xB1\xE5\xB7\x9D" "B";
	const char *pages[] = {"cp930", "cp939", "cp1390", "cp1399"};

	(void) state;
	for (size_t i = 0; i < 4; i++)
		check_decode(pages[i], mixed, sizeof(mixed), expect);
	/* X'4040' is the DBCS space U+3000 */
	check_decode("cp939", (const uint8_t *) "\x0E\x40\x40\x0F", 4,
				 "\xE3\x80\x80");
	/* a missing SI at the end of the field is accepted */
	check_decode("cp939", (const uint8_t *) "\x0E\x45\x64", 3, "\xE5\xAD\x90");
}

/* Pure DBCS (PIC G): X'48F2' U+5B57, X'45BE' U+5B66. */
static void
test_dbcs_decode(void **state)
{
	zf_error	err;
	char		out[64];
	size_t		len;
	const zf_codepage *cp = zf_codepage_lookup("cp939", &err);

	(void) state;
	assert_int_equal(zf_codepage_decode_dbcs(cp, (const uint8_t *) "\x48\xF2\x45\xBE", 4,
											 out, sizeof(out), &len, &err),
					 ZF_OK);
	assert_int_equal(len, 6);
	assert_memory_equal(out, "\xE5\xAD\x97\xE5\xAD\xA6", 6);
	/* the state does not leak into the next call: mixed decode is SBCS */
	check_decode("cp939", (const uint8_t *) "\xC1", 1, "A");
	/* empty field */
	assert_int_equal(zf_codepage_decode_dbcs(cp, (const uint8_t *) "", 0, out,
											 sizeof(out), &len, &err), ZF_OK);
	assert_int_equal(len, 0);
	/* odd length */
	assert_int_equal(zf_codepage_decode_dbcs(cp, (const uint8_t *) "\x48\xF2\x45", 3,
											 out, sizeof(out), &len, &err),
					 ZF_E_BAD_DATA);
	/* a shift byte inside DBCS data */
	assert_int_equal(zf_codepage_decode_dbcs(cp, (const uint8_t *) "\x48\xF2\x0E\x45", 4,
											 out, sizeof(out), &len, &err),
					 ZF_E_CODEPAGE);
	assert_int_equal(err.offset, 2);
	/* an unmapped pair */
	assert_int_equal(zf_codepage_decode_dbcs(cp, (const uint8_t *) "\x48\xF2\xFF\xFF", 4,
											 out, sizeof(out), &len, &err),
					 ZF_E_CODEPAGE);
	assert_int_equal(err.offset, 2);
	/* a single-byte page has no DBCS */
	assert_int_equal(zf_codepage_decode_dbcs(zf_codepage_lookup("cp037", &err),
											 (const uint8_t *) "\x48\xF2", 2,
											 out, sizeof(out), &len, &err),
					 ZF_E_ARG);
}

/* Broken mixed data: unmapped pair, dangling byte, low-values. */
static void
test_mixed_errors(void **state)
{
	zf_error	err;
	char		out[64];
	size_t		len;
	const zf_codepage *cp = zf_codepage_lookup("cp930", &err);

	(void) state;
	assert_int_equal(zf_codepage_decode(cp, (const uint8_t *) "\xC1\x0E\xFF\xFF\x0F", 5,
										out, sizeof(out), &len, &err),
					 ZF_E_CODEPAGE);
	assert_int_equal(err.offset, 2);
	assert_non_null(strstr(err.message, "X'FF FF' at offset 2"));
	/* SO, one DBCS character, then half of one */
	assert_int_equal(zf_codepage_decode(cp, (const uint8_t *) "\x0E\x45\x64\x45", 4,
										out, sizeof(out), &len, &err),
					 ZF_E_CODEPAGE);
	assert_int_equal(err.offset, 3);
	assert_non_null(strstr(err.message, "incomplete double-byte character"));
	/* low-value after the shift-in */
	assert_int_equal(zf_codepage_decode(cp, (const uint8_t *) "\xC1\x0E\x45\x64\x0F\x00", 6,
										out, sizeof(out), &len, &err),
					 ZF_E_BAD_DATA);
	assert_int_equal(err.offset, 5);
	/* too small an output buffer */
	assert_int_equal(zf_codepage_decode(cp, (const uint8_t *) "\x0E\x45\x64\x0F", 4,
										out, 2, &len, &err), ZF_E_ARG);

	/*
	 * X'CA' is unassigned in the single-byte half of cp1390 and cp1399
	 * (CCSIDs 290 and 1027 leave X'CA'-X'CF' empty); glibc turns it into
	 * SUB, U+001A, without an error, which fuzz_codepage caught.  SUB
	 * itself, X'3F', still decodes.
	 */
	cp = zf_codepage_lookup("cp1390", &err);
	assert_non_null(cp);
	assert_int_equal(zf_codepage_decode(cp, (const uint8_t *) "\xC1\xCA", 2,
										out, sizeof(out), &len, &err),
					 ZF_E_CODEPAGE);
	assert_int_equal(err.offset, 1);
	assert_string_equal(err.message, "byte X'CA' at offset 1 is not a character in code page cp1390");
	assert_int_equal(zf_codepage_decode(cp, (const uint8_t *) "\xC1\x3F", 2,
										out, sizeof(out), &len, &err), ZF_OK);
	assert_int_equal(len, 2);
	assert_memory_equal(out, "A\x1A", 2);
	cp = zf_codepage_lookup("cp1399", &err);
	assert_int_equal(zf_codepage_decode(cp, (const uint8_t *) "\xCA", 1,
										out, sizeof(out), &len, &err),
					 ZF_E_CODEPAGE);
}

/* Encode into mixed pages inserts SO/SI and round-trips. */
static void
test_mixed_encode(void **state)
{
	zf_error	err;
	uint8_t		out[64];
	char		back[64];
	size_t		len,
				blen;
	const zf_codepage *cp = zf_codepage_lookup("cp930", &err);
	const char *text = "A\xE5\xAD\x90" "B";	/* A U+5B50 B */

	(void) state;
	assert_int_equal(zf_codepage_encode(cp, text, strlen(text), out, sizeof(out),
										&len, &err), ZF_OK);
	assert_int_equal(len, 6);
	assert_memory_equal(out, "\xC1\x0E\x45\x64\x0F\xC2", 6);
	assert_int_equal(zf_codepage_decode(cp, out, len, back, sizeof(back), &blen,
										&err), ZF_OK);
	assert_int_equal(blen, strlen(text));
	assert_memory_equal(back, text, blen);
	/* ends in DBCS: the closing SI is added */
	assert_int_equal(zf_codepage_encode(cp, "\xE5\xAD\x90", 3, out, sizeof(out),
										&len, &err), ZF_OK);
	assert_int_equal(len, 4);
	assert_memory_equal(out, "\x0E\x45\x64\x0F", 4);
	assert_true(zf_codepage_encode_bound(cp, 3) >= 4);
	/* a character the page lacks: U+20AC is not in cp930 */
	assert_int_equal(zf_codepage_encode(cp, "a\xF0\x9F\x98\x80", 5, out,
										sizeof(out), &len, &err),
					 ZF_E_CODEPAGE);
	assert_int_equal(err.offset, 1);

	/*
	 * glibc writes U+000E and U+000F (the page's own shift codes) as SUB,
	 * X'3F', without an error (fuzz_codepage: decode(encode(text)) was not
	 * the text); they are refused now.
	 */
	assert_int_equal(zf_codepage_encode(cp, "a\x0E", 2, out, sizeof(out), &len, &err),
					 ZF_E_CODEPAGE);
	assert_int_equal(err.offset, 1);
	assert_string_equal(err.message, "character U+000E at offset 1 cannot be represented in code page cp930");
	assert_int_equal(zf_codepage_encode(cp, "\x0F", 1, out, sizeof(out), &len, &err),
					 ZF_E_CODEPAGE);
	/* SUB itself is a character of the page */
	assert_int_equal(zf_codepage_encode(cp, "\x1A", 1, out, sizeof(out), &len, &err),
					 ZF_OK);
	assert_int_equal(len, 1);
	assert_int_equal(out[0], 0x3F);

	/*
	 * The check must not break what iconv composes: in cp1390 the DBCS
	 * character X'ECB5' is U+304B U+309A (KA with a semi-voiced mark), two
	 * code points that encode as one character.
	 */
	cp = zf_codepage_lookup("cp1390", &err);
	assert_int_equal(zf_codepage_encode(cp, "\xE3\x81\x8B\xE3\x82\x9A", 6, out,
										sizeof(out), &len, &err), ZF_OK);
	assert_int_equal(len, 4);
	assert_memory_equal(out, "\x0E\xEC\xB5\x0F", 4);
}

/* Read a whole small file. */
static size_t
read_file(const char *path, uint8_t *buf, size_t cap)
{
	FILE	   *f = fopen(path, "rb");
	size_t		n;

	if (f == NULL)
		fail_msg("cannot open %s", path);
	n = fread(buf, 1, cap, f);
	fclose(f);
	return n;
}

/*
 * Cobrix derived d07 vectors.  cp1364 and cp1388 are in glibc.  "cp300"
 * (the DBCS-only CCSID 300) is not; the bytes are decoded with cp930,
 * whose halves are CCSID 290 (single-byte Katakana, lower-case Latin at
 * X'62'..) and CCSID 300, and give Cobrix's expected strings.  Cobrix
 * tolerates a dangling odd byte (cp00300_odd_bytes); zfdw reports it.
 */
static void
test_cobrix_d07(void **state)
{
	const char *dir = COBRIX "/derived_from_scala_tests/d07_dbcs_mixed_cp300_cp1364_cp1388/data/";
	const struct
	{
		const char *file;
		const char *page;
		const char *expect;
	}			cases[] = {
		{"cp1364_mixed.dat", "cp1364", "1234ф쌤abcd"},
		{"cp1388_mixed.dat", "cp1388", "1234鹾隆abcd"},
		{"cp00300_mixed.dat", "cp930", "abcd不由abcd"},
		{"cp00300_single_byte.dat", "cp930", "abcd"},
		{"cp00300_so_no_si.dat", "cp930", "不丸由"},
		{"cp00300_so_no_si.dat", "cp939", "不丸由"},
	};
	char		path[512];
	uint8_t		data[64];
	size_t		n;
	zf_error	err;
	char		out[128];
	size_t		len;

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		snprintf(path, sizeof(path), "%s%s", dir, cases[i].file);
		n = read_file(path, data, sizeof(data));
		check_decode(cases[i].page, data, n, cases[i].expect);
	}
	snprintf(path, sizeof(path), "%s%s", dir, "cp00300_odd_bytes.dat");
	n = read_file(path, data, sizeof(data));
	assert_int_equal(zf_codepage_decode(zf_codepage_lookup("cp930", &err), data, n,
										out, sizeof(out), &len, &err),
					 ZF_E_CODEPAGE);
	assert_int_equal(err.offset, 5);
	assert_null(zf_codepage_lookup("cp00300", &err));
}

/* UTF-16BE: BMP, supplementary pairs, broken surrogates, NUL. */
static void
test_utf16be(void **state)
{
	zf_error	err;
	char		out[64];
	size_t		len;

	(void) state;
	/* A, e-acute, euro, U+1F600 as D83D DE00 */
	assert_int_equal(zf_utf16be_decode((const uint8_t *) "\x00\x41\x00\xE9\x20\xAC\xD8\x3D\xDE\x00",
									   10, out, sizeof(out), &len, &err), ZF_OK);
	assert_int_equal(len, 1 + 2 + 3 + 4);
	assert_memory_equal(out, "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80", len);
	/* high surrogate followed by a non-surrogate */
	assert_int_equal(zf_utf16be_decode((const uint8_t *) "\x00\x41\xD8\x00\x00\x41", 6,
									   out, sizeof(out), &len, &err),
					 ZF_E_CODEPAGE);
	assert_int_equal(err.offset, 2);
	/* high surrogate at the end */
	assert_int_equal(zf_utf16be_decode((const uint8_t *) "\xD8\x00", 2, out,
									   sizeof(out), &len, &err), ZF_E_CODEPAGE);
	/* lone low surrogate */
	assert_int_equal(zf_utf16be_decode((const uint8_t *) "\xDC\x00", 2, out,
									   sizeof(out), &len, &err), ZF_E_CODEPAGE);
	/* odd length, NUL */
	assert_int_equal(zf_utf16be_decode((const uint8_t *) "\x00\x41\x00", 3, out,
									   sizeof(out), &len, &err), ZF_E_BAD_DATA);
	assert_int_equal(zf_utf16be_decode((const uint8_t *) "\x00\x41\x00\x00", 4, out,
									   sizeof(out), &len, &err), ZF_E_BAD_DATA);
	assert_int_equal(err.offset, 2);
	/* short output */
	assert_int_equal(zf_utf16be_decode((const uint8_t *) "\x20\xAC", 2, out, 2,
									   &len, &err), ZF_E_ARG);
}

/*
 * Pull the string value of "key" out of one JSON line into dst (UTF-8),
 * handling the escapes Spark writes.  Returns false when the key is absent.
 */
static bool
json_string(const char *line, const char *key, char *dst, size_t cap,
			size_t *len)
{
	char		pat[64];
	const char *p;
	size_t		n = 0;

	snprintf(pat, sizeof(pat), "\"%s\":\"", key);
	p = strstr(line, pat);
	if (p == NULL)
		return false;
	p += strlen(pat);
	while (*p && *p != '"')
	{
		uint32_t	u;

		assert_true(n + 4 < cap);
		if (*p != '\\')
		{
			dst[n++] = *p++;
			continue;
		}
		p++;
		switch (*p)
		{
			case 'u':
				u = (uint32_t) strtoul((char[5]) {p[1], p[2], p[3], p[4], 0}, NULL, 16);
				p += 5;
				if (u < 0x80)
					dst[n++] = (char) u;
				else if (u < 0x800)
				{
					dst[n++] = (char) (0xC0 | (u >> 6));
					dst[n++] = (char) (0x80 | (u & 0x3F));
				}
				else
				{
					dst[n++] = (char) (0xE0 | (u >> 12));
					dst[n++] = (char) (0x80 | ((u >> 6) & 0x3F));
					dst[n++] = (char) (0x80 | (u & 0x3F));
				}
				break;
			case 'n':
				dst[n++] = '\n', p++;
				break;
			case 't':
				dst[n++] = '\t', p++;
				break;
			case 'r':
				dst[n++] = '\r', p++;
				break;
			case 'b':
				dst[n++] = '\b', p++;
				break;
			case 'f':
				dst[n++] = '\f', p++;
				break;
			default:
				dst[n++] = *p++;
				break;
		}
	}
	*len = n;
	return true;
}

/*
 * Compare decoded text with Cobrix's, character by character.  Cobrix's
 * tables differ from IBM's (and glibc's) for control characters only: it
 * maps the C1 control bytes (e.g. X'31', X'3E' of cp037) to a space where
 * IBM gives U+0080..U+009F, and it swaps X'0D' and X'25' (IBM: X'0D' is
 * CR, X'25' is LF).  Such positions are counted in *c1; everything else
 * must be equal.
 */
static bool
same_text_but_c1(const char *got, size_t gotlen, const char *want,
				 size_t wantlen, int *c1)
{
	size_t		i = 0,
				j = 0;

	while (i < gotlen && j < wantlen)
	{
		if ((uint8_t) got[i] == 0xC2 && i + 1 < gotlen &&
			(uint8_t) got[i + 1] >= 0x80 && (uint8_t) got[i + 1] <= 0x9F &&
			want[j] == ' ')
		{
			i += 2, j++;
			(*c1)++;
			continue;
		}
		if ((got[i] == '\r' && want[j] == '\n') ||
			(got[i] == '\n' && want[j] == '\r'))
		{
			i++, j++;
			(*c1)++;
			continue;
		}
		if (got[i] != want[j])
			return false;
		i++, j++;
	}
	return i == gotlen && j == wantlen;
}

/*
 * Cobrix case08: the text fields of TRAN.APR14.NPT.DATA.dat under several
 * code pages.  Records are 45 bytes (copybook: X(3) X(8) X(15) X(10) 9(1)
 * S9(9)V99 BINARY = 8 bytes); the PIC X fields sit at 0, 3, 11 and 26.
 * Variants with string_trimming_policy none are compared byte for byte.
 * Where a field holds X'00', Cobrix emits U+0000 and zfdw reports the
 * low-value at that offset: the text before it must match.
 */
static void
test_cobrix_case08(void **state)
{
	const struct
	{
		const char *file;
		const char *page;
	}			variants[] = {
		{"test9_cp037_ext.txt", "cp037"},
		{"test9_cp1140.txt", "cp1140"},
		{"test9_cp1141.txt", "cp1141"},
		{"test9_cp1148.txt", "cp1148"},
		{"test9_cp273.txt", "cp273"},
		{"test9_cp500.txt", "cp500"},
	};
	const struct
	{
		const char *key;
		int			offset;
		int			length;
	}			fields[] = {
		{"CURRENCY", 0, 3}, {"SIGNATURE", 3, 8},
		{"COMPANY_NAME_NP", 11, 15}, {"COMPANY_ID", 26, 10},
	};
	static uint8_t data[45000];
	size_t		size;
	int			compared = 0,
				with_nul = 0,
				c1_spaces = 0;

	(void) state;
	size = read_file(COBRIX "/case08_code_pages_sbcs/data/TRAN.APR14.NPT.DATA.dat",
					 data, sizeof(data));
	assert_int_equal(size, 45000);
	for (size_t v = 0; v < sizeof(variants) / sizeof(variants[0]); v++)
	{
		char		path[512];
		char		line[4096];
		FILE	   *f;
		int			rec = 0;
		zf_error	err;
		const zf_codepage *cp = zf_codepage_lookup(variants[v].page, &err);

		snprintf(path, sizeof(path), "%s/case08_code_pages_sbcs/expected/%s",
				 COBRIX, variants[v].file);
		f = fopen(path, "r");
		assert_non_null(f);
		while (fgets(line, sizeof(line), f) != NULL)
		{
			for (size_t k = 0; k < 4; k++)
			{
				const uint8_t *src = data + rec * 45 + fields[k].offset;
				char		want[256];
				size_t		wantlen;
				char		got[256];
				size_t		gotlen;
				zf_status	st;
				const uint8_t *nul;

				if (!json_string(line, fields[k].key, want, sizeof(want), &wantlen))
					continue;	/* null in Cobrix: nothing to compare */
				st = zf_codepage_decode(cp, src, fields[k].length, got,
										sizeof(got), &gotlen, &err);
				nul = memchr(src, 0, fields[k].length);
				if (nul != NULL)
				{
					size_t		at = (size_t) (nul - src);
					const char *wnul = memchr(want, 0, wantlen);

					assert_int_equal(st, ZF_E_BAD_DATA);
					assert_int_equal(err.offset, at);
					assert_non_null(wnul);
					/* the text before the low-value agrees */
					assert_int_equal(zf_codepage_decode(cp, src, at, got, sizeof(got),
														&gotlen, &err), ZF_OK);
					wantlen = (size_t) (wnul - want);
					with_nul++;
				}
				else
					assert_int_equal(st, ZF_OK);
				if (!same_text_but_c1(got, gotlen, want, wantlen, &c1_spaces))
					fail_msg("%s record %d field %s: got \"%.*s\" want \"%.*s\"",
							 variants[v].page, rec + 1, fields[k].key,
							 (int) gotlen, got, (int) wantlen, want);
				compared++;
			}
			rec++;
		}
		fclose(f);
		assert_int_equal(rec, 60);
	}
	assert_true(compared > 1000);
	assert_true(with_nul > 0);
	/* the control-character divergences do occur in this data */
	assert_true(c1_spaces > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookup_names),
		cmocka_unit_test(test_lookup_unknown),
		cmocka_unit_test(test_known_names),
		cmocka_unit_test(test_sbcs_vectors),
		cmocka_unit_test(test_sbcs_round_trip),
		cmocka_unit_test(test_sbcs_encode),
		cmocka_unit_test(test_decode_errors),
		cmocka_unit_test(test_utf8_page),
		cmocka_unit_test(test_mixed_decode),
		cmocka_unit_test(test_dbcs_decode),
		cmocka_unit_test(test_mixed_errors),
		cmocka_unit_test(test_mixed_encode),
		cmocka_unit_test(test_cobrix_d07),
		cmocka_unit_test(test_utf16be),
		cmocka_unit_test(test_cobrix_case08),
	};

	return cmocka_run_group_tests_name("codepage", tests, NULL, NULL);
}

/*-------------------------------------------------------------------------
 *
 * test_delimited.c
 *	  Unit tests for the delimited-record splitter (delimited.c).
 *
 * Records are built by hand.  The EBCDIC ones are written in hex with the
 * cp037 code points from IBM's code page chart: ',' X'6B', '"' X'7F',
 * blank X'40', 'A'..'I' X'C1'..X'C9', '0'..'9' X'F0'..X'F9', '.' X'4B',
 * '-' X'60', TAB X'05'.  Every expected offset is counted from the record
 * string written next to it (0-based).
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "records/delimited.h"

#define MAXF 16

/* Options for an ASCII record: ',' and '"'. */
static zf_delim_opts
ascii_opts(void)
{
	zf_delim_opts o;
	zf_error	err;

	assert_int_equal(zf_delim_opts_bytes(&o, ',', '"', ' ', false, &err), ZF_OK);
	return o;
}

/* Split an ASCII string; returns the status. */
static zf_status
split_str(const zf_delim_opts *o, const char *s, zf_delim_field *f,
		  uint32_t *n, zf_error *err)
{
	zf_error_clear(err);
	return zf_delim_split(o, (const uint8_t *) s, (uint32_t) strlen(s), f,
						  MAXF, n, err);
}

/* Assert one field's place and flags. */
static void
check_field(const zf_delim_field *f, uint32_t offset, uint32_t length,
			bool quoted, bool doubled)
{
	assert_int_equal(f->offset, offset);
	assert_int_equal(f->length, length);
	assert_int_equal(f->quoted, quoted);
	assert_int_equal(f->doubled, doubled);
}

/* Plain fields: "ab,c,def" */
static void
test_plain(void **state)
{
	zf_delim_opts o = ascii_opts();
	zf_delim_field f[MAXF];
	uint32_t	n;
	zf_error	err;

	(void) state;
	assert_int_equal(split_str(&o, "ab,c,def", f, &n, &err), ZF_OK);
	assert_int_equal(n, 3);
	check_field(&f[0], 0, 2, false, false);
	check_field(&f[1], 3, 1, false, false);
	check_field(&f[2], 5, 3, false, false);
}

/* Empty unquoted fields everywhere: ",a,," is four fields. */
static void
test_empty_fields(void **state)
{
	zf_delim_opts o = ascii_opts();
	zf_delim_field f[MAXF];
	uint32_t	n;
	zf_error	err;

	(void) state;
	assert_int_equal(split_str(&o, ",a,,", f, &n, &err), ZF_OK);
	assert_int_equal(n, 4);
	check_field(&f[0], 0, 0, false, false);
	check_field(&f[1], 1, 1, false, false);
	check_field(&f[2], 3, 0, false, false);
	check_field(&f[3], 4, 0, false, false);

	/* an empty record is one empty field */
	assert_int_equal(split_str(&o, "", f, &n, &err), ZF_OK);
	assert_int_equal(n, 1);
	check_field(&f[0], 0, 0, false, false);
}

/* Quoted values hold delimiters; a quoted empty string is not an empty field. */
static void
test_quoted(void **state)
{
	zf_delim_opts o = ascii_opts();
	zf_delim_field f[MAXF];
	uint32_t	n;
	zf_error	err;

	(void) state;
	/* "x,y",z   value x,y at 1..3 */
	assert_int_equal(split_str(&o, "\"x,y\",z", f, &n, &err), ZF_OK);
	assert_int_equal(n, 2);
	check_field(&f[0], 1, 3, true, false);
	check_field(&f[1], 6, 1, false, false);

	/* "",   a quoted empty string, then an empty field */
	assert_int_equal(split_str(&o, "\"\",", f, &n, &err), ZF_OK);
	assert_int_equal(n, 2);
	check_field(&f[0], 1, 0, true, false);
	check_field(&f[1], 3, 0, false, false);

	/* a quoted last field: a,"b" */
	assert_int_equal(split_str(&o, "a,\"b\"", f, &n, &err), ZF_OK);
	assert_int_equal(n, 2);
	check_field(&f[1], 3, 1, true, false);
}

/* Doubled quotes: "say ""hi""",1 and their collapsing. */
static void
test_doubled(void **state)
{
	zf_delim_opts o = ascii_opts();
	zf_delim_field f[MAXF];
	uint32_t	n;
	zf_error	err;
	const char *rec = "\"say \"\"hi\"\"\",1";
	uint8_t		out[32];
	uint32_t	len;

	(void) state;
	assert_int_equal(split_str(&o, rec, f, &n, &err), ZF_OK);
	assert_int_equal(n, 2);
	/* the value is the 10 bytes between the outer quotes: say ""hi"" */
	check_field(&f[0], 1, 10, true, true);
	check_field(&f[1], 13, 1, false, false);
	len = zf_delim_unquote(&o, (const uint8_t *) rec + f[0].offset, f[0].length, out);
	assert_int_equal(len, 8);
	assert_memory_equal(out, "say \"hi\"", 8);

	/* """" is one quote; """""" two */
	assert_int_equal(split_str(&o, "\"\"\"\"", f, &n, &err), ZF_OK);
	check_field(&f[0], 1, 2, true, true);
	assert_int_equal(zf_delim_unquote(&o, (const uint8_t *) "\"\"", 2, out), 1);
	assert_int_equal(out[0], '"');
}

/* Blanks around a quoted value are padding; in an unquoted value, data. */
static void
test_padding(void **state)
{
	zf_delim_opts o = ascii_opts();
	zf_delim_field f[MAXF];
	uint32_t	n;
	zf_error	err;

	(void) state;
	/* blanks 0-1, quote 2, ab at 3..4, quote 5, blanks 6-7, comma 8, c at 9 */
	assert_int_equal(split_str(&o, "  \"ab\"  ,c", f, &n, &err), ZF_OK);
	assert_int_equal(n, 2);
	check_field(&f[0], 3, 2, true, false);
	check_field(&f[1], 9, 1, false, false);

	/* " x ,  " keeps its blanks: " x " and "  " */
	assert_int_equal(split_str(&o, " x ,  ", f, &n, &err), ZF_OK);
	assert_int_equal(n, 2);
	check_field(&f[0], 0, 3, false, false);
	check_field(&f[1], 4, 2, false, false);
}

/* Malformed records: each error names the offending byte. */
static void
test_errors(void **state)
{
	zf_delim_opts o = ascii_opts();
	zf_delim_field f[MAXF];
	uint32_t	n;
	zf_error	err;

	(void) state;
	/* ab"c,d: the quote at 2 is inside an unquoted value */
	assert_int_equal(split_str(&o, "ab\"c,d", f, &n, &err), ZF_E_BAD_DATA);
	assert_int_equal(err.offset, 2);
	assert_string_equal(err.message, "quote character inside an unquoted value");
	assert_int_equal(n, 0);

	/* "ab"c: c at 4 follows the closing quote */
	assert_int_equal(split_str(&o, "\"ab\"c", f, &n, &err), ZF_E_BAD_DATA);
	assert_int_equal(err.offset, 4);
	assert_string_equal(err.message, "data after the closing quote of a quoted value");

	/* a,"bc: the quote at 2 is never closed */
	assert_int_equal(split_str(&o, "a,\"bc", f, &n, &err), ZF_E_BAD_DATA);
	assert_int_equal(err.offset, 2);
	assert_string_equal(err.message, "quoted value is not terminated");

	/* "a""  : the last quote is the first of a pair, so still open */
	assert_int_equal(split_str(&o, "\"a\"\"", f, &n, &err), ZF_E_BAD_DATA);
	assert_int_equal(err.offset, 0);

	/* blanks then data after a closing quote: "a"  x */
	assert_int_equal(split_str(&o, "\"a\"  x", f, &n, &err), ZF_E_BAD_DATA);
	assert_int_equal(err.offset, 5);
}

/* The number of fields is bounded by the caller's array. */
static void
test_limit(void **state)
{
	zf_delim_opts o = ascii_opts();
	zf_delim_field f[2];
	uint32_t	n;
	zf_error	err;

	(void) state;
	zf_error_clear(&err);
	/* a,b,c: fields end at the delimiters 1 and 3; the third, at the end (5), is one too many */
	assert_int_equal(zf_delim_split(&o, (const uint8_t *) "a,b,c", 5, f, 2, &n, &err),
					 ZF_E_LIMIT);
	assert_string_equal(err.message, "record has more than 2 fields");
	assert_int_equal(err.limit, ZF_LIMIT_FIELDS);
	assert_int_equal(err.offset, 5);
	assert_int_equal(zf_delim_split(&o, (const uint8_t *) "a,b", 3, f, 2, &n, &err), ZF_OK);
	assert_int_equal(n, 2);
}

/* A trailing delimiter is tolerated when the field count is known. */
static void
test_trailing_delimiter(void **state)
{
	zf_delim_opts o = ascii_opts();
	zf_delim_field f[MAXF];
	uint32_t	n;
	zf_error	err;

	(void) state;
	assert_int_equal(split_str(&o, "a,b,c,", f, &n, &err), ZF_OK);
	assert_int_equal(n, 4);		/* unknown count: four fields */
	o.expected_fields = 3;
	assert_int_equal(split_str(&o, "a,b,c,", f, &n, &err), ZF_OK);
	assert_int_equal(n, 3);
	assert_int_equal(split_str(&o, "a,b,c", f, &n, &err), ZF_OK);
	assert_int_equal(n, 3);
	/* a quoted empty fourth value is a value, not a trailing delimiter */
	assert_int_equal(split_str(&o, "a,b,c,\"\"", f, &n, &err), ZF_OK);
	assert_int_equal(n, 4);
	/* two trailing delimiters are two fields too many */
	assert_int_equal(split_str(&o, "a,b,c,,", f, &n, &err), ZF_OK);
	assert_int_equal(n, 5);
}

/* No quote character: quotes are data. */
static void
test_no_quote(void **state)
{
	zf_delim_opts o;
	zf_delim_field f[MAXF];
	uint32_t	n;
	zf_error	err;

	(void) state;
	assert_int_equal(zf_delim_opts_bytes(&o, '|', -1, ' ', false, &err), ZF_OK);
	assert_int_equal(split_str(&o, "a\"b|\"c\"", f, &n, &err), ZF_OK);
	assert_int_equal(n, 2);
	check_field(&f[0], 0, 3, false, false);
	check_field(&f[1], 4, 3, false, false);
}

/*
 * An EBCDIC cp037 record as DB2 UNLOAD DELIMITED writes it:
 *	 "AB ""C""",-12.5,,""
 * 7F C1 C2 40 7F 7F C3 7F 7F 7F 6B 60 F1 F2 4B F5 6B 6B 7F 7F
 *  0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19
 */
static void
test_ebcdic_cp037(void **state)
{
	static const uint8_t rec[] = {
		0x7F, 0xC1, 0xC2, 0x40, 0x7F, 0x7F, 0xC3, 0x7F, 0x7F, 0x7F, 0x6B,
		0x60, 0xF1, 0xF2, 0x4B, 0xF5, 0x6B, 0x6B, 0x7F, 0x7F
	};
	const zf_codepage *cp;
	zf_delim_opts o;
	zf_delim_field f[MAXF];
	uint32_t	n;
	zf_error	err;
	uint8_t		out[16];
	static const uint8_t value[] = {0xC1, 0xC2, 0x40, 0x7F, 0xC3, 0x7F};

	(void) state;
	zf_error_clear(&err);
	cp = zf_codepage_lookup("cp037", &err);
	assert_non_null(cp);
	assert_int_equal(zf_delim_opts_init(&o, cp, ",", "\"", &err), ZF_OK);
	assert_int_equal(o.delimiter, 0x6B);
	assert_int_equal(o.quote, 0x7F);
	assert_int_equal(o.space, 0x40);
	assert_false(o.shift_codes);

	assert_int_equal(zf_delim_split(&o, rec, sizeof(rec), f, MAXF, &n, &err), ZF_OK);
	assert_int_equal(n, 4);
	check_field(&f[0], 1, 8, true, true);
	check_field(&f[1], 11, 5, false, false);
	check_field(&f[2], 17, 0, false, false);
	check_field(&f[3], 19, 0, true, false);
	assert_int_equal(zf_delim_unquote(&o, rec + 1, 8, out), 6);
	assert_memory_equal(out, value, 6);

	/* the ASCII comma X'2C' is data in cp037 */
	assert_int_equal(zf_delim_split(&o, (const uint8_t *) "\x2C\xC1", 2, f, MAXF, &n, &err), ZF_OK);
	assert_int_equal(n, 1);

	/* TAB is X'05' in cp037 */
	assert_int_equal(zf_delim_opts_init(&o, cp, "\t", NULL, &err), ZF_OK);
	assert_int_equal(o.delimiter, 0x05);
	assert_int_equal(o.quote, -1);
}

/* Characters the page has no single byte for, and other bad options. */
static void
test_bad_options(void **state)
{
	const zf_codepage *cp037,
			   *cp1140;
	zf_delim_opts o;
	zf_error	err;

	(void) state;
	zf_error_clear(&err);
	cp037 = zf_codepage_lookup("cp037", &err);
	cp1140 = zf_codepage_lookup("cp1140", &err);
	assert_non_null(cp037);
	assert_non_null(cp1140);
	/* the euro sign (E2 82 AC in UTF-8) is X'9F' in cp1140, absent from cp037 */
	assert_int_equal(zf_delim_opts_init(&o, cp037, "\xE2\x82\xAC", NULL, &err), ZF_E_ARG);
	assert_string_equal(err.message, "the delimiter \"\xE2\x82\xAC\" is not a single byte in code page cp037");
	assert_int_equal(zf_delim_opts_init(&o, cp1140, "\xE2\x82\xAC", NULL, &err), ZF_OK);
	assert_int_equal(o.delimiter, 0x9F);
	/* delimiter and quote the same */
	assert_int_equal(zf_delim_opts_init(&o, cp037, ",", ",", &err), ZF_E_ARG);
	/* two characters */
	assert_int_equal(zf_delim_opts_init(&o, cp037, ",,", NULL, &err), ZF_E_ARG);
	/* hex literals are bytes of the page, untranslated: X'6A' is the broken bar in cp037 */
	assert_int_equal(zf_delim_opts_init(&o, cp037, "X'6a'", "x'7F'", &err), ZF_OK);
	assert_int_equal(o.delimiter, 0x6A);
	assert_int_equal(o.quote, 0x7F);
	/* the broken bar as a character (C2 A6 in UTF-8) is X'6A' too */
	assert_int_equal(zf_delim_opts_init(&o, cp037, "\xC2\xA6", "", &err), ZF_OK);
	assert_int_equal(o.delimiter, 0x6A);
	assert_int_equal(o.quote, -1);
	/* SO as a delimiter of a mixed page */
	assert_int_equal(zf_delim_opts_bytes(&o, 0x0E, 0x7F, 0x40, true, &err), ZF_E_ARG);
}

/*
 * Mixed EBCDIC: bytes between SO and SI are DBCS pairs, never delimiters
 * or quotes even when a byte equals X'6B' or X'7F'.
 *	 0E 42 6B 42 7F 0F 6B 7F 0E 43 7F 0F 7F
 *	  0  1  2  3  4  5  6  7  8  9 10 11 12
 * is two fields: 0..5 unquoted, and the quoted 8..11.
 */
static void
test_mixed_shift(void **state)
{
	static const uint8_t rec[] = {
		0x0E, 0x42, 0x6B, 0x42, 0x7F, 0x0F, 0x6B, 0x7F, 0x0E, 0x43, 0x7F, 0x0F, 0x7F
	};
	static const uint8_t open[] = {0xC1, 0x6B, 0x0E, 0x42, 0x6B};
	zf_delim_opts o;
	zf_delim_field f[MAXF];
	uint32_t	n;
	zf_error	err;
	uint8_t		out[16];

	(void) state;
	zf_error_clear(&err);
	assert_int_equal(zf_delim_opts_bytes(&o, 0x6B, 0x7F, 0x40, true, &err), ZF_OK);
	assert_int_equal(zf_delim_split(&o, rec, sizeof(rec), f, MAXF, &n, &err), ZF_OK);
	assert_int_equal(n, 2);
	check_field(&f[0], 0, 6, false, false);
	check_field(&f[1], 8, 4, true, false);
	/* a quote byte inside SO..SI is not collapsed */
	assert_int_equal(zf_delim_unquote(&o, rec + 8, 4, out), 4);

	/* an SO at 2 that is never shifted back */
	assert_int_equal(zf_delim_split(&o, open, sizeof(open), f, MAXF, &n, &err), ZF_E_BAD_DATA);
	assert_int_equal(err.offset, 2);

	/* without shift codes the same record splits at every X'6B' */
	assert_int_equal(zf_delim_opts_bytes(&o, 0x6B, -1, 0x40, false, &err), ZF_OK);
	assert_int_equal(zf_delim_split(&o, rec, sizeof(rec), f, MAXF, &n, &err), ZF_OK);
	assert_int_equal(n, 3);
}

/* Line joining: the scan says when a line ends inside a quoted value. */
static void
test_scan(void **state)
{
	zf_delim_opts o = ascii_opts();
	zf_delim_scan scan;
	zf_delim_field f[MAXF];
	uint32_t	n;
	zf_error	err;
	const char *joined = "1,\"a\nb \"\"x\"\"\ny\",2";

	(void) state;
	zf_delim_scan_init(&scan);
	assert_false(zf_delim_scan_feed(&o, &scan, (const uint8_t *) "a,b", 3));

	/* 1,"a | b ""x"" | y",2 joined with LF: open, open, closed */
	zf_delim_scan_init(&scan);
	assert_true(zf_delim_scan_feed(&o, &scan, (const uint8_t *) "1,\"a", 4));
	assert_true(zf_delim_scan_feed(&o, &scan, (const uint8_t *) "\n", 1));
	assert_true(zf_delim_scan_feed(&o, &scan, (const uint8_t *) "b \"\"x\"\"", 7));
	assert_true(zf_delim_scan_feed(&o, &scan, (const uint8_t *) "\n", 1));
	assert_false(zf_delim_scan_feed(&o, &scan, (const uint8_t *) "y\",2", 4));
	assert_int_equal(split_str(&o, joined, f, &n, &err), ZF_OK);
	assert_int_equal(n, 3);
	/* the value a\nb ""x""\ny spans 3..13 */
	check_field(&f[1], 3, 11, true, true);

	/* a line ending with the first quote of a pair is still open: "x"" */
	zf_delim_scan_init(&scan);
	assert_true(zf_delim_scan_feed(&o, &scan, (const uint8_t *) "\"x\"\"", 4));

	/* a closed quote at the end is not open: "x" */
	zf_delim_scan_init(&scan);
	assert_false(zf_delim_scan_feed(&o, &scan, (const uint8_t *) "\"x\"", 3));

	/* a malformed line is never joined: a"b", then "c */
	zf_delim_scan_init(&scan);
	assert_false(zf_delim_scan_feed(&o, &scan, (const uint8_t *) "a\"b", 3));
	assert_false(zf_delim_scan_feed(&o, &scan, (const uint8_t *) "\"c", 2));
}

/*
 * The line end put back between joined lines: lines 1 byte apart ended
 * with the terminator alone, 2 bytes apart with CR (X'0D') before it.
 */
static void
test_line_end(void **state)
{
	uint8_t		gap[2];

	(void) state;
	assert_int_equal(zf_delim_line_end(0x0A, 1, gap), 1);
	assert_int_equal(gap[0], 0x0A);
	assert_int_equal(zf_delim_line_end(0x25, 2, gap), 2);
	assert_int_equal(gap[0], 0x0D);
	assert_int_equal(gap[1], 0x25);
	assert_int_equal(zf_delim_line_end(0x15, 1, gap), 1);
	assert_int_equal(gap[0], 0x15);
}

/*
 * Properties over many pseudo-random records made of the bytes that
 * matter (delimiter, quote, blank, SO, SI, data, LF): the splitter only
 * returns fields inside the record, in order, never overlapping; and the
 * line-joining scan, fed the record in random pieces, says "open" exactly
 * when the splitter finds an unterminated quote.
 */
static void
test_random_properties(void **state)
{
	static const uint8_t alphabet[] = {',', '"', ' ', 0x0E, 0x0F, 'a', '\n', '"', ','};
	zf_delim_opts o;
	zf_delim_field f[64];
	uint8_t		rec[40];
	uint32_t	seed = 12345;
	zf_error	err;

	(void) state;
	for (int shift = 0; shift < 2; shift++)
	{
		assert_int_equal(zf_delim_opts_bytes(&o, ',', '"', ' ', shift == 1, &err), ZF_OK);
		for (int iter = 0; iter < 200000; iter++)
		{
			uint32_t	len,
						n;
			zf_status	st;
			zf_delim_scan scan;
			bool		open = false;
			uint32_t	pos = 0;

			seed = seed * 1103515245 + 12345;
			len = (seed >> 16) % sizeof(rec);
			for (uint32_t i = 0; i < len; i++)
			{
				seed = seed * 1103515245 + 12345;
				rec[i] = alphabet[(seed >> 16) % sizeof(alphabet)];
			}
			zf_error_clear(&err);
			st = zf_delim_split(&o, rec, len, f, 64, &n, &err);
			if (st == ZF_OK)
			{
				assert_true(n >= 1);
				for (uint32_t k = 0; k < n; k++)
				{
					assert_true(f[k].offset + f[k].length <= len);
					if (k > 0)
						assert_true(f[k].offset > f[k - 1].offset + f[k - 1].length);
				}
			}
			else
			{
				assert_int_equal(st, ZF_E_BAD_DATA);
				assert_true(err.offset >= 0 && err.offset < (int64_t) len);
			}

			/* the same bytes in random pieces */
			zf_delim_scan_init(&scan);
			do
			{
				uint32_t	piece;

				seed = seed * 1103515245 + 12345;
				piece = (seed >> 16) % 5;
				if (piece > len - pos)
					piece = len - pos;
				open = zf_delim_scan_feed(&o, &scan, rec + pos, piece);
				pos += piece;
			} while (pos < len);
			assert_int_equal(open, st == ZF_E_BAD_DATA &&
							 strcmp(err.message, "quoted value is not terminated") == 0);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_empty_fields),
		cmocka_unit_test(test_quoted),
		cmocka_unit_test(test_doubled),
		cmocka_unit_test(test_padding),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_limit),
		cmocka_unit_test(test_trailing_delimiter),
		cmocka_unit_test(test_no_quote),
		cmocka_unit_test(test_ebcdic_cp037),
		cmocka_unit_test(test_bad_options),
		cmocka_unit_test(test_mixed_shift),
		cmocka_unit_test(test_scan),
		cmocka_unit_test(test_line_end),
		cmocka_unit_test(test_random_properties),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

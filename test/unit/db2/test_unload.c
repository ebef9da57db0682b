/*-------------------------------------------------------------------------
 *
 * test_unload.c
 *	  Unit tests for the DB2 UNLOAD writer (db2/unload/unload.h): the
 *	  layout of the fields, each value's bytes, the LOAD statement and the
 *	  CREATE TABLE.
 *
 * Oracles: bytes worked out by hand from IBM's formats (big-endian two's
 * complement; packed decimal with sign C/D; HFP 1.5 = X'41180000', as
 * 0.18 hex times 16^1; IEEE 1.5 = X'3FC00000'; ISO external dates in
 * CCSID 37 digits X'F0'..X'F9', '-' X'60', '.' X'4B'; 'é' X'51' in CCSID
 * 37); statement texts written by hand from IBM's LOAD syntax; and the
 * statement read back by zfdw's own punch parser, which must place each
 * field where the writer put it.
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
#include <strings.h>

#include "db2/punch/punch.h"
#include "db2/unload/unload.h"

static const zf_codepage *
page(const char *name)
{
	zf_error	err;
	const zf_codepage *cp = zf_codepage_lookup(name, &err);

	assert_non_null(cp);
	return cp;
}

/* A three-column unload: INTEGER null, VARCHAR(4), DECIMAL(5,2) null. */
static zf_unload *
small_unload(const char *cpname, bool ieee)
{
	zf_unload  *u = malloc(sizeof(zf_unload));
	zf_unload_column *c = calloc(3, sizeof(zf_unload_column));
	zf_error	err;

	assert_non_null(u);
	assert_int_equal(zf_unload_init(u, page(cpname), ieee, "ZFDW.T1", &err), ZF_OK);
	strcpy(c[0].name, "ID");
	c[0].type = ZF_UL_INTEGER;
	c[0].nullable = true;
	strcpy(c[1].name, "NAME");
	c[1].type = ZF_UL_VARCHAR;
	c[1].length = 4;
	strcpy(c[2].name, "AMT");
	c[2].type = ZF_UL_DECIMAL;
	c[2].digits = 5;
	c[2].scale = 2;
	c[2].nullable = true;
	u->cols = c;
	u->ncols = 3;
	assert_int_equal(zf_unload_layout(u, &err), ZF_OK);
	return u;
}

static void
free_unload(zf_unload *u)
{
	free(u->cols);
	free(u);
}

/* Indicator 1, ID 2-5, NAME 6-11 (prefix + 4), indicator 12, AMT 13-15. */
static void
test_layout(void **state)
{
	zf_unload  *u = small_unload("cp037", false);

	(void) state;
	assert_int_equal(u->cols[0].null_pos, 0);
	assert_int_equal(u->cols[0].offset, 1);
	assert_int_equal(u->cols[0].size, 4);
	assert_int_equal(u->cols[1].offset, 5);
	assert_int_equal(u->cols[1].size, 6);
	assert_int_equal(u->cols[2].null_pos, 11);
	assert_int_equal(u->cols[2].offset, 12);
	assert_int_equal(u->cols[2].size, 3);
	assert_int_equal(u->lrecl, 15);
	free_unload(u);
}

static void
test_record_bytes(void **state)
{
	zf_unload  *u = small_unload("cp037", false);
	uint8_t		rec[15];
	zf_error	err;
	static const uint8_t want1[15] = {0x00, 0xFF, 0xFF, 0xFF, 0xFE,
		0x00, 0x02, 0x81, 0x82, 0x40, 0x40,
	0x00, 0x00, 0x00, 0x1D};
	static const uint8_t want2[15] = {0xFF, 0, 0, 0, 0,
		0x00, 0x00, 0x40, 0x40, 0x40, 0x40,
	0x00, 0x12, 0x34, 0x5C};

	(void) state;
	zf_unload_record_start(u, rec);
	assert_int_equal(zf_unload_put_int(u, 0, -2, rec, &err), ZF_OK);
	assert_int_equal(zf_unload_put_text(u, 1, "ab", 2, rec, &err), ZF_OK);
	assert_int_equal(zf_unload_put_decimal(u, 2, "-0.01", 5, rec, &err), ZF_OK);
	assert_memory_equal(rec, want1, 15);

	zf_unload_record_start(u, rec);
	zf_unload_put_null(u, 0, rec);
	assert_int_equal(zf_unload_put_text(u, 1, "", 0, rec, &err), ZF_OK);
	assert_int_equal(zf_unload_put_decimal(u, 2, "123.45", 6, rec, &err), ZF_OK);
	assert_memory_equal(rec, want2, 15);

	/* nothing rounded, nothing cut */
	assert_int_equal(zf_unload_put_decimal(u, 2, "1.005", 5, rec, &err), ZF_E_OVERFLOW);
	assert_int_equal(zf_unload_put_decimal(u, 2, "1000", 4, rec, &err), ZF_E_OVERFLOW);
	assert_non_null(strstr(err.message, "AMT"));
	assert_int_equal(zf_unload_put_text(u, 1, "abcde", 5, rec, &err), ZF_E_OVERFLOW);
	assert_non_null(strstr(err.message, "NAME"));
	/* four characters of two bytes each in UTF-8 are four in CCSID 37 */
	assert_int_equal(zf_unload_put_text(u, 1, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 8, rec, &err), ZF_OK);
	assert_int_equal(rec[6], 4);
	assert_int_equal(rec[7], 0x51);
	free_unload(u);
}

static void
test_numbers_and_floats(void **state)
{
	zf_unload  *u = malloc(sizeof(zf_unload));
	zf_unload_column c[4] = {0};
	uint8_t		rec[32];
	zf_error	err;
	static const uint8_t hfp[12] = {0x41, 0x18, 0, 0, 0x41, 0x10, 0, 0, 0, 0, 0, 0};
	static const uint8_t ieee[12] = {0x3F, 0xC0, 0, 0, 0x3F, 0xF0, 0, 0, 0, 0, 0, 0};

	(void) state;
	strcpy(c[0].name, "R");
	c[0].type = ZF_UL_REAL;
	strcpy(c[1].name, "D");
	c[1].type = ZF_UL_DOUBLE;
	strcpy(c[2].name, "S");
	c[2].type = ZF_UL_SMALLINT;
	strcpy(c[3].name, "B");
	c[3].type = ZF_UL_BIGINT;
	for (int pass = 0; pass < 2; pass++)
	{
		assert_int_equal(zf_unload_init(u, page("cp037"), pass == 1, "T", &err), ZF_OK);
		u->cols = c;
		u->ncols = 4;
		assert_int_equal(zf_unload_layout(u, &err), ZF_OK);
		assert_int_equal(u->lrecl, 22);
		zf_unload_record_start(u, rec);
		assert_int_equal(zf_unload_put_double(u, 0, 1.5, rec, &err), ZF_OK);
		assert_int_equal(zf_unload_put_double(u, 1, 1.0, rec, &err), ZF_OK);
		assert_memory_equal(rec, pass == 0 ? hfp : ieee, 12);
		/* 0.1 as a float4 has bits a short HFP drops; IEEE holds it */
		assert_int_equal(zf_unload_put_double(u, 0, (double) 0.1f, rec, &err),
						 pass == 0 ? ZF_E_OVERFLOW : ZF_OK);
		assert_int_equal(zf_unload_put_double(u, 1, 0.0 / 0.0, rec, &err), ZF_E_OVERFLOW);
	}
	assert_int_equal(zf_unload_put_int(u, 2, 32767, rec, &err), ZF_OK);
	assert_int_equal(rec[12], 0x7F);
	assert_int_equal(rec[13], 0xFF);
	assert_int_equal(zf_unload_put_int(u, 2, 32768, rec, &err), ZF_E_OVERFLOW);
	assert_int_equal(zf_unload_put_int(u, 3, INT64_MIN, rec, &err), ZF_OK);
	assert_int_equal(rec[14], 0x80);
	assert_int_equal(rec[21], 0x00);
	free(u);
}

static void
test_dates(void **state)
{
	zf_unload  *u = malloc(sizeof(zf_unload));
	zf_unload_column c[3] = {0};
	uint8_t		rec[64];
	zf_error	err;
	static const uint8_t date[10] = {0xF2, 0xF0, 0xF2, 0xF4, 0x60, 0xF0, 0xF2, 0x60, 0xF2, 0xF9};
	static const uint8_t time[8] = {0xF2, 0xF3, 0x4B, 0xF5, 0xF9, 0x4B, 0xF5, 0xF8};

	(void) state;
	strcpy(c[0].name, "DT");
	c[0].type = ZF_UL_DATE;
	strcpy(c[1].name, "TM");
	c[1].type = ZF_UL_TIME;
	strcpy(c[2].name, "TS");
	c[2].type = ZF_UL_TIMESTAMP;
	assert_int_equal(zf_unload_init(u, page("cp037"), false, "T", &err), ZF_OK);
	u->cols = c;
	u->ncols = 3;
	assert_int_equal(zf_unload_layout(u, &err), ZF_OK);
	assert_int_equal(u->lrecl, 44);
	zf_unload_record_start(u, rec);
	assert_int_equal(zf_unload_put_date(u, 0, 2024, 2, 29, rec, &err), ZF_OK);
	assert_memory_equal(rec, date, 10);
	assert_int_equal(zf_unload_put_time(u, 1, 23, 59, 58, rec, &err), ZF_OK);
	assert_memory_equal(rec + 10, time, 8);
	assert_int_equal(zf_unload_put_timestamp(u, 2, 1, 1, 1, 0, 0, 0, 1, rec, &err), ZF_OK);
	/* "0001-01-01-00.00.00.000001": the last digit is F1 */
	assert_int_equal(rec[18 + 25], 0xF1);
	assert_int_equal(rec[18 + 10], 0x60);
	assert_int_equal(zf_unload_put_date(u, 0, 10000, 1, 1, rec, &err), ZF_E_OVERFLOW);
	assert_int_equal(zf_unload_put_date(u, 0, 0, 1, 1, rec, &err), ZF_E_OVERFLOW);
	free(u);
}

static void
test_punch_text(void **state)
{
	zf_unload  *u = small_unload("cp037", false);
	size_t		cap = zf_unload_punch_bound(u),
				len;
	char	   *text = malloc(cap);
	zf_error	err;
	zf_layout  *L;
	int			found = 0;
	const char *want =
		"LOAD DATA INDDN SYSREC LOG NO RESUME YES\n"
		" EBCDIC  CCSID(00037,00000,00000)\n"
		" INTO TABLE \"ZFDW\".\"T1\"\n"
		" ( \"ID\"\n"
		"        POSITION(  00002:00005) INTEGER\n"
		"                          NULLIF(00001)=X'FF'\n"
		" , \"NAME\"\n"
		"        POSITION(  00006:00011) VARCHAR\n"
		" , \"AMT\"\n"
		"        POSITION(  00013:00015) DECIMAL PACKED(00005,00002)\n"
		"                          NULLIF(00012)=X'FF'\n"
		" )\n";

	(void) state;
	assert_int_equal(zf_unload_punch(u, text, cap, &len, &err), ZF_OK);
	assert_string_equal(text, want);
	assert_int_equal(len, strlen(want));

	/* zfdw's punch parser places the fields where the writer put them */
	L = zf_punch_parse(text, len, NULL, &err);
	assert_non_null(L);
	assert_int_equal(L->nrecords, 1);
	for (int32_t f = 0; f < L->nfields; f++)
	{
		const zf_field *fd = &L->fields[f];

		if (strcasecmp(fd->name, "AMT") == 0)
		{
			assert_int_equal(fd->offset, 12);
			assert_int_equal(fd->digits, 5);
			assert_int_equal(fd->scale, 2);
			assert_true(fd->has_null_ind);
			assert_int_equal(fd->null_ind_rel, -1);
			found++;
		}
		else if (strcasecmp(fd->name, "NAME") == 0)
		{
			assert_int_equal(fd->offset, 5);
			assert_false(fd->has_null_ind);
			found++;
		}
	}
	assert_int_equal(found, 2);
	zf_layout_free(L);

	assert_int_equal(zf_unload_create_table(u, text, cap, &len, &err), ZF_OK);
	assert_string_equal(text,
						"CREATE TABLE \"ZFDW\".\"T1\"\n"
						"  ( \"ID\" INTEGER\n"
						"  , \"NAME\" VARCHAR(4) NOT NULL\n"
						"  , \"AMT\" DECIMAL(5,2)\n"
						"  )\n"
						"  CCSID EBCDIC;\n");
	free(text);
	free_unload(u);
}

static void
test_refusals(void **state)
{
	zf_unload  *u = malloc(sizeof(zf_unload));
	zf_unload_column c[2] = {0};
	zf_error	err;

	(void) state;
	assert_int_equal(zf_unload_init(u, page("cp930"), false, "T", &err), ZF_E_UNSUPPORTED);
	assert_int_equal(zf_unload_init(u, page("cp037"), false, "A.B.C", &err), ZF_E_ARG);
	assert_int_equal(zf_unload_init(u, page("cp037"), false, ".B", &err), ZF_E_ARG);
	assert_int_equal(zf_unload_init(u, page("cp037"), false, "T", &err), ZF_OK);
	u->cols = c;
	u->ncols = 2;
	strcpy(c[0].name, "A");
	c[0].type = ZF_UL_VARCHAR;
	c[0].length = 32704;
	strcpy(c[1].name, "B");
	c[1].type = ZF_UL_CHAR;
	c[1].length = 200;
	assert_int_equal(zf_unload_layout(u, &err), ZF_E_LIMIT);
	c[1].length = 256;
	c[0].length = 10;
	assert_int_equal(zf_unload_layout(u, &err), ZF_E_ARG);
	c[1].type = ZF_UL_DECIMAL;
	c[1].digits = 32;
	assert_int_equal(zf_unload_layout(u, &err), ZF_E_ARG);
	free(u);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_record_bytes),
		cmocka_unit_test(test_numbers_and_floats),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_punch_text),
		cmocka_unit_test(test_refusals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*-------------------------------------------------------------------------
 *
 * test_punch.c
 *	  Unit tests for the SYSPUNCH parser (punch.c, punch_lex.c,
 *	  punch_fields.c).
 *
 * The real samples in ../shared/db2ddl (read from there, GPL-3.0) are the
 * oracle for the grammar of generated punches: their POSITIONs, written
 * by DB2, must come back as the layout's offsets and lengths.  The other
 * vectors are small punches written here, with the storage each type has
 * in IBM's description of UNLOAD's output.
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

#include "db2/punch/punch.h"

#define SAMPLES ZF_SOURCE_DIR "/../shared/db2ddl/"

/* Read a whole file (NUL-terminated); fails the test if it is missing. */
static char *
read_file(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf;
	long		n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t) n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t) n, f), (size_t) n);
	buf[n] = '\0';
	fclose(f);
	if (len)
		*len = (size_t) n;
	return buf;
}

/* Parse punch text; fails the test on an error. */
static zf_layout *
parse_ok(const char *text, const zf_db2_script *ddl)
{
	zf_error	err;
	zf_punch_opts opts;
	zf_layout  *L;

	zf_punch_opts_init(&opts);
	opts.ddl = ddl;
	zf_error_clear(&err);
	L = zf_punch_parse(text, strlen(text), &opts, &err);
	if (L == NULL)
		fail_msg("punch does not parse: %s (line %d, column %d)", err.message, err.line, err.column);
	return L;
}

/* Parse punch text that must fail; returns the error. */
static zf_error
parse_fail(const char *text)
{
	zf_error	err;
	zf_layout  *L;

	zf_error_clear(&err);
	L = zf_punch_parse(text, strlen(text), NULL, &err);
	if (L != NULL)
	{
		zf_layout_free(L);
		fail_msg("punch parsed but should not: %s", text);
	}
	return err;
}

/* The field of record rec named name (a DB2 name, as written). */
static const zf_field *
field(const zf_layout *L, int32_t rec, const char *name)
{
	for (int32_t f = L->fields[L->records[rec].root].first_child; f >= 0;
		 f = L->fields[f].next_sibling)
		if (strcmp(L->fields[f].name, name) == 0)
			return &L->fields[f];
	fail_msg("no field %s", name);
	return NULL;
}

/* Number of fields of record rec. */
static int
nfields(const zf_layout *L, int32_t rec)
{
	int			n = 0;

	for (int32_t f = L->fields[L->records[rec].root].first_child; f >= 0;
		 f = L->fields[f].next_sibling)
		n++;
	return n;
}

static zf_db2_script *
parse_ddl(const char *text)
{
	zf_db2_script *s = NULL;
	zf_error	err;
	zf_db2ddl_parse_options o;

	memset(&o, 0, sizeof(o));
	o.continue_on_error = true;
	zf_error_clear(&err);
	assert_int_equal(zf_db2ddl_parse(text, strlen(text), &o, &s, &err), ZF_OK);
	return s;
}

/* ---- the real samples ---- */

/* ORCAMENTOITECOB: POSITION( 00003:00004) etc. become offsets 2.., the
 * record is 196 bytes, nullable SMALLINTs have their byte before them. */
static void
test_sample_orcamentoitecob(void **state)
{
	char	   *text = read_file(SAMPLES "punch-unload-orcamentoitecob.jcl", NULL);
	char	   *ddl = read_file(SAMPLES "ddl-v7style-orcamentoitecob.sql", NULL);
	zf_db2_script *script = parse_ddl(ddl);
	zf_layout  *L = parse_ok(text, NULL);
	const zf_recdef *rd = &L->records[0];
	const zf_field *f;

	(void) state;
	assert_int_equal(L->nrecords, 1);
	assert_string_equal(rd->creator, "TECINFOR");
	assert_string_equal(rd->table, "ORCAMENTOITECOB");
	assert_int_equal(rd->max_length, 196);
	assert_true(rd->is_static);
	assert_int_equal(rd->nwhen, 1);
	assert_int_equal(rd->when[0].offset, 0);
	assert_int_equal(rd->when[0].length, 2);
	assert_memory_equal(rd->when[0].value, "\x00\xA7", 2);
	assert_int_equal(rd->ccsid_sbcs, 37);
	assert_int_equal(nfields(L, 0), 37);
	f = field(L, 0, "NRORC");
	assert_int_equal(f->kind, ZF_KIND_PACKED);
	assert_int_equal(f->offset, 4);
	assert_int_equal(f->length, 6);
	assert_int_equal(f->digits, 11);
	assert_true(f->scale_unknown);
	f = field(L, 0, "CDSUBREG");
	assert_true(f->has_null_ind);
	assert_int_equal(f->offset, 193);
	assert_int_equal(f->null_ind_rel, -1);
	assert_int_equal(f->null_ind_value, 0xFF);
	assert_false(field(L, 0, "IDNOVTAR")->has_null_ind);
	zf_layout_free(L);

	/* with its DDL: DECIMAL(17,2) and (7,4) */
	L = parse_ok(text, script);
	f = field(L, 0, "VLIS");
	assert_int_equal(f->digits, 17);
	assert_int_equal(f->scale, 2);
	assert_false(f->scale_unknown);
	f = field(L, 0, "PCTAXIS");
	assert_int_equal(f->digits, 7);
	assert_int_equal(f->scale, 4);
	assert_non_null(zf_punch_ddl_table(script, &L->records[0]));
	zf_layout_free(L);
	zf_db2ddl_free(script);
	free(ddl);
	free(text);
}

/* MAPA_S3_COMM_LIAB: two PART blocks of 309 fields, one layout. */
static void
test_sample_mapa_partitions(void **state)
{
	char	   *text = read_file(SAMPLES "punch-unload-mapa-s3-comm-liab-parts1-2.txt", NULL);
	zf_layout  *L = parse_ok(text, NULL);

	(void) state;
	assert_int_equal(L->nrecords, 2);
	assert_int_equal(L->records[0].part, 1);
	assert_int_equal(L->records[1].part, 2);
	assert_string_equal(L->records[0].name, "ERSPROD.MAPA_S3_COMM_LIAB");
	assert_int_equal(L->records[0].max_length, 1169);
	assert_int_equal(nfields(L, 0), 309);
	assert_true(zf_punch_same_layout(L, 0, 1));
	assert_int_equal(field(L, 1, "S3_POL_XTRSMX_IND")->offset, 1168);
	zf_layout_free(L);
	free(text);
}

/* SYSTABLES LIKE: UNICODE CCSID(367,1208,1200), VARCHAR MIXED slots. */
static void
test_sample_unicode(void **state)
{
	char	   *text = read_file(SAMPLES "punch-unload-systables-like-unicode.jcl", NULL);
	zf_layout  *L = parse_ok(text, NULL);
	const zf_recdef *rd = &L->records[0];
	const zf_field *f;

	(void) state;
	/* the second LOAD of the job has no fields and is for the same table */
	assert_int_equal(L->nrecords, 1);
	assert_true(rd->unicode);
	assert_int_equal(rd->ccsid_sbcs, 367);
	assert_int_equal(rd->ccsid_mixed, 1208);
	assert_int_equal(rd->ccsid_dbcs, 1200);
	assert_int_equal(rd->max_length, 2608);
	f = field(L, 0, "REMARKS");
	assert_int_equal(f->kind, ZF_KIND_VARCHAR);
	assert_int_equal(f->length, 764);
	assert_int_equal(f->length_prefix, 2);
	assert_false(f->nopad);
	assert_true(f->mixed);
	f = field(L, 0, "CREATEDTS");
	assert_int_equal(f->kind, ZF_KIND_TIMESTAMP);
	assert_int_equal(f->frac_digits, 6);
	f = field(L, 0, "CARDF");
	assert_int_equal(f->kind, ZF_KIND_FLOAT);
	assert_int_equal(f->length, 8);
	assert_int_equal(rd->float_format, ZF_FLOAT_HFP);
	zf_layout_free(L);
	free(text);
}

/* REORG UNLOAD EXTERNAL: no WHEN, data from position 7, padded names. */
static void
test_sample_reorg(void **state)
{
	char	   *text = read_file(SAMPLES "punch-reorg-unload-external-v6-co000t.txt", NULL);
	zf_layout  *L = parse_ok(text, NULL);
	const zf_field *f;
	char		type[64];

	(void) state;
	assert_int_equal(L->records[0].nwhen, 0);
	assert_string_equal(L->records[0].table, "CO000T_FILIAL");
	assert_int_equal(L->records[0].max_length, 523);
	f = field(L, 0, "CD_FL");
	assert_int_equal(f->offset, 6);
	assert_string_equal(f->sql_name, "cd_fl");
	f = field(L, 0, "TP_FL");
	assert_int_equal(f->length, 1);
	assert_int_equal(f->digits, 1);
	f = field(L, 0, "NO_EMAIL_GNT_FL");
	assert_int_equal(f->kind, ZF_KIND_VARCHAR);
	assert_int_equal(f->length, 102);
	assert_int_equal(f->null_ind_rel, -1);
	zf_punch_pg_type(L, (int32_t) (field(L, 0, "CD_CNPJ") - L->fields), type, sizeof(type));
	assert_string_equal(type, "numeric");
	zf_layout_free(L);
	free(text);
}

/* Every prefix of a real punch parses or fails cleanly. */
static void
test_sample_prefixes(void **state)
{
	size_t		len;
	char	   *text = read_file(SAMPLES "punch-unload-orcamentoitecob.jcl", &len);

	(void) state;
	for (size_t n = 0; n <= len; n += 7)
	{
		zf_error	err;
		zf_layout  *L;

		zf_error_clear(&err);
		L = zf_punch_parse(text, n, NULL, &err);
		if (L == NULL)
			assert_int_not_equal(err.status, ZF_OK);
		zf_layout_free(L);
	}
	free(text);
}

/* ---- grammar ---- */

/* Card images: sequence numbers in 73-80, comments, several statements,
 * unquoted and blank-padded quoted names, PART, WHEN ... AND ... */
static void
test_grammar_cards(void **state)
{
	const char *text =
		"//JOB    JOB ...\n"
		"TEMPLATE SREC DSN('A.B.C') DISP(OLD,KEEP,KEEP)                          00000100\n"
		"LOAD DATA INDDN SREC LOG NO REPLACE SORTKEYS 1234  -- a comment         00000200\n"
		" STATISTICS TABLE(ALL) INDEX(ALL) UPDATE ALL WORKDDN(A,B)               00000300\n"
		" EBCDIC CCSID(00037,00000,00000)\n"
		" INTO TABLE \"CR     \".\"T1     \"\n"
		"  WHEN (00001:00002) = X'0A0B' AND (00003:00003) = 'X'\n"
		"  ( \"A      \" POSITION(00004:00005) SMALLINT\n"
		"  , b POSITION(00006:00007) CHAR(2) )\n"
		" INTO TABLE cr.t2 PART 00003 INDDN X WHEN(1:2)=X'0A0C' (\"A\" POSITION(3:6) INTEGER)\n";
	zf_layout  *L = parse_ok(text, NULL);

	(void) state;
	assert_int_equal(L->nrecords, 2);
	assert_string_equal(L->records[0].creator, "CR");
	assert_string_equal(L->records[0].table, "T1");
	assert_int_equal(L->records[0].nwhen, 2);
	assert_memory_equal(L->records[0].when[1].value, "\xE7", 1);	/* 'X' in EBCDIC */
	assert_string_equal(field(L, 0, "B")->sql_name, "b");
	assert_string_equal(L->records[1].name, "CR.T2");
	assert_int_equal(L->records[1].part, 3);
	assert_int_equal(L->records[1].max_length, 6);
	zf_layout_free(L);
}

/* FORMAT DELIMITED: recorded on the record definition, delimiters as
 * characters (X'5E' is ';' in CCSID 37). */
static void
test_grammar_delimited(void **state)
{
	const char *text =
		"LOAD DATA EBCDIC CCSID(37,0,0) FORMAT DELIMITED COLDEL X'5E' CHARDEL '''' DECPT ','\n"
		" INTO TABLE A.B (\"X\" POSITION(*) INTEGER EXTERNAL, \"Y\" VARCHAR,\n"
		"  \"Z\" DECIMAL EXTERNAL(9,2))\n";
	zf_layout  *L = parse_ok(text, NULL);
	const zf_recdef *rd = &L->records[0];

	(void) state;
	assert_true(rd->is_delimited);
	assert_int_equal(rd->coldel, ';');
	assert_int_equal(rd->chardel, '\'');
	assert_int_equal(rd->decpt, ',');
	assert_int_equal(field(L, 0, "Y")->length_prefix, 0);
	assert_int_equal(field(L, 0, "Z")->scale, 2);
	zf_layout_free(L);

	L = parse_ok("LOAD DATA FORMAT DELIMITED INTO TABLE A.B (\"X\" CHAR(3))", NULL);
	assert_int_equal(L->records[0].coldel, ',');
	assert_int_equal(L->records[0].chardel, '"');
	assert_int_equal(L->records[0].decpt, '.');
	zf_layout_free(L);
}

/* ---- storage of every type ---- */

typedef struct type_case
{
	const char *spec;			/* what follows POSITION(...) */
	const char *position;		/* "3:12" or "3" */
	zf_kind		kind;
	uint32_t	length;
	uint8_t		prefix;
} type_case;

static void
test_type_storage(void **state)
{
	static const type_case cases[] = {
		{"CHAR(00010)", "3:12", ZF_KIND_ALNUM, 10, 0},
		{"CHAR MIXED(001)", "3:3", ZF_KIND_ALNUM, 1, 0},
		{"VARCHAR", "3:12", ZF_KIND_VARCHAR, 10, 2},
		{"GRAPHIC(00003)", "3:8", ZF_KIND_DBCS, 6, 0},
		{"GRAPHIC EXTERNAL(2)", "3:8", ZF_KIND_ALNUM, 6, 0},
		{"VARGRAPHIC", "3:12", ZF_KIND_VARGRAPHIC, 10, 2},
		{"SMALLINT", "3:4", ZF_KIND_BINARY, 2, 0},
		{"INTEGER", "3:6", ZF_KIND_BINARY, 4, 0},
		{"BIGINT", "3:10", ZF_KIND_BINARY, 8, 0},
		{"DECIMAL", "3:5", ZF_KIND_PACKED, 3, 0},
		{"DECIMAL PACKED", "3:5", ZF_KIND_PACKED, 3, 0},
		{"DECIMAL(7,2)", "3", ZF_KIND_PACKED, 4, 0},
		{"DECIMAL ZONED(5,1)", "3:7", ZF_KIND_ZONED, 5, 0},
		{"DECIMAL EXTERNAL(8,2)", "3:10", ZF_KIND_ALNUM, 8, 0},
		{"INTEGER EXTERNAL(6)", "3", ZF_KIND_ALNUM, 6, 0},
		{"REAL", "3:6", ZF_KIND_FLOAT, 4, 0},
		{"FLOAT(21)", "3", ZF_KIND_FLOAT, 4, 0},
		{"FLOAT(53)", "3:10", ZF_KIND_FLOAT, 8, 0},
		{"FLOAT", "3:6", ZF_KIND_FLOAT, 4, 0},
		{"DOUBLE PRECISION", "3", ZF_KIND_FLOAT, 8, 0},
		{"DECFLOAT(16)", "3", ZF_KIND_DECFLOAT, 8, 0},
		{"DECFLOAT(34)", "3:18", ZF_KIND_DECFLOAT, 16, 0},
		{"DATE EXTERNAL", "3", ZF_KIND_DATE, 10, 0},
		{"TIME EXTERNAL", "3:10", ZF_KIND_TIME, 8, 0},
		{"TIMESTAMP EXTERNAL", "3", ZF_KIND_TIMESTAMP, 26, 0},
		{"TIMESTAMP EXTERNAL(032)", "3", ZF_KIND_TIMESTAMP, 32, 0},
		{"TIMESTAMP WITH TIME ZONE EXTERNAL(032)", "3", ZF_KIND_TIMESTAMP_TZ, 32, 0},
		{"ROWID", "3:44", ZF_KIND_BYTES, 42, 2},
		{"BINARY(4)", "3", ZF_KIND_BYTES, 4, 0},
		{"VARBINARY", "3:12", ZF_KIND_BYTES, 10, 2},
		{"BLOB", "3:12", ZF_KIND_LOB, 10, 2},
		{"CLOB", "3:12", ZF_KIND_LOB, 10, 2},
		{"XML", "3:12", ZF_KIND_LOB, 10, 2},
		{"DBCLOB", "3:12", ZF_KIND_VARGRAPHIC, 10, 2},
		{"VARCHAR CLOBF", "3:12", ZF_KIND_LOB_FILE, 10, 2},
		{"CHAR(8) BLOBF", "3", ZF_KIND_LOB_FILE, 8, 0},
	};

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		char		text[256];
		zf_layout  *L;
		const zf_field *f;

		snprintf(text, sizeof(text),
				 "LOAD DATA INTO TABLE A.B (\"F\" POSITION(%s) %s, \"END\" POSITION(%u) CHAR(1))",
				 cases[i].position, cases[i].spec, 3 + cases[i].length);
		L = parse_ok(text, NULL);
		f = field(L, 0, "F");
		if (f->kind != cases[i].kind || f->length != cases[i].length ||
			f->length_prefix != cases[i].prefix || f->offset != 2)
			fail_msg("%s: kind %d length %u prefix %u offset %u", cases[i].spec, f->kind,
					 f->length, f->length_prefix, f->offset);
		zf_layout_free(L);
	}
}

/* Details: digits, scales, fraction digits, CCSIDs, FOR BIT DATA. */
static void
test_type_attributes(void **state)
{
	zf_layout  *L = parse_ok(
		"LOAD DATA UNICODE INTO TABLE A.B\n"
		" (\"P\" POSITION(1:3) DECIMAL, \"Z\" POSITION(4:8) DECIMAL ZONED(5,2)\n"
		" , \"T\" POSITION(9:40) TIMESTAMP EXTERNAL(32), \"G\" POSITION(41:44) GRAPHIC(2)\n"
		" , \"C\" POSITION(45:46) CHAR(2) BIT, \"M\" POSITION(47:50) VARCHAR MIXED\n"
		" , \"X\" POSITION(51:60) XML, \"D\" POSITION(61:68) DECFLOAT)", NULL);
	const zf_field *f;

	(void) state;
	f = field(L, 0, "P");
	assert_int_equal(f->digits, 5);
	assert_int_equal(f->scale, 0);
	assert_true(f->scale_unknown);
	f = field(L, 0, "Z");
	assert_int_equal(f->digits, 5);
	assert_int_equal(f->scale, 2);
	assert_false(f->scale_unknown);
	assert_int_equal(field(L, 0, "T")->frac_digits, 12);
	assert_int_equal(field(L, 0, "G")->ccsid, 1200);
	assert_true(field(L, 0, "C")->for_bit_data);
	assert_int_equal(field(L, 0, "M")->ccsid, 1208);
	assert_int_equal(field(L, 0, "X")->ccsid, 1208);
	assert_int_equal(field(L, 0, "D")->length, 8);
	assert_int_equal(field(L, 0, "D")->digits, 16);
	zf_layout_free(L);

	L = parse_ok("LOAD DATA EBCDIC CCSID(1140,939,300) FLOAT(IEEE) INTO TABLE A.B\n"
				 " (\"R\" POSITION(1:4) REAL, \"C\" POSITION(5:6) CHAR(2),"
				 " \"M\" POSITION(7:8) CHAR MIXED(2), \"G\" POSITION(9:10) GRAPHIC(1))", NULL);
	assert_int_equal(L->records[0].float_format, ZF_FLOAT_IEEE);
	assert_int_equal(field(L, 0, "C")->ccsid, 1140);
	assert_int_equal(field(L, 0, "M")->ccsid, 939);
	assert_int_equal(field(L, 0, "G")->ccsid, 300);
	zf_layout_free(L);
}

/* ---- null indicators, NOPAD, SPANNED, DSNTIAUL ---- */

/* POSITION(*) with DSN_NULL_IND fields: unpadded, indicator right before. */
static void
test_nopad(void **state)
{
	zf_layout  *L = parse_ok(
		"LOAD DATA INTO TABLE A.B WHEN(1:2)=X'0001'\n"
		" ( \"ID\" POSITION(3:6) INTEGER\n"
		" , \"NAME\" POSITION(7) VARCHAR\n"
		" , \"DSN_NULL_IND_00003\" POSITION(*) CHAR(1)\n"
		" , \"NOTE\" POSITION(*) VARCHAR NULLIF(DSN_NULL_IND_00003)=X'FF'\n"
		" , \"QTY\" POSITION(*) SMALLINT )", NULL);
	const zf_field *name = field(L, 0, "NAME");
	const zf_field *note = field(L, 0, "NOTE");
	zf_cursor  *c;
	zf_error	err;
	uint32_t	off,
				len;
	/* ID, NAME 'AB' (2), indicator 00, NOTE 'XYZ' (3), QTY 7 */
	static const uint8_t rec[] = {0x00, 0x01, 0, 0, 0, 9, 0, 2, 0xC1, 0xC2, 0x00,
	0, 3, 0xE7, 0xE8, 0xE9, 0, 7};

	(void) state;
	assert_false(L->records[0].is_static);
	assert_true(name->nopad);
	assert_int_equal(name->length, 2 + ZF_PUNCH_VARCHAR_MAX);
	assert_true(note->nopad);
	assert_int_equal(note->null_ind_rel, -1);
	assert_true(field(L, 0, "DSN_NULL_IND_00003")->is_filler);
	assert_int_equal(L->records[0].min_length, 6 + 2 + 1 + 2 + 2);

	zf_error_clear(&err);
	c = zf_cursor_create(L, 0, ZF_CHARSET_EBCDIC, &err);
	assert_non_null(c);
	zf_cursor_bind(c, rec, sizeof(rec));
	assert_int_equal(zf_cursor_locate(c, (int32_t) (note - L->fields), NULL, &off, &len, &err), ZF_OK);
	assert_int_equal(off, 11);
	assert_int_equal(len, 5);
	assert_int_equal(zf_cursor_locate(c, (int32_t) (field(L, 0, "QTY") - L->fields), NULL, &off, &len, &err), ZF_OK);
	assert_int_equal(off, 16);
	zf_cursor_free(c);
	zf_layout_free(L);
}

/*
 * Overlapping varying fields (positions are read as written): their
 * savings cannot take the minimum record length below zero (fuzz_punch:
 * the minimum wrapped around to 4294901781, above the maximum).  BACK
 * is placed back on CODE's bytes, so the LOB after it, IMG, lies on the
 * bytes of BODY: both save their length, from the same area.
 */
static void
test_overlapping_varying(void **state)
{
	zf_layout  *L = parse_ok(
		"LOAD DATA INTO TABLE A.B WHEN(1:2)=X'0001'\n"
		" ( \"ID\" POSITION(3:6) INTEGER\n"
		" , \"CODE\" POSITION(7:12) CHAR(6)\n"
		" , \"BODY\" POSITION(*) CLOB\n"
		" , \"BACK\" POSITION(7:12) CHAR(6)\n"
		" , \"IMG\" POSITION(*) BLOB )", NULL);

	(void) state;
	assert_false(L->records[0].is_static);
	assert_true(L->records[0].min_length <= L->records[0].max_length);
	zf_layout_free(L);
}

/* SPANNED YES: LOBs with 4-byte lengths share the record length limit. */
static void
test_spanned(void **state)
{
	zf_punch_opts opts;
	zf_error	err;
	zf_layout  *L;
	const char *text =
		"LOAD DATA EBCDIC FORMAT SPANNED YES INTO TABLE A.B WHEN(1:2)=X'000C'\n"
		" (\"ID\" POSITION(3:6) CHAR(4), \"S\" POSITION(7) VARCHAR,\n"
		"  \"DSN_NULL_IND_00003\" POSITION(*) CHAR(1),\n"
		"  \"C1\" POSITION(*) CLOB NULLIF(DSN_NULL_IND_00003)=X'FF',\n"
		"  \"C2\" POSITION(*) BLOB)";

	(void) state;
	zf_punch_opts_init(&opts);
	opts.limits.max_record_length = 1000000;
	zf_error_clear(&err);
	L = zf_punch_parse(text, strlen(text), &opts, &err);
	assert_non_null(L);
	assert_true(L->records[0].spanned);
	assert_int_equal(field(L, 0, "C1")->length_prefix, 4);
	assert_true(field(L, 0, "C1")->nopad);
	assert_true(field(L, 0, "C2")->for_bit_data);
	assert_true(L->records[0].max_length <= 1000000);
	assert_int_equal(field(L, 0, "C1")->length, field(L, 0, "C2")->length);
	zf_layout_free(L);

	/* no room left for the LOBs */
	opts.limits.max_record_length = 2 + 4 + 2 + ZF_PUNCH_VARCHAR_MAX + 1;
	L = zf_punch_parse(text, strlen(text), &opts, &err);
	assert_null(L);
	assert_int_equal(err.status, ZF_E_LIMIT);
	assert_int_equal(err.limit, ZF_LIMIT_RECORD_LENGTH);
}

/* DSNTIAUL: POSITION(n) only, the indicator after the field ('?' is X'6F'),
 * VARCHAR padded up to the next field, a trailing indicator in the record. */
static void
test_dsntiaul(void **state)
{
	zf_layout  *L = parse_ok(
		"  LOAD DATA LOG NO INDDN SYSREC00 INTO TABLE\n"
		"      DSN8C10.DEPT\n"
		"   (\n"
		"   DEPTNO        POSITION(       1         )\n"
		"   CHAR(                     3         ),\n"
		"   DEPTNAME      POSITION(       4         )\n"
		"   VARCHAR,\n"
		"   MGRNO         POSITION(      42         )\n"
		"   CHAR(                     6         )\n"
		"                 NULLIF(      48)='?',\n"
		"   LOCATION      POSITION(      49         )\n"
		"   CHAR(                    16         )\n"
		"                 NULLIF(      65)='?'\n"
		"   )\n", NULL);
	const zf_field *f;

	(void) state;
	assert_string_equal(L->records[0].creator, "DSN8C10");
	f = field(L, 0, "DEPTNAME");
	assert_int_equal(f->length, 38);
	assert_false(f->nopad);
	f = field(L, 0, "MGRNO");
	assert_int_equal(f->null_ind_rel, 6);
	assert_int_equal(f->null_ind_value, 0x6F);
	assert_int_equal(L->records[0].max_length, 65);
	zf_layout_free(L);
}

/* ---- DDL, same layouts, errors, limits ---- */

static void
test_ddl_rules(void **state)
{
	zf_db2_script *one = parse_ddl("CREATE TABLE OTHER.NAME (A DECIMAL(5,2), B VARCHAR(30));");
	zf_db2_script *two = parse_ddl("CREATE TABLE X.T (A INT); CREATE TABLE Y.U (A DECIMAL(5,1));");
	const char *text = "LOAD DATA INTO TABLE Z.U (\"A\" POSITION(1:3) DECIMAL,"
		" \"B\" POSITION(*) VARCHAR)";
	zf_layout  *L;

	(void) state;
	/* the only table of a script is used whatever its name */
	L = parse_ok(text, one);
	assert_int_equal(field(L, 0, "A")->scale, 2);
	assert_int_equal(field(L, 0, "B")->length, 32);
	zf_layout_free(L);
	/* else the table of that name with any creator */
	L = parse_ok("LOAD DATA INTO TABLE Z.U (\"A\" POSITION(1:3) DECIMAL)", two);
	assert_int_equal(field(L, 0, "A")->scale, 1);
	assert_non_null(zf_punch_ddl_table(two, &L->records[0]));
	zf_layout_free(L);
	/* a DDL that does not know the table changes nothing */
	L = parse_ok("LOAD DATA INTO TABLE Z.V (\"A\" POSITION(1:3) DECIMAL)", two);
	assert_true(field(L, 0, "A")->scale_unknown);
	assert_null(zf_punch_ddl_table(two, &L->records[0]));
	zf_layout_free(L);
	zf_db2ddl_free(one);
	zf_db2ddl_free(two);
}

typedef struct error_case
{
	const char *text;
	zf_status	status;
	int			line;
	int			column;
	const char *message;		/* a part of the message */
} error_case;

static void
test_errors(void **state)
{
	static const error_case cases[] = {
		{"LOAD DATA FORMAT INTERNAL INTO TABLE A.B (\"X\" POSITION(1) CHAR(1))",
		ZF_E_UNSUPPORTED, 1, 18, "FORMAT INTERNAL"},
		{"nothing here", ZF_E_SYNTAX, 0, 0, "no LOAD DATA"},
		{"LOAD DATA\n LOG NO", ZF_E_SYNTAX, 1, 1, "no INTO TABLE"},
		{"LOAD DATA INTO TABLE A.B\n (\"X\" POSITION(1:2) CHAR(3))", ZF_E_SYNTAX, 2, 15, "spans 2"},
		{"LOAD DATA INTO TABLE A.B\n (\"X\" POSITION(1:2) CHAR(2)", ZF_E_SYNTAX, 3, 1, "expected"},
		{"LOAD DATA INTO TABLE A.B\n (\"X\" POSITION(1:2) WIBBLE)", ZF_E_SYNTAX, 2, 21, "WIBBLE"},
		{"LOAD DATA INTO TABLE A.B\n (\"X\" POSITION(1:2) CHAR(2) CHAR(2))", ZF_E_SYNTAX, 2, 29, "two data types"},
		{"LOAD DATA INTO TABLE A.B\n (\"X\" POSITION(1:4) DECFLOAT(20))", ZF_E_SYNTAX, 2, 29, "16 or 34"},
		{"LOAD DATA INTO TABLE A.B\n (\"X\" POSITION(1:4) CHAR(4) NULLIF(Y)=X'FF')", ZF_E_SYNTAX, 2, 36, "names no field"},
		{"LOAD DATA CONTINUEIF(1:1)='X' INTO TABLE A.B (\"X\" POSITION(1) CHAR(1))",
		ZF_E_UNSUPPORTED, 1, 11, "CONTINUEIF"},
		{"LOAD DATA INTO TABLE A.B (\"X\" POSITION(1) CHAR(1) NULLIF(2)=X'F')",
		ZF_E_SYNTAX, 1, 61, "even number"},
		/* found by fuzz_punch: a quoted name of nothing or of blanks */
		{"LOAD DATA INTO TABLE \"\" (\"X\" POSITION(1) CHAR(1))",
		ZF_E_SYNTAX, 1, 22, "empty table name"},
		{"LOAD DATA INTO TABLE A.\"   \" (\"X\" POSITION(1) CHAR(1))",
		ZF_E_SYNTAX, 1, 24, "empty table name"},
		{"LOAD DATA INTO TABLE \"\".B (\"X\" POSITION(1) CHAR(1))",
		ZF_E_SYNTAX, 1, 22, "empty creator name"},
		/* found by fuzz_punch: a name ending in a period ends no message */
		{"LOAD DATA INTO TABLE A.\"B.\" (\"X\" POSITION(1) CHAR(1), \"X\" POSITION(2) CHAR(1))",
		ZF_E_SYNTAX, 1, 55, "INTO TABLE A.B. lists field X twice"},
	};

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		zf_error	err;
		zf_layout  *L;

		zf_error_clear(&err);
		L = zf_punch_parse(cases[i].text, strlen(cases[i].text), NULL, &err);
		if (L != NULL)
		{
			zf_layout_free(L);
			fail_msg("case %zu parsed: %s", i, cases[i].text);
		}
		if (err.status != cases[i].status || strstr(err.message, cases[i].message) == NULL ||
			(cases[i].line > 0 && (err.line != cases[i].line || err.column != cases[i].column)))
			fail_msg("case %zu: status %d \"%s\" at %d:%d", i, err.status, err.message,
					 err.line, err.column);
	}
}

/* A packed field of 5 bytes has 9 digits; one of 17 bytes is refused. */
static void
test_decimal_lengths(void **state)
{
	zf_layout  *L = parse_ok("LOAD DATA INTO TABLE A.B (\"X\" POSITION(1:5) DECIMAL)", NULL);
	zf_error	err;

	(void) state;
	assert_int_equal(field(L, 0, "X")->digits, 9);
	zf_layout_free(L);
	err = parse_fail("LOAD DATA INTO TABLE A.B (\"X\" POSITION(1:17) DECIMAL)");
	assert_int_equal(err.status, ZF_E_SYNTAX);
	err = parse_fail("LOAD DATA INTO TABLE A.B (\"X\" POSITION(1:4) DECIMAL(9,2))");
	assert_int_equal(err.status, ZF_E_SYNTAX);
}

/* Source size limit, and a NUL byte in the text. */
static void
test_limits(void **state)
{
	zf_punch_opts opts;
	zf_error	err;
	const char	bin[] = "LOAD DATA INTO TABLE A.B\0(\"X\" POSITION(1) CHAR(1))";

	(void) state;
	zf_punch_opts_init(&opts);
	opts.limits.max_source_bytes = 10;
	zf_error_clear(&err);
	assert_null(zf_punch_parse("LOAD DATA INTO TABLE A.B (\"X\" POSITION(1) CHAR(1))", 50, &opts, &err));
	assert_int_equal(err.status, ZF_E_LIMIT);
	assert_int_equal(err.limit, ZF_LIMIT_SOURCE);
	zf_error_clear(&err);
	assert_null(zf_punch_parse(bin, sizeof(bin) - 1, NULL, &err));
	assert_int_equal(err.status, ZF_E_SYNTAX);
	assert_int_equal(err.line, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sample_orcamentoitecob),
		cmocka_unit_test(test_sample_mapa_partitions),
		cmocka_unit_test(test_sample_unicode),
		cmocka_unit_test(test_sample_reorg),
		cmocka_unit_test(test_sample_prefixes),
		cmocka_unit_test(test_grammar_cards),
		cmocka_unit_test(test_grammar_delimited),
		cmocka_unit_test(test_type_storage),
		cmocka_unit_test(test_type_attributes),
		cmocka_unit_test(test_nopad),
		cmocka_unit_test(test_overlapping_varying),
		cmocka_unit_test(test_spanned),
		cmocka_unit_test(test_dsntiaul),
		cmocka_unit_test(test_ddl_rules),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_decimal_lengths),
		cmocka_unit_test(test_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

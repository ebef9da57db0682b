/*-------------------------------------------------------------------------
 *
 * test_layout_cursor.c
 *	  Per-record positions (zf_cursor) in layouts with OCCURS DEPENDING ON.
 *
 * Oracles:
 *	 - JRecord's ZOS.FCUSTDAT_150.vb.bin, 150 RDW records from z/OS read
 *	   with FCUSDAT.cbl; the expected values come from a GnuCOBOL reader
 *	   (ZOS.FCUSTDAT_150.expected.tsv).  We split the RDW records here,
 *	   check every record length against its RDW and every
 *	   TRANSACTION-AMOUNT(n) and TRANSACTION-DAY/MONTH/YEAR(n) at the
 *	   located position against the expected values (the packed decimal
 *	   and the EBCDIC digits are decoded by the little helpers below);
 *	 - Cobrix case18 (nested ODO, an ODO object inside each element):
 *	   its data file holds the records back to back, so the cursor's record
 *	   length must cut it into the 5 records of test21.txt, whose values
 *	   are checked at the located positions;
 *	 - hand-made records with the positions worked out in comments.
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "cobol/copybook_test_util.h"

/* Locate field f at the given indices; fail the test on error. */
static void
locate(zf_cursor *c, int32_t f, const uint32_t *idx, uint32_t *off, uint32_t *len)
{
	zf_error	err;
	zf_status	s = zf_cursor_locate(c, f, idx, off, len, &err);

	if (s != ZF_OK)
		print_message("locate: %s\n", err.message);
	assert_int_equal(s, ZF_OK);
}

/* A packed decimal as text with two decimals: "-12.34". */
static void
packed_2dp(const uint8_t *p, int n, char *out)
{
	long long	v = 0;
	int			sign = p[n - 1] & 0x0F;

	for (int i = 0; i < n; i++)
	{
		v = v * 10 + (p[i] >> 4);
		if (i < n - 1)
			v = v * 10 + (p[i] & 0x0F);
	}
	sprintf(out, "%s%lld.%02lld", (sign == 0x0D || sign == 0x0B) && v ? "-" : "", v / 100, v % 100);
}

/* Value of "NAME=value" in a tab-separated line, or NULL. */
static const char *
tsv_value(const char *line, const char *name, char *buf, size_t cap)
{
	char		key[64];
	const char *p;
	size_t		n;

	snprintf(key, sizeof(key), "%s=", name);
	for (p = line; (p = strstr(p, key)) != NULL; p++)
		if (p == line || p[-1] == '\t')
			break;
	if (p == NULL)
		return NULL;
	p += strlen(key);
	n = strcspn(p, "\t\n");
	if (n >= cap)
		n = cap - 1;
	memcpy(buf, p, n);
	buf[n] = '\0';
	return buf;
}

static void
test_fcustdat(void **state)
{
	size_t		clen = 0;
	size_t		blen = 0;
	size_t		tlen = 0;
	char	   *cbl = read_file(CONFORMANCE_DIR "/jrecord/FCUSDAT.cbl", &clen);
	char	   *bin = read_file(CONFORMANCE_DIR "/jrecord/ZOS.FCUSTDAT_150.vb.bin", &blen);
	char	   *tsv = read_file(CONFORMANCE_DIR "/jrecord/ZOS.FCUSTDAT_150.expected.tsv", &tlen);
	const uint8_t *p = (const uint8_t *) bin;
	const char *line = tsv;
	zf_error	err;
	zf_layout  *L;
	zf_cursor  *c;
	int32_t		tran;
	int32_t		amount;
	int32_t		day;
	int32_t		month;
	int32_t		year;
	int32_t		nbr;
	int			records = 0;
	int			amounts = 0;

	(void) state;
	assert_non_null(cbl);
	assert_non_null(bin);
	assert_non_null(tsv);
	L = zf_copybook_parse(cbl, clen, NULL, &err);
	assert_non_null(L);
	c = zf_cursor_create(L, 0, ZF_CHARSET_EBCDIC, &err);
	assert_non_null(c);
	tran = field_named(L, "TRANSACTION", 0);
	amount = field_named(L, "TRANSACTION-AMOUNT", 0);
	day = field_named(L, "TRANSACTION-DAY", 0);
	month = field_named(L, "TRANSACTION-MONTH", 0);
	year = field_named(L, "TRANSACTION-YEAR", 0);
	nbr = field_named(L, "TRANSACTION-NBR", 0);

	while (p < (const uint8_t *) bin + blen)
	{
		uint32_t	rdw = (uint32_t) (p[0] << 8 | p[1]);
		uint32_t	len;
		uint32_t	count;
		uint32_t	off;
		uint32_t	flen;
		char		val[64];
		char		key[64];

		assert_int_equal(p[2], 0);
		assert_int_equal(p[3], 0);
		zf_cursor_bind(c, p + 4, rdw - 4);
		assert_int_equal(zf_cursor_record_length(c, &len, &err), ZF_OK);
		assert_int_equal(len, rdw - 4);
		assert_int_equal(zf_cursor_count(c, tran, NULL, &count, &err), ZF_OK);
		assert_non_null(tsv_value(line, "TRANSACTION-NBR", val, sizeof(val)));
		assert_int_equal(count, (uint32_t) atoi(val));
		locate(c, nbr, NULL, &off, &flen);
		assert_int_equal(off, 54);
		for (uint32_t n = 0; n < count; n++)
		{
			char		got[64];
			uint32_t	idx = n;

			/* TRANSACTION at 58, 25 bytes each; the amount 8 bytes in */
			locate(c, amount, &idx, &off, &flen);
			assert_int_equal(off, 58 + 25 * n + 8);
			assert_int_equal(flen, 8);
			packed_2dp(p + 4 + off, 8, got);
			snprintf(key, sizeof(key), "TRANSACTION-AMOUNT(%02u)", n + 1);
			assert_non_null(tsv_value(line, key, val, sizeof(val)));
			assert_string_equal(got, val);
			amounts++;
			/* dd/mm/yy through the REDEFINES: EBCDIC digits F0-F9 */
			snprintf(key, sizeof(key), "TRANSACTION-DATE(%02u)", n + 1);
			assert_non_null(tsv_value(line, key, val, sizeof(val)));
			locate(c, day, &idx, &off, &flen);
			assert_int_equal(p[4 + off] & 0x0F, val[0] - '0');
			assert_int_equal(p[4 + off + 1] & 0x0F, val[1] - '0');
			locate(c, month, &idx, &off, &flen);
			assert_int_equal(p[4 + off + 1] & 0x0F, val[4] - '0');
			locate(c, year, &idx, &off, &flen);
			assert_int_equal(p[4 + off + 1] & 0x0F, val[7] - '0');
		}
		/* one past the count is not in this record */
		{
			uint32_t	idx = count;

			if (count < 5)
				assert_int_equal(zf_cursor_locate(c, amount, &idx, &off, &flen, &err), ZF_E_ARG);
		}
		records++;
		p += rdw;
		line = strchr(line, '\n') + 1;
	}
	assert_int_equal(records, 150);
	print_message("fcustdat: 150 records, %d transaction amounts located\n", amounts);
	zf_cursor_free(c);
	zf_layout_free(L);
	free(cbl);
	free(bin);
	free(tsv);
}

/* Cobrix case18: records back to back, cut by the cursor's length. */
static void
test_cobrix_case18(void **state)
{
	static const struct
	{
		const char *bytes;
		uint32_t	count;
		uint32_t	inner[2];
		const char *fields[2];	/* FIELD values of each GROUP element */
	}			want[] = {
		{"0", 0, {0, 0}, {"", ""}},
		{"10", 1, {0, 0}, {"", ""}},
		{"12AB", 1, {2, 0}, {"AB", ""}},
		{"21A2BC", 2, {1, 2}, {"A", "BC"}},
		{"21A1B", 2, {1, 1}, {"A", "B"}},
	};
	size_t		clen = 0;
	size_t		dlen = 0;
	char	   *cbl = read_file(CONFORMANCE_DIR "/cobrix/case18_nested_odo_variable_size/copybook/test21_copybook.cob", &clen);
	char	   *dat = read_file(CONFORMANCE_DIR "/cobrix/case18_nested_odo_variable_size/data/data.dat", &dlen);
	zf_error	err;
	zf_layout  *L;
	zf_cursor  *c;
	int32_t		group;
	int32_t		inner;
	int32_t		field;
	size_t		pos = 0;

	(void) state;
	assert_non_null(cbl);
	assert_non_null(dat);
	L = zf_copybook_parse(cbl, clen, NULL, &err);
	assert_non_null(L);
	c = zf_cursor_create(L, 0, ZF_CHARSET_ASCII, &err);
	assert_non_null(c);
	group = field_named(L, "GROUP", 0);
	inner = field_named(L, "INNER-GROUP", 0);
	field = field_named(L, "FIELD", 0);

	for (size_t r = 0; r < sizeof(want) / sizeof(want[0]); r++)
	{
		const uint8_t *rec = (const uint8_t *) dat + pos;
		uint32_t	len;
		uint32_t	count;

		zf_cursor_bind(c, rec, (uint32_t) (dlen - pos));
		assert_int_equal(zf_cursor_record_length(c, &len, &err), ZF_OK);
		assert_int_equal(len, strlen(want[r].bytes));
		assert_memory_equal(rec, want[r].bytes, len);
		zf_cursor_bind(c, rec, len);
		assert_int_equal(zf_cursor_count(c, group, NULL, &count, &err), ZF_OK);
		assert_int_equal(count, want[r].count);
		for (uint32_t g = 0; g < count; g++)
		{
			uint32_t	n;
			uint32_t	off;
			uint32_t	flen;

			assert_int_equal(zf_cursor_count(c, inner, &g, &n, &err), ZF_OK);
			assert_int_equal(n, want[r].inner[g]);
			for (uint32_t k = 0; k < n; k++)
			{
				uint32_t	idx[2] = {g, k};

				locate(c, field, idx, &off, &flen);
				assert_int_equal(flen, 1);
				assert_int_equal(rec[off], (uint8_t) want[r].fields[g][k]);
			}
			/* the element's own length varies: INNER-COUNT + n FIELDs */
			locate(c, group, &g, &off, &flen);
			assert_int_equal(flen, 1 + n);
		}
		pos += len;
	}
	assert_int_equal(pos, dlen);
	zf_cursor_free(c);
	zf_layout_free(L);
	free(cbl);
	free(dat);
}

/*
 * Nested ODO with the objects before the table (cpyOccursDependingOn29's
 * shape).  Static: T1 element 1 + 4*2 + 1 = 10 bytes, 3 of them from 2,
 * TAIL at 32, 35 bytes.  With C1 = 2 and C2 = 3 an element is
 * 1 + 3*2 + 1 = 8 bytes:
 *	 A(0) 2, B(0,0) 3, B(0,2) 7, Z(0) 9, A(1) 10, B(1,1) 13, Z(1) 17,
 *	 TAIL 18, record 21 bytes.
 */
static const char nested_cbl[] =
"01 R.\n"
"   05 C1 PIC 9.\n"
"   05 C2 PIC 9.\n"
"   05 T1 OCCURS 1 TO 3 DEPENDING ON C1.\n"
"      10 A PIC X.\n"
"      10 T2 OCCURS 1 TO 4 DEPENDING ON C2.\n"
"         15 B PIC XX.\n"
"      10 Z PIC X.\n"
"   05 TAIL PIC X(3).\n";

static void
test_nested_odo(void **state)
{
	const char *rec = "23abbccddzABBCCDDZTTT";
	zf_error	err;
	zf_layout  *L;
	zf_cursor  *c;
	uint32_t	off;
	uint32_t	len;
	uint32_t	idx[2];
	int32_t		a;
	int32_t		b;
	int32_t		z;
	int32_t		t1;
	int32_t		tail;

	(void) state;
	L = parse_text(nested_cbl, &err);
	assert_non_null(L);
	assert_int_equal(L->records[0].max_length, 35);
	/* minimum: one T1 element of 1 + 2 + 1 */
	assert_int_equal(L->records[0].min_length, 2 + 4 + 3);
	a = field_named(L, "A", 0);
	b = field_named(L, "B", 0);
	z = field_named(L, "Z", 0);
	t1 = field_named(L, "T1", 0);
	tail = field_named(L, "TAIL", 0);
	assert_int_equal(L->fields[tail].offset, 32);

	c = zf_cursor_create(L, 0, ZF_CHARSET_ASCII, &err);
	assert_non_null(c);
	zf_cursor_bind(c, (const uint8_t *) rec, 21);
	assert_int_equal(zf_cursor_record_length(c, &len, &err), ZF_OK);
	assert_int_equal(len, 21);
	idx[0] = 0;
	locate(c, a, idx, &off, &len);
	assert_int_equal(off, 2);
	idx[1] = 0;
	locate(c, b, idx, &off, &len);
	assert_int_equal(off, 3);
	assert_int_equal(len, 2);
	idx[1] = 2;
	locate(c, b, idx, &off, &len);
	assert_int_equal(off, 7);
	locate(c, z, idx, &off, &len);
	assert_int_equal(off, 9);
	idx[0] = 1;
	locate(c, a, idx, &off, &len);
	assert_int_equal(off, 10);
	idx[1] = 1;
	locate(c, b, idx, &off, &len);
	assert_int_equal(off, 13);
	assert_memory_equal(rec + off, "CC", 2);
	locate(c, z, idx, &off, &len);
	assert_int_equal(off, 17);
	locate(c, t1, idx, &off, &len);
	assert_int_equal(off, 10);
	assert_int_equal(len, 8);	/* one element of T1 */
	locate(c, tail, NULL, &off, &len);
	assert_int_equal(off, 18);
	assert_memory_equal(rec + off, "TTT", 3);

	/* indices beyond the counts of this record */
	idx[0] = 2;
	assert_int_equal(zf_cursor_locate(c, a, idx, &off, &len, &err), ZF_E_ARG);
	idx[0] = 0;
	idx[1] = 3;
	assert_int_equal(zf_cursor_locate(c, b, idx, &off, &len, &err), ZF_E_ARG);
	idx[1] = 4;
	assert_int_equal(zf_cursor_locate(c, b, idx, &off, &len, &err), ZF_E_ARG);
	assert_int_equal(zf_cursor_locate(c, b, NULL, &off, &len, &err), ZF_E_ARG);

	/* a record cut short */
	zf_cursor_bind(c, (const uint8_t *) rec, 12);
	assert_int_equal(zf_cursor_locate(c, tail, NULL, &off, &len, &err), ZF_E_BAD_DATA);
	assert_string_equal(err.message, "record is 12 bytes, field \"TAIL\" needs 21");
	idx[0] = 0;
	locate(c, a, idx, &off, &len);
	assert_int_equal(off, 2);

	/* object out of range, and not a number */
	zf_cursor_bind(c, (const uint8_t *) "43abbccddz", 10);
	assert_int_equal(zf_cursor_record_length(c, &len, &err), ZF_E_BAD_DATA);
	assert_string_equal(err.message,
						"OCCURS DEPENDING ON object \"C1\" of \"T1\" is 4, outside 1 to 3");
	assert_string_equal(err.detail, "Bytes at offset 0: 34.");
	assert_int_equal(err.offset, 0);
	zf_cursor_bind(c, (const uint8_t *) "0", 1);
	assert_int_equal(zf_cursor_record_length(c, &len, &err), ZF_E_BAD_DATA);
	zf_cursor_bind(c, (const uint8_t *) "2Xabbccddz", 10);
	assert_int_equal(zf_cursor_record_length(c, &len, &err), ZF_E_BAD_DATA);
	assert_string_equal(err.message,
						"OCCURS DEPENDING ON object \"C2\" of \"T2\" is not a valid number");
	assert_int_equal(err.offset, 1);
	zf_cursor_bind(c, (const uint8_t *) "2", 1);
	assert_int_equal(zf_cursor_record_length(c, &len, &err), ZF_E_BAD_DATA);
	assert_non_null(strstr(err.message, "record is 1 bytes"));

	zf_cursor_free(c);
	zf_layout_free(L);
}

/*
 * Binary, packed and signed zoned counters in EBCDIC, and a table of
 * fixed elements followed by an item.
 *	 N1 PIC 9(4) COMP at 0+2, N2 PIC S9(3) COMP-3 at 2+2,
 *	 N3 PIC S9(2) (trailing overpunch) at 4+2,
 *	 N4 PIC S9(2) SIGN LEADING SEPARATE at 6+3,
 *	 T1 X(2) x N1 (max 5) at 9, T2 X x N2 (max 9) at 19, T3 X x N3 (max 9)
 *	 at 28, T4 X x N4 (max 9) at 37, END X at 46; 47 bytes static.
 */
static void
test_counter_kinds(void **state)
{
	static const uint8_t rec[] = {
		0x00, 0x02,				/* N1 = 2 */
		0x00, 0x3C,				/* N2 = +3 */
		0xF0, 0xC1,				/* N3 = +1 (overpunch A) */
		0x4E, 0xF0, 0xF2,		/* N4 = +02 */
		0xC1, 0xC1, 0xC2, 0xC2,	/* T1 x2 */
		0xE7, 0xE8, 0xE9,		/* T2 x3 */
		0xF1,					/* T3 x1 */
		0xD1, 0xD2,				/* T4 x2 */
		0x5C					/* END */
	};
	zf_error	err;
	zf_layout  *L;
	zf_cursor  *c;
	uint32_t	off;
	uint32_t	len;
	uint32_t	n;
	uint8_t		bad[sizeof(rec)];

	(void) state;
	L = parse_text("01 R.\n"
				   "   05 N1 PIC 9(4) COMP.\n"
				   "   05 N2 PIC S9(3) COMP-3.\n"
				   "   05 N3 PIC S9(2).\n"
				   "   05 N4 PIC S9(2) SIGN LEADING SEPARATE.\n"
				   "   05 T1 PIC X(2) OCCURS 0 TO 5 DEPENDING ON N1.\n"
				   "   05 T2 PIC X OCCURS 0 TO 9 DEPENDING ON N2.\n"
				   "   05 T3 PIC X OCCURS 0 TO 9 DEPENDING ON N3.\n"
				   "   05 T4 PIC X OCCURS 0 TO 9 DEPENDING ON N4.\n"
				   "   05 END-BYTE PIC X.\n", &err);
	assert_non_null(L);
	assert_int_equal(L->records[0].max_length, 47);
	assert_int_equal(L->records[0].min_length, 10);
	c = zf_cursor_create(L, 0, ZF_CHARSET_EBCDIC, &err);
	assert_non_null(c);
	zf_cursor_bind(c, rec, sizeof(rec));
	assert_int_equal(zf_cursor_record_length(c, &len, &err), ZF_OK);
	assert_int_equal(len, sizeof(rec));
	assert_int_equal(zf_cursor_count(c, field_named(L, "T2", 0), NULL, &n, &err), ZF_OK);
	assert_int_equal(n, 3);
	assert_int_equal(zf_cursor_count(c, field_named(L, "T3", 0), NULL, &n, &err), ZF_OK);
	assert_int_equal(n, 1);
	assert_int_equal(zf_cursor_count(c, field_named(L, "T4", 0), NULL, &n, &err), ZF_OK);
	assert_int_equal(n, 2);
	locate(c, field_named(L, "END-BYTE", 0), NULL, &off, &len);
	assert_int_equal(off, 19);
	{
		uint32_t	i = 1;

		locate(c, field_named(L, "T4", 0), &i, &off, &len);
		assert_int_equal(off, 18);
	}
	assert_int_equal(zf_cursor_count(c, field_named(L, "END-BYTE", 0), NULL, &n, &err), ZF_E_ARG);

	/* a negative packed count, a bad packed sign nibble, a bad zone */
	memcpy(bad, rec, sizeof(rec));
	bad[3] = 0x3D;
	zf_cursor_bind(c, bad, sizeof(bad));
	assert_int_equal(zf_cursor_record_length(c, &len, &err), ZF_E_BAD_DATA);
	assert_non_null(strstr(err.message, "is -3, outside 0 to 9"));
	bad[3] = 0x35;
	zf_cursor_bind(c, bad, sizeof(bad));
	assert_int_equal(zf_cursor_record_length(c, &len, &err), ZF_E_BAD_DATA);
	memcpy(bad, rec, sizeof(rec));
	bad[4] = 0x40;
	zf_cursor_bind(c, bad, sizeof(bad));
	assert_int_equal(zf_cursor_record_length(c, &len, &err), ZF_E_BAD_DATA);
	assert_string_equal(err.detail, "Bytes at offset 4: 40 C1.");
	memcpy(bad, rec, sizeof(rec));
	bad[6] = 0x60;				/* N4 = -02 */
	zf_cursor_bind(c, bad, sizeof(bad));
	assert_int_equal(zf_cursor_record_length(c, &len, &err), ZF_E_BAD_DATA);
	zf_cursor_free(c);
	zf_layout_free(L);
}

/* A static record: every position is offset + index * length. */
static void
test_static_record(void **state)
{
	size_t		clen = 0;
	char	   *cbl = read_file(CONFORMANCE_DIR "/aws-unlock-mainframe-data/EMPREC01.cpy", &clen);
	uint8_t		rec[150];
	zf_error	err;
	zf_layout  *L;
	zf_cursor  *c;
	uint32_t	off;
	uint32_t	len;
	uint32_t	idx = 2;

	(void) state;
	assert_non_null(cbl);
	L = zf_copybook_parse(cbl, clen, NULL, &err);
	assert_non_null(L);
	assert_true(L->records[0].is_static);
	c = zf_cursor_create(L, 0, ZF_CHARSET_EBCDIC, &err);
	assert_non_null(c);
	memset(rec, 0x40, sizeof(rec));
	zf_cursor_bind(c, rec, sizeof(rec));
	/* EMP-ID 0+5 (EMP-ID-X redefines it), EMP-NAME 5+25, EMP-DOB 30+10,
	 * EMP-ADDRESS 40+25 x3: line 2 (0-based) at 90; EMP-YOE-CUR at 115 */
	locate(c, field_named(L, "EMP-ADDR-LINE", 0), &idx, &off, &len);
	assert_int_equal(off, 90);
	assert_int_equal(len, 25);
	locate(c, field_named(L, "EMP-YOE-CUR", 0), NULL, &off, &len);
	assert_int_equal(off, 115);
	assert_int_equal(zf_cursor_record_length(c, &len, &err), ZF_OK);
	assert_int_equal(len, 150);
	idx = 3;
	assert_int_equal(zf_cursor_locate(c, field_named(L, "EMP-ADDR-LINE", 0), &idx, &off, &len, &err),
					 ZF_E_ARG);
	zf_cursor_bind(c, rec, 100);
	assert_int_equal(zf_cursor_locate(c, field_named(L, "EMP-YOE-CUR", 0), NULL, &off, &len, &err),
					 ZF_E_BAD_DATA);
	/* a field of another record definition is refused */
	assert_int_equal(zf_cursor_locate(c, 9999, NULL, &off, &len, &err), ZF_E_ARG);
	zf_cursor_free(c);
	zf_layout_free(L);
	free(cbl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fcustdat),
		cmocka_unit_test(test_cobrix_case18),
		cmocka_unit_test(test_nested_odo),
		cmocka_unit_test(test_counter_kinds),
		cmocka_unit_test(test_static_record),
	};

	return cmocka_run_group_tests_name("layout_cursor", tests, NULL, NULL);
}

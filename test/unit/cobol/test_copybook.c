/*-------------------------------------------------------------------------
 *
 * test_copybook.c
 *	  Hand-written copybooks for every clause the parser accepts, with the
 *	  offsets worked out by hand in the comments; syntax errors with their
 *	  line and column; limits.
 *
 * Offsets in comments are 0-based "offset+length".  SYNCHRONIZED cases
 * follow the worked examples of IBM's "Slack bytes within records" (the
 * FIELD-A, FIELD-L, WORK-RECORD and COMP-RECORD records).
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "cobol/copybook_test_util.h"
#include "cobol/usage.h"

/* Parse free-format text; fail the test on error. */
static zf_layout *
parse_free(const char *text)
{
	zf_copybook_opts opts;
	zf_error	err;
	zf_layout  *L;

	zf_copybook_opts_init(&opts);
	opts.format = ZF_FORMAT_FREE;
	L = zf_copybook_parse(text, strlen(text), &opts, &err);
	if (L == NULL)
		print_message("unexpected error: %s (line %d, column %d)\n", err.message, err.line,
					  err.column);
	assert_non_null(L);
	return L;
}

/* Offset and length of the n-th field with this name. */
static void
check_field(const zf_layout *L, const char *name, int nth, uint32_t offset, uint32_t length)
{
	int32_t		f = field_named(L, name, nth);

	if (f < 0)
		print_message("no field %s\n", name);
	assert_true(f >= 0);
	if (L->fields[f].offset != offset || L->fields[f].length != length)
		print_message("%s: offset %u length %u, expected %u %u\n", name,
					  L->fields[f].offset, L->fields[f].length, offset, length);
	assert_int_equal(L->fields[f].offset, offset);
	assert_int_equal(L->fields[f].length, length);
}

#define FIELD(L, name) (&(L)->fields[field_named((L), (name), 0)])

/* Append one fixed-format line: sequence area, indicator, text in columns
 * 8-72 (padded), columns 73-80. */
static void
fixed_line(char *buf, const char *seq, char ind, const char *text, const char *tail)
{
	char		line[128];

	snprintf(line, sizeof(line), "%-6.6s%c%-65.65s%s\n", seq, ind, text, tail);
	strcat(buf, line);
}

/* Fixed format: sequence numbers, comments, debugging lines, columns
 * 73-80, TAB characters, continuation of a word and of a literal. */
static void
test_fixed_format(void **state)
{
	char		text[4096] = "";
	zf_error	err;
	zf_layout  *L;

	(void) state;
	fixed_line(text, "000100", '*', "A COMMENT 01 NOT-A-RECORD PIC X.", "");
	fixed_line(text, "000200", ' ', "01  REC.", "SEQ00001");
	fixed_line(text, "000300", '/', "A PAGE EJECT COMMENT", "");
	fixed_line(text, "000400", 'D', "    05  DEBUG-ONLY  PIC X(99).", "");
	/* columns 73-80 hold text that would break the entry if read */
	fixed_line(text, "000500", ' ', "    05  A           PIC X(3).", "X(9) BAD");
	/* a word continued: "9(4)" + "V99" */
	fixed_line(text, "000600", ' ', "    05  B           PIC 9(4)", "");
	fixed_line(text, "000700", '-', "        V99.", "");
	/* a literal continued: it runs to column 72, then after the quote */
	fixed_line(text, "000800", ' ', "    05  C           PIC X(70) VALUE 'ABCDEFGHIJ", "");
	fixed_line(text, "000900", '-', "    'KLMNOP'.", "");
	/* a TAB in the sequence area: column 9 */
	strcat(text, "\t    05  D  PIC X.\r\n");
	/* a floating comment */
	fixed_line(text, "001000", ' ', "    05  E  PIC XX. *> PIC X(50)", "");
	strcat(text, "\x1a");		/* a DOS end-of-file mark */

	L = zf_copybook_parse(text, strlen(text), NULL, &err);
	if (L == NULL)
		print_message("%s (line %d, column %d)\n", err.message, err.line, err.column);
	assert_non_null(L);
	assert_int_equal(L->nrecords, 1);
	assert_int_equal(field_named(L, "DEBUG-ONLY", 0), -1);
	check_field(L, "A", 0, 0, 3);
	check_field(L, "B", 0, 3, 6);	/* 9(4)V99: 6 digits */
	assert_int_equal(FIELD(L, "B")->scale, 2);
	assert_string_equal(FIELD(L, "B")->picture, "9(4)V99");
	check_field(L, "C", 0, 9, 70);
	check_field(L, "D", 0, 79, 1);
	check_field(L, "E", 0, 80, 2);
	assert_int_equal(L->records[0].max_length, 82);
	zf_layout_free(L);
}

/* Text from column 7 of an otherwise blank line, as many hand-written
 * copybooks have, is read; after a sequence number it is an error. */
static void
test_fixed_column7(void **state)
{
	const char *ok = "      01 REC.\n"
		"      * a comment\n"
		"           05 A PIC X(2).\n";
	const char *bad = "000100 01 REC.\n"
		"000200X    05 A PIC X.\n";
	zf_error	err;
	zf_layout  *L;

	(void) state;
	L = zf_copybook_parse(ok, strlen(ok), NULL, &err);
	assert_non_null(L);
	check_field(L, "A", 0, 0, 2);
	zf_layout_free(L);

	L = zf_copybook_parse(bad, strlen(bad), NULL, &err);
	assert_null(L);
	assert_int_equal(err.status, ZF_E_SYNTAX);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.column, 7);
	assert_non_null(strstr(err.message, "indicator area"));
}

/* Free format, detected from "*>" or text in columns 1-6. */
static void
test_free_format(void **state)
{
	const char *text1 = "*> free format\n"
		"01 REC. *> a comment\n"
		"   05 A PIC X(3).\n"
		"   05 B PIC S9(5) COMP-3.\n";
	const char *text2 = "01  REC.\n"
		"    05 A PIC X(100) VALUE 'a long literal that goes on past column seventy-two of the line'.\n"
		"    05 B PIC 9.\n";
	zf_error	err;
	zf_layout  *L;

	(void) state;
	L = parse_text(text1, &err);
	assert_non_null(L);
	check_field(L, "A", 0, 0, 3);
	check_field(L, "B", 0, 3, 3);	/* 5 digits packed: 5/2+1 */
	zf_layout_free(L);

	L = parse_text(text2, &err);
	assert_non_null(L);
	check_field(L, "B", 0, 100, 1);
	zf_layout_free(L);
}

/* Levels 01-49, 66 RENAMES (THRU and single), 77, several records. */
static void
test_levels(void **state)
{
	zf_layout  *L;
	int32_t		rn1;
	int32_t		rn2;

	(void) state;
	L = parse_free("01 R.\n"
				   "   05 G1.\n"
				   "      10 X1 PIC X.\n"		/* 0+1 */
				   "      10 X2 PIC S99.\n"	/* 1+2 */
				   "   05 X3 PIC X(4).\n"		/* 3+4 */
				   "   05 X4 PIC X.\n"			/* 7+1 */
				   "66 RN1 RENAMES X1 THROUGH X3.\n"	/* 0+7 */
				   "66 RN2 RENAMES X2.\n"		/* 1+2, an S99 */
				   "66 RN3 RENAMES G1.\n"		/* 0+3, alphanumeric */
				   "77 STANDALONE PIC S9(4) COMP.\n"
				   "1 R2.\n"
				   "  2 Y PIC X(2).\n");
	assert_int_equal(L->nrecords, 3);
	assert_string_equal(L->records[0].name, "R");
	assert_string_equal(L->records[1].name, "STANDALONE");
	assert_string_equal(L->records[2].name, "R2");
	assert_int_equal(L->records[0].max_length, 8);
	assert_int_equal(L->records[1].max_length, 2);
	assert_int_equal(L->fields[L->records[1].root].kind, ZF_KIND_BINARY);
	check_field(L, "RN1", 0, 0, 7);
	check_field(L, "RN2", 0, 1, 2);
	check_field(L, "RN3", 0, 0, 3);
	rn1 = field_named(L, "RN1", 0);
	rn2 = field_named(L, "RN2", 0);
	assert_int_equal(L->fields[rn1].level, 66);
	assert_int_equal(L->fields[rn1].kind, ZF_KIND_ALNUM);
	assert_int_equal(L->fields[rn1].renames_first, field_named(L, "X1", 0));
	assert_int_equal(L->fields[rn1].renames_last, field_named(L, "X3", 0));
	assert_int_equal(L->fields[rn2].kind, ZF_KIND_ZONED);
	assert_true(L->fields[rn2].is_signed);
	assert_int_equal(L->fields[rn2].digits, 2);
	assert_int_equal(L->fields[FIELD(L, "RN3")->renames_first].kind, ZF_KIND_GROUP);
	assert_int_equal(FIELD(L, "RN3")->kind, ZF_KIND_ALNUM);
	assert_int_equal(FIELD(L, "Y")->depth, 1);
	zf_layout_free(L);
}

/* 88 levels are checked and dropped, multi-line VALUE lists and hex
 * literals included. */
static void
test_level88(void **state)
{
	zf_layout  *L;

	(void) state;
	L = parse_free("01 R.\n"
				   "   05 CODE PIC X.\n"
				   "      88 IS-A VALUE 'A'.\n"
				   "      88 IS-HEX VALUES X'C1' X'C2'\n"
				   "                      X'C3' THRU X'C9'.\n"
				   "      88 MULTI VALUES ARE 'A' 'B'\n"
				   "           'C', 'D'.\n"
				   "      88 QUOTED VALUE \"it's\" \"a \"\"b\"\"\".\n"
				   "   05 NUM PIC S99.\n"
				   "      88 RANGES VALUES 1 THRU 10 -20 THROUGH +30.5\n"
				   "         WHEN SET TO FALSE IS 0.\n"
				   "      88 FIG VALUE ZERO SPACES HIGH-VALUES ALL '*'.\n"
				   "   05 LAST PIC X.\n");
	assert_int_equal(L->nfields, 4);
	check_field(L, "LAST", 0, 3, 1);
	zf_layout_free(L);
}

/* Every USAGE, its size, inheritance from a group, PIC G and N. */
static void
test_usages(void **state)
{
	const char *text = "01 R.\n"
		"   05 U1 PIC S9(4) USAGE IS COMPUTATIONAL.\n"	/* 0+2 */
		"   05 U2 PIC S9(9) BINARY.\n"	/* 2+4 */
		"   05 U3 PIC S9(18) COMP-4.\n"	/* 6+8 */
		"   05 U4 COMP-1.\n"			/* 14+4 */
		"   05 U5 USAGE COMPUTATIONAL-2.\n"	/* 18+8 */
		"   05 U6 PIC S9(7)V99 PACKED-DECIMAL.\n"	/* 26+5: 9 digits */
		"   05 U7 PIC 9(4) COMP-5.\n"	/* 31+2 */
		"   05 U8 INDEX.\n"			/* 33+4 */
		"   05 U9 USAGE IS POINTER.\n"	/* 37+4 */
		"   05 U10 PIC G(3) DISPLAY-1.\n"	/* 41+6 */
		"   05 U11 PIC N(2).\n"		/* 47+4 national */
		"   05 U12 PIC N(2) USAGE DISPLAY-1.\n"	/* 51+4 DBCS */
		"   05 U13 PIC X(2) USAGE DISPLAY.\n"	/* 55+2 */
		"   05 GRP USAGE COMP-3.\n"
		"      10 P1 PIC S9(3).\n"		/* 57+2 packed */
		"      10 P2 PIC 9(4) COMP-3.\n"	/* 59+3 packed */
		"   05 U14 PIC -ZZ9.99.\n"		/* 62+7 edited */
		"   05 U15 PIC 9(5) COMP-3.\n";	/* 69+3 */
	zf_copybook_opts opts;
	zf_error	err;
	zf_layout  *L;

	(void) state;
	L = parse_free(text);
	check_field(L, "U1", 0, 0, 2);
	check_field(L, "U2", 0, 2, 4);
	check_field(L, "U3", 0, 6, 8);
	check_field(L, "U4", 0, 14, 4);
	check_field(L, "U5", 0, 18, 8);
	check_field(L, "U6", 0, 26, 5);
	check_field(L, "U7", 0, 31, 2);
	check_field(L, "U8", 0, 33, 4);
	check_field(L, "U9", 0, 37, 4);
	check_field(L, "U10", 0, 41, 6);
	check_field(L, "U11", 0, 47, 4);
	check_field(L, "U12", 0, 51, 4);
	check_field(L, "U13", 0, 55, 2);
	check_field(L, "P1", 0, 57, 2);
	check_field(L, "P2", 0, 59, 3);
	check_field(L, "U14", 0, 62, 7);
	check_field(L, "U15", 0, 69, 3);
	assert_int_equal(FIELD(L, "U1")->kind, ZF_KIND_BINARY);
	assert_string_equal(FIELD(L, "U1")->usage, "comp");
	assert_false(FIELD(L, "U1")->binary_native);
	assert_int_equal(FIELD(L, "U4")->kind, ZF_KIND_FLOAT);
	assert_string_equal(FIELD(L, "U5")->usage, "comp-2");
	assert_int_equal(FIELD(L, "U6")->kind, ZF_KIND_PACKED);
	assert_int_equal(FIELD(L, "U6")->digits, 9);
	assert_int_equal(FIELD(L, "U6")->scale, 2);
	assert_true(FIELD(L, "U7")->binary_native);
	assert_string_equal(FIELD(L, "U7")->usage, "comp-5");
	assert_string_equal(FIELD(L, "U8")->usage, "index");
	assert_true(FIELD(L, "U8")->is_signed);
	assert_string_equal(FIELD(L, "U9")->usage, "pointer");
	assert_false(FIELD(L, "U9")->is_signed);
	assert_int_equal(FIELD(L, "U10")->kind, ZF_KIND_DBCS);
	assert_int_equal(FIELD(L, "U11")->kind, ZF_KIND_NATIONAL);
	assert_int_equal(FIELD(L, "U12")->kind, ZF_KIND_DBCS);
	assert_int_equal(FIELD(L, "P1")->kind, ZF_KIND_PACKED);
	assert_string_equal(FIELD(L, "GRP")->usage, "comp-3");
	assert_int_equal(FIELD(L, "U14")->kind, ZF_KIND_EDITED);
	assert_string_equal(FIELD(L, "R")->usage, "display");
	assert_int_equal(L->records[0].max_length, 72);
	zf_layout_free(L);

	/* NSYMBOL(DBCS): PIC N is DBCS */
	zf_copybook_opts_init(&opts);
	opts.pic_n_dbcs = true;
	L = zf_copybook_parse(text, strlen(text), &opts, &err);
	assert_non_null(L);
	assert_int_equal(FIELD(L, "U11")->kind, ZF_KIND_DBCS);
	assert_string_equal(FIELD(L, "U11")->usage, "display-1");
	check_field(L, "U11", 0, 47, 4);
	zf_layout_free(L);
}

/* SIGN clauses, and a group's SIGN for the signed display items in it. */
static void
test_sign(void **state)
{
	zf_layout  *L;

	(void) state;
	L = parse_free("01 R.\n"
				   "   05 S1 PIC S9(3) SIGN LEADING SEPARATE.\n"	/* 0+4 */
				   "   05 S2 PIC S9(3) SIGN IS TRAILING SEPARATE CHARACTER.\n"	/* 4+4 */
				   "   05 S3 PIC S9(3) LEADING.\n"	/* 8+3 */
				   "   05 S4 PIC S9(3).\n"	/* 11+3 */
				   "   05 S5 PIC 9(3).\n"	/* 14+3 */
				   "   05 SG SIGN IS LEADING SEPARATE.\n"
				   "      10 S6 PIC S9(2).\n"	/* 17+3 */
				   "      10 S7 PIC 9(2).\n"	/* 20+2 */
				   "      10 S8 PIC S9(2) SIGN TRAILING.\n"	/* 22+2 */
				   "      10 S9 PIC S9(2) COMP-3.\n");	/* 24+2 */
	check_field(L, "S1", 0, 0, 4);
	assert_int_equal(FIELD(L, "S1")->sign, ZF_SIGN_LEADING_SEPARATE);
	check_field(L, "S2", 0, 4, 4);
	assert_int_equal(FIELD(L, "S2")->sign, ZF_SIGN_TRAILING_SEPARATE);
	check_field(L, "S3", 0, 8, 3);
	assert_int_equal(FIELD(L, "S3")->sign, ZF_SIGN_LEADING);
	check_field(L, "S4", 0, 11, 3);
	assert_int_equal(FIELD(L, "S4")->sign, ZF_SIGN_TRAILING);
	check_field(L, "S5", 0, 14, 3);
	assert_int_equal(FIELD(L, "S5")->sign, ZF_SIGN_NONE);
	check_field(L, "S6", 0, 17, 3);
	assert_int_equal(FIELD(L, "S6")->sign, ZF_SIGN_LEADING_SEPARATE);
	check_field(L, "S7", 0, 20, 2);
	assert_int_equal(FIELD(L, "S7")->sign, ZF_SIGN_NONE);
	check_field(L, "S8", 0, 22, 2);
	assert_int_equal(FIELD(L, "S8")->sign, ZF_SIGN_TRAILING);
	check_field(L, "S9", 0, 24, 2);
	assert_int_equal(L->records[0].max_length, 26);
	zf_layout_free(L);
}

/* OCCURS, OCCURS DEPENDING ON with KEY and INDEXED BY, nesting. */
static void
test_occurs(void **state)
{
	zf_layout  *L;
	int32_t		t3;

	(void) state;
	L = parse_free("01 R.\n"
				   "   05 N1 PIC 9.\n"		/* 0+1 */
				   "   05 T1 OCCURS 3 TIMES.\n"	/* 1+4 x3 */
				   "      10 T1A PIC X.\n"
				   "      10 T1B PIC X(3).\n"
				   "   05 T2 PIC X(2) OCCURS 2 ASCENDING KEY IS T2 INDEXED BY IX1 IX2.\n"	/* 13+2 x2 */
				   "   05 T3 OCCURS 1 TO 4 DEPENDING ON N1 OF R\n"	/* 17+5 x4 */
				   "         DESCENDING T3A INDEXED IX3.\n"
				   "      10 T3A PIC 9(5).\n"
				   "   05 T4 PIC X OCCURS 5 DEPENDING N1.\n"	/* 37+1 x5 */
				   "   05 NEST OCCURS 2.\n"	/* 42+9 x2 */
				   "      10 INNER OCCURS 3.\n"	/* 42+3 x3 */
				   "         15 LEAF PIC XXX.\n"
				   "   05 AFTER PIC X.\n");	/* 60+1 */
	check_field(L, "T1", 0, 1, 4);
	assert_int_equal(FIELD(L, "T1")->occurs_max, 3);
	assert_int_equal(FIELD(L, "T1")->occurs_min, 3);
	check_field(L, "T1B", 0, 2, 3);
	check_field(L, "T2", 0, 13, 2);
	check_field(L, "T3", 0, 17, 5);
	t3 = field_named(L, "T3", 0);
	assert_int_equal(L->fields[t3].occurs_min, 1);
	assert_int_equal(L->fields[t3].occurs_max, 4);
	assert_int_equal(L->fields[t3].depending_on, field_named(L, "N1", 0));
	assert_true(L->fields[t3].variable);
	check_field(L, "T4", 0, 37, 1);
	assert_int_equal(FIELD(L, "T4")->occurs_min, 1);	/* IBM: no "m TO": 1 */
	check_field(L, "NEST", 0, 42, 9);
	check_field(L, "INNER", 0, 42, 3);
	check_field(L, "LEAF", 0, 42, 3);
	check_field(L, "AFTER", 0, 60, 1);
	assert_true(FIELD(L, "AFTER")->variable);
	assert_false(FIELD(L, "T1")->variable);
	assert_false(L->records[0].is_static);
	assert_int_equal(L->records[0].max_length, 61);
	/* minimum: T3 once (5 of 20 bytes), T4 once (1 of 5): 61 - 15 - 4 */
	assert_int_equal(L->records[0].min_length, 42);
	assert_int_equal(zf_field_dimensions(L, field_named(L, "LEAF", 0)), 2);
	zf_layout_free(L);
}

/* REDEFINES: smaller below 01, anything at 01. */
static void
test_redefines(void **state)
{
	zf_layout  *L;

	(void) state;
	L = parse_free("01 R.\n"
				   "   05 A PIC X(10).\n"		/* 0+10 */
				   "   05 B REDEFINES A PIC 9(4).\n"	/* 0+4 */
				   "   05 C REDEFINES A.\n"	/* 0+10 */
				   "      10 C1 PIC X(5).\n"
				   "      10 C2 PIC X(5).\n"	/* 5+5 */
				   "   05 D PIC X.\n"			/* 10+1 */
				   "01 R2 REDEFINES R PIC X(30).\n");
	check_field(L, "B", 0, 0, 4);
	check_field(L, "C", 0, 0, 10);
	check_field(L, "C2", 0, 5, 5);
	check_field(L, "D", 0, 10, 1);
	assert_int_equal(FIELD(L, "B")->redefines, field_named(L, "A", 0));
	assert_int_equal(FIELD(L, "C")->redefines, field_named(L, "A", 0));
	assert_int_equal(L->records[0].max_length, 11);
	assert_int_equal(L->nrecords, 2);
	assert_int_equal(L->records[1].max_length, 30);
	assert_int_equal(FIELD(L, "R2")->redefines, field_named(L, "R", 0));
	zf_layout_free(L);
}

/*
 * SYNCHRONIZED in the GnuCOBOL dialect, against the lengths cobc 3.1.2
 * reports (FUNCTION LENGTH, default configuration): SYNC on an 01 group
 * is ignored (R1 is 4 bytes); the slack is inside GR (7 bytes); T's
 * occurrence is padded to a multiple of 2, not 8 (cobc's alignment
 * counter restarts at TS), in front of TX: 14 bytes; R2 is 37 bytes.
 */
static void
test_sync_gnucobol(void **state)
{
	const char *text = "01 R1 SYNC.\n"
		"   05 A PIC X.\n"
		"   05 B PIC S9(4) COMP.\n"
		"   05 C PIC X.\n"
		"01 R2.\n"
		"   05 A2 PIC X.\n"
		"   05 GR.\n"
		"      10 G1 PIC X(2).\n"
		"      10 G2 PIC S9(9) COMP SYNC.\n"
		"   05 T OCCURS 2.\n"
		"      10 T0 PIC S9(18) COMP SYNC.\n"
		"      10 TS.\n"
		"         15 TS1 PIC X.\n"
		"         15 TS2 PIC S9(4) COMP SYNC.\n"
		"      10 TX PIC X.\n"
		"   05 Z PIC X.\n";
	zf_copybook_opts opts;
	zf_error	err;
	zf_layout  *L;

	(void) state;
	zf_copybook_opts_init(&opts);
	opts.format = ZF_FORMAT_FREE;
	opts.dialect = ZF_DIALECT_GNUCOBOL;
	L = zf_copybook_parse(text, strlen(text), &opts, &err);
	assert_non_null(L);
	assert_int_equal(L->records[0].max_length, 4);
	check_field(L, "B", 0, 1, 2);
	check_field(L, "GR", 0, 1, 7);
	check_field(L, "G2", 0, 4, 4);
	check_field(L, "T", 0, 8, 14);
	check_field(L, "T0", 0, 8, 8);
	check_field(L, "TS", 0, 16, 4);
	check_field(L, "TS2", 0, 18, 2);
	check_field(L, "TX", 0, 21, 1);	/* the padding byte is before it */
	check_field(L, "Z", 0, 36, 1);
	assert_int_equal(L->records[1].max_length, 37);
	zf_layout_free(L);

	/* the same copybook as IBM lays it out */
	L = parse_free(text);
	check_field(L, "B", 0, 2, 2);
	check_field(L, "G2", 0, 4, 4);
	check_field(L, "TX", 0, 20, 1);
	zf_layout_free(L);
}

/* SYNCHRONIZED: IBM's worked examples and the other usages. */
static void
test_sync(void **state)
{
	zf_layout  *L;

	(void) state;
	/* FIELD-A: FIELD-E after 5 + 2 bytes: 1 slack byte, then 8+4 */
	L = parse_free("01 FIELD-A.\n"
				   "   05 FIELD-B PICTURE X(5).\n"
				   "   05 FIELD-C.\n"
				   "      10 FIELD-D PICTURE XX.\n"
				   "      10 FIELD-E COMPUTATIONAL PICTURE S9(6) SYNC.\n"
				   "01 FIELD-L.\n"
				   "   05 FIELD-M PICTURE X(5).\n"
				   "   05 FIELD-N PICTURE XX.\n"
				   "   05 FIELD-O.\n"
				   "      10 FIELD-P COMPUTATIONAL PICTURE S9(6) SYNC.\n");
	check_field(L, "FIELD-E", 0, 8, 4);
	check_field(L, "FIELD-C", 0, 5, 7);	/* the slack byte is FIELD-C's */
	check_field(L, "FIELD-P", 0, 8, 4);
	check_field(L, "FIELD-O", 0, 8, 4);	/* here it precedes FIELD-O */
	assert_int_equal(L->records[0].max_length, 12);
	assert_int_equal(L->records[1].max_length, 12);
	zf_layout_free(L);

	/*
	 * WORK-RECORD: COMP-TYPE at 1, 2 slack bytes, COMP-PAY (6 digits, 4
	 * bytes) at 4, COMP-HRS (2 bytes) at 8, COMP-NAME 10+5: 14 bytes per
	 * occurrence, padded to a multiple of 4 (the largest m): 16.
	 */
	L = parse_free("01 WORK-RECORD.\n"
				   "   05 WORK-CODE PICTURE X.\n"
				   "   05 COMP-TABLE OCCURS 10 TIMES.\n"
				   "      10 COMP-TYPE PICTURE X.\n"
				   "      10 COMP-PAY PICTURE S9(4)V99 COMP SYNC.\n"
				   "      10 COMP-HRS PICTURE S9(3) COMP SYNC.\n"
				   "      10 COMP-NAME PICTURE X(5).\n"
				   "   05 AFTER PIC X.\n");
	check_field(L, "COMP-TYPE", 0, 1, 1);
	check_field(L, "COMP-PAY", 0, 4, 4);
	check_field(L, "COMP-HRS", 0, 8, 2);
	check_field(L, "COMP-NAME", 0, 10, 5);
	check_field(L, "COMP-TABLE", 0, 1, 16);
	check_field(L, "AFTER", 0, 161, 1);
	zf_layout_free(L);

	/* COMP-RECORD: 11 bytes, 1 slack, B-1 at 12; 14 -> 2 slack, B-2 at
	 * 16; B-3 at 20; 22 bytes */
	L = parse_free("01 COMP-RECORD.\n"
				   "   05 A-1 PICTURE X(5).\n"
				   "   05 A-2 PICTURE X(3).\n"
				   "   05 A-3 PICTURE X(3).\n"
				   "   05 B-1 PICTURE S9999 USAGE COMP SYNCHRONIZED.\n"
				   "   05 B-2 PICTURE S99999 USAGE COMP SYNCHRONIZED.\n"
				   "   05 B-3 PICTURE S9999 USAGE COMP SYNCHRONIZED.\n");
	check_field(L, "B-1", 0, 12, 2);
	check_field(L, "B-2", 0, 16, 4);
	check_field(L, "B-3", 0, 20, 2);
	assert_int_equal(L->records[0].max_length, 22);
	zf_layout_free(L);

	/* other usages: COMP-1 and INDEX and POINTER on 4, COMP-2 on 8,
	 * 8-byte binary on 4, packed and display not moved */
	L = parse_free("01 R.\n"
				   "   05 A PIC X.\n"
				   "   05 F1 COMP-1 SYNC.\n"		/* 1 -> 4 */
				   "   05 B PIC X.\n"				/* 8 */
				   "   05 F2 COMP-2 SYNC LEFT.\n"	/* 9 -> 16 */
				   "   05 C PIC X.\n"				/* 24 */
				   "   05 I1 INDEX SYNC.\n"			/* 25 -> 28 */
				   "   05 D PIC X.\n"				/* 32 */
				   "   05 P1 POINTER SYNC RIGHT.\n"	/* 33 -> 36 */
				   "   05 E PIC X.\n"				/* 40 */
				   "   05 B8 PIC S9(18) COMP SYNC.\n"	/* 41 -> 44 */
				   "   05 G PIC X.\n"				/* 52 */
				   "   05 K3 PIC S9(5) COMP-3 SYNC.\n"	/* 53 */
				   "   05 Z1 PIC X SYNC.\n");		/* 56 */
	check_field(L, "F1", 0, 4, 4);
	check_field(L, "F2", 0, 16, 8);
	check_field(L, "I1", 0, 28, 4);
	check_field(L, "P1", 0, 36, 4);
	check_field(L, "B8", 0, 44, 8);
	check_field(L, "K3", 0, 53, 3);
	check_field(L, "Z1", 0, 56, 1);
	zf_layout_free(L);

	/* SYNC on the 01 group synchronizes every item in it; a COMP-2 in a
	 * table: element 1+8 slack... 15 bytes padded to 16 */
	L = parse_free("01 R SYNC.\n"
				   "   05 A PIC X.\n"
				   "   05 B PIC S9(4) COMP.\n"		/* 1 -> 2 */
				   "   05 C PIC X.\n"				/* 4 */
				   "   05 D PIC S9(9) COMP.\n"		/* 5 -> 8 */
				   "   05 T OCCURS 3.\n"			/* 12 */
				   "      10 T1 PIC X.\n"			/* 12 */
				   "      10 T2 COMP-2.\n"			/* 13 -> 16 */
				   "   05 AFTER PIC X.\n");			/* 12 + 3 x 16 */
	check_field(L, "B", 0, 2, 2);
	check_field(L, "D", 0, 8, 4);
	check_field(L, "T2", 0, 16, 8);
	check_field(L, "T", 0, 12, 16);		/* 12..24 is 12 bytes: 16 */
	check_field(L, "AFTER", 0, 60, 1);
	assert_true(FIELD(L, "B")->sync);
	zf_layout_free(L);

	/*
	 * The slack byte is an item at the level of the elementary item before
	 * the synchronized one: after X it belongs to G1 (which grows to 2),
	 * and G2 starts after it.  After a table it belongs to the record.
	 */
	L = parse_free("01 R.\n"
				   "   05 G1.\n"
				   "      10 X PIC X.\n"
				   "   05 G2.\n"
				   "      10 B PIC S9(4) COMP SYNC.\n"
				   "   05 T OCCURS 3.\n"			/* 4+1 x3 */
				   "      10 Y PIC X.\n"
				   "   05 C PIC S9(4) COMP SYNC.\n");	/* 7 -> 8 */
	check_field(L, "G1", 0, 0, 2);
	check_field(L, "G2", 0, 2, 2);
	check_field(L, "B", 0, 2, 2);
	check_field(L, "T", 0, 4, 1);
	check_field(L, "C", 0, 8, 2);
	assert_int_equal(L->records[0].max_length, 10);
	zf_layout_free(L);

	/*
	 * Nor do groups inside the table grow (fuzz_copybook: G grew to 8
	 * bytes inside a 4-byte occurrence).  GnuCOBOL 3 (cobc -std=ibm,
	 * DISPLAY LENGTH OF) gives G 4, T 4, A 4, R 16.
	 */
	L = parse_free("01 R.\n"
				   "   05 A.\n"
				   "      10 T OCCURS 1.\n"
				   "         15 G.\n"
				   "            20 F COMP-1.\n"
				   "   05 D COMP-2 SYNC.\n");		/* 4 -> 8 */
	check_field(L, "G", 0, 0, 4);
	check_field(L, "T", 0, 0, 4);
	check_field(L, "A", 0, 0, 4);
	check_field(L, "D", 0, 8, 8);
	assert_int_equal(L->records[0].max_length, 16);
	zf_layout_free(L);

	/* an element already a multiple of its alignment is not padded */
	L = parse_free("01 R.\n"
				   "   05 A PIC X.\n"
				   "   05 T OCCURS 2.\n"
				   "      10 T1 PIC X(3).\n"
				   "      10 T2 PIC S9(9) COMP SYNC.\n"	/* 4 -> 4 */
				   "   05 AFTER PIC X.\n");		/* element 1..8: 7 -> 8 */
	check_field(L, "T2", 0, 4, 4);
	check_field(L, "T", 0, 1, 8);
	check_field(L, "AFTER", 0, 17, 1);
	zf_layout_free(L);
}

/* FILLER, unnamed items, VALUE, JUSTIFIED, BLANK WHEN ZERO. */
static void
test_misc_clauses(void **state)
{
	zf_layout  *L;
	int32_t		f;

	(void) state;
	L = parse_free("01 R.\n"
				   "   05 FILLER PIC X(2) VALUE SPACES.\n"	/* 0+2 */
				   "   05 PIC X(3) VALUE ALL '*'.\n"	/* 2+3 */
				   "   05 J PIC X(5) JUST RIGHT.\n"	/* 5+5 */
				   "   05 J2 PIC X(5) JUSTIFIED.\n"	/* 10+5 */
				   "   05 BZ PIC 9(3) BLANK WHEN ZERO.\n"	/* 15+3 */
				   "   05 BZ2 PIC ZZ9.99 BLANK ZEROES.\n"	/* 18+6 */
				   "   05 V1 PIC S9(3)V9 VALUE -12.5.\n"	/* 24+4 */
				   "   05 V2 PIC X(4) VALUE IS \"AB\"\"C\".\n"	/* 28+4 */
				   "   05 V3 PIC 9 VALUE ZERO GLOBAL.\n"	/* 32+1 */
				   "   05 V4 PIC X(2) VALUE X'C1C2' EXTERNAL.\n");	/* 33+2 */
	f = 1;
	assert_true(L->fields[f].is_filler);
	assert_string_equal(L->fields[f].name, "FILLER");
	assert_string_equal(L->fields[f].sql_name, "");
	assert_true(L->fields[2].is_filler);
	assert_string_equal(L->fields[2].name, "");
	check_field(L, "", 0, 2, 3);
	check_field(L, "J", 0, 5, 5);
	assert_true(FIELD(L, "J")->justified_right);
	assert_true(FIELD(L, "J2")->justified_right);
	check_field(L, "BZ", 0, 15, 3);
	assert_int_equal(FIELD(L, "BZ")->kind, ZF_KIND_EDITED);
	assert_true(FIELD(L, "BZ")->blank_when_zero);
	assert_true(FIELD(L, "BZ2")->blank_when_zero);
	check_field(L, "V2", 0, 28, 4);
	check_field(L, "V4", 0, 33, 2);
	zf_layout_free(L);
}

/* A copybook that starts at level 05 (or 03) has one record around its
 * items, named after the first. */
static void
test_no_01(void **state)
{
	zf_layout  *L;

	(void) state;
	L = parse_free("   05 A PIC X.\n"
				   "   05 B.\n"
				   "      10 B1 PIC X(2).\n"
				   "   05 C PIC 9(3) COMP-3.\n");
	assert_int_equal(L->nrecords, 1);
	assert_string_equal(L->records[0].name, "A");
	assert_int_equal(L->fields[L->records[0].root].level, 0);
	assert_true(L->fields[L->records[0].root].is_filler);
	assert_int_equal(L->records[0].max_length, 5);
	check_field(L, "C", 0, 3, 2);
	assert_int_equal(FIELD(L, "A")->depth, 1);
	zf_layout_free(L);

	/* the last entry may lack its period */
	L = parse_free("   05 A PIC X.\n   05 B PIC X(4)");
	assert_int_equal(L->records[0].max_length, 5);
	zf_layout_free(L);
}

/* A level number chain 01..49: 48 levels of nesting. */
static void
test_deep_levels(void **state)
{
	char		text[8192] = "01 L01.\n";
	zf_layout  *L;

	(void) state;
	for (int lv = 2; lv <= 49; lv++)
	{
		char		line[128];

		snprintf(line, sizeof(line), "%*s%02d L%02d%s\n", lv, "", lv, lv,
				 lv == 49 ? " PIC X(7)." : ".");
		strcat(text, line);
	}
	L = parse_free(text);
	assert_int_equal(L->nfields, 49);
	assert_int_equal(FIELD(L, "L49")->depth, 48);
	assert_int_equal(L->records[0].max_length, 7);
	zf_layout_free(L);
}

typedef struct bad_copybook
{
	const char *text;			/* free format */
	zf_status	status;
	int			line;
	const char *at;				/* the column is where this text starts on
								 * that line */
	const char *message;
} bad_copybook;

static const bad_copybook bad[] = {
	{"01 R.\n   COPY ABC.\n", ZF_E_SYNTAX, 2, "COPY", "COPY statements are not supported"},
	{"REPLACE ==A== BY ==B==.\n01 R PIC X.\n", ZF_E_SYNTAX, 1, "REPLACE", "REPLACE statements"},
	{"01 R.\n   05 A PIC X.\n   EXEC SQL INCLUDE X END-EXEC.\n", ZF_E_SYNTAX, 3, "EXEC",
	"EXEC statements"},
	{"01 R.\n   05 A PIC X\n   05 B PIC X.\n", ZF_E_SYNTAX, 3, "05",
	"expected a clause or a period in the entry of \"A\", found \"05\""},
	{"01 R.\n   50 A PIC X.\n", ZF_E_SYNTAX, 2, "50", "invalid level number 50"},
	{"01 R.\n   05 A PIC X FOO.\n", ZF_E_SYNTAX, 2, "FOO", "found \"FOO\""},
	{"01 R.\n   05 A PIC 9V9V9.\n", ZF_E_SYNTAX, 2, "9V9V9", "V appears more than once"},
	{"01 R.\n   05 A.\n      10 B PIC X.\n     07 C PIC X.\n", ZF_E_SYNTAX, 4, "07",
	"level number 07 does not match the level 10"},
	{"05 A PIC X.\n03 B PIC X.\n", ZF_E_SYNTAX, 2, "03", "level number 03 does not match"},
	{"01 R.\n   05 A PIC 9.\n   05 T PIC X OCCURS 1 TO 3 DEPENDING ON NOPE.\n", ZF_E_SYNTAX, 3,
	"NOPE", "OCCURS DEPENDING ON object \"NOPE\" is not defined"},
	{"01 R.\n   05 A PIC X.\n   05 T PIC X OCCURS 1 TO 3 DEPENDING ON A.\n", ZF_E_SYNTAX, 3,
	"05", "is not an integer item"},
	{"01 R.\n   05 T PIC X OCCURS 1 TO 5 DEPENDING ON N.\n   05 N PIC 9.\n", ZF_E_SYNTAX, 2,
	"05", "must precede the table"},
	{"01 R.\n   05 G1.\n      10 N PIC 9.\n   05 G2.\n      10 N PIC 9.\n"
	"   05 T PIC X OCCURS 1 TO 5 DEPENDING ON N.\n", ZF_E_SYNTAX, 6, "N.", "is ambiguous"},
	{"01 R1.\n   05 N PIC 9.\n01 R2.\n   05 T PIC X OCCURS 1 TO 5 DEPENDING ON N.\n",
	ZF_E_UNSUPPORTED, 4, "N.", "is not in the same record"},
	{"01 R.\n   05 N PIC 9.\n   05 T OCCURS 2.\n      10 M PIC 9.\n"
	"   05 U PIC X OCCURS 1 TO 5 DEPENDING ON M.\n", ZF_E_SYNTAX, 5, "05", "is in another table"},
	{"01 R.\n   05 A PIC X.\n   05 B PIC X.\n   05 C REDEFINES A PIC X.\n", ZF_E_SYNTAX, 4,
	"A PIC", "does not name the item immediately before"},
	{"01 R.\n   05 A.\n   05 B PIC X.\n", ZF_E_SYNTAX, 2, "05", "has no PICTURE clause"},
	{"01 R.\n   05 A PIC X.\n      10 B PIC X.\n", ZF_E_SYNTAX, 2, "X.",
	"cannot have a PICTURE clause"},
	{"01 R.\n   05 A PIC X VALUE 'ABC.\n", ZF_E_SYNTAX, 2, ".", "literal is not closed"},
	{"01 R.\n   05 A PIC X VALUE \\\"X\\\".\n", ZF_E_SYNTAX, 2, "\\", "expected a literal"},
	{"77 A PIC X.\n   05 B PIC X.\n", ZF_E_SYNTAX, 2, "05", "level-77 item cannot have"},
	{"01 R OCCURS 2.\n   05 A PIC X.\n", ZF_E_SYNTAX, 1, "OCCURS", "OCCURS is not allowed at level 01"},
	{"01 R.\n   05 A PIC X(10).\n   05 B REDEFINES A PIC X(11).\n", ZF_E_SYNTAX, 3, "05",
	"is larger than the item \"A\""},
	{"01 R.\n   05 N PIC 9.\n   05 A PIC X(10).\n   05 B REDEFINES A.\n"
	"      10 T PIC X OCCURS 1 TO 10 DEPENDING ON N.\n", ZF_E_SYNTAX, 4, "05",
	"involves a variable-length item"},
	{"01 R.\n   05 G SYNC.\n      10 A PIC X.\n", ZF_E_SYNTAX, 2, "SYNC", "only at level 01"},
	{"01 R.\n   05 A PIC 9 JUST RIGHT.\n", ZF_E_SYNTAX, 2, "JUST", "JUSTIFIED needs"},
	{"01 R.\n   05 A PIC S9 BLANK WHEN ZERO.\n", ZF_E_SYNTAX, 2, "BLANK", "BLANK WHEN ZERO needs"},
	{"01 R.\n   05 A PIC 9(3) SIGN LEADING.\n", ZF_E_SYNTAX, 2, "SIGN", "SIGN clause needs a signed"},
	{"01 R.\n   05 G COMP-3.\n      10 A PIC 9 COMP.\n", ZF_E_SYNTAX, 3, "COMP.", "contradicts the USAGE"},
	{"01 R.\n   05 A PIC X COMP.\n", ZF_E_SYNTAX, 2, "COMP", "does not fit the alphanumeric"},
	{"01 R.\n   05 A COMP-1 PIC 9.\n", ZF_E_SYNTAX, 2, "9.", "cannot have a PICTURE clause"},
	{"01 R.\n   05 A PIC 9(19) COMP.\n", ZF_E_SYNTAX, 2, "9(19)", "IBM COBOL allows at most 18"},
	{"01 R.\n   05 A PIC 9 USAGE NATIONAL.\n", ZF_E_UNSUPPORTED, 2, "NATIONAL", "national decimal"},
	{"01 R.\n   05 A PIC X USAGE PROCEDURE-POINTER.\n", ZF_E_UNSUPPORTED, 2, "PROCEDURE",
	"is not supported"},
	{"01 R.\n   05 A PIC 9 COMP-0.\n", ZF_E_UNSUPPORTED, 2, "COMP-0", "is not supported"},
	{"01 R.\n   05 A PIC X.\n66 B RENAMES NOPE.\n", ZF_E_SYNTAX, 3, "NOPE", "is not defined"},
	{"01 R.\n   05 A PIC X.\n66 B RENAMES A.\n   05 C PIC X.\n", ZF_E_SYNTAX, 4, "05",
	"cannot follow the 66-level"},
	{"01 R.\n   05 T OCCURS 2.\n      10 A PIC X.\n66 B RENAMES A.\n", ZF_E_SYNTAX, 4, "66",
	"has or is part of an OCCURS"},
	{"01 R.\n   05 A PIC X.\n      88 C 'X'.\n", ZF_E_SYNTAX, 3, "'X'", "expected VALUE"},
	{"01 R.\n   05 A PIC X OCCURS 0.\n", ZF_E_SYNTAX, 2, "OCCURS", "at least one"},
	{"01 R.\n   05 N PIC 9.\n   05 A PIC X OCCURS 3 TO 2 DEPENDING ON N.\n", ZF_E_SYNTAX, 3,
	"OCCURS", "minimum 3 is more than the maximum 2"},
	{"01 R.\n   05 A PIC X OCCURS 1 TO 5.\n", ZF_E_SYNTAX, 2, "OCCURS", "needs DEPENDING ON"},
	{"01 R.\n   05 A PIC X PIC X.\n", ZF_E_SYNTAX, 2, "PIC X.", "PICTURE clause appears twice"},
	{"01 R.\n   05 05 PIC X.\n", ZF_E_SYNTAX, 2, "05 PIC", "expected a data name"},
	/* no text at all: the lexer has no buffer (fuzz_copybook: NULL + 0) */
	{"", ZF_E_SYNTAX, 0, NULL, "copybook has no data description entries"},
	{"*> only a comment\n", ZF_E_SYNTAX, 0, NULL, "copybook has no data description entries"},
};

/* Each bad copybook fails with its status, message, line and column. */
static void
test_errors(void **state)
{
	(void) state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		zf_copybook_opts opts;
		zf_error	err;
		zf_layout  *L;
		int			col = 0;

		zf_copybook_opts_init(&opts);
		opts.format = ZF_FORMAT_FREE;
		L = zf_copybook_parse(bad[i].text, strlen(bad[i].text), &opts, &err);
		if (L != NULL || err.status != bad[i].status ||
			strstr(err.message, bad[i].message) == NULL)
			print_message("case %zu: %s (line %d, column %d)\n", i, L ? "parsed" : err.message,
						  err.line, err.column);
		assert_null(L);
		assert_int_equal(err.status, bad[i].status);
		assert_non_null(strstr(err.message, bad[i].message));
		if (bad[i].at != NULL)
		{
			/* the column of the marker on its line */
			const char *p = bad[i].text;

			for (int ln = 1; ln < bad[i].line; ln++)
				p = strchr(p, '\n') + 1;
			col = (int) (strstr(p, bad[i].at) - p) + 1;
		}
		if (err.line != bad[i].line || err.column != col)
			print_message("case %zu: %s at line %d column %d, expected %d %d\n", i,
						  err.message, err.line, err.column, bad[i].line, col);
		assert_int_equal(err.line, bad[i].line);
		assert_int_equal(err.column, col);
	}
}

/* Limits: ZF_E_LIMIT with the position, never an overflow. */
static void
test_limits(void **state)
{
	zf_copybook_opts opts;
	zf_error	err;
	zf_layout  *L;
	const char *t1 = "01 R.\n   05 A PIC X OCCURS 999999999.\n";
	const char *t2 = "01 R.\n   05 A PIC X(1000) OCCURS 20000.\n";
	const char *t3 = "01 R.\n   05 A PIC X(99999999).\n   05 B PIC X(99999999).\n";
	const char *t4 = "01 R.\n   05 A PIC X.\n   05 B PIC X.\n   05 C PIC X.\n";
	const char *t5 = "01 R.\n   05 A.\n      10 B.\n         15 C PIC X.\n";
	const char *t6 = "01 R.\n   05 A PIC X OCCURS 99999999999999999999999.\n";

	(void) state;
	zf_copybook_opts_init(&opts);
	opts.format = ZF_FORMAT_FREE;

	L = zf_copybook_parse(t1, strlen(t1), &opts, &err);
	assert_null(L);
	assert_int_equal(err.status, ZF_E_LIMIT);
	assert_int_equal(err.limit, ZF_LIMIT_OCCURS);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.column, 15);

	L = zf_copybook_parse(t6, strlen(t6), &opts, &err);
	assert_null(L);
	assert_int_equal(err.status, ZF_E_LIMIT);
	assert_int_equal(err.limit, ZF_LIMIT_OCCURS);

	/* 20 MB is more than the default 16 MiB record */
	L = zf_copybook_parse(t2, strlen(t2), &opts, &err);
	assert_null(L);
	assert_int_equal(err.status, ZF_E_LIMIT);
	assert_int_equal(err.line, 2);
	assert_non_null(strstr(err.message, "longer than 16777216 bytes"));
	assert_int_equal(err.limit, ZF_LIMIT_RECORD_LENGTH);

	/* two items of almost 100 MB: the sum is caught before it wraps */
	L = zf_copybook_parse(t3, strlen(t3), &opts, &err);
	assert_null(L);
	assert_int_equal(err.status, ZF_E_LIMIT);
	assert_int_equal(err.limit, ZF_LIMIT_RECORD_LENGTH);

	opts.limits.max_fields = 3;
	L = zf_copybook_parse(t4, strlen(t4), &opts, &err);
	assert_null(L);
	assert_int_equal(err.status, ZF_E_LIMIT);
	assert_int_equal(err.limit, ZF_LIMIT_FIELDS);
	assert_int_equal(err.line, 4);
	zf_copybook_opts_init(&opts);
	opts.format = ZF_FORMAT_FREE;

	opts.limits.max_depth = 2;
	L = zf_copybook_parse(t5, strlen(t5), &opts, &err);
	assert_null(L);
	assert_int_equal(err.status, ZF_E_LIMIT);
	assert_int_equal(err.limit, ZF_LIMIT_NONE);	/* no setting raises it */
	assert_int_equal(err.line, 4);
	zf_copybook_opts_init(&opts);

	opts.limits.max_source_bytes = 10;
	L = zf_copybook_parse(t4, strlen(t4), &opts, &err);
	assert_null(L);
	assert_int_equal(err.status, ZF_E_LIMIT);
	assert_int_equal(err.limit, ZF_LIMIT_SOURCE);
	zf_copybook_opts_init(&opts);

	opts.limits.max_record_length = 2;
	L = zf_copybook_parse(t4, strlen(t4), &opts, &err);
	assert_null(L);
	assert_int_equal(err.status, ZF_E_LIMIT);
	assert_int_equal(err.limit, ZF_LIMIT_RECORD_LENGTH);
	assert_int_equal(err.line, 4);
}

/* Default PostgreSQL types. */
static void
test_pg_types(void **state)
{
	static const struct
	{
		const char *name;
		const char *type;
	}			want[] = {
		{"A", "smallint"}, {"B", "integer"}, {"C", "bigint"}, {"D", "numeric(19,0)"},
		{"E", "numeric(9,2)"}, {"F", "real"}, {"G", "double precision"}, {"H", "text"},
		{"I", "numeric(5,2)"}, {"J", "text"}, {"K", "jsonb[]"}, {"K1", "integer[][]"},
		{"L", "integer"}, {"M", "smallint"}, {"N", "integer"}, {"N2", "bigint"},
		{"O", "bigint"}, {"O2", "numeric(20,0)"}, {"P", "numeric(5,2)"}, {"Q", "integer"},
		{"S", "numeric(6,6)"}, {"T", "numeric(5,0)"}, {"U", "integer"}, {"V", "bigint"},
		{"W", "text"}, {"R", "jsonb"}, {"Z", "numeric(31,0)"},
	};
	zf_layout  *L;

	(void) state;
	L = parse_free("01 R.\n"
				   "  05 A PIC S9(4) COMP.\n"
				   "  05 B PIC 9(9).\n"
				   "  05 C PIC S9(18) COMP-3.\n"
				   "  05 D PIC 9(19).\n"
				   "  05 E PIC S9(7)V99 COMP-3.\n"
				   "  05 F COMP-1.\n"
				   "  05 G COMP-2.\n"
				   "  05 H PIC X(5).\n"
				   "  05 I PIC -ZZ9.99.\n"
				   "  05 J PIC G(2).\n"
				   "  05 K OCCURS 2.\n"
				   "     10 K1 PIC 9(5) OCCURS 3.\n"
				   "  05 L PIC 9(4) COMP-5.\n"		/* up to 65535 */
				   "  05 M PIC S9(4) COMP-5.\n"
				   "  05 N PIC S9(9) COMP-5.\n"
				   "  05 N2 PIC 9(9) COMP-5.\n"		/* up to 4294967295 */
				   "  05 O PIC S9(18) COMP-5.\n"
				   "  05 O2 PIC 9(18) COMP-5.\n"	/* 20 digits */
				   "  05 P PIC S9(2)V99 COMP-5.\n"	/* 2 bytes: 327.67 */
				   "  05 Q PIC 999PPP.\n"			/* up to 999000 */
				   "  05 S PIC VPPP999.\n"
				   "  05 T PIC 9(5) BLANK WHEN ZERO.\n"
				   "  05 U INDEX.\n"
				   "  05 V POINTER.\n"
				   "  05 W PIC N(4).\n"
				   "  05 Z PIC S9(31) COMP-3.\n");
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
	{
		char		t[64];

		zf_field_pg_type(L, field_named(L, want[i].name, 0), t, sizeof(t));
		if (strcmp(t, want[i].type) != 0)
			print_message("%s: %s, expected %s\n", want[i].name, t, want[i].type);
		assert_string_equal(t, want[i].type);
	}
	zf_layout_free(L);
}

/* Field lookup by SQL name and qualified path; record lookup; paths. */
static void
test_find(void **state)
{
	zf_layout  *L;
	zf_error	err;
	int32_t		f;
	int32_t		tables[4];
	char		path[128];

	(void) state;
	L = parse_free("01 ACCOUNT-RECORD.\n"
				   "   05 CUSTOMER.\n"
				   "      10 NAME PIC X(10).\n"
				   "      10 BALANCE PIC S9(7)V99 COMP-3.\n"
				   "   05 SUPPLIER.\n"
				   "      10 NAME PIC X(10).\n"
				   "      10 FILLER.\n"
				   "         15 CODE PIC X OCCURS 2.\n"
				   "   05 FILLER PIC X.\n"
				   "   05 ORDERS OCCURS 3.\n"
				   "      10 LINES OCCURS 4.\n"
				   "         15 QTY PIC 9(3).\n"
				   "01 OTHER-REC.\n"
				   "   05 NAME PIC X.\n");
	assert_int_equal(zf_layout_record(L, "account_record"), 0);
	assert_int_equal(zf_layout_record(L, "ACCOUNT-RECORD"), 0);
	assert_int_equal(zf_layout_record(L, "other_rec"), 1);
	assert_int_equal(zf_layout_record(L, "nope"), -1);

	assert_int_equal(zf_layout_find(L, 0, "balance", &f, &err), ZF_OK);
	assert_int_equal(f, field_named(L, "BALANCE", 0));
	assert_int_equal(zf_layout_find(L, 0, "supplier.name", &f, &err), ZF_OK);
	assert_int_equal(f, field_named(L, "NAME", 1));
	assert_int_equal(zf_layout_find(L, 0, "account_record.customer.name", &f, &err), ZF_OK);
	assert_int_equal(f, field_named(L, "NAME", 0));
	assert_int_equal(zf_layout_find(L, 0, "ACCOUNT-RECORD.NAME", &f, &err), ZF_E_ARG);
	assert_int_equal(zf_layout_find(L, 0, "name", &f, &err), ZF_E_ARG);
	assert_non_null(strstr(err.message, "ambiguous"));
	assert_string_equal(err.detail, "Candidates: customer.name, supplier.name");
	assert_int_equal(zf_layout_find(L, 0, "filler", &f, &err), ZF_E_ARG);
	assert_non_null(strstr(err.message, "does not exist"));
	assert_int_equal(zf_layout_find(L, 0, "supplier.code", &f, &err), ZF_OK);
	assert_int_equal(zf_layout_find(L, 1, "name", &f, &err), ZF_OK);
	assert_int_equal(f, field_named(L, "NAME", 2));
	assert_int_equal(zf_layout_find(L, 0, "a..b", &f, &err), ZF_E_ARG);

	zf_field_path(L, field_named(L, "NAME", 1), path, sizeof(path));
	assert_string_equal(path, "supplier.name");
	zf_field_path(L, field_named(L, "CODE", 0), path, sizeof(path));
	assert_string_equal(path, "supplier.code");
	zf_field_path(L, field_named(L, "QTY", 0), path, sizeof(path));
	assert_string_equal(path, "orders.lines.qty");
	zf_field_path(L, field_named(L, "QTY", 0), path, 8);
	assert_string_equal(path, "orders.");
	zf_field_path(L, field_named(L, "FILLER", 1), path, sizeof(path));
	assert_string_equal(path, "filler");

	f = field_named(L, "QTY", 0);
	assert_int_equal(zf_field_dimensions(L, f), 2);
	assert_int_equal(zf_field_tables(L, f, tables, 4), 2);
	assert_int_equal(tables[0], field_named(L, "ORDERS", 0));
	assert_int_equal(tables[1], field_named(L, "LINES", 0));
	assert_int_equal(zf_field_tables(L, f, tables, 1), 2);
	assert_int_equal(tables[0], field_named(L, "ORDERS", 0));
	assert_true(zf_kind_is_numeric(ZF_KIND_PACKED));
	assert_false(zf_kind_is_numeric(ZF_KIND_ALNUM));
	zf_layout_free(L);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixed_format),
		cmocka_unit_test(test_fixed_column7),
		cmocka_unit_test(test_free_format),
		cmocka_unit_test(test_levels),
		cmocka_unit_test(test_level88),
		cmocka_unit_test(test_usages),
		cmocka_unit_test(test_sign),
		cmocka_unit_test(test_occurs),
		cmocka_unit_test(test_redefines),
		cmocka_unit_test(test_sync),
		cmocka_unit_test(test_sync_gnucobol),
		cmocka_unit_test(test_misc_clauses),
		cmocka_unit_test(test_no_01),
		cmocka_unit_test(test_deep_levels),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_pg_types),
		cmocka_unit_test(test_find),
	};

	return cmocka_run_group_tests_name("copybook", tests, NULL, NULL);
}

/*-------------------------------------------------------------------------
 *
 * test_copybook_cobrix.c
 *	  Copybook layouts against Cobrix's layout tables, and record lengths
 *	  of the JRecord, aws and Cobrix copybooks.
 *
 * Cobrix's *_layout.txt (../shared/conformance/cobrix/case* /expected)
 * give level, name, start, end and length (1-based) of every field.  Rows
 * are compared in order with our fields.  Cobrix differs from IBM in ways
 * the test spells out:
 *	 - a group in a REDEFINES chain (attribute r or R) shows the length of
 *	   the whole area, the largest definition; we compare that area;
 *	 - its generated debug columns (*_debug) are not fields of the
 *	   copybook and are skipped; FILLER naming options rename fillers;
 *	 - Cobrix accepts what IBM rejects.  case15, case16 and case06 redefine
 *	   an item with a larger one below level 01: they parse with
 *	   allow_larger_redefines (and fail without it, as asserted).  case05
 *	   (test6/test24) is not IBM COBOL: S in numeric-edited pictures,
 *	   COMP-0, SIGN SEPARATE on unsigned items, and binary items of 19 to
 *	   37 digits (IBM allows 18).  The strict parse must fail; then the
 *	   first three are corrected without changing any size (S dropped,
 *	   COMP-0 as COMP, S added), the binary items of more than 18 digits
 *	   are removed from the copybook, and the expected rows are shifted by
 *	   the lengths Cobrix gives them.  Every other row must match.
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <ctype.h>

#include "cobol/copybook_test_util.h"
#include "layout/layout_int.h"

#define COBRIX_DIR CONFORMANCE_DIR "/cobrix/"
#define MAX_ROWS 512

typedef struct layout_row
{
	int			level;
	char		name[96];
	char		attrs[8];
	long		start;
	long		length;
	bool		skip;
} layout_row;

/* Read a Cobrix layout table. */
static int
read_rows(const char *text, layout_row *rows, int max)
{
	int			n = 0;
	const char *p = text;

	while (*p && n < max)
	{
		const char *eol = strchr(p, '\n');
		size_t		len = eol ? (size_t) (eol - p) : strlen(p);
		char		line[256];
		char	   *tok[16];
		int			nt = 0;
		layout_row *r;
		int			k = 0;

		if (len >= sizeof(line))
			len = sizeof(line) - 1;
		memcpy(line, p, len);
		line[len] = '\0';
		p = eol ? eol + 1 : p + len;
		if (line[0] == '-' || line[0] == '\0')
			continue;
		for (char *s = strtok(line, " \t\r"); s && nt < 16; s = strtok(NULL, " \t\r"))
			tok[nt++] = s;
		if (nt < 4)
			continue;
		r = &rows[n++];
		memset(r, 0, sizeof(*r));
		if (isdigit((unsigned char) tok[0][0]))
			r->level = atoi(tok[k++]);
		else
			r->level = 1;
		snprintf(r->name, sizeof(r->name), "%s", tok[k++]);
		if (k < nt - 3 && !isdigit((unsigned char) tok[k][0]))
			snprintf(r->attrs, sizeof(r->attrs), "%s", tok[k]);
		r->start = atol(tok[nt - 3]);
		r->length = atol(tok[nt - 1]);
		if (strlen(r->name) > 6 && strcmp(r->name + strlen(r->name) - 6, "_debug") == 0)
			r->skip = true;
	}
	return n;
}

/* Remove the lines of the copybook that contain word. */
static void
drop_line(char *text, const char *word)
{
	char	   *hit = strstr(text, word);
	char	   *bol;
	char	   *eol;

	assert_non_null(hit);
	for (bol = hit; bol > text && bol[-1] != '\n'; bol--)
		;
	eol = strchr(hit, '\n');
	memmove(bol, eol ? eol + 1 : hit + strlen(hit), strlen(eol ? eol + 1 : "") + 1);
}

/* Replace the first occurrence of from by to (same length or shorter). */
static void
patch(char *text, const char *context, const char *from, const char *to)
{
	char	   *c = strstr(text, context);
	char	   *hit;

	assert_non_null(c);
	hit = strstr(c, from);
	assert_non_null(hit);
	assert_true(strlen(to) <= strlen(from));
	memcpy(hit, to, strlen(to));
	memset(hit + strlen(to), ' ', strlen(from) - strlen(to));
}

/* A row Cobrix lists that we removed from the copybook: shift the rest. */
static void
drop_row(layout_row *rows, int n, const char *name)
{
	int			k = -1;
	int			level;
	long		delta;

	for (int i = 0; i < n; i++)
		if (strcmp(rows[i].name, name) == 0)
			k = i;
	assert_true(k >= 0);
	delta = rows[k].length;
	rows[k].skip = true;
	level = rows[k].level;
	for (int i = k - 1; i >= 0; i--)
		if (rows[i].level < level)
		{
			rows[i].length -= delta;
			level = rows[i].level;
		}
	for (int i = k + 1; i < n && rows[i].level > 1; i++)
		rows[i].start -= delta;
}

/* Bytes of the REDEFINES area a field belongs to: its largest definition. */
static uint64_t
area_of(const zf_layout *L, int32_t f)
{
	int32_t		t = L->fields[f].redefines >= 0 ? L->fields[f].redefines : f;
	uint64_t	area = zf_field_total(&L->fields[t]);

	for (int32_t s = L->fields[t].next_sibling; s >= 0 && L->fields[s].redefines == t;
		 s = L->fields[s].next_sibling)
		if (zf_field_total(&L->fields[s]) > area)
			area = zf_field_total(&L->fields[s]);
	return area;
}

/* Compare our fields with the rows; returns the number of rows matched. */
static int
compare_rows(const char *what, const zf_layout *L, layout_row *rows, int n)
{
	int			k = 0;
	int			matched = 0;

	for (int32_t i = 0; i < L->nfields; i++)
	{
		const zf_field *f = &L->fields[i];
		layout_row *r;
		char		want[96];
		bool		ok = true;
		long		len;

		while (k < n && rows[k].skip)
			k++;
		if (k == n)
		{
			print_message("%s: extra field %s\n", what, f->name);
			return -1;
		}
		r = &rows[k++];
		snprintf(want, sizeof(want), "%s", f->name);
		for (char *c = want; *c; c++)
			*c = (char) (*c == '-' ? '_' : toupper((unsigned char) *c));
		len = r->attrs[0] ? (long) area_of(L, i) : (long) f->length;
		if (f->is_filler ? strncmp(r->name, "FILLER", 6) != 0 : strcasecmp(r->name, want) != 0)
			ok = false;
		if (f->level != r->level || (long) f->offset + 1 != r->start || len != r->length)
			ok = false;
		if (ok)
			matched++;
		else
			print_message("%s: %s level %d/%d start %ld/%ld length %ld/%ld (ours/Cobrix)\n",
						  what, r->name, f->level, r->level, (long) f->offset + 1, r->start,
						  len, r->length);
	}
	while (k < n && rows[k].skip)
		k++;
	if (k != n)
	{
		print_message("%s: %d rows left over\n", what, n - k);
		return -1;
	}
	return matched;
}

typedef struct cobrix_case
{
	const char *copybook;		/* relative to the Cobrix directory */
	const char *layout;
	bool		larger_redefines;
	int			rows;			/* rows compared */
} cobrix_case;

static const cobrix_case cases[] = {
	{"case06_fillers_redefines/copybook/test7_fillers.cob",
	"case06_fillers_redefines/expected/test7_layout.txt", true, 20},
	{"case06_fillers_redefines/copybook/test7_fillers.cob",
	"case06_fillers_redefines/expected/test7a_layout.txt", true, 20},
	{"case06_fillers_redefines/copybook/test7_fillers.cob",
	"case06_fillers_redefines/expected/test7b_layout.txt", true, 20},
	{"case06_fillers_redefines/copybook/test7_fillers.cob",
	"case06_fillers_redefines/expected/test7c_layout.txt", true, 20},
	{"case06_fillers_redefines/copybook/test7_fillers.cob",
	"case06_fillers_redefines/expected/test7d_layout.txt", true, 20},
	{"case10_custom_5byte_record_header/copybook/test11_copybook.cob",
	"case10_custom_5byte_record_header/expected/test11_layout.txt", false, 13},
	{"case12_fixed_file_header_footer/copybook/test13a_file_header_footer.cob",
	"case12_fixed_file_header_footer/expected/test13a_layout.txt", false, 7},
	{"case13_vrl_rdw_be_file_header_footer/copybook/test13b_vrl_file_headers.cob",
	"case13_vrl_rdw_be_file_header_footer/expected/test13b_layout.txt", false, 13},
	{"case15_fixed_len_segment_redefines/copybook/test16_fix_len_segments.cob",
	"case15_fixed_len_segment_redefines/expected/test16_layout.txt", true, 14},
	{"case16_hierarchical_7_segments/copybook/test17_hierarchical.cob",
	"case16_hierarchical_7_segments/expected/test17a_layout.txt", true, 32},
	{"case17_display_numbers_pic_a/copybook/test19_display_num.cob",
	"case17_display_numbers_pic_a/expected/test19_layout.txt", false, 15},
};

/* Parse a copybook file with or without the larger-REDEFINES option. */
static zf_layout *
parse_file(const char *path, bool larger, zf_error *err)
{
	size_t		len = 0;
	char	   *text = read_file(path, &len);
	zf_copybook_opts opts;
	zf_layout  *L;

	assert_non_null(text);
	zf_copybook_opts_init(&opts);
	opts.allow_larger_redefines = larger;
	L = zf_copybook_parse(text, len, &opts, err);
	free(text);
	return L;
}

static void
test_cobrix_layouts(void **state)
{
	(void) state;
	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++)
	{
		char		path[512];
		size_t		len = 0;
		char	   *text;
		layout_row *rows = calloc(MAX_ROWS, sizeof(layout_row));
		int			n;
		int			matched;
		zf_error	err;
		zf_layout  *L;

		snprintf(path, sizeof(path), COBRIX_DIR "%s", cases[c].layout);
		text = read_file(path, &len);
		assert_non_null(text);
		n = read_rows(text, rows, MAX_ROWS);
		free(text);
		snprintf(path, sizeof(path), COBRIX_DIR "%s", cases[c].copybook);
		if (cases[c].larger_redefines)
		{
			/* IBM rejects it as it is */
			L = parse_file(path, false, &err);
			assert_null(L);
			assert_int_equal(err.status, ZF_E_SYNTAX);
			assert_non_null(strstr(err.message, "is larger than the item"));
		}
		L = parse_file(path, cases[c].larger_redefines, &err);
		if (L == NULL)
			print_message("%s: %s (line %d)\n", cases[c].copybook, err.message, err.line);
		assert_non_null(L);
		matched = compare_rows(cases[c].layout, L, rows, n);
		print_message("cobrix %s: %d of %d fields match\n", strrchr(cases[c].layout, '/') + 1,
					  matched, n);
		assert_int_equal(n, cases[c].rows);
		assert_int_equal(matched, n);
		zf_layout_free(L);
		free(rows);
	}
}

/* case05, the type variety, once strict and once corrected (see above). */
static void
run_case05(const char *copybook, const char *layout, int err_line, int expect_rows)
{
	static const char *const too_wide[] = {
		"NUM-BIN-INT12", "NUM-BIN-INT13", "NUM-BIN-INT14",
		"NUM-SBIN-SINT12", "NUM-SBIN-SINT13", "NUM-SBIN-SINT14",
		"NUM-BIN-DEC09", "NUM-BIN-DEC10", "NUM-SBIN-DEC09", "NUM-SBIN-DEC10", NULL
	};
	char		path[512];
	size_t		len = 0;
	char	   *text;
	char	   *lay;
	layout_row *rows = calloc(MAX_ROWS, sizeof(layout_row));
	int			n;
	int			skipped = 0;
	int			debug = 0;
	int			matched;
	zf_error	err;
	zf_layout  *L;

	snprintf(path, sizeof(path), COBRIX_DIR "case05_type_variety_all_numeric/%s", layout);
	lay = read_file(path, &len);
	assert_non_null(lay);
	n = read_rows(lay, rows, MAX_ROWS);
	free(lay);
	snprintf(path, sizeof(path), COBRIX_DIR "case05_type_variety_all_numeric/%s", copybook);
	text = read_file(path, &len);
	assert_non_null(text);

	/* as published: S in a numeric-edited picture is the first error */
	L = zf_copybook_parse(text, len, NULL, &err);
	assert_null(L);
	assert_int_equal(err.status, ZF_E_SYNTAX);
	assert_int_equal(err.line, err_line);
	assert_non_null(strstr(err.message, "S is not allowed in a numeric-edited"));

	/* corrections that keep every size */
	patch(text, "NUM-STR-EDEC03", "S9(3).99", "9(3).99");
	patch(text, "NUM-STR-EDEC04", "S9(4).9(4)", "9(4).9(4)");
	patch(text, "NUM-STR-EDEC05", "S9(5).9(4)", "9(5).9(4)");
	patch(text, "NUM-STR-EDEC06", "S9(5).9(5)", "9(5).9(5)");
	patch(text, "NUM-BIN-INT03", "COMP-0", "COMP");
	L = zf_copybook_parse(text, strlen(text), NULL, &err);
	assert_null(L);
	assert_non_null(strstr(err.message, "binary item \"NUM-BIN-INT12\" has 19 digits"));
	for (int i = 0; too_wide[i] != NULL; i++)
	{
		drop_line(text, too_wide[i]);
		snprintf(path, sizeof(path), "%s", too_wide[i]);
		for (char *c = path; *c; c++)
			if (*c == '-')
				*c = '_';
		drop_row(rows, n, path);
		skipped++;
	}
	L = zf_copybook_parse(text, strlen(text), NULL, &err);
	assert_null(L);
	assert_non_null(strstr(err.message, "SIGN clause needs a signed"));
	/* "PIC 99V99 SIGN ... SEPARATE": IBM needs the S (Cobrix counts the
	 * sign byte all the same) */
	{
		char	   *a = strstr(text, "NUM-SL-STR-DEC01");
		char	   *b;

		assert_non_null(a);
		b = strstr(a, "PIC 99V99");
		memmove(b + 5, b + 4, strlen(b + 4) + 1);
		b[4] = 'S';
		a = strstr(text, "NUM-ST-STR-DEC01");
		b = strstr(a, "PIC 99V99");
		memmove(b + 5, b + 4, strlen(b + 4) + 1);
		b[4] = 'S';
	}
	L = zf_copybook_parse(text, strlen(text), NULL, &err);
	if (L == NULL)
		print_message("%s: %s (line %d)\n", copybook, err.message, err.line);
	assert_non_null(L);
	for (int i = 0; i < n; i++)
		if (rows[i].skip && strstr(rows[i].name, "_debug"))
			debug++;
	matched = compare_rows(layout, L, rows, n);
	print_message("cobrix %s: %d of %d fields match (%d binary fields of 19-37 digits left out"
				  ", %d debug columns skipped)\n", layout, matched, n - skipped - debug, skipped,
				  debug);
	assert_int_equal(n, expect_rows);
	assert_int_equal(matched, n - skipped - debug);
	zf_layout_free(L);
	free(text);
	free(rows);
}

static void
test_cobrix_case05(void **state)
{
	(void) state;
	run_case05("copybook/test6_copybook.cob", "expected/test6_layout.txt", 82, 196);
	run_case05("copybook/test24_copybook.cob", "expected/test24_layout.txt", 82, 391);
}

/* Record lengths the peer suites state for their files. */
static void
test_record_lengths(void **state)
{
	static const struct
	{
		const char *path;
		uint32_t	max_length;
		uint32_t	min_length;
	}			files[] = {
		/* JRecord: "RECORD LENGTH IS 27" (FB, LRECL 27) */
		{"jrecord/DTAR020.cbl", 27, 27},
		/* RDW lengths 62..187 include the 4 RDW bytes: 58..183 of data */
		{"jrecord/FCUSDAT.cbl", 183, 58},
		/* aws: 150-byte fixed records */
		{"aws-unlock-mainframe-data/EMPREC01.cpy", 150, 150},
		/* Cobrix: F 2202-byte records (ODO 80 at its maximum) */
		{"cobrix/case01_fixed_comp_comp3_odo_redefines/copybook/test1_copybook.cob", 2202, 69},
		/* test1a reads the same records from offset 2 to 27 before the end */
		{"cobrix/case01_fixed_comp_comp3_odo_redefines/copybook/test1a_copybook.cob", 2173, 67},
		{"cobrix/case02_fixed_binary_decimal_segfilter_trim/copybook/test3_copybook.cob", 45, 45},
		{"cobrix/case17_display_numbers_pic_a/copybook/test19_display_num.cob", 80, 80},
		/* COUNT + 2 x (INNER-COUNT + 3 x FIELD) at the maximum */
		{"cobrix/case18_nested_odo_variable_size/copybook/test21_copybook.cob", 9, 1},
	};

	(void) state;
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
	{
		char		path[512];
		zf_error	err;
		zf_layout  *L;

		snprintf(path, sizeof(path), CONFORMANCE_DIR "/%s", files[i].path);
		L = parse_file(path, false, &err);
		if (L == NULL)
			print_message("%s: %s\n", files[i].path, err.message);
		assert_non_null(L);
		assert_int_equal(L->records[0].max_length, files[i].max_length);
		assert_int_equal(L->records[0].min_length, files[i].min_length);
		zf_layout_free(L);
	}
}

/* The Cobrix copybooks without a layout table parse, or fail for the
 * reason IBM would give. */
static void
test_cobrix_others(void **state)
{
	zf_error	err;
	zf_layout  *L;

	(void) state;
	/* DEPENDING ON a PIC X field, mapped to counts by a Cobrix option */
	L = parse_file(COBRIX_DIR "case19_odo_string_dependee_occurs_mappings/copybook/test25_copybook.cob",
				   false, &err);
	assert_null(L);
	assert_int_equal(err.status, ZF_E_SYNTAX);
	assert_non_null(strstr(err.message, "is not an integer item"));

	/* 01 RECORD-B REDEFINES RECORD-A: two record definitions */
	L = parse_file(COBRIX_DIR "case11_multi_copybook_root_redefines/copybook/test12_copybook.cob",
				   false, &err);
	assert_non_null(L);
	assert_int_equal(L->nrecords, 2);
	assert_int_equal(L->fields[L->records[1].root].redefines, L->records[0].root);
	assert_string_equal(L->records[1].name, "RECORD-B");
	zf_layout_free(L);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cobrix_layouts),
		cmocka_unit_test(test_cobrix_case05),
		cmocka_unit_test(test_record_lengths),
		cmocka_unit_test(test_cobrix_others),
	};

	return cmocka_run_group_tests_name("copybook_cobrix", tests, NULL, NULL);
}

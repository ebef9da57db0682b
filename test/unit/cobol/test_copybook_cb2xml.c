/*-------------------------------------------------------------------------
 *
 * test_copybook_cb2xml.c
 *	  Copybook layouts against cb2xml's expected XML (dialect "Mainframe").
 *
 * Every cb2xml copybook in ../shared/conformance/cb2xml is parsed and compared item by
 * item, in source order, with its .expected.xml: level, name, position
 * (1-based there), storage-length, scale, occurs, occurs-min,
 * depending-on, redefines, and for numeric items signed (an S in the
 * picture).  A tiny attribute reader reads the XML; cpyHexValue's XML is
 * EBCDIC (cp037) and is translated with iconv first.
 *
 * Where IBM Enterprise COBOL and cb2xml part ways, the test says so:
 *	 - cpyBitOfEverything is not valid IBM COBOL as published: PIC S9.9
 *	   (S in a numeric-edited picture), VALUE \"HELLO\" (a backslash, an
 *	   artefact of the Java string it came from), and a group
 *	   INDICATOR-COLUMN-SLASH-TEST-GROUP with neither subordinate items
 *	   nor PICTURE (cb2xml gives it 0 bytes).  The strict parse must fail
 *	   at the first of them; the corrected text (9.9, plain quotes, that
 *	   line removed) is compared.  cb2xml also counts PIC $ZZZZ9999 as 8
 *	   bytes; IBM counts every symbol, 9 bytes, so every later position of
 *	   that record is one more than cb2xml's: the comparison corrects
 *	   cb2xml there and reports how many items matched before.
 *	 - cpyRedefSize31 redefines 30-byte items with 80-byte ones at level
 *	   15, which IBM rejects; with allow_larger_redefines (the area grows,
 *	   as cb2xml does) every item matches.
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <iconv.h>

#include "cobol/copybook_test_util.h"

#define CB2XML_DIR CONFORMANCE_DIR "/cb2xml/"
#define MAX_ITEMS 400

typedef struct xml_item
{
	int			level;
	char		name[96];
	char		picture[64];
	long		position;
	long		storage;
	long		scale;
	long		occurs;
	long		occurs_min;
	char		depending[96];
	char		redefines[96];
	bool		numeric;		/* numeric="COBOL_NUMERIC" */
	bool		skip;
} xml_item;

/* Copy attribute a of the tag text [tag, end) into dst; false if absent. */
static bool
get_attr(const char *tag, const char *end, const char *a, char *dst, size_t cap)
{
	size_t		alen = strlen(a);

	for (const char *p = tag; p + alen + 2 < end; p++)
	{
		if (p[-1] == ' ' && strncmp(p, a, alen) == 0 && p[alen] == '=' && p[alen + 1] == '"')
		{
			const char *v = p + alen + 2;
			const char *q = memchr(v, '"', (size_t) (end - v));
			size_t		n;

			if (q == NULL)
				return false;
			n = (size_t) (q - v) < cap - 1 ? (size_t) (q - v) : cap - 1;
			memcpy(dst, v, n);
			dst[n] = '\0';
			return true;
		}
	}
	return false;
}

static long
get_num(const char *tag, const char *end, const char *a, long dflt)
{
	char		buf[32];

	return get_attr(tag, end, a, buf, sizeof(buf)) ? strtol(buf, NULL, 10) : dflt;
}

/* All <item> elements of the XML, in document order. */
static int
read_items(const char *xml, xml_item *items, int max)
{
	int			n = 0;
	const char *p = xml;

	while ((p = strstr(p, "<item ")) != NULL && n < max)
	{
		const char *end = strchr(p, '>');
		xml_item   *it = &items[n++];

		memset(it, 0, sizeof(*it));
		p += 5;
		it->level = (int) get_num(p, end, "level", -1);
		get_attr(p, end, "name", it->name, sizeof(it->name));
		get_attr(p, end, "picture", it->picture, sizeof(it->picture));
		it->position = get_num(p, end, "position", -1);
		it->storage = get_num(p, end, "storage-length", -1);
		it->scale = get_num(p, end, "scale", 0);
		it->occurs = get_num(p, end, "occurs", 0);
		it->occurs_min = get_num(p, end, "occurs-min", it->occurs);
		get_attr(p, end, "depending-on", it->depending, sizeof(it->depending));
		get_attr(p, end, "redefines", it->redefines, sizeof(it->redefines));
		{
			char		num[32] = "";

			get_attr(p, end, "numeric", num, sizeof(num));
			it->numeric = strcmp(num, "COBOL_NUMERIC") == 0;
		}
	}
	return n;
}

/* Read the expected XML, translating it from cp037 when it is EBCDIC. */
static char *
read_xml(const char *path)
{
	size_t		len = 0;
	char	   *raw = read_file(path, &len);

	if (raw != NULL && len > 1 && (unsigned char) raw[0] == 0x4C &&
		(unsigned char) raw[1] == 0x6F)
	{
		iconv_t		cd = iconv_open("UTF-8", "CP037");
		size_t		outcap = len * 4 + 1;
		char	   *out = malloc(outcap);
		char	   *in = raw;
		char	   *o = out;
		size_t		inleft = len;
		size_t		outleft = outcap - 1;

		assert_true(cd != (iconv_t) -1);
		assert_true(iconv(cd, &in, &inleft, &o, &outleft) != (size_t) -1);
		*o = '\0';
		iconv_close(cd);
		free(raw);
		raw = out;
	}
	return raw;
}

/* Replace every occurrence of from by to in a malloc'ed string. */
static char *
replace_all(char *s, const char *from, const char *to)
{
	size_t		fl = strlen(from);
	size_t		tl = strlen(to);
	size_t		count = 0;
	char	   *r;
	char	   *o;

	for (char *p = strstr(s, from); p; p = strstr(p + fl, from))
		count++;
	r = malloc(strlen(s) + count * (tl > fl ? tl - fl : 0) + 1);
	o = r;
	for (char *p = s;;)
	{
		char	   *q = strstr(p, from);

		if (q == NULL)
		{
			strcpy(o, p);
			break;
		}
		memcpy(o, p, (size_t) (q - p));
		o += q - p;
		memcpy(o, to, tl);
		o += tl;
		p = q + fl;
	}
	free(s);
	return r;
}

/* cb2xml's size of one item is wrong: correct it and what follows. */
typedef struct correction
{
	const char *item;			/* the item cb2xml sizes wrongly */
	long		delta;			/* IBM size minus cb2xml's */
} correction;

/*
 * Apply a correction to the expected items: the item and the groups that
 * contain it grow by delta, and everything after it in the same 01 record
 * moves by delta.
 */
static void
apply_correction(xml_item *items, int n, const correction *c)
{
	int			k = -1;
	int			level;

	for (int i = 0; i < n; i++)
		if (strcmp(items[i].name, c->item) == 0)
			k = i;
	assert_true(k >= 0);
	items[k].storage += c->delta;
	level = items[k].level;
	for (int i = k - 1; i >= 0; i--)
	{
		if (items[i].level < level)
		{
			items[i].storage += c->delta;
			level = items[i].level;
			if (level == 1)
				break;
		}
	}
	for (int i = k + 1; i < n && items[i].level != 1; i++)
		items[i].position += c->delta;
}

/*
 * Compare the layout with the expected items; returns how many items
 * match in every attribute, printing each difference.
 */
static int
compare(const char *file, const zf_layout *L, xml_item *items, int n, bool quiet)
{
	int			matched = 0;
	int			k = 0;

	for (int32_t i = 0; i < L->nfields && k <= n; i++)
	{
		const zf_field *f = &L->fields[i];
		xml_item   *it;
		bool		ok = true;
		char		why[256] = "";

		if (f->level == 0 || f->level == 66)
			continue;			/* a record added around a copybook
								 * without 01; RENAMES */
		while (k < n && items[k].skip)
			k++;
		if (k == n)
		{
			print_message("%s: extra field %s\n", file, f->name);
			return -1;
		}
		it = &items[k++];
#define CHECK(cond, ...) do { if (!(cond)) { ok = false; snprintf(why + strlen(why), sizeof(why) - strlen(why), __VA_ARGS__); } } while (0)
		CHECK(f->level == it->level, " level %d/%d", f->level, it->level);
		CHECK(strcmp(f->name, it->name) == 0, " name");
		CHECK((long) f->offset + 1 == it->position, " position %ld/%ld",
			  (long) f->offset + 1, it->position);
		CHECK((long) f->length == it->storage, " storage-length %ld/%ld",
			  (long) f->length, it->storage);
		CHECK(f->scale == it->scale, " scale %d/%ld", f->scale, it->scale);
		CHECK((long) f->occurs_max == it->occurs, " occurs %u/%ld", f->occurs_max, it->occurs);
		CHECK((long) (f->occurs_max ? f->occurs_min : 0) == it->occurs_min,
			  " occurs-min %u/%ld", f->occurs_min, it->occurs_min);
		/* references as written: case may differ from the definition */
		CHECK(strcasecmp(f->depending_on >= 0 ? L->fields[f->depending_on].name : "",
						 it->depending) == 0, " depending-on");
		CHECK(strcasecmp(f->redefines >= 0 ? L->fields[f->redefines].name : "",
						 it->redefines) == 0, " redefines");
		if (it->numeric && it->picture[0] != '\0')
			CHECK(f->is_signed == (it->picture[0] == 's' || it->picture[0] == 'S'), " signed");
#undef CHECK
		if (ok)
			matched++;
		else if (!quiet)
			print_message("%s: %s (ours/cb2xml):%s\n", file, it->name, why);
	}
	while (k < n && items[k].skip)
		k++;
	if (k != n)
		print_message("%s: %d expected items left over\n", file, n - k);
	return k == n ? matched : -1;
}

typedef struct cb2xml_case
{
	const char *name;
	int			items;			/* expected items in the XML */
	int			err_line;		/* strict parse fails here (0: parses) */
	int			err_col;
	const char *err_text;
	const char *patch[4][2];	/* corrections of the copybook text */
	const char *skip_item;		/* an expected item the correction removes */
	bool		larger_redefines;
	correction	fix;			/* a size cb2xml gets wrong */
	int			matched_as_published;	/* before the correction */
} cb2xml_case;

static const cb2xml_case cases[] = {
	{"cpyBitOfEverything", 178, 122, 35, "S is not allowed in a numeric-edited",
		{{"PIC S9.9.", "PIC 9.9."}, {"\\\"", "\""},
		{"                20 INDICATOR-COLUMN-SLASH-TEST-GROUP.", ""}},
		"INDICATOR-COLUMN-SLASH-TEST-GROUP", false, {"PIC-TEST-7", 1}, 151},
	{"cpyComp", 38, 0, 0, NULL, {{NULL}}, NULL, false, {NULL, 0}, 38},
	{"cpyComp3", 38, 0, 0, NULL, {{NULL}}, NULL, false, {NULL, 0}, 38},
	{"cpyComp3Sync", 38, 0, 0, NULL, {{NULL}}, NULL, false, {NULL, 0}, 38},
	{"cpyComp5Sync", 38, 0, 0, NULL, {{NULL}}, NULL, false, {NULL, 0}, 38},
	{"cpyCompSync", 38, 0, 0, NULL, {{NULL}}, NULL, false, {NULL, 0}, 38},
	{"cpyHexValue", 14, 0, 0, NULL, {{NULL}}, NULL, false, {NULL, 0}, 14},
	{"cpyOccurs", 4, 0, 0, NULL, {{NULL}}, NULL, false, {NULL, 0}, 4},
	{"cpyOccursDepending", 15, 0, 0, NULL, {{NULL}}, NULL, false, {NULL, 0}, 15},
	{"cpyOccursDependingOn21", 19, 0, 0, NULL, {{NULL}}, NULL, false, {NULL, 0}, 19},
	{"cpyOccursDependingOn29", 39, 0, 0, NULL, {{NULL}}, NULL, false, {NULL, 0}, 39},
	{"cpyPicNG01", 9, 0, 0, NULL, {{NULL}}, NULL, false, {NULL, 0}, 9},
	{"cpyRedefSize31", 46, 6, 17, "is larger than the item \"fld2\"", {{NULL}}, NULL,
		true, {NULL, 0}, 46},
	{"cpyRightJust", 4, 0, 0, NULL, {{NULL}}, NULL, false, {NULL, 0}, 4},
};

/* One cb2xml file: strict parse, corrected parse, item comparison. */
static void
run_case(const cb2xml_case *c)
{
	char		path[512];
	size_t		len = 0;
	char	   *text;
	char	   *xml;
	xml_item   *items = calloc(MAX_ITEMS, sizeof(xml_item));
	int			n;
	int			matched;
	zf_error	err;
	zf_copybook_opts opts;
	zf_layout  *L;

	snprintf(path, sizeof(path), CB2XML_DIR "%s.cbl", c->name);
	text = read_file(path, &len);
	assert_non_null(text);
	snprintf(path, sizeof(path), CB2XML_DIR "%s.expected.xml", c->name);
	xml = read_xml(path);
	assert_non_null(xml);
	n = read_items(xml, items, MAX_ITEMS);
	assert_int_equal(n, c->items);

	zf_copybook_opts_init(&opts);
	L = zf_copybook_parse(text, len, &opts, &err);
	if (c->err_line > 0)
	{
		/* IBM rejects the copybook as published */
		assert_null(L);
		assert_int_equal(err.status, ZF_E_SYNTAX);
		assert_int_equal(err.line, c->err_line);
		assert_int_equal(err.column, c->err_col);
		assert_non_null(strstr(err.message, c->err_text));
		for (int i = 0; i < 4 && c->patch[i][0] != NULL; i++)
			text = replace_all(text, c->patch[i][0], c->patch[i][1]);
		for (int i = 0; i < n; i++)
			if (c->skip_item && strcmp(items[i].name, c->skip_item) == 0)
				items[i].skip = true;
		opts.allow_larger_redefines = c->larger_redefines;
		L = zf_copybook_parse(text, strlen(text), &opts, &err);
	}
	if (L == NULL)
		print_message("%s: %s (line %d, column %d)\n", c->name, err.message, err.line, err.column);
	assert_non_null(L);

	if (c->fix.item != NULL)
	{
		matched = compare(c->name, L, items, n, true);
		assert_int_equal(matched, c->matched_as_published);
		print_message("cb2xml %s: %d of %d items match as published\n", c->name, matched,
					  n - (c->skip_item ? 1 : 0));
		apply_correction(items, n, &c->fix);
	}
	matched = compare(c->name, L, items, n, false);
	print_message("cb2xml %s: %d of %d items match%s\n", c->name, matched,
				  n - (c->skip_item ? 1 : 0),
				  c->err_line > 0 || c->fix.item ? " (after the corrections described)" : "");
	assert_int_equal(matched, n - (c->skip_item ? 1 : 0));
	zf_layout_free(L);
	free(items);
	free(text);
	free(xml);
}

static void
test_cb2xml(void **state)
{
	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run_case(&cases[i]);
}

/* Spot checks with the offsets written out, for readers of this file. */
static void
test_cb2xml_sync_spots(void **state)
{
	size_t		len = 0;
	char	   *text = read_file(CB2XML_DIR "cpyCompSync.cbl", &len);
	zf_error	err;
	zf_layout  *L;

	(void) state;
	assert_non_null(text);
	L = zf_copybook_parse(text, len, NULL, &err);
	assert_non_null(L);
	/* sep8 ends at offset 76; Num8 s9(08)v99 COMP SYNC is 8 bytes and IBM
	 * aligns 8-byte binary items on a fullword: 77 -> 80 */
	assert_int_equal(L->fields[field_named(L, "Num8", 0)].offset, 80);
	/* Num9 after sep9 at 88: 89 -> 92 (position 93 in cb2xml) */
	assert_int_equal(L->fields[field_named(L, "Num9", 0)].offset, 92);
	assert_int_equal(L->records[0].max_length, 192);
	zf_layout_free(L);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cb2xml),
		cmocka_unit_test(test_cb2xml_sync_spots),
	};

	return cmocka_run_group_tests_name("copybook_cb2xml", tests, NULL, NULL);
}

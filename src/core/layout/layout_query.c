/*-------------------------------------------------------------------------
 *
 * layout_query.c
 *	  Looking things up in a resolved layout: record definitions by name,
 *	  fields by SQL name or qualified path, paths, default PostgreSQL
 *	  types, table dimensions, WHEN conditions.
 *
 * Field lookup follows COBOL qualification: "account.balance" finds a
 * field named balance that has an ancestor named account somewhere above
 * it, so that users can disambiguate with as few names as they like.  A
 * full path from below the record root always wins.
 *
 *-------------------------------------------------------------------------
 */
#include "layout/layout_int.h"

#include <stdio.h>
#include <string.h>

#define MAX_PATH_PARTS	32
#define MAX_NAME_LEN	130

/* See layout.h. */
int32_t
zf_layout_record(const zf_layout *L, const char *name)
{
	for (int32_t r = 0; r < L->nrecords; r++)
		if (L->records[r].name != NULL && zf_name_equal(L->records[r].name, name))
			return r;
	return -1;
}

/* The next field after f in depth-first source order within the subtree
 * of top, or ZF_NO_FIELD. */
static int32_t
preorder_next(const zf_layout *L, int32_t top, int32_t f)
{
	if (L->fields[f].first_child != ZF_NO_FIELD)
		return L->fields[f].first_child;
	while (f != top)
	{
		if (L->fields[f].next_sibling != ZF_NO_FIELD)
			return L->fields[f].next_sibling;
		f = L->fields[f].parent;
	}
	return ZF_NO_FIELD;
}

/*
 * True when field f is named parts[n-1] and has ancestors named
 * parts[n-2], ..., parts[0] in that order going up (not necessarily
 * direct parents).
 */
static bool
qualifies(const zf_layout *L, int32_t f, char parts[][MAX_NAME_LEN], int n)
{
	int			k = n - 2;

	if (L->fields[f].is_filler || strcmp(L->fields[f].sql_name, parts[n - 1]) != 0)
		return false;
	for (int32_t a = L->fields[f].parent; a != ZF_NO_FIELD && k >= 0; a = L->fields[a].parent)
		if (!L->fields[a].is_filler && strcmp(L->fields[a].sql_name, parts[k]) == 0)
			k--;
	return k < 0;
}

/* See layout.h. */
zf_status
zf_layout_find(const zf_layout *L, int32_t rec, const char *path,
			   int32_t *field, zf_error *err)
{
	char		parts[MAX_PATH_PARTS][MAX_NAME_LEN];
	char		wanted[MAX_PATH_PARTS * MAX_NAME_LEN];
	char		fpath[MAX_PATH_PARTS * MAX_NAME_LEN];
	int			nparts = 0;
	int32_t		root;
	int32_t		found = ZF_NO_FIELD;
	int32_t		exact = ZF_NO_FIELD;
	int			nfound = 0;
	int			nexact = 0;
	size_t		dlen = 0;
	const char *p = path;

	*field = ZF_NO_FIELD;
	if (rec < 0 || rec >= L->nrecords)
		return zf_error_set(err, ZF_E_ARG, "record definition %d does not exist", rec);
	root = L->records[rec].root;

	/* split and normalise the path */
	for (;;)
	{
		const char *dot = strchr(p, '.');
		size_t		n = dot ? (size_t) (dot - p) : strlen(p);
		char		tmp[MAX_NAME_LEN];

		if (n == 0 || n >= MAX_NAME_LEN || nparts == MAX_PATH_PARTS)
			return zf_error_set(err, ZF_E_ARG, "invalid field name \"%s\"", path);
		memcpy(tmp, p, n);
		tmp[n] = '\0';
		zf_sql_name(tmp, parts[nparts++], MAX_NAME_LEN);
		if (dot == NULL)
			break;
		p = dot + 1;
	}
	wanted[0] = '\0';
	for (int i = 0; i < nparts; i++)
	{
		if (i > 0)
			strcat(wanted, ".");
		strcat(wanted, parts[i]);
	}

	for (int32_t f = root; f != ZF_NO_FIELD; f = preorder_next(L, root, f))
	{
		if (!qualifies(L, f, parts, nparts))
			continue;
		nfound++;
		found = f;
		zf_field_path(L, f, fpath, sizeof(fpath));
		if (strcmp(fpath, wanted) == 0)
		{
			nexact++;
			exact = f;
		}
	}
	if (nexact == 1)
	{
		*field = exact;
		return ZF_OK;
	}
	if (nfound == 1)
	{
		*field = found;
		return ZF_OK;
	}
	if (nfound == 0)
	{
		zf_error_set(err, ZF_E_ARG, "field \"%s\" does not exist in record \"%s\"",
					 path, L->records[rec].name ? L->records[rec].name : "");
		return ZF_E_ARG;
	}
	zf_error_set(err, ZF_E_ARG, "field name \"%s\" is ambiguous in record \"%s\"",
				 path, L->records[rec].name ? L->records[rec].name : "");
	if (err != NULL)
	{
		for (int32_t f = root; f != ZF_NO_FIELD; f = preorder_next(L, root, f))
		{
			if (!qualifies(L, f, parts, nparts))
				continue;
			zf_field_path(L, f, fpath, sizeof(fpath));
			if (dlen + strlen(fpath) + 16 >= sizeof(err->detail))
			{
				snprintf(err->detail + dlen, sizeof(err->detail) - dlen, ", ...");
				break;
			}
			dlen += (size_t) snprintf(err->detail + dlen, sizeof(err->detail) - dlen,
									  "%s%s", dlen == 0 ? "Candidates: " : ", ", fpath);
		}
		zf_error_hint(err, "Qualify the name with a group above it, as in \"group.field\".");
	}
	return ZF_E_ARG;
}

/*
 * The dotted path of SQL names from below the record root down to f.
 * Fillers and unnamed groups above f are left out (they cannot be named);
 * f itself, when a filler, shows as "filler".  Built from the end so that
 * any depth works without recursion; a path longer than cap is cut.
 */
void
zf_field_path(const zf_layout *L, int32_t f, char *dst, size_t cap)
{
	size_t		total = 0;
	size_t		pos;
	int32_t		a;

	if (cap == 0)
		return;
	for (a = f; a != ZF_NO_FIELD; a = L->fields[a].parent)
	{
		const zf_field *af = &L->fields[a];

		if (a != f && (af->parent == ZF_NO_FIELD || af->is_filler))
			continue;
		total += (total > 0 ? 1 : 0) + (af->is_filler ? 6 : strlen(af->sql_name));
	}
	pos = total;
	for (a = f; a != ZF_NO_FIELD; a = L->fields[a].parent)
	{
		const zf_field *af = &L->fields[a];
		const char *name = af->is_filler ? "filler" : af->sql_name;
		size_t		n = strlen(name);

		if (a != f && (af->parent == ZF_NO_FIELD || af->is_filler))
			continue;
		if (pos != total)
		{
			pos--;
			if (pos < cap - 1)
				dst[pos] = '.';
		}
		pos -= n;
		for (size_t i = 0; i < n; i++)
			if (pos + i < cap - 1)
				dst[pos + i] = name[i];
	}
	dst[total < cap - 1 ? total : cap - 1] = '\0';
}

/* Number of OCCURS levels at and above f. */
int
zf_field_dimensions(const zf_layout *L, int32_t f)
{
	int			n = 0;

	for (; f != ZF_NO_FIELD; f = L->fields[f].parent)
		if (L->fields[f].occurs_max > 0)
			n++;
	return n;
}

/* The OCCURS fields at and above f, outermost first (up to max of them). */
int
zf_field_tables(const zf_layout *L, int32_t f, int32_t *tables, int max)
{
	int			n = zf_field_dimensions(L, f);
	int			k = n;

	for (; f != ZF_NO_FIELD; f = L->fields[f].parent)
		if (L->fields[f].occurs_max > 0)
		{
			k--;
			if (k < max)
				tables[k] = f;
		}
	return n;
}

/* True for kinds that decode to a number. */
bool
zf_kind_is_numeric(zf_kind kind)
{
	switch (kind)
	{
		case ZF_KIND_ZONED:
		case ZF_KIND_PACKED:
		case ZF_KIND_BINARY:
		case ZF_KIND_FLOAT:
		case ZF_KIND_EDITED:
		case ZF_KIND_DECFLOAT:
			return true;
		default:
			return false;
	}
}

/* Decimal digits of the largest value a native binary item of len bytes
 * holds: 2 bytes 5, 4 bytes 10, 8 bytes 19 (20 unsigned). */
static int
native_digits(uint32_t len, bool is_signed)
{
	switch (len)
	{
		case 1:
			return 3;
		case 2:
			return 5;
		case 4:
			return 10;
		case 8:
			return is_signed ? 19 : 20;
		default:
			return (int) (len * 241 / 100 + 1);	/* log10(256) = 2.408 */
	}
}

/* Integer type for a value of up to total digits, or numeric(total,0). */
static void
integer_type(int total, char *dst, size_t cap)
{
	if (total <= 4)
		snprintf(dst, cap, "smallint");
	else if (total <= 9)
		snprintf(dst, cap, "integer");
	else if (total <= 18)
		snprintf(dst, cap, "bigint");
	else
		snprintf(dst, cap, "numeric(%d,0)", total);
}

/* numeric(p,s) for digits and scale; a negative scale (P at the right)
 * means an integer with more digits. */
static void
scaled_type(int digits, int scale, bool as_integer, char *dst, size_t cap)
{
	if (scale <= 0 && as_integer)
		integer_type(digits - scale, dst, cap);
	else if (scale <= 0)
		snprintf(dst, cap, "numeric(%d,0)", digits - scale);
	else
		snprintf(dst, cap, "numeric(%d,%d)", digits > scale ? digits : scale, scale);
}

/* The PostgreSQL type of one occurrence of f. */
static void
base_pg_type(const zf_field *f, char *dst, size_t cap)
{
	switch (f->kind)
	{
		case ZF_KIND_GROUP:
			snprintf(dst, cap, "jsonb");
			break;
		case ZF_KIND_ALNUM:
		case ZF_KIND_VARCHAR:
		case ZF_KIND_LOB:
			snprintf(dst, cap, "%s", f->for_bit_data ? "bytea" : "text");
			break;
		case ZF_KIND_DBCS:
		case ZF_KIND_NATIONAL:
		case ZF_KIND_VARGRAPHIC:
		case ZF_KIND_LOB_FILE:
			snprintf(dst, cap, "text");
			break;
		case ZF_KIND_BINARY:
			if (f->binary_native)
			{
				int			nd = native_digits(f->length, f->is_signed);

				if (f->scale == 0 && f->length == 2)
					snprintf(dst, cap, "%s", f->is_signed ? "smallint" : "integer");
				else if (f->scale == 0 && f->length == 4)
					snprintf(dst, cap, "%s", f->is_signed ? "integer" : "bigint");
				else if (f->scale == 0 && f->length == 8 && f->is_signed)
					snprintf(dst, cap, "bigint");
				else
					scaled_type(nd, f->scale, false, dst, cap);
				break;
			}
			scaled_type(f->digits, f->scale, true, dst, cap);
			break;
		case ZF_KIND_ZONED:
		case ZF_KIND_PACKED:
			scaled_type(f->digits, f->scale, true, dst, cap);
			break;
		case ZF_KIND_EDITED:
			scaled_type(f->digits, f->scale, false, dst, cap);
			break;
		case ZF_KIND_FLOAT:
			snprintf(dst, cap, "%s", f->length <= 4 ? "real" : "double precision");
			break;
		case ZF_KIND_DATE:
			snprintf(dst, cap, "date");
			break;
		case ZF_KIND_TIME:
			snprintf(dst, cap, "time");
			break;
		case ZF_KIND_TIMESTAMP:
		case ZF_KIND_TIMESTAMP_TZ:
			{
				const char *t = f->kind == ZF_KIND_TIMESTAMP ? "timestamp" : "timestamptz";

				/* PostgreSQL keeps 6 fraction digits: more would round */
				if (f->frac_digits > 6)
					snprintf(dst, cap, "text");
				else if (f->frac_digits == 6)
					snprintf(dst, cap, "%s", t);
				else
					snprintf(dst, cap, "%s(%d)", t, f->frac_digits);
				break;
			}
		case ZF_KIND_DECFLOAT:
			snprintf(dst, cap, "numeric");
			break;
		case ZF_KIND_BYTES:
			snprintf(dst, cap, "bytea");
			break;
	}
}

/* See layout.h. */
void
zf_field_pg_type(const zf_layout *L, int32_t f, char *dst, size_t cap)
{
	char		base[64];
	int			dims = zf_field_dimensions(L, f);
	size_t		n;

	if (cap == 0)
		return;
	base[0] = '\0';
	base_pg_type(&L->fields[f], base, sizeof(base));
	snprintf(dst, cap, "%s", base);
	n = strlen(dst);
	for (int i = 0; i < dims && n + 2 < cap; i++, n += 2)
		memcpy(dst + n, "[]", 3);
}

/* See layout.h. */
bool
zf_recdef_matches(const zf_recdef *rd, const uint8_t *data, uint32_t len)
{
	for (int32_t i = 0; i < rd->nwhen; i++)
	{
		const zf_when *w = &rd->when[i];
		bool		eq;

		if ((uint64_t) w->offset + w->length > len)
			return false;
		eq = memcmp(data + w->offset, w->value, w->length) == 0;
		if (eq == w->negate)
			return false;
	}
	return true;
}

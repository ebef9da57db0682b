/*-------------------------------------------------------------------------
 *
 * punch_fields.c
 *	  Lay out the field specifications of one INTO TABLE block: what each
 *	  type stores, how many bytes each field takes, where its null
 *	  indicator is, what the DDL adds, and the record's WHEN conditions.
 *
 * Storage of the types as UNLOAD writes them (IBM, "Db2 Utility Guide",
 * LOAD field specifications and UNLOAD output layout):
 *	 CHAR(n) n bytes; VARCHAR a 2-byte length then the data, padded to the
 *	 slot unless NOPAD; GRAPHIC(n) 2n bytes (DBCS, or UTF-16 in Unicode);
 *	 VARGRAPHIC a 2-byte length in DBCS characters; SMALLINT, INTEGER,
 *	 BIGINT big-endian two's complement; DECIMAL packed, DECIMAL ZONED
 *	 zoned, DECIMAL/INTEGER/FLOAT EXTERNAL numbers as text; REAL and FLOAT
 *	 (n <= 21) 4 bytes, DOUBLE and FLOAT (22..53) 8 bytes, in hexadecimal
 *	 floating point unless FLOAT(IEEE); DECFLOAT(16) 8 and DECFLOAT(34) 16
 *	 bytes; DATE, TIME, TIMESTAMP [WITH TIME ZONE] EXTERNAL text; ROWID and
 *	 VARBINARY a 2-byte length then bytes, BINARY(n) n bytes; BLOB, CLOB,
 *	 DBCLOB and XML a 2-byte length (4 bytes with SPANNED YES) then the
 *	 data; BLOBF/CLOBF/DBCLOBF the name of the file that holds the LOB.
 *
 * A varying field whose maximum neither the punch nor the DDL gives is
 * bounded by ZF_PUNCH_VARCHAR_MAX (VARCHAR-like types) or, for LOBs, by
 * an equal share of what the record length limit leaves: the layout must
 * have a bounded length, and a LOB longer than its share is then an
 * error naming the limit, not a wrong value.
 *
 *-------------------------------------------------------------------------
 */
#include "db2/punch/punch_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The storage a spec's type implies, then the slot it is given. */
typedef struct fstore
{
	zf_field	tmpl;
	uint32_t	type_len;		/* bytes the type says, 0 if it does not */
	bool		varying;		/* a length prefix, then the data */
	uint32_t	max_data;		/* varying: most data bytes, 0 if unknown */
	uint32_t	ddl_max;		/* varying: what the DDL says, 0 if nothing */
	bool		is_lob;			/* unbounded LOBs share the record budget */
	bool		flexible_len;	/* FLOAT, DECFLOAT without a length: the
								 * slot decides between 4/8 or 8/16 */
	uint32_t	slot;			/* resolved bytes (prefix included) */
	uint32_t	offset;			/* 0-based, explicit positions */
	bool		explicit_pos;
	bool		unbounded;		/* varying, nopad, maximum not known */
} fstore;

/* Default lengths of external date/time types. */
static uint32_t
datetime_default(const zf_field *t)
{
	switch (t->kind)
	{
		case ZF_KIND_DATE:
			return 10;
		case ZF_KIND_TIME:
			return 8;
		case ZF_KIND_TIMESTAMP:
			return 26;
		case ZF_KIND_TIMESTAMP_TZ:
			return 32;
		default:
			return 0;
	}
}

static bool
is(const char *type, const char *t)
{
	return strcmp(type, t) == 0;
}

/* Kind and usage of a DATE, TIME or TIMESTAMP [WITH TIME ZONE] field. */
static void
datetime_kind(const char *ty, bool with_tz, zf_field *t)
{
	t->kind = is(ty, "date") ? ZF_KIND_DATE : is(ty, "time") ? ZF_KIND_TIME :
		with_tz ? ZF_KIND_TIMESTAMP_TZ : ZF_KIND_TIMESTAMP;
	t->usage = is(ty, "date") ? "date" : is(ty, "time") ? "time" :
		with_tz ? "timestamp with time zone" : "timestamp";
}

/* Clamp a length argument. */
static uint32_t
arg_len(const punch_fspec *s, int i)
{
	int64_t		v = s->nargs > i ? s->args[i] : 0;

	return v < 0 ? 0 : v > UINT32_MAX / 4 ? UINT32_MAX / 4 : (uint32_t) v;
}

/* The usage string of a character type with its attribute. */
static const char *
char_usage(const char *base, const punch_fspec *s)
{
	static const char *const names[][3] = {
		{"char", "char mixed", "char bit"},
		{"varchar", "varchar mixed", "varchar bit"},
		{"clob", "clob mixed", "clob"},
	};
	int			row = is(base, "char") ? 0 : is(base, "varchar") ? 1 : 2;

	return names[row][s->bit ? 2 : s->mixed ? 1 : 0];
}

/*
 * What the spec's type stores, before positions are looked at.  Sets the
 * field template (kind, usage, numbers, CCSID) and the storage facts.
 */
static zf_status
interpret_type(punch_ctx *c, const punch_stmt *st, const punch_fspec *s,
			   fstore *fs)
{
	zf_field   *t = &fs->tmpl;
	const char *ty = s->type;
	uint32_t	n = arg_len(s, 0);
	uint8_t		lob_prefix = st->spanned ? 4 : 2;
	int32_t		sbcs = st->ccsid[0],
				mixed = st->ccsid[1],
				dbcs = st->ccsid[2];

	memset(fs, 0, sizeof(*fs));
	t->depending_on = t->redefines = t->renames_first = t->renames_last = -1;
	t->name = s->name;
	/* Unicode single-byte data (CCSID 367, ASCII) is a subset of UTF-8 */
	t->ccsid = (s->mixed || st->unicode) ? mixed : sbcs;
	t->mixed = s->mixed;
	t->for_bit_data = s->bit;

	if (s->is_null_ind)
	{
		if (!is(ty, "char") || (s->nargs > 0 && n != 1))
			return zf_punch_fail(c->err, s->type_tok, ZF_E_SYNTAX, "null indicator field %s must be CHAR(1)", s->name);
		t->kind = ZF_KIND_ALNUM;
		t->usage = "null indicator";
		t->is_filler = true;
		t->for_bit_data = true;
		fs->type_len = 1;
		return ZF_OK;
	}

	if (s->file_ref)
	{
		/* the field holds the name of the file with the LOB */
		t->kind = ZF_KIND_LOB_FILE;
		t->usage = s->file_ref;
		t->mixed = false;
		t->ccsid = sbcs;
		t->for_bit_data = false;
		if (is(ty, "char"))
			fs->type_len = n;
		else if (is(ty, "varchar"))
		{
			t->length_prefix = 2;
			fs->varying = true;
			fs->max_data = n;
		}
		else
			return zf_punch_fail(c->err, s->type_tok, ZF_E_SYNTAX, "%s goes with CHAR or VARCHAR, not %s (field %s)",
							  s->file_ref, ty, s->name);
		return ZF_OK;
	}

	if (st->delimited)
	{
		/* every field is text between delimiters: no prefixes, no binary */
		t->length_prefix = 0;
		if (is(ty, "date") || is(ty, "time") || is(ty, "timestamp"))
		{
			datetime_kind(ty, s->with_tz, t);
			fs->type_len = n ? n : datetime_default(t);	/* fractions: zf_punch_build_record */
		}
		else if (is(ty, "smallint") || is(ty, "integer") || is(ty, "bigint"))
		{
			t->kind = ZF_KIND_ALNUM;
			t->usage = "integer external";
			fs->type_len = n ? n : is(ty, "smallint") ? 6 : is(ty, "integer") ? 11 : 20;
		}
		else if (is(ty, "decimal"))
		{
			t->kind = ZF_KIND_ALNUM;
			t->usage = "decimal external";
			t->scale = (int16_t) arg_len(s, 1);
			fs->type_len = n ? n + 2 : 40;
		}
		else if (is(ty, "float") || is(ty, "real") || is(ty, "double"))
		{
			t->kind = ZF_KIND_ALNUM;
			t->usage = "float external";
			fs->type_len = n && s->external ? n : 24;
		}
		else if (is(ty, "decfloat"))
		{
			t->kind = ZF_KIND_ALNUM;
			t->usage = "decfloat external";
			fs->type_len = n && s->external ? n : 42;
		}
		else if (is(ty, "binary") || is(ty, "varbinary") || is(ty, "blob") || is(ty, "rowid"))
		{
			t->kind = ZF_KIND_BYTES;
			t->usage = ty;
			t->for_bit_data = true;
			fs->type_len = n ? n : ZF_PUNCH_VARCHAR_MAX;
		}
		else
		{
			bool		graphic = is(ty, "graphic") || is(ty, "vargraphic") || is(ty, "dbclob");

			t->kind = ZF_KIND_ALNUM;
			t->usage = graphic ? ty : is(ty, "xml") ? "xml" :
				char_usage(is(ty, "char") ? "char" : is(ty, "varchar") ? "varchar" : "clob", s);
			if (graphic)
			{
				t->mixed = true;
				t->ccsid = st->unicode ? mixed : mixed != 0 ? mixed : sbcs;
			}
			if (is(ty, "xml"))
				t->ccsid = 1208;
			fs->type_len = n ? (graphic ? 2 * n + 2 : n) : ZF_PUNCH_VARCHAR_MAX;
		}
		return ZF_OK;
	}

	if (is(ty, "char"))
	{
		t->kind = ZF_KIND_ALNUM;
		t->usage = char_usage("char", s);
		fs->type_len = n;
	}
	else if (is(ty, "varchar"))
	{
		t->kind = ZF_KIND_VARCHAR;
		t->usage = char_usage("varchar", s);
		t->length_prefix = 2;
		fs->varying = true;
		fs->max_data = n;
	}
	else if (is(ty, "graphic"))
	{
		if (s->external)
		{
			/* SO, the DBCS characters, SI: mixed text */
			t->kind = ZF_KIND_ALNUM;
			t->usage = "graphic external";
			t->mixed = true;
			t->ccsid = mixed;
			fs->type_len = n ? 2 * n + 2 : 0;
		}
		else
		{
			t->kind = ZF_KIND_DBCS;
			t->usage = "graphic";
			t->ccsid = dbcs;
			fs->type_len = 2 * n;
		}
	}
	else if (is(ty, "vargraphic") || is(ty, "dbclob"))
	{
		t->kind = ZF_KIND_VARGRAPHIC;
		t->usage = ty;
		t->ccsid = dbcs;
		t->length_prefix = is(ty, "dbclob") ? lob_prefix : 2;
		fs->varying = true;
		fs->max_data = 2 * n;
		fs->is_lob = is(ty, "dbclob");
	}
	else if (is(ty, "smallint") || is(ty, "integer") || is(ty, "bigint"))
	{
		if (s->external)
		{
			t->kind = ZF_KIND_ALNUM;
			t->usage = "integer external";
			fs->type_len = n;
		}
		else
		{
			t->kind = ZF_KIND_BINARY;
			t->usage = ty;
			t->is_signed = true;
			t->binary_native = true;
			fs->type_len = is(ty, "smallint") ? 2 : is(ty, "integer") ? 4 : 8;
			t->digits = is(ty, "smallint") ? 5 : is(ty, "integer") ? 10 : 19;
		}
	}
	else if (is(ty, "decimal"))
	{
		if (s->external)
		{
			t->kind = ZF_KIND_ALNUM;
			t->usage = "decimal external";
			t->scale = (int16_t) (arg_len(s, 1) > ZF_MAX_DIGITS ? ZF_MAX_DIGITS : arg_len(s, 1));
			fs->type_len = n;
		}
		else if (s->zoned)
		{
			t->kind = ZF_KIND_ZONED;
			t->usage = "decimal zoned";
			t->is_signed = true;
			t->sign = ZF_SIGN_TRAILING;
			t->digits = (uint16_t) (n > ZF_MAX_DIGITS ? 0 : n);
			t->scale = (int16_t) (arg_len(s, 1) > ZF_MAX_DIGITS ? ZF_MAX_DIGITS : arg_len(s, 1));
			t->scale_unknown = s->nargs < 2;
			fs->type_len = n;
		}
		else
		{
			t->kind = ZF_KIND_PACKED;
			t->usage = "decimal";
			t->is_signed = true;
			if (s->nargs > 0)
			{
				if (n < 1 || n > 31 || arg_len(s, 1) > n)
					return zf_punch_fail(c->err, s->args_tok, ZF_E_SYNTAX, "DECIMAL(%u,%u) of field %s is not a DB2 decimal",
									  n, arg_len(s, 1), s->name);
				t->digits = (uint16_t) n;
				t->scale = (int16_t) arg_len(s, 1);
				fs->type_len = (uint32_t) zf_packed_length((int) n);
			}
			else
				t->scale_unknown = true;
		}
	}
	else if (is(ty, "float") || is(ty, "real") || is(ty, "double"))
	{
		if (s->external)
		{
			t->kind = ZF_KIND_ALNUM;
			t->usage = "float external";
			fs->type_len = n;
		}
		else
		{
			t->kind = ZF_KIND_FLOAT;
			t->usage = is(ty, "float") ? "float" : ty;
			if (is(ty, "real"))
				fs->type_len = 4;
			else if (is(ty, "double"))
				fs->type_len = 8;
			else if (s->nargs > 0)
			{
				if (n < 1 || n > 53)
					return zf_punch_fail(c->err, s->args_tok, ZF_E_SYNTAX, "FLOAT(%u) of field %s: the precision must be 1 to 53",
									  n, s->name);
				fs->type_len = n <= 21 ? 4 : 8;
			}
			else
			{
				fs->type_len = 8;
				fs->flexible_len = true;
			}
		}
	}
	else if (is(ty, "decfloat"))
	{
		if (s->external)
		{
			t->kind = ZF_KIND_ALNUM;
			t->usage = "decfloat external";
			fs->type_len = n;
		}
		else
		{
			t->kind = ZF_KIND_DECFLOAT;
			t->usage = "decfloat";
			if (s->nargs > 0 && n != 16 && n != 34)
				return zf_punch_fail(c->err, s->args_tok, ZF_E_SYNTAX, "DECFLOAT(%u) of field %s: the precision is 16 or 34",
								  n, s->name);
			fs->type_len = s->nargs == 0 ? 16 : n == 16 ? 8 : 16;
			fs->flexible_len = s->nargs == 0;
			t->digits = fs->type_len == 8 ? 16 : 34;
		}
	}
	else if (is(ty, "date") || is(ty, "time") || is(ty, "timestamp"))
	{
		datetime_kind(ty, s->with_tz, t);
		t->ccsid = sbcs;
		fs->type_len = n;
	}
	else if (is(ty, "rowid") || is(ty, "varbinary"))
	{
		t->kind = ZF_KIND_BYTES;
		t->usage = ty;
		t->for_bit_data = true;
		t->length_prefix = 2;
		fs->varying = true;
		fs->max_data = is(ty, "rowid") ? 40 : n;
	}
	else if (is(ty, "binary"))
	{
		t->kind = ZF_KIND_BYTES;
		t->usage = "binary";
		t->for_bit_data = true;
		fs->type_len = n;
	}
	else if (is(ty, "blob") || is(ty, "clob") || is(ty, "xml"))
	{
		t->kind = ZF_KIND_LOB;
		t->usage = is(ty, "clob") ? char_usage("clob", s) : ty;
		t->length_prefix = lob_prefix;
		t->for_bit_data = is(ty, "blob") || s->bit;
		if (is(ty, "xml"))
			t->ccsid = 1208;
		fs->varying = true;
		fs->is_lob = true;
		fs->max_data = n;
	}
	else
		return zf_punch_fail(c->err, s->type_tok, ZF_E_SYNTAX, "field %s has an unknown data type", s->name);

	if ((s->mixed || s->bit) && t->kind != ZF_KIND_ALNUM && t->kind != ZF_KIND_VARCHAR &&
		t->kind != ZF_KIND_LOB)
		return zf_punch_fail(c->err, s->type_tok, ZF_E_SYNTAX, "MIXED and BIT go with character types, not %s (field %s)",
						  ty, s->name);
	if ((s->packed || s->zoned) && !is(ty, "decimal"))
		return zf_punch_fail(c->err, s->type_tok, ZF_E_SYNTAX, "PACKED and ZONED go with DECIMAL (field %s)", s->name);
	return ZF_OK;
}

/* Apply what the DDL column says to a spec's storage. */
static zf_status
apply_ddl(const punch_fspec *s, const zf_db2_column *col,
		  fstore *fs)
{
	zf_field   *t = &fs->tmpl;

	if (col->subtype == ZF_DB2_SUBTYPE_BIT &&
		(t->kind == ZF_KIND_ALNUM || t->kind == ZF_KIND_VARCHAR || t->kind == ZF_KIND_LOB) &&
		strstr(t->usage, "external") == NULL)
		t->for_bit_data = true;
	if (fs->varying && t->kind != ZF_KIND_LOB_FILE && col->length > 0)
	{
		/* the most an unpadded field can hold (the punch does not say) */
		int64_t		bytes = col->length;

		if (col->type == ZF_DB2_VARGRAPHIC || col->type == ZF_DB2_DBCLOB ||
			col->type == ZF_DB2_GRAPHIC || col->type == ZF_DB2_LONG_VARGRAPHIC)
			bytes *= 2;
		fs->ddl_max = bytes > UINT32_MAX / 4 ? UINT32_MAX / 4 : (uint32_t) bytes;
	}
	switch (t->kind)
	{
		case ZF_KIND_PACKED:
		case ZF_KIND_ZONED:
			if (col->type == ZF_DB2_DECIMAL)
			{
				if (fs->type_len == 0)
					fs->type_len = t->kind == ZF_KIND_PACKED ?
						(uint32_t) zf_packed_length(col->precision) : (uint32_t) col->precision;
				t->digits = (uint16_t) col->precision;
				t->scale = (int16_t) col->scale;
				t->scale_unknown = false;
			}
			else if (col->type == ZF_DB2_SMALLINT || col->type == ZF_DB2_INTEGER ||
					 col->type == ZF_DB2_BIGINT)
				t->scale_unknown = false;
			break;
		case ZF_KIND_ALNUM:
			if (t->usage && strcmp(t->usage, "decimal external") == 0 &&
				col->type == ZF_DB2_DECIMAL && s->nargs < 2)
				t->scale = (int16_t) col->scale;
			break;
		case ZF_KIND_TIMESTAMP:
		case ZF_KIND_TIMESTAMP_TZ:
			if (fs->type_len == 0 && (col->type == ZF_DB2_TIMESTAMP || col->type == ZF_DB2_TIMESTAMP_TZ))
				fs->type_len = (uint32_t) (19 + (col->precision > 0 ? col->precision + 1 : 0) +
										   (t->kind == ZF_KIND_TIMESTAMP_TZ ? 6 : 0));
			break;
		default:
			break;
	}
	return ZF_OK;
}

/* The 0-based byte where spec i's storage (or its leading indicator)
 * begins, when that is fixed; UINT32_MAX otherwise. */
static uint32_t
fixed_begin(const punch_fspec *s)
{
	uint32_t	b;

	if (s->pos != POS_START && s->pos != POS_RANGE)
		return UINT32_MAX;
	b = s->start - 1;
	if (s->nullif.present && !s->nullif.by_name && s->nullif.start < s->start)
		b = s->nullif.start - 1;
	return b;
}

/*
 * The slot of spec i: from POSITION(s:e), from the type, or up to the
 * next field that has a position.  Decides padded or unpadded for varying
 * fields.
 */
static zf_status
resolve_slot(punch_ctx *c, const punch_stmt *st, punch_fspec *specs,
			 int32_t n, int32_t i, fstore *fs)
{
	punch_fspec *s = &specs[i];
	zf_field   *t = &fs->tmpl;
	uint32_t	len = fs->type_len;

	if (len == 0 && !fs->varying)
		len = datetime_default(t);
	if (st->delimited)
	{
		fs->slot = len ? len : 1;
		return ZF_OK;
	}
	if (s->pos == POS_NONE)
		return zf_punch_fail(c->err, s->name_tok, ZF_E_SYNTAX, "field %s has no POSITION", s->name);

	if (s->pos == POS_RANGE)
	{
		uint32_t	span = s->end - s->start + 1;

		if (fs->varying)
		{
			if (span <= t->length_prefix)
				return zf_punch_fail(c->err, s->pos_tok, ZF_E_SYNTAX,
								  "POSITION(%u:%u) of varying field %s leaves no room after its %u-byte length",
								  s->start, s->end, s->name, t->length_prefix);
			if (fs->max_data > 0 && fs->max_data + t->length_prefix != span)
				return zf_punch_fail(c->err, s->pos_tok, ZF_E_SYNTAX,
								  "field %s holds at most %u bytes plus its %u-byte length, but POSITION(%u:%u) spans %u",
								  s->name, fs->max_data, t->length_prefix, s->start, s->end, span);
			fs->max_data = span - t->length_prefix;
		}
		else if (fs->flexible_len && t->kind == ZF_KIND_FLOAT && (span == 4 || span == 8))
			len = span;
		else if (fs->flexible_len && t->kind == ZF_KIND_DECFLOAT && (span == 8 || span == 16))
			len = span;
		else if (fs->type_len == 0 && (t->kind == ZF_KIND_PACKED || t->kind == ZF_KIND_ZONED ||
									   t->kind == ZF_KIND_ALNUM || t->kind == ZF_KIND_DBCS ||
									   t->kind == ZF_KIND_BYTES || t->kind == ZF_KIND_LOB_FILE ||
									   datetime_default(t) > 0))
			len = span;
		else if (len != span)
			return zf_punch_fail(c->err, s->pos_tok, ZF_E_SYNTAX,
							  "field %s is %s of %u bytes, but POSITION(%u:%u) spans %u",
							  s->name, t->usage, len, s->start, s->end, span);
		fs->slot = fs->varying ? span : len;
		fs->offset = s->start - 1;
		fs->explicit_pos = true;
		return ZF_OK;
	}

	if (s->pos == POS_START)
	{
		fs->offset = s->start - 1;
		fs->explicit_pos = true;
	}
	if (!fs->varying)
	{
		if (len == 0 && s->pos == POS_START && i + 1 < n && fixed_begin(&specs[i + 1]) != UINT32_MAX)
		{
			/* the field runs up to the next one (or to its own indicator) */
			uint32_t	endb = fixed_begin(&specs[i + 1]);

			if (s->nullif.present && !s->nullif.by_name && s->nullif.start >= s->start &&
				s->nullif.start - 1 < endb)
				endb = s->nullif.start - 1;
			if (endb <= s->start - 1)
				return zf_punch_fail(c->err, s->pos_tok, ZF_E_SYNTAX, "field %s has no room before the next field", s->name);
			len = endb - (s->start - 1);
		}
		if (len == 0)
		{
			zf_punch_fail(c->err, s->type_tok, ZF_E_SYNTAX,
					   "the length of field %s is not known: give it in the type, as CHAR(10), or as POSITION(start:end)",
					   s->name);
			if (t->kind == ZF_KIND_PACKED || t->kind == ZF_KIND_ZONED)
				zf_error_hint(c->err, "LOAD takes it from the table: give the table's DDL (the ddl option) for its precision.");
			return ZF_E_SYNTAX;
		}
		fs->slot = len;
		return ZF_OK;
	}

	/* varying without an end position */
	if (s->pos == POS_START && i + 1 < n && fixed_begin(&specs[i + 1]) != UINT32_MAX)
	{
		uint32_t	endb = fixed_begin(&specs[i + 1]);

		if (s->nullif.present && !s->nullif.by_name && s->nullif.start >= s->start &&
			s->nullif.start - 1 < endb)
			endb = s->nullif.start - 1;
		if (endb <= s->start - 1 + t->length_prefix)
			return zf_punch_fail(c->err, s->pos_tok, ZF_E_SYNTAX, "varying field %s has no room before the next field", s->name);
		fs->slot = endb - (s->start - 1);
		if (fs->max_data > 0 && fs->max_data + t->length_prefix > fs->slot)
			return zf_punch_fail(c->err, s->pos_tok, ZF_E_SYNTAX,
							  "field %s holds up to %u bytes but the next field starts %u bytes after it",
							  s->name, fs->max_data + t->length_prefix, fs->slot);
		fs->max_data = fs->slot - t->length_prefix;
		return ZF_OK;
	}
	/* POSITION(*), or the last field, or followed by POSITION(*): NOPAD */
	t->nopad = true;
	if (fs->max_data == 0)
		fs->max_data = fs->ddl_max;
	if (fs->max_data == 0)
	{
		if (fs->is_lob)
			fs->unbounded = true;
		else
			fs->max_data = ZF_PUNCH_VARCHAR_MAX;
	}
	fs->slot = fs->unbounded ? t->length_prefix : t->length_prefix + fs->max_data;
	return ZF_OK;
}

/*
 * Index of the spec named name, or -1.  likely (or -1) is tried first:
 * the spec before a field is where its null indicator stands, so a
 * DSNTIAUL-sized punch does not search every field for every NULLIF.
 */
static int32_t
find_spec(const punch_fspec *specs, int32_t n, const punch_token *name, int32_t likely)
{
	char		buf[256];
	size_t		len = name->len < sizeof(buf) - 1 ? name->len : sizeof(buf) - 1;

	memcpy(buf, name->text, len);
	buf[len] = '\0';
	/* names are unique (checked before): the likely place answers alone */
	if (likely >= 0 && likely < n && strcasecmp(specs[likely].name, buf) == 0)
		return likely;
	for (int32_t i = 0; i < n; i++)
		if (strcasecmp(specs[i].name, buf) == 0)
			return i;
	return -1;
}

/* The null indicator of spec i, from its NULLIF. */
static zf_status
resolve_null_ind(punch_ctx *c, const punch_stmt *st, const punch_fspec *specs,
				 int32_t n, int32_t i, fstore *all)
{
	const punch_fspec *s = &specs[i];
	const punch_cond *nc = &s->nullif;
	fstore	   *fs = &all[i];
	zf_field   *t = &fs->tmpl;

	if (!nc->present)
		return ZF_OK;
	if (st->delimited)
		return zf_punch_fail(c->err, nc->at, ZF_E_UNSUPPORTED, "NULLIF of field %s in a delimited punch is not supported",
						  s->name);
	if (nc->vlen != 1)
		return zf_punch_fail(c->err, nc->at, ZF_E_UNSUPPORTED,
						  "NULLIF of field %s compares %u bytes; only one-byte null indicators are supported",
						  s->name, nc->vlen);
	t->has_null_ind = true;
	t->null_ind_value = nc->value[0];
	t->null_ind_any = false;
	if (nc->negate)
		return zf_punch_fail(c->err, nc->at, ZF_E_UNSUPPORTED, "NULLIF with <> (field %s) is not supported", s->name);
	if (nc->by_name)
	{
		int32_t		k = find_spec(specs, n, nc->name, i - 1);

		if (k < 0)
			return zf_punch_fail(c->err, nc->name, ZF_E_SYNTAX, "NULLIF of field %s names no field of the table", s->name);
		if (all[k].slot != 1)
			return zf_punch_fail(c->err, nc->name, ZF_E_UNSUPPORTED, "NULLIF of field %s names field %s, which is not one byte",
							  s->name, specs[k].name);
		if (fs->explicit_pos && all[k].explicit_pos)
		{
			t->null_ind_rel = (int32_t) all[k].offset - (int32_t) fs->offset;
			return ZF_OK;
		}
		if (k == i - 1 && !fs->explicit_pos)
		{
			/* POSITION(*) right after its indicator */
			t->null_ind_rel = -1;
			return ZF_OK;
		}
		return zf_punch_fail(c->err, nc->name, ZF_E_UNSUPPORTED,
						  "null indicator %s of field %s must come right before it", specs[k].name, s->name);
	}
	if (nc->end != nc->start)
		return zf_punch_fail(c->err, nc->at, ZF_E_UNSUPPORTED,
						  "NULLIF of field %s tests bytes %u to %u; only one-byte null indicators are supported",
						  s->name, nc->start, nc->end);
	if (!fs->explicit_pos)
		return zf_punch_fail(c->err, nc->at, ZF_E_UNSUPPORTED,
						  "NULLIF(%u) of field %s at POSITION(*): the byte moves with the data",
						  nc->start, s->name);
	t->null_ind_rel = (int32_t) ((int64_t) nc->start - 1 - fs->offset);
	return ZF_OK;
}

/* The WHEN conditions of the block, as byte comparisons. */
static zf_status
build_when(punch_ctx *c, const punch_block *blk, const punch_fspec *specs,
		   int32_t n, const fstore *fs, zf_recdef *rd)
{
	zf_when    *w;

	if (blk->nwhen == 0)
		return ZF_OK;
	w = zf_layout_alloc(c->L, sizeof(zf_when) * (size_t) blk->nwhen);
	if (w == NULL)
		return zf_error_set(c->err, ZF_E_NOMEM, "out of memory reading a punch");
	for (int32_t i = 0; i < blk->nwhen; i++)
	{
		const punch_cond *wc = &blk->when[i];
		uint32_t	off,
					len;

		if (wc->by_name)
		{
			int32_t		k = find_spec(specs, n, wc->name, -1);

			if (k < 0)
				return zf_punch_fail(c->err, wc->name, ZF_E_SYNTAX, "the WHEN of table %s names no field of the table", blk->table);
			if (!fs[k].explicit_pos || fs[k].varying)
				return zf_punch_fail(c->err, wc->name, ZF_E_UNSUPPORTED,
								  "WHEN on field %s, which has no fixed position and length", specs[k].name);
			off = fs[k].offset;
			len = fs[k].slot;
		}
		else
		{
			off = wc->start - 1;
			len = wc->end - wc->start + 1;
		}
		if (wc->vlen != len)
			return zf_punch_fail(c->err, wc->at, ZF_E_SYNTAX, "WHEN compares %u bytes with a constant of %u bytes",
							  len, wc->vlen);
		w[i].offset = off;
		w[i].length = len;
		w[i].value = wc->value;
		w[i].negate = wc->negate;
	}
	rd->when = w;
	rd->nwhen = blk->nwhen;
	return ZF_OK;
}

/* The DDL table of a block (the rule of zf_punch_ddl_table). */
static const zf_db2_table *
block_ddl_table(const zf_punch_opts *opts, const punch_block *blk)
{
	zf_recdef	rd;

	memset(&rd, 0, sizeof(rd));
	rd.creator = blk->creator[0] ? blk->creator : NULL;
	rd.table = blk->table;
	return zf_punch_ddl_table(opts->ddl, &rd);
}

/*
 * Give unbounded LOBs their share of what the record length limit leaves:
 * lay out the block with each at its prefix, then split the rest.
 */
static zf_status
share_budget(punch_ctx *c, const punch_block *blk, fstore *fs, int32_t n)
{
	uint64_t	pos = 0,
				end = 0;
	int32_t		nlob = 0;
	uint64_t	share;

	for (int32_t i = 0; i < n; i++)
	{
		uint64_t	off = fs[i].explicit_pos ? fs[i].offset : pos;

		pos = off + fs[i].slot;
		if (pos > end)
			end = pos;
		if (fs[i].unbounded)
			nlob++;
	}
	if (nlob == 0)
		return ZF_OK;
	if (end >= c->opts->limits.max_record_length)
	{
		zf_error_set(c->err, ZF_E_LIMIT, "table %s needs more than the record length limit of %u bytes",
					 blk->table, c->opts->limits.max_record_length);
		zf_error_limit(c->err, ZF_LIMIT_RECORD_LENGTH);
		return ZF_E_LIMIT;
	}
	share = (c->opts->limits.max_record_length - end) / (uint64_t) nlob;
	for (int32_t i = 0; i < n; i++)
		if (fs[i].unbounded)
		{
			uint64_t	cap = fs[i].tmpl.length_prefix == 2 ? 65535 : 0x7FFFFFFF;
			uint64_t	data = share < cap ? share : cap;

			if (data == 0)
			{
				zf_error_set(c->err, ZF_E_LIMIT,
							 "no room for LOB field %s within the record length limit of %u bytes",
							 fs[i].tmpl.name, c->opts->limits.max_record_length);
				zf_error_limit(c->err, ZF_LIMIT_RECORD_LENGTH);
				return ZF_E_LIMIT;
			}
			fs[i].max_data = (uint32_t) data;
			fs[i].slot = fs[i].tmpl.length_prefix + (uint32_t) data;
		}
	return ZF_OK;
}

/* See punch_int.h. */
/* A field spec's name and place, sorted to find repeated names. */
typedef struct spec_name
{
	const char *name;
	int32_t		index;
} spec_name;

/* qsort order: by name ignoring case, then by place. */
static int
cmp_spec_names(const void *a, const void *b)
{
	const spec_name *x = a;
	const spec_name *y = b;
	int			r = strcasecmp(x->name, y->name);

	if (r != 0)
		return r;
	return x->index < y->index ? -1 : x->index > y->index;
}

/*
 * The first spec whose name an earlier spec already has (n when none), as
 * a loop over all earlier specs would find it, but in n log n time: a
 * punch may have as many fields as zfdw.max_fields allows, and comparing
 * every pair of 100,000 names takes a minute.
 */
static int32_t
first_duplicate(const punch_fspec *specs, int32_t n, bool *nomem)
{
	spec_name  *order = malloc(sizeof(spec_name) * ((size_t) n + 1));
	int32_t		first = n;

	*nomem = order == NULL;
	if (order == NULL)
		return n;
	for (int32_t i = 0; i < n; i++)
	{
		order[i].name = specs[i].name;
		order[i].index = i;
	}
	qsort(order, (size_t) n, sizeof(spec_name), cmp_spec_names);
	/* in a run of equal names, the second is the name's first repeat */
	for (int32_t i = 1; i < n; i++)
		if (strcasecmp(order[i - 1].name, order[i].name) == 0 &&
			(i < 2 || strcasecmp(order[i - 2].name, order[i].name) != 0) &&
			order[i].index < first)
			first = order[i].index;
	free(order);
	return first;
}

zf_status
zf_punch_build_record(punch_ctx *c, const punch_stmt *st, const punch_block *blk,
				   punch_fspec *specs, int32_t n)
{
	fstore	   *fs = calloc((size_t) n + 1, sizeof(fstore));
	const zf_db2_table *dt = c->opts->ddl ? block_ddl_table(c->opts, blk) : NULL;
	zf_field	root;
	char		rname[520];
	int32_t		rootidx,
				rec;
	zf_recdef  *rd;
	zf_status	s = ZF_OK;
	int32_t		dup;
	bool		nomem;

	if (fs == NULL)
		return zf_error_set(c->err, ZF_E_NOMEM, "out of memory reading a punch");
	dup = first_duplicate(specs, n, &nomem);
	if (nomem)
	{
		free(fs);
		return zf_error_set(c->err, ZF_E_NOMEM, "out of memory reading a punch");
	}

	for (int32_t i = 0; i < n && s == ZF_OK; i++)
	{
		if (i == dup)
			s = zf_punch_fail(c->err, specs[i].name_tok, ZF_E_SYNTAX, "INTO TABLE %s%s%s lists field %s twice",
						   blk->creator, blk->creator[0] ? "." : "", blk->table, specs[i].name);
		if (s == ZF_OK)
			s = interpret_type(c, st, &specs[i], &fs[i]);
		if (s == ZF_OK && dt != NULL && !specs[i].is_null_ind)
		{
			const zf_db2_column *col = zf_db2ddl_find_column(dt, specs[i].name);

			if (col == NULL)
			{
				s = zf_punch_fail(c->err, specs[i].name_tok, ZF_E_SYNTAX, "field %s is not a column of table %s%s%s in the DDL",
							   specs[i].name, dt->creator ? dt->creator : "", dt->creator ? "." : "", dt->name);
				zf_error_hint(c->err, "The DDL must describe the table the punch loads.");
			}
			else
				s = apply_ddl(&specs[i], col, &fs[i]);
		}
	}
	for (int32_t i = 0; i < n && s == ZF_OK; i++)
		s = resolve_slot(c, st, specs, n, i, &fs[i]);
	for (int32_t i = 0; i < n && s == ZF_OK; i++)
		s = resolve_null_ind(c, st, specs, n, i, fs);
	if (s == ZF_OK)
		s = share_budget(c, blk, fs, n);

	/* checks that need the slot */
	for (int32_t i = 0; i < n && s == ZF_OK; i++)
	{
		zf_field   *t = &fs[i].tmpl;

		t->length = fs[i].slot;
		if (t->kind == ZF_KIND_PACKED)
		{
			if (t->digits == 0)
				t->digits = (uint16_t) (2 * t->length - 1);
			if (t->length > 16 || (uint32_t) zf_packed_length(t->digits) != t->length)
				s = zf_punch_fail(c->err, specs[i].name_tok, ZF_E_SYNTAX,
							   "DECIMAL field %s of %u digits cannot be %u bytes packed",
							   specs[i].name, t->digits, t->length);
		}
		else if (t->kind == ZF_KIND_ZONED)
		{
			if (t->digits == 0)
				t->digits = (uint16_t) t->length;
			if (t->length > ZF_MAX_DIGITS || t->digits != t->length)
				s = zf_punch_fail(c->err, specs[i].name_tok, ZF_E_SYNTAX, "DECIMAL ZONED field %s of %u digits cannot be %u bytes",
							   specs[i].name, t->digits, t->length);
		}
		else if (t->kind == ZF_KIND_FLOAT && t->length != 4 && t->length != 8)
			s = zf_punch_fail(c->err, specs[i].name_tok, ZF_E_SYNTAX, "floating-point field %s must be 4 or 8 bytes", specs[i].name);
		else if (t->kind == ZF_KIND_DECFLOAT)
		{
			if (t->length != 8 && t->length != 16)
				s = zf_punch_fail(c->err, specs[i].name_tok, ZF_E_SYNTAX, "DECFLOAT field %s must be 8 or 16 bytes", specs[i].name);
			t->digits = t->length == 8 ? 16 : 34;
		}
		else if (t->kind == ZF_KIND_DBCS && t->length % 2 != 0)
			s = zf_punch_fail(c->err, specs[i].name_tok, ZF_E_SYNTAX, "GRAPHIC field %s has an odd number of bytes", specs[i].name);
		else if (t->kind == ZF_KIND_VARGRAPHIC && (t->length - t->length_prefix) % 2 != 0)
			s = zf_punch_fail(c->err, specs[i].name_tok, ZF_E_SYNTAX, "VARGRAPHIC field %s has an odd number of bytes", specs[i].name);
		else if (t->kind == ZF_KIND_TIMESTAMP || t->kind == ZF_KIND_TIMESTAMP_TZ)
		{
			uint32_t	base = t->length - (t->kind == ZF_KIND_TIMESTAMP_TZ ? 6 : 0);

			if (base < 19 || base == 20 || base > 32)
				s = zf_punch_fail(c->err, specs[i].name_tok, ZF_E_SYNTAX, "TIMESTAMP field %s cannot be %u bytes",
							   specs[i].name, t->length);
			t->frac_digits = base > 20 ? (uint8_t) (base - 20) : 0;
		}
		else if (t->kind == ZF_KIND_DATE && t->length < 8)
			s = zf_punch_fail(c->err, specs[i].name_tok, ZF_E_SYNTAX, "DATE field %s cannot be %u bytes", specs[i].name, t->length);
		else if (t->kind == ZF_KIND_TIME && t->length < 5)
			s = zf_punch_fail(c->err, specs[i].name_tok, ZF_E_SYNTAX, "TIME field %s cannot be %u bytes", specs[i].name, t->length);
	}
	if (s != ZF_OK)
		goto done;

	/* the record: a group named after the table, the fields under it */
	snprintf(rname, sizeof(rname), "%s%s%s", blk->creator, blk->creator[0] ? "." : "", blk->table);
	memset(&root, 0, sizeof(root));
	root.name = rname;
	root.level = 1;
	root.kind = ZF_KIND_GROUP;
	root.depending_on = root.redefines = root.renames_first = root.renames_last = -1;
	rootidx = zf_layout_add(c->L, &root, ZF_NO_FIELD, ZF_NO_OFFSET, c->err);
	if (rootidx < 0 || !zf_punch_note_field(c, rootidx, blk->into_tok))
	{
		s = rootidx < 0 ? c->err->status : zf_error_set(c->err, ZF_E_NOMEM, "out of memory reading a punch");
		goto done;
	}
	rec = c->L->nrecords - 1;
	for (int32_t i = 0; i < n; i++)
	{
		uint32_t	off = (!st->delimited && fs[i].explicit_pos) ? fs[i].offset : ZF_NO_OFFSET;
		int32_t		fi = zf_layout_add(c->L, &fs[i].tmpl, rootidx, off, c->err);

		if (fi < 0)
		{
			s = zf_punch_fail_at(c->err, specs[i].name_tok);
			goto done;
		}
		if (!zf_punch_note_field(c, fi, specs[i].name_tok))
		{
			s = zf_error_set(c->err, ZF_E_NOMEM, "out of memory reading a punch");
			goto done;
		}
	}

	/*
	 * A null indicator after the last field (DSNTIAUL's NULLIF(n)='?'
	 * follows its field) is part of the record: a one-byte filler.
	 */
	if (!st->delimited)
	{
		uint64_t	end = 0,
					pos = 0;

		for (int32_t i = 0; i < n; i++)
		{
			pos = (fs[i].explicit_pos ? fs[i].offset : pos) + fs[i].slot;
			if (pos > end)
				end = pos;
		}
		for (int32_t i = 0; i < n; i++)
		{
			const punch_cond *nc = &specs[i].nullif;
			zf_field	filler;

			if (!nc->present || nc->by_name || nc->start - 1 < end)
				continue;
			memset(&filler, 0, sizeof(filler));
			filler.name = "FILLER";
			filler.kind = ZF_KIND_ALNUM;
			filler.usage = "null indicator";
			filler.is_filler = true;
			filler.length = 1;
			filler.depending_on = filler.redefines = filler.renames_first = filler.renames_last = -1;
			if (zf_layout_add(c->L, &filler, rootidx, nc->start - 1, c->err) < 0)
			{
				s = zf_punch_fail_at(c->err, nc->at);
				goto done;
			}
			end = nc->start;
		}
	}

	rd = &c->L->records[rec];
	rd->creator = blk->creator[0] ? zf_layout_strdup(c->L, blk->creator) : NULL;
	rd->table = zf_layout_strdup(c->L, blk->table);
	rd->part = blk->part;
	rd->float_format = st->float_format;
	rd->ccsid_sbcs = st->ccsid[0];
	rd->ccsid_mixed = st->ccsid[1];
	rd->ccsid_dbcs = st->ccsid[2];
	rd->unicode = st->unicode;
	rd->ascii = st->ascii;
	rd->spanned = st->spanned;
	rd->is_delimited = st->delimited;
	rd->coldel = st->coldel;
	rd->chardel = st->chardel;
	rd->decpt = st->decpt;
	if (rd->table == NULL || (blk->creator[0] && rd->creator == NULL))
	{
		s = zf_error_set(c->err, ZF_E_NOMEM, "out of memory reading a punch");
		goto done;
	}
	if (st->delimited && blk->nwhen > 0)
	{
		s = zf_punch_fail(c->err, blk->when[0].at, ZF_E_UNSUPPORTED, "WHEN in a delimited punch is not supported");
		goto done;
	}
	s = build_when(c, blk, specs, n, fs, rd);

done:
	free(fs);
	return s;
}

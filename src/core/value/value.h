/*-------------------------------------------------------------------------
 *
 * value.h
 *	  Decode one field: the entry that both the per-record fast path and
 *	  the general path of the fdw go through, for numbers, text and
 *	  whether a field is NULL by its representation.
 *
 * A zf_field_reader is prepared once per column (zf_field_reader_init,
 * then the column's options set in it): the field, its code page, the
 * decoder its kind and length call for, how text is trimmed and when the
 * field is NULL.  Per record the fdw then asks for
 *	  - a number: the unscaled integer of a zoned, packed, binary or
 *		numeric-edited field (zf_field_read_number), its base-10000 digit
 *		groups (packed fields up to 8 bytes), or a double (hexadecimal or
 *		IEEE floats);
 *	  - text: the UTF-8 of a field, its DB2 length prefix read, blanks,
 *		low-values and the DBCS space trimmed as the trim options say;
 *	  - NULL or not: a DB2 null indicator byte, or null_if (spaces,
 *		low-values, high-values, zeros in the field's own representation,
 *		a byte pattern).
 * Which decoder serves which kind, with its 64-bit limits (packed up to 9
 * bytes, zoned up to 18, binary up to 8), is decided here and nowhere
 * else.  The fast entries are inline and take the record with the field
 * at its static offset; they never format an error (the general entry
 * says what is wrong).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_VALUE_H
#define ZF_VALUE_H

#include <string.h>

#include "decode/decimal.h"
#include "layout/layout.h"
#include "text/codepage.h"

/* Blanks trimmed from text (the trim option). */
typedef enum zf_trim
{
	ZF_TRIM_RIGHT = 0,			/* trailing (the default) */
	ZF_TRIM_BOTH,
	ZF_TRIM_NONE
} zf_trim;

/* When a field is NULL by its bytes (the null_if option). */
typedef enum zf_null_if
{
	ZF_NULLIF_NONE = 0,
	ZF_NULLIF_SPACES,			/* all the page's blank */
	ZF_NULLIF_LOW_VALUES,		/* all X'00' */
	ZF_NULLIF_HIGH_VALUES,		/* all X'FF' */
	ZF_NULLIF_ZEROS,			/* zero in the field's own representation */
	ZF_NULLIF_BYTES				/* a byte pattern, repeated to the field's
								 * length when shorter */
} zf_null_if;

/* The decoder a fixed-point field of some kind and length calls for. */
typedef enum zf_fixed_decoder
{
	ZF_FIXED_NONE = 0,			/* not a zoned, packed, binary or edited field */
	ZF_FIXED_PACKED64,			/* up to 9 bytes: 17 digits fit int64 */
	ZF_FIXED_ZONED64,			/* up to 18 bytes */
	ZF_FIXED_BINARY64,			/* up to 7 bytes, or 8 signed */
	ZF_FIXED_PACKED,			/* the 128-bit decoders */
	ZF_FIXED_ZONED,
	ZF_FIXED_BINARY,
	ZF_FIXED_EDITED				/* text parsed against the picture */
} zf_fixed_decoder;

/* How the values of one field are read; see zf_field_reader_init. */
typedef struct zf_field_reader
{
	const zf_field *f;
	const zf_codepage *cp;		/* text, zoned digits, edited pictures */
	zf_charset	cs;				/* cp's family, for zoned digits */
	uint8_t		space;			/* cp's blank */
	zf_fixed_decoder fixed;		/* for f->length bytes */
	/* options, set by the caller after zf_field_reader_init */
	zf_float_format float_format;	/* default ZF_FLOAT_HFP */
	char		decimal_point;	/* of edited pictures; default '.' */
	zf_trim		trim;			/* default ZF_TRIM_RIGHT */
	bool		trim_low_values;	/* X'00' pads fixed text like blanks */
	zf_null_if	null_if;		/* default ZF_NULLIF_NONE */
	const uint8_t *null_bytes;	/* ZF_NULLIF_BYTES: the pattern */
	uint32_t	null_len;
} zf_field_reader;

/* The decoder for a fixed-point field of this kind and byte length. */
static inline zf_fixed_decoder
zf_fixed_decoder_of(zf_kind kind, uint32_t len, bool is_signed)
{
	switch (kind)
	{
		case ZF_KIND_PACKED:
			return len <= 9 ? ZF_FIXED_PACKED64 : ZF_FIXED_PACKED;
		case ZF_KIND_ZONED:
			return len <= 18 ? ZF_FIXED_ZONED64 : ZF_FIXED_ZONED;
		case ZF_KIND_BINARY:
			return len < 8 || (len == 8 && is_signed) ? ZF_FIXED_BINARY64 : ZF_FIXED_BINARY;
		case ZF_KIND_EDITED:
			return ZF_FIXED_EDITED;
		default:
			return ZF_FIXED_NONE;
	}
}

/*
 * Prepare a reader of field f whose text is in code page cp, with the
 * default options (trailing blanks trimmed, no null_if, HFP floats, '.'
 * as decimal point); the caller then sets the column's options in it.
 */
extern void zf_field_reader_init(zf_field_reader *r, const zf_field *f,
								 const zf_codepage *cp);

/*
 * A reader of another field f with the code page and options of model,
 * but no null_if (which is the model column's own): the fields of a
 * group read as one column.
 */
extern void zf_field_reader_like(zf_field_reader *r,
								 const zf_field_reader *model,
								 const zf_field *f);

/* ---- numbers ---- */

/*
 * The unscaled value of a zoned, packed or binary field of len bytes at
 * p (value = *out * 10^-f->scale), through the narrowest decoder; cs says
 * how zoned digits are written.  Any other kind is ZF_E_ARG.  err may be
 * NULL.
 */
extern zf_status zf_fixed_decode(const zf_field *f, zf_charset cs,
								 const uint8_t *p, uint32_t len,
								 zf_int128 *out, zf_error *err);

/*
 * The unscaled value of the reader's fixed-point field (zoned, packed,
 * binary, or numeric-edited through the code page and the picture) of len
 * bytes at p.
 */
extern zf_status zf_field_read_number(const zf_field_reader *r,
									  const uint8_t *p, uint32_t len,
									  zf_int128 *out, zf_error *err);

/*
 * A floating-point field (COMP-1, COMP-2, DB2 REAL/FLOAT) of len bytes at
 * p in the reader's float format.  single says the value is wanted as a
 * float: a hexadecimal value is then rounded to float precision here, once
 * (an 8-byte one rounded to double first would be rounded twice), and
 * *out holds that float exactly; an IEEE value is exact in a double and
 * rounds once when the caller narrows it.
 */
extern zf_status zf_field_read_double(const zf_field_reader *r,
									  const uint8_t *p, uint32_t len,
									  bool single, double *out,
									  zf_error *err);

/* True when the field decodes through a 64-bit integer (the fast path). */
static inline bool
zf_field_fits_int64(const zf_field_reader *r)
{
	return r->fixed == ZF_FIXED_PACKED64 || r->fixed == ZF_FIXED_ZONED64 ||
		r->fixed == ZF_FIXED_BINARY64;
}

/*
 * The fast path of a fixed-point field that fits int64 (see above), at its
 * static offset in a record long enough: the status only, no message.
 */
static inline zf_status
zf_field_fast_int64(const zf_field_reader *r, const uint8_t *rec,
					int64_t *out)
{
	const zf_field *f = r->f;
	const uint8_t *p = rec + f->offset;

	switch (r->fixed)
	{
		case ZF_FIXED_PACKED64:
			return zf_packed_decode64(p, f->length, f->is_signed, out, NULL);
		case ZF_FIXED_ZONED64:
			return zf_zoned_decode64(p, f->length, f->sign, r->cs, out, NULL);
		case ZF_FIXED_BINARY64:
			return zf_binary_decode64(p, f->length, f->is_signed, !f->binary_little, out, NULL);
		default:
			return ZF_E_ARG;
	}
}

/*
 * True when the field reads as base-10000 digit groups shifted left by
 * shift decimal places (zf_packed_to_groups): a packed field of up to
 * ZF_PACKED_GROUPS_MAX_LEN bytes whose digits and shift fit the groups.
 */
static inline bool
zf_field_groups_ok(const zf_field_reader *r, int shift)
{
	const zf_field *f = r->f;

	return f->kind == ZF_KIND_PACKED && f->length <= ZF_PACKED_GROUPS_MAX_LEN &&
		shift >= 0 && 2 * (int) f->length - 1 + shift <= ZF_PACKED_GROUPS_MAX_DIGITS;
}

/*
 * The fast path of such a field at its static offset: its digit groups,
 * or false for bad bytes (the general path says what is wrong).  The
 * bytes before the field are the record's when it starts 8 bytes or more
 * in, which turns the load into one 8-byte read.
 */
static inline bool
zf_field_fast_groups(const zf_field_reader *r, const uint8_t *rec, int shift,
					 zf_packed_groups *out)
{
	const zf_field *f = r->f;

	return zf_packed_to_groups(rec + f->offset, f->length, f->is_signed,
							   f->offset + f->length >= 8, (unsigned) shift, out);
}

/* ---- text ---- */

/*
 * The data of a DB2 varying field (VARCHAR, VARGRAPHIC, LOBs) of len
 * bytes at p without its length prefix: *data and *n bytes.  A prefix
 * that says more than the field holds is ZF_E_BAD_DATA at offset 0.
 */
extern zf_status zf_field_varying(const zf_field *f, const uint8_t *p,
								  uint32_t len, const uint8_t **data,
								  uint32_t *n, zf_error *err);

/* The room zf_field_read_text needs for len bytes of the field. */
extern size_t zf_field_text_bound(const zf_field_reader *r, uint32_t len);

/*
 * The character data of the reader's field (len bytes at p) as UTF-8 in
 * dst (cap bytes, zf_field_text_bound): fixed text in the code page,
 * DBCS, national (UTF-16), DB2 varying strings after their length prefix.
 * Fixed text is trimmed as r->trim says (blanks, and the DBCS space of
 * DBCS and national text; with trim_low_values X'00' too); varying
 * strings come back exactly as stored.  *out and *outlen give the result
 * (within dst, not NUL-terminated).  An error's offset is in the field.
 */
extern zf_status zf_field_read_text(const zf_field_reader *r,
									const uint8_t *p, uint32_t len,
									char *dst, size_t cap,
									const char **out, size_t *outlen,
									zf_error *err);

/*
 * Trim decoded UTF-8 text as trim says: blanks, and with dbcs the
 * ideographic space U+3000 (the DBCS space X'4040') at the end.
 */
extern void zf_utf8_trim(zf_trim trim, bool dbcs, const char **s,
						 size_t *n);

/*
 * The table through which the field's text decodes byte by byte on the
 * fast path, or NULL when it needs the general one (not plain
 * single-byte text, low-values to trim, a page without a table).
 */
extern const zf_sbcs_table *zf_field_sbcs_text(const zf_field_reader *r);

/*
 * The fast path of such a field, first step: its bytes at its static
 * offset, trimmed of the page's blanks as r->trim says.
 */
static inline void
zf_field_fast_sbcs_bytes(const zf_field_reader *r, const uint8_t *rec,
						 const uint8_t **bytes, uint32_t *n)
{
	const uint8_t *p = rec + r->f->offset;
	uint32_t	len = r->f->length;
	uint8_t		space = r->space;

	if (r->trim != ZF_TRIM_NONE)
	{
		while (len > 0 && p[len - 1] == space)
			len--;
		if (r->trim == ZF_TRIM_BOTH)
			while (len > 0 && *p == space)
			{
				p++;
				len--;
			}
	}
	*bytes = p;
	*n = len;
}

/*
 * Second step: n bytes decoded through tab into dst (room for 3n + 1
 * bytes: a character copies 4 at once).  Returns the bytes written, or -1
 * for a byte the table does not map (or that decodes to NUL): the general
 * path then says why.
 */
static inline int64_t
zf_sbcs_fast_decode(const zf_sbcs_table *tab, const uint8_t *p, uint32_t n,
					char *dst)
{
	char	   *d = dst;

	for (uint32_t i = 0; i < n; i++)
	{
		uint8_t		b = p[i];
		uint8_t		l = tab->utf8_len[b];

		if (__builtin_expect(l == 1, 1))
			*d++ = (char) tab->utf8[b][0];
		else if (l == 0)
			return -1;
		else
		{
			memcpy(d, tab->utf8[b], 4);
			d += l;
		}
	}
	return d - dst;
}

/* ---- NULL by representation ---- */

/*
 * True when the field can be NULL by its bytes (a null indicator or
 * null_if): then the fast path does not take it.
 */
static inline bool
zf_field_may_be_null(const zf_field_reader *r)
{
	return r->f->has_null_ind || r->null_if != ZF_NULLIF_NONE;
}

/*
 * Whether the occurrence of the reader's field at off (len bytes) of a
 * record of reclen bytes is NULL: its DB2 null indicator says so, or its
 * bytes match null_if.  1 NULL, 0 not, -1 with err set when the null
 * indicator lies outside the record (a record shorter than its layout:
 * reading on would call every value not null).
 */
extern int	zf_field_is_null(const zf_field_reader *r, const uint8_t *rec,
							 uint32_t reclen, uint32_t off, uint32_t len,
							 zf_error *err);

#endif							/* ZF_VALUE_H */

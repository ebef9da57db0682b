/*-------------------------------------------------------------------------
 *
 * value_text.c
 *	  The character data of fields as UTF-8: DB2 length prefixes read,
 *	  fixed text trimmed of blanks, low-values and the DBCS space.
 *
 * Fixed text (PIC X, DB2 CHAR, GRAPHIC, NATIONAL) is padded: its
 * trailing blanks are not data, and trim says whether to drop them (and
 * leading ones).  DBCS and national text pad with the ideographic space
 * (X'4040' in DBCS, U+3000); with trim_low_values, X'00' bytes pad
 * alphanumeric fields too.  DB2 VARCHAR and VARGRAPHIC values come back
 * exactly as stored.
 *
 *-------------------------------------------------------------------------
 */
#include "value/value.h"

/* UTF-16 big-endian, DB2's CCSID 1200 (Unicode GRAPHIC, DBCLOB). */
#define CCSID_UTF16		1200

/* True for fields whose text is UTF-16 (USAGE NATIONAL, CCSID 1200). */
static bool
is_utf16(const zf_field *f)
{
	return f->kind == ZF_KIND_NATIONAL || f->ccsid == CCSID_UTF16;
}

/* True for fields whose text is pure DBCS (no SO/SI). */
static bool
is_dbcs(const zf_field *f)
{
	return f->kind == ZF_KIND_DBCS || f->kind == ZF_KIND_VARGRAPHIC;
}

/* See value.h. */
zf_status
zf_field_varying(const zf_field *f, const uint8_t *p, uint32_t len,
				 const uint8_t **data, uint32_t *n, zf_error *err)
{
	uint32_t	declared;

	if (len < f->length_prefix)
		return zf_error_set(err, ZF_E_BAD_DATA, "varying field is shorter than its length prefix");
	declared = f->length_prefix == 2 ? ((uint32_t) p[0] << 8 | p[1]) :
		((uint32_t) p[0] << 24 | (uint32_t) p[1] << 16 | (uint32_t) p[2] << 8 | p[3]);
	declared *= zf_field_prefix_unit(f);
	if (declared > len - f->length_prefix)
	{
		zf_error_set(err, ZF_E_BAD_DATA, "length prefix says %u bytes but the field holds at most %u",
					 declared, len - f->length_prefix);
		if (err)
			err->offset = 0;
		return ZF_E_BAD_DATA;
	}
	*data = p + f->length_prefix;
	*n = declared;
	return ZF_OK;
}

/* See value.h. */
size_t
zf_field_text_bound(const zf_field_reader *r, uint32_t len)
{
	size_t		bound = zf_codepage_utf8_bound(r->cp, len) + 8;

	/* UTF-16 makes at most 3 bytes of 2; DBCS at most 6 of 2 (the page) */
	if (is_utf16(r->f) || is_dbcs(r->f))
	{
		size_t		wide = (size_t) len * 2 + 16;

		if (is_utf16(r->f) || wide > bound)
			bound = wide;
	}
	return bound;
}

/* See value.h. */
void
zf_utf8_trim(zf_trim trim, bool dbcs, const char **s, size_t *n)
{
	const char *p = *s;
	size_t		len = *n;

	if (trim == ZF_TRIM_NONE)
		return;
	for (;;)
	{
		if (len >= 1 && p[len - 1] == ' ')
			len--;
		else if (dbcs && len >= 3 && (uint8_t) p[len - 3] == 0xE3 &&
				 (uint8_t) p[len - 2] == 0x80 && (uint8_t) p[len - 1] == 0x80)
			len -= 3;			/* U+3000, the DBCS space X'4040' */
		else
			break;
	}
	if (trim == ZF_TRIM_BOTH)
		while (len > 0 && *p == ' ')
		{
			p++;
			len--;
		}
	*s = p;
	*n = len;
}

/*
 * Drop the blanks and low-values (X'00') that pad fixed alphanumeric
 * bytes, before decoding: X'00' decodes to nothing text can hold.
 */
static void
trim_low_values(const zf_field_reader *r, const uint8_t **p, uint32_t *n)
{
	const uint8_t *s = *p;
	uint32_t	len = *n;

	while (len > 0 && (s[len - 1] == 0x00 || s[len - 1] == r->space))
		len--;
	if (r->trim == ZF_TRIM_BOTH)
		while (len > 0 && (s[0] == 0x00 || s[0] == r->space))
		{
			s++;
			len--;
		}
	*p = s;
	*n = len;
}

/* See value.h. */
zf_status
zf_field_read_text(const zf_field_reader *r, const uint8_t *p, uint32_t len,
				   char *dst, size_t cap, const char **out, size_t *outlen,
				   zf_error *err)
{
	const zf_field *f = r->f;
	uint32_t	n = len;
	bool		fixed = f->length_prefix == 0;
	zf_status	st;

	if (!fixed && (st = zf_field_varying(f, p, len, &p, &n, err)) != ZF_OK)
		return st;
	if (fixed && r->trim_low_values && r->trim != ZF_TRIM_NONE &&
		(f->kind == ZF_KIND_ALNUM || f->kind == ZF_KIND_EDITED))
		trim_low_values(r, &p, &n);
	if (is_utf16(f))
		st = zf_utf16be_decode(p, n, dst, cap, outlen, err);
	else if (is_dbcs(f))
		st = zf_codepage_decode_dbcs(r->cp, p, n, dst, cap, outlen, err);
	else
		st = zf_codepage_decode(r->cp, p, n, dst, cap, outlen, err);
	if (st != ZF_OK)
	{
		/* the offset in the field, not in its data */
		if (err && err->offset >= 0)
			err->offset += f->length_prefix;
		return st;
	}
	*out = dst;
	if (fixed)
		zf_utf8_trim(r->trim, f->kind == ZF_KIND_DBCS || f->kind == ZF_KIND_NATIONAL,
					 out, outlen);
	return ZF_OK;
}

/* See value.h. */
const zf_sbcs_table *
zf_field_sbcs_text(const zf_field_reader *r)
{
	if (r->f->kind != ZF_KIND_ALNUM || r->f->length_prefix > 0 ||
		r->f->ccsid == CCSID_UTF16 || r->trim_low_values)
		return NULL;
	return zf_codepage_sbcs(r->cp);
}

/*-------------------------------------------------------------------------
 *
 * value_null.c
 *	  Whether a field is NULL by its representation: a DB2 null indicator
 *	  byte, or bytes that the column's null_if names (spaces, low-values,
 *	  high-values, zeros in the field's own representation, a pattern).
 *
 *-------------------------------------------------------------------------
 */
#include "value/value.h"

/* Low-values and high-values: the lowest and highest byte. */
#define LOW_VALUE	0x00
#define HIGH_VALUE	0xFF

/*
 * 1 when the field's null indicator says NULL, 0 when not (or when it has
 * none), -1 when the indicator lies outside the record.
 */
static int
null_indicator(const zf_field *f, const uint8_t *rec, uint32_t reclen,
			   uint32_t off, zf_error *err)
{
	int64_t		pos = (int64_t) off + f->null_ind_rel;
	uint8_t		b;

	if (!f->has_null_ind)
		return 0;
	if (pos < 0 || pos >= reclen)
	{
		zf_error_set(err, ZF_E_BAD_DATA, "record is %u bytes, the null indicator of field %s is at byte %lld",
					 reclen, f->name[0] ? f->name : "FILLER", (long long) pos + 1);
		zf_error_hint(err, "Check lrecl and the layout against the file; zfdw.inspect_file() shows the record lengths it finds.");
		return -1;
	}
	b = rec[pos];
	return (f->null_ind_any ? b != LOW_VALUE : b == f->null_ind_value) ? 1 : 0;
}

/* True when every one of the n bytes at p is b. */
static bool
all_bytes(const uint8_t *p, uint32_t n, uint8_t b)
{
	for (uint32_t i = 0; i < n; i++)
		if (p[i] != b)
			return false;
	return true;
}

/*
 * True when the field's bytes hold zero in its own representation: a
 * number that decodes to zero, or text of the page's zero digits.
 */
static bool
is_zero(const zf_field_reader *r, const uint8_t *p, uint32_t len)
{
	zf_int128	v;

	if (!zf_kind_is_numeric(r->f->kind))
		return all_bytes(p, len, zf_codepage_zero(r->cp));
	return zf_fixed_decode(r->f, r->cs, p, len, &v, NULL) == ZF_OK && v == 0;
}

/* True when the field's bytes are the null_if pattern, repeated. */
static bool
is_pattern(const zf_field_reader *r, const uint8_t *p, uint32_t len)
{
	if (r->null_len == 0)
		return false;
	for (uint32_t i = 0; i < len; i++)
		if (p[i] != r->null_bytes[i % r->null_len])
			return false;
	return true;
}

/* See value.h. */
int
zf_field_is_null(const zf_field_reader *r, const uint8_t *rec,
				 uint32_t reclen, uint32_t off, uint32_t len, zf_error *err)
{
	const uint8_t *p = rec + off;
	int			ind = null_indicator(r->f, rec, reclen, off, err);

	if (ind != 0)
		return ind;
	if (len == 0)
		return 0;
	switch (r->null_if)
	{
		case ZF_NULLIF_SPACES:
			return all_bytes(p, len, r->space);
		case ZF_NULLIF_LOW_VALUES:
			return all_bytes(p, len, LOW_VALUE);
		case ZF_NULLIF_HIGH_VALUES:
			return all_bytes(p, len, HIGH_VALUE);
		case ZF_NULLIF_ZEROS:
			return is_zero(r, p, len);
		case ZF_NULLIF_BYTES:
			return is_pattern(r, p, len);
		case ZF_NULLIF_NONE:
			break;
	}
	return 0;
}

/*-------------------------------------------------------------------------
 *
 * value_number.c
 *	  A field reader, and the numbers of fields: fixed-point values through
 *	  the decoder their kind and length call for, floats in hexadecimal or
 *	  IEEE format.
 *
 *-------------------------------------------------------------------------
 */
#include "value/value.h"

#include <stdlib.h>

#include "decode/floats.h"

/* Room for the text of an edited field without an allocation. */
#define EDITED_STACK_BYTES	256

/* See value.h. */
void
zf_field_reader_init(zf_field_reader *r, const zf_field *f,
					 const zf_codepage *cp)
{
	memset(r, 0, sizeof(*r));
	r->f = f;
	r->cp = cp;
	r->cs = zf_codepage_charset(cp);
	r->space = zf_codepage_space(cp);
	r->fixed = zf_fixed_decoder_of(f->kind, f->length, f->is_signed);
	r->float_format = ZF_FLOAT_HFP;
	r->decimal_point = '.';
	r->trim = ZF_TRIM_RIGHT;
	r->null_if = ZF_NULLIF_NONE;
}

/* See value.h. */
void
zf_field_reader_like(zf_field_reader *r, const zf_field_reader *model,
					 const zf_field *f)
{
	*r = *model;
	r->f = f;
	r->fixed = zf_fixed_decoder_of(f->kind, f->length, f->is_signed);
	r->null_if = ZF_NULLIF_NONE;
	r->null_bytes = NULL;
	r->null_len = 0;
}

/* See value.h. */
zf_status
zf_fixed_decode(const zf_field *f, zf_charset cs, const uint8_t *p,
				uint32_t len, zf_int128 *out, zf_error *err)
{
	int64_t		v64;
	zf_status	st;

	switch (zf_fixed_decoder_of(f->kind, len, f->is_signed))
	{
		case ZF_FIXED_PACKED64:
			st = zf_packed_decode64(p, len, f->is_signed, &v64, err);
			break;
		case ZF_FIXED_ZONED64:
			st = zf_zoned_decode64(p, len, f->sign, cs, &v64, err);
			break;
		case ZF_FIXED_BINARY64:
			st = zf_binary_decode64(p, len, f->is_signed, !f->binary_little, &v64, err);
			break;
		case ZF_FIXED_PACKED:
			return zf_packed_decode(p, len, f->is_signed, out, err);
		case ZF_FIXED_ZONED:
			return zf_zoned_decode(p, len, f->sign, cs, out, err);
		case ZF_FIXED_BINARY:
			return zf_binary_decode(p, len, f->is_signed, !f->binary_little, out, err);
		default:
			return zf_error_set(err, ZF_E_ARG, "field %s is not a zoned, packed or binary number",
								f->name && f->name[0] ? f->name : "FILLER");
	}
	if (st == ZF_OK)
		*out = v64;
	return st;
}

/*
 * A numeric-edited field: its text in the code page, parsed against the
 * picture.  The text goes to the stack, or for a very long field to the
 * heap.
 */
static zf_status
edited_decode(const zf_field_reader *r, const uint8_t *p, uint32_t len,
			  zf_int128 *out, zf_error *err)
{
	const zf_field *f = r->f;
	char		stack[EDITED_STACK_BYTES];
	size_t		cap = zf_codepage_utf8_bound(r->cp, len) + 8;
	char	   *text = cap <= sizeof(stack) ? stack : malloc(cap);
	size_t		n;
	zf_status	st;

	if (text == NULL)
		return zf_error_set(err, ZF_E_NOMEM, "out of memory decoding field %s", f->name);
	st = zf_codepage_decode(r->cp, p, len, text, cap, &n, err);
	if (st == ZF_OK)
		st = zf_edited_decode(text, n, f->picture, f->scale, r->decimal_point,
							  f->blank_when_zero, out, err);
	if (text != stack)
		free(text);
	return st;
}

/* See value.h. */
zf_status
zf_field_read_number(const zf_field_reader *r, const uint8_t *p,
					 uint32_t len, zf_int128 *out, zf_error *err)
{
	if (r->f->kind == ZF_KIND_EDITED)
		return edited_decode(r, p, len, out, err);
	return zf_fixed_decode(r->f, r->cs, p, len, out, err);
}

/* See value.h. */
zf_status
zf_field_read_double(const zf_field_reader *r, const uint8_t *p,
					 uint32_t len, bool single, double *out, zf_error *err)
{
	float		fl;
	zf_status	st;

	if (r->float_format == ZF_FLOAT_IEEE)
		return zf_ieee_to_double(p, len, true, out, err);
	if (!single)
		return zf_hfp_to_double(p, len, out, err);
	st = zf_hfp_to_float(p, len, &fl, err);
	if (st == ZF_OK)
		*out = fl;
	return st;
}

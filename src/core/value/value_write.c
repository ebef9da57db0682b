/*-------------------------------------------------------------------------
 *
 * value_write.c
 *	  Encode one field of a record: numbers, doubles, text and raw bytes,
 *	  and the fill of fields no column gives.
 *
 * The encoders of decode/ do the bytes (zf_packed_encode, zf_zoned_encode,
 * zf_binary_encode, zf_double_to_hfp_exact, zf_codepage_encode); this file
 * decides, per field kind and length, which one serves and checks the
 * field's own bounds (digits of a binary picture, the byte length of a
 * text field) so that nothing is cut or rounded on the way.
 *
 *-------------------------------------------------------------------------
 */
#include "value/value_write.h"

#include <stdlib.h>
#include <string.h>

#include "decode/floats.h"
#include "text/utf8.h"

#define EBCDIC_SO		0x0E
#define EBCDIC_SI		0x0F
#define SCRATCH_LEN		1024

void
zf_field_writer_init(zf_field_writer *w, const zf_field *f,
					 const zf_codepage *cp)
{
	memset(w, 0, sizeof(*w));
	w->f = f;
	w->cp = cp;
	w->cs = zf_codepage_charset(cp);
	w->space = zf_codepage_space(cp);
	w->float_format = ZF_FLOAT_HFP;
}

bool
zf_kind_writable(zf_kind kind)
{
	switch (kind)
	{
		case ZF_KIND_ALNUM:
		case ZF_KIND_DBCS:
		case ZF_KIND_NATIONAL:
		case ZF_KIND_ZONED:
		case ZF_KIND_PACKED:
		case ZF_KIND_BINARY:
		case ZF_KIND_FLOAT:
			return true;
		default:
			return false;
	}
}

/* The error for a value with more digits than the picture holds. */
static zf_status
digits_error(const zf_field *f, zf_error *err)
{
	zf_error_set(err, ZF_E_OVERFLOW, "value does not fit %s", f->picture ? f->picture : "the field");
	if (f->scale > 0)
		zf_error_detail(err, "The field holds %u digit%s, %d of them after the decimal point.",
						f->digits, f->digits == 1 ? "" : "s", f->scale);
	else
		zf_error_detail(err, "The field holds %u digit%s.", f->digits,
						f->digits == 1 ? "" : "s");
	return ZF_E_OVERFLOW;
}

zf_status
zf_field_write_unscaled(const zf_field_writer *w, zf_int128 unscaled,
						uint8_t *dst, uint32_t len, zf_error *err)
{
	const zf_field *f = w->f;
	zf_status	st;

	if (unscaled < 0 && !f->is_signed)
	{
		zf_error_set(err, ZF_E_OVERFLOW, "negative value for an unsigned field");
		zf_error_detail(err, "The picture %s has no sign.", f->picture ? f->picture : "");
		return ZF_E_OVERFLOW;
	}
	switch (f->kind)
	{
		case ZF_KIND_PACKED:
			{
				int			digits = f->digits > 0 ? f->digits : (int) (2 * len - 1);

				if (zf_packed_length(digits) != len)
					digits = (int) (2 * len - 1);
				/* the encoder checks "digits"; the picture may hold fewer */
				if (f->digits > 0 && f->digits < digits &&
					zf_int128_digits(unscaled) > f->digits)
					return digits_error(f, err);
				if (zf_packed_encode(unscaled, digits, f->is_signed, dst, NULL) != ZF_OK)
					return zf_int128_digits(unscaled) > digits ? digits_error(f, err) :
						zf_packed_encode(unscaled, digits, f->is_signed, dst, err);
				return ZF_OK;
			}
		case ZF_KIND_ZONED:
			{
				int			sep = f->sign == ZF_SIGN_LEADING_SEPARATE ||
					f->sign == ZF_SIGN_TRAILING_SEPARATE ? 1 : 0;
				int			digits = (int) len - sep;

				if (digits < 1)
					return zf_error_set(err, ZF_E_ARG, "zoned field of %u bytes", len);
				if (f->digits > 0 && f->digits < digits &&
					zf_int128_digits(unscaled) > f->digits)
					return digits_error(f, err);
				st = zf_zoned_encode(unscaled, digits,
									 f->is_signed ? f->sign : ZF_SIGN_NONE,
									 w->cs, dst, NULL);
				if (st == ZF_E_OVERFLOW && zf_int128_digits(unscaled) > digits)
					return digits_error(f, err);
				if (st != ZF_OK)
					return zf_zoned_encode(unscaled, digits,
										   f->is_signed ? f->sign : ZF_SIGN_NONE,
										   w->cs, dst, err);
				return ZF_OK;
			}
		case ZF_KIND_BINARY:
			/* TRUNC(STD): the picture bounds the value, except COMP-5 */
			if (!f->binary_native && f->digits > 0 &&
				zf_int128_digits(unscaled) > f->digits)
				return digits_error(f, err);
			{
				zf_status	enc = zf_binary_encode(unscaled, len, f->is_signed,
												   dst, err);

				if (enc != ZF_OK)
					return enc;
			}
			/* COMP-5 and COMP-X of the x86 dialects: least significant first */
			if (f->binary_little)
			{
				for (uint32_t i = 0; i < len / 2; i++)
				{
					uint8_t		b = dst[i];

					dst[i] = dst[len - 1 - i];
					dst[len - 1 - i] = b;
				}
			}
			return ZF_OK;
		default:
			return zf_error_set(err, ZF_E_UNSUPPORTED,
								"field %s is not a zoned, packed or binary number", f->name);
	}
}

zf_status
zf_field_write_decimal(const zf_field_writer *w, const char *s, size_t n,
					   uint8_t *dst, uint32_t len, zf_error *err)
{
	zf_int128	v;
	zf_status	st;

	st = zf_decimal_from_string(s, n, w->f->scale, &v, err);
	if (st != ZF_OK)
	{
		if (st == ZF_E_OVERFLOW && err)
			zf_error_detail(err, "The field has %d fraction digit%s and %u digits in all; the value is never rounded.",
							w->f->scale, w->f->scale == 1 ? "" : "s", w->f->digits);
		return st;
	}
	return zf_field_write_unscaled(w, v, dst, len, err);
}

zf_status
zf_field_write_double(const zf_field_writer *w, double v, uint8_t *dst,
					  uint32_t len, zf_error *err)
{
	if (w->f->kind != ZF_KIND_FLOAT)
		return zf_error_set(err, ZF_E_UNSUPPORTED,
							"field %s is not a floating-point field", w->f->name);
	if (w->float_format == ZF_FLOAT_IEEE)
		return zf_double_to_ieee(v, len, dst, err);
	return zf_double_to_hfp_exact(v, len, dst, err);
}

/* The error for text longer than its field. */
static zf_status
too_long_error(const zf_field *f, size_t need, uint32_t len, zf_error *err)
{
	zf_error_set(err, ZF_E_OVERFLOW, "value too long for field %s: %zu bytes, the field holds %u",
				 f->name, need, len);
	zf_error_hint(err, "The table option truncate_text 'true' cuts text to the field's length.");
	return ZF_E_OVERFLOW;
}

/* UTF-8 to UTF-16BE into dst (cap bytes); *outlen bytes written. */
static zf_status
utf16be_encode(const char *s, size_t n, uint8_t *dst, size_t cap,
			   size_t *outlen, bool truncate, zf_error *err)
{
	size_t		pos = 0;

	for (size_t i = 0; i < n;)
	{
		uint32_t	u;
		int			l = utf8_next((const uint8_t *) s + i, n - i, &u);
		size_t		need = u >= 0x10000 ? 4 : 2;

		if (l == 0)
		{
			zf_error_set(err, ZF_E_BAD_DATA, "invalid UTF-8 byte sequence at offset %zu", i);
			if (err)
				err->offset = (int64_t) i;
			return ZF_E_BAD_DATA;
		}
		if (pos + need > cap)
		{
			if (truncate)
				break;
			*outlen = pos + need + 2 * (n - i - (size_t) l);	/* a lower bound */
			return ZF_E_OVERFLOW;
		}
		if (need == 4)
		{
			uint32_t	v = u - 0x10000;
			uint32_t	hi = 0xD800 | (v >> 10);
			uint32_t	lo = 0xDC00 | (v & 0x3FF);

			dst[pos++] = (uint8_t) (hi >> 8);
			dst[pos++] = (uint8_t) hi;
			dst[pos++] = (uint8_t) (lo >> 8);
			dst[pos++] = (uint8_t) lo;
		}
		else
		{
			dst[pos++] = (uint8_t) (u >> 8);
			dst[pos++] = (uint8_t) u;
		}
		i += (size_t) l;
	}
	*outlen = pos;
	return ZF_OK;
}

/*
 * Encode s into the page in scratch (cap bytes at least
 * zf_codepage_encode_bound); for DBCS fields strip the SO and SI the
 * mixed page puts around the characters, refusing single-byte ones.
 */
static zf_status
encode_page(const zf_field_writer *w, const char *s, size_t n, uint8_t *buf,
			size_t cap, size_t *outlen, zf_error *err)
{
	zf_status	st = zf_codepage_encode(w->cp, s, n, buf, cap, outlen, err);

	if (st != ZF_OK || w->f->kind != ZF_KIND_DBCS || *outlen == 0)
		return st;
	if (*outlen < 2 || buf[0] != EBCDIC_SO || buf[*outlen - 1] != EBCDIC_SI ||
		memchr(buf + 1, EBCDIC_SI, *outlen - 2) != NULL)
		return zf_error_set(err, ZF_E_CODEPAGE,
							"field %s holds double-byte characters only, and the value has single-byte ones",
							w->f->name);
	memmove(buf, buf + 1, *outlen - 2);
	*outlen -= 2;
	return ZF_OK;
}

/*
 * Encode s into the page; when it is longer than len and truncating, the
 * longest prefix of whole characters that fits.
 */
static zf_status
encode_fitting(const zf_field_writer *w, const char *s, size_t n,
			   uint8_t *buf, size_t cap, size_t *outlen, uint32_t len,
			   zf_error *err)
{
	size_t		lo,
				hi;
	zf_status	st = encode_page(w, s, n, buf, cap, outlen, err);

	if (st != ZF_OK || *outlen <= len || !w->truncate_text)
		return st;
	/*
	 * The longest prefix that fits, by bisection over character starts:
	 * lo always fits (the empty text does), hi never does.
	 */
	lo = 0;
	hi = n;
	while (hi - lo > 1)
	{
		size_t		mid = (lo + hi) / 2;
		size_t		got;

		while (mid > lo && ((uint8_t) s[mid] & 0xC0) == 0x80)
			mid--;
		if (mid == lo)
		{
			mid = (lo + hi) / 2 + 1;
			while (mid < hi && ((uint8_t) s[mid] & 0xC0) == 0x80)
				mid++;
			if (mid >= hi)
				break;
		}
		if (encode_page(w, s, mid, buf, cap, &got, NULL) == ZF_OK && got <= len)
			lo = mid;
		else
			hi = mid;
	}
	return encode_page(w, s, lo, buf, cap, outlen, err);
}

zf_status
zf_field_write_text(const zf_field_writer *w, const char *s, size_t n,
					uint8_t *dst, uint32_t len, zf_error *err)
{
	const zf_field *f = w->f;
	uint8_t		stack[SCRATCH_LEN];
	uint8_t    *buf = stack;
	size_t		cap;
	size_t		got = 0;
	zf_status	st;

	if (f->kind == ZF_KIND_NATIONAL)
	{
		st = utf16be_encode(s, n, dst, len, &got, w->truncate_text, err);
		if (st == ZF_E_OVERFLOW)
			return too_long_error(f, got, len, err);
		if (st != ZF_OK)
			return st;
		for (size_t i = got; i + 1 < len; i += 2)
		{
			dst[i] = 0x00;
			dst[i + 1] = 0x20;
		}
		return ZF_OK;
	}
	if (f->kind != ZF_KIND_ALNUM && f->kind != ZF_KIND_DBCS)
		return zf_error_set(err, ZF_E_UNSUPPORTED,
							"field %s does not hold text", f->name);
	cap = zf_codepage_encode_bound(w->cp, n) + 2;
	if (cap > sizeof(stack))
	{
		buf = malloc(cap);
		if (buf == NULL)
			return zf_error_set(err, ZF_E_NOMEM, "out of memory encoding text");
	}
	st = encode_fitting(w, s, n, buf, cap, &got, len, err);
	if (st == ZF_OK && got > len)
		st = too_long_error(f, got, len, err);
	if (st == ZF_OK)
	{
		uint32_t	pad = len - (uint32_t) got;
		uint32_t	start = f->justified_right ? pad : 0;
		uint32_t	padstart = f->justified_right ? 0 : (uint32_t) got;

		memcpy(dst + start, buf, got);
		if (f->kind == ZF_KIND_DBCS)
			memset(dst + padstart, 0x40, pad);	/* X'4040', the DBCS space */
		else
			memset(dst + padstart, w->space, pad);
	}
	if (buf != stack)
		free(buf);
	return st;
}

zf_status
zf_field_write_bytes(const zf_field_writer *w, const uint8_t *p, size_t n,
					 uint8_t *dst, uint32_t len, zf_error *err)
{
	if (n != len)
	{
		zf_error_set(err, ZF_E_OVERFLOW, "%zu bytes for field %s of %u bytes",
					 n, w->f->name, len);
		zf_error_detail(err, "Raw bytes are written as they are: exactly the field's length.");
		return ZF_E_OVERFLOW;
	}
	memcpy(dst, p, n);
	return ZF_OK;
}

void
zf_field_fill(const zf_field *f, const zf_codepage *cp, zf_fill fill,
			  uint8_t fill_byte, uint8_t *dst, uint32_t len)
{
	zf_field_writer w;

	if (fill == ZF_FILL_BYTE)
	{
		memset(dst, fill_byte, len);
		return;
	}
	zf_field_writer_init(&w, f, cp);
	switch (f->kind)
	{
		case ZF_KIND_ZONED:
		case ZF_KIND_PACKED:
			if (zf_field_write_unscaled(&w, 0, dst, len, NULL) == ZF_OK)
				return;
			memset(dst, 0, len);
			return;
		case ZF_KIND_BINARY:
		case ZF_KIND_FLOAT:
		case ZF_KIND_DECFLOAT:
		case ZF_KIND_BYTES:
			memset(dst, 0, len);
			return;
		case ZF_KIND_DBCS:
		case ZF_KIND_VARGRAPHIC:
			memset(dst, 0x40, len);
			return;
		case ZF_KIND_NATIONAL:
			for (uint32_t i = 0; i + 1 < len; i += 2)
			{
				dst[i] = 0x00;
				dst[i + 1] = 0x20;
			}
			return;
		default:
			memset(dst, zf_codepage_space(cp), len);
			return;
	}
}

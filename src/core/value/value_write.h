/*-------------------------------------------------------------------------
 *
 * value_write.h
 *	  Encode one field: the writing counterpart of value.h.  A number, a
 *	  double, text or raw bytes becomes the bytes of a field of a
 *	  layout, and unmapped fields get the value a COBOL program gives them.
 *
 * Nothing is changed silently: a number with more digits than the
 * picture holds, a scale that would round, a negative value in an unsigned
 * field, a double that a short HFP cannot hold exactly, text longer than
 * the field (unless the writer truncates text, by request) or a character
 * the code page lacks is an error value naming what does not fit.
 *
 * Binary fields follow TRUNC(STD): the picture's digits bound the value
 * (PIC S9(4) COMP holds -9999..9999), except COMP-5, which holds its
 * full binary range.  The bytes written are the ones IBM Enterprise COBOL
 * writes: packed sign C/D (F unsigned), zoned overpunch zones C/D (F
 * unsigned) or a separate '+'/'-', big-endian two's complement binary.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_VALUE_WRITE_H
#define ZF_VALUE_WRITE_H

#include "decode/decimal.h"
#include "layout/layout.h"
#include "text/codepage.h"

/* What fills the bytes of fields no column gives (the fill option). */
typedef enum zf_fill
{
	ZF_FILL_COBOL = 0,			/* spaces for text, zero for numbers, as
								 * INITIALIZE does */
	ZF_FILL_BYTE				/* one byte everywhere (low-values X'00',
								 * spaces X'40', ...) */
} zf_fill;

/* How the values of one field are written. */
typedef struct zf_field_writer
{
	const zf_field *f;
	const zf_codepage *cp;
	zf_charset	cs;				/* cp's family, for zoned digits */
	uint8_t		space;			/* cp's blank */
	zf_float_format float_format;	/* default ZF_FLOAT_HFP */
	bool		truncate_text;	/* cut text that is too long (default no) */
} zf_field_writer;

extern void zf_field_writer_init(zf_field_writer *w, const zf_field *f,
								 const zf_codepage *cp);

/* True for kinds zf_field_write_* can write. */
extern bool zf_kind_writable(zf_kind kind);

/*
 * A fixed-point field (zoned, packed, binary) of len bytes at dst from
 * its unscaled value (value = unscaled * 10^-f->scale).
 */
extern zf_status zf_field_write_unscaled(const zf_field_writer *w,
										 zf_int128 unscaled, uint8_t *dst,
										 uint32_t len, zf_error *err);

/*
 * A fixed-point field from decimal text ("-12.50", "7"): the digits must
 * be representable at the field's scale without rounding.
 */
extern zf_status zf_field_write_decimal(const zf_field_writer *w,
										const char *s, size_t n,
										uint8_t *dst, uint32_t len,
										zf_error *err);

/* A floating-point field (COMP-1, COMP-2) from a double, exactly. */
extern zf_status zf_field_write_double(const zf_field_writer *w, double v,
									   uint8_t *dst, uint32_t len,
									   zf_error *err);

/*
 * A character field from UTF-8: alphanumeric text in the page (SO/SI
 * where a mixed page needs them), DBCS text without SO/SI, national text
 * as UTF-16BE; padded with the field's blank (on the left when the field
 * is JUSTIFIED RIGHT).
 */
extern zf_status zf_field_write_text(const zf_field_writer *w,
									 const char *s, size_t n, uint8_t *dst,
									 uint32_t len, zf_error *err);

/* Raw bytes into a field: exactly len of them. */
extern zf_status zf_field_write_bytes(const zf_field_writer *w,
									  const uint8_t *p, size_t n,
									  uint8_t *dst, uint32_t len,
									  zf_error *err);

/*
 * The bytes of a field no column gives: with ZF_FILL_COBOL spaces for
 * text and numeric-edited fields (the DBCS space X'4040', the national
 * space U+0020), zero for zoned and packed (positive sign), binary and
 * floats; with ZF_FILL_BYTE the byte fill_byte.
 */
extern void zf_field_fill(const zf_field *f, const zf_codepage *cp,
						  zf_fill fill, uint8_t fill_byte, uint8_t *dst,
						  uint32_t len);

#endif							/* ZF_VALUE_WRITE_H */

/*-------------------------------------------------------------------------
 *
 * decfloat.h
 *	  DB2 DECFLOAT(16) and DECFLOAT(34): IEEE 754 decimal64 and decimal128
 *	  in densely packed decimal (DPD) encoding, big-endian, as Db2 for z/OS
 *	  stores them (and as the z/Architecture DFP instructions use them).
 *
 * A finite DECFLOAT is (-1)^sign * coefficient * 10^exponent with up to 16
 * (34) coefficient digits; the exponent keeps the quantum, so 1.50 and 1.5
 * are different encodings and decode to different strings.  Infinities and
 * quiet or signalling NaNs are reported as their own class, so that the
 * caller decides what a column does with them; they never fail to decode.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_DECFLOAT_H
#define ZF_DECFLOAT_H

#include "decode/decimal.h"

/* Room for the longest string: sign, 34 digits, point, "E+6144", NUL. */
#define ZF_DECFLOAT_STRLEN	64

typedef enum zf_decfloat_class
{
	ZF_DECFLOAT_FINITE = 0,
	ZF_DECFLOAT_INFINITY,
	ZF_DECFLOAT_NAN,			/* quiet NaN */
	ZF_DECFLOAT_SNAN			/* signalling NaN */
} zf_decfloat_class;

/* A decoded DECFLOAT. */
typedef struct zf_decfloat
{
	zf_decfloat_class cls;
	bool		negative;		/* the sign bit, also for zeros and NaNs */
	int32_t		exponent;		/* finite: value = coefficient * 10^exponent */
	zf_int128	coefficient;	/* >= 0; for NaNs the payload, else 0 */
	int16_t		digits;			/* digits of the coefficient (1 for 0) */
} zf_decfloat;

/*
 * Decode 8 bytes (DECFLOAT(16), decimal64) or 16 bytes (DECFLOAT(34),
 * decimal128).  Any bit pattern decodes (non-canonical declets are read as
 * IEEE 754 prescribes); only a wrong length is an error (ZF_E_ARG).
 */
extern zf_status zf_decfloat_decode(const uint8_t *p, size_t len,
									zf_decfloat *out, zf_error *err);

/*
 * Decode and render as the General Decimal Arithmetic specification's
 * to-scientific-string: "123.45", "-0.00", "1.23E+5", "1E-398", "Infinity",
 * "-Infinity", "NaN", "sNaN123".  The string is exact and PostgreSQL's
 * numeric input reads the finite ones.  cls (may be NULL) receives the
 * class.  cap must be at least ZF_DECFLOAT_STRLEN (else ZF_E_ARG).
 */
extern zf_status zf_decfloat_to_string(const uint8_t *p, size_t len,
									   char *buf, size_t cap,
									   zf_decfloat_class *cls,
									   zf_error *err);

#endif							/* ZF_DECFLOAT_H */

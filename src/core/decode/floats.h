/*-------------------------------------------------------------------------
 *
 * floats.h
 *	  IBM hexadecimal floating point (HFP: COMP-1, COMP-2, DB2 REAL/FLOAT)
 *	  and big-endian IEEE 754 binary floats to C doubles and floats.
 *
 * HFP short (4 bytes): sign bit, 7-bit excess-64 exponent of 16, 24-bit
 * fraction.  HFP long (8 bytes): the same with a 56-bit fraction.
 * value = (-1)^s * 0.f * 16^(e-64).
 *
 * Conversion to double is exact for HFP short; for HFP long (56 fraction
 * bits against 53) it rounds to nearest, ties to even, as IBM's own
 * conversion instructions and the ibm2ieee vectors do.  Conversion to float
 * rounds the same way; a value beyond float's range is ZF_E_OVERFLOW, never
 * infinity.  Unnormalized HFP input is accepted.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_FLOATS_H
#define ZF_FLOATS_H

#include "base/status.h"

/* HFP of 4 or 8 bytes to double. */
extern zf_status zf_hfp_to_double(const uint8_t *p, size_t len, double *out,
								  zf_error *err);

/* HFP of 4 or 8 bytes to float; ZF_E_OVERFLOW outside float's range. */
extern zf_status zf_hfp_to_float(const uint8_t *p, size_t len, float *out,
								 zf_error *err);

/*
 * Big-endian (big_endian true) or little-endian IEEE binary32/binary64 of
 * 4 or 8 bytes to double.  NaN and infinity are returned as such (the fdw
 * decides whether the column accepts them).
 */
extern zf_status zf_ieee_to_double(const uint8_t *p, size_t len,
								   bool big_endian, double *out,
								   zf_error *err);

/* Encoders for the SQL helpers and the benchmark generator. */
extern zf_status zf_double_to_hfp(double v, size_t len, uint8_t *dst,
								  zf_error *err);

/*
 * Encoders for writing files, which never round: a double to HFP of 4 or
 * 8 bytes that is ZF_E_OVERFLOW unless the HFP value equals v exactly (a
 * short HFP holds 21 to 24 significant bits; a long one holds every
 * double within HFP's range, 16^-65 .. 16^63), and a double to big-endian
 * IEEE binary32 (exact or ZF_E_OVERFLOW) or binary64.  NaN and infinity
 * are ZF_E_ARG for HFP; IEEE writes them as they are.
 */
extern zf_status zf_double_to_hfp_exact(double v, size_t len, uint8_t *dst,
										zf_error *err);
extern zf_status zf_double_to_ieee(double v, size_t len, uint8_t *dst,
								   zf_error *err);

#endif							/* ZF_FLOATS_H */
